/* time(), clock_gettime, gettimeofday, nanosleep, gmtime/strftime/timegm/mktime
 * (TZ unset: UTC on both sides). Only deterministic facts are printed. */
#include <stdio.h>
#include <time.h>
#include <sys/time.h>
#include <string.h>

int main(void)
{
	time_t t = time(0);
	struct timespec rt, m1, m2;
	clock_gettime(CLOCK_REALTIME, &rt);
	struct timeval tv;
	gettimeofday(&tv, 0);
	printf("sizeof time_t %zu timespec %zu\n", sizeof(time_t), sizeof(struct timespec));
	printf("time sane %d\n", t > 1600000000 && t < 4000000000LL);
	printf("realtime agrees %d\n", rt.tv_sec - t <= 1 && rt.tv_sec >= t);
	printf("gettimeofday agrees %d usec ok %d\n", tv.tv_sec - t <= 1, tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	clock_gettime(CLOCK_MONOTONIC, &m1);
	struct timespec d = { 0, 20 * 1000 * 1000 };
	printf("nanosleep %d\n", nanosleep(&d, 0));
	clock_gettime(CLOCK_MONOTONIC, &m2);
	long long ns = (m2.tv_sec - m1.tv_sec) * 1000000000LL + (m2.tv_nsec - m1.tv_nsec);
	printf("slept >= 20ms %d\n", ns >= 20000000);
	time_t fixed = 1234567890;
	struct tm tm;
	gmtime_r(&fixed, &tm);
	char buf[128];
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %A %B %j %a %b %p %U %w", &tm);
	printf("gmtime %s\n", buf);
	printf("timegm %lld\n", (long long)timegm(&tm));
	struct tm lt;
	localtime_r(&fixed, &lt);
	printf("localtime (UTC) %02d:%02d mktime %lld\n", lt.tm_hour, lt.tm_min, (long long)mktime(&lt));
	printf("asctime %s", asctime(&tm));
	struct tm p;
	memset(&p, 0, sizeof p);
	strptime("2024-02-29 12:34:56", "%Y-%m-%d %H:%M:%S", &p);
	printf("strptime %d %d %d %d:%d:%d -> %lld\n", p.tm_year + 1900, p.tm_mon + 1, p.tm_mday,
	       p.tm_hour, p.tm_min, p.tm_sec, (long long)timegm(&p));
	printf("clock() sane %d\n", clock() >= 0);
	return 0;
}
