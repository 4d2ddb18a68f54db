#!/usr/bin/env python3
"""HTTP checks of a running ssr-server: test_client.py HOST PORT DIST_DIR [LABEL].
Stdlib only. Every socket has a timeout; prints one PASS/FAIL line per check and
exits 1 if any failed."""
import gzip
import os
import socket
import struct
import sys
import threading
import time

HOST, PORT, DIST = sys.argv[1], int(sys.argv[2]), sys.argv[3]
LABEL = sys.argv[4] if len(sys.argv) > 4 else 'server'
TIMEOUT = 10.0
results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok)))
    print(f"{'PASS' if ok else 'FAIL'} [{LABEL}] {name}{'' if ok else ': ' + str(detail)}", flush=True)


def connect(timeout=TIMEOUT):
    return socket.create_connection((HOST, PORT), timeout=timeout)


class Resp:
    def __init__(self, status, reason, headers, body, raw_head):
        self.status, self.reason, self.headers, self.body, self.raw_head = status, reason, headers, body, raw_head

    def h(self, name):
        return self.headers.get(name.lower())


class Reader:
    """Reads HTTP/1.1 responses (Content-Length framed) from a socket."""

    def __init__(self, sock):
        self.sock, self.buf = sock, b''

    def _fill(self):
        d = self.sock.recv(65536)
        if not d:
            raise EOFError('connection closed')
        self.buf += d

    def read(self, head_only=False):
        while b'\r\n\r\n' not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(b'\r\n\r\n', 1)
        lines = head.decode('latin-1').split('\r\n')
        ver, status, reason = (lines[0].split(' ', 2) + [''])[:3]
        headers = {}
        for l in lines[1:]:
            k, v = l.split(':', 1)
            headers[k.strip().lower()] = v.strip()
        n = 0 if head_only or status in ('304', '204') else int(headers.get('content-length', '0'))
        while len(self.buf) < n:
            self._fill()
        body, self.buf = self.buf[:n], self.buf[n:]
        return Resp(int(status), reason, headers, body, head)

    def closed(self, wait=TIMEOUT):
        """True when the server closes the connection (EOF or reset) within wait s."""
        self.sock.settimeout(wait)
        try:
            while True:
                d = self.sock.recv(65536)
                if not d:
                    return True
                self.buf += d
        except (ConnectionResetError, BrokenPipeError):
            return True
        except socket.timeout:
            return False


def req(path, method='GET', headers=None, version='HTTP/1.1', extra=b''):
    h = {'Host': f'{HOST}:{PORT}'}
    h.update(headers or {})
    s = f'{method} {path} {version}\r\n' + ''.join(f'{k}: {v}\r\n' for k, v in h.items()) + '\r\n'
    return s.encode('latin-1') + extra


def fetch(path, method='GET', headers=None, version='HTTP/1.1'):
    with connect() as s:
        s.sendall(req(path, method, dict({'Connection': 'close'}, **(headers or {})), version))
        return Reader(s).read(head_only=(method == 'HEAD'))


def run(name, fn):
    try:
        fn()
    except Exception as e:  # a check that raised counts as failed
        check(name, False, f'{type(e).__name__}: {e}')


# ---- the pages -------------------------------------------------------------------
ROUTES = [
    ('/', 200, 'wali-run · Home', ['Server-side React, inside WebAssembly', 'href="/about"', 'href="/blog"']),
    ('/about', 200, 'About · wali-run', ['About this site', 'render(url)']),
    ('/projects', 200, 'Projects · wali-run', ['QuickJS', 'SQLite', 'BusyBox']),
    ('/blog', 200, 'Blog · wali-run', ['href="/blog/hello-wali"', 'href="/blog/inside-the-sandbox"']),
    ('/blog/hello-wali', 200, 'Hello, WALI · wali-run', ['<h1>Hello, WALI</h1>']),
    ('/blog/inside-the-sandbox', 200, 'Inside the sandbox · wali-run', ['data-component="callout"']),
    ('/about/?ref=nav', 200, 'About · wali-run', ['About this site']),
    ('/nope', 404, 'Page not found · wali-run', ['Page not found']),
    ('/blog/no-such-post', 404, 'Page not found · wali-run', ['Page not found']),
]


def t_pages():
    for path, status, title, texts in ROUTES:
        r = fetch(path)
        body = r.body.decode('utf-8', 'replace')
        want = [f'<title>{title}</title>', '<script type="module"', '<div id="root"><div class="shell">'] + texts
        missing = [t for t in want if t not in body]
        ok = (r.status == status and not missing and r.h('content-type') == 'text/html; charset=utf-8'
              and '<!--app-html-->' not in body and '<!--app-head-->' not in body)
        check(f'page {path} -> {status}', ok, f'status {r.status}, missing {missing}')


