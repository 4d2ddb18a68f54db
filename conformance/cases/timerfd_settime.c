// covers: timerfd_settime ok EINVAL EBADF EFAULT
#include "ct.h"
#include <time.h>
#include <sys/timerfd.h>

static long ms_since(struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

int main(void)
{
	int fd = timerfd_create(CLOCK_MONOTONIC, 0);
	uint64_t n = 0;
	struct timespec t0;

	/* One shot in 20 ms: a blocking read waits for it and reads 1. */
	struct itimerspec its = { { 0, 0 }, { 0, 20000000 } }, old;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	T(timerfd_settime(fd, 0, &its, NULL));
	V(read(fd, &n, sizeof n));
	V(n);
	long ms = ms_since(&t0);
	EXPECT(ms >= 19 && ms < 2000);

	/* Periodic every 10 ms from 10 ms: after 35 ms at least 3 expirations. */
	its = (struct itimerspec){ { 0, 10000000 }, { 0, 10000000 } };
	T(timerfd_settime(fd, 0, &its, NULL));
	struct timespec nap = { 0, 35000000 };
	nanosleep(&nap, NULL);
	read(fd, &n, sizeof n);
	EXPECT(n >= 3);

	/* Re-arming returns the old setting; zero disarms. */
	memset(&old, 0xff, sizeof old);
	its = (struct itimerspec){ { 0, 0 }, { 0, 0 } };
	T(timerfd_settime(fd, 0, &its, &old));
	EXPECT(old.it_interval.tv_sec == 0 && old.it_interval.tv_nsec == 10000000);
	EXPECT(old.it_value.tv_sec == 0 && old.it_value.tv_nsec >= 0 && old.it_value.tv_nsec <= 10000000);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	T(read(fd, &n, sizeof n));         /* disarmed: nothing */

	/* An absolute time already past expires at once. */
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	its = (struct itimerspec){ { 0, 0 }, { now.tv_sec - 1, 0 } };
	T(timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL));
	V(read(fd, &n, sizeof n));
	V(n);

	its = (struct itimerspec){ { 0, 0 }, { 0, 1000000000 } };
	T(timerfd_settime(fd, 0, &its, NULL));     /* nanoseconds out of range */
	its = (struct itimerspec){ { 0, -1 }, { 1, 0 } };
	T(timerfd_settime(fd, 0, &its, NULL));
	its = (struct itimerspec){ { 0, 0 }, { -1, 0 } };
	T(timerfd_settime(fd, 0, &its, NULL));
	its = (struct itimerspec){ { 0, 0 }, { 1, 0 } };
	T(timerfd_settime(fd, 0x100, &its, NULL)); /* unknown flag */
	int p[2];
	pipe(p);
	T(timerfd_settime(p[0], 0, &its, NULL));   /* not a timerfd */
	T(timerfd_settime(-1, 0, &its, NULL));
	T(timerfd_settime(fd, 0, BADPTR, NULL));
	T(timerfd_settime(fd, 0, &its, BADPTR));
	return 0;
}
