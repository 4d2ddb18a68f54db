/* Syscalls are typed WebAssembly imports wali.SYS_<name>. syscall_arg_t is
 * long (64-bit in this ABI), so 64-bit arguments need no splitting.
 * syscall_wali.h (generated at build time from the spec's syscalls.tsv by
 * gen/gen_syscalls.py) declares the imports and defines __wali_syscall(),
 * a switch on the x86_64 number that calls each import with its exact
 * signature; with a constant number (every use inside musl) it folds to the
 * single import call. Unknown numbers give -ENOSYS. */
#define __SYSCALL_LL_E(x) (x)
#define __SYSCALL_LL_O(x) (x)

#include "syscall_wali.h"

static __inline long __syscall0(long n)
{
	return __wali_syscall(n, 0, 0, 0, 0, 0, 0);
}

static __inline long __syscall1(long n, long a1)
{
	return __wali_syscall(n, a1, 0, 0, 0, 0, 0);
}

static __inline long __syscall2(long n, long a1, long a2)
{
	return __wali_syscall(n, a1, a2, 0, 0, 0, 0);
}

static __inline long __syscall3(long n, long a1, long a2, long a3)
{
	return __wali_syscall(n, a1, a2, a3, 0, 0, 0);
}

static __inline long __syscall4(long n, long a1, long a2, long a3, long a4)
{
	return __wali_syscall(n, a1, a2, a3, a4, 0, 0);
}

static __inline long __syscall5(long n, long a1, long a2, long a3, long a4, long a5)
{
	return __wali_syscall(n, a1, a2, a3, a4, a5, 0);
}

static __inline long __syscall6(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	return __wali_syscall(n, a1, a2, a3, a4, a5, a6);
}

/* Cancellation-point syscalls are inlined like the others (see
 * patches/syscall-cp-inline.patch) so the number stays constant and each
 * call site imports only its own syscall; the cancellation checks around
 * them are in src/thread/wasm32/pthread_cancel.c. */
#define SYSCALL_CP_INLINE 1

#define IPC_64 0
