// covers: setpgid ok EINVAL ESRCH EPERM EACCES
#include "ct.h"
#include <limits.h>

static int wait_ok(pid_t c)
{
	int st;
	return waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

int main(void)
{
	/* A child makes itself a group leader; the parent sees it. */
	int p[2];
	T(pipe(p));
	pid_t c = fork();
	if (c == 0) {
		char x;
		T(syscall(SYS_setpgid, 0, 0));
		EXPECT(getpgid(0) == getpid());
		write(p[1], "x", 1);
		read(p[0], &x, 0);
		_exit(0);
	}
	char x;
	read(p[0], &x, 1);
	EXPECT(getpgid(c) == c);
	T(syscall(SYS_setpgid, c, c));            /* already its group: fine */
	T(syscall(SYS_setpgid, c, getpgid(0)));   /* the parent moves it back */
	EXPECT(getpgid(c) == getpgid(0));
	EXPECT(wait_ok(c));

	T(syscall(SYS_setpgid, 0, -1));           /* negative pgid */
	T(syscall(SYS_setpgid, INT_MAX, 0));      /* no such process */
	T(syscall(SYS_setpgid, getppid(), 0));    /* not our child */

	/* A session leader cannot change its group. */
	c = fork();
	if (c == 0) {
		EXPECT(setsid() == getpid());
		T(syscall(SYS_setpgid, 0, 0));
		T(syscall(SYS_setpgid, 0, getppid()));
		_exit(0);
	}
	EXPECT(wait_ok(c));

	/* A child that has executed another program cannot be moved. */
	int in[2], sync[2];
	T(pipe(in));
	T(pipe2(sync, O_CLOEXEC));
	c = fork();
	if (c == 0) {
		dup2(in[0], 0);
		close(in[1]);
		char *argv[] = {"cat", NULL}, *envp[] = {NULL};
		execve("/bin/cat", argv, envp);
		_exit(99);
	}
	close(in[0]);
	close(sync[1]);
	EXPECT(read(sync[0], &x, 1) == 0);        /* EOF: the exec happened */
	T(syscall(SYS_setpgid, c, c));
	close(in[1]);                             /* cat sees EOF and ends */
	EXPECT(wait_ok(c));
	return 0;
}
