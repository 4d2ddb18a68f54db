// covers: fstat ok EBADF EFAULT
// setup: printf 1234567 > file && mkdir dir
#include "ct.h"
#include <sys/eventfd.h>

static const char *type(mode_t m)
{
	return S_ISREG(m) ? "reg" : S_ISDIR(m) ? "dir" : S_ISFIFO(m) ? "fifo" :
	       S_ISCHR(m) ? "chr" : S_ISLNK(m) ? "lnk" : S_ISSOCK(m) ? "sock" : "other";
}

/* the raw call: musl's fstat() checks fd < 0 itself and copies via a bounce buffer */
static long raw_fstat(int fd, struct stat *st)
{
	return syscall(SYS_fstat, fd, st);
}

int main(void)
{
	struct stat st, st2;
	int fd = open("file", O_RDWR);
	T(fstat(fd, &st));
	SAY("file: %s size %ld", type(st.st_mode), (long)st.st_size);
	stat("file", &st2);
	EXPECT(st.st_ino == st2.st_ino && st.st_dev == st2.st_dev && st.st_mode == st2.st_mode);
	write(fd, "more", 4);
	lseek(fd, 0, SEEK_END);
	write(fd, "!", 1);
	T(raw_fstat(fd, &st));
	V(st.st_size);

	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(fstat(d, &st));
	SAY("dir: %s", type(st.st_mode));
	int p[2];
	pipe(p);
	T(fstat(p[0], &st));
	SAY("pipe: %s", type(st.st_mode));
	int e = eventfd(0, 0);
	T(fstat(e, &st));
	SAY("eventfd: %s", type(st.st_mode));
	int n = open("/dev/null", O_RDONLY);
	T(fstat(n, &st));
	SAY("/dev/null: %s", type(st.st_mode));
	int o = open("file", O_PATH);
	T(raw_fstat(o, &st));                    /* O_PATH descriptors can be fstat'ed */
	SAY("O_PATH: %s size %ld", type(st.st_mode), (long)st.st_size);

	unlink("file");
	T(raw_fstat(fd, &st));                   /* still open after unlink */
	V(st.st_nlink);

	T(raw_fstat(fd, BADPTR));
	T(raw_fstat(fd, NULL));
	T(raw_fstat(-1, &st));
	T(raw_fstat(-1, BADPTR));                /* the descriptor is checked first */
	close(fd);
	T(raw_fstat(fd, &st));
	T(raw_fstat(4000, &st));
	return 0;
}
