// covers: utimensat ok EINVAL ENOENT EBADF ENOTDIR EFAULT ELOOP
// setup: mkdir dir && touch dir/f plain && ln -s f dir/link && ln -s loop dir/loop
#include "ct.h"

static void times_of(const char *p, int follow)
{
	struct stat st;
	if ((follow ? stat : lstat)(p, &st)) return;
	SAY("  %s: atime %lld.%09ld mtime %lld.%09ld", p, (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
	    (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

static long raw(int dirfd, const char *p, const struct timespec *ts, int flags)
{
	return syscall(SYS_utimensat, dirfd, p, ts, flags);
}

int main(void)
{
	int d = open("dir", O_RDONLY | O_DIRECTORY), f = open("plain", O_RDONLY);
	struct timespec ts[2] = {{1000000000, 123456789}, {1234567890, 5}};
	T(utimensat(d, "f", ts, 0));
	times_of("dir/f", 1);
	struct timespec omit[2] = {{0, UTIME_OMIT}, {2000000000, 0}};
	T(utimensat(d, "f", omit, 0));          /* atime kept */
	times_of("dir/f", 1);
	struct timespec neg[2] = {{-1, 0}, {0, 0}};
	T(utimensat(d, "f", neg, 0));           /* before the epoch */
	times_of("dir/f", 1);
	T(utimensat(d, "link", ts, AT_SYMLINK_NOFOLLOW));   /* the link itself */
	times_of("dir/link", 0);
	times_of("dir/f", 1);
	T(utimensat(d, "link", omit, 0));       /* follows by default */
	times_of("dir/f", 1);
	T(raw(f, NULL, ts, 0));                 /* NULL path: the descriptor (glibc refuses it itself) */
	times_of("plain", 1);
	T(futimens(f, omit));
	times_of("plain", 1);
	T(utimensat(f, "", ts, AT_EMPTY_PATH));
	times_of("plain", 1);
	T(utimensat(AT_FDCWD, "plain", NULL, 0));    /* now */
	struct stat st;
	stat("plain", &st);
	EXPECT(st.st_mtim.tv_sec > 1600000000 && st.st_atim.tv_sec == st.st_mtim.tv_sec);
	struct timespec now[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
	T(utimensat(d, "f", now, 0));
	stat("dir/f", &st);
	EXPECT(st.st_atim.tv_sec > 1600000000 && st.st_mtim.tv_sec == 2000000000);

	struct timespec badns[2] = {{0, 1000000000}, {0, 0}};
	T(raw(d, "f", badns, 0));
	struct timespec negns[2] = {{0, 0}, {0, -1}};
	T(raw(d, "f", negns, 0));
	T(raw(d, "f", ts, 0x1));                /* unknown flag */
	T(raw(f, NULL, ts, AT_SYMLINK_NOFOLLOW)); /* flags with a NULL path */
	T(raw(d, "missing", ts, 0));
	T(raw(d, "loop", ts, 0));
	T(raw(f, "x", ts, 0));                  /* a file as dirfd */
	T(raw(d, "f/x", ts, 0));
	T(raw(-1, "f", ts, 0));
	T(raw(-1, NULL, ts, 0));
	T(raw(d, "f", BADPTR, 0));
	T(raw(d, BADPTR, ts, 0));
	stat("dir/f", &st);
	EXPECT(st.st_mtim.tv_sec == 2000000000);     /* no change from the failures */
	return 0;
}
