// covers: lseek ok EBADF ESPIPE EINVAL ENXIO
// setup: printf 0123456789 > file
#include "ct.h"

int main(void)
{
	char c;
	int fd = open("file", O_RDWR);
	V(lseek(fd, 0, SEEK_CUR));
	V(lseek(fd, 4, SEEK_SET));
	V(read(fd, &c, 1));
	SAY("at 4: %c", c);
	V(lseek(fd, 2, SEEK_CUR));
	V(lseek(fd, -3, SEEK_CUR));
	V(lseek(fd, 0, SEEK_END));
	V(lseek(fd, -1, SEEK_END));
	V(read(fd, &c, 1));
	SAY("last: %c", c);
	V(lseek(fd, 100, SEEK_END));                /* past the end is fine */
	V(read(fd, &c, 1));
	V(write(fd, "x", 1));                       /* leaves a hole */
	struct stat st;
	fstat(fd, &st);
	V(st.st_size);
	V(lseek(fd, 1L << 40, SEEK_SET));           /* 64-bit offsets */
	V(lseek(fd, 0, SEEK_CUR));

	/* holes and data */
	V(lseek(fd, 0, SEEK_DATA));
	V(lseek(fd, 0, SEEK_HOLE) <= st.st_size);
	V(lseek(fd, st.st_size - 1, SEEK_DATA));
	V(lseek(fd, st.st_size - 1, SEEK_HOLE));
	V(lseek(fd, st.st_size, SEEK_DATA));        /* at/after the end */
	V(lseek(fd, st.st_size + 10, SEEK_HOLE));

	V(lseek(fd, 5, SEEK_SET));
	V(lseek(fd, -1, SEEK_SET));                 /* negative result */
	V(lseek(fd, -6, SEEK_CUR));
	V(lseek(fd, 0, SEEK_CUR));                  /* unchanged after the errors */
	V(lseek(fd, 0, 7));                         /* bad whence */
	V(lseek(fd, 0, -1));

	int p[2];
	pipe(p);
	V(lseek(p[0], 0, SEEK_CUR));
	V(lseek(p[1], 0, SEEK_SET));
	close(fd);
	V(lseek(fd, 0, SEEK_SET));
	V(lseek(-1, 0, SEEK_SET));

	int d = open(".", O_RDONLY | O_DIRECTORY);
	V(lseek(d, 0, SEEK_SET));                   /* directories seek to 0 */
	int n = open("/dev/null", O_RDWR);
	V(lseek(n, 123, SEEK_SET));                 /* /dev/null accepts anything */
	return 0;
}
