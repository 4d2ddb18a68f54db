// covers: utimes ok EINVAL ENOENT ENOTDIR EFAULT ELOOP
// setup: touch file && ln -s file link && ln -s loop loop && mkdir dir
#include "ct.h"
#include <sys/time.h>

/* the raw call: musl's utimes() goes through utimensat */
static long ut(const char *p, const struct timeval *tv)
{
	return syscall(SYS_utimes, p, tv);
}

static void times_of(const char *p)
{
	struct stat st;
	if (stat(p, &st)) return;
	SAY("  %s: atime %lld.%09ld mtime %lld.%09ld", p, (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
	    (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

int main(void)
{
	struct timeval tv[2] = {{1111111111, 222222}, {1300000000, 999999}};
	T(ut("file", tv));
	times_of("file");
	struct timeval tv2[2] = {{5, 0}, {6, 1}};
	T(ut("link", tv2));                      /* follows the link */
	times_of("file");
	T(ut("dir", tv));
	times_of("dir");
	T(ut("file", NULL));                     /* now */
	struct stat st;
	stat("file", &st);
	EXPECT(st.st_mtim.tv_sec > 1600000000 && st.st_atim.tv_sec == st.st_mtim.tv_sec);
	T(utimes("file", tv));                   /* libc agrees */
	times_of("file");

	struct timeval bad[2] = {{0, 1000000}, {0, 0}};
	T(ut("file", bad));
	struct timeval negu[2] = {{0, 0}, {0, -1}};
	T(ut("file", negu));
	T(ut("missing", tv));
	T(ut("", tv));
	T(ut("file/x", tv));
	T(ut("loop", tv));
	T(ut("file", BADPTR));
	T(ut(BADPTR, tv));
	times_of("file");                        /* unchanged */
	return 0;
}
