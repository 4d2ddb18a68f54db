/* Threads and futexes: a futex mutex under 8 contending threads, joining through
 * an emulated CLONE_CHILD_CLEARTID word, and the futex operations a libc uses:
 * WAIT (timeout, wrong value, errors), WAKE, CMP_REQUEUE, WAKE_OP,
 * WAIT_BITSET/WAKE_BITSET. wasm threads come from __wasm_thread_spawn
 * (lib/thread.c + lib/thread_start.s), native ones from pthread_create.
 *
 * Waiters are made deterministic by "parking": a waiter blocks on a staging
 * word, and the main thread FUTEX_CMP_REQUEUEs from the staging word to the
 * word under test until every waiter has moved, so each waiter is known to be
 * queued in the kernel before the operation under test runs. */
//@ src lib/thread.c
//@ wasm-src lib/thread_start.s
#include "wali.h"

#define PRIV FUTEX_PRIVATE_FLAG
#define STACK_SIZE (64 * 1024)
#define MAX_THREADS 8

static char stacks[MAX_THREADS][STACK_SIZE] __attribute__((aligned(16)));
static struct w_thread th[MAX_THREADS];

static int start(int i, void (*fn)(void *), void *arg) {
    long long r = w_thread_start(&th[i], fn, arg, stacks[i], STACK_SIZE);
    if (r < 0) {
        say("thread %d: start failed: %E [MISMATCH]\n", i, r);
        rt_failures++;
        return 0;
    }
    return 1;
}

/* ---------------- a futex mutex (0 free, 1 locked, 2 locked + waiters) ---------------- */
static int lock_word;
static long long counter;

static void mutex_lock(int *m) {
    int c = 0;
    if (__atomic_compare_exchange_n(m, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
    if (c != 2) c = __atomic_exchange_n(m, 2, __ATOMIC_ACQUIRE);
    while (c != 0) {
        wali_futex(m, FUTEX_WAIT | PRIV, 2, 0, 0, 0);
        c = __atomic_exchange_n(m, 2, __ATOMIC_ACQUIRE);
    }
}

static void mutex_unlock(int *m) {
    if (__atomic_fetch_sub(m, 1, __ATOMIC_RELEASE) != 1) {
        __atomic_store_n(m, 0, __ATOMIC_RELEASE);
        wali_futex(m, FUTEX_WAKE | PRIV, 1, 0, 0, 0);
    }
}

#define ITERS 100000
static int go;

static void incrementer(void *arg) {
    (void)arg;
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE)) wali_futex(&go, FUTEX_WAIT | PRIV, 0, 0, 0, 0);
    for (int i = 0; i < ITERS; i++) {
        mutex_lock(&lock_word);
        counter++; /* plain read-modify-write: only the mutex makes it exact */
        mutex_unlock(&lock_word);
    }
}

static void test_mutex(void) {
    int pid = (int)wali_getpid(), ok = 1, distinct = 1;
    int n = 0;
    for (int i = 0; i < MAX_THREADS; i++) n += start(i, incrementer, 0);
    chk("threads started", n, MAX_THREADS);
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    wali_futex(&go, FUTEX_WAKE | PRIV, W_INT_MAX, 0, 0, 0);
    for (int i = 0; i < MAX_THREADS; i++) w_thread_join(&th[i]);
    chk("counter", counter, (long long)MAX_THREADS * ITERS);
    chk("lock word after", lock_word, 0);
    for (int i = 0; i < MAX_THREADS; i++) {
        if (!w_thread_ids_ok(&th[i]) || th[i].tid == pid) ok = 0;
        for (int j = 0; j < i; j++)
            if (th[i].tid == th[j].tid) distinct = 0;
    }
    chk_yes("tid argument == gettid in the thread == spawn result, != pid", ok);
    chk_yes("tids distinct", distinct);
    chk("main gettid == getpid", wali_gettid() == pid, 1);
}

