"""Calls the sample app's WS-Security endpoint with zeep's own UsernameToken (text and digest), a client of another stack.

Usage: python3 zeep_wsse.py http://127.0.0.1:PORT [soap11|soap12]
The WSDL is read from the public /soap/calculator?wsdl; calls go to /soap/secure/calculator.
Prints one line per check and exits non-zero on the first mismatch.
"""
import base64
import datetime
import hashlib
import os
import sys

import zeep
from zeep.exceptions import Fault
from zeep.wsse.username import UsernameToken
from zeep.wsse import utils

base, binding = sys.argv[1].rstrip("/"), (sys.argv[2] if len(sys.argv) > 2 else "soap11")
checks = 0


def check(name, actual, expected):
    global checks
    if actual != expected:
        print(f"FAIL {name}: expected {expected!r}, got {actual!r}")
        sys.exit(1)
    checks += 1
    print(f"ok {name}")


def service(wsse):
    client = zeep.Client(base + "/soap/calculator?wsdl", wsse=wsse)
    name = "CalculatorServiceSoap11Binding" if binding == "soap11" else "CalculatorServiceSoap12Binding"
    qname = next(b for b in client.wsdl.bindings if b.endswith(name))
    return client.create_service(qname, base + "/soap/secure/calculator")


def fault_code(fault):
    # SOAP 1.1: faultcode is the QName text; SOAP 1.2: the OASIS code is the Subcode of env:Sender.
    if binding == "soap11":
        return fault.code.split(":")[-1]
    return [q.localname for q in (fault.subcodes or [])][-1]


def refused(name, wsse, code):
    try:
        service(wsse).Add(1, 2)
        print(f"FAIL {name}: accepted")
        sys.exit(1)
    except Fault as fault:
        check(f"{name} fault code", fault_code(fault), code)


# Accepted: text and digest, each with zeep's own nonce and Created.
check("text Add", service(UsernameToken("alice", "wonderland")).Add(20, 22), 42)
check("digest Add", service(UsernameToken("alice", "wonderland", use_digest=True)).Add(40, 2), 42)
check("digest with timestamp Add", service(UsernameToken("alice", "wonderland", use_digest=True, timestamp_token=utils.WSU.Timestamp(
    utils.WSU.Created(utils.get_timestamp()),
    utils.WSU.Expires(utils.get_timestamp(datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=5)))))).Echo("hi"), "hi")

# The digest zeep computes is the OASIS formula, Base64(SHA-1(nonce + created + password)); the test checks the
# printed vector against the server's own digest function too.
token = UsernameToken("alice", "wonderland", use_digest=True, nonce="zeep-nonce-0123",
                      created=datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc))
parts = {e.tag.split("}")[-1]: e.text for e in token._create_password_digest()}
nonce = base64.b64decode(parts["Nonce"])
expected = base64.b64encode(hashlib.sha1(nonce + parts["Created"].encode() + b"wonderland").digest()).decode()
check("zeep digest is the OASIS formula", parts["Password"], expected)
print(f"VECTOR {parts['Nonce']} {parts['Created']} {parts['Password']}")

# Refused, with the OASIS fault codes.
refused("wrong password (text)", UsernameToken("alice", "looking-glass"), "FailedAuthentication")
refused("wrong password (digest)", UsernameToken("alice", "looking-glass", use_digest=True), "FailedAuthentication")
refused("unknown user", UsernameToken("mallory", "wonderland", use_digest=True), "FailedAuthentication")
old = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)
refused("old Created", UsernameToken("alice", "wonderland", use_digest=True, created=old), "FailedAuthentication")
replayed = UsernameToken("alice", "wonderland", use_digest=True, nonce=base64.b64encode(os.urandom(12)).decode(),
                         created=datetime.datetime.now(datetime.timezone.utc))
check("first use of a nonce", service(replayed).Add(1, 1), 2)
refused("replayed nonce", replayed, "FailedAuthentication")
refused("no token", None, "InvalidSecurity")

print(f"OK {checks} checks")
