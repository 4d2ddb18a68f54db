// covers: pipe2 ok EINVAL EFAULT
#include "ct.h"

int main(void)
{
	int p[2];
	T(pipe2(p, 0));                           /* (musl calls pipe for this one) */
	V(fcntl(p[0], F_GETFD));
	V(fcntl(p[0], F_GETFL) & O_NONBLOCK);
	T(pipe2(p, O_CLOEXEC));
	V(fcntl(p[0], F_GETFD));
	V(fcntl(p[1], F_GETFD));
	T(pipe2(p, O_NONBLOCK));
	V((fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
	V((fcntl(p[1], F_GETFL) & O_NONBLOCK) != 0);
	char c;
	T(read(p[0], &c, 1));
	T(pipe2(p, O_CLOEXEC | O_NONBLOCK));
	V(fcntl(p[1], F_GETFD));

	/* O_DIRECT: packet mode, each write is one read */
	T(pipe2(p, O_DIRECT));
	write(p[1], "one", 3);
	write(p[1], "two", 3);
	char buf[16];
	V(read(p[0], buf, sizeof buf));
	V(read(p[0], buf, sizeof buf));

	T(pipe2(p, O_RDWR));                      /* not a pipe2 flag */
	T(pipe2(p, O_APPEND));
	T(pipe2(p, 0x1));
	T(pipe2(p, -1));
	T(pipe2(BADPTR, O_NONBLOCK));
	T(pipe2(NULL, O_CLOEXEC));
	T(pipe2(BADPTR, 0x1));                    /* the flags are checked first */
	return 0;
}
