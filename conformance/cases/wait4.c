// covers: wait4 ok ECHILD EINVAL EINTR
#include "ct.h"
#include <limits.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

static void describe(const char *what, long r, int st)
{
	if (r <= 0)
		SAY("%s: returned %ld", what, r);
	else if (WIFEXITED(st))
		SAY("%s: exited %d", what, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		SAY("%s: killed by %d%s", what, WTERMSIG(st), WCOREDUMP(st) ? " (core)" : "");
	else if (WIFSTOPPED(st))
		SAY("%s: stopped by %d", what, WSTOPSIG(st));
	else if (WIFCONTINUED(st))
		SAY("%s: continued", what);
}

static pid_t child_exiting(int code)
{
	pid_t c = fork();
	if (c == 0)
		_exit(code);
	return c;
}

static pid_t child_waiting(int fd)
{
	pid_t c = fork();
	if (c == 0) {
		char x;
		read(fd, &x, 1);
		_exit(0);
	}
	return c;
}

static void on_alarm(int sig) { (void)sig; }

int main(void)
{
	int st = 0;
	pid_t c = child_exiting(3);
	long r = syscall(SYS_wait4, c, &st, 0, NULL);
	EXPECT(r == c);
	describe("exit 3", r, st);

	/* any child; NULL status */
	c = child_exiting(4);
	EXPECT(syscall(SYS_wait4, -1, NULL, 0, NULL) == c);

	/* WNOHANG while the child runs: 0 */
	int p[2];
	pipe(p);
	c = child_waiting(p[0]);
	V(syscall(SYS_wait4, c, &st, WNOHANG, NULL));
	write(p[1], "x", 1);
	EXPECT(syscall(SYS_wait4, c, &st, 0, NULL) == c);

	/* by process group: 0 = ours, -pgid = that group */
	c = child_exiting(5);
	EXPECT(syscall(SYS_wait4, 0, &st, 0, NULL) == c);
	c = fork();
	if (c == 0) {
		setpgid(0, 0);
		_exit(6);
	}
	setpgid(c, c);
	r = syscall(SYS_wait4, -c, &st, 0, NULL);
	EXPECT(r == c);
	describe("own group", r, st);

	/* stopped, continued, killed */
	c = child_waiting(p[0]);
	kill(c, SIGSTOP);
	r = syscall(SYS_wait4, c, &st, WUNTRACED, NULL);
	describe("SIGSTOP", r, st);
	kill(c, SIGCONT);
	r = syscall(SYS_wait4, c, &st, WCONTINUED, NULL);
	describe("SIGCONT", r, st);
	kill(c, SIGKILL);
	r = syscall(SYS_wait4, c, &st, 0, NULL);
	describe("SIGKILL", r, st);

	/* the child's resource usage */
	c = fork();
	if (c == 0) {
		struct timespec a, b;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
		do
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
		while ((b.tv_sec - a.tv_sec) * 1000000000L + b.tv_nsec - a.tv_nsec < 30000000L);
		_exit(0);
	}
	struct rusage ru;
	memset(&ru, 0, sizeof ru);
	EXPECT(syscall(SYS_wait4, c, &st, 0, &ru) == c);
	long us = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000L + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
	EXPECT(us >= 20000);
	EXPECT(ru.ru_maxrss > 0);

	/* interrupted by a handled signal (no SA_RESTART) */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	c = child_waiting(p[0]);
	struct itimerval it = {{0, 0}, {0, 20000}};
	setitimer(ITIMER_REAL, &it, NULL);
	T(syscall(SYS_wait4, c, &st, 0, NULL));
	write(p[1], "x", 1);
	EXPECT(syscall(SYS_wait4, c, &st, 0, NULL) == c);

	T(syscall(SYS_wait4, -1, &st, 0, NULL));          /* no children left */
	T(syscall(SYS_wait4, -1, &st, WNOHANG, NULL));
	T(syscall(SYS_wait4, getppid(), &st, 0, NULL));   /* not our child */
	T(syscall(SYS_wait4, INT_MAX, &st, 0, NULL));
	T(syscall(SYS_wait4, -1, &st, 0x10000000, NULL)); /* unknown option */
	T(waitpid(-1, &st, 0));
	return 0;
}
