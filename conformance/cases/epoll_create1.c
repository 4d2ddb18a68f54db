// covers: epoll_create1 ok EINVAL
#include "ct.h"
#include <sys/epoll.h>

int main(void)
{
	int ep, ep2;
	T(ep = epoll_create1(0));
	EXPECT(!(fcntl(ep, F_GETFD) & FD_CLOEXEC));
	T(ep2 = epoll_create1(EPOLL_CLOEXEC));
	EXPECT(fcntl(ep2, F_GETFD) & FD_CLOEXEC);
	EXPECT(ep2 == ep + 1);
	/* Each instance is separate: a pipe registered in one is unknown to the other. */
	int p[2];
	pipe(p);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 1 };
	T(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	T(epoll_ctl(ep2, EPOLL_CTL_DEL, p[0], &ev));
	/* An epoll descriptor is not readable like a file. */
	char c;
	T(read(ep, &c, 1));
	T(epoll_create1(1));
	T(epoll_create1(EPOLL_CLOEXEC | O_NONBLOCK));
	T(epoll_create1(-1));
	return 0;
}
