// covers: renameat2 ok EEXIST ENOENT EINVAL EBADF ENOTDIR EFAULT ENOTEMPTY
// setup: mkdir src dst && echo one > src/one && echo two > dst/two && mkdir dst/full && touch dst/full/x && touch file
#include "ct.h"

#define CT_RENAME_NOREPLACE 1
#define CT_RENAME_EXCHANGE 2

static long ra2(int od, const char *o, int nd, const char *n, unsigned flags)
{
	return syscall(SYS_renameat2, od, o, nd, n, flags);
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
	T(ra2(s, "one", d, "uno", 0));                        /* between directories */
	cat(d, "uno");
	T(ra2(d, "uno", s, "one", CT_RENAME_NOREPLACE));
	T(ra2(s, "one", d, "two", CT_RENAME_NOREPLACE));      /* target exists */
	T(ra2(s, "one", d, "two", CT_RENAME_EXCHANGE));       /* swap the two */
	cat(s, "one");
	cat(d, "two");
	T(ra2(s, "one", d, "full", CT_RENAME_EXCHANGE));      /* a file and a directory swap too */
	struct stat st;
	fstatat(s, "one", &st, 0);
	EXPECT(S_ISDIR(st.st_mode));
	T(ra2(s, "one", d, "full", CT_RENAME_EXCHANGE));
	T(ra2(AT_FDCWD, "src/one", AT_FDCWD, "src/eins", 0));
	cat(s, "eins");

	T(ra2(s, "eins", d, "nothing", CT_RENAME_EXCHANGE));  /* both must exist */
	T(ra2(s, "missing", d, "x", 0));
	T(ra2(s, "eins", d, "x", CT_RENAME_NOREPLACE | CT_RENAME_EXCHANGE));
	T(ra2(s, "eins", d, "x", 0x80));                      /* unknown flag */
	mkdir("src/emptydir", 0755);
	T(ra2(s, "emptydir", d, "full", 0));
	T(ra2(-1, "eins", d, "x", 0));
	T(ra2(s, "eins", -1, "x", 0));
	T(ra2(f, "eins", d, "x", 0));                         /* a file as dirfd */
	T(ra2(s, "eins", f, "x", 0));
	T(ra2(s, BADPTR, d, "x", 0));
	T(ra2(s, "eins", d, BADPTR, 0));
	cat(s, "eins");                                       /* untouched */

	return 0;
}
