"""The HTTP side of the Spyne peers (spyne_server.py, spyne_schema_server.py): Python's wsgiref on 127.0.0.1 and the
port given as the first argument, until the process is killed.
"""
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import make_server, WSGIRequestHandler, WSGIServer

from spyne.server.wsgi import WsgiApplication


class ThreadingServer(ThreadingMixIn, WSGIServer):
    """One thread per connection and a deeper accept queue, so a busy test machine never finds the port refusing."""
    daemon_threads = True
    request_queue_size = 64


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def serve(application):
    """Serves the Spyne application; prints "serving on PORT" once it listens."""
    port = int(sys.argv[1])
    server = make_server("127.0.0.1", port, WsgiApplication(application), server_class=ThreadingServer, handler_class=QuietHandler)
    print("serving on %d" % port, flush=True)
    server.serve_forever()
