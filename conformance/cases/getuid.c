// covers: getuid ok
// covers: geteuid ok
// covers: setresuid ok
#include "ct.h"

int main(void)
{
	uid_t uid = syscall(SYS_getuid), euid = syscall(SYS_geteuid);
	EXPECT(uid == getuid());
	EXPECT(euid == geteuid());
	EXPECT(uid == euid);            /* no set-user-ID bit involved */
	SAY("running as root: %s", euid == 0 ? "yes" : "no");

	/* The two differ once the real and effective ids are set apart. */
	pid_t c = fork();
	if (c == 0) {
		uid_t r = euid == 0 ? 1001 : uid, e = euid == 0 ? 1002 : euid;
		T(syscall(SYS_setresuid, r, e, -1));
		EXPECT(syscall(SYS_getuid) == r);
		EXPECT(syscall(SYS_geteuid) == e);
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
