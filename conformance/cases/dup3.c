// covers: dup3 ok EBADF EINVAL
// setup: printf abc > file
#include "ct.h"

/* the raw call: musl's dup3() checks oldfd == newfd itself and uses dup2
 * when O_CLOEXEC is not asked for, ignoring other flags */
static long d3(int oldfd, int newfd, int flags)
{
	return syscall(SYS_dup3, oldfd, newfd, flags);
}

int main(void)
{
	int a = open("file", O_RDONLY);
	V(d3(a, 20, 0));
	V(fcntl(20, F_GETFD));
	V(d3(a, 21, O_CLOEXEC));
	V(fcntl(21, F_GETFD));
	V(d3(a, 21, 0));                        /* replaces 21, flag cleared */
	V(fcntl(21, F_GETFD));
	V(dup3(a, 23, O_CLOEXEC));              /* libc */
	V(fcntl(23, F_GETFD));
	char c;
	read(a, &c, 1);
	V(lseek(21, 0, SEEK_CUR));              /* shared offset */

	V(d3(a, a, 0));                         /* unlike dup2 */
	V(d3(a, a, O_CLOEXEC));
	V(d3(a, 22, O_NONBLOCK));               /* only O_CLOEXEC is allowed */
	V(d3(a, 22, 0x1));
	V(d3(-1, 22, 0));
	V(d3(77, 22, 0));
	V(d3(a, -1, 0));
	V(d3(a, 1 << 30, 0));
	V(d3(-1, 22, O_NONBLOCK));              /* the flags are checked first */
	V(d3(-1, -1, 0));                       /* then oldfd == newfd */
	V(fcntl(22, F_GETFD));                  /* not created by the failures */
	return 0;
}
