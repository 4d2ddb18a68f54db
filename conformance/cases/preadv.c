// covers: preadv ok EBADF ESPIPE EINVAL EFAULT EISDIR
// setup: printf 'abcdefghijklmnop' > file && mkdir dir
#include "ct.h"
#include <sys/uio.h>

int main(void)
{
	char a[3] = {0}, b[4] = {0};
	struct iovec iov[2] = {{a, sizeof a}, {b, sizeof b}};
	int fd = open("file", O_RDONLY);
	V(preadv(fd, iov, 2, 5));
	SAY("a=%.3s b=%.4s", a, b);
	V(lseek(fd, 0, SEEK_CUR));                 /* the offset is not moved */
	V(preadv(fd, iov, 2, 14));                 /* short */
	SAY("a=%.2s", a);
	V(preadv(fd, iov, 2, 16));
	V(preadv(fd, iov, 2, 1L << 40));
	V(preadv(fd, iov, 0, 0));

	V(preadv(fd, iov, 2, -1));
	V(preadv(fd, iov, -1, 0));
	V(preadv(fd, BADPTR, 1, 0));
	struct iovec bad[1] = {{BADPTR, 4}};
	V(preadv(fd, bad, 1, 0));
	int p[2];
	pipe(p);
	write(p[1], "x", 1);
	V(preadv(p[0], iov, 1, 0));
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	V(preadv(d, iov, 1, 0));
	int w = open("file", O_WRONLY);
	V(preadv(w, iov, 1, 0));
	close(fd);
	V(preadv(fd, iov, 1, 0));
	return 0;
}
