// covers: stat ok ENOENT ENOTDIR ELOOP EFAULT ENAMETOOLONG
// setup: printf 12345 > file && mkdir dir && ln -s file link && ln -s loop loop && ln -s nowhere dangling && chmod 640 file
#include "ct.h"
#include <sys/sysmacros.h>

static void show(const char *name)
{
	struct stat st;
	errno = 0;
	if (stat(name, &st) != 0) {
		SAY("stat(%s): %s", name, ct_errname(errno));
		return;
	}
	SAY("stat(%s): type %s perm %o size %ld nlink %ld uid-is-me %d gid-is-me %d blksize>0 %d",
	    name, S_ISREG(st.st_mode) ? "reg" : S_ISDIR(st.st_mode) ? "dir" : S_ISLNK(st.st_mode) ? "lnk" : "other",
	    (unsigned)(st.st_mode & 07777), S_ISDIR(st.st_mode) ? 0L : (long)st.st_size, (long)st.st_nlink,
	    st.st_uid == getuid(), st.st_gid == getgid(), st.st_blksize > 0);
}

int main(void)
{
	show("file");
	show("link");             /* followed */
	show("dir");
	show("dir/.");
	show("dir/..");
	show("dangling");
	show("missing");
	show("");
	show("file/x");
	show("loop");
	show("/dev/null");

	struct stat a, b;
	stat("file", &a);
	stat("link", &b);
	EXPECT(a.st_ino == b.st_ino && a.st_dev == b.st_dev);
	EXPECT(a.st_mtim.tv_nsec >= 0 && a.st_mtim.tv_nsec < 1000000000);
	struct stat n;
	stat("/dev/null", &n);
	EXPECT(S_ISCHR(n.st_mode));
	EXPECT(major(n.st_rdev) == 1 && minor(n.st_rdev) == 3);

	/* musl's stat() copies from a bounce buffer: a bad buffer is tested raw */
	T(syscall(SYS_stat, "file", BADPTR));
	T(syscall(SYS_stat, BADPTR, &a));
	T(syscall(SYS_stat, "missing", BADPTR));  /* the lookup fails first */
	char longname[300];
	memset(longname, 'n', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	T(stat(longname, &a));
	T(stat("file", &a));
	return 0;
}
