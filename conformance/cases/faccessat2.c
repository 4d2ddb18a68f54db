// covers: faccessat2 ok EBADF ENOTDIR ENOENT EACCES EINVAL EFAULT ELOOP
// setup: mkdir dir && touch dir/f && chmod 644 dir/f && ln -s nowhere dir/dangling && ln -s loop dir/loop
#include "ct.h"

static long fa2(int dirfd, const char *path, int mode, int flags)
{
	return syscall(SYS_faccessat2, dirfd, path, mode, flags);
}

int main(void)
{
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	int f = open("dir/f", O_RDONLY);
	T(fa2(d, "f", R_OK | W_OK, 0));
	T(fa2(d, "f", R_OK, AT_EACCESS));
	T(fa2(d, "f", X_OK, AT_EACCESS));
	T(fa2(d, "dangling", F_OK, 0));
	T(fa2(d, "dangling", F_OK, AT_SYMLINK_NOFOLLOW));   /* the link itself */
	T(fa2(d, "loop", F_OK, 0));
	T(fa2(d, "loop", F_OK, AT_SYMLINK_NOFOLLOW));
	T(fa2(f, "", R_OK, AT_EMPTY_PATH));                 /* the descriptor itself */
	T(fa2(f, "", X_OK, AT_EMPTY_PATH));
	T(fa2(d, "", W_OK, AT_EMPTY_PATH));
	T(fa2(AT_FDCWD, "dir/f", F_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW));
	T(faccessat(d, "f", R_OK, AT_EACCESS));             /* libc with flags */

	T(fa2(d, "missing", F_OK, 0));
	T(fa2(f, "", F_OK, 0));                             /* empty without AT_EMPTY_PATH */
	T(fa2(f, "x", F_OK, 0));
	T(fa2(-1, "f", F_OK, 0));
	T(fa2(-1, "", F_OK, AT_EMPTY_PATH));
	T(fa2(d, "f", F_OK, 0x1));                          /* unknown flag */
	T(fa2(d, "f", F_OK, 0x8000));
	T(fa2(d, "f", 0x10, 0));                            /* unknown mode */
	T(fa2(d, BADPTR, F_OK, 0));
	return 0;
}
