// covers: getresuid ok EFAULT
// covers: getresgid ok EFAULT
#include "ct.h"

int main(void)
{
	uid_t r = 7, e = 7, s = 7;
	T(syscall(SYS_getresuid, &r, &e, &s));
	EXPECT(r == getuid() && e == geteuid() && s == e);
	gid_t gr = 7, ge = 7, gs = 7;
	T(syscall(SYS_getresgid, &gr, &ge, &gs));
	EXPECT(gr == getgid() && ge == getegid() && gs == ge);
	T(syscall(SYS_getresuid, BADPTR, &e, &s));
	T(syscall(SYS_getresuid, &r, &e, BADPTR));
	T(syscall(SYS_getresuid, NULL, &e, &s));
	T(syscall(SYS_getresgid, &gr, BADPTR, &gs));
	T(syscall(SYS_getresgid, &gr, &ge, NULL));

	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		if (root) {                     /* three different ids */
			syscall(SYS_setresgid, 2001, 2002, 2003);
			syscall(SYS_setresuid, 1001, 1002, 1003);
		} else {                        /* the effective id only */
			syscall(SYS_setresuid, -1, r, -1);
		}
		T(syscall(SYS_getresuid, &r, &e, &s));
		T(syscall(SYS_getresgid, &gr, &ge, &gs));
		if (root)
			SAY("uids %u %u %u gids %u %u %u", r, e, s, gr, ge, gs);
		EXPECT(r == getuid() && e == geteuid());
		EXPECT(gr == getgid() && ge == getegid());
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
