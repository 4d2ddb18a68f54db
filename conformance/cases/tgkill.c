// covers: tgkill ok ESRCH EINVAL
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
	pid_t me = getpid(), tid = syscall(SYS_gettid);
	T(syscall(SYS_tgkill, me, tid, 0));
	T(syscall(SYS_tgkill, me, tid, SIGUSR1));
	EXPECT(handled_in == tid);

	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_t t;
	pthread_create(&t, NULL, waiter, NULL);
	pthread_sigmask(SIG_BLOCK, &usr1, NULL);
	while (!waiter_tid)
		sched_yield();
	handled_in = 0;
	T(syscall(SYS_tgkill, me, waiter_tid, SIGUSR1));
	while (!handled_in)
		sched_yield();
	EXPECT(handled_in == waiter_tid);
	stop = 1;
	T(syscall(SYS_tgkill, me, waiter_tid, SIGUSR1));
	pthread_join(t, NULL);
	pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);

	/* the thread must belong to the given thread group */
	pid_t c = fork();
	if (c == 0) {
		pause();
		_exit(0);
	}
	T(syscall(SYS_tgkill, c, tid, 0));
	T(syscall(SYS_tgkill, me, c, 0));
	T(syscall(SYS_tgkill, c, c, SIGKILL));
	int st;
	waitpid(c, &st, 0);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

	T(syscall(SYS_tgkill, INT_MAX, INT_MAX, 0));
	T(syscall(SYS_tgkill, 0, tid, 0));
	T(syscall(SYS_tgkill, me, 0, 0));
	T(syscall(SYS_tgkill, me, tid, 99));
	return 0;
}
