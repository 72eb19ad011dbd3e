"""Reads every top-level WSDL of the corpus (argv[1]) with zeep, offline, and writes one JSON object to argv[2]:
{"<local_path>": {"ok": true, "ports": {"Service/Port": ["Op", ...]}} or {"ok": false, "error": "..."}}.
Well-known schema URLs map to the corpus's local copies (PROVENANCE.tsv); any other remote URL fails, as offline."""
import json, os, sys, signal
from zeep import Settings
from zeep.transports import Transport
from zeep.wsdl import Document

root = sys.argv[1]
WELL_KNOWN = {
    "http://schemas.xmlsoap.org/soap/encoding/": "axis1/axis-rt-core/src/main/resources/org/apache/axis/wsdl/symbolTable/soap-encoding.xsd",
    "https://www.w3.org/2001/xml.xsd": "axis1/axis-rt-core/src/main/resources/org/apache/axis/wsdl/symbolTable/xml.xsd",
    "http://www.w3.org/2001/xml.xsd": "axis1/axis-rt-core/src/main/resources/org/apache/axis/wsdl/symbolTable/xml.xsd",
    "http://www.w3.org/2009/01/xml.xsd": "axis1/axis-rt-core/src/main/resources/org/apache/axis/wsdl/symbolTable/xml.xsd",
    "http://www.w3.org/2005/05/xmlmime": "axis2/modules/adb-codegen/test-resources/std/xmlmime.xsd",
    "http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd": "zeep/tests/wsdl_files/xmldsig-core-schema.xsd",
}

class OfflineTransport(Transport):
    def load(self, url):
        if url in WELL_KNOWN:
            with open(os.path.join(root, WELL_KNOWN[url]), "rb") as f:
                return f.read()
        if url.startswith(("http://", "https://")):
            raise IOError("offline: " + url)
        return super().load(url)

class Timeout(Exception):
    pass

def on_alarm(signum, frame):
    raise Timeout("zeep took over 60 s")

signal.signal(signal.SIGALRM, on_alarm)
results = {}
with open(os.path.join(root, "PROVENANCE.tsv")) as f:
    tops = [line.split("\t")[0] for line in f.read().splitlines()[1:] if line.endswith("\ttop")]
for path in tops:
    signal.alarm(60)
    try:
        doc = Document(os.path.join(root, path), OfflineTransport(), settings=Settings())
        ports = {}
        for service in doc.services.values():
            for port in service.ports.values():
                ports[service.name + "/" + port.name] = sorted(port.binding._operations.keys())
        results[path] = {"ok": True, "ports": ports}
    except BaseException as e:
        results[path] = {"ok": False, "error": (type(e).__name__ + ": " + str(e))[:300]}
    finally:
        signal.alarm(0)
with open(sys.argv[2], "w") as out:
    json.dump(results, out, indent=0, sort_keys=True)
