// covers: readlinkat ok EINVAL ENOENT EBADF ENOTDIR EFAULT
// setup: mkdir dir && ln -s target dir/link && ln -s dir/link top && touch plain
#include "ct.h"

static long rla(int dirfd, const char *p, char *buf, size_t n)
{
	return syscall(SYS_readlinkat, dirfd, p, buf, n);
}

int main(void)
{
	char buf[64];
	long n;
	int d = open("dir", O_RDONLY | O_DIRECTORY), f = open("plain", O_RDONLY);
	V(n = readlinkat(d, "link", buf, sizeof buf));
	SAY("  %.*s", (int)n, buf);
	V(n = readlinkat(AT_FDCWD, "top", buf, sizeof buf));
	SAY("  %.*s", (int)n, buf);
	/* an O_PATH descriptor of the link itself, with an empty path */
	int lp = openat(d, "link", O_PATH | O_NOFOLLOW);
	V(n = rla(lp, "", buf, sizeof buf));
	SAY("  %.*s", (int)n, buf);
	V(rla(lp, "", buf, 3));

	V(rla(d, "link", buf, 0));
	V(rla(d, ".", buf, sizeof buf));                /* not a symlink */
	V(rla(f, "", buf, sizeof buf));                 /* an empty path on a regular file */
	V(rla(d, "missing", buf, sizeof buf));
	V(rla(d, "", buf, sizeof buf));                 /* the directory itself */
	V(rla(-1, "link", buf, sizeof buf));
	V(rla(333, "link", buf, sizeof buf));
	V(rla(f, "link", buf, sizeof buf));             /* a file as dirfd */
	V(rla(d, "link", BADPTR, sizeof buf));
	V(rla(d, BADPTR, buf, sizeof buf));
	return 0;
}
