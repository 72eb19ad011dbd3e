"""Drives the test server's ToolService over MessagePack with Python's msgpack, a client of another stack.

Usage: python3 msgpack_client.py http://127.0.0.1:PORT
Prints one line per failed check and exits non-zero on the first mismatch; "OK N checks" when all pass.
"""
import datetime
import decimal
import json
import math
import sys
import time
import urllib.error
import urllib.request

import msgpack

base = sys.argv[1].rstrip("/")
endpoint = base + "/msgpack/tools"
checks = 0


def check(name, actual, expected):
    global checks
    if actual != expected:
        print(f"FAIL {name}: expected {expected!r}, got {actual!r}")
        sys.exit(1)
    checks += 1


def post(url, body, content_type="application/msgpack"):
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read(), error.headers


def call(operation, arguments, url=endpoint, **pack_options):
    status, content_type, body, _ = post(url, msgpack.packb({operation: arguments}, **pack_options))
    check(f"{operation} content type", content_type, "application/msgpack")
    return status, msgpack.unpackb(body, timestamp=0)


def result(operation, arguments, **pack_options):
    status, answer = call(operation, arguments, **pack_options)
    check(f"{operation}({arguments!r}) status", status, 200)
    check(f"{operation} result key", list(answer), [operation + "Result"])
    return answer[operation + "Result"]


def fault(status_expected, operation, arguments, url=endpoint):
    status, answer = call(operation, arguments, url)
    check(f"{operation}({arguments!r}) fault status", status, status_expected)
    check(f"{operation} fault key", list(answer), ["fault"])
    return answer["fault"]


for text in ["hello", "", "unicode: żółć 日本語 🚀", "markup <a href='x'>&amp; & < > \" ' \\", "x" * 70000]:
    check(f"Echo({text[:20]!r})", result("Echo", {"text": text}), text)

for a, b, expected in [(1, 2, 3), (-5, 3, -2), (2147483647, 1, -2147483648), (-2147483648, 0, -2147483648)]:
    check(f"Add({a},{b})", result("Add", {"a": a, "b": b}), expected)

for a, b, expected in [(7, 2, 3), (-7, 2, -3), (0, 5, 0), (-2147483648, -1, -2147483648)]:
    check(f"Divide({a},{b})", result("Divide", {"a": a, "b": b}), expected)

divide = fault(400, "Divide", {"a": 1, "b": 0})
check("Divide fault", divide, {"code": "Client", "message": "Division by zero.", "subcode": "DivideByZero",
                               "detail": {"Dividend": 1}})

for lines in [0, 1, 50]:
    order = result("GetOrder", {"id": 17, "lines": lines})
    check(f"GetOrder({lines}) keys", sorted(order), ["CreatedAt", "Customer", "Id", "Lines"])
    check(f"GetOrder({lines}).Id", order["Id"], 17)
    check(f"GetOrder({lines}).Customer", order["Customer"], "Customer 17")
    created = datetime.datetime.fromisoformat(order["CreatedAt"].replace("Z", "+00:00"))
    check(f"GetOrder({lines}).CreatedAt", created, datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc))
    check(f"GetOrder({lines}) line count", len(order["Lines"]), lines)
    for i, line in enumerate(order["Lines"], start=1):
        check(f"GetOrder line {i} Sku", line["Sku"], f"SKU-{i}")
        check(f"GetOrder line {i} Quantity", line["Quantity"], i)
        check(f"GetOrder line {i} Price", decimal.Decimal(line["Price"]), decimal.Decimal(i) * decimal.Decimal("1.25"))

too_many = fault(400, "GetOrder", {"id": 1, "lines": 5000})
check("GetOrder fault", too_many, {"code": "Client", "message": "lines must be between 0 and 1000, got 5000.",
                                   "subcode": "InvalidLines"})