ASSETS = sorted(os.listdir(os.path.join(DIST, 'client', 'assets')))
JS = '/assets/' + next(a for a in ASSETS if a.endswith('.js'))
CSS = '/assets/' + next(a for a in ASSETS if a.endswith('.css'))


def local(path):
    with open(os.path.join(DIST, 'client', path.lstrip('/')), 'rb') as f:
        return f.read()


def t_static():
    for path, ctype in ((JS, 'text/javascript'), (CSS, 'text/css')):
        r = fetch(path)
        ok = (r.status == 200 and (r.h('content-type') or '').startswith(ctype)
              and r.h('cache-control') == 'public, max-age=31536000, immutable'
              and r.body == local(path) and r.h('etag') and r.h('content-encoding') is None)
        check(f'static {path} type/cache/body', ok, r.raw_head)


def t_types():
    """Files the test script adds to its copy of the site (outside /assets/)."""
    if not os.path.exists(os.path.join(DIST, 'client', 'robots.txt')):
        check('extra files present (test.sh copies the site)', False, 'no robots.txt')
        return
    for path, ctype, gz in (('/robots.txt', 'text/plain; charset=utf-8', True), ('/logo.svg', 'image/svg+xml', True),
                            ('/data.json', 'application/json', True), ('/img.png', 'image/png', False),
                            ('/font.woff2', 'font/woff2', False), ('/favicon.ico', 'image/x-icon', True),
                            ('/assets/app.js.map', 'application/json', True), ('/sub/a%20b.txt', 'text/plain; charset=utf-8', True)):
        r = fetch(path, headers={'Accept-Encoding': 'gzip'})
        body = gzip.decompress(r.body) if r.h('content-encoding') == 'gzip' else r.body
        want_cache = 'public, max-age=31536000, immutable' if path.startswith('/assets/') else 'no-cache'
        ok = (r.status == 200 and r.h('content-type') == ctype and r.h('cache-control') == want_cache
              and body == local(path.replace('%20', ' ')) and (r.h('content-encoding') == 'gzip') == gz)
        check(f'static {path}: {ctype}, {want_cache}, gzip={gz}', ok, r.raw_head)
    # a changed file is served anew, with a new ETag
    a = fetch('/robots.txt')
    with open(os.path.join(DIST, 'client', 'robots.txt'), 'ab') as f:
        f.write(b'# changed\n')
    st = os.stat(os.path.join(DIST, 'client', 'robots.txt'))
    os.utime(os.path.join(DIST, 'client', 'robots.txt'), (st.st_atime + 5, st.st_mtime + 5))
    b = fetch('/robots.txt', headers={'If-None-Match': a.h('etag')})
    check('changed file: new ETag and body', b.status == 200 and b.h('etag') != a.h('etag') and b.body.endswith(b'# changed\n'),
          b.raw_head)


def t_etag():
    r = fetch(CSS)
    etag = r.h('etag')
    r2 = fetch(CSS, headers={'If-None-Match': etag})
    check('ETag -> 304', r2.status == 304 and r2.body == b'' and r2.h('etag') == etag, r2.raw_head)
    r3 = fetch(CSS, headers={'If-None-Match': '"other"'})
    check('other ETag -> 200', r3.status == 200, r3.status)


def t_gzip():
    for path in (JS, CSS):
        r = fetch(path, headers={'Accept-Encoding': 'gzip, deflate, br'})
        ok = (r.status == 200 and r.h('content-encoding') == 'gzip' and 'accept-encoding' in (r.h('vary') or '').lower()
              and gzip.decompress(r.body) == local(path) and len(r.body) < len(local(path)))
        check(f'gzip {path} decompresses to the file', ok, r.raw_head)
    plain = fetch('/about')
    r = fetch('/about', headers={'Accept-Encoding': 'gzip'})
    check('gzip rendered page = plain page', r.h('content-encoding') == 'gzip' and gzip.decompress(r.body) == plain.body,
          r.raw_head)
    r = fetch(JS, headers={'Accept-Encoding': 'gzip;q=0, identity'})
    check('gzip;q=0 not compressed', r.h('content-encoding') is None and r.body == local(JS), r.raw_head)


def t_head():
    for path in ('/', JS):
        g = fetch(path)
        with connect() as s:
            # HEAD then GET on one connection: the GET's response must come right after
            # the HEAD's headers (a HEAD body would corrupt it).
            s.sendall(req(path, 'HEAD') + req('/about', 'GET', {'Connection': 'close'}))
            rd = Reader(s)
            h = rd.read(head_only=True)
            g2 = rd.read()
        ok = (h.status == 200 and h.h('content-length') == str(len(g.body)) and g2.status == 200
              and b'About this site' in g2.body)
        check(f'HEAD {path} no body, same Content-Length', ok, h.raw_head)


