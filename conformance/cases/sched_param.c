// covers: sched_getparam ok EINVAL ESRCH EFAULT
// covers: sched_setparam ok EINVAL ESRCH EFAULT
#include "ct.h"
#include <limits.h>
#include <sched.h>

int main(void)
{
	struct sched_param sp = {77};
	T(syscall(SYS_sched_getparam, 0, &sp));
	V(sp.sched_priority);
	sp.sched_priority = 77;
	T(syscall(SYS_sched_getparam, getpid(), &sp));
	V(sp.sched_priority);
	T(syscall(SYS_sched_setparam, 0, &sp));

	/* a child's parameters, seen from the parent */
	pid_t c = fork();
	if (c == 0) {
		struct sched_param z = {0};
		_exit(syscall(SYS_sched_setparam, 0, &z) == 0 ? 0 : 1);
	}
	int st;
	waitpid(c, &st, 0);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0);

	struct sched_param one = {1};
	T(syscall(SYS_sched_setparam, 0, &one));     /* SCHED_OTHER takes only 0 */
	T(syscall(SYS_sched_setparam, -1, &sp));
	T(syscall(SYS_sched_setparam, INT_MAX, &sp));
	T(syscall(SYS_sched_setparam, 0, BADPTR));
	T(syscall(SYS_sched_getparam, -1, &sp));
	T(syscall(SYS_sched_getparam, INT_MAX, &sp));
	T(syscall(SYS_sched_getparam, 0, BADPTR));
	return 0;
}
