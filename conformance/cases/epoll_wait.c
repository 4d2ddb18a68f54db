// covers: epoll_wait ok EINVAL EBADF EFAULT EINTR
#include "ct.h"
#include <signal.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/time.h>

/* The raw call: musl's epoll_wait() uses epoll_pwait. */
#define epoll_wait(ep, ev, n, t) syscall(SYS_epoll_wait, ep, ev, n, t)

static void show(const char *what, int n, struct epoll_event *evs)
{
	printf("%s %d:", what, n);
	for (int i = 0; i < n; i++)
		printf(" %llu/%#x", (unsigned long long)evs[i].data.u64, evs[i].events);
	printf("\n");
	fflush(stdout);
}

static void on_alarm(int sig) { (void)sig; }

int main(void)
{
	int ep = epoll_create1(0), p[5][2];
	struct epoll_event evs[8];

	/* Five ready pipes, registered in order, data 100..104 (upper bits set too). */
	for (int i = 0; i < 5; i++) {
		pipe(p[i]);
		write(p[i][1], "x", 1);
		struct epoll_event ev = { .events = EPOLLIN, .data.u64 = (1ULL << 40) + 100 + i };
		epoll_ctl(ep, EPOLL_CTL_ADD, p[i][0], &ev);
	}
	memset(evs, 0, sizeof evs);
	int n = epoll_wait(ep, evs, 8, 0);
	for (int i = 0; i < n; i++)
		evs[i].data.u64 -= 1ULL << 40;
	show("all", n, evs);
	/* maxevents limits; level-triggered ones go to the back of the queue. */
	n = epoll_wait(ep, evs, 3, 0);
	for (int i = 0; i < n; i++)
		evs[i].data.u64 -= 1ULL << 40;
	show("first 3", n, evs);
	n = epoll_wait(ep, evs, 8, -1);
	for (int i = 0; i < n; i++)
		evs[i].data.u64 -= 1ULL << 40;
	show("then", n, evs);
	V(epoll_wait(ep, evs, 1, 0));

	/* Nothing ready: timeouts. */
	int e2 = epoll_create1(0);
	V(epoll_wait(e2, evs, 8, 0));
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	V(epoll_wait(e2, evs, 8, 30));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	EXPECT(ms >= 29 && ms < 2000);

	signal(SIGALRM, on_alarm);
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	setitimer(ITIMER_REAL, &it, NULL);
	T(epoll_wait(e2, evs, 8, 5000));

	T(epoll_wait(ep, evs, 0, 0));
	T(epoll_wait(ep, evs, -1, 0));
	T(epoll_wait(p[0][0], evs, 8, 0));   /* not an epoll descriptor */
	T(epoll_wait(-1, evs, 8, 0));
	T(epoll_wait(ep, BADPTR, 8, 0));
	return 0;
}
