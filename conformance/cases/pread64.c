// covers: pread64 ok EBADF ESPIPE EINVAL EFAULT EISDIR
// setup: printf 0123456789 > file && mkdir dir
#include "ct.h"

int main(void)
{
	char buf[32] = {0};
	int fd = open("file", O_RDONLY);
	V(pread(fd, buf, 3, 4));
	SAY("\"%.3s\"", buf);
	V(lseek(fd, 0, SEEK_CUR));                 /* the offset is not moved */
	V(pread(fd, buf, sizeof buf, 8));          /* short at the end */
	SAY("\"%.2s\"", buf);
	V(pread(fd, buf, sizeof buf, 10));         /* at the end */
	V(pread(fd, buf, sizeof buf, 1L << 40));   /* far past it */
	V(pread(fd, buf, 0, 0));
	lseek(fd, 6, SEEK_SET);
	V(pread(fd, buf, 1, 0));
	V(read(fd, buf, 1));
	SAY("read after pread: %c", buf[0]);

	V(pread(fd, buf, 1, -1));                  /* negative offset */
	V(pread(fd, BADPTR, 4, 0));
	V(pread(fd, NULL, 4, 0));
	int w = open("file", O_WRONLY);
	V(pread(w, buf, 1, 0));                    /* not open for reading */
	int p[2];
	pipe(p);
	write(p[1], "abc", 3);
	V(pread(p[0], buf, 1, 0));                 /* not seekable */
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	V(pread(d, buf, 1, 0));
	close(fd);
	V(pread(fd, buf, 1, 0));
	V(pread(-1, buf, 1, 0));
	return 0;
}
