/* isolation: guest escapes wali-run must close (run by tests/isolation.rs, wasm
 * build only: native Linux gives other results on purpose, the native build just
 * has to compile).
 *
 * argv[1] is the subcommand; some take argv[2] (a fresh temp dir, or a path):
 *   holes-mmap, holes-mmap-trap     a failed MAP_FIXED mmap leaves no hole in linear memory
 *   holes-mremap, holes-mremap-trap mremap(MREMAP_FIXED) leaves no hole; RLIMIT_AS is the guest's
 *   dontfork, guard                 madvise that would change host mappings is refused
 *   sigbus DIR                      a truncated MAP_SHARED file: EFAULT, not a dead runtime
 *   getgroups, munmap-race, null-page
 *   procmem DIR                     /proc/<self>/mem cannot be opened however it is spelled
 *   scm-rights                      a received /proc/<pid>/mem fd is dropped (MSG_CTRUNC)
 *   tiocsti                         TIOCSTI is refused
 *   exec PATH                       execve(PATH) and print the result
 * Lines are deterministic; a failed check prints [MISMATCH ...] (exit status 1). */
//@ src lib/thread.c
//@ wasm-src lib/thread_start.s
#include "wali.h"

/* Calls wali.h does not declare (spec signatures: i32 for pointers and int/size_t). */
#ifdef __wasm__
#define X_IMPORT(n) __attribute__((import_module("wali"), import_name(n)))
X_IMPORT("SYS_fork") long long x_fork(void);
X_IMPORT("SYS_wait4") long long x_wait4(int pid, int *status, int options, void *rusage);
X_IMPORT("SYS_execve") long long x_execve(const char *path, char *const *argv, char *const *envp);
X_IMPORT("SYS_memfd_create") long long x_memfd_create(const char *name, unsigned flags);
X_IMPORT("SYS_mlock") long long x_mlock(const void *addr, unsigned len);
X_IMPORT("SYS_munlock") long long x_munlock(const void *addr, unsigned len);
#else
static inline long long x_sys(long nr, long a, long b, long c, long d) {
    long r = syscall(nr, a, b, c, d);
    return r == -1 ? -(long long)*__errno_location() : r;
}
#define x_fork() x_sys(SYS_fork, 0, 0, 0, 0)
#define x_wait4(p, s, o, r) x_sys(SYS_wait4, (long)(p), (long)(s), (long)(o), (long)(r))
#define x_execve(p, a, e) x_sys(SYS_execve, (long)(p), (long)(a), (long)(e), 0)
#define x_memfd_create(n, f) x_sys(SYS_memfd_create, (long)(n), (long)(f), 0, 0)
#define x_mlock(a, l) x_sys(SYS_mlock, (long)(a), (long)(l), 0, 0)
#define x_munlock(a, l) x_sys(SYS_munlock, (long)(a), (long)(l), 0, 0)
#endif

#define MREMAP_FIXED 2
#define RLIMIT_AS 9
#define O_PATH 010000000
#define TIOCSTI 0x5412
#define MADV_DONTFORK 10
#define MADV_GUARD_INSTALL 102
#define S_IFCHR_ 0020000
#define RW (PROT_READ | PROT_WRITE)
#define MiB (1u << 20)
#define PAGE 4096u
#define PTR(r) ((char *)(uptr)(r))

static long long anon(unsigned len) { return wali_mmap(0, len, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); }

/* read(/dev/zero, p, 16): 16 if the kernel may write p, else -EFAULT. */
static long long zero_into(void *p) {
    static int zfd = -1;
    if (zfd < 0) zfd = (int)wali_open("/dev/zero", O_RDONLY | O_CLOEXEC, 0);
    return wali_read(zfd, p, 16);
}

/* Waits for `pid`; its raw wait status, or -1. */
static int wait_for(long long pid) {
    int st = -1;
    long long r = x_wait4((int)pid, &st, 0, 0);
    if (r != pid) {
        say("wait4: %E [MISMATCH want %lld]\n", r, pid);
        rt_failures++;
        return -1;
    }
    return st;
}

