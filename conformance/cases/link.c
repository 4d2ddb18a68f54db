// covers: link ok EEXIST ENOENT EPERM ENOTDIR EFAULT ELOOP
// setup: echo data > file && mkdir dir && ln -s file sym && ln -s nowhere dangling && ln -s loop loop
#include "ct.h"

static long nlink(const char *p)
{
	struct stat st;
	if (lstat(p, &st)) return -1;
	return (long)st.st_nlink;
}

int main(void)
{
	T(link("file", "hard"));
	V(nlink("file"));
	struct stat a, b;
	stat("file", &a);
	stat("hard", &b);
	EXPECT(a.st_ino == b.st_ino);
	T(link("hard", "dir/third"));
	V(nlink("file"));
	T(unlink("file"));
	V(nlink("hard"));

	T(link("sym", "sym2"));                 /* Linux links the symlink itself */
	T(lstat("sym2", &a));
	EXPECT(S_ISLNK(a.st_mode));
	T(link("dangling", "dangling2"));

	T(link("hard", "dir/third"));
	T(link("hard", "sym"));                 /* an existing symlink counts */
	T(link("missing", "x"));
	T(link("", "x"));
	T(link("hard", "nodir/x"));
	T(link("dir", "dir2"));                 /* no hard links to directories */
	T(link("hard/x", "y"));
	T(link("hard", "hard/y"));
	T(link("loop/x", "y"));
	T(link(BADPTR, "y"));
	T(link("hard", BADPTR));
	T(link("hard", NULL));
	return 0;
}
