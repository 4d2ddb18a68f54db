// covers: ftruncate ok EBADF EINVAL
// setup: printf 0123456789 > file && mkdir dir
#include "ct.h"

static long size(int fd)
{
	struct stat st;
	fstat(fd, &st);
	return (long)st.st_size;
}

int main(void)
{
	char buf[16] = {0};
	int fd = open("file", O_RDWR);
	T(ftruncate(fd, 4));
	V(size(fd));
	V(pread(fd, buf, sizeof buf, 0));
	SAY("\"%.4s\"", buf);
	T(ftruncate(fd, 8));                  /* grows with zeros */
	V(size(fd));
	V(pread(fd, buf, sizeof buf, 0));
	EXPECT(memcmp(buf, "0123\0\0\0\0", 8) == 0);
	T(ftruncate(fd, 1L << 36));           /* 64-bit length */
	V(size(fd));
	T(ftruncate(fd, 0));
	V(size(fd));
	V(lseek(fd, 0, SEEK_CUR));            /* the offset is not changed */

	T(ftruncate(fd, -1));
	int r = open("file", O_RDONLY);
	T(ftruncate(r, 0));                   /* not open for writing */
	int p[2];
	pipe(p);
	T(ftruncate(p[1], 0));                /* not a regular file */
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(ftruncate(d, 0));
	close(fd);
	T(ftruncate(fd, 0));
	T(ftruncate(-1, 0));
	return 0;
}
