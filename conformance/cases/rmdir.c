// covers: rmdir ok ENOTEMPTY ENOTDIR ENOENT EINVAL EBUSY EFAULT ELOOP
// setup: mkdir -p empty full/sub dir2 && touch file && ln -s dir2 dlink && ln -s loop loop
#include "ct.h"

int main(void)
{
	T(rmdir("empty"));
	T(access("empty", F_OK));
	T(rmdir("empty"));
	T(rmdir("full"));
	T(rmdir("full/sub/"));                  /* a trailing slash is fine */
	T(rmdir("full"));
	T(rmdir("file"));
	T(rmdir("file/x"));
	T(rmdir("dlink"));                      /* a symlink is not followed */
	T(rmdir("dlink/"));
	T(rmdir("loop/x"));
	T(rmdir("dir2/."));
	T(rmdir("."));
	T(rmdir("dir2/.."));
	T(rmdir("/"));
	T(rmdir(""));
	T(rmdir(BADPTR));
	T(rmdir(NULL));
	T(access("dir2", F_OK));

	/* an open directory can be removed */
	int fd = open("dir2", O_RDONLY | O_DIRECTORY);
	T(rmdir("dir2"));
	struct stat st;
	T(fstat(fd, &st));
	V(st.st_nlink);
	return 0;
}
