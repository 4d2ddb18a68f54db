// covers: faccessat ok EBADF ENOTDIR ENOENT EACCES EINVAL EFAULT
// setup: mkdir dir && touch dir/f && chmod 644 dir/f && touch top && ln -s f dir/rel
#include "ct.h"

/* the kernel's faccessat has no flags argument (libc may pick faccessat2 for flags) */
static long fa(int dirfd, const char *path, int mode)
{
	return syscall(SYS_faccessat, dirfd, path, mode);
}

int main(void)
{
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	int f = open("top", O_RDONLY);
	T(fa(d, "f", F_OK));
	T(fa(d, "f", R_OK | W_OK));
	T(fa(d, "f", X_OK));
	T(fa(d, "rel", R_OK));              /* symlinks are followed */
	T(fa(d, ".", X_OK));
	T(fa(d, "..", F_OK));
	T(fa(AT_FDCWD, "dir/f", F_OK));
	T(fa(AT_FDCWD, "f", F_OK));         /* not in the working directory */
	T(fa(-1, "/", F_OK));               /* absolute: dirfd ignored */
	T(fa(f, "/", F_OK));
	T(faccessat(d, "f", R_OK, 0));      /* libc, no flags */

	T(fa(d, "missing", F_OK));
	T(fa(d, "", F_OK));
	T(fa(f, "x", F_OK));                /* dirfd is a file */
	T(fa(d, "f/x", F_OK));
	T(fa(-1, "top", F_OK));
	T(fa(500, "top", F_OK));
	T(fa(d, "f", 0x10));
	T(fa(d, BADPTR, F_OK));
	close(d);
	T(fa(d, "f", F_OK));
	return 0;
}
