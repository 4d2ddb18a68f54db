// covers: getsid ok ESRCH
#include "ct.h"
#include <limits.h>

int main(void)
{
	pid_t sid = syscall(SYS_getsid, 0);
	EXPECT(sid > 0);
	EXPECT(syscall(SYS_getsid, getpid()) == sid);
	EXPECT(getsid(0) == sid);

	int p[2], q[2];
	T(pipe(p));
	T(pipe(q));
	pid_t c = fork();
	if (c == 0) {
		char x;
		int inherited = syscall(SYS_getsid, 0) == sid;
		int own = setsid() == getpid() && syscall(SYS_getsid, 0) == getpid();
		write(p[1], &inherited, sizeof inherited);
		write(p[1], &own, sizeof own);
		read(q[0], &x, 1);
		_exit(0);
	}
	int inherited = 0, own = 0;
	read(p[0], &inherited, sizeof inherited);
	read(p[0], &own, sizeof own);
	EXPECT(inherited);
	EXPECT(own);
	EXPECT(syscall(SYS_getsid, c) == c);      /* seen from the parent */
	EXPECT(syscall(SYS_getsid, 0) == sid);    /* ours is unchanged */
	write(q[1], "x", 1);
	int st;
	waitpid(c, &st, 0);

	T(syscall(SYS_getsid, INT_MAX));
	T(syscall(SYS_getsid, -1));
	return 0;
}
