#!/usr/bin/env python3
"""CGI-style front for the per-request model (Python 3 stdlib only).

    cgi_front.py HOST PORT -- CMD [ARG...]

For every GET it runs CMD (any argument "{url}" is replaced by the request path), waits
for it and answers 200 text/html with its stdout (500 if it exits non-zero). This is the
2022 demo's model: a new Wasm instance plus a fresh bundle load per request. The front's
own cost (threads, HTTP parsing, fork/exec) is included in what wrk measures; bench.sh
measures it separately by running the same front with a trivial command (`cat`).
HTTP/1.1 keep-alive, one thread per connection (ThreadingHTTPServer). SIGTERM stops it.
"""
import signal
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit("usage: cgi_front.py HOST PORT -- CMD [ARG...]")
    host, port, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[4:]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without TCP_NODELAY, Nagle + the client's
        # delayed ACK add ~40 ms to every response.
        disable_nagle_algorithm = True

        def do_GET(self):
            argv = [a.replace("{url}", self.path) for a in cmd]
            p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            body = p.stdout if p.returncode == 0 else b"500 Internal Server Error\n"
            self.send_response(200 if p.returncode == 0 else 500)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256

    srv = Server((host, port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"ssr-server: listening on http://{host}:{port}/", flush=True)
    try:
        srv.serve_forever()
    except SystemExit:
        pass


if __name__ == "__main__":
    main()
