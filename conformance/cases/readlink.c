// covers: readlink ok EINVAL ENOENT ENOTDIR EFAULT ELOOP
// setup: touch file && mkdir dir && ln -s file short && ln -s a/rather/long/target/name long && ln -s loop loop && ln -s dir dlink
#include "ct.h"

/* the raw call: musl's readlink() replaces a zero size with a 1-byte buffer */
static long rl(const char *p, char *buf, size_t n)
{
	return syscall(SYS_readlink, p, buf, n);
}

int main(void)
{
	char buf[64];
	long n;
	memset(buf, '#', sizeof buf);
	V(n = readlink("short", buf, sizeof buf));
	SAY("  \"%.*s\" then '%c' (no NUL is added)", (int)n, buf, buf[n]);
	V(n = readlink("long", buf, 6));                /* truncated silently */
	SAY("  \"%.*s\"", (int)n, buf);
	V(readlink("long", buf, sizeof buf));
	V(readlink("dlink/", buf, sizeof buf));        /* the trailing slash resolves it */
	V(readlink("loop", buf, sizeof buf));          /* the last component is not followed */
	V(rl("short", buf, 1));

	V(rl("short", buf, 0));
	V(rl("short", buf, (size_t)-1));               /* size is an int: negative */
	V(readlink("file", buf, sizeof buf));          /* not a symlink */
	V(readlink("dir", buf, sizeof buf));
	V(readlink("missing", buf, sizeof buf));
	V(readlink("", buf, sizeof buf));
	V(readlink("file/x", buf, sizeof buf));
	V(readlink("loop/x", buf, sizeof buf));
	V(rl("short", BADPTR, sizeof buf));
	V(rl("short", NULL, sizeof buf));
	V(rl(BADPTR, buf, sizeof buf));
	V(rl("file", BADPTR, sizeof buf));             /* not a symlink comes first */
	return 0;
}
