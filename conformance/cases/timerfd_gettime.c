// covers: timerfd_gettime ok EINVAL EBADF EFAULT
#include "ct.h"
#include <time.h>
#include <sys/timerfd.h>

int main(void)
{
	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	struct itimerspec cur;

	memset(&cur, 0xff, sizeof cur);
	T(timerfd_gettime(fd, &cur));      /* never armed: all zero */
	EXPECT(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0 &&
	       cur.it_interval.tv_sec == 0 && cur.it_interval.tv_nsec == 0);

	struct itimerspec its = { { 2, 500 }, { 10, 0 } };
	timerfd_settime(fd, 0, &its, NULL);
	T(timerfd_gettime(fd, &cur));      /* time left, relative, and the interval */
	EXPECT(cur.it_value.tv_sec >= 8 && (cur.it_value.tv_sec < 10 || (cur.it_value.tv_sec == 10 && cur.it_value.tv_nsec == 0)));
	EXPECT(cur.it_interval.tv_sec == 2 && cur.it_interval.tv_nsec == 500);

	/* Absolute setting: still read back as time left. */
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	its = (struct itimerspec){ { 0, 0 }, { now.tv_sec + 5, now.tv_nsec } };
	timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL);
	timerfd_gettime(fd, &cur);
	EXPECT(cur.it_value.tv_sec >= 3 && (cur.it_value.tv_sec < 5 || (cur.it_value.tv_sec == 5 && cur.it_value.tv_nsec == 0)));

	/* A one-shot timer that fired reads back as disarmed. */
	its = (struct itimerspec){ { 0, 0 }, { 0, 1000 } };
	timerfd_settime(fd, 0, &its, NULL);
	struct timespec nap = { 0, 5000000 };
	nanosleep(&nap, NULL);
	timerfd_gettime(fd, &cur);
	EXPECT(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);

	int p[2];
	pipe(p);
	T(timerfd_gettime(p[0], &cur));
	T(timerfd_gettime(-1, &cur));
	T(timerfd_gettime(fd, BADPTR));
	return 0;
}
