// covers: getpriority ok EINVAL ESRCH
// covers: setpriority ok EINVAL ESRCH
// covers-root: setpriority EACCES EPERM
#include "ct.h"
#include <sys/resource.h>

/* The raw syscall returns 20 - nice (1..40); the libc wrappers convert it. */
static long gp(int which, int who) { return syscall(SYS_getpriority, which, who); }
static long sp(int which, int who, int nice) { return syscall(SYS_setpriority, which, who, nice); }

#define NOPID 0x3fffffff   /* above any pid_max */

int main(void)
{
	long k = gp(PRIO_PROCESS, 0);
	EXPECT(k >= 1 && k <= 40);
	EXPECT(gp(PRIO_PROCESS, getpid()) == k);
	errno = 0;
	EXPECT(getpriority(PRIO_PROCESS, 0) == 20 - k && errno == 0);
	long g = gp(PRIO_PGRP, 0);                    /* the best in the group */
	EXPECT(g >= k && g <= 40);
	long u = gp(PRIO_USER, 0);                    /* the best of this user's processes */
	EXPECT(u >= k && u <= 40);
	T(gp(3, 0));                                  /* unknown "which" */
	T(gp(-1, 0));
	T(gp(PRIO_PROCESS, NOPID));
	T(gp(PRIO_PGRP, NOPID));
	T(sp(3, 0, 0));
	T(sp(PRIO_PROCESS, NOPID, 0));

	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		T(sp(PRIO_PROCESS, 0, 20 - k));               /* the same value */
		T(sp(PRIO_PROCESS, 0, 10 > 20 - k ? 10 : 20 - k));
		T(sp(PRIO_PROCESS, 0, 19));               /* lower priority: always allowed */
		V(gp(PRIO_PROCESS, 0));
		V(gp(PRIO_PROCESS, getpid()));            /* 0 is the caller */
		T(sp(PRIO_PROCESS, 0, 100));              /* clamped to 19 */
		V(gp(PRIO_PROCESS, 0));
		EXPECT(getpriority(PRIO_PROCESS, 0) == 19);
		setpgid(0, 0);
		T(sp(PRIO_PGRP, 0, 19));                  /* the group of one */
		V(gp(PRIO_PGRP, 0));
		errno = 0;
		long r = sp(PRIO_PROCESS, 0, 18);         /* raising it needs privilege */
		EXPECT(root ? r == 0 : (r == -1 && errno == EACCES));
		if (root) {
			T(sp(PRIO_PROCESS, 0, -20));          /* clamped to -20 */
			V(gp(PRIO_PROCESS, 0));
			T(sp(PRIO_PROCESS, 0, 0));
			T(syscall(SYS_setresuid, 65534, 65534, 65534));
			T(sp(PRIO_PROCESS, 0, -1));           /* raising: EACCES */
			T(sp(PRIO_PROCESS, getppid(), 19));   /* another user's process: EPERM */
			EXPECT(gp(PRIO_PROCESS, getppid()) == k);   /* reading is allowed */
		}
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	EXPECT(gp(PRIO_PROCESS, 0) == k);             /* the parent's is unchanged */
	return 0;
}
