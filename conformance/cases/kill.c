// covers: kill ok ESRCH EINVAL EPERM
#include "ct.h"
#include <limits.h>
#include <signal.h>

static volatile sig_atomic_t calls;
static void handler(int sig) { (void)sig; calls++; }

static void status_of(pid_t c)
{
	int st;
	if (waitpid(c, &st, 0) != c)
		SAY("waitpid failed");
	else if (WIFEXITED(st))
		SAY("child exited with %d", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		SAY("child killed by signal %d", WTERMSIG(st));
}

static pid_t sleeper(void)
{
	pid_t c = fork();
	if (c == 0) {
		for (;;)
			pause();
	}
	return c;
}

int main(void)
{
	signal(SIGUSR1, handler);
	T(kill(getpid(), 0));                  /* existence check */
	T(kill(getpid(), SIGUSR1));
	EXPECT(calls == 1);

	pid_t c = sleeper();
	T(kill(c, 0));
	T(kill(c, SIGTERM));
	status_of(c);
	c = sleeper();
	T(kill(c, SIGKILL));
	status_of(c);
	T(kill(c, 0));                         /* reaped: gone */

	/* to a process group: the child's own group */
	c = fork();
	if (c == 0) {
		setpgid(0, 0);
		signal(SIGUSR1, SIG_DFL);
		T(kill(0, 0));                   /* our group */
		T(kill(-getpid(), 0));
		T(kill(0, SIGUSR1));             /* default action: dies */
		_exit(0);
	}
	status_of(c);

	T(kill(INT_MAX, 0));
	T(kill(-INT_MAX, 0));
	T(kill(getpid(), 99));
	T(kill(getpid(), -1));
	T(kill(INT_MAX, 99));                  /* the process is looked up first */

	/* an unprivileged process cannot signal another user's process */
	c = fork();
	if (c == 0) {
		if (geteuid() == 0)
			syscall(SYS_setuid, 65534);
		T(kill(getppid(), 0));
		T(kill(getppid(), SIGUSR1));
		_exit(0);
	}
	status_of(c);
	EXPECT(calls == 1);
	return 0;
}
