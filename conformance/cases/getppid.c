// covers: getppid ok
// covers: prctl ok
#include "ct.h"
#include <sys/prctl.h>
#include <time.h>

int main(void)
{
	pid_t me = getpid();
	int p[2], q[2];
	T(pipe(p));
	T(pipe(q));

	/* A child's parent is us. */
	pid_t c = fork();
	if (c == 0) {
		pid_t pp = syscall(SYS_getppid);
		_exit(pp == me ? 0 : 1);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st));
	SAY("child's getppid() == parent's getpid(): %s", WEXITSTATUS(st) == 0 ? "yes" : "no");

	/* An orphan is re-parented to the nearest subreaper: us. */
	T(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0));
	c = fork();
	if (c == 0) {
		pid_t gc = fork();
		if (gc == 0) {
			pid_t first = syscall(SYS_getppid);
			write(q[1], &first, sizeof first);   /* now the middle may die */
			/* Wait (bounded) until the middle process has died. */
			struct timespec ms = {0, 1000000};
			int i;
			for (i = 0; i < 2000 && syscall(SYS_getppid) == first; i++)
				nanosleep(&ms, NULL);
			pid_t now = syscall(SYS_getppid);
			write(p[1], &first, sizeof first);
			write(p[1], &now, sizeof now);
			_exit(0);
		}
		pid_t mid = getpid(), x;
		read(q[0], &x, sizeof x);
		write(p[1], &mid, sizeof mid);
		_exit(0);
	}
	EXPECT(waitpid(c, &st, 0) == c);
	pid_t mid = 0, first = 0, now = 0;
	read(p[0], &mid, sizeof mid);   /* the middle writes before the grandchild */
	read(p[0], &first, sizeof first);
	read(p[0], &now, sizeof now);
	EXPECT(first == mid);
	EXPECT(now == me);
	EXPECT(wait(&st) > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
