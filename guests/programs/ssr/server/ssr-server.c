/* ssr-server: an HTTP/1.1 server for a Vite/React SSR build, rendering pages
 * with QuickJS (entry-server.js's render(url)) and serving the client's static
 * files (ETag, gzip via zlib). Built natively and as a WALI guest.
 *
 *   ssr-server [--host H] [--port P] [--workers N] DIST_DIR
 *
 * One epoll loop per worker process; --workers N forks N workers sharing the
 * listening socket (N = 0: serve in this process, no fork). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "quickjs.h"
#include "zlib.h"

#define MAX_REQLINE   (8 * 1024)
#define MAX_HEADERS   (16 * 1024)
#define MAX_BODY      (1024 * 1024)
#define IDLE_MS       10000
#define HEADER_MS     10000
#define WRITE_MS      10000
#define DRAIN_MS      10000
#define OUT_HIGH      (1024 * 1024)   /* stop parsing pipelined requests above this */

/* ---- small helpers ------------------------------------------------------------- */

static void die(const char *fmt, ...) {
  va_list ap; va_start(ap, fmt);
  fprintf(stderr, "ssr-server: ");
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static int64_t now_ms(void) {
  struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
static double now_msf(void) {
  struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef struct { char *p; size_t len, cap; } buf_t;

static void buf_reserve(buf_t *b, size_t extra) {
  if (b->len + extra <= b->cap) return;
  size_t nc = b->cap ? b->cap : 4096;
  while (nc < b->len + extra) nc *= 2;
  char *np = realloc(b->p, nc);
  if (!np) die("out of memory");
  b->p = np; b->cap = nc;
}
static void buf_add(buf_t *b, const void *d, size_t n) {
  buf_reserve(b, n); memcpy(b->p + b->len, d, n); b->len += n;
}
static void buf_printf(buf_t *b, const char *fmt, ...) {
  va_list ap;
  for (;;) {
    size_t room = b->cap - b->len;
    va_start(ap, fmt);
    int n = vsnprintf(b->p ? b->p + b->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n < 0) die("vsnprintf");
    if ((size_t)n < room) { b->len += n; return; }
    buf_reserve(b, n + 1);
  }
}
static void buf_consume(buf_t *b, size_t n) {
  if (n >= b->len) { b->len = 0; return; }
  memmove(b->p, b->p + n, b->len - n); b->len -= n;
}

static char *read_file(const char *path, size_t *len) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NULL;
  struct stat st;
  if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) { close(fd); return NULL; }
  char *p = malloc(st.st_size + 1);
  size_t got = 0;
  while (got < (size_t)st.st_size) {
    ssize_t r = read(fd, p + got, st.st_size - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += r;
  }
  close(fd);
  p[got] = 0;
  *len = got;
  return p;
}

/* gzip (windowBits 31) of d[0..n) into a fresh malloc'd buffer. */
static char *gzip_bytes(const char *d, size_t n, size_t *outlen) {
  z_stream zs; memset(&zs, 0, sizeof zs);
  if (deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK) return NULL;
  size_t cap = deflateBound(&zs, n) + 32;
  char *out = malloc(cap);
  zs.next_in = (Bytef *)d; zs.avail_in = n;
  zs.next_out = (Bytef *)out; zs.avail_out = cap;
  int rc = deflate(&zs, Z_FINISH);
  if (rc != Z_STREAM_END) { deflateEnd(&zs); free(out); return NULL; }
  *outlen = zs.total_out;
  deflateEnd(&zs);
  return out;
}

/* ---- configuration / global state ---------------------------------------------- */

static const char *opt_host = "127.0.0.1";
static int opt_port = 8080;
static int opt_workers = 1;
static char client_dir[4096];
static char *tmpl; static size_t tmpl_len;
static size_t tmpl_head_at, tmpl_html_at;   /* offsets of the placeholders */
static const char PH_HEAD[] = "<!--app-head-->", PH_HTML[] = "<!--app-html-->";

static JSRuntime *rt;
static JSContext *ctx;
static JSValue render_fn;

/* ---- QuickJS ---------------------------------------------------------------------- */

static JSValue js_console_log(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv) {
  for (int i = 0; i < argc; i++) {
    const char *s = JS_ToCString(c, argv[i]);
    fprintf(stderr, "%s%s", i ? " " : "", s ? s : "?");
    if (s) JS_FreeCString(c, s);
  }
  fputc('\n', stderr);
  return JS_UNDEFINED;
}

static void js_report(const char *what) {
  JSValue e = JS_GetException(ctx);
  const char *s = JS_ToCString(ctx, e);
  fprintf(stderr, "ssr-server: %s: %s\n", what, s ? s : "?");
  if (s) JS_FreeCString(ctx, s);
  if (JS_IsObject(e)) {
    JSValue st = JS_GetPropertyStr(ctx, e, "stack");
    if (JS_IsString(st)) {
      const char *ss = JS_ToCString(ctx, st);
      if (ss) { fprintf(stderr, "%s\n", ss); JS_FreeCString(ctx, ss); }
    }
    JS_FreeValue(ctx, st);
  }
  JS_FreeValue(ctx, e);
}

static void js_run_jobs(void) {
  JSContext *c;
  for (int i = 0; i < 100000; i++) {
    int r = JS_ExecutePendingJob(rt, &c);
    if (r <= 0) { if (r < 0) js_report("job"); break; }
  }
}

static void load_entry(const char *dist) {
  char path[4200];
  snprintf(path, sizeof path, "%s/server/entry-server.js", dist);
  size_t len;
  char *code = read_file(path, &len);
  if (!code) die("cannot read %s: %s", path, strerror(errno));
  rt = JS_NewRuntime();
  ctx = JS_NewContext(rt);
  if (!rt || !ctx) die("QuickJS init failed");
  JS_SetMaxStackSize(rt, 4 * 1024 * 1024);
  JSValue g = JS_GetGlobalObject(ctx);
  JSValue con = JS_NewObject(ctx);
  const char *names[] = { "log", "info", "warn", "error", "debug" };
  for (int i = 0; i < 5; i++)
    JS_SetPropertyStr(ctx, con, names[i], JS_NewCFunction(ctx, js_console_log, names[i], 1));
  JS_SetPropertyStr(ctx, g, "console", con);
  JS_FreeValue(ctx, g);

  JSValue fn = JS_Eval(ctx, code, len, path, JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
  free(code);
  if (JS_IsException(fn)) { js_report("compiling entry-server.js"); exit(1); }
  JSModuleDef *m = JS_VALUE_GET_PTR(fn);
  JSValue r = JS_EvalFunction(ctx, fn);   /* frees fn */
  if (JS_IsException(r)) { js_report("evaluating entry-server.js"); exit(1); }
  js_run_jobs();
  if (JS_IsObject(r) && JS_PromiseState(ctx, r) == JS_PROMISE_REJECTED) {
    JSValue why = JS_PromiseResult(ctx, r);
    JS_Throw(ctx, why);
    js_report("evaluating entry-server.js");
    exit(1);
  }
  JS_FreeValue(ctx, r);
  JSValue ns = JS_GetModuleNamespace(ctx, m);
  render_fn = JS_GetPropertyStr(ctx, ns, "render");
  JS_FreeValue(ctx, ns);
  if (!JS_IsFunction(ctx, render_fn)) die("%s does not export a render function", path);
}

/* Renders url into a page (template with head/html); returns status, or -1. */
static int render_page(const char *url, buf_t *page) {
  JSValue arg = JS_NewString(ctx, url);
  JSValue out = JS_Call(ctx, render_fn, JS_UNDEFINED, 1, &arg);
  JS_FreeValue(ctx, arg);
  if (JS_IsException(out)) { js_report("render"); return -1; }
  int status = -1;
  JSValue st = JS_GetPropertyStr(ctx, out, "status");
  JSValue hd = JS_GetPropertyStr(ctx, out, "head");
  JSValue ht = JS_GetPropertyStr(ctx, out, "html");
  int32_t s32 = 200;
  size_t hl = 0, tl = 0;
  const char *h = JS_ToCStringLen(ctx, &hl, hd);
  const char *t = JS_ToCStringLen(ctx, &tl, ht);
  if (!JS_IsUndefined(st) && JS_ToInt32(ctx, &s32, st) < 0) s32 = -1;
  if (h && t && s32 >= 100 && s32 <= 599) {
    status = s32;
    page->len = 0;
    buf_add(page, tmpl, tmpl_head_at);
    buf_add(page, h, hl);
    buf_add(page, tmpl + tmpl_head_at + sizeof PH_HEAD - 1, tmpl_html_at - tmpl_head_at - (sizeof PH_HEAD - 1));
    buf_add(page, t, tl);
    buf_add(page, tmpl + tmpl_html_at + sizeof PH_HTML - 1, tmpl_len - tmpl_html_at - (sizeof PH_HTML - 1));
  } else {
    if (JS_HasException(ctx)) js_report("render result");
    else fprintf(stderr, "ssr-server: render(%s) returned a bad result\n", url);
  }
  if (h) JS_FreeCString(ctx, h);
  if (t) JS_FreeCString(ctx, t);
  JS_FreeValue(ctx, st); JS_FreeValue(ctx, hd); JS_FreeValue(ctx, ht); JS_FreeValue(ctx, out);
  js_run_jobs();
  return status;
}

/* ---- static files ----------------------------------------------------------------- */

typedef struct sfile {
  struct sfile *next;
  char *path;           /* normalised URL path */
  off_t size; int64_t mtime_ns; ino_t ino;
  char *body; size_t len;
  char *gz; size_t gzlen; int gz_tried;
  char etag[64];
} sfile_t;
static sfile_t *sfiles;

static const struct { const char *ext, *type; int compress; } mime[] = {
  { "html", "text/html; charset=utf-8", 1 },
  { "js",   "text/javascript; charset=utf-8", 1 },
  { "mjs",  "text/javascript; charset=utf-8", 1 },
  { "css",  "text/css; charset=utf-8", 1 },
  { "svg",  "image/svg+xml", 1 },
  { "png",  "image/png", 0 },
  { "ico",  "image/x-icon", 1 },
  { "json", "application/json", 1 },
  { "txt",  "text/plain; charset=utf-8", 1 },
  { "woff2","font/woff2", 0 },
  { "map",  "application/json", 1 },
};

static const char *mime_of(const char *path, int *compress) {
  const char *dot = strrchr(path, '.'), *sl = strrchr(path, '/');
  *compress = 0;
  if (dot && (!sl || dot > sl))
    for (size_t i = 0; i < sizeof mime / sizeof mime[0]; i++)
      if (!strcasecmp(dot + 1, mime[i].ext)) { *compress = mime[i].compress; return mime[i].type; }
  return "application/octet-stream";
}

/* Decodes and normalises the path part of a request target into out ("/a/b").
 * Returns 0, or -1 for a bad path (bad %XX, NUL, "..", not starting with '/'). */
static int normalise_path(const char *target, size_t tlen, char *out, size_t outsz) {
  size_t end = 0;
  while (end < tlen && target[end] != '?' && target[end] != '#') end++;
  if (end == 0 || target[0] != '/') return -1;
  char dec[MAX_REQLINE + 1]; size_t dl = 0;
  for (size_t i = 0; i < end; i++) {
    char c = target[i];
    if (c == '%') {
      if (i + 2 >= end) return -1;
      if (!isxdigit((unsigned char)target[i + 1]) || !isxdigit((unsigned char)target[i + 2])) return -1;
      char hx[3] = { target[i + 1], target[i + 2], 0 };
      c = (char)strtol(hx, NULL, 16);
      i += 2;
      if (c == 0) return -1;
    }
    if (dl >= sizeof dec - 1) return -1;
    dec[dl++] = c;
  }
  dec[dl] = 0;
  /* segments */
  size_t ol = 0;
  char *save = NULL;
  for (char *seg = strtok_r(dec, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
    if (!strcmp(seg, ".")) continue;
    if (!strcmp(seg, "..")) return -1;
    if (strchr(seg, '\\')) return -1;
    size_t sl = strlen(seg);
    if (ol + 1 + sl + 1 > outsz) return -1;
    out[ol++] = '/'; memcpy(out + ol, seg, sl); ol += sl;
  }
  if (ol == 0) out[ol++] = '/';
  out[ol] = 0;
  return 0;
}

/* The static file for a normalised path, or NULL (not a regular file). */
static sfile_t *static_lookup(const char *npath) {
  if (!strcmp(npath, "/") || !strcmp(npath, "/index.html")) return NULL;
  char fs[8400];
  snprintf(fs, sizeof fs, "%s%s", client_dir, npath);
  struct stat st;
  if (stat(fs, &st) < 0 || !S_ISREG(st.st_mode)) return NULL;
  int64_t mt = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
  sfile_t *f;
  for (f = sfiles; f; f = f->next)
    if (!strcmp(f->path, npath)) break;
  if (f && f->size == st.st_size && f->mtime_ns == mt && f->ino == st.st_ino) return f;
  size_t len;
  char *body = read_file(fs, &len);
  if (!body) return NULL;
  if (!f) {
    f = calloc(1, sizeof *f);
    f->path = strdup(npath);
    f->next = sfiles; sfiles = f;
  } else {
    free(f->body); free(f->gz);
    f->gz = NULL; f->gzlen = 0; f->gz_tried = 0;
  }
  f->body = body; f->len = len;
  f->size = st.st_size; f->mtime_ns = mt; f->ino = st.st_ino;
  snprintf(f->etag, sizeof f->etag, "\"%llx-%llx\"", (unsigned long long)len,
           (unsigned long long)(mt / 1000000));
  return f;
}

/* ---- connections ------------------------------------------------------------------ */

typedef struct conn {
  int fd;
  buf_t in, out;
  size_t skip;            /* request body bytes still to discard */
  int64_t deadline;       /* close when now passes this */
  int64_t req_start;      /* first byte of the current partial request (0: none) */
  int close_after;        /* close once out is flushed */
  int want_out;           /* EPOLLOUT registered */
  int dead;
} conn_t;

static int ep = -1, lfd = -1, sfd = -1;
static conn_t **conns; static int nconns_cap; static int nconns;
static int draining; static int64_t drain_deadline;
static buf_t scratch_page;

static void conn_close(conn_t *c) {
  epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
  close(c->fd);
  conns[c->fd] = NULL;
  free(c->in.p); free(c->out.p); free(c);
  nconns--;
}

static void conn_update_deadline(conn_t *c) {
  int64_t t = now_ms();
  if (c->out.len) c->deadline = t + WRITE_MS;
  else if (c->req_start) c->deadline = c->req_start + HEADER_MS;
  else c->deadline = t + IDLE_MS;
}

static void access_log(const char *method, size_t mlen, const char *path, size_t plen, int status,
                       size_t bytes, double t0) {
  fprintf(stderr, "%.*s %.*s %d %zu %.3f\n", (int)mlen, method, (int)(plen > 2048 ? 2048 : plen), path,
          status, bytes, now_msf() - t0);
}

static const char *reason(int s) {
  switch (s) {
  case 200: return "OK"; case 304: return "Not Modified"; case 400: return "Bad Request";
  case 404: return "Not Found"; case 405: return "Method Not Allowed";
  case 408: return "Request Timeout"; case 413: return "Content Too Large";
  case 414: return "URI Too Long"; case 431: return "Request Header Fields Too Large";
  case 500: return "Internal Server Error"; case 503: return "Service Unavailable";
  default: return "Status";
  }
}

/* A short plain-text error response; closes the connection after it when close. */
static void respond_error(conn_t *c, int status, int head_only, int keep, const char *method, size_t mlen,
                          const char *path, size_t plen, double t0) {
  char body[128];
  int bl = snprintf(body, sizeof body, "%d %s\n", status, reason(status));
  buf_printf(&c->out, "HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n",
             status, reason(status), bl);
  if (status == 405) buf_printf(&c->out, "Allow: GET, HEAD\r\n");
  buf_printf(&c->out, "Connection: %s\r\n\r\n", keep ? "keep-alive" : "close");
  if (!head_only) buf_add(&c->out, body, bl);
  if (!keep) c->close_after = 1;
  access_log(method ? method : "-", method ? mlen : 1, path ? path : "-", path ? plen : 1, status,
             head_only ? 0 : bl, t0);
}

static int header_has_token(const char *v, size_t vl, const char *tok) {
  size_t tl = strlen(tok);
  for (size_t i = 0; i + tl <= vl; i++) {
    if (strncasecmp(v + i, tok, tl)) continue;
    if (i > 0 && (isalnum((unsigned char)v[i - 1]) || v[i - 1] == '-')) continue;
    if (i + tl < vl && (isalnum((unsigned char)v[i + tl]) || v[i + tl] == '-')) continue;
    /* "gzip;q=0" excludes */
    size_t j = i + tl;
    while (j < vl && (v[j] == ' ' || v[j] == '\t')) j++;
    if (j < vl && v[j] == ';') {
      const char *q = v + j;
      size_t rest = vl - j;
      const char *qq = memmem(q, rest, "q=0", 3);
      if (qq && (size_t)(qq - q) < 8) {
        const char *e = qq + 3;
        int zero = 1;
        if (e < v + vl && *e == '.') { e++; while (e < v + vl && isdigit((unsigned char)*e)) { if (*e != '0') zero = 0; e++; } }
        if (zero) return 0;
      }
    }
    return 1;
  }
  return 0;
}

static int etag_matches(const char *inm, size_t il, const char *etag) {
  size_t el = strlen(etag);
  const char *p = inm, *e = inm + il;
  while (p < e) {
    while (p < e && (*p == ' ' || *p == ',' || *p == '\t')) p++;
    if (p < e && *p == '*') return 1;
    if (e - p >= 2 && p[0] == 'W' && p[1] == '/') p += 2;
    const char *s = p;
    while (p < e && *p != ',') p++;
    const char *t = p;
    while (t > s && (t[-1] == ' ' || t[-1] == '\t')) t--;
    if ((size_t)(t - s) == el && !memcmp(s, etag, el)) return 1;
  }
  return 0;
}

/* Parses and answers complete requests in c->in. Returns -1 if c was closed. */
static void handle_input(conn_t *c) {
  while (!c->close_after && c->out.len < OUT_HIGH) {
    if (c->skip) {
      size_t n = c->skip < c->in.len ? c->skip : c->in.len;
      buf_consume(&c->in, n); c->skip -= n;
      if (c->skip) break;
    }
    if (c->in.len == 0) { c->req_start = 0; break; }
    if (!c->req_start) c->req_start = now_ms();
    double t0 = now_msf();
    /* ignore empty lines before a request (RFC 9112 2.2) */
    size_t lead = 0;
    while (lead < c->in.len && (c->in.p[lead] == '\r' || c->in.p[lead] == '\n')) lead++;
    if (lead) { buf_consume(&c->in, lead); if (c->in.len == 0) { c->req_start = 0; break; } }
    char *p = c->in.p; size_t n = c->in.len;
    char *nl = memchr(p, '\n', n < MAX_REQLINE + 2 ? n : MAX_REQLINE + 2);
    if (!nl) {
      if (n > MAX_REQLINE) {
        /* a long request line: 414 when it is a long target, else 400 */
        char *sp = memchr(p, ' ', n);
        respond_error(c, sp ? 414 : 400, 0, 0, NULL, 0, NULL, 0, t0);
      }
      break;
    }
    size_t rl = nl - p; if (rl && p[rl - 1] == '\r') rl--;
    if (rl > MAX_REQLINE) { respond_error(c, 414, 0, 0, NULL, 0, NULL, 0, t0); break; }
    /* the end of the headers */
    char *hs = nl + 1; size_t hoff = hs - p;
    char *he = NULL; size_t hend = 0;
    for (size_t i = hoff; i < n; ) {
      char *q = memchr(p + i, '\n', n - i);
      if (!q) break;
      size_t ll = q - (p + i);
      if (ll == 0 || (ll == 1 && p[i] == '\r')) { he = p + i; hend = q + 1 - p; break; }
      i = q + 1 - p;
    }
    if (!he) {
      if (n - hoff > MAX_HEADERS) respond_error(c, 431, 0, 0, NULL, 0, NULL, 0, t0);
      break;
    }
    if (he - hs > MAX_HEADERS) { respond_error(c, 431, 0, 0, NULL, 0, NULL, 0, t0); break; }
    /* request line: METHOD SP TARGET SP HTTP/x.y */
    char *sp1 = memchr(p, ' ', rl);
    char *sp2 = sp1 ? memchr(sp1 + 1, ' ', rl - (sp1 + 1 - p)) : NULL;
    if (!sp1 || !sp2 || sp1 == p || sp2 == sp1 + 1 || memchr(sp2 + 1, ' ', rl - (sp2 + 1 - p))) {
      respond_error(c, 400, 0, 0, NULL, 0, NULL, 0, t0); break;
    }
    const char *method = p; size_t mlen = sp1 - p;
    const char *target = sp1 + 1; size_t tlen = sp2 - target;
    const char *ver = sp2 + 1; size_t vlen = p + rl - ver;
    int minor;
    if (vlen == 8 && !memcmp(ver, "HTTP/1.1", 8)) minor = 1;
    else if (vlen == 8 && !memcmp(ver, "HTTP/1.0", 8)) minor = 0;
    else { respond_error(c, 400, 0, 0, method, mlen, target, tlen, t0); break; }
    int bad = 0;
    for (size_t i = 0; i < mlen; i++) if (!isupper((unsigned char)method[i]) && method[i] != '-' && method[i] != '_') bad = 1;
    for (size_t i = 0; i < tlen; i++) if ((unsigned char)target[i] <= 0x20 || target[i] == 0x7f) bad = 1;
    if (bad) { respond_error(c, 400, 0, 0, method, mlen, target, tlen, t0); break; }
    /* headers */
    int keep = minor == 1, conn_close_hdr = 0, conn_keep_hdr = 0, chunked = 0;
    long long clen = -1;
    const char *ae = NULL; size_t ael = 0;
    const char *inm = NULL; size_t inml = 0;
    for (char *l = hs; l < he; ) {
      char *q = memchr(l, '\n', he - l);
      size_t ll = q - l; if (ll && l[ll - 1] == '\r') ll--;
      char *next = q + 1;
      if (ll == 0) { l = next; continue; }
      if (l[0] == ' ' || l[0] == '\t') { bad = 1; break; }   /* obs-fold */
      char *colon = memchr(l, ':', ll);
      if (!colon || colon == l) { bad = 1; break; }
      for (char *k = l; k < colon; k++) if (*k == ' ' || *k == '\t') bad = 1;
      if (bad) break;
      size_t nl2 = colon - l;
      const char *v = colon + 1; const char *ve = l + ll;
      while (v < ve && (*v == ' ' || *v == '\t')) v++;
      while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t')) ve--;
      size_t vl = ve - v;
      if (nl2 == 10 && !strncasecmp(l, "connection", 10)) {
        if (header_has_token(v, vl, "close")) conn_close_hdr = 1;
        if (header_has_token(v, vl, "keep-alive")) conn_keep_hdr = 1;
      } else if (nl2 == 14 && !strncasecmp(l, "content-length", 14)) {
        if (vl == 0 || vl > 18) { bad = 1; break; }
        long long x = 0;
        for (size_t i = 0; i < vl; i++) { if (!isdigit((unsigned char)v[i])) { bad = 1; break; } x = x * 10 + (v[i] - '0'); }
        if (bad) break;
        if (clen >= 0 && clen != x) { bad = 1; break; }
        clen = x;
      } else if (nl2 == 17 && !strncasecmp(l, "transfer-encoding", 17)) {
        chunked = 1;
      } else if (nl2 == 15 && !strncasecmp(l, "accept-encoding", 15)) {
        ae = v; ael = vl;
      } else if (nl2 == 13 && !strncasecmp(l, "if-none-match", 13)) {
        inm = v; inml = vl;
      }
      l = next;
    }
    if (bad || (chunked && clen >= 0)) { respond_error(c, 400, 0, 0, method, mlen, target, tlen, t0); break; }
    if (clen > MAX_BODY) { respond_error(c, 413, 0, 0, method, mlen, target, tlen, t0); break; }
    if (minor == 1 ? conn_close_hdr : !conn_keep_hdr) keep = 0; else keep = 1;
    if (draining) keep = 0;
    int is_get = mlen == 3 && !memcmp(method, "GET", 3);
    int is_head = mlen == 4 && !memcmp(method, "HEAD", 4);
    /* copy what we need before consuming the input */
    char mbuf[32]; size_t ml2 = mlen < sizeof mbuf ? mlen : sizeof mbuf - 1; memcpy(mbuf, method, ml2); mbuf[ml2] = 0;
    char tbuf[MAX_REQLINE + 1]; memcpy(tbuf, target, tlen); tbuf[tlen] = 0;
    char aebuf[512] = ""; if (ae) { size_t k = ael < sizeof aebuf - 1 ? ael : sizeof aebuf - 1; memcpy(aebuf, ae, k); aebuf[k] = 0; }
    char inmbuf[1024] = ""; if (inm) { size_t k = inml < sizeof inmbuf - 1 ? inml : sizeof inmbuf - 1; memcpy(inmbuf, inm, k); inmbuf[k] = 0; }
    buf_consume(&c->in, hend);
    c->req_start = 0;
    if (chunked) {  /* we cannot skip a chunked body: answer and close */
      respond_error(c, (is_get || is_head) ? 400 : 405, is_head, 0, mbuf, ml2, tbuf, tlen, t0); break;
    }
    if (clen > 0) c->skip = clen;
    if (!is_get && !is_head) { respond_error(c, 405, 0, keep, mbuf, ml2, tbuf, tlen, t0); continue; }
    int gz_ok = ae && header_has_token(aebuf, strlen(aebuf), "gzip");
    /* absolute-form (http://host/path?q): keep the path and query */
    if (!strncasecmp(tbuf, "http://", 7) || !strncasecmp(tbuf, "https://", 8)) {
      char *sl = strchr(tbuf + (tbuf[4] == ':' ? 7 : 8), '/');
      if (sl) memmove(tbuf, sl, strlen(sl) + 1); else strcpy(tbuf, "/");
      tlen = strlen(tbuf);
    }

    char npath[MAX_REQLINE + 2];
    if (normalise_path(tbuf, tlen, npath, sizeof npath) < 0) {
      respond_error(c, 400, is_head, keep, mbuf, ml2, tbuf, tlen, t0); continue;
    }
    sfile_t *f = static_lookup(npath);
    const char *ctype, *cache, *etag = NULL;
    const char *body; size_t blen; int status, compressible, vary;
    if (f) {
      ctype = mime_of(npath, &compressible);
      cache = !strncmp(npath, "/assets/", 8) ? "public, max-age=31536000, immutable" : "no-cache";
      etag = f->etag;
      vary = compressible;
      if (inm && etag_matches(inmbuf, strlen(inmbuf), etag)) {
        buf_printf(&c->out, "HTTP/1.1 304 Not Modified\r\nETag: %s\r\nCache-Control: %s\r\n%sConnection: %s\r\n\r\n",
                   etag, cache, vary ? "Vary: Accept-Encoding\r\n" : "", keep ? "keep-alive" : "close");
        if (!keep) c->close_after = 1;
        access_log(mbuf, ml2, tbuf, tlen, 304, 0, t0);
        continue;
      }
      status = 200;
      body = f->body; blen = f->len;
      if (gz_ok && compressible) {
        if (!f->gz_tried) { f->gz = gzip_bytes(f->body, f->len, &f->gzlen); f->gz_tried = 1; }
        if (f->gz) { body = f->gz; blen = f->gzlen; } else gz_ok = 0;
      } else gz_ok = 0;
    } else {
      status = render_page(tbuf, &scratch_page);
      if (status < 0) { respond_error(c, 500, is_head, keep, mbuf, ml2, tbuf, tlen, t0); continue; }
      ctype = "text/html; charset=utf-8"; cache = "no-cache"; vary = 1;
      body = scratch_page.p; blen = scratch_page.len;
      static char *gzpage; static size_t gzplen;
      if (gz_ok) {
        free(gzpage);
        gzpage = gzip_bytes(body, blen, &gzplen);
        if (gzpage) { body = gzpage; blen = gzplen; } else gz_ok = 0;
      }
    }
    buf_printf(&c->out, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\nCache-Control: %s\r\n",
               status, reason(status), ctype, blen, cache);
    if (etag) buf_printf(&c->out, "ETag: %s\r\n", etag);
    if (gz_ok) buf_printf(&c->out, "Content-Encoding: gzip\r\n");
    if (vary) buf_printf(&c->out, "Vary: Accept-Encoding\r\n");
    buf_printf(&c->out, "Connection: %s\r\n\r\n", keep ? "keep-alive" : "close");
    if (!is_head) buf_add(&c->out, body, blen);
    if (!keep) c->close_after = 1;
    access_log(mbuf, ml2, tbuf, tlen, status, is_head ? 0 : blen, t0);
  }
}

/* Writes what it can. Returns -1 when c was closed. */
static int conn_flush(conn_t *c) {
  while (c->out.len) {
    ssize_t w = send(c->fd, c->out.p, c->out.len, MSG_NOSIGNAL);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      conn_close(c); return -1;           /* EPIPE, ECONNRESET...: quietly */
    }
    buf_consume(&c->out, w);
  }
  if (!c->out.len && c->close_after) {
    shutdown(c->fd, SHUT_WR);
    conn_close(c); return -1;
  }
  int want = c->out.len > 0;
  if (want != c->want_out) {
    struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP | (want ? EPOLLOUT : 0), .data.fd = c->fd };
    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
    c->want_out = want;
  }
  return 0;
}

static void conn_readable(conn_t *c) {
  char tmp[16384];
  for (int rounds = 0; rounds < 64; rounds++) {
    ssize_t r = recv(c->fd, tmp, sizeof tmp, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      conn_close(c); return;
    }
    if (r == 0) {
      /* peer closed its side: answer what is complete, then close */
      handle_input(c);
      c->close_after = 1;
      if (conn_flush(c) == 0 && c->out.len == 0) conn_close(c);
      return;
    }
    if (c->close_after) continue;        /* discard input after an error */
    buf_add(&c->in, tmp, r);
    if (c->in.len > MAX_REQLINE + MAX_HEADERS + 1024 + (c->skip < 65536 ? c->skip : 65536)) break;
  }
  handle_input(c);
  if (conn_flush(c) < 0) return;
  conn_update_deadline(c);
}

static void do_accept(void) {
  for (int i = 0; i < 64; i++) {
    int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR) continue;
      if (errno == EMFILE || errno == ENFILE) fprintf(stderr, "ssr-server: accept: %s\n", strerror(errno));
      return;                            /* EAGAIN (another worker took it) etc. */
    }
    if (fd >= nconns_cap) {
      int nc = nconns_cap ? nconns_cap : 1024;
      while (nc <= fd) nc *= 2;
      conns = realloc(conns, nc * sizeof *conns);
      memset(conns + nconns_cap, 0, (nc - nconns_cap) * sizeof *conns);
      nconns_cap = nc;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    conn_t *c = calloc(1, sizeof *c);
    c->fd = fd;
    conns[fd] = c; nconns++;
    struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP, .data.fd = fd };
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) { conn_close(c); continue; }
    conn_update_deadline(c);
  }
}

