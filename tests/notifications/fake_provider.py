"""A fake SMS provider on 127.0.0.1, for the HTTP adapter's tests and the bench.

The last digits of the number say how it answers: ...0002 refused (400),
...0003 too slow (times out), ...0004 rate-limited (429 with Retry-After),
...0005 unavailable (503); anything else is accepted (201 with an id).
Every request received is kept, so that duplicates can be counted.
"""

import json
import socket
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "provider-test-token"


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A worker killed with SIGKILL mid-request is what the reliability run
        # does on purpose: its broken connection is not an error worth a trace.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeProvider:
    def __init__(self, slow_seconds=2.0, delay=0.0):
        self.received = []
        self.connections = 0  # TCP connections accepted (keep-alive reuses one)
        self.drop_idle = False  # close each connection after its answer, unsaid
        self.slow_seconds = slow_seconds
        self.delay = delay
        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def references(self):
        with self._lock:
            return Counter(item["reference"] for item in self.received)

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            # Keep-alive, as a provider's API is; without TCP_NODELAY the answer's
            # body would wait for the client's delayed ACK of its headers (~40 ms).
            protocol_version = "HTTP/1.1"

            def setup(self):
                super().setup()
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with provider._lock:
                    provider.connections += 1

            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)  # whole: the connection is reused
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._answer(401, {"error": "bad credentials"})
                payload = _message(raw)
                if payload is None:
                    # A client killed while sending (the reliability run) leaves a
                    # partial body: refused, as a real provider would.
                    return self._answer(400, {"error": "invalid request"})
                to = payload.get("to", "")
                if to.endswith("0003"):
                    time.sleep(provider.slow_seconds)
                    return self._answer(201, {"id": "late"})
                if to.endswith("0002"):
                    return self._answer(400, {"error": "invalid number"})
                if to.endswith("0004"):
                    return self._answer(
                        429, {"error": "slow down"}, {"Retry-After": "120"}
                    )
                if to.endswith("0005"):
                    return self._answer(503, {"error": "maintenance"})
                if provider.delay:
                    time.sleep(provider.delay)
                with provider._lock:
                    provider.received.append(payload)
                    count = len(provider.received)
                return self._answer(201, {"id": f"msg-{count}"})

            def _answer(self, status, body, headers=None):
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(raw)
                if provider.drop_idle:
                    self.close_connection = True  # as a provider's idle timeout

        return Handler


def _message(raw):
    """The request's JSON message, or None when it is not a whole one."""
    try:
        payload = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(payload, dict) or not all(
        payload.get(key) for key in ("to", "body", "reference")
    ):
        return None
    return payload


def main():
    """Run standalone (for the reliability bench): prints its URL, then serves.

    On SIGTERM, writes the references it received as JSON to the given file.
    """
    import signal
    import sys

    provider = FakeProvider(delay=float(sys.argv[2]) if len(sys.argv) > 2 else 0.0)
    out = sys.argv[1]

    def dump(*_args):
        with open(out, "w") as handle:
            json.dump([item["reference"] for item in provider.received], handle)
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, dump)
    print(provider.url, flush=True)  # noqa: T201
    provider.server.serve_forever()


if __name__ == "__main__":
    main()
