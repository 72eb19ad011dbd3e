"""Drives the sample app's CalculatorService with zeep, a real SOAP client of another stack.

Usage: python3 zeep_client.py http://127.0.0.1:PORT/soap/calculator [soap11|soap12]
Prints one line per check and exits non-zero on the first mismatch.
"""
import datetime
import decimal
import sys

import zeep
from zeep.exceptions import Fault

url, binding = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "soap11")
client = zeep.Client(url + "?wsdl")
port = "CalculatorServiceSoap11" if binding == "soap11" else "CalculatorServiceSoap12"
service = client.bind("CalculatorService", port)
checks = 0


def check(name, actual, expected):
    global checks
    if actual != expected:
        print(f"FAIL {name}: expected {expected!r}, got {actual!r}")
        sys.exit(1)
    checks += 1


for text in ["hello", "", "unicode: żółć 日本語 🚀", "markup <a href='x'>&amp; & < > \" '", "x" * 64]:
    check(f"Echo({text[:20]!r})", service.Echo(text) or "", text)

for a, b, expected in [(1, 2, 3), (-5, 3, -2), (2147483647, 0, 2147483647), (-2147483648, 0, -2147483648),
                       (2147483647, 1, -2147483648)]:
    check(f"Add({a},{b})", service.Add(a, b), expected)

for data in [b"", b"\x00\x01\xff", bytes(range(256)) * 40]:
    check(f"EchoBytes({len(data)} bytes)", service.EchoBytes(data) or b"", data)

for a, b, expected in [(7, 2, 3), (-7, 2, -3), (7, -2, -3), (0, 5, 0), (2147483647, 1, 2147483647)]:
    check(f"Divide({a},{b})", service.Divide(a, b), expected)

try:
    service.Divide(1, 0)
    print("FAIL Divide(1,0): no fault")
    sys.exit(1)
except Fault as fault:
    check("Divide fault message", fault.message, "Division by zero.")
    code = fault.code if isinstance(fault.code, str) else str(fault.code)
    check("Divide fault code is Client/Sender", ("Client" in code) or ("Sender" in code), True)

for lines in [0, 1, 50]:
    order = service.GetOrder(17, lines)
    check(f"GetOrder({lines}).Id", order.Id, 17)
    check(f"GetOrder({lines}).Customer", order.Customer, "Customer 17")
    created = order.CreatedAt
    check(f"GetOrder({lines}).CreatedAt", created.astimezone(datetime.timezone.utc),
          datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc))
    items = order.Lines.OrderLine if order.Lines is not None else []
    items = items or []
    check(f"GetOrder({lines}) line count", len(items), lines)
    for i, line in enumerate(items, start=1):
        check(f"GetOrder line {i} Sku", line.Sku, f"SKU-{i}")
        check(f"GetOrder line {i} Quantity", line.Quantity, i)
        check(f"GetOrder line {i} Price", line.Price, decimal.Decimal(i) * decimal.Decimal("1.25"))

check("Sleep(0) returns nothing", service.Sleep(0), None)
print(f"OK {checks} checks over {binding}")
