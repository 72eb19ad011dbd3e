"""Drives the ICatalog WCF contract with zeep, a SOAP client of another stack, from the WSDL alone.

Usage: python3 zeep_catalog.py http://127.0.0.1:PORT/Catalog.svc [soap11|soap12]
The WSDL has one schema per namespace (the contract's, two data contract namespaces, WCF's Arrays namespace) with
imports between them. Prints one line per failed check and exits non-zero on the first mismatch.
"""
import sys

import zeep

url, binding = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "soap11")
client = zeep.Client(url + "?wsdl")
port = "BasicHttpBinding_ICatalog" if binding == "soap11" else "CustomBinding_ICatalog"
service = client.bind("ICatalog", port)
arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
checks = 0


def check(name, actual, expected):
    global checks
    if actual != expected:
        print(f"FAIL {name}: expected {expected!r}, got {actual!r}")
        sys.exit(1)
    checks += 1


def items(value, name):
    """A collection result: zeep unwraps an ArrayOf{Item} result into its item list."""
    return value if isinstance(value, list) else getattr(value, name)


ArrayOfint = client.get_type(f"{{{arrays}}}ArrayOfint")
ArrayOfstring = client.get_type(f"{{{arrays}}}ArrayOfstring")

for id in [0, 7, 42]:
    product = service.GetProduct(id)
    check(f"GetProduct({id}).Id", product.Id, id)
    check(f"GetProduct({id}).Name", product.Name, f"product {id}")
    check(f"GetProduct({id}).Tags", product.Tags.string, [f"t{id}", "common"])
    check(f"GetProduct({id}).Scores", product.Scores.int, [id, id * 2])
    check(f"GetProduct({id}).Supplier.Name", product.Supplier.Name, f"supplier {id}")
    check(f"GetProduct({id}).Supplier.Ratings", product.Supplier.Ratings.int, [id % 5])
    check(f"GetProduct({id}).Supplier.Region", product.Supplier.Region, "North" if id % 2 == 0 else "South")
    check(f"GetProduct({id}).Variants", [v.Sku for v in product.Variants["Product.Variant"]], [f"V{id}"])

    checked = service.Check(product)
    check(f"Check({id}).Id", checked.Id, id + 1)
    check(f"Check({id}).Tags", checked.Tags.string, [f"T{id}", "COMMON"])
    check(f"Check({id}).Scores", checked.Scores.int, [id + 1, id * 2 + 1])
    check(f"Check({id}).Supplier.Region", checked.Supplier.Region, product.Supplier.Region)

check("Double", items(service.Double(ArrayOfint(int=[1, -2, 0])), "int"), [2, -4, 0])
check("Upper", items(service.Upper(ArrayOfstring(string=["a", "é"])), "string"), ["A", "É"])
check("Find", [p.Id for p in items(service.Find(ArrayOfstring(string=["common"]), ArrayOfint(int=[3, 4])), "Product")], [3, 4])

try:
    service.Check({"Id": 1, "Name": "bad", "Tags": None, "Scores": None, "Supplier": {"Name": "s", "Ratings": None, "Region": "North"}, "Variants": None})
    print("FAIL Check(bad): no fault")
    sys.exit(1)
except zeep.exceptions.Fault as fault:
    check("Check(bad) reason", fault.message, "Product rejected")

print(f"OK {checks} checks")
