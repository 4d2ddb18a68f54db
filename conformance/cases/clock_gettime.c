// covers: clock_gettime ok EINVAL EFAULT
#include "ct.h"
#include <time.h>
#include <sys/time.h>

/* The raw call for the error cases: glibc reads most clocks in the vDSO. */
#define raw_gettime(c, t) syscall(SYS_clock_gettime, c, t)

static int valid(struct timespec *t) { return t->tv_nsec >= 0 && t->tv_nsec < 1000000000; }
static int le(struct timespec *a, struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec <= b->tv_nsec);
}

int main(void)
{
	struct timespec a, b;
	static const struct { clockid_t id; const char *name; } clocks[] = {
		{ CLOCK_REALTIME, "REALTIME" }, { CLOCK_MONOTONIC, "MONOTONIC" },
		{ CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME_ID" }, { CLOCK_THREAD_CPUTIME_ID, "THREAD_CPUTIME_ID" },
		{ CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW" }, { CLOCK_REALTIME_COARSE, "REALTIME_COARSE" },
		{ CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE" }, { CLOCK_BOOTTIME, "BOOTTIME" },
		{ CLOCK_TAI, "TAI" },
	};
	for (unsigned i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
		long r = raw_gettime(clocks[i].id, &a);
		SAY("%s: %s", clocks[i].name, r ? ct_errname(errno) : valid(&a) ? "ok" : "bad nsec");
	}

	T(clock_gettime(CLOCK_REALTIME, &a));
	EXPECT(a.tv_sec > 1577836800);     /* after 2020 */

	/* Monotonic never goes back. */
	int back = 0;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < 1000; i++) {
		clock_gettime(CLOCK_MONOTONIC, &b);
		back |= !le(&a, &b);
		a = b;
	}
	EXPECT(!back);
	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_BOOTTIME, &b);
	EXPECT(le(&a, &b));                /* boot time includes suspend */

	/* CPU time grows with work. */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	volatile unsigned long x = 0;
	for (unsigned long i = 0; i < 20000000; i++)
		x += i;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	EXPECT(le(&a, &b) && (a.tv_sec != b.tv_sec || a.tv_nsec != b.tv_nsec));

	T(raw_gettime(12345, &a));
	T(raw_gettime(-1, &a));
	T(raw_gettime(CLOCK_MONOTONIC, BADPTR));
	T(raw_gettime(CLOCK_REALTIME, BADPTR));
	return 0;
}
