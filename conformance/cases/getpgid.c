// covers: getpgid ok ESRCH
#include "ct.h"
#include <limits.h>

int main(void)
{
	pid_t pg = syscall(SYS_getpgid, 0);
	EXPECT(pg > 0);
	EXPECT(syscall(SYS_getpgid, getpid()) == pg);
	EXPECT(getpgrp() == pg);

	int p[2];
	T(pipe(p));
	pid_t c = fork();
	if (c == 0) {
		char x;
		/* a child starts in its parent's group; then gets its own */
		int same = syscall(SYS_getpgid, 0) == pg;
		setpgid(0, 0);
		write(p[1], &same, sizeof same);
		read(p[0], &x, 0);
		_exit(0);
	}
	int same = 0;
	read(p[0], &same, sizeof same);
	EXPECT(same);
	EXPECT(syscall(SYS_getpgid, c) == c);
	int st;
	waitpid(c, &st, 0);

	T(syscall(SYS_getpgid, INT_MAX));   /* no such process */
	T(syscall(SYS_getpgid, -1));
	return 0;
}
