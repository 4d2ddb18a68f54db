#include "pthread_impl.h"

/* Detached thread exit: unmap the own stack/TLS mapping and exit without
 * touching it again (thread_start.s), releasing the thread list lock that
 * pthread_exit holds (emulated CLONE_CHILD_CLEARTID). */
hidden void __wali_unmapself(void *, size_t, volatile int *);

void __unmapself(void *base, size_t size)
{
	__wali_unmapself(base, size, &__thread_list_lock);
}
