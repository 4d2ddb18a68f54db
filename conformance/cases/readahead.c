// covers: readahead ok EBADF EINVAL
// setup: head -c 65536 /dev/zero > file && mkdir dir
#include "ct.h"

static long ra(int fd, long off, size_t n)
{
	return syscall(SYS_readahead, fd, off, n);
}

int main(void)
{
	int fd = open("file", O_RDONLY);
	T(ra(fd, 0, 4096));
	T(ra(fd, 8192, 1 << 20));                  /* past the end is fine */
	T(ra(fd, 1L << 40, 4096));
	T(ra(fd, 0, 0));
	V(lseek(fd, 0, SEEK_CUR));                 /* the offset is not moved */
	char c = 1;
	V(read(fd, &c, 1));
	EXPECT(c == 0);
	int rw = open("file", O_RDWR);
	T(ra(rw, 0, 4096));

	T(ra(fd, -1, 4096));                       /* a negative offset is not refused */
	int p[2];
	pipe(p);
	T(ra(p[0], 0, 4096));                      /* not a regular file */
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(ra(d, 0, 4096));
	int w = open("file", O_WRONLY);
	T(ra(w, 0, 4096));                         /* not open for reading */
	close(fd);
	T(ra(fd, 0, 4096));
	T(ra(-1, 0, 4096));
	return 0;
}
