/* Tiny freestanding runtime for the guest test programs (wasm32 and native). */
#include "wali.h"

int rt_failures;

/* ---------------- memory / string functions ---------------- */
#ifdef __wasm__
void *memcpy(void *d, const void *s, size_t n) {
    unsigned char *dp = d;
    const unsigned char *sp = s;
    while (n--) *dp++ = *sp++;
    return d;
}
void *memmove(void *d, const void *s, size_t n) {
    unsigned char *dp = d;
    const unsigned char *sp = s;
    if (dp < sp) {
        while (n--) *dp++ = *sp++;
    } else {
        while (n--) dp[n] = sp[n];
    }
    return d;
}
void *memset(void *d, int c, size_t n) {
    unsigned char *dp = d;
    while (n--) *dp++ = (unsigned char)c;
    return d;
}
int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y) return *x - *y;
    return 0;
}
size_t strlen(const char *s) {
    const char *p = s;
    while (*p) p++;
    return (size_t)(p - s);
}
int strcmp(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}
int strncmp(const char *a, const char *b, size_t n) {
    for (; n; n--, a++, b++) {
        if (*a != *b) return (unsigned char)*a - (unsigned char)*b;
        if (!*a) return 0;
    }
    return 0;
}
char *strchr(const char *s, int c) {
    for (;; s++) {
        if (*s == (char)c) return (char *)s;
        if (!*s) return 0;
    }
}
#endif

int streq(const char *a, const char *b) { return strcmp(a, b) == 0; }

/* ---------------- output ---------------- */
long long write_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    size_t done = 0;
    while (done < n) {
        long long r = wali_write(fd, p + done, (unsigned)(n - done));
        if (r == -EINTR) continue;
        if (r <= 0) return r ? r : -EIO;
        done += (size_t)r;
    }
    return (long long)done;
}

long long read_all(int fd, char *buf, size_t cap) {
    size_t done = 0;
    while (done < cap) {
        long long r = wali_read(fd, buf + done, (unsigned)(cap - done));
        if (r == -EINTR) continue;
        if (r < 0) return r;
        if (r == 0) break;
        done += (size_t)r;
    }
    return (long long)done;
}

void out_n(const char *s, size_t n) { write_all(1, s, n); }
void out(const char *s) { out_n(s, strlen(s)); }

static int fmt_u(char *b, unsigned long long v, unsigned base) {
    char tmp[24];
    int n = 0;
    do {
        unsigned d = (unsigned)(v % base);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v);
    for (int i = 0; i < n; i++) b[i] = tmp[n - 1 - i];
    return n;
}

static int fmt_i(char *b, long long v) {
    if (v < 0) {
        b[0] = '-';
        return 1 + fmt_u(b + 1, 0ULL - (unsigned long long)v, 10);
    }
    return fmt_u(b, (unsigned long long)v, 10);
}

void out_int(long long v) {
    char b[24];
    out_n(b, (size_t)fmt_i(b, v));
}

void out_hex(unsigned long long v) {
    char b[24];
    out_n(b, (size_t)fmt_u(b, v, 16));
}

struct sink { char *buf; size_t size, len; };

static void put(struct sink *s, const char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s->len + 1 < s->size) s->buf[s->len] = p[i];
        s->len++;
    }
}

static void vfmt(struct sink *s, const char *f, va_list ap) {
    char num[32];
    for (; *f; f++) {
        if (*f != '%') {
            put(s, f, 1);
            continue;
        }
        f++;
        int lng = 0;
        while (*f == 'l') lng++, f++;
        switch (*f) {
        case 'd': {
            long long v = lng ? va_arg(ap, long long) : va_arg(ap, int);
            put(s, num, (size_t)fmt_i(num, v));
            break;
        }
        case 'u': {
            unsigned long long v = lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
            put(s, num, (size_t)fmt_u(num, v, 10));
            break;
        }
        case 'x': {
            unsigned long long v = lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
            put(s, num, (size_t)fmt_u(num, v, 16));
            break;
        }
        case 'o': {
            unsigned long long v = lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
            put(s, num, (size_t)fmt_u(num, v, 8));
            break;
        }
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str) str = "(null)";
            put(s, str, strlen(str));
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            put(s, &c, 1);
            break;
        }
        case 'E': { /* result: value, or errno name when negative */
            long long v = va_arg(ap, long long);
            if (v < 0 && v >= -4095) {
                const char *e = err_name(v);
                put(s, e, strlen(e));
            } else {
                put(s, num, (size_t)fmt_i(num, v));
            }
            break;
        }
        case '%':
            put(s, "%", 1);
            break;
        case 0:
            return;
        default:
            put(s, "%?", 2);
        }
    }
}

