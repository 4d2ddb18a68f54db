// covers: write ok EBADF EFAULT EPIPE EAGAIN EINVAL
#include "ct.h"
#include <signal.h>
#include <sys/eventfd.h>

int main(void)
{
	char buf[64];
	int fd = open("out", O_CREAT | O_RDWR | O_TRUNC, 0644);
	EXPECT(fd >= 0);
	V(write(fd, "hello", 5));
	V(write(fd, " world", 6));
	V(write(fd, buf, 0));
	V(lseek(fd, 0, SEEK_CUR));
	T(write(fd, BADPTR, 4));
	T(write(fd, NULL, 4));
	V(pread(fd, buf, sizeof buf, 0));
	SAY("file \"%.11s\"", buf);
	close(fd);

	/* O_APPEND: every write goes to the end */
	fd = open("out", O_WRONLY | O_APPEND);
	lseek(fd, 0, SEEK_SET);
	V(write(fd, "!", 1));
	V(lseek(fd, 0, SEEK_CUR));
	close(fd);

	T(write(fd, "x", 1));              /* closed */
	T(write(-1, "x", 1));
	int rfd = open("out", O_RDONLY);
	T(write(rfd, "x", 1));             /* not open for writing */
	close(rfd);

	int efd = eventfd(0, 0);
	T(write(efd, "abcd", 4));          /* eventfd needs 8 bytes */
	uint64_t v = UINT64_MAX;
	T(write(efd, &v, sizeof v));       /* 0xffffffffffffffff is not a value */
	close(efd);

	int p[2];
	T(pipe2(p, O_NONBLOCK));
	long total = 0, r;
	memset(buf, 'p', sizeof buf);
	for (int i = 0; i < 100000 && (r = write(p[1], buf, sizeof buf)) > 0; i++)
		total += r;
	EXPECT(total >= 4096);
	T(write(p[1], buf, sizeof buf));   /* pipe full, non-blocking */

	signal(SIGPIPE, SIG_IGN);
	close(p[0]);
	T(write(p[1], "x", 1));            /* no reader */
	close(p[1]);
	return 0;
}
