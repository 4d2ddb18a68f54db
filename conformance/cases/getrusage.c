// covers: getrusage ok EINVAL EFAULT
#include "ct.h"
#include <sys/resource.h>
#include <time.h>

/* burn at least `ms` of CPU time */
static void spin(long ms)
{
	struct timespec a, b;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	do
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	while ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < ms);
}

static long cpu_us(const struct rusage *r)
{
	return (r->ru_utime.tv_sec + r->ru_stime.tv_sec) * 1000000L + r->ru_utime.tv_usec + r->ru_stime.tv_usec;
}

int main(void)
{
	struct rusage self, children, thread;
	T(syscall(SYS_getrusage, RUSAGE_SELF, &self));
	EXPECT(self.ru_maxrss > 0);
	EXPECT(self.ru_utime.tv_usec < 1000000 && self.ru_stime.tv_usec < 1000000);

	T(syscall(SYS_getrusage, RUSAGE_CHILDREN, &children));
	EXPECT(cpu_us(&children) == 0);         /* no child waited for yet */

	pid_t c = fork();
	if (c == 0) {
		spin(30);
		_exit(0);
	}
	int st;
	waitpid(c, &st, 0);
	T(syscall(SYS_getrusage, RUSAGE_CHILDREN, &children));
	EXPECT(cpu_us(&children) >= 20000);     /* the child's CPU time counts now */

	T(syscall(SYS_getrusage, RUSAGE_THREAD, &thread));
	T(syscall(SYS_getrusage, 42, &self));
	T(syscall(SYS_getrusage, RUSAGE_SELF, BADPTR));
	return 0;
}
