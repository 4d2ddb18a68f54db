// covers: nanosleep ok EINVAL EFAULT EINTR
#include "ct.h"
#include <signal.h>
#include <time.h>
#include <sys/time.h>

/* The raw call: musl's nanosleep() uses clock_nanosleep. */
#define nanosleep(req, rem) syscall(SYS_nanosleep, req, rem)

static long ms_since(struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void on_alarm(int sig) { (void)sig; }

int main(void)
{
	struct timespec t0, req = { 0, 10000000 }, rem = { 7, 7 };

	clock_gettime(CLOCK_MONOTONIC, &t0);
	T(nanosleep(&req, &rem));
	EXPECT(ms_since(&t0) >= 10);
	EXPECT(rem.tv_sec == 7 && rem.tv_nsec == 7);   /* untouched when not interrupted */
	req = (struct timespec){ 0, 0 };
	T(nanosleep(&req, NULL));

	/* Interrupted by a handled signal: EINTR and the time left. */
	signal(SIGALRM, on_alarm);
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	setitimer(ITIMER_REAL, &it, NULL);
	req = (struct timespec){ 0, 150000000 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	T(nanosleep(&req, &rem));
	EXPECT(ms_since(&t0) < 140);
	EXPECT(rem.tv_sec == 0 && rem.tv_nsec > 0 && rem.tv_nsec < 150000000);

	/* An ignored signal does not interrupt. */
	signal(SIGALRM, SIG_IGN);
	setitimer(ITIMER_REAL, &it, NULL);
	req = (struct timespec){ 0, 40000000 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	T(nanosleep(&req, NULL));
	EXPECT(ms_since(&t0) >= 40);

	req = (struct timespec){ 0, 1000000000 };
	T(nanosleep(&req, NULL));
	req = (struct timespec){ 0, -5 };
	T(nanosleep(&req, NULL));
	req = (struct timespec){ -1, 0 };
	T(nanosleep(&req, NULL));
	T(nanosleep(BADPTR, NULL));
	return 0;
}