for data in [b"", b"\x00\x01\x02\xff", bytes(range(256)) * 10]:
    reversed_data = result("Reverse", {"data": data})
    check(f"Reverse({len(data)} bytes) is bin", type(reversed_data), bytes)
    check(f"Reverse({len(data)} bytes)", reversed_data, data[::-1])

for value, half in [(3.0, 1.5), (-0.25, -0.125), (1e300, 5e299), (float("inf"), float("inf")), (7, 3.5)]:
    check(f"Half({value})", result("Half", {"value": value}), half)
check("Half(nan)", math.isnan(result("Half", {"value": float("nan")})), True)
check("Half(float32)", result("Half", {"value": 1.5}, use_single_float=True), 0.75)

day = datetime.datetime(2024, 2, 28, 13, 45, 30, tzinfo=datetime.timezone.utc)
next_day = result("NextDay", {"day": day}, datetime=True)
check("NextDay(timestamp)", datetime.datetime.fromisoformat(next_day.replace("Z", "+00:00")),
      datetime.datetime(2024, 2, 29, 13, 45, 30, tzinfo=datetime.timezone.utc))
next_day = result("NextDay", {"day": "2023-12-31T00:00:00Z"})
check("NextDay(string)", next_day.startswith("2024-01-01T00:00:00"), True)

status, answer = call("Ping", {})
check("Ping status", status, 200)
check("Ping result", answer, {})

crash = fault(500, "Crash", {})
check("Crash fault", crash, {"code": "Server", "message": "Internal Error"})

# The older media type is read, and answered in kind.
status, content_type, body, _ = post(endpoint, msgpack.packb({"Add": {"a": 40, "b": 2}}), "application/x-msgpack")
check("x-msgpack status", (status, content_type), (200, "application/x-msgpack"))
check("x-msgpack result", msgpack.unpackb(body), {"AddResult": 42})

# The route names the operation; the body is the arguments alone.
status, content_type, body, _ = post(endpoint + "/Add", msgpack.packb({"a": 20, "b": 22}))
check("route Add", (status, msgpack.unpackb(body)), (200, {"AddResult": 42}))
status, content_type, body, _ = post(endpoint + "/Nope", msgpack.packb({}))
check("route unknown operation", (status, msgpack.unpackb(body)["fault"]["message"]), (404, "Unknown operation 'Nope'."))

# Requests to refuse: the same words as the JSON protocol where the arguments are wrong.
check("unknown operation", fault(400, "Nope", {})["message"], "Unknown operation 'Nope'.")
check("invalid int", fault(400, "Add", {"a": "x", "b": 1})["message"], "Element 'Add/a': 'x' is not a valid xs:int.")
check("unknown member", fault(400, "Add", {"a": 1, "c": 2})["message"], "Element 'Add/c': unknown element; expected a, b.")
for body in [b"not msgpack at all", b"\xc1", msgpack.packb({"Add": {"a": 1, "b": 2}})[:-1], json.dumps({"Add": {}}).encode()]:
    status, content_type, answer, _ = post(endpoint, body)
    refused = msgpack.unpackb(answer)["fault"]
    check(f"not msgpack {body[:12]!r}", (status, content_type, refused["code"]), (400, "application/msgpack", "Client"))
    check(f"not msgpack {body[:12]!r} message", refused["message"].startswith("The request is not valid MessagePack"), True)

# Through the queue: 202, then the task's Location until it is finished.
status, content_type, body, headers = post(base + "/queue", msgpack.packb({"Add": {"a": 2, "b": 3}}))
check("queue status", status, 202)
location = base + headers["Location"]
deadline = time.monotonic() + 30
while True:
    with urllib.request.urlopen(location, timeout=30) as response:
        task = json.load(response)
    if task["state"] in ("Succeeded", "Failed") or time.monotonic() > deadline:
        break
    time.sleep(0.05)
check("queued Add state", task["state"], "Succeeded")
check("queued Add result type", task["resultContentType"], "application/msgpack")

print(f"OK {checks} checks")