static int fork_and_check(void (*child)(void *), void *arg) {
    long long pid = x_fork();
    if (pid < 0) {
        chk("fork", pid, 0);
        return 1;
    }
    if (pid == 0) {
        child(arg);
        wali_exit_group(rt_failures ? 1 : 0);
    }
    chk("child wait status", wait_for(pid), 0);
    return 0;
}

/* ------------------------------------------------------------------ */
/* holes: a failed MAP_FIXED mmap and mremap(MREMAP_FIXED) unmap the old */
/* pages; the runtime must cover them again (no host mapping inside).    */
/* ------------------------------------------------------------------ */
#define HOLE (40u * MiB)

static char *map_over(void) {
    long long p = anon(HOLE);
    chk_ok("mmap 40 MiB", p);
    if (p < 0) return 0;
    char *m = PTR(p);
    for (unsigned i = 0; i < HOLE; i += PAGE) m[i] = 1;
    int s = (int)wali_socket(AF_UNIX, SOCK_STREAM, 0);
    chk_ok("socket AF_UNIX", s);
    chk("mmap MAP_SHARED|MAP_FIXED of a socket over it", wali_mmap(m, HOLE, RW, MAP_SHARED | MAP_FIXED, s, 0), -ENODEV);
    wali_close(s);
    return m;
}

static u64 hex(const char **s) {
    u64 v = 0;
    for (;; (*s)++) {
        char c = **s;
        if (c >= '0' && c <= '9') v = v * 16 + (u64)(c - '0');
        else if (c >= 'a' && c <= 'f') v = v * 16 + (u64)(c - 'a' + 10);
        else return v;
    }
}

struct mapline { u64 start, end; char perms[5]; const char *rest; };

/* Parses one line of /proc/self/maps at *s and advances past it; 0 at the end. */
static int next_line(const char **s, struct mapline *l) {
    const char *p = *s;
    if (!*p) return 0;
    l->start = hex(&p);
    if (*p == '-') p++;
    l->end = hex(&p);
    if (*p == ' ') p++;
    for (int i = 0; i < 4; i++) l->perms[i] = *p ? *p++ : '?';
    l->perms[4] = 0;
    l->rest = p;
    while (*p && *p != '\n') p++;
    if (*p) p++;
    *s = p;
    return 1;
}

static int line_has(const struct mapline *l, const char *word) {
    size_t n = strlen(word);
    for (const char *p = l->rest; *p && *p != '\n'; p++)
        if (strncmp(p, word, n) == 0) return 1;
    return 0;
}

static int thread_runs;
static void brief_thread(void *arg) {
    (void)arg;
    w_sleep_ms(20);
    __atomic_add_fetch(&thread_runs, 1, __ATOMIC_SEQ_CST);
}

#define MAPS_CAP (4u * MiB)
#define STACK (64u * 1024)

