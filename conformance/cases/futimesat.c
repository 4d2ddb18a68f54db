// covers: futimesat ok EINVAL ENOENT EBADF ENOTDIR EFAULT
// setup: mkdir dir && touch dir/f plain
#include "ct.h"
#include <sys/time.h>

/* the raw call: musl's futimesat() goes through utimensat */
static long fut(int dirfd, const char *p, const struct timeval *tv)
{
	return syscall(SYS_futimesat, dirfd, p, tv);
}

static void mtime_of(const char *p)
{
	struct stat st;
	if (stat(p, &st)) return;
	SAY("  %s: atime %lld.%09ld mtime %lld.%09ld", p, (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
	    (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

int main(void)
{
	int d = open("dir", O_RDONLY | O_DIRECTORY), f = open("plain", O_RDONLY);
	struct timeval tv[2] = {{1500000000, 1}, {1500000001, 500000}};
	T(fut(d, "f", tv));
	mtime_of("dir/f");
	T(fut(AT_FDCWD, "plain", tv));
	mtime_of("plain");
	char abs[4096];
	getcwd(abs, sizeof abs - 8);
	strcat(abs, "/dir/f");
	struct timeval tv2[2] = {{7, 7}, {8, 8}};
	T(fut(-1, abs, tv2));                    /* absolute: dirfd ignored */
	mtime_of("dir/f");
	T(fut(d, "f", NULL));                    /* now */
	struct stat st;
	stat("dir/f", &st);
	EXPECT(st.st_mtim.tv_sec > 1600000000);
	T(futimesat(d, "f", tv));                /* libc agrees */
	mtime_of("dir/f");

	struct timeval bad[2] = {{0, 0}, {0, 1000000}};
	T(fut(d, "f", bad));
	T(fut(d, "missing", tv));
	T(fut(-1, "f", tv));
	T(fut(999, "f", tv));
	T(fut(f, "f", tv));                      /* a file as dirfd */
	T(fut(d, "f", BADPTR));
	T(fut(d, BADPTR, tv));
	mtime_of("dir/f");                       /* unchanged */
	return 0;
}
