// covers: eventfd2 ok EINVAL
#include "ct.h"
#include <sys/eventfd.h>
#include <poll.h>

static long efd2(unsigned init, int flags)
{
	return syscall(SYS_eventfd2, init, flags);
}

int main(void)
{
	int fd;
	uint64_t v;
	T(fd = eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK));
	V(read(fd, &v, sizeof v));                /* semaphore: one at a time */
	V(v);
	V(read(fd, &v, sizeof v));
	V(read(fd, &v, sizeof v));
	T(read(fd, &v, sizeof v));                /* empty, non-blocking */
	v = UINT64_MAX - 1;
	V(write(fd, &v, sizeof v));               /* the largest count */
	v = 1;
	T(write(fd, &v, sizeof v));               /* would overflow: EAGAIN when non-blocking */
	struct pollfd pf = {fd, POLLIN | POLLOUT, 0};
	V(poll(&pf, 1, 0));
	V(pf.revents == POLLIN);

	T(fd = efd2(0, EFD_CLOEXEC));
	V(fcntl(fd, F_GETFD));
	V((fcntl(fd, F_GETFL) & O_NONBLOCK) != 0);
	T(fd = efd2(0, EFD_NONBLOCK));
	V((fcntl(fd, F_GETFL) & O_NONBLOCK) != 0);
	pf.fd = fd;
	V(poll(&pf, 1, 0));
	V(pf.revents == POLLOUT);
	T(eventfd_read(fd, &v));
	T(eventfd_write(fd, 42));
	T(eventfd_read(fd, &v));
	V(v);

	T(efd2(0, 0x2));                          /* unknown flag */
	T(efd2(0, O_APPEND));
	T(efd2(0, -1));
	T(eventfd(0, 0x4));
	return 0;
}
