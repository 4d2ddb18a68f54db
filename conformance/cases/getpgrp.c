// covers: getpgrp ok
#include "ct.h"

/* getpgrp() == getpgid(0); musl's getpgrp() calls getpgid, so the syscall is made directly */
int main(void)
{
	pid_t pg = syscall(SYS_getpgrp);
	EXPECT(pg > 0);
	EXPECT(pg == getpgid(0));
	EXPECT(pg == getpgrp());
	pid_t c = fork();
	if (c == 0) {
		EXPECT(syscall(SYS_getpgrp) == pg);          /* inherited */
		T(setpgid(0, 0));
		EXPECT(syscall(SYS_getpgrp) == getpid());    /* a group of its own */
		EXPECT(syscall(SYS_getpgrp) != pg);
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	EXPECT(syscall(SYS_getpgrp) == pg);              /* the parent's is unchanged */
	return 0;
}
