// covers: sched_setscheduler EINVAL
// covers: sched_setparam EINVAL
// covers: sched_getparam EINVAL
#include "ct.h"
#include <sched.h>

/* A NULL sched_param is EINVAL (not EFAULT) for all three. */
int main(void)
{
	T(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, NULL));
	T(syscall(SYS_sched_setparam, 0, NULL));
	T(syscall(SYS_sched_getparam, 0, NULL));
	return 0;
}
