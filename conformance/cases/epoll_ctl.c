// covers: epoll_ctl ok EEXIST ENOENT EBADF EPERM EINVAL ELOOP EFAULT
#include "ct.h"
#include <sys/epoll.h>

/* Ready events of ep without waiting: "count: data/events ...". */
static void ready(int ep)
{
	struct epoll_event evs[8];
	int n = epoll_wait(ep, evs, 8, 0);
	printf("ready %d:", n);
	for (int i = 0; i < n; i++)
		printf(" %llu/%#x", (unsigned long long)evs[i].data.u64, evs[i].events);
	printf("\n");
	fflush(stdout);
}

int main(void)
{
	int ep = epoll_create1(0), p[2];
	pipe(p);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1122334455667788ULL };

	T(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	T(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));    /* already there */
	ready(ep);
	write(p[1], "x", 1);
	ready(ep);
	ev.events = EPOLLOUT;
	ev.data.u64 = 7;
	T(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev));
	ready(ep);
	ev.events = 0;                                 /* registered, but wants nothing */
	T(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	ready(ep);
	T(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL));   /* DEL needs no event */
	ready(ep);
	T(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL));
	T(epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev));

	/* A registration lives as long as the file, not the descriptor: closing a
	 * dup while the original is open leaves both entries. */
	int d = dup(p[0]);
	ev.events = EPOLLIN;
	ev.data.u64 = 9;
	T(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	T(epoll_ctl(ep, EPOLL_CTL_ADD, d, &ev));
	close(d);
	ready(ep);

	int f = open("file", O_CREAT | O_RDWR, 0644);
	T(epoll_ctl(ep, EPOLL_CTL_ADD, f, &ev));        /* regular files do not poll */
	T(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev));       /* itself */
	T(epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &ev));   /* not an epoll descriptor */
	T(epoll_ctl(ep, 99, p[1], &ev));                /* no such op */
	ev.events = EPOLLIN | EPOLLEXCLUSIVE;
	T(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));     /* exclusive only on ADD */
	ev.events = EPOLLIN;
	T(epoll_ctl(-1, EPOLL_CTL_ADD, p[1], &ev));
	T(epoll_ctl(ep, EPOLL_CTL_ADD, -1, &ev));
	T(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], BADPTR));

	/* Epoll in epoll, but not in a cycle. */
	int outer = epoll_create1(0);
	T(epoll_ctl(outer, EPOLL_CTL_ADD, ep, &ev));
	T(epoll_ctl(ep, EPOLL_CTL_ADD, outer, &ev));
	ready(outer);
	return 0;
}
