// covers: setregid ok EPERM
#include "ct.h"


int main(void)
{
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_setregid, -1, -1));
		if (root) {
			T(syscall(SYS_setregid, 1001, 1002));
			ct_show_ids("Gid");
			T(syscall(SYS_setuid, 65534));  /* drop the privilege */
			T(syscall(SYS_setregid, -1, 1001));
			ct_show_ids("Gid");
			T(syscall(SYS_setregid, 1002, -1));
			ct_show_ids("Gid");
		}
		T(syscall(SYS_setregid, -1, 4242));
		T(syscall(SYS_setregid, 4242, -1));
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
