// covers: setresuid ok EPERM
#include "ct.h"


int main(void)
{
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_setresuid, -1, -1, -1));
		if (root) {
			T(syscall(SYS_setresuid, 1001, 1002, 1003));
			ct_show_ids("Uid");
			/* unprivileged: any id may take the value of one of the three */
			T(syscall(SYS_setresuid, 1003, 1001, 1002));
			ct_show_ids("Uid");
		}
		T(syscall(SYS_setresuid, -1, 4242, -1));
		T(syscall(SYS_setresuid, 0, 0, 0));
		ct_show_ids("Uid");
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
