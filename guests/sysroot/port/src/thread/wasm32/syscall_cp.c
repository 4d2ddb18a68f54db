#include "pthread_impl.h"
#include "syscall.h"

/* Cancellation-point syscall for pthread_cancel (threads are not ported
 * yet): checks the cancel flag, then makes the call. The number is not a
 * constant here, so this object imports every syscall; it is only linked
 * into programs that use pthread_cancel. */
hidden long __cancel(void);

hidden long __syscall_cp_asm(volatile int *c, syscall_arg_t nr,
	syscall_arg_t u, syscall_arg_t v, syscall_arg_t w,
	syscall_arg_t x, syscall_arg_t y, syscall_arg_t z)
{
	if (*c) return __cancel();
	return __syscall(nr, u, v, w, x, y, z);
}

/* pthread_cancel.c compares a signal's interrupted PC against these labels of
 * the assembly syscall_cp of other archs; there is no PC in wasm. */
hidden const char __cp_begin[1], __cp_end[1], __cp_cancel[1];
