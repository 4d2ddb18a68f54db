// covers: epoll_ctl ok
// covers: epoll_pwait ok
/* Edge-triggered and one-shot registrations, hang-up events. */
#include "ct.h"
#include <sys/epoll.h>
#include <sys/socket.h>

static int ready(int ep)
{
	struct epoll_event evs[4];
	int n = epoll_wait(ep, evs, 4, 0);
	return n == 1 ? (int)evs[0].events : -n;
}

int main(void)
{
	int p[2];
	char buf[8];

	/* EPOLLET: reported when new data arrives, not while it stays. */
	int ep = epoll_create1(0);
	pipe(p);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET };
	epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	V(ready(ep));
	write(p[1], "a", 1);
	SAY("%#x", ready(ep));
	V(ready(ep));                  /* still unread, but no new edge */
	write(p[1], "b", 1);
	SAY("%#x", ready(ep));
	read(p[0], buf, sizeof buf);
	V(ready(ep));
	close(ep);

	/* EPOLLONESHOT: one report, then disabled until EPOLL_CTL_MOD re-arms it. */
	ep = epoll_create1(0);
	ev.events = EPOLLIN | EPOLLONESHOT;
	epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	write(p[1], "c", 1);
	SAY("%#x", ready(ep));
	V(ready(ep));
	write(p[1], "d", 1);
	V(ready(ep));
	T(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	SAY("%#x", ready(ep));
	T(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));   /* still registered */
	read(p[0], buf, sizeof buf);
	close(ep);

	/* Writer closed: EPOLLHUP even when not asked for. */
	ep = epoll_create1(0);
	ev.events = 0;
	epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	close(p[1]);
	SAY("%#x", ready(ep));
	close(ep);

	/* Peer shut down writing: EPOLLRDHUP when asked for. */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	ep = epoll_create1(0);
	ev.events = EPOLLIN | EPOLLRDHUP;
	epoll_ctl(ep, EPOLL_CTL_ADD, sv[0], &ev);
	V(ready(ep));
	shutdown(sv[1], SHUT_WR);
	SAY("%#x", ready(ep));
	close(sv[1]);
	SAY("%#x", ready(ep));
	return 0;
}
