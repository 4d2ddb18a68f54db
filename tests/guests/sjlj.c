/* setjmp/longjmp through Wasm exception handling (exnref: try_table/throw,
 * tag __c_longjmp), with the runtime in lib/sjlj_rt.c; natively glibc's.
 * Covers: a longjmp across 3 frames, longjmp(env, 0) -> 1, 10,000 jumps in a
 * loop (the shadow stack pointer is restored each time), a longjmp that passes
 * through a frame with its own setjmp (the "not mine, rethrow" path), two setjmp
 * sites in one function, a longjmp within the function itself, and a longjmp
 * through several invocations of one recursive function (each invocation is a
 * different setjmp owner). */
//@ wasm-src lib/sjlj_rt.c lib/sjlj_tag.s
//@ wasm-cflags -mllvm -wasm-enable-sjlj -mllvm -wasm-use-legacy-eh=false
#include "wali.h"
#include "sjlj.h"

#define NOINLINE __attribute__((noinline))

static int trail[16];
static int ntrail;
static void note(int x) {
    if (ntrail < 16) trail[ntrail++] = x;
}
static void show_trail(const char *label, const char *want) {
    char b[128];
    int n = 0;
    b[0] = 0;
    for (int i = 0; i < ntrail; i++) n += fmt(b + n, sizeof b - (size_t)n, "%s%d", i ? " " : "", trail[i]);
    chk_str(label, b, want);
}

/* ---- across 3 frames ---- */
static jmp_buf top;
NOINLINE static void level3(int v) {
    note(3);
    longjmp(top, v);
}
NOINLINE static void level2(int v) {
    note(2);
    level3(v);
    note(-2);
}
NOINLINE static void level1(int v) {
    note(1);
    level2(v);
    note(-1);
}
NOINLINE static int across(int v) {
    volatile int calls = 0;
    ntrail = 0;
    int r = setjmp(top);
    if (r == 0) {
        calls++;
        level1(v);
        return -100;
    }
    note(100 + calls);
    return r;
}

/* ---- 10,000 jumps ---- */
static jmp_buf loop_env;
NOINLINE static void jump_back(int n) { longjmp(loop_env, n); }
NOINLINE static uptr stack_probe(void) {
    volatile char here = 0;
    char *volatile p = (char *)&here;
    return (uptr)p;
}
NOINLINE static long long loop(int n) {
    volatile long long sum = 0;
    volatile int count = 0;
    int r = setjmp(loop_env);
    sum += r;
    if (count < n) {
        count++;
        jump_back(count);
    }
    return sum + (long long)count * 1000000000LL;
}

/* ---- through a frame that has its own setjmp ---- */
static jmp_buf outer, inner;
NOINLINE static void deep(int which) {
    note(9);
    if (which)
        longjmp(outer, 7);
    else
        longjmp(inner, 8);
}
NOINLINE static int middle(int which) {
    volatile int seen = 0;
    int r = setjmp(inner);
    if (r) return 100 + r + seen;
    seen = 1;
    deep(which);
    return -1;
}
NOINLINE static int outer_fn(int which) {
    ntrail = 0;
    int r = setjmp(outer);
    if (r) return 200 + r;
    return middle(which);
}

/* ---- two setjmp sites in one function, and a longjmp in the function itself ---- */
NOINLINE static void jump_to(jmp_buf e, int v) { longjmp(e, v); }
NOINLINE static int two_sites(int which) {
    jmp_buf a, b;
    volatile int stage = 0;
    int r = setjmp(a);
    if (r) return 1000 + r * 10 + stage;
    stage = 1;
    r = setjmp(b);
    if (r) return 2000 + r * 10 + stage;
    stage = 2;
    if (which == 2) longjmp(b, 4); /* no call in between */
    jump_to(which ? a : b, 5);
    return -1;
}

/* ---- recursion: every invocation owns a jmp_buf ---- */
static jmp_buf *envs[8];
NOINLINE static int rec(int n, int target) {
    jmp_buf e;
    envs[n] = &e;
    int r = setjmp(e);
    if (r) {
        note(n);
        return n * 100 + r;
    }
    if (n == 0) longjmp(*envs[target], 6);
    int v = rec(n - 1, target);
    note(-n);
    return v;
}

static int test(int argc, char **argv) {
    chk("longjmp across 3 frames returns", across(42), 42);
    show_trail("  frames run", "1 2 3 101");
    chk("longjmp(env, 0): setjmp returns", across(0), 1);
    chk("longjmp(env, -5): setjmp returns -5 (+1000)", across(-5) + 1000, 995);

    uptr sp0 = stack_probe();
    long long s = loop(10000);
    chk("10000 jumps: count", s / 1000000000LL, 10000);
    chk("10000 jumps: sum of setjmp results", s % 1000000000LL, 50005000);
    chk_yes("stack depth unchanged after the jumps", stack_probe() == sp0);

    chk("longjmp to a frame's own setjmp", outer_fn(0), 109);
    chk("longjmp through a frame with its own setjmp", outer_fn(1), 207);
    show_trail("  frames run", "9");

    chk("second setjmp site", two_sites(0), 2052);
    chk("first setjmp site", two_sites(1), 1052);
    chk("longjmp in the same function", two_sites(2), 2042);

    ntrail = 0;
    chk("recursion: longjmp from depth 0 to invocation 3 of 5", rec(5, 3), 306);
    show_trail("  resumed in invocation 3, then returned through", "3 -4 -5");
    ntrail = 0;
    chk("recursion: longjmp to the innermost invocation", rec(4, 0), 6);
    show_trail("  trail", "0 -1 -2 -3 -4");
    chk_yes("stack depth unchanged at the end", stack_probe() == sp0);
    say("done\n");
    return 0;
}

TEST_MAIN(test)
