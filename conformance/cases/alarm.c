// covers: alarm ok
#include "ct.h"
#include <signal.h>
#include <sys/time.h>
#include <time.h>

static volatile sig_atomic_t calls;
static void handler(int sig) { (void)sig; calls++; }

int main(void)
{
	signal(SIGALRM, handler);
	/* each call returns the seconds left of the previous alarm (rounded) */
	V(syscall(SYS_alarm, 5));
	V(syscall(SYS_alarm, 10));
	struct itimerval cur;
	getitimer(ITIMER_REAL, &cur);
	EXPECT(cur.it_value.tv_sec >= 9 && cur.it_value.tv_sec <= 10);
	EXPECT(cur.it_interval.tv_sec == 0 && cur.it_interval.tv_usec == 0);
	V(syscall(SYS_alarm, 0));             /* cancels */
	V(syscall(SYS_alarm, 0));
	getitimer(ITIMER_REAL, &cur);
	EXPECT(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);

	/* it is the same timer as setitimer(ITIMER_REAL): less than a second
	 * left counts as 1, and alarm(0) cancels it */
	struct itimerval it = {{0, 0}, {0, 50000}};
	setitimer(ITIMER_REAL, &it, NULL);
	V(syscall(SYS_alarm, 0));
	struct timespec t = {0, 80000000};
	nanosleep(&t, NULL);
	EXPECT(calls == 0);

	/* a child does not inherit the alarm */
	V(syscall(SYS_alarm, 30));
	pid_t c = fork();
	if (c == 0)
		_exit(syscall(SYS_alarm, 0));
	int st;
	waitpid(c, &st, 0);
	SAY("child's alarm(0): %d", WEXITSTATUS(st));
	V(alarm(0));                          /* libc's, still 30 here */
	return 0;
}
