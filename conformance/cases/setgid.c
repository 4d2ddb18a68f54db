// covers: setgid ok EINVAL EPERM
#include "ct.h"


int main(void)
{
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_setgid, getegid()));
		T(syscall(SYS_setgid, (gid_t)-1));
		if (root) {
			T(syscall(SYS_setgid, 65534));
			ct_show_ids("Gid");
			T(syscall(SYS_setuid, 65534));  /* give up the privilege */
		}
		/* unprivileged: only the real or saved gid may be chosen */
		T(syscall(SYS_setgid, root ? 0 : 12345));
		EXPECT(getegid() != (root ? 0 : 12345));
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
