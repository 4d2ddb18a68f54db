/* Threads for the guest tests (see struct w_thread in include/wali.h).
 *
 * wasm:   w_thread_start() hands the asm entry wali_thread_entry (thread_start.s)
 *         to __wasm_thread_spawn; the entry switches to t->stack_top, calls
 *         w_thread_main() and ends the thread with ctid = 0, FUTEX_WAKE, SYS_exit.
 * native: a detached pthread runs w_thread_main() and then does the same
 *         ctid = 0 + FUTEX_WAKE before returning into glibc (which frees its
 *         stack; a raw SYS_exit would leak it).
 * Either way the joiner only FUTEX_WAITs on t->ctid, as musl's pthread_join does.
 */
#include "wali.h"

#ifndef __wasm__
#include <pthread.h>
#endif

long long w_futex_wait(int *word, int val, const struct w_timespec *rel_timeout) {
    return wali_futex(word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, val, rel_timeout, 0, 0);
}

long long w_futex_wake(int *word, int n) {
    return wali_futex(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, n, 0, 0, 0);
}

void w_sleep_ms(long ms) {
    struct w_timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (wali_nanosleep(&ts, &ts) == -EINTR) {
    }
}

long long w_now_ns(int clock) {
    struct w_timespec ts;
    if (wali_clock_gettime(clock, &ts) < 0) return 0;
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void w_thread_main(int tid, struct w_thread *t) {
    t->tid = tid;
    t->gettid = (int)wali_gettid();
    t->fn(t->arg);
}

int w_thread_ids_ok(const struct w_thread *t) {
    return t->tid > 0 && t->tid == t->gettid && t->spawn_ret == t->tid;
}

void w_thread_join(struct w_thread *t) {
    int v;
    while ((v = __atomic_load_n(&t->ctid, __ATOMIC_ACQUIRE)) != 0) w_futex_wait(&t->ctid, v, 0);
}

#ifdef __wasm__
_Static_assert(__builtin_offsetof(struct w_thread, stack_top) == 0, "thread_start.s reads stack_top at 0");
_Static_assert(__builtin_offsetof(struct w_thread, ctid) == 12, "thread_start.s clears ctid at 12");

void wali_thread_entry(int tid, struct w_thread *t); /* lib/thread_start.s */

long long w_thread_start(struct w_thread *t, void (*fn)(void *), void *arg, void *stack, size_t stack_size) {
    t->stack_top = (void *)(((uptr)stack + stack_size) & ~(uptr)15);
    t->fn = fn;
    t->arg = arg;
    t->tid = 0;
    t->gettid = 0;
    __atomic_store_n(&t->ctid, 1, __ATOMIC_SEQ_CST);
    int r = wali_wasm_thread_spawn((int)(uptr)&wali_thread_entry, t);
    if (r < 0) {
        __atomic_store_n(&t->ctid, 0, __ATOMIC_SEQ_CST);
        return r;
    }
    t->spawn_ret = r;
    return 0;
}
#else
static void *native_entry(void *p) {
    struct w_thread *t = p;
    int tid = (int)wali_gettid();
    t->spawn_ret = tid;
    w_thread_main(tid, t);
    __atomic_store_n(&t->ctid, 0, __ATOMIC_SEQ_CST);
    w_futex_wake(&t->ctid, W_INT_MAX);
    return 0;
}

long long w_thread_start(struct w_thread *t, void (*fn)(void *), void *arg, void *stack, size_t stack_size) {
    pthread_attr_t a;
    pthread_t th;
    t->stack_top = 0;
    t->fn = fn;
    t->arg = arg;
    t->tid = 0;
    t->gettid = 0;
    __atomic_store_n(&t->ctid, 1, __ATOMIC_SEQ_CST);
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, 256 * 1024);
    int e = pthread_create(&th, &a, native_entry, t);
    pthread_attr_destroy(&a);
    if (e) {
        __atomic_store_n(&t->ctid, 0, __ATOMIC_SEQ_CST);
        return -e;
    }
    return 0;
}
#endif
