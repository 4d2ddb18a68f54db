// covers: clock_nanosleep ok EINVAL EFAULT EINTR EOPNOTSUPP
#include "ct.h"
#include <signal.h>
#include <time.h>
#include <sys/time.h>

/* The raw call returns -1 and sets errno (the libc function returns the error). */
#define raw_sleep(c, f, req, rem) syscall(SYS_clock_nanosleep, c, f, req, rem)

static long ms_since(struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void on_alarm(int sig) { (void)sig; }

int main(void)
{
	struct timespec t0, req = { 0, 10000000 }, rem;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	T(raw_sleep(CLOCK_MONOTONIC, 0, &req, NULL));
	EXPECT(ms_since(&t0) >= 10);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	T(raw_sleep(CLOCK_REALTIME, 0, &req, &rem));
	EXPECT(ms_since(&t0) >= 10);
	V(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL));   /* 0 */

	/* Absolute: until a point in time; a past one returns at once. */
	struct timespec until, now;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_nsec += 20000000;
	if (until.tv_nsec >= 1000000000) { until.tv_sec++; until.tv_nsec -= 1000000000; }
	T(raw_sleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL));
	clock_gettime(CLOCK_MONOTONIC, &now);
	EXPECT(now.tv_sec > until.tv_sec || (now.tv_sec == until.tv_sec && now.tv_nsec >= until.tv_nsec));
	until = (struct timespec){ 1, 0 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	T(raw_sleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL));
	EXPECT(ms_since(&t0) < 1000);

	/* A signal interrupts; the time left is stored for relative sleeps. */
	signal(SIGALRM, on_alarm);
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	setitimer(ITIMER_REAL, &it, NULL);
	req = (struct timespec){ 0, 150000000 };
	memset(&rem, 0, sizeof rem);
	T(raw_sleep(CLOCK_MONOTONIC, 0, &req, &rem));
	EXPECT(rem.tv_sec == 0 && rem.tv_nsec > 0 && rem.tv_nsec < 150000000);

	req = (struct timespec){ 0, 1000000000 };
	T(raw_sleep(CLOCK_MONOTONIC, 0, &req, NULL));
	req = (struct timespec){ 0, -1 };
	T(raw_sleep(CLOCK_MONOTONIC, 0, &req, NULL));
	req = (struct timespec){ -1, 0 };
	T(raw_sleep(CLOCK_MONOTONIC, 0, &req, NULL));
	req = (struct timespec){ 0, 1000 };
	T(raw_sleep(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL));
	T(raw_sleep(12345, 0, &req, NULL));
	T(raw_sleep(CLOCK_MONOTONIC, 0, BADPTR, NULL));
	V(clock_nanosleep(12345, 0, &req, NULL) == EINVAL);
	return 0;
}
