// covers: writev ok EBADF EINVAL EFAULT EPIPE
// setup: touch file
#include "ct.h"
#include <sys/uio.h>
#include <limits.h>
#include <signal.h>

int main(void)
{
	char buf[64] = {0};
	struct iovec iov[4] = {{"hello", 5}, {NULL, 0}, {", ", 2}, {"world", 5}};
	int fd = open("file", O_RDWR);
	V(writev(fd, iov, 4));                     /* gathered in order */
	V(lseek(fd, 0, SEEK_CUR));
	V(pread(fd, buf, sizeof buf, 0));
	SAY("\"%s\"", buf);
	V(writev(fd, iov, 0));
	V(writev(fd, BADPTR, 0));                  /* an empty array is not read */

	V(writev(fd, iov, -1));
	V(writev(fd, iov, IOV_MAX + 1));
	struct iovec huge[2] = {{buf, SSIZE_MAX}, {buf, SSIZE_MAX}};
	V(writev(fd, huge, 2));                    /* lengths beyond any memory */
	V(writev(fd, BADPTR, 1));
	V(writev(fd, NULL, 1));
	struct iovec bad[2] = {{"ab", 2}, {BADPTR, 4}};
	V(writev(fd, bad, 2));                     /* one bad buffer: nothing is transferred */
	bad[0].iov_len = 0;
	V(writev(fd, bad, 2));
	struct stat st;
	fstat(fd, &st);
	V(st.st_size);

	int r = open("file", O_RDONLY);
	V(writev(r, iov, 1));
	int p[2];
	pipe(p);
	V(writev(p[1], iov, 4));
	V(read(p[0], buf, sizeof buf));
	signal(SIGPIPE, SIG_IGN);
	close(p[0]);
	V(writev(p[1], iov, 1));
	close(fd);
	V(writev(fd, iov, 1));
	V(writev(-1, iov, 1));
	return 0;
}