static int holes_mmap(int trap) {
    if (trap) {
        char *m = map_over();
        if (!m) return 1;
        say("mapped-over\n");
        volatile char *v = m;
        say("load after the failed mmap: %d [MISMATCH want a trap]\n", v[0]);
        return 1;
    }
    /* Everything this test maps comes first: later mappings could reuse the range. */
    int mfd = (int)x_memfd_create("wali-iso-marker", 0);
    chk_ok("memfd_create", mfd);
    chk("ftruncate memfd", wali_ftruncate(mfd, PAGE), 0);
    long long g = wali_mmap(0, PAGE, RW, MAP_SHARED, mfd, 0);
    chk_ok("mmap memfd marker", g);
    long long maps = anon(MAPS_CAP);
    chk_ok("mmap maps buffer", maps);
    long long stacks = anon(4 * STACK);
    chk_ok("mmap thread stacks", stacks);
    if (mfd < 0 || g < 0 || maps < 0 || stacks < 0) return 1;
    PTR(g)[0] = 'M';

    char *m = map_over();
    if (!m) return 1;
    chk("read(/dev/zero) into the old range", zero_into(m), -EFAULT);
    chk("clock_gettime into the old range", wali_clock_gettime(CLOCK_MONOTONIC, (struct w_timespec *)m), -EFAULT);

    static struct w_thread th[4];
    int started = 0;
    for (int i = 0; i < 4; i++)
        if (w_thread_start(&th[i], brief_thread, 0, PTR(stacks) + i * STACK, STACK) == 0) started++;
    chk("threads started", started, 4);
    for (int i = 0; i < 4; i++) w_thread_join(&th[i]);
    chk("threads ran", thread_runs, 4);

    int fd = (int)wali_open("/proc/self/maps", O_RDONLY | O_CLOEXEC, 0);
    chk_ok("open /proc/self/maps", fd);
    if (fd < 0) return 1;
    char *buf = PTR(maps);
    long long n = read_all(fd, buf, MAPS_CAP - 1);
    wali_close(fd);
    chk_yes("read /proc/self/maps (fits the buffer)", n > 0 && n < (long long)MAPS_CAP - 1);
    if (n <= 0) return 1;
    buf[n] = 0;

    /* The marker's host address gives linear memory's base. */
    struct mapline l;
    const char *s = buf;
    u64 base = 0;
    int found = 0;
    while (next_line(&s, &l))
        if (line_has(&l, "wali-iso-marker")) {
            found++;
            base = l.start - (u64)(uptr)g;
        }
    chk("marker lines in /proc/self/maps", found, 1);
    if (found != 1) return 1;

    u64 lim = base + (u64)(uptr)mem_end();
    u64 hs = base + (u64)(uptr)m, he = hs + HOLE;
    u64 cursor = base, hole_covered = 0;
    int gaps = 0, bad_hole = 0;
    s = buf;
    while (next_line(&s, &l)) {
        if (l.end <= cursor || l.start >= lim) continue;
        if (l.start > cursor) {
            if (!gaps++)
                say("first gap in linear memory: [0x%llx, 0x%llx) [MISMATCH]\n", cursor - base, l.start - base);
        }
        if (l.start < he && l.end > hs) {
            if (streq(l.perms, "---p")) {
                hole_covered += (l.end < he ? l.end : he) - (l.start > hs ? l.start : hs);
            } else if (!bad_hole++) {
                say("old range at 0x%llx has %s at [0x%llx, 0x%llx) [MISMATCH want ---p]\n", hs - base, l.perms,
                    l.start - base, l.end - base);
            }
        }
        cursor = l.end;
    }
    if (cursor < lim) {
        if (!gaps++) say("gap at the end of linear memory: [0x%llx, 0x%llx) [MISMATCH]\n", cursor - base, lim - base);
    }
    rt_failures += gaps + bad_hole;
    chk_yes("linear memory fully mapped (no gap)", gaps == 0);
    chk_yes("old range inaccessible (---p) in /proc/self/maps", bad_hole == 0 && hole_covered == HOLE);
    return 0;
}

static int holes_mremap(int trap) {
    long long a = anon(MiB), b = anon(MiB);
    chk_ok("mmap A 1 MiB", a);
    chk_ok("mmap B 1 MiB", b);
    if (a < 0 || b < 0) return 1;
    for (unsigned i = 0; i < MiB; i++) PTR(a)[i] = (char)(i * 13 + 5);

    struct w_rlimit rl, old;
    chk("getrlimit AS", wali_getrlimit(RLIMIT_AS, &old), 0);
    rl.rlim_cur = 64 * MiB;
    rl.rlim_max = old.rlim_max;
    chk("setrlimit AS cur=64 MiB", wali_setrlimit(RLIMIT_AS, &rl), 0);
    memset(&rl, 0, sizeof rl);
    chk("getrlimit AS again", wali_getrlimit(RLIMIT_AS, &rl), 0);
    chk("AS cur", (long long)rl.rlim_cur, 64 * MiB);
    chk_yes("AS max unchanged", rl.rlim_max == old.rlim_max);

    long long r = wali_mremap(PTR(a), MiB, MiB, MREMAP_MAYMOVE | MREMAP_FIXED, PTR(b));
    if (r != b) say("mremap result: %E\n", r);
    chk_yes("mremap A -> B (MAYMOVE|FIXED) returns B", r == b);
    int same = 1;
    for (unsigned i = 0; i < MiB; i++)
        if (PTR(b)[i] != (char)(i * 13 + 5)) same = 0;
    chk_yes("pattern moved to B", same);
    if (trap) {
        say("remapped\n");
        volatile char *v = PTR(a);
        say("load from A after mremap: %d [MISMATCH want a trap]\n", v[0]);
        return 1;
    }
    chk("read(/dev/zero) into A", zero_into(PTR(a)), -EFAULT);

    static unsigned groups[64];
    long long ng = wali_getgroups(0, 0);
    chk_yes("getgroups(0, NULL) >= 0", ng >= 0);
    chk("getgroups(64, buf)", wali_getgroups(64, groups), ng <= 64 ? ng : -EINVAL);
    chk("mmap 128 MiB over RLIMIT_AS", anon(128 * MiB), -ENOMEM);
    long long small = anon(MiB);
    chk_ok("mmap 1 MiB within RLIMIT_AS", small);
    return 0;
}

