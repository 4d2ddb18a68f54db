// covers: rt_sigaction ok
// covers: setitimer ok
// covers: read EINTR
#include "ct.h"
#include <signal.h>
#include <sys/time.h>
#include <time.h>

static int p[2];
static volatile sig_atomic_t calls;

static void handler(int sig)
{
	(void)sig;
	calls++;
	write(p[1], "h", 1);   /* what the interrupted read will get */
}

static void set(int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
}

/* arm a 20 ms timer; a child writes 'c' after 150 ms in case nothing else does */
static pid_t arm(void)
{
	pid_t c = fork();
	if (c == 0) {
		struct timespec t = {0, 150000000};
		nanosleep(&t, NULL);
		write(p[1], "c", 1);
		_exit(0);
	}
	struct itimerval it = {{0, 0}, {0, 20000}};
	setitimer(ITIMER_REAL, &it, NULL);
	return c;
}

int main(void)
{
	pipe(p);
	char x = '?';

	/* without SA_RESTART the blocked read fails with EINTR after the handler */
	set(0);
	pid_t c = arm();
	T(read(p[0], &x, 1));
	EXPECT(calls == 1);
	waitpid(c, NULL, 0);
	char drain[4];
	V(read(p[0], drain, sizeof drain));   /* "h" and "c" */

	/* with SA_RESTART the read goes on and gets what the handler wrote */
	set(SA_RESTART);
	c = arm();
	x = '?';
	V(read(p[0], &x, 1));
	SAY("read got '%c', handler calls %d", x, (int)calls);
	waitpid(c, NULL, 0);
	return 0;
}