/* ---------------- single-thread futex results ---------------- */
static void test_wait_errors(void) {
    int w = 5;
    struct w_timespec t30 = {0, 30 * 1000000L};
    long long t0 = w_now_ns(CLOCK_MONOTONIC);
    chk("FUTEX_WAIT 30ms timeout", wali_futex(&w, FUTEX_WAIT | PRIV, 5, &t30, 0, 0), -ETIMEDOUT);
    long long dt = w_now_ns(CLOCK_MONOTONIC) - t0;
    chk_yes("waited >= 30ms", dt >= 30 * 1000000LL);
    chk_yes("waited < 5s", dt < 5000 * 1000000LL);
    chk("FUTEX_WAIT wrong value", wali_futex(&w, FUTEX_WAIT | PRIV, 6, &t30, 0, 0), -EAGAIN);
    chk("FUTEX_WAIT shared (no PRIVATE) timeout", wali_futex(&w, FUTEX_WAIT, 5, &t30, 0, 0), -ETIMEDOUT);
    struct w_timespec zero = {0, 0};
    chk("FUTEX_WAIT zero timeout", wali_futex(&w, FUTEX_WAIT | PRIV, 5, &zero, 0, 0), -ETIMEDOUT);
    struct w_timespec bad_ns = {0, 1000000000L};
    chk("FUTEX_WAIT tv_nsec 1e9", wali_futex(&w, FUTEX_WAIT | PRIV, 5, &bad_ns, 0, 0), -EINVAL);
    struct w_timespec neg = {-1, 0};
    chk("FUTEX_WAIT negative tv_sec", wali_futex(&w, FUTEX_WAIT | PRIV, 5, &neg, 0, 0), -EINVAL);
    chk("FUTEX_WAIT timeout BAD_PTR", wali_futex(&w, FUTEX_WAIT | PRIV, 5, (const struct w_timespec *)BAD_PTR, 0, 0),
        -EFAULT);
    chk("FUTEX_WAIT uaddr BAD_PTR", wali_futex((int *)BAD_PTR, FUTEX_WAIT | PRIV, 5, &t30, 0, 0), -EFAULT);
    chk("FUTEX_WAIT unaligned uaddr", wali_futex((int *)((char *)&w + 1), FUTEX_WAIT | PRIV, 5, &t30, 0, 0), -EINVAL);
    chk("FUTEX_WAKE no waiters", wali_futex(&w, FUTEX_WAKE | PRIV, 1, 0, 0, 0), 0);
    chk("FUTEX_WAKE unaligned uaddr", wali_futex((int *)((char *)&w + 2), FUTEX_WAKE | PRIV, 1, 0, 0, 0), -EINVAL);
    chk("futex unknown op 99", wali_futex(&w, 99 | PRIV, 1, 0, 0, 0), -ENOSYS);

    /* bitset waits take an ABSOLUTE deadline (CLOCK_MONOTONIC, or REALTIME with the flag) */
    int b = 0;
    long long now = w_now_ns(CLOCK_MONOTONIC) + 20 * 1000000LL;
    struct w_timespec abs_mono = {now / 1000000000LL, now % 1000000000LL};
    t0 = w_now_ns(CLOCK_MONOTONIC);
    chk("FUTEX_WAIT_BITSET absolute monotonic deadline",
        wali_futex(&b, FUTEX_WAIT_BITSET | PRIV, 0, &abs_mono, 0, (int)FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
    chk_yes("reached the deadline", w_now_ns(CLOCK_MONOTONIC) >= now);
    chk_yes("did not take 5s", w_now_ns(CLOCK_MONOTONIC) - t0 < 5000 * 1000000LL);
    now = w_now_ns(CLOCK_REALTIME) + 20 * 1000000LL;
    struct w_timespec abs_real = {now / 1000000000LL, now % 1000000000LL};
    chk("FUTEX_WAIT_BITSET|CLOCK_REALTIME absolute deadline",
        wali_futex(&b, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME | PRIV, 0, &abs_real, 0, 1), -ETIMEDOUT);
    struct w_timespec past = {1, 0};
    chk("FUTEX_WAIT_BITSET deadline in the past",
        wali_futex(&b, FUTEX_WAIT_BITSET | PRIV, 0, &past, 0, 1), -ETIMEDOUT);
    chk("FUTEX_WAIT_BITSET bitset 0", wali_futex(&b, FUTEX_WAIT_BITSET | PRIV, 0, &abs_mono, 0, 0), -EINVAL);
    chk("FUTEX_WAIT_BITSET wrong value", wali_futex(&b, FUTEX_WAIT_BITSET | PRIV, 1, &abs_mono, 0, 1), -EAGAIN);
    chk("FUTEX_WAKE_BITSET bitset 0", wali_futex(&b, FUTEX_WAKE_BITSET | PRIV, 1, 0, 0, 0), -EINVAL);
    int other = 3;
    chk("FUTEX_CMP_REQUEUE val3 mismatch",
        wali_futex(&b, FUTEX_CMP_REQUEUE | PRIV, 1, FUTEX_VAL2(1), &other, 1), -EAGAIN);
    /* (a PRIVATE requeue never touches uaddr2 natively, so only the shared one can fault) */
    chk("FUTEX_CMP_REQUEUE shared, uaddr2 BAD_PTR",
        wali_futex(&b, FUTEX_CMP_REQUEUE, 1, FUTEX_VAL2(1), (int *)BAD_PTR, 0), -EFAULT);
    chk("FUTEX_CMP_REQUEUE no waiters", wali_futex(&b, FUTEX_CMP_REQUEUE | PRIV, 1, FUTEX_VAL2(1), &other, 0), 0);
    chk("FUTEX_REQUEUE no waiters", wali_futex(&b, FUTEX_REQUEUE | PRIV, 1, FUTEX_VAL2(1), &other, 0), 0);
    /* WAKE_OP with no waiters still applies the operation to *uaddr2 */
    chk("FUTEX_WAKE_OP no waiters",
        wali_futex(&b, FUTEX_WAKE_OP | PRIV, 1, FUTEX_VAL2(1), &other, FUTEX_OP(FUTEX_OP_XOR, 6, FUTEX_OP_CMP_EQ, 3)), 0);
    chk("  *uaddr2 = 3 ^ 6", other, 5);
    chk("FUTEX_WAKE_OP uaddr2 BAD_PTR",
        wali_futex(&b, FUTEX_WAKE_OP | PRIV, 1, FUTEX_VAL2(1), (int *)BAD_PTR, FUTEX_OP(FUTEX_OP_SET, 0, 0, 0)), -EFAULT);
}

/* ---------------- waiters ---------------- */
struct waiter {
    int *word;
    int op;     /* FUTEX_WAIT or FUTEX_WAIT_BITSET */
    int val;
    int bitset;
    long long ret;
};
static struct waiter wt[MAX_THREADS];

static void waiter_fn(void *p) {
    struct waiter *w = p;
    w->ret = wali_futex(w->word, w->op | PRIV, w->val, 0, 0, w->bitset);
}

static int start_waiter(int i, int *word, int op, int val, int bitset) {
    wt[i].word = word;
    wt[i].op = op;
    wt[i].val = val;
    wt[i].bitset = bitset;
    wt[i].ret = 12345;
    return start(i, waiter_fn, &wt[i]);
}

/* Move `n` waiters from `from` (value `val`) to `to`; returns how many moved (n unless 10 s pass). */
static int park(int *from, int val, int *to, int n) {
    int moved = 0;
    for (int tries = 0; moved < n && tries < 10000; tries++) {
        long long r = wali_futex(from, FUTEX_CMP_REQUEUE | PRIV, 0, FUTEX_VAL2(W_INT_MAX), to, val);
        if (r < 0) {
            say("park: %E [MISMATCH]\n", r);
            rt_failures++;
            return moved;
        }
        moved += (int)r;
        if (moved < n) w_sleep_ms(1);
    }
    return moved;
}

static void join_waiters(const char *what, int first, int n) {
    int ok = 1;
    for (int i = first; i < first + n; i++) {
        w_thread_join(&th[i]);
        if (wt[i].ret != 0) {
            say("  waiter %d returned %E\n", i - first, wt[i].ret);
            ok = 0;
        }
    }
    say("%s: waiters woke with 0: %s\n", what, ok ? "yes" : "no [MISMATCH]");
    if (!ok) rt_failures++;
}

static int stage_a, word_b, word_c;

static void test_requeue(void) {
    int n = 0;
    for (int i = 0; i < 3; i++) n += start_waiter(i, &stage_a, FUTEX_WAIT, 0, 0);
    chk("CMP_REQUEUE: waiters parked on B", park(&stage_a, 0, &word_b, n), 3);
    chk("CMP_REQUEUE: wake on A finds none", wali_futex(&stage_a, FUTEX_WAKE | PRIV, W_INT_MAX, 0, 0, 0), 0);
    chk("CMP_REQUEUE val3 mismatch with waiters",
        wali_futex(&word_b, FUTEX_CMP_REQUEUE | PRIV, 1, FUTEX_VAL2(1), &word_c, 7), -EAGAIN);
    chk("CMP_REQUEUE B->C wake 1 requeue 1", wali_futex(&word_b, FUTEX_CMP_REQUEUE | PRIV, 1, FUTEX_VAL2(1), &word_c, 0), 2);
    chk("REQUEUE B->C wake 0 requeue all", wali_futex(&word_b, FUTEX_REQUEUE | PRIV, 0, FUTEX_VAL2(W_INT_MAX), &word_c, 0), 1);
    chk("wake B: none left", wali_futex(&word_b, FUTEX_WAKE | PRIV, W_INT_MAX, 0, 0, 0), 0);
    chk("wake C: 1", wali_futex(&word_c, FUTEX_WAKE | PRIV, 1, 0, 0, 0), 1);
    chk("wake C: the last", wali_futex(&word_c, FUTEX_WAKE | PRIV, W_INT_MAX, 0, 0, 0), 1);
    join_waiters("requeue", 0, 3);
}

static int stage_x, stage_y, word_x, word_y;

static void test_wake_op(void) {
    int n = 0;
    for (int i = 0; i < 2; i++) n += start_waiter(i, &stage_x, FUTEX_WAIT, 0, 0);
    for (int i = 2; i < 4; i++) n += start_waiter(i, &stage_y, FUTEX_WAIT, 0, 0);
    chk("WAKE_OP: waiters started", n, 4);
    chk("WAKE_OP: 2 waiters parked on X", park(&stage_x, 0, &word_x, 2), 2);
    chk("WAKE_OP: 2 waiters parked on Y", park(&stage_y, 0, &word_y, 2), 2);
    word_y = 7;
    /* oldval 7 > 100 is false: wakes 1 on X and nobody on Y; Y becomes 7 + 3 */
    chk("WAKE_OP(X 1, Y 2, ADD 3, GT 100)",
        wali_futex(&word_x, FUTEX_WAKE_OP | PRIV, 1, FUTEX_VAL2(2), &word_y, FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_GT, 100)), 1);
    chk("  Y", __atomic_load_n(&word_y, __ATOMIC_SEQ_CST), 10);
    /* oldval 10 == 10: wakes the other one on X and both on Y; Y becomes 1 */
    chk("WAKE_OP(X 1, Y 2, SET 1, EQ 10)",
        wali_futex(&word_x, FUTEX_WAKE_OP | PRIV, 1, FUTEX_VAL2(2), &word_y, FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 10)), 3);
    chk("  Y", __atomic_load_n(&word_y, __ATOMIC_SEQ_CST), 1);
    chk("wake X: none left", wali_futex(&word_x, FUTEX_WAKE | PRIV, W_INT_MAX, 0, 0, 0), 0);
    chk("wake Y: none left", wali_futex(&word_y, FUTEX_WAKE | PRIV, W_INT_MAX, 0, 0, 0), 0);
    join_waiters("wake_op", 0, 4);
}

