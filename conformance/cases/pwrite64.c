// covers: pwrite64 ok EBADF ESPIPE EINVAL EFAULT
// setup: printf 0123456789 > file
#include "ct.h"

int main(void)
{
	char buf[64] = {0};
	int fd = open("file", O_RDWR);
	V(pwrite(fd, "AB", 2, 3));
	V(lseek(fd, 0, SEEK_CUR));                 /* the offset is not moved */
	V(pwrite(fd, "end", 3, 12));               /* past the end: a hole */
	V(pwrite(fd, "", 0, 100));                 /* nothing written, no growth */
	struct stat st;
	fstat(fd, &st);
	V(st.st_size);
	V(pread(fd, buf, sizeof buf, 0));
	for (int i = 0; i < 15; i++)
		if (!buf[i]) buf[i] = '_';
	SAY("\"%.15s\"", buf);
	V(pwrite(fd, "big", 3, 1L << 33));         /* 64-bit offset */
	fstat(fd, &st);
	V(st.st_size);
	V(ftruncate(fd, 15));

	V(pwrite(fd, "x", 1, -1));                 /* negative offset */
	V(pwrite(fd, BADPTR, 4, 0));
	V(pwrite(fd, NULL, 4, 0));
	int r = open("file", O_RDONLY);
	V(pwrite(r, "x", 1, 0));                   /* not open for writing */
	int p[2];
	pipe(p);
	V(pwrite(p[1], "x", 1, 0));                /* not seekable */
	close(fd);
	V(pwrite(fd, "x", 1, 0));
	V(pwrite(-1, "x", 1, 0));

	/* O_APPEND: Linux appends whatever the offset */
	fd = open("file", O_WRONLY | O_APPEND);
	V(pwrite(fd, "Z", 1, 0));
	fstat(fd, &st);
	V(st.st_size);
	return 0;
}
