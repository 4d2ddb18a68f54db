// covers: getgid ok
// covers: getegid ok
// covers: setresgid ok
#include "ct.h"

int main(void)
{
	gid_t gid = syscall(SYS_getgid), egid = syscall(SYS_getegid);
	EXPECT(gid == getgid());
	EXPECT(egid == getegid());
	EXPECT(gid == egid);
	SAY("running as root: %s", geteuid() == 0 ? "yes" : "no");

	pid_t c = fork();
	if (c == 0) {
		gid_t r = geteuid() == 0 ? 1001 : gid, e = geteuid() == 0 ? 1002 : egid;
		T(syscall(SYS_setresgid, r, e, -1));
		EXPECT(syscall(SYS_getgid) == r);
		EXPECT(syscall(SYS_getegid) == e);
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