int fmt(char *buf, size_t size, const char *f, ...) {
    struct sink s = {buf, size, 0};
    va_list ap;
    va_start(ap, f);
    vfmt(&s, f, ap);
    va_end(ap);
    if (size) buf[s.len < size ? s.len : size - 1] = 0;
    return (int)s.len;
}

void say(const char *f, ...) {
    char buf[2048];
    struct sink s = {buf, sizeof buf, 0};
    va_list ap;
    va_start(ap, f);
    vfmt(&s, f, ap);
    va_end(ap);
    out_n(buf, s.len < sizeof buf ? s.len : sizeof buf - 1);
}

/* ---------------- errno names ---------------- */
const char *err_name(long long r) {
    static char unknown[24];
    long long e = r < 0 ? -r : r;
    switch (e) {
#define E(n) case n: return #n;
    E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(ENXIO) E(E2BIG) E(ENOEXEC) E(EBADF)
    E(ECHILD) E(EAGAIN) E(ENOMEM) E(EACCES) E(EFAULT) E(EBUSY) E(EEXIST) E(EXDEV)
    E(ENODEV) E(ENOTDIR) E(EISDIR) E(EINVAL) E(ENFILE) E(EMFILE) E(ENOTTY) E(EFBIG)
    E(ENOSPC) E(ESPIPE) E(EROFS) E(EMLINK) E(EPIPE) E(ERANGE) E(EDEADLK) E(ENAMETOOLONG)
    E(ENOLCK) E(ENOSYS) E(ENOTEMPTY) E(ELOOP) E(ENODATA) E(EOVERFLOW) E(ENOTSOCK)
    E(EDESTADDRREQ) E(EMSGSIZE) E(EPROTOTYPE) E(ENOPROTOOPT) E(EPROTONOSUPPORT)
    E(ESOCKTNOSUPPORT) E(EOPNOTSUPP) E(EAFNOSUPPORT) E(EADDRINUSE) E(EADDRNOTAVAIL)
    E(ENETUNREACH) E(ECONNABORTED) E(ECONNRESET) E(ENOBUFS) E(EISCONN) E(ENOTCONN)
    E(ETIMEDOUT) E(ECONNREFUSED) E(EALREADY) E(EINPROGRESS)
#undef E
    default:
        fmt(unknown, sizeof unknown, "E%lld", e);
        return unknown;
    }
}

/* ---------------- checks ---------------- */
static void res_str(char *b, size_t n, long long v) {
    if (v < 0 && v >= -4095)
        fmt(b, n, "%s", err_name(v));
    else
        fmt(b, n, "%lld", v);
}

void show(const char *label, long long r) {
    char b[32];
    res_str(b, sizeof b, r);
    say("%s: %s\n", label, b);
}

void chk(const char *label, long long got, long long want) {
    char g[32], w[32];
    res_str(g, sizeof g, got);
    if (got == want) {
        say("%s: %s\n", label, g);
    } else {
        res_str(w, sizeof w, want);
        say("%s: %s [MISMATCH want %s]\n", label, g, w);
        rt_failures++;
    }
}

void chk_ok(const char *label, long long got) {
    if (got >= 0) {
        say("%s: ok\n", label);
    } else {
        char g[32];
        res_str(g, sizeof g, got);
        say("%s: %s [MISMATCH want ok]\n", label, g);
        rt_failures++;
    }
}

