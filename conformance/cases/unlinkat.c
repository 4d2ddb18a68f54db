// covers: unlinkat ok EISDIR ENOTDIR ENOENT ENOTEMPTY EINVAL EBADF EFAULT
// setup: mkdir -p base/sub base/full && touch base/f base/full/x file
#include "ct.h"

int main(void)
{
	int b = open("base", O_RDONLY | O_DIRECTORY), f = open("file", O_RDONLY);
	T(unlinkat(b, "f", 0));
	T(faccessat(b, "f", F_OK, 0));
	T(unlinkat(b, "sub", 0));                   /* a directory needs AT_REMOVEDIR */
	T(unlinkat(b, "sub", AT_REMOVEDIR));
	T(faccessat(b, "sub", F_OK, 0));
	T(unlinkat(b, "full", AT_REMOVEDIR));
	T(unlinkat(AT_FDCWD, "base/full/x", 0));
	T(unlinkat(b, "full", AT_REMOVEDIR));
	int g = openat(b, "g", O_CREAT | O_WRONLY, 0644);
	close(g);
	T(unlinkat(b, "g", AT_REMOVEDIR));          /* AT_REMOVEDIR on a file */
	T(unlinkat(b, "missing", 0));
	T(unlinkat(b, "missing", AT_REMOVEDIR));
	T(unlinkat(b, ".", AT_REMOVEDIR));
	T(unlinkat(b, "g", AT_SYMLINK_NOFOLLOW));   /* not a flag of unlinkat */
	T(unlinkat(b, "g", 0x1));
	T(unlinkat(f, "g", 0));                     /* a file as dirfd */
	T(unlinkat(-1, "file", 0));
	T(unlinkat(777, "file", 0));
	T(unlinkat(b, BADPTR, 0));
	char abs[4096];
	getcwd(abs, sizeof abs - 8);
	strcat(abs, "/file");
	T(unlinkat(-1, abs, 0));                    /* absolute: dirfd ignored */
	T(access("file", F_OK));
	return 0;
}
