// covers: futex ok EAGAIN ETIMEDOUT EINVAL EFAULT ENOSYS
#include "ct.h"
#include <sched.h>

/* from <linux/futex.h> (not in every libc's headers) */
#include "ct_futex.h"
#include <time.h>

static long futex(void *uaddr, int op, unsigned val, const struct timespec *t, void *uaddr2, unsigned val3)
{
	return syscall(SYS_futex, uaddr, op, val, t, uaddr2, val3);
}

int main(void)
{
	static _Alignas(8) unsigned word[2] = {5, 0};
	struct timespec ten_ms = {0, 10 * 1000000};

	/* WAIT returns at once when the word does not hold the value */
	T(futex(word, FUTEX_WAIT, 4, NULL, NULL, 0));
	T(futex(word, FUTEX_WAIT_PRIVATE, 4, NULL, NULL, 0));
	/* and sleeps until the timeout when it does */
	T(futex(word, FUTEX_WAIT, 5, &ten_ms, NULL, 0));
	T(futex(word, FUTEX_WAIT_PRIVATE, 5, &ten_ms, NULL, 0));
	/* WAIT_BITSET takes an absolute time: one in the past times out */
	struct timespec past;
	clock_gettime(CLOCK_MONOTONIC, &past);
	past.tv_sec -= 1;
	T(futex(word, FUTEX_WAIT_BITSET, 5, &past, NULL, FUTEX_BITSET_MATCH_ANY));
	clock_gettime(CLOCK_REALTIME, &past);
	past.tv_sec -= 1;
	T(futex(word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 5, &past, NULL, FUTEX_BITSET_MATCH_ANY));

	/* WAKE with nobody waiting wakes nobody */
	V(futex(word, FUTEX_WAKE, 1, NULL, NULL, 0));
	V(futex(word, FUTEX_WAKE_PRIVATE, 100, NULL, NULL, 0));
	V(futex(word, FUTEX_WAKE_BITSET, 1, NULL, NULL, FUTEX_BITSET_MATCH_ANY));
	/* REQUEUE / CMP_REQUEUE with nobody waiting */
	V(futex(word, FUTEX_CMP_REQUEUE, 1, (void *)1, &word[1], 5));
	T(futex(word, FUTEX_CMP_REQUEUE, 1, (void *)1, &word[1], 6));   /* *word != 6 */
	/* WAKE_OP: word[1] += 3, nobody to wake */
	V(futex(word, FUTEX_WAKE_OP, 1, (void *)1, &word[1], FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_EQ, 0)));
	V(word[1]);

	struct timespec bad = {0, 2000000000};
	T(futex(word, FUTEX_WAIT, 5, &bad, NULL, 0));                   /* nsec out of range */
	T(futex((char *)word + 1, FUTEX_WAIT, 5, &ten_ms, NULL, 0));    /* misaligned */
	T(futex((char *)word + 2, FUTEX_WAKE, 1, NULL, NULL, 0));
	T(futex(word, FUTEX_WAIT_BITSET, 5, &ten_ms, NULL, 0));         /* empty bitset */
	T(futex(BADPTR, FUTEX_WAIT, 5, &ten_ms, NULL, 0));
	T(futex(word, FUTEX_WAIT, 5, BADPTR, NULL, 0));
	T(futex(word, 99, 0, NULL, NULL, 0));                           /* unknown op */
	return 0;
}
