// covers: sched_getscheduler ok EINVAL ESRCH
// covers: sched_setscheduler ok EINVAL ESRCH EFAULT EPERM
#include "ct.h"
#include <limits.h>
#include <sched.h>

int main(void)
{
	struct sched_param sp = {0};
	V(syscall(SYS_sched_getscheduler, 0));            /* SCHED_OTHER */
	V(syscall(SYS_sched_getscheduler, getpid()));
	T(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp));

	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_sched_setscheduler, 0, SCHED_BATCH, &sp));
		V(syscall(SYS_sched_getscheduler, 0));
		T(syscall(SYS_sched_setscheduler, 0, SCHED_IDLE, &sp));
		V(syscall(SYS_sched_getscheduler, 0));
		T(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER | SCHED_RESET_ON_FORK, &sp));
		V(syscall(SYS_sched_getscheduler, 0));
		if (geteuid() == 0)
			syscall(SYS_setuid, 65534);
		/* real-time needs privilege (RLIMIT_RTPRIO is 0) */
		struct sched_param rt = {1};
		T(syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, &rt));
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	V(syscall(SYS_sched_getscheduler, 0));            /* the parent's is unchanged */

	struct sched_param five = {5};
	T(syscall(SYS_sched_setscheduler, 0, 42, &sp));          /* unknown policy */
	T(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &five));/* priority must be 0 */
	T(syscall(SYS_sched_setscheduler, -1, SCHED_OTHER, &sp));
	T(syscall(SYS_sched_setscheduler, INT_MAX, SCHED_OTHER, &sp));
	T(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, BADPTR));
	T(syscall(SYS_sched_getscheduler, -1));
	T(syscall(SYS_sched_getscheduler, INT_MAX));
	return 0;
}
