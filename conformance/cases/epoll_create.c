// covers: epoll_create ok EINVAL
#include "ct.h"
#include <sys/epoll.h>

/* The raw call: musl's epoll_create() uses epoll_create1. */
#define epoll_create(n) syscall(SYS_epoll_create, n)

int main(void)
{
	int ep;
	T(ep = epoll_create(1));
	EXPECT(!(fcntl(ep, F_GETFD) & FD_CLOEXEC));
	T(close(ep));
	T(ep = epoll_create(100000));     /* size is only a hint */
	struct epoll_event ev = { .events = EPOLLIN };
	int p[2];
	pipe(p);
	T(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));   /* a usable instance */
	T(epoll_create(0));
	T(epoll_create(-1));
	return 0;
}
