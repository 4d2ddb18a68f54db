// covers: setuid ok EINVAL EPERM
#include "ct.h"


int main(void)
{
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_setuid, geteuid()));     /* no change: always allowed */
		T(syscall(SYS_setuid, (uid_t)-1));     /* not a valid uid */
		if (root) {
			/* root sets all three ids at once */
			T(syscall(SYS_setuid, 65534));
			ct_show_ids("Uid");
		}
		/* an unprivileged process cannot become root */
		T(syscall(SYS_setuid, 0));
		EXPECT(geteuid() != 0);
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	EXPECT(geteuid() == 0 || !root);       /* the parent is unchanged */
	return 0;
}
