/* 1,000 thread create/join cycles: every thread runs, its ids are right, and
 * nothing accumulates: at the end /proc/self/status shows one thread and VmRSS
 * grew by less than 64 MiB since cycle 10 (each wali-run thread is a new
 * instance in a new store on a new host thread, so a leak per thread shows). */
//@ src lib/thread.c
//@ wasm-src lib/thread_start.s
#include "wali.h"

#define CYCLES 1000
#define STACK_SIZE (64 * 1024)

/* Two stacks used in turn; a thread's last act (thread_start.s) touches no stack
 * memory, so a stack may be reused as soon as its thread is joined anyway. */
static char stacks[2][STACK_SIZE] __attribute__((aligned(16)));
static int runs;
static long long sum;

static void body(void *arg) {
    __atomic_fetch_add(&runs, 1, __ATOMIC_SEQ_CST);
    sum += (long long)(uptr)arg;
}

static char status_buf[8192];

/* Value of "Key:" in /proc/self/status (first number on that line), -1 if absent. */
static long long status_field(const char *key) {
    int fd = (int)wali_open("/proc/self/status", O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0) return fd;
    long long n = read_all(fd, status_buf, sizeof status_buf - 1);
    wali_close(fd);
    if (n < 0) return n;
    status_buf[n] = 0;
    size_t kl = strlen(key);
    for (char *line = status_buf; *line;) {
        if (strncmp(line, key, kl) == 0 && line[kl] == ':') {
            char *p = line + kl + 1;
            while (*p == ' ' || *p == '\t') p++;
            long long v = 0;
            while (*p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
            return v;
        }
        char *nl = strchr(line, '\n');
        if (!nl) break;
        line = nl + 1;
    }
    return -1;
}

static int test(int argc, char **argv) {
    struct w_thread t;
    int started = 0, ids_ok = 1, pid = (int)wali_getpid();
    long long rss10 = -1, want = 0, threads0 = status_field("Threads");
    for (int i = 0; i < CYCLES; i++) {
        long long r = w_thread_start(&t, body, (void *)(uptr)(i + 1), stacks[i & 1], STACK_SIZE);
        if (r < 0) {
            say("cycle %d: start failed: %E [MISMATCH]\n", i, r);
            rt_failures++;
            break;
        }
        started++;
        want += i + 1;
        w_thread_join(&t);
        if (!w_thread_ids_ok(&t) || t.tid == pid) ids_ok = 0;
        if (i == 9) rss10 = status_field("VmRSS");
    }
    chk("threads started", started, CYCLES);
    chk("threads ran", __atomic_load_n(&runs, __ATOMIC_SEQ_CST), CYCLES);
    chk("sum of arguments", sum, want);
    chk_yes("ids right in every thread", ids_ok);

    /* The last thread may still be on its way out after clearing its ctid. */
    long long threads = -1;
    for (int i = 0; i < 200; i++) {
        threads = status_field("Threads");
        if (threads == 1) break;
        w_sleep_ms(10);
    }
    if (threads == 1) {
        say("Threads: 1 ok\n");
    } else {
        say("Threads: %lld not [MISMATCH want 1] (%lld before the first guest thread)\n", threads, threads0);
        rt_failures++;
    }
    long long rss = status_field("VmRSS");
    int bounded = rss10 > 0 && rss > 0 && rss - rss10 < 64 * 1024;
    say("rss bounded: %s\n", bounded ? "yes" : "no [MISMATCH]");
    if (!bounded) {
        rt_failures++;
        say("  VmRSS after 10 cycles %lld kB, at the end %lld kB\n", rss10, rss);
    }
    return 0;
}

TEST_MAIN(test)
