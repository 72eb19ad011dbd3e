"""zeep reads our MTOM responses: EchoBytes on the sample app started with Rpc:Mtom:AlwaysRespond=true.

Usage: python3 zeep_mtom.py http://127.0.0.1:PORT/soap/calculator
Prints one line per check and exits non-zero on the first mismatch.
"""
import os
import sys

import zeep

url = sys.argv[1]


class RecordingTransport(zeep.Transport):
    """Keeps the content type of each response, to show that it was MTOM and not base64 text."""

    content_types = []

    def post_xml(self, address, envelope, headers):
        response = super().post_xml(address, envelope, headers)
        self.content_types.append(response.headers.get("Content-Type", ""))
        return response


transport = RecordingTransport()
client = zeep.Client(url + "?wsdl", transport=transport)
for port in ["CalculatorServiceSoap11", "CalculatorServiceSoap12"]:
    service = client.bind("CalculatorService", port)
    for size in [0, 1, 70_000, 1_000_000]:
        data = os.urandom(size)
        result = service.EchoBytes(data) or b""
        content_type = transport.content_types[-1]
        if not content_type.startswith("multipart/related") or "application/xop+xml" not in content_type:
            print(f"FAIL {port} EchoBytes({size}): the response is not MTOM: {content_type!r}")
            sys.exit(1)
        if result != data:
            print(f"FAIL {port} EchoBytes({size}): {len(result)} bytes back, not the {size} sent")
            sys.exit(1)
        print(f"ok {port} EchoBytes({size}) as MTOM")
print("OK")