/* ------------------------------------------------------------------ */
/* madvise that would change host mappings                              */
/* ------------------------------------------------------------------ */
static void dontfork_child(void *arg) {
    char *p = arg;
    chk("child: read(/dev/zero) into the range", zero_into(p), 16);
    int ok = 1;
    for (unsigned i = 0; i < 16; i++)
        if (p[i]) ok = 0;
    for (unsigned i = 16; i < 65536; i++)
        if (p[i] != 'd') ok = 0;
    chk_yes("child: range readable with its data", ok);
}

static int dontfork(void) {
    long long p = anon(65536);
    chk_ok("mmap 64 KiB", p);
    if (p < 0) return 1;
    memset(PTR(p), 'd', 65536);
    chk("madvise MADV_DONTFORK", wali_madvise(PTR(p), 65536, MADV_DONTFORK), -EINVAL);
    return fork_and_check(dontfork_child, PTR(p));
}

static int guard(void) {
    long long p = anon(3 * PAGE);
    chk_ok("mmap 3 pages", p);
    if (p < 0) return 1;
    char *m = PTR(p);
    struct w_timespec *t1 = (struct w_timespec *)(m + PAGE), *t2 = (struct w_timespec *)(m + 2 * PAGE);
    chk("madvise MADV_GUARD_INSTALL page 1", wali_madvise(m + PAGE, PAGE, MADV_GUARD_INSTALL), -EINVAL);
    chk("clock_gettime into page 1", wali_clock_gettime(CLOCK_REALTIME, t1), 0);
    chk("mprotect page 2 PROT_NONE", wali_mprotect(m + 2 * PAGE, PAGE, PROT_NONE), 0);
    chk("clock_gettime into page 2", wali_clock_gettime(CLOCK_REALTIME, t2), -EFAULT);
    say("still running\n");
    return 0;
}

/* ------------------------------------------------------------------ */
/* A MAP_SHARED file truncated under the mapping (SIGBUS on access)     */
/* ------------------------------------------------------------------ */
static char page_buf[2 * PAGE];

static int sigbus(const char *dir) {
    char path[512];
    fmt(path, sizeof path, "%s/sigbus.bin", dir);
    int fd = (int)wali_open(path, O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0600);
    chk_ok("open file", fd);
    if (fd < 0) return 1;
    memset(page_buf, 0, sizeof page_buf);
    memcpy(page_buf, "x/y", 4);
    chk("write 8192", write_all(fd, page_buf, sizeof page_buf), sizeof page_buf);
    long long p = wali_mmap(0, 2 * PAGE, RW, MAP_SHARED, fd, 0);
    chk_ok("mmap file MAP_SHARED 2 pages", p);
    if (p < 0) return 1;
    char *m = PTR(p);
    chk_mem("mapped data", m, "x/y", 4);
    chk("ftruncate to 0", wali_ftruncate(fd, 0), 0);
    chk("open(path in the truncated mapping)", wali_open(m, O_RDONLY, 0), -EFAULT);
    chk("clock_gettime into it", wali_clock_gettime(CLOCK_REALTIME, (struct w_timespec *)m), -EFAULT);
    chk("read(/dev/zero) into it", zero_into(m), -EFAULT);
    chk("read(/dev/zero) into page 2", zero_into(m + PAGE), -EFAULT);
    struct w_stat st;
    chk("stat(path in it)", wali_stat(m, &st), -EFAULT);
    say("still running\n");
    chk("munmap", wali_munmap(m, 2 * PAGE), 0);
    wali_close(fd);
    chk("unlink", wali_unlink(path), 0);
    return 0;
}

