// covers: pwritev ok EBADF ESPIPE EINVAL EFAULT
// setup: printf 'abcdefghij' > file && mkdir dir
#include "ct.h"
#include <sys/uio.h>

/* x86_64 ABI: the whole offset in pos_l, pos_h unused */
static long pwv(int fd, const struct iovec *iov, int cnt, long off)
{
	return syscall(SYS_pwritev, fd, iov, cnt, off, 0);
}

int main(void)
{
	struct iovec iov[2] = {{"XY", 2}, {"123", 3}};
	int fd = open("file", O_RDWR);
	V(pwv(fd, iov, 2, 3));
	ct_show_file("file");
	V(lseek(fd, 0, SEEK_CUR));                 /* the offset is not moved */
	V(pwv(fd, iov, 2, 8));                     /* extends the file */
	ct_show_file("file");
	V(pwv(fd, iov, 1, 16));                    /* past the end: a hole */
	ct_show_file("file");
	V(pwv(fd, iov, 0, 0));
	struct iovec empty[2] = {{"Z", 0}, {"W", 1}};
	V(pwv(fd, empty, 2, 0));                   /* an empty element is skipped */
	ct_show_file("file");
	int a = open("file", O_WRONLY | O_APPEND);
	V(pwv(a, iov, 1, 0));                      /* O_APPEND: at the end, whatever the offset */
	ct_show_file("file");

	V(pwv(fd, iov, 2, -1));                    /* negative offset */
	V(pwv(fd, iov, -1, 0));
	V(pwv(fd, iov, 1025, 0));                  /* more than IOV_MAX */
	V(pwv(fd, BADPTR, 1, 0));
	struct iovec bad[1] = {{BADPTR, 4}};
	V(pwv(fd, bad, 1, 0));
	int p[2];
	pipe(p);
	V(pwv(p[1], iov, 1, 0));                   /* not seekable */
	int r = open("file", O_RDONLY);
	V(pwv(r, iov, 1, 0));                      /* not open for writing */
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	V(pwv(d, iov, 1, 0));
	close(fd);
	V(pwv(fd, iov, 1, 0));
	V(pwv(-1, iov, 1, 0));
	ct_show_file("file");
	return 0;
}