static void start_drain(void) {
  if (draining) return;
  draining = 1;
  drain_deadline = now_ms() + DRAIN_MS;
  epoll_ctl(ep, EPOLL_CTL_DEL, lfd, NULL);
  close(lfd); lfd = -1;
  /* close idle connections now; the others after their response */
  for (int fd = 0; fd < nconns_cap; fd++) {
    conn_t *c = conns[fd];
    if (!c) continue;
    if (!c->out.len && !c->in.len) conn_close(c);
    else c->close_after = 1, conn_flush(c);
  }
}

static void sweep_timeouts(void) {
  int64_t t = now_ms();
  for (int fd = 0; fd < nconns_cap; fd++) {
    conn_t *c = conns[fd];
    if (c && (t >= c->deadline || (draining && t >= drain_deadline))) conn_close(c);
  }
}

static int worker_loop(void) {
  ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0) die("epoll_create1: %s", strerror(errno));
  struct epoll_event ev = { .events = EPOLLIN, .data.fd = lfd };
  if (epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev) < 0) die("epoll_ctl: %s", strerror(errno));
  ev.data.fd = sfd;
  if (epoll_ctl(ep, EPOLL_CTL_ADD, sfd, &ev) < 0) die("epoll_ctl: %s", strerror(errno));
  int64_t next_sweep = now_ms() + 1000;
  struct epoll_event evs[64];
  for (;;) {
    if (draining && nconns == 0) break;
    int n = epoll_wait(ep, evs, 64, 500);
    if (n < 0) { if (errno == EINTR) continue; die("epoll_wait: %s", strerror(errno)); }
    for (int i = 0; i < n; i++) {
      int fd = evs[i].data.fd;
      if (fd == lfd && lfd >= 0) { do_accept(); continue; }
      if (fd == sfd) {
        struct signalfd_siginfo si;
        while (read(sfd, &si, sizeof si) == sizeof si)
          if (si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT) start_drain();
        continue;
      }
      conn_t *c = fd < nconns_cap ? conns[fd] : NULL;
      if (!c) continue;
      if (evs[i].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
        conn_readable(c);
        c = conns[fd];
        if (!c) continue;
      }
      if (evs[i].events & EPOLLOUT) {
        if (conn_flush(c) == 0) { conn_update_deadline(c); handle_input(c); if (conn_flush(c) == 0) conn_update_deadline(c); }
      }
    }
    int64_t t = now_ms();
    if (t >= next_sweep || draining) { sweep_timeouts(); next_sweep = t + 500; }
  }
  return 0;
}

