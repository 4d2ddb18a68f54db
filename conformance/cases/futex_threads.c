// covers: futex ok EAGAIN
#include "ct.h"
#include <sched.h>

/* from <linux/futex.h> (not in every libc's headers) */
#include "ct_futex.h"
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

static long futex(void *uaddr, int op, unsigned val, const void *t, void *uaddr2, unsigned val3)
{
	return syscall(SYS_futex, uaddr, op, val, t, uaddr2, val3);
}

static _Alignas(8) unsigned a, b;
static atomic_int woken;

struct waiter { pid_t tid; long ret; };

/* Wait on `a` (value 0); record the result. */
static void *wait_a(void *arg)
{
	struct waiter *w = arg;
	w->tid = syscall(SYS_gettid);
	w->ret = futex(&a, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	atomic_fetch_add(&woken, 1);
	return NULL;
}

/* Until thread `tid` sleeps in FUTEX_WAIT_PRIVATE for the value 0 (its
 * /proc syscall line: x86_64 number 202, then uaddr, op 0x80, val 0),
 * bounded to about 2 s. */
static int blocked_in_futex(pid_t tid)
{
	char path[64], buf[256];
	snprintf(path, sizeof path, "/proc/self/task/%d/syscall", tid);
	struct timespec ms = {0, 1000000};
	for (int i = 0; i < 2000; i++) {
		int fd = open(path, O_RDONLY);
		ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
		close(fd);
		buf[n > 0 ? n : 0] = 0;
		char *op = strchr(buf, ' ');
		op = op ? strchr(op + 1, ' ') : NULL;
		if (strncmp(buf, "202 ", 4) == 0 && op && strncmp(op, " 0x80 0x0 ", 10) == 0)
			return 1;
		nanosleep(&ms, NULL);
	}
	return 0;
}

static void start(pthread_t *t, struct waiter *w)
{
	w->tid = 0;
	pthread_create(t, NULL, wait_a, w);
	while (!__atomic_load_n(&w->tid, __ATOMIC_SEQ_CST))
		sched_yield();
	EXPECT(blocked_in_futex(w->tid));
}

int main(void)
{
	pthread_t t1, t2;
	struct waiter w1, w2;

	/* WAKE wakes the one waiter, which returns 0 */
	start(&t1, &w1);
	V(futex(&a, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	pthread_join(t1, NULL);
	V(w1.ret);

	/* CMP_REQUEUE: wake one, move the other to b; then wake it on b */
	start(&t1, &w1);
	start(&t2, &w2);
	T(futex(&a, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)1, &b, 1));  /* a is 0, not 1 */
	V(futex(&a, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)1, &b, 0));  /* woken + requeued */
	while (atomic_load(&woken) < 2)   /* the first round and the one woken now */
		sched_yield();
	V(futex(&a, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0));           /* nobody left on a */
	V(futex(&b, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0));           /* the requeued one */
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	EXPECT(w1.ret == 0 && w2.ret == 0);

	/* WAKE_OP: set b to 1 and wake on a; wake on b too if b was 0 */
	start(&t1, &w1);
	V(futex(&a, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &b, FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0)));
	pthread_join(t1, NULL);
	V(b);
	return 0;
}