void chk_yes(const char *label, int cond) {
    if (cond) {
        say("%s: yes\n", label);
    } else {
        say("%s: no [MISMATCH want yes]\n", label);
        rt_failures++;
    }
}

void chk_str(const char *label, const char *got, const char *want) {
    if (streq(got, want)) {
        say("%s: \"%s\"\n", label, got);
    } else {
        say("%s: \"%s\" [MISMATCH want \"%s\"]\n", label, got, want);
        rt_failures++;
    }
}

void chk_mem(const char *label, const void *got, const void *want, size_t n) {
    char g[256];
    if (n > sizeof g - 1) n = sizeof g - 1;
    memcpy(g, got, n);
    g[n] = 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)g[i] < 32 || (unsigned char)g[i] > 126) g[i] = '.';
    if (memcmp(got, want, n) == 0) {
        say("%s: \"%s\"\n", label, g);
    } else {
        say("%s: \"%s\" [MISMATCH]\n", label, g);
        rt_failures++;
    }
}

void sort_strings(char **v, int n) {
    for (int i = 1; i < n; i++) {
        char *x = v[i];
        int j = i - 1;
        while (j >= 0 && strcmp(v[j], x) > 0) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

/* ---------------- memory end ---------------- */
#ifdef __wasm__
void *mem_end(void) { return (void *)(uptr)(__builtin_wasm_memory_size(0) * 65536u); }
#else
void *mem_end(void) {
    static char *end;
    if (!end) {
        long long p = wali_mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p < 0) return 0;
        wali_munmap((char *)(uptr)p + 4096, 4096);
        end = (char *)(uptr)p + 4096;
    }
    return end;
}
#endif

/* ---------------- startup ---------------- */
#ifdef __wasm__
static char arg_pool[65536];
static char *arg_vec[256];

char **rt_wasm_args(int *argc) {
    unsigned n = wali_cl_get_argc();
    size_t used = 0;
    if (n > 255) n = 255;
    for (unsigned i = 0; i < n; i++) {
        unsigned len = wali_cl_get_argv_len(i);
        if (used + len + 1 > sizeof arg_pool) {
            n = i;
            break;
        }
        wali_cl_copy_argv(arg_pool + used, i);
        arg_pool[used + len] = 0;
        arg_vec[i] = arg_pool + used;
        used += len + 1;
    }
    arg_vec[n] = 0;
    *argc = (int)n;
    return arg_vec;
}
#else
extern char **environ;
static int nat_argc;
static char **nat_argv;
static char nat_envfile[128];

void rt_native_setup(int argc, char **argv) {
    nat_argc = argc;
    nat_argv = argv;
}
void rt_native_teardown(void) {
    if (nat_envfile[0]) wali_unlink(nat_envfile);
}
int wali_aux_init(void) { return 0; }
int wali_aux_deinit(void) { return 0; }
void wali_aux_proc_exit(int status) { wali_exit_group(status); }
unsigned wali_cl_get_argc(void) { return (unsigned)nat_argc; }
unsigned wali_cl_get_argv_len(unsigned i) { return (unsigned)strlen(nat_argv[i]); }
int wali_cl_copy_argv(char *buf, unsigned i) {
    size_t n = strlen(nat_argv[i]);
    memcpy(buf, nat_argv[i], n + 1);
    return 0;
}
int wali_get_init_envfile(char *buf, unsigned size) {
    if (!environ || !environ[0]) return 0;
    if (!nat_envfile[0]) {
        fmt(nat_envfile, sizeof nat_envfile, "/tmp/wali_native_env.%lld", wali_getpid());
        int fd = (int)wali_open(nat_envfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0) return 0;
        for (char **e = environ; *e; e++) {
            write_all(fd, *e, strlen(*e));
            write_all(fd, "\n", 1);
        }
        wali_close(fd);
    }
    size_t n = strlen(nat_envfile);
    if (n + 1 > size) {
        if (size) buf[0] = 0;
        return 1;
    }
    memcpy(buf, nat_envfile, n + 1);
    return 1;
}
#endif
