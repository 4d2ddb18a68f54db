// covers: fallocate ok EBADF EINVAL ESPIPE ENODEV EFBIG EOPNOTSUPP
// setup: printf 'abcdef' > file && mkdir dir
#include "ct.h"
#include <limits.h>

/* mode bits from linux/falloc.h */
#define KEEP_SIZE 0x01
#define PUNCH_HOLE 0x02

static long fa(int fd, int mode, long off, long len)
{
	return syscall(SYS_fallocate, fd, mode, off, len);
}

static void size(int fd)
{
	struct stat st;
	fstat(fd, &st);
	SAY("  size %ld", (long)st.st_size);
}

int main(void)
{
	int fd = open("file", O_RDWR);
	/* the scratch directory is on a filesystem with mode 0 (ext4, tmpfs, xfs, btrfs) */
	T(fa(fd, 0, 0, 4));                        /* inside: nothing changes */
	size(fd);
	T(fa(fd, 0, 4, 8192));                     /* grows the file */
	size(fd);
	char buf[8] = {1};
	V(pread(fd, buf, 4, 6));
	EXPECT(buf[0] == 0 && buf[3] == 0);        /* with zeros */
	V(pread(fd, buf, 6, 0));
	SAY("  \"%.6s\"", buf);
	T(fa(fd, KEEP_SIZE, 8192, 8192));          /* space past the end, size kept */
	size(fd);
	V(lseek(fd, 0, SEEK_CUR));                 /* the offset is not moved */
	int w = open("file", O_WRONLY);
	T(fa(w, 0, 0, 16384));
	size(fd);

	T(fa(fd, 0, 0, 0));                        /* len must be > 0 */
	T(fa(fd, 0, 0, -1));
	T(fa(fd, 0, -1, 4));                       /* offset must be >= 0 */
	T(fa(fd, 0, LONG_MAX - 10, 100));          /* offset + len overflows */
	T(fa(fd, PUNCH_HOLE, 0, 4));               /* PUNCH_HOLE needs KEEP_SIZE */
	T(fa(fd, 0x100, 0, 4));                    /* unknown mode */
	int r = open("file", O_RDONLY);
	T(fa(r, 0, 0, 4));                         /* not open for writing */
	int p[2];
	pipe(p);
	T(fa(p[1], 0, 0, 4));
	int n = open("/dev/null", O_WRONLY);
	T(fa(n, 0, 0, 4));                         /* not a regular file */
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(fa(d, 0, 0, 4));
	close(fd);
	T(fa(fd, 0, 0, 4));
	T(fa(-1, 0, 0, 4));
	size(w);
	return 0;
}
