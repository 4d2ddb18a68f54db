// covers: read ok EBADF EFAULT EISDIR EINVAL EAGAIN
// setup: printf 'hello world' > data
#include "ct.h"
#include <signal.h>
#include <sys/eventfd.h>

int main(void)
{
	char buf[64];
	int fd = open("data", O_RDONLY);
	EXPECT(fd >= 0);
	V(read(fd, buf, 5));
	SAY("got \"%.5s\"", buf);
	V(read(fd, buf, sizeof buf));      /* the rest: " world" */
	V(read(fd, buf, sizeof buf));      /* end of file */
	V(read(fd, buf, 0));               /* zero bytes */
	lseek(fd, 0, SEEK_SET);
	T(read(fd, BADPTR, 4));
	T(read(fd, NULL, 4));
	close(fd);

	T(read(fd, buf, 1));               /* closed */
	T(read(-1, buf, 1));
	int wfd = open("data", O_WRONLY);
	T(read(wfd, buf, 1));              /* not open for reading */
	close(wfd);

	int dfd = open(".", O_RDONLY | O_DIRECTORY);
	T(read(dfd, buf, sizeof buf));     /* a directory */
	close(dfd);

	int efd = eventfd(3, 0);
	T(read(efd, buf, 4));              /* eventfd needs 8 bytes */
	uint64_t v = 0;
	V(read(efd, &v, sizeof v));
	V(v);
	close(efd);

	int p[2];
	T(pipe2(p, O_NONBLOCK));
	T(read(p[0], buf, 1));             /* empty, non-blocking */
	V(write(p[1], "xyz", 3));
	V(read(p[0], buf, sizeof buf));    /* short read: what is there */
	close(p[1]);
	V(read(p[0], buf, sizeof buf));    /* writer gone: end of file */
	close(p[0]);
	return 0;
}
