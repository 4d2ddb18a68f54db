// covers: mkdir ok EEXIST ENOENT ENOTDIR ELOOP EFAULT ENAMETOOLONG
// setup: touch file && ln -s nowhere dangling && ln -s loop loop && mkdir existing
#include "ct.h"

static void show(const char *p)
{
	struct stat st;
	if (lstat(p, &st) == 0)
		SAY("  %s: %s perm %o nlink %ld", p, S_ISDIR(st.st_mode) ? "dir" : "other",
		    (unsigned)(st.st_mode & 07777), (long)st.st_nlink);
}

int main(void)
{
	umask(022);
	T(mkdir("d", 0777));
	show("d");
	T(mkdir("d/sub", 0700));
	show("d/sub");
	show("d");                              /* one more link from sub/.. */
	T(mkdir("d/sub/", 0755));               /* a trailing slash is fine */
	T(mkdir("e/", 0755));
	T(mkdir("s", 01777));                   /* sticky bit kept */
	show("s");
	umask(0);
	T(mkdir("open", 0777));
	show("open");

	T(mkdir("existing", 0755));
	T(mkdir("file", 0755));
	T(mkdir("dangling", 0755));             /* a symlink is not followed */
	T(mkdir(".", 0755));
	T(mkdir("..", 0755));
	T(mkdir("a/b", 0755));
	T(mkdir("", 0755));
	T(mkdir("file/x", 0755));
	T(mkdir("loop/x", 0755));
	T(mkdir(BADPTR, 0755));
	T(mkdir(NULL, 0755));
	char longname[300];
	memset(longname, 'm', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	T(mkdir(longname, 0755));
	return 0;
}