def t_keepalive():
    with connect() as s:
        rd = Reader(s)
        s.sendall(req('/about'))
        a = rd.read()
        s.sendall(req(CSS))
        b = rd.read()
        ok = a.status == 200 and b.status == 200 and b.body == local(CSS) and a.h('connection') == 'keep-alive'
        check('keep-alive: 2 requests on 1 connection', ok, (a.status, b.status))
        s.sendall(req('/blog', headers={'Connection': 'close'}))
        c = rd.read()
        check('Connection: close honoured', c.status == 200 and rd.closed(5), c.raw_head)
    with connect() as s:
        s.sendall(req('/about', version='HTTP/1.0'))
        rd = Reader(s)
        a = rd.read()
        check('HTTP/1.0 closes by default', a.status == 200 and rd.closed(5), a.raw_head)
    with connect() as s:
        rd = Reader(s)
        s.sendall(req('/about', version='HTTP/1.0', headers={'Connection': 'keep-alive'}))
        a = rd.read()
        s.sendall(req('/projects', version='HTTP/1.0', headers={'Connection': 'keep-alive'}))
        b = rd.read()
        check('HTTP/1.0 keep-alive', a.status == 200 and b.status == 200 and b'BusyBox' in b.body, b.raw_head)


def t_pipeline():
    with connect() as s:
        s.sendall(req('/about') + req('/nope') + req(CSS, headers={'Connection': 'close'}))
        rd = Reader(s)
        a, b, c = rd.read(), rd.read(), rd.read()
        ok = (a.status == 200 and b'About this site' in a.body and b.status == 404 and b'Page not found' in b.body
              and c.status == 200 and c.body == local(CSS))
        check('pipelining: 3 responses in order', ok, (a.status, b.status, c.status))
    with connect() as s:  # with a small body to skip in between
        s.sendall(req('/', 'POST', {'Content-Length': '5'}, extra=b'hello') + req('/about', headers={'Connection': 'close'}))
        rd = Reader(s)
        a, b = rd.read(), rd.read()
        check('pipelining after a POST body', a.status == 405 and b.status == 200, (a.status, b.status))


def raw(data, head_only=False):
    with connect() as s:
        s.sendall(data)
        return Reader(s).read(head_only)


def t_errors():
    r = raw(req('/', 'POST', {'Content-Length': '3', 'Connection': 'close'}, extra=b'a=b'))
    check('POST -> 405 with Allow', r.status == 405 and r.h('allow') == 'GET, HEAD', r.raw_head)
    r = raw(req('/', 'DELETE', {'Connection': 'close'}))
    check('DELETE -> 405', r.status == 405, r.raw_head)
    r = raw(b'GARBAGE\r\n\r\n')
    check('malformed request line -> 400', r.status == 400, r.raw_head)
    r = raw(b'GET / HTTP/1.1\r\nHost x\r\n\r\n')
    check('malformed header -> 400', r.status == 400, r.raw_head)
    r = raw(b'GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n')
    check('bad Content-Length -> 400', r.status == 400, r.raw_head)
    r = raw(req('/upload', 'POST', {'Content-Length': str(2 * 1024 * 1024)}))
    check('Content-Length 2 MiB -> 413', r.status == 413, r.raw_head)
    r = raw(req('/' + 'a' * 9000))
    check('9000-byte URI -> 414', r.status == 414, r.raw_head)
    hdrs = {f'X-Filler-{i}': 'x' * 200 for i in range(100)}
    r = raw(req('/', headers=hdrs))
    check('20 KiB of headers -> 431', r.status == 431, r.raw_head)
    for p in ('/../../etc/passwd', '/assets/%2e%2e/%2e%2e/index.html', '/%zz', '/a%00b'):
        r = raw(req(p, headers={'Connection': 'close'}))
        check(f'bad path {p} -> 400', r.status == 400, r.raw_head)
    r = fetch('/assets/../assets/x')
    check('".." never served', r.status == 400, r.raw_head)
    r = fetch(f'http://{HOST}:{PORT}/about?x=1')
    check('absolute-form target', r.status == 200 and b'About this site' in r.body, r.raw_head)
    r = fetch('/index.html')
    check('/index.html is rendered, not the raw template', b'<!--app-html-->' not in r.body, r.raw_head)


