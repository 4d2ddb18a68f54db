// covers: epoll_pwait ok EINTR EINVAL EFAULT EBADF
#include "ct.h"
#include <signal.h>
#include <sys/epoll.h>

/* The raw call, with the kernel's 8-byte sigset. */
static long raw_pwait(int ep, struct epoll_event *ev, int n, int t, const unsigned long long *mask, size_t size)
{
	return syscall(SYS_epoll_pwait, ep, ev, n, t, mask, size);
}

static volatile int got;
static void on_usr1(int sig) { got = sig; }

int main(void)
{
	int ep = epoll_create1(0), p[2], q[2];
	struct epoll_event evs[4], ev = { .events = EPOLLIN | EPOLLOUT };
	pipe(p);
	pipe(q);
	ev.data.u64 = 1;
	epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev);
	ev.data.u64 = 2;
	epoll_ctl(ep, EPOLL_CTL_ADD, q[1], &ev);
	memset(evs, 0, sizeof evs);
	V(raw_pwait(ep, evs, 4, 0, NULL, 8));
	SAY("%llu/%#x %llu/%#x", (unsigned long long)evs[0].data.u64, evs[0].events,
	    (unsigned long long)evs[1].data.u64, evs[1].events);
	epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL);
	epoll_ctl(ep, EPOLL_CTL_DEL, q[1], NULL);
	ev.data.u64 = 3;
	ev.events = EPOLLIN;
	epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	V(raw_pwait(ep, evs, 4, 20, NULL, 8));    /* nothing ready: timeout */

	/* SIGUSR1 blocked and pending; the wait's mask lets it in. */
	signal(SIGUSR1, on_usr1);
	sigset_t block;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	raise(SIGUSR1);
	unsigned long long keep = 1ULL << (SIGUSR1 - 1), open_all = 0;
	V(raw_pwait(ep, evs, 4, 0, &keep, 8));
	EXPECT(got == 0);
	T(raw_pwait(ep, evs, 4, 5000, &open_all, 8));
	EXPECT(got == SIGUSR1);
	sigset_t now;
	sigprocmask(SIG_SETMASK, NULL, &now);
	EXPECT(sigismember(&now, SIGUSR1));

	/* The libc function reaches the same call. */
	write(p[1], "x", 1);
	V(epoll_pwait(ep, evs, 4, 0, &block));
	SAY("%llu/%#x", (unsigned long long)evs[0].data.u64, evs[0].events);

	T(raw_pwait(ep, evs, 4, 0, &keep, 4));     /* wrong sigset size */
	T(raw_pwait(ep, evs, 0, 0, NULL, 8));
	T(raw_pwait(ep, evs, 4, 0, BADPTR, 8));
	T(raw_pwait(ep, BADPTR, 4, 0, NULL, 8));
	T(raw_pwait(-1, evs, 4, 0, NULL, 8));
	return 0;
}
