// covers: rt_sigsuspend EINTR EINVAL EFAULT
#include "ct.h"
#include <signal.h>
#include <time.h>

static volatile sig_atomic_t calls, usr2_blocked_in_handler;

static void handler(int sig)
{
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	usr2_blocked_in_handler = sigismember(&now, SIGUSR2);
	(void)sig;
	calls++;
}

static int blocked(int sig)
{
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	return sigismember(&now, sig);
}

int main(void)
{
	signal(SIGUSR1, handler);
	signal(SIGUSR2, handler);
	sigset_t usr1, empty, only2;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigemptyset(&empty);
	sigemptyset(&only2);
	sigaddset(&only2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr1, NULL);

	/* already pending: returns at once, after the handler ran, with the
	 * suspend mask in force during the handler */
	raise(SIGUSR1);
	T(sigsuspend(&only2));
	EXPECT(calls == 1);
	EXPECT(usr2_blocked_in_handler == 1);
	EXPECT(blocked(SIGUSR1) == 1 && blocked(SIGUSR2) == 0);   /* mask restored */

	/* sent later by a child */
	pid_t c = fork();
	if (c == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	T(sigsuspend(&empty));
	EXPECT(calls == 2);
	int st;
	waitpid(c, &st, 0);

	/* a signal the suspend mask blocks does not end the wait */
	sigset_t block2;
	sigemptyset(&block2);
	sigaddset(&block2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &block2, NULL);
	raise(SIGUSR2);                /* pending, stays blocked while waiting */
	c = fork();
	if (c == 0) {
		struct timespec t = {0, 20000000};
		nanosleep(&t, NULL);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	T(sigsuspend(&only2));
	EXPECT(calls == 3);            /* only SIGUSR1's handler */
	waitpid(c, &st, 0);
	sigprocmask(SIG_UNBLOCK, &block2, NULL);
	EXPECT(calls == 4);            /* now SIGUSR2's */

	uint64_t k = 0;
	T(syscall(SYS_rt_sigsuspend, &k, 4));
	T(syscall(SYS_rt_sigsuspend, BADPTR, 8));
	return 0;
}
