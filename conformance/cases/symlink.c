// covers: symlink ok EEXIST ENOENT ENOTDIR EFAULT ENAMETOOLONG
// setup: echo data > file && mkdir dir
#include "ct.h"

static void show(const char *p)
{
	char buf[256];
	ssize_t n = readlink(p, buf, sizeof buf);
	if (n < 0) { SAY("  %s: %s", p, ct_errname(errno)); return; }
	SAY("  %s -> %.*s", p, (int)n, buf);
}

int main(void)
{
	T(symlink("file", "s1"));
	show("s1");
	char c;
	int fd = open("s1", O_RDONLY);
	V(read(fd, &c, 1));
	T(symlink("nowhere/at/all", "dangling"));   /* the target need not exist */
	show("dangling");
	T(symlink("../file", "dir/up"));            /* relative to the link's directory */
	T(access("dir/up", F_OK));
	T(symlink("/", "root"));
	show("root");
	T(symlink("self", "self"));
	T(access("self", F_OK));
	T(symlink("dir", "dlink"));
	T(symlink("x", "dlink/inside"));           /* through a symlink to a directory */
	show("dir/inside");
	struct stat st;
	lstat("s1", &st);
	V(st.st_size);

	T(symlink("file", "s1"));
	T(symlink("file", "file"));
	T(symlink("file", "dir"));
	T(symlink("", "empty"));                    /* an empty target */
	T(symlink("file", "nodir/x"));
	T(symlink("file", "file/x"));
	T(symlink("file", ""));
	T(symlink(BADPTR, "x"));
	T(symlink("file", BADPTR));
	T(symlink(NULL, "x"));
	char longt[5000];
	memset(longt, 't', sizeof longt - 1);
	longt[sizeof longt - 1] = 0;
	T(symlink(longt, "long"));                  /* a target longer than a page */
	return 0;
}
