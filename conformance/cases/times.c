// covers: times ok EFAULT
#include "ct.h"
#include <sys/times.h>
#include <time.h>

/* times() returns clock ticks since an arbitrary point: only facts are printed */
static void burn(long ms)
{
	struct timespec a, b;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	volatile unsigned long x = 0;
	do {
		for (int i = 0; i < 100000; i++)
			x += i;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	} while ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < ms);
}

int main(void)
{
	struct tms t;
	memset(&t, 0xff, sizeof t);
	long r1 = syscall(SYS_times, &t);
	EXPECT(r1 > 0);
	EXPECT(t.tms_utime >= 0 && t.tms_stime >= 0);
	EXPECT(t.tms_cutime == 0 && t.tms_cstime == 0);  /* no child waited for yet */
	long r0 = syscall(SYS_times, NULL);              /* NULL is allowed */
	EXPECT(r0 >= r1);
	burn(30);
	struct tms t2;
	long r2 = syscall(SYS_times, &t2);
	EXPECT(r2 >= r1);
	EXPECT(t2.tms_utime + t2.tms_stime >= t.tms_utime + t.tms_stime + 1);   /* 30 ms of CPU */

	pid_t c = fork();
	if (c == 0) {
		struct tms tc;
		syscall(SYS_times, &tc);
		EXPECT(tc.tms_cutime == 0 && tc.tms_cstime == 0);
		burn(30);
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	struct tms t3;
	EXPECT(syscall(SYS_times, &t3) >= r2);
	EXPECT(t3.tms_cutime + t3.tms_cstime >= 1);      /* the waited-for child's */
	EXPECT(t3.tms_utime + t3.tms_stime >= t2.tms_utime + t2.tms_stime);
	EXPECT(times(&t3) > 0);

	T(syscall(SYS_times, BADPTR));
	return 0;
}
