// covers: setreuid ok EPERM
#include "ct.h"


int main(void)
{
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_setreuid, -1, -1));     /* no change */
		if (root) {
			/* setting the real id sets the saved id to the new effective id */
			T(syscall(SYS_setreuid, 1001, 1002));
			ct_show_ids("Uid");
			/* unprivileged: effective may become the real id, and back (saved) */
			T(syscall(SYS_setreuid, -1, 1001));
			ct_show_ids("Uid");
			T(syscall(SYS_setreuid, -1, 1002));
			ct_show_ids("Uid");
			/* real may become the effective id */
			T(syscall(SYS_setreuid, 1002, -1));
			ct_show_ids("Uid");
		}
		T(syscall(SYS_setreuid, -1, 0));
		T(syscall(SYS_setreuid, 0, -1));
		T(syscall(SYS_setreuid, 4242, 4242));
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
