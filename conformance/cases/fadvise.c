// covers: fadvise ok EBADF ESPIPE EINVAL
// setup: printf 0123456789 > file
#include "ct.h"

/* posix_fadvise returns the error number instead of setting errno */
#define F(expr) do { int r_ = (expr); SAY("%s: %s", #expr, r_ ? ct_errname(r_) : "ok"); } while (0)

int main(void)
{
	int fd = open("file", O_RDONLY);
	F(posix_fadvise(fd, 0, 0, POSIX_FADV_NORMAL));
	F(posix_fadvise(fd, 0, 10, POSIX_FADV_SEQUENTIAL));
	F(posix_fadvise(fd, 2, 4, POSIX_FADV_RANDOM));
	F(posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED));
	F(posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED));
	F(posix_fadvise(fd, 0, 0, POSIX_FADV_NOREUSE));
	F(posix_fadvise(fd, 1L << 40, 1L << 41, POSIX_FADV_NORMAL));   /* 64-bit range */
	char c;
	V(read(fd, &c, 1));                               /* still readable */

	F(posix_fadvise(fd, 0, -1, POSIX_FADV_NORMAL));   /* negative length */
	F(posix_fadvise(fd, 0, 0, 99));                   /* unknown advice */
	F(posix_fadvise(fd, 0, 0, -1));
	int p[2];
	pipe(p);
	F(posix_fadvise(p[0], 0, 0, POSIX_FADV_NORMAL));
	close(fd);
	F(posix_fadvise(fd, 0, 0, POSIX_FADV_NORMAL));
	F(posix_fadvise(-1, 0, 0, POSIX_FADV_NORMAL));
	return 0;
}
