// covers: setsid ok EPERM
#include "ct.h"

static int wait_ok(pid_t c)
{
	int st;
	return waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

int main(void)
{
	pid_t c = fork();
	if (c == 0) {
		pid_t sid = syscall(SYS_setsid);
		EXPECT(sid == getpid());
		EXPECT(getsid(0) == getpid());    /* session leader */
		EXPECT(getpgid(0) == getpid());   /* and group leader */
		T(syscall(SYS_setsid));           /* a group leader cannot */
		_exit(0);
	}
	EXPECT(wait_ok(c));

	c = fork();
	if (c == 0) {
		setpgid(0, 0);                    /* group leader, not session leader */
		T(syscall(SYS_setsid));
		EXPECT(getsid(0) != getpid());
		_exit(0);
	}
	EXPECT(wait_ok(c));
	return 0;
}