/* ---- startup ---------------------------------------------------------------------- */

static void usage(void) {
  fprintf(stderr, "usage: ssr-server [--host H] [--port P] [--workers N] DIST_DIR\n");
  exit(2);
}

int main(int argc, char **argv) {
  const char *dist = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--host") && i + 1 < argc) opt_host = argv[++i];
    else if (!strcmp(argv[i], "--port") && i + 1 < argc) opt_port = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--workers") && i + 1 < argc) opt_workers = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) usage();
    else if (argv[i][0] == '-' || dist) usage();
    else dist = argv[i];
  }
  if (!dist || opt_port <= 0 || opt_port > 65535 || opt_workers < 0 || opt_workers > 64) usage();
  snprintf(client_dir, sizeof client_dir, "%s/client", dist);
  {
    char path[4200];
    snprintf(path, sizeof path, "%s/index.html", client_dir);
    tmpl = read_file(path, &tmpl_len);
    if (!tmpl) die("cannot read %s: %s", path, strerror(errno));
    char *a = strstr(tmpl, PH_HEAD), *b = strstr(tmpl, PH_HTML);
    if (!a || !b || b < a) die("%s lacks %s ... %s", path, PH_HEAD, PH_HTML);
    tmpl_head_at = a - tmpl; tmpl_html_at = b - tmpl;
  }
  load_entry(dist);

  signal(SIGPIPE, SIG_IGN);
  sigset_t mask; sigemptyset(&mask);
  sigaddset(&mask, SIGTERM); sigaddset(&mask, SIGINT); sigaddset(&mask, SIGCHLD);
  if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0) die("sigprocmask: %s", strerror(errno));

  struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(opt_port) };
  if (inet_pton(AF_INET, opt_host, &sa.sin_addr) != 1) {
    struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM }, *ai = NULL;
    int e = getaddrinfo(opt_host, NULL, &hints, &ai);
    if (e || !ai) die("bad --host %s: %s", opt_host, e ? gai_strerror(e) : "no address");
    sa.sin_addr = ((struct sockaddr_in *)ai->ai_addr)->sin_addr;
    freeaddrinfo(ai);
  }
  lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (lfd < 0) die("socket: %s", strerror(errno));
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(lfd, (struct sockaddr *)&sa, sizeof sa) < 0) die("bind %s:%d: %s", opt_host, opt_port, strerror(errno));
  if (listen(lfd, 512) < 0) die("listen: %s", strerror(errno));
  printf("ssr-server: listening on http://%s:%d/\n", opt_host, opt_port);
  fflush(stdout);

  if (opt_workers == 0) {
    sfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sfd < 0) die("signalfd: %s", strerror(errno));
    return worker_loop();
  }
  pid_t kids[64]; int alive = 0;
  for (int i = 0; i < opt_workers; i++) {
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
      sfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
      if (sfd < 0) die("signalfd: %s", strerror(errno));
      exit(worker_loop());
    }
    kids[i] = pid; alive++;
  }
  close(lfd);
  /* the parent: forward SIGTERM/SIGINT, reap the workers */
  int psfd = signalfd(-1, &mask, SFD_CLOEXEC);
  if (psfd < 0) die("signalfd: %s", strerror(errno));
  int status_all = 0, stopping = 0;
  while (alive > 0) {
    struct signalfd_siginfo si;
    ssize_t r = read(psfd, &si, sizeof si);
    if (r < 0 && errno == EINTR) continue;
    if (r != sizeof si) die("signalfd read: %s", strerror(errno));
    if (si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT) {
      stopping = 1;
      for (int i = 0; i < opt_workers; i++) if (kids[i] > 0) kill(kids[i], SIGTERM);
    }
    for (;;) {
      int st; pid_t p = waitpid(-1, &st, WNOHANG);
      if (p <= 0) break;
      for (int i = 0; i < opt_workers; i++) if (kids[i] == p) { kids[i] = -1; alive--; }
      int bad = !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
      if (bad) {
        fprintf(stderr, "ssr-server: worker %d ended (%s %d)\n", (int)p,
                WIFEXITED(st) ? "exit" : "signal", WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
        if (!stopping) status_all = 1;
      }
    }
  }
  return status_all;
}