def t_slow_and_idle():
    out = {}

    def slow():
        with connect() as s:
            t0 = time.time()
            s.sendall(b'GET / HTTP/1.1\r\nHost: x\r\n')  # never finished
            rd = Reader(s)
            out['slow'] = (rd.closed(20), time.time() - t0)

    def slow_drip():  # keeps sending a byte a second: must still be cut at ~10 s
        with connect() as s:
            t0 = time.time()
            s.sendall(b'GET / HTTP/1.1\r\n')
            closed = False
            try:
                while time.time() - t0 < 20:
                    s.sendall(b'X-A: b\r\n')
                    s.settimeout(1.0)
                    try:
                        if s.recv(65536) == b'':
                            closed = True
                            break
                    except socket.timeout:
                        pass
            except (ConnectionResetError, BrokenPipeError):
                closed = True
            out['drip'] = (closed, time.time() - t0)

    def idle():
        with connect() as s:
            t0 = time.time()
            s.sendall(req('/about'))
            rd = Reader(s)
            rd.read()
            out['idle'] = (rd.closed(20), time.time() - t0)

    def stalled():  # asks for ~1.9 MB and reads nothing: cut after ~10 s without progress
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.settimeout(TIMEOUT)
        s.connect((HOST, PORT))
        with s:
            s.sendall(req(JS) * 8)
            time.sleep(12.5)
            got, closed = 0, False
            s.settimeout(3)
            try:
                while True:
                    d = s.recv(65536)
                    if not d:
                        closed = True
                        break
                    got += len(d)
            except (ConnectionResetError, BrokenPipeError):
                closed = True
            except socket.timeout:
                pass
            out['stalled'] = (closed, got)

    ts = [threading.Thread(target=f) for f in (slow, slow_drip, idle, stalled)]
    for t in ts:
        t.start()
    # meanwhile the server keeps serving others
    time.sleep(1)
    r = fetch('/projects')
    check('serves others while slow clients wait', r.status == 200, r.status)
    for t in ts:
        t.join(25)
    for k, what in (('slow', 'partial headers'), ('drip', 'header drip'), ('idle', 'idle keep-alive')):
        closed, dt = out.get(k, (False, -1))
        check(f'{what} connection closed in 9-16 s (10 s timeout; slack for a loaded machine)', closed and 9 <= dt <= 16, f'closed={closed} after {dt:.1f}s')
    closed, got = out.get('stalled', (False, -1))
    check('stalled reader closed after the write timeout', closed and 0 <= got < 8 * len(local(JS)),
          f'closed={closed}, got {got} bytes')


def t_abort():
    for i in range(5):
        s = connect()
        s.sendall(req(JS))  # 235 KB: more than the socket buffers take at once
        s.recv(100)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))  # RST on close
        s.close()
    for i in range(3):
        s = connect()
        s.sendall(req(JS) * 3)
        s.close()
    time.sleep(0.5)
    r = fetch('/about')
    check('client closing mid-response does not kill the server', r.status == 200, r.status)


def t_drain(pid):
    """SIGTERM while a response is in flight: it completes, then the server closes."""
    import signal
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.settimeout(TIMEOUT)
    s.connect((HOST, PORT))
    s.sendall(req(JS) * 8)  # ~1.9 MB of responses, far more than the socket buffers
    time.sleep(0.5)
    os.kill(pid, signal.SIGTERM)
    time.sleep(0.5)
    rd = Reader(s)
    got, ok, last = 0, True, None
    try:
        while got < 8:
            r = rd.read()
            ok = ok and r.status == 200 and r.body == local(JS)
            got, last = got + 1, r
    except EOFError:
        pass
    check('SIGTERM: in-flight responses complete', got >= 1 and ok, f'{got} responses, ok={ok}')
    # (requests still unparsed behind the buffered responses are dropped: the
    # connection closes after the responses already produced)
    check('SIGTERM: then the connection closes', rd.closed(10), f'{got} responses')
    try:
        socket.create_connection((HOST, PORT), timeout=2).close()
        refused = False
    except OSError:
        refused = True
    check('SIGTERM: no new connections', refused)


if len(sys.argv) > 6 and sys.argv[5] == '--drain':
    run('drain', lambda: t_drain(int(sys.argv[6])))
    failed = [n for n, ok in results if not ok]
    sys.exit(1 if failed else 0)

for name, fn in (('pages', t_pages), ('static', t_static), ('types', t_types), ('etag', t_etag), ('gzip', t_gzip), ('head', t_head),
                 ('keepalive', t_keepalive), ('pipeline', t_pipeline), ('errors', t_errors), ('abort', t_abort),
                 ('slow', t_slow_and_idle)):
    run(name, fn)

failed = [n for n, ok in results if not ok]
print(f'[{LABEL}] {len(results) - len(failed)} passed, {len(failed)} failed', flush=True)
sys.exit(1 if failed else 0)