/* ------------------------------------------------------------------ */
static int getgroups_big(void) {
    static unsigned groups[4096];
    long long ng = wali_getgroups(0, 0);
    chk_yes("getgroups(0, NULL) >= 0", ng >= 0);
    long long t0 = w_now_ns(CLOCK_MONOTONIC);
    chk("getgroups(INT_MAX, buf) == getgroups(0, NULL)", wali_getgroups(W_INT_MAX, groups), ng);
    chk_yes("returned within 2 s", w_now_ns(CLOCK_MONOTONIC) - t0 < 2000000000LL);
    chk("getgroups(-1, buf)", wali_getgroups(-1, groups), -EINVAL);
    return 0;
}

/* ------------------------------------------------------------------ */
/* munmap racing a syscall that writes into the page                    */
/* ------------------------------------------------------------------ */
static char *race_page;
static int mapper_bad, reader_bad;
static long long reader_bad_value;

static void mapper(void *arg) {
    (void)arg;
    for (int i = 0; i < 2000; i++) {
        long long r = wali_mmap(race_page, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (r != (long long)(uptr)race_page) mapper_bad++;
        if (wali_munmap(race_page, PAGE) != 0) mapper_bad++;
    }
}

static void reader(void *arg) {
    (void)arg;
    for (int i = 0; i < 20000; i++) {
        long long r = wali_clock_gettime(CLOCK_REALTIME, (struct w_timespec *)race_page);
        if (r != 0 && r != -EFAULT) {
            reader_bad++;
            reader_bad_value = r;
        }
    }
}

static int munmap_race(void) {
    long long x = anon(PAGE), stacks = anon(2 * STACK);
    chk_ok("mmap page X", x);
    chk_ok("mmap stacks", stacks);
    if (x < 0 || stacks < 0) return 1;
    race_page = PTR(x);
    static struct w_thread th[2];
    chk("start mapper", w_thread_start(&th[0], mapper, 0, PTR(stacks), STACK), 0);
    chk("start reader", w_thread_start(&th[1], reader, 0, PTR(stacks) + STACK, STACK), 0);
    w_thread_join(&th[0]);
    w_thread_join(&th[1]);
    chk("mapper: unexpected mmap/munmap results", mapper_bad, 0);
    if (reader_bad) say("reader: last unexpected clock_gettime result: %E\n", reader_bad_value);
    chk("reader: results other than 0/EFAULT", reader_bad, 0);
    return 0;
}

static int null_page(void) {
    chk("mprotect(0, 4096, PROT_READ)", wali_mprotect(0, PAGE, PROT_READ), -ENOMEM);
    chk("msync(0, 4096, MS_SYNC)", wali_msync(0, PAGE, MS_SYNC), -ENOMEM);
    chk("madvise(0, 4096, MADV_NORMAL)", wali_madvise(0, PAGE, MADV_NORMAL), -ENOMEM);
    chk("mlock(0, 4096)", x_mlock(0, PAGE), -ENOMEM);
    chk("munlock(0, 4096)", x_munlock(0, PAGE), -ENOMEM);
    return 0;
}

/* ------------------------------------------------------------------ */
/* /proc/<pid>/mem                                                      */
/* ------------------------------------------------------------------ */
static void refused(const char *label, int dirfd, const char *path, int with_o_path) {
    char l[300];
    fmt(l, sizeof l, "%s O_RDWR", label);
    chk(l, wali_openat(dirfd, path, O_RDWR | O_CLOEXEC, 0), -EACCES);
    fmt(l, sizeof l, "%s O_RDONLY", label);
    chk(l, wali_openat(dirfd, path, O_RDONLY | O_CLOEXEC, 0), -EACCES);
    if (with_o_path) {
        fmt(l, sizeof l, "%s O_PATH", label);
        chk(l, wali_openat(dirfd, path, O_PATH | O_CLOEXEC, 0), -EACCES);
    }
}

static void parent_mem_child(void *arg) {
    char path[64];
    fmt(path, sizeof path, "/proc/%lld/mem", *(long long *)arg);
    refused("child: /proc/<parent>/mem", AT_FDCWD, path, 1);
}

static int procmem(const char *dir) {
    char path[512];
    long long pid = wali_getpid(), tid = wali_gettid();
    refused("/proc/self/mem", AT_FDCWD, "/proc/self/mem", 1);
    fmt(path, sizeof path, "/proc/%lld/mem", pid);
    refused("/proc/<pid>/mem", AT_FDCWD, path, 1);
    refused("/proc/thread-self/mem", AT_FDCWD, "/proc/thread-self/mem", 1);
    fmt(path, sizeof path, "/proc/self/task/%lld/mem", tid);
    refused("/proc/self/task/<tid>/mem", AT_FDCWD, path, 1);
    fmt(path, sizeof path, "/proc/%lld/task/%lld/mem", pid, tid);
    refused("/proc/<pid>/task/<tid>/mem", AT_FDCWD, path, 1);
    refused("/proc//self/mem", AT_FDCWD, "/proc//self/mem", 1);
    refused("/proc/self/../self/mem", AT_FDCWD, "/proc/self/../self/mem", 1);
    refused("/proc/./self/./mem", AT_FDCWD, "/proc/./self/./mem", 1);

    fmt(path, sizeof path, "%s/memlink", dir);
    chk("symlinkat /proc/self/mem", wali_symlinkat("/proc/self/mem", AT_FDCWD, path), 0);
    refused("symlink to /proc/self/mem", AT_FDCWD, path, 1);
    wali_unlink(path);

    int d = (int)wali_open("/proc/self", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    chk_ok("open /proc/self O_DIRECTORY", d);
    refused("openat(/proc/self dirfd, mem)", d, "mem", 1);
    fmt(path, sizeof path, "/proc/self/fd/%d/mem", d);
    refused("/proc/self/fd/<dirfd>/mem", AT_FDCWD, path, 1);
    chk("chdir /proc/self", wali_chdir("/proc/self"), 0);
    refused("mem relative to cwd /proc/self", AT_FDCWD, "mem", 1);
    refused("./mem relative to cwd /proc/self", AT_FDCWD, "./mem", 1);
    chk("chdir /", wali_chdir("/"), 0);
    wali_close(d);

    const char *fine[] = {"/proc/self/status", "/proc/self/maps"};
    for (int i = 0; i < 2; i++) {
        long long fd = wali_open(fine[i], O_RDONLY | O_CLOEXEC, 0);
        fmt(path, sizeof path, "open %s", fine[i]);
        chk_ok(path, fd);
        if (fd >= 0) wali_close((int)fd);
    }
    return fork_and_check(parent_mem_child, &pid);
}

/* ------------------------------------------------------------------ */
/* SCM_RIGHTS from a native program: a /proc/<pid>/mem fd is not passed */
/* ------------------------------------------------------------------ */
static const char PY[] =
    "import socket,os,sys; s=socket.socket(fileno=int(sys.argv[1])); "
    "f=os.open('/proc/self/mem', os.O_RDONLY); g=os.open('/dev/null', os.O_RDONLY); "
    "socket.send_fds(s,[b'x'],[f]); socket.send_fds(s,[b'y'],[g,f])";

/* One byte and its fds (into fds[], at most 8); returns recvmsg's result. */
static long long recv_fds(int s, char *data, int *fds, int *nfds, int *flags) {
    static u64 ctl[16];
    struct w_iovec iov = {data, 1};
    struct w_msghdr msg;
    memset(&msg, 0, sizeof msg);
    memset(ctl, 0, sizeof ctl);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctl;
    msg.msg_controllen = sizeof ctl;
    long long r = wali_recvmsg(s, &msg, 0);
    *nfds = 0;
    *flags = msg.msg_flags;
    if (r < 0) return r;
    unsigned off = 0;
    while (off + sizeof(struct w_cmsghdr) <= msg.msg_controllen) {
        struct w_cmsghdr *c = (struct w_cmsghdr *)((char *)ctl + off);
        if (c->cmsg_len < sizeof(struct w_cmsghdr)) break;
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            unsigned n = (c->cmsg_len - (unsigned)sizeof(struct w_cmsghdr)) / 4;
            for (unsigned i = 0; i < n; i++) {
                int fd;
                memcpy(&fd, W_CMSG_DATA(c) + 4 * i, 4);
                if (*nfds < 8) fds[*nfds] = fd;
                (*nfds)++;
            }
        }
        off += W_CMSG_ALIGN(c->cmsg_len);
    }
    return r;
}

static int scm_rights(void) {
    int sv[2];
    chk("socketpair", wali_socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    long long pid = x_fork();
    if (pid < 0) {
        chk("fork", pid, 0);
        return 1;
    }
    if (pid == 0) {
        char fdarg[16];
        wali_close(sv[0]);
        fmt(fdarg, sizeof fdarg, "%d", sv[1]);
        char *argv[] = {"python3", "-c", (char *)PY, fdarg, 0};
        char *envp[] = {"PATH=/usr/bin:/bin", 0};
        long long r = x_execve("/usr/bin/python3", argv, envp);
        say("child: execve /usr/bin/python3: %E [MISMATCH]\n", r);
        wali_exit_group(127);
    }
    wali_close(sv[1]);
    char c = 0;
    int fds[8], n, flags;
    chk("recvmsg 1", recv_fds(sv[0], &c, fds, &n, &flags), 1);
    chk_mem("data 1", &c, "x", 1);
    chk("fds delivered with x (only /proc/<pid>/mem sent)", n, 0);
    chk_yes("MSG_CTRUNC set for x", (flags & MSG_CTRUNC) != 0);
    c = 0;
    chk("recvmsg 2", recv_fds(sv[0], &c, fds, &n, &flags), 1);
    chk_mem("data 2", &c, "y", 1);
    chk("fds delivered with y (/dev/null and /proc/<pid>/mem sent)", n, 1);
    chk_yes("MSG_CTRUNC set for y", (flags & MSG_CTRUNC) != 0);
    if (n == 1) {
        struct w_stat st, nul;
        chk("fstat the fd", wali_fstat(fds[0], &st), 0);
        chk("stat /dev/null", wali_stat("/dev/null", &nul), 0);
        chk_yes("it is a character device", (st.st_mode & S_IFMT) == S_IFCHR_);
        chk_yes("it is /dev/null", st.st_rdev == nul.st_rdev && st.st_ino == nul.st_ino);
        wali_close(fds[0]);
    }
    chk("child wait status", wait_for(pid), 0);
    return 0;
}

static int tiocsti(void) {
    char c = 'x';
    int fd = (int)wali_open("/dev/null", O_RDWR | O_CLOEXEC, 0);
    chk_ok("open /dev/null", fd);
    chk("ioctl(/dev/null, TIOCSTI)", wali_ioctl(fd, TIOCSTI, &c), -EPERM);
    chk("ioctl(0, TIOCSTI)", wali_ioctl(0, TIOCSTI, &c), -EPERM);
    return 0;
}

static int exec_path(const char *path) {
    char *argv[] = {(char *)path, "hello", 0};
    char *envp[] = {0};
    long long r = x_execve(path, argv, envp);
    show("execve", r);
    return 13;
}

static int test(int argc, char **argv) {
    const char *cmd = argc > 1 ? argv[1] : "";
    const char *arg = argc > 2 ? argv[2] : 0;
    if (streq(cmd, "holes-mmap")) return holes_mmap(0);
    if (streq(cmd, "holes-mmap-trap")) return holes_mmap(1);
    if (streq(cmd, "holes-mremap")) return holes_mremap(0);
    if (streq(cmd, "holes-mremap-trap")) return holes_mremap(1);
    if (streq(cmd, "dontfork")) return dontfork();
    if (streq(cmd, "guard")) return guard();
    if (streq(cmd, "sigbus") && arg) return sigbus(arg);
    if (streq(cmd, "getgroups")) return getgroups_big();
    if (streq(cmd, "munmap-race")) return munmap_race();
    if (streq(cmd, "null-page")) return null_page();
    if (streq(cmd, "procmem") && arg) return procmem(arg);
    if (streq(cmd, "scm-rights")) return scm_rights();
    if (streq(cmd, "tiocsti")) return tiocsti();
    if (streq(cmd, "exec") && arg) return exec_path(arg);
    say("usage: isolation holes-mmap[-trap] | holes-mremap[-trap] | dontfork | guard | sigbus DIR | getgroups\n"
        "       | munmap-race | null-page | procmem DIR | scm-rights | tiocsti | exec PATH\n");
    return 2;
}

TEST_MAIN(test)
