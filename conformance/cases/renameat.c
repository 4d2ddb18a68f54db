// covers: renameat ok ENOENT EBADF ENOTDIR EISDIR ENOTEMPTY EINVAL EFAULT
// setup: mkdir src dst && echo one > src/one && echo two > dst/two && mkdir dst/full && touch dst/full/x && touch file
#include "ct.h"

static long ra(int od, const char *o, int nd, const char *n)
{
	return syscall(SYS_renameat, od, o, nd, n);
}

static void cat(int dirfd, const char *p)
{
	char buf[32] = {0};
	int fd = openat(dirfd, p, O_RDONLY);
	if (fd < 0) { SAY("  %s: %s", p, ct_errname(errno)); return; }
	read(fd, buf, sizeof buf - 1);
	close(fd);
	SAY("  %s: %s", p, strtok(buf, "\n"));
}

int main(void)
{
	int s = open("src", O_RDONLY | O_DIRECTORY), d = open("dst", O_RDONLY | O_DIRECTORY);
	int f = open("file", O_RDONLY);
	T(ra(s, "one", d, "uno"));                      /* between directories */
	cat(s, "one");
	cat(d, "uno");
	T(ra(d, "uno", d, "two"));                      /* replaces two */
	cat(d, "two");
	cat(d, "uno");
	T(ra(AT_FDCWD, "dst/two", s, "one"));           /* AT_FDCWD on one side */
	T(ra(s, "one", AT_FDCWD, "back"));
	cat(AT_FDCWD, "back");
	T(ra(-1, "back", -1, "src/one"));               /* relative paths need a directory */
	T(ra(d, "back", s, "one"));                     /* relative to d: not there */
	T(ra(-1, "/nonexistent/x", s, "one"));          /* an absolute path ignores the dirfd */
	T(ra(AT_FDCWD, "back", s, "one"));
	cat(s, "one");
	mkdir("src/empty", 0755);
	T(ra(s, "empty", d, "empty2"));                 /* a directory */

	T(ra(s, "missing", d, "x"));
	T(ra(s, "one", d, "nodir/x"));
	T(ra(s, "one", d, "full"));                     /* file over a directory */
	T(ra(d, "empty2", s, "one"));                   /* directory over a file */
	T(ra(d, "empty2", d, "full"));                  /* over a non-empty directory */
	T(ra(d, "full", d, "full/sub"));                /* into itself */
	T(ra(s, "one/x", d, "x"));
	T(ra(-1, "one", d, "x"));
	T(ra(s, "one", -1, "x"));
	T(ra(f, "one", d, "x"));                        /* a file as dirfd */
	T(ra(s, "one", f, "x"));
	T(ra(s, BADPTR, d, "x"));
	T(ra(s, "one", d, BADPTR));
	cat(s, "one");                                  /* untouched */
	return 0;
}
