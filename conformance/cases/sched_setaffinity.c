// covers: sched_setaffinity ok EINVAL ESRCH EFAULT EPERM
#include "ct.h"
#include <limits.h>
#include <sched.h>

int main(void)
{
	cpu_set_t all, now;
	CPU_ZERO(&all);
	T(syscall(SYS_sched_getaffinity, 0, sizeof all, &all));
	T(syscall(SYS_sched_setaffinity, 0, sizeof all, &all));     /* unchanged */

	int first = 0;
	while (!CPU_ISSET(first, &all))
		first++;

	/* A child pins itself to one CPU; the parent sees it. */
	int p[2], q[2];
	T(pipe(p));
	T(pipe(q));
	pid_t c = fork();
	if (c == 0) {
		cpu_set_t one;
		CPU_ZERO(&one);
		CPU_SET(first, &one);
		T(syscall(SYS_sched_setaffinity, 0, sizeof one, &one));
		write(p[1], "x", 1);
		char x;
		read(q[0], &x, 1);
		_exit(0);
	}
	char x;
	read(p[0], &x, 1);
	CPU_ZERO(&now);
	syscall(SYS_sched_getaffinity, c, sizeof now, &now);
	EXPECT(CPU_COUNT(&now) == 1 && CPU_ISSET(first, &now));
	/* the parent may change its child's affinity back */
	T(syscall(SYS_sched_setaffinity, c, sizeof all, &all));
	CPU_ZERO(&now);
	syscall(SYS_sched_getaffinity, c, sizeof now, &now);
	EXPECT(CPU_EQUAL(&now, &all));
	write(q[1], "x", 1);
	int st;
	waitpid(c, &st, 0);

	/* bits for CPUs that do not exist are ignored, as long as one is valid */
	cpu_set_t more = all;
	CPU_SET(CPU_SETSIZE - 1, &more);
	T(syscall(SYS_sched_setaffinity, 0, sizeof more, &more));
	CPU_ZERO(&now);
	syscall(SYS_sched_getaffinity, 0, sizeof now, &now);
	EXPECT(CPU_EQUAL(&now, &all));

	cpu_set_t none;
	CPU_ZERO(&none);
	T(syscall(SYS_sched_setaffinity, 0, sizeof none, &none));   /* no CPU at all */
	T(syscall(SYS_sched_setaffinity, INT_MAX, sizeof all, &all));
	T(syscall(SYS_sched_setaffinity, 0, sizeof all, BADPTR));
	T(syscall(SYS_sched_setaffinity, 0, sizeof all, NULL));

	/* An unprivileged process cannot change another user's process. */
	c = fork();
	if (c == 0) {
		if (geteuid() == 0)
			syscall(SYS_setuid, 65534);
		T(syscall(SYS_sched_setaffinity, getppid(), sizeof all, &all));
		_exit(0);
	}
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
