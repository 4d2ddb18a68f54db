// covers: lstat ok ENOENT ENOTDIR ELOOP EFAULT
// setup: printf 12345 > file && mkdir dir && ln -s file link && ln -s loop loop && ln -s nowhere/at/all dangling && ln -s dir dirlink
#include "ct.h"

static void show(const char *name)
{
	struct stat st;
	errno = 0;
	if (lstat(name, &st) != 0) {
		SAY("lstat(%s): %s", name, ct_errname(errno));
		return;
	}
	SAY("lstat(%s): %s size %ld", name,
	    S_ISREG(st.st_mode) ? "reg" : S_ISDIR(st.st_mode) ? "dir" : S_ISLNK(st.st_mode) ? "lnk" : "other",
	    S_ISDIR(st.st_mode) ? 0L : (long)st.st_size);
}

int main(void)
{
	show("file");
	show("link");          /* the link itself: size is the target's length */
	show("dangling");
	show("loop");          /* the last component is not followed */
	show("dir");
	show("dirlink");
	show("dirlink/");      /* a trailing slash follows it */
	show("dirlink/.");
	show("loop/x");        /* intermediate components are followed */
	show("missing");
	show("file/x");
	show("link/x");

	struct stat a, b;
	lstat("link", &a);
	stat("link", &b);
	EXPECT(a.st_ino != b.st_ino);
	EXPECT((a.st_mode & 0777) == 0777);

	T(syscall(SYS_lstat, "link", BADPTR));
	T(syscall(SYS_lstat, BADPTR, &a));
	T(syscall(SYS_lstat, "link", &a));
	return 0;
}
