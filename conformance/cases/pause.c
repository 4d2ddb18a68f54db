// covers: pause EINTR
#include "ct.h"
#include <signal.h>
#include <sys/time.h>
#include <time.h>

static volatile sig_atomic_t calls;
static void handler(int sig) { (void)sig; calls++; }

int main(void)
{
	signal(SIGALRM, handler);
	signal(SIGUSR1, handler);

	/* a timer's signal ends the pause, after its handler ran */
	struct itimerval it = {{0, 0}, {0, 20000}};
	setitimer(ITIMER_REAL, &it, NULL);
	T(syscall(SYS_pause));
	EXPECT(calls == 1);

	/* a signal from a child */
	pid_t c = fork();
	if (c == 0) {
		struct timespec t = {0, 20000000};
		nanosleep(&t, NULL);         /* let the parent reach pause() */
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	T(pause());
	EXPECT(calls == 2);
	int st;
	waitpid(c, &st, 0);

	/* ignored signals do not end it; a blocked one neither, until... */
	signal(SIGUSR2, SIG_IGN);
	c = fork();
	if (c == 0) {
		kill(getppid(), SIGUSR2);
		struct timespec t = {0, 20000000};
		nanosleep(&t, NULL);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	T(syscall(SYS_pause));
	EXPECT(calls == 3);
	waitpid(c, &st, 0);

	/* a signal with the default action "terminate" ends the process */
	c = fork();
	if (c == 0) {
		signal(SIGUSR1, SIG_DFL);
		syscall(SYS_pause);
		_exit(0);
	}
	struct timespec t = {0, 10000000};
	nanosleep(&t, NULL);
	kill(c, SIGUSR1);
	waitpid(c, &st, 0);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1);
	return 0;
}
