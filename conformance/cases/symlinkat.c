// covers: symlinkat ok EEXIST EBADF ENOTDIR ENOENT EFAULT
// setup: mkdir dir && echo data > dir/target && touch plain
#include "ct.h"

int main(void)
{
	int d = open("dir", O_RDONLY | O_DIRECTORY), f = open("plain", O_RDONLY);
	char buf[64];
	T(symlinkat("target", d, "link"));
	ssize_t n = readlinkat(d, "link", buf, sizeof buf);
	SAY("  -> %.*s", (int)n, buf);
	T(faccessat(d, "link", R_OK, 0));           /* resolved relative to dir */
	T(access("dir/link", R_OK));
	T(symlinkat("dir/target", AT_FDCWD, "top"));
	T(access("top", R_OK));
	char abs[4096];
	getcwd(abs, sizeof abs - 8);
	strcat(abs, "/abs");
	T(symlinkat("x", -1, abs));                 /* absolute: dirfd ignored */

	T(symlinkat("target", d, "link"));
	T(symlinkat("target", d, "no/link"));
	T(symlinkat("target", -1, "x"));
	T(symlinkat("target", 999, "x"));
	T(symlinkat("target", f, "x"));             /* a file as dirfd */
	T(symlinkat(BADPTR, d, "x"));
	T(symlinkat("target", d, BADPTR));
	close(d);
	T(symlinkat("target", d, "x"));
	return 0;
}
