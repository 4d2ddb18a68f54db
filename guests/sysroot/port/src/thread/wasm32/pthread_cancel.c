/* Thread cancellation for WALI (replaces musl's pthread_cancel.c, which finds
 * an interrupted cancellation point from the signal context's PC: there is
 * no PC to read or rewrite in wasm).
 * Deferred cancellation: every cancellation-point syscall checks the cancel
 * flag before the call (__wali_cp_pre) and, when the call was interrupted
 * (-EINTR), after it (__wali_cp_post). pthread_cancel sets the flag and sends
 * SIGCANCEL, whose handler is installed without SA_RESTART so that a blocked
 * cancellation point returns -EINTR. Asynchronous cancellation acts in the
 * handler.
 * The signal is SIGRTMAX (64), not musl's SIGCANCEL (33): the host runtime
 * is a glibc process, for which 32 and 33 are internal (glibc's sigaction
 * refuses them, and a tkill of 33 reaches glibc's own cancellation handler
 * in the host). */
#define _GNU_SOURCE
#include <string.h>
#include "pthread_impl.h"
#include "syscall.h"

#define WALI_SIGCANCEL 64

hidden long __cancel();

long __cancel()
{
	pthread_t self = __pthread_self();
	if (self->canceldisable == PTHREAD_CANCEL_ENABLE || self->cancelasync)
		pthread_exit(PTHREAD_CANCELED);
	self->canceldisable = PTHREAD_CANCEL_DISABLE;
	return -ECANCELED;
}

hidden long __wali_cp_pre(long nr)
{
	pthread_t self = __pthread_self();
	int st = self->canceldisable;
	if (st && (st == PTHREAD_CANCEL_DISABLE || nr == SYS_close))
		return 0;
	if (self->cancel) return __cancel();
	return 0;
}

hidden long __wali_cp_post(long nr, long r)
{
	pthread_t self = __pthread_self();
	if (r == -EINTR && nr != SYS_close && self->cancel &&
	    self->canceldisable != PTHREAD_CANCEL_DISABLE)
		return __cancel();
	return r;
}

static void cancel_handler(int sig)
{
	pthread_t self = __pthread_self();
	a_barrier();
	if (!self->cancel || self->canceldisable == PTHREAD_CANCEL_DISABLE) return;
	if (self->cancelasync) __cancel();
	/* deferred: the interrupted cancellation point sees -EINTR */
}

void __testcancel()
{
	pthread_t self = __pthread_self();
	if (self->cancel && !self->canceldisable)
		__cancel();
}

static void init_cancellation()
{
	struct sigaction sa = {
		.sa_flags = 0,
		.sa_handler = cancel_handler
	};
	memset(&sa.sa_mask, -1, _NSIG/8);
	__libc_sigaction(WALI_SIGCANCEL, &sa, 0);
}

int pthread_cancel(pthread_t t)
{
	static int init;
	if (!init) {
		init_cancellation();
		init = 1;
	}
	a_store(&t->cancel, 1);
	if (t == pthread_self()) {
		if (t->canceldisable == PTHREAD_CANCEL_ENABLE && t->cancelasync)
			pthread_exit(PTHREAD_CANCELED);
		return 0;
	}
	return pthread_kill(t, WALI_SIGCANCEL);
}
