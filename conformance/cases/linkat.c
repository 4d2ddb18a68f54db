// covers: linkat ok EEXIST ENOENT EINVAL EBADF ENOTDIR EFAULT
// setup: mkdir a b && echo data > a/file && ln -s file a/sym && touch plain
#include "ct.h"

int main(void)
{
	int da = open("a", O_RDONLY | O_DIRECTORY), db = open("b", O_RDONLY | O_DIRECTORY);
	int f = open("plain", O_RDONLY);
	struct stat st;
	T(linkat(da, "file", db, "file2", 0));
	T(fstatat(db, "file2", &st, 0));
	V(st.st_nlink);
	T(linkat(da, "sym", db, "nofollow", 0));               /* the symlink itself */
	T(fstatat(db, "nofollow", &st, AT_SYMLINK_NOFOLLOW));
	EXPECT(S_ISLNK(st.st_mode));
	T(linkat(da, "sym", db, "follow", AT_SYMLINK_FOLLOW));  /* its target */
	T(fstatat(db, "follow", &st, AT_SYMLINK_NOFOLLOW));
	EXPECT(S_ISREG(st.st_mode));
	V(st.st_nlink);
	T(linkat(AT_FDCWD, "a/file", AT_FDCWD, "top", 0));

	T(linkat(da, "file", db, "file2", 0));
	T(linkat(da, "missing", db, "x", 0));
	T(linkat(da, "file", db, "x", 0x1));                   /* unknown flag */
	T(linkat(da, "file", db, "x", AT_SYMLINK_NOFOLLOW));
	T(linkat(-1, "file", db, "x", 0));
	T(linkat(da, "file", -1, "x", 0));
	T(linkat(f, "file", db, "x", 0));                      /* a file as dirfd */
	T(linkat(da, "file", f, "x", 0));
	T(linkat(da, BADPTR, db, "x", 0));
	T(linkat(da, "file", db, BADPTR, 0));
	T(linkat(da, "", db, "x", 0));                         /* empty without AT_EMPTY_PATH */
	return 0;
}