static int stage_w, word_w;

static void test_bitset(void) {
    int n = 0;
    n += start_waiter(0, &stage_w, FUTEX_WAIT_BITSET, 0, 1);
    n += start_waiter(1, &stage_w, FUTEX_WAIT_BITSET, 0, 2);
    n += start_waiter(2, &stage_w, FUTEX_WAIT_BITSET, 0, 3);
    chk("BITSET: 3 waiters parked (bitsets 1, 2, 3)", park(&stage_w, 0, &word_w, 3), n);
    chk("WAKE_BITSET 4: none match", wali_futex(&word_w, FUTEX_WAKE_BITSET | PRIV, W_INT_MAX, 0, 0, 4), 0);
    chk("WAKE_BITSET 2: bitsets 2 and 3", wali_futex(&word_w, FUTEX_WAKE_BITSET | PRIV, W_INT_MAX, 0, 0, 2), 2);
    w_thread_join(&th[1]);
    w_thread_join(&th[2]);
    chk("  bitset-2 waiter result", wt[1].ret, 0);
    chk("  bitset-3 waiter result", wt[2].ret, 0);
    chk("  bitset-1 waiter still running", __atomic_load_n(&th[0].ctid, __ATOMIC_SEQ_CST), 1);
    chk("plain FUTEX_WAKE wakes bitset 1", wali_futex(&word_w, FUTEX_WAKE | PRIV, W_INT_MAX, 0, 0, 0), 1);
    join_waiters("bitset", 0, 1);
}

static int test(int argc, char **argv) {
    test_mutex();
    test_wait_errors();
    test_requeue();
    test_wake_op();
    test_bitset();
#ifdef __wasm__
    /* a table index that is no function: the spawn fails, nothing else happens */
    chk_yes("spawn with a bad table index fails", wali_wasm_thread_spawn(0x7fffff, &th[0]) < 0);
#else
    chk_yes("spawn with a bad table index fails", 1);
#endif
    say("done\n");
    return 0;
}

TEST_MAIN(test)
