// covers: sched_get_priority_max ok EINVAL
// covers: sched_get_priority_min ok EINVAL
#include "ct.h"
#include <sched.h>

int main(void)
{
	static const struct { int policy; const char *name; } p[] = {
		{SCHED_OTHER, "SCHED_OTHER"}, {SCHED_FIFO, "SCHED_FIFO"}, {SCHED_RR, "SCHED_RR"},
		{SCHED_BATCH, "SCHED_BATCH"}, {SCHED_IDLE, "SCHED_IDLE"}, {6, "SCHED_DEADLINE"},
	};
	for (unsigned i = 0; i < sizeof p / sizeof p[0]; i++)
		SAY("%s: min %ld max %ld", p[i].name,
		    syscall(SYS_sched_get_priority_min, p[i].policy),
		    syscall(SYS_sched_get_priority_max, p[i].policy));
	EXPECT(sched_get_priority_max(SCHED_FIFO) == syscall(SYS_sched_get_priority_max, SCHED_FIFO));
	T(syscall(SYS_sched_get_priority_max, 42));
	T(syscall(SYS_sched_get_priority_min, 42));
	T(syscall(SYS_sched_get_priority_max, -1));
	T(syscall(SYS_sched_get_priority_min, -1));
	return 0;
}
