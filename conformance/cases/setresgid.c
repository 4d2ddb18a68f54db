// covers: setresgid ok EPERM
#include "ct.h"


int main(void)
{
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_setresgid, -1, -1, -1));
		if (root) {
			T(syscall(SYS_setresgid, 1001, 1002, 1003));
			ct_show_ids("Gid");
			T(syscall(SYS_setuid, 65534));
			T(syscall(SYS_setresgid, 1003, 1001, 1002));
			ct_show_ids("Gid");
		}
		T(syscall(SYS_setresgid, -1, 4242, -1));
		T(syscall(SYS_setresgid, 0, 0, 0));
		ct_show_ids("Gid");
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
