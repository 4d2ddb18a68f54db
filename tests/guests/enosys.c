/* enosys: calling syscall imports wali-run does not implement must not trap and
 * must return -ENOSYS (wasm only: natively these syscalls do other things). */
#include "wali.h"

#ifdef __wasm__
/* kexec_load(unsigned long entry, unsigned long nr_segments, struct kexec_segment *, unsigned long flags):
 * i64 for the 64-bit longs by the spec's signature rule. Not implemented by the reference. */
WALI_IMPORT("SYS_kexec_load") long long wali_kexec_load(long long, long long, void *, long long);
/* io_setup(unsigned nr_events, aio_context_t *ctx): not implemented by the reference. */
WALI_IMPORT("SYS_io_setup") long long wali_io_setup(unsigned, void *);
/* not a Linux syscall at all: wali-run links any wali.* import */
WALI_IMPORT("SYS_not_a_real_syscall") long long wali_not_a_real_syscall(int, long long, double);
#else
static long long wali_kexec_load(long long a, long long b, void *c, long long d) { return -ENOSYS; }
static long long wali_io_setup(unsigned a, void *b) { return -ENOSYS; }
static long long wali_not_a_real_syscall(int a, long long b, double c) { return -ENOSYS; }
#endif

static int test(int argc, char **argv) {
    long long ctx = 0;
    out("start\n");
    say("%s\n", err_name(wali_kexec_load(0, 0, 0, 0)));
    say("io_setup: %s\n", err_name(wali_io_setup(8, &ctx)));
    say("not_a_real_syscall: %s\n", err_name(wali_not_a_real_syscall(1, 2, 3.0)));
    chk("getpid still works", wali_getpid() > 0, 1);
    out("still running\n");
    return 0;
}

TEST_MAIN(test)
