// covers: getcwd ok ERANGE EFAULT ENOENT
// setup: mkdir -p sub/deeper && mkdir gone
#include "ct.h"

/* the raw call returns the length including the NUL; libc wrappers add their own checks */
static long gc(char *buf, size_t size)
{
	return syscall(SYS_getcwd, buf, size);
}

int main(void)
{
	char buf[4096], buf2[4096];
	int top = open(".", O_RDONLY | O_DIRECTORY);
	P(getcwd(buf, sizeof buf));
	SAY("cwd: %s", buf);
	long n;
	T(n = gc(buf2, sizeof buf2));
	EXPECT(n == (long)strlen(buf) + 1 && strcmp(buf, buf2) == 0);
	chdir("sub/deeper");
	P(getcwd(buf, sizeof buf));
	SAY("cwd: %s", buf);
	size_t len = strlen(buf);
	T(gc(buf2, len + 1));                 /* exactly fits */
	T(gc(buf2, len));                     /* one short */
	T(gc(buf2, 1));
	T(gc(buf2, 0));
	T(gc(BADPTR, sizeof buf2));
	T(gc(NULL, sizeof buf2));
	P(getcwd(buf, len));                  /* libc reports it as well */
	chdir("/");
	P(getcwd(buf, sizeof buf));
	SAY("cwd: %s", buf);
	V(gc(buf, sizeof buf));

	/* the working directory was removed */
	fchdir(top);
	chdir("gone");
	T(rmdir("../gone"));
	T(gc(buf, sizeof buf));
	P(getcwd(buf, sizeof buf));
	return 0;
}
