// covers: gettimeofday ok EFAULT
#include "ct.h"
#include <time.h>
#include <sys/time.h>

/* The raw call: musl's gettimeofday() uses clock_gettime, glibc's the vDSO. */
#define gettimeofday(tv, tz) syscall(SYS_gettimeofday, tv, tz)

int main(void)
{
	struct timeval tv, tv2;
	struct timezone tz = { 12345, 12345 };
	struct timespec ts;

	T(gettimeofday(&tv, NULL));
	EXPECT(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	EXPECT(tv.tv_sec > 1577836800);               /* after 2020 */
	clock_gettime(CLOCK_REALTIME, &ts);
	long long us = (ts.tv_sec - tv.tv_sec) * 1000000LL + ts.tv_nsec / 1000 - tv.tv_usec;
	EXPECT(us >= 0 && us < 1000000);             /* the same clock */
	T(gettimeofday(&tv2, &tz));
	EXPECT(tv2.tv_sec > tv.tv_sec || (tv2.tv_sec == tv.tv_sec && tv2.tv_usec >= tv.tv_usec));
	SAY("tz %d %d", tz.tz_minuteswest, tz.tz_dsttime);   /* the kernel's, normally 0 0 */
	T(gettimeofday(NULL, &tz));
	T(gettimeofday(NULL, NULL));
	T(gettimeofday(BADPTR, NULL));
	T(gettimeofday(&tv, BADPTR));
	return 0;
}
