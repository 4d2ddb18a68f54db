// covers: clock_getres ok EINVAL EFAULT
#include "ct.h"
#include <time.h>

#define raw_getres(c, t) syscall(SYS_clock_getres, c, t)

int main(void)
{
	struct timespec r, coarse;
	static const struct { clockid_t id; const char *name; } clocks[] = {
		{ CLOCK_REALTIME, "REALTIME" }, { CLOCK_MONOTONIC, "MONOTONIC" },
		{ CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME_ID" }, { CLOCK_THREAD_CPUTIME_ID, "THREAD_CPUTIME_ID" },
		{ CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW" }, { CLOCK_BOOTTIME, "BOOTTIME" },
	};
	/* High-resolution clocks: at most 1 ms (1 ns on current kernels). */
	for (unsigned i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
		memset(&r, 0xff, sizeof r);
		long e = raw_getres(clocks[i].id, &r);
		SAY("%s: %s, fine %d", clocks[i].name, e ? ct_errname(errno) : "ok",
		    r.tv_sec == 0 && r.tv_nsec > 0 && r.tv_nsec <= 1000000);
	}
	/* Coarse clocks tick in jiffies: coarser than the fine ones. */
	T(clock_getres(CLOCK_MONOTONIC_COARSE, &coarse));
	clock_getres(CLOCK_MONOTONIC, &r);
	EXPECT(coarse.tv_sec == 0 && coarse.tv_nsec > r.tv_nsec);
	T(clock_getres(CLOCK_REALTIME, NULL));   /* NULL: just check the clock */

	T(raw_getres(12345, &r));
	T(raw_getres(12345, NULL));
	T(raw_getres(CLOCK_MONOTONIC, BADPTR));
	return 0;
}
