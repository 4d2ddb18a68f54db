#include "pthread_impl.h"
#include "syscall.h"

/* Cancellation points: musl's __syscall_cpN are inline here (see
 * patches/syscall-cp-inline.patch): __wali_cp_pre(nr) before the call
 * (non-zero: return -ECANCELED), __wali_cp_post(nr, r) after it. These weak
 * versions do nothing; pthread_cancel.c has the real ones, linked only into
 * programs that can cancel threads. */
static long cp_pre(long nr)
{
	return 0;
}

static long cp_post(long nr, long r)
{
	return r;
}

weak_alias(cp_pre, __wali_cp_pre);
weak_alias(cp_post, __wali_cp_post);
