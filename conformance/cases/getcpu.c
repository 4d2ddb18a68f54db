// covers: getcpu ok EFAULT
#include "ct.h"
#include <sched.h>

/* the CPU is whatever the scheduler chose: print facts about it only */
int main(void)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	T(sched_getaffinity(0, sizeof set, &set));
	unsigned cpu = 99999, node = 99999;
	T(syscall(SYS_getcpu, &cpu, &node, NULL));
	EXPECT(cpu < CPU_SETSIZE && CPU_ISSET(cpu, &set));   /* one we may run on */
	EXPECT(node < 4096);
	cpu = 99999;
	T(syscall(SYS_getcpu, &cpu, NULL, NULL));           /* either may be NULL */
	EXPECT(CPU_ISSET(cpu, &set));
	node = 99999;
	T(syscall(SYS_getcpu, NULL, &node, NULL));
	EXPECT(node < 4096);
	T(syscall(SYS_getcpu, NULL, NULL, NULL));

	/* pinned to one CPU, getcpu reports it */
	int first = -1;
	for (int i = 0; i < CPU_SETSIZE && first < 0; i++)
		if (CPU_ISSET(i, &set))
			first = i;
	cpu_set_t one;
	CPU_ZERO(&one);
	CPU_SET(first, &one);
	T(sched_setaffinity(0, sizeof one, &one));
	sched_yield();
	T(syscall(SYS_getcpu, &cpu, NULL, NULL));
	EXPECT(cpu == (unsigned)first);

	T(syscall(SYS_getcpu, BADPTR, &node, NULL));
	T(syscall(SYS_getcpu, &cpu, BADPTR, NULL));
	return 0;
}
