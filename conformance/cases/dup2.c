// covers: dup2 ok EBADF
// setup: printf abc > file && printf xyz > other
#include "ct.h"

int main(void)
{
	int a = open("file", O_RDONLY), b = open("other", O_RDONLY | O_CLOEXEC);
	char c;
	V(dup2(a, 20));                         /* returns newfd */
	V(read(20, &c, 1));
	SAY("  20 reads '%c'", c);
	V(dup2(a, b));                          /* closes b first */
	V(read(b, &c, 1));
	SAY("  b reads '%c' (shared offset)", c);
	V(fcntl(b, F_GETFD));                   /* close-on-exec cleared */
	V(dup2(a, a));                          /* same fd: just checked */
	fcntl(a, F_SETFD, FD_CLOEXEC);
	V(dup2(a, a));
	V(fcntl(a, F_GETFD));                   /* and left alone */
	V(dup2(a, 1000));

	V(dup2(-1, 30));
	V(dup2(55, 30));
	V(dup2(55, 55));                        /* same fd, not open */
	V(dup2(a, -1));                         /* newfd out of range */
	V(dup2(a, 1 << 30));
	V(fcntl(30, F_GETFD));                  /* not created by the failures */
	close(b);
	int x = open("other", O_RDONLY);
	V(dup2(x, 20));                         /* replaces the open 20 */
	V(read(20, &c, 1));
	SAY("  20 reads '%c'", c);
	return 0;
}
