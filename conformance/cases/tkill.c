// covers: tkill ok ESRCH EINVAL
#include "ct.h"
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>

static volatile pid_t handled_in;
static void handler(int sig) { (void)sig; handled_in = syscall(SYS_gettid); }

static volatile pid_t waiter_tid;
static volatile int stop;

static void *waiter(void *arg)
{
	waiter_tid = syscall(SYS_gettid);
	struct timespec ms = {0, 1000000};
	while (!stop)
		nanosleep(&ms, NULL);   /* (pause() could miss a signal sent just before it) */
	return arg;
}

int main(void)
{
	signal(SIGUSR1, handler);
	pid_t me = syscall(SYS_gettid);
	T(syscall(SYS_tkill, me, 0));
	T(syscall(SYS_tkill, me, SIGUSR1));
	EXPECT(handled_in == me);

	/* a signal for one thread is handled by that thread */
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_t t;
	pthread_create(&t, NULL, waiter, NULL);
	pthread_sigmask(SIG_BLOCK, &usr1, NULL);   /* the main thread won't take it */
	while (!waiter_tid)
		sched_yield();
	handled_in = 0;
	T(syscall(SYS_tkill, waiter_tid, SIGUSR1));
	while (!handled_in)
		sched_yield();
	EXPECT(handled_in == waiter_tid);
	EXPECT(handled_in != me);
	/* wake it up to end */
	stop = 1;
	T(syscall(SYS_tkill, waiter_tid, SIGUSR1));
	pthread_join(t, NULL);

	handled_in = 0;
	T(syscall(SYS_tkill, me, SIGUSR1));      /* blocked here: stays pending */
	EXPECT(handled_in == 0);
	pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
	EXPECT(handled_in == me);

	T(syscall(SYS_tkill, INT_MAX, 0));
	T(syscall(SYS_tkill, 0, SIGUSR1));
	T(syscall(SYS_tkill, -1, SIGUSR1));
	T(syscall(SYS_tkill, me, 99));
	T(syscall(SYS_tkill, me, -1));
	return 0;
}
