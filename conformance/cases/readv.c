// covers: readv ok EBADF EINVAL EFAULT EISDIR EAGAIN
// setup: printf 'abcdefghijklmnop' > file && mkdir dir
#include "ct.h"
#include <sys/uio.h>
#include <limits.h>

int main(void)
{
	char a[3] = {0}, b[5] = {0}, c[100] = {0};
	struct iovec iov[3] = {{a, sizeof a}, {b, sizeof b}, {c, sizeof c}};
	int fd = open("file", O_RDONLY);
	V(readv(fd, iov, 3));                      /* scattered in order */
	SAY("a=%.3s b=%.5s c=%s", a, b, c);
	V(lseek(fd, 0, SEEK_CUR));
	V(readv(fd, iov, 3));                      /* end of file */
	lseek(fd, 0, SEEK_SET);
	struct iovec holes[3] = {{a, 0}, {NULL, 0}, {b, 2}};
	V(readv(fd, holes, 3));                    /* empty entries are skipped */
	SAY("b=%.2s", b);
	V(readv(fd, iov, 0));
	V(readv(fd, BADPTR, 0));                   /* an empty array is not read */

	V(readv(fd, iov, -1));
	V(readv(fd, iov, IOV_MAX + 1));
	struct iovec huge[2] = {{a, SSIZE_MAX}, {b, SSIZE_MAX}};
	V(readv(fd, huge, 2));                     /* lengths beyond any memory */
	V(readv(fd, BADPTR, 1));                   /* the array */
	struct iovec bad[2] = {{a, 1}, {BADPTR, 4}};
	lseek(fd, 0, SEEK_SET);
	V(readv(fd, bad, 2));                      /* one bad buffer: nothing is transferred */
	lseek(fd, 0, SEEK_SET);
	bad[0].iov_len = 0;
	V(readv(fd, bad, 2));
	V(lseek(fd, 0, SEEK_CUR));

	int w = open("file", O_WRONLY);
	V(readv(w, iov, 1));
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	V(readv(d, iov, 1));
	int p[2];
	pipe2(p, O_NONBLOCK);
	V(readv(p[0], iov, 3));
	close(fd);
	V(readv(fd, iov, 1));
	V(readv(-1, iov, 1));
	return 0;
}
