/* Atomics of every width and kind, before and after the first thread (the
 * Pulley lowering does them with plain accesses, then as host atomics), under
 * contention, memory.atomic.wait/notify, and memory grown by one thread and
 * used by another. Native: the same C with gcc's atomics and pthreads. */
//@ src lib/thread.c
//@ wasm-src lib/thread_start.s
#include "wali.h"

#define STACK_SIZE (64 * 1024)
#define NTHREADS 4
#define ITERS 20000

static char stacks[NTHREADS][STACK_SIZE] __attribute__((aligned(16)));
static struct w_thread th[NTHREADS];

/* Fields at different offsets: the memarg offsets of the atomics differ. */
static struct {
    u8 pad;
    u8 b;
    u16 h;
    u32 w;
    u64 d;
} cell __attribute__((aligned(16)));

#define BATTERY(T, f, name)                                                                    \
    do {                                                                                       \
        T *p = &cell.f;                                                                        \
        __atomic_store_n(p, (T)0x5a5a5a5a5a5a5a5aULL, __ATOMIC_SEQ_CST);                      \
        say("%s %s load %u\n", phase, name, (unsigned)(__atomic_load_n(p, __ATOMIC_SEQ_CST) & 0xffffffff)); \
        say("%s %s add old %u\n", phase, name, (unsigned)__atomic_fetch_add(p, (T)0xf0, __ATOMIC_SEQ_CST)); \
        say("%s %s sub old %u\n", phase, name, (unsigned)__atomic_fetch_sub(p, (T)0x1234, __ATOMIC_SEQ_CST)); \
        say("%s %s and old %u\n", phase, name, (unsigned)__atomic_fetch_and(p, (T)0x0ff0f0f0f0f0f0f0ULL, __ATOMIC_SEQ_CST)); \
        say("%s %s or old %u\n", phase, name, (unsigned)__atomic_fetch_or(p, (T)0x8001, __ATOMIC_SEQ_CST)); \
        say("%s %s xor old %u\n", phase, name, (unsigned)__atomic_fetch_xor(p, (T)0xffff, __ATOMIC_SEQ_CST)); \
        say("%s %s xchg old %u\n", phase, name, (unsigned)__atomic_exchange_n(p, (T)7, __ATOMIC_SEQ_CST)); \
        T e = 8;                                                                               \
        int r = __atomic_compare_exchange_n(p, &e, (T)9, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
        say("%s %s cmpxchg miss %d old %u\n", phase, name, r, (unsigned)e);                     \
        e = 7;                                                                                 \
        r = __atomic_compare_exchange_n(p, &e, (T)-2, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);  \
        say("%s %s cmpxchg hit %d now %u\n", phase, name, r, (unsigned)__atomic_load_n(p, __ATOMIC_SEQ_CST)); \
        say("%s %s high half %u\n", phase, name, (unsigned)((u64)__atomic_load_n(p, __ATOMIC_SEQ_CST) >> 32)); \
    } while (0)

static void battery(const char *phase) {
    BATTERY(u8, b, "u8");
    BATTERY(u16, h, "u16");
    BATTERY(u32, w, "u32");
    BATTERY(u64, d, "u64");
    chk("neighbour byte untouched", cell.pad, 0);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* ---------------- contention ---------------- */
static int go;
static u32 c32;
static u64 c64;
static u8 c8;
static u16 c16_cas;

static void hammer(void *arg) {
    (void)arg;
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE)) wali_futex(&go, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, 0, 0, 0);
    for (int i = 0; i < ITERS; i++) {
        __atomic_fetch_add(&c32, 1, __ATOMIC_SEQ_CST);
        __atomic_fetch_add(&c64, 0x100000001ULL, __ATOMIC_SEQ_CST);
        __atomic_fetch_add(&c8, 1, __ATOMIC_SEQ_CST);
        u16 old = __atomic_load_n(&c16_cas, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&c16_cas, &old, (u16)(old + 3), 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
        }
    }
}

static void test_contention(void) {
    int n = 0;
    for (int i = 0; i < NTHREADS; i++) n += w_thread_start(&th[i], hammer, 0, stacks[i], STACK_SIZE) >= 0;
    chk("threads started", n, NTHREADS);
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    wali_futex(&go, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, W_INT_MAX, 0, 0, 0);
    for (int i = 0; i < NTHREADS; i++) w_thread_join(&th[i]);
    chk("u32 counter", c32, NTHREADS * ITERS);
    chk("u64 counter", (long long)c64, (long long)(NTHREADS * ITERS * 0x100000001ULL));
    chk("u8 counter (wraps)", c8, (u8)(NTHREADS * ITERS));
    chk("u16 cmpxchg counter (wraps)", c16_cas, (u16)(NTHREADS * ITERS * 3));
}

/* ---------------- memory grown by another thread ---------------- */
static volatile unsigned char *grown;
static unsigned grown_len = 3 * 65536;

static void grower(void *arg) {
    (void)arg;
#ifdef __wasm__
    unsigned long old = __builtin_wasm_memory_grow(0, 3);
    grown = old == (unsigned long)-1 ? 0 : (unsigned char *)(old * 65536);
#else
    static unsigned char buf[3 * 65536];
    grown = buf;
#endif
    if (grown)
        for (unsigned i = 0; i < grown_len; i += 4096) grown[i] = (unsigned char)(i >> 12);
}

static void test_growth(void) {
#ifdef __wasm__
    unsigned long before = __builtin_wasm_memory_size(0);
#endif
    chk_ok("grower started", w_thread_start(&th[0], grower, 0, stacks[0], STACK_SIZE));
    w_thread_join(&th[0]);
    chk_yes("another thread grew memory", grown != 0);
    int ok = 1;
    for (unsigned i = 0; grown && i < grown_len; i += 4096) ok &= grown[i] == (unsigned char)(i >> 12);
    chk_yes("main reads what it wrote there", ok);
#ifdef __wasm__
    chk("memory.size in main", (long long)__builtin_wasm_memory_size(0) - (long long)before, 3);
#else
    chk("memory.size in main", 3, 3);
#endif
}

/* ---------------- wait / notify ---------------- */
#ifdef __wasm__
static int waitword;
#endif

static void test_wait_notify(void) {
#ifdef __wasm__
    chk("wait32 on another value", __builtin_wasm_memory_atomic_wait32(&waitword, 1, -1), 1);
    chk("wait32 times out", __builtin_wasm_memory_atomic_wait32(&waitword, 0, 1000000), 2);
    chk("wait64 on another value", __builtin_wasm_memory_atomic_wait64((long long *)&cell.d, 12345, -1), 1);
    chk("notify with no waiter", __builtin_wasm_memory_atomic_notify(&waitword, 1), 0);
#else
    chk("wait32 on another value", 1, 1);
    chk("wait32 times out", 2, 2);
    chk("wait64 on another value", 1, 1);
    chk("notify with no waiter", 0, 0);
#endif
}

static int test(int argc, char **argv) {
    battery("one thread:");
    test_contention();
    battery("threads:");
    test_growth();
    test_wait_notify();
    say("done\n");
    return 0;
}

TEST_MAIN(test)
