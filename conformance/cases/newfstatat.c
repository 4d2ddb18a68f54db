// covers: newfstatat ok EBADF ENOTDIR ENOENT EINVAL EFAULT ELOOP
// setup: printf 123 > file && mkdir dir && printf 1234567 > dir/inner && ln -s file link && ln -s loop loop
#include "ct.h"

static long fsat(int dirfd, const char *path, struct stat *st, int flags)
{
	return syscall(SYS_newfstatat, dirfd, path, st, flags);
}

static const char *type(mode_t m)
{
	return S_ISREG(m) ? "reg" : S_ISDIR(m) ? "dir" : S_ISLNK(m) ? "lnk" : "other";
}

int main(void)
{
	struct stat st;
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	int f = open("file", O_RDONLY);

	T(fsat(AT_FDCWD, "file", &st, 0));
	SAY("%s %ld", type(st.st_mode), (long)st.st_size);
	T(fsat(d, "inner", &st, 0));
	SAY("%s %ld", type(st.st_mode), (long)st.st_size);
	T(fsat(AT_FDCWD, "link", &st, 0));
	SAY("%s %ld", type(st.st_mode), (long)st.st_size);
	T(fsat(AT_FDCWD, "link", &st, AT_SYMLINK_NOFOLLOW));
	SAY("%s %ld", type(st.st_mode), (long)st.st_size);
	T(fsat(f, "", &st, AT_EMPTY_PATH));       /* the descriptor itself */
	SAY("%s %ld", type(st.st_mode), (long)st.st_size);
	T(fsat(d, "", &st, AT_EMPTY_PATH));
	SAY("%s", type(st.st_mode));
	T(fsat(AT_FDCWD, "", &st, AT_EMPTY_PATH));  /* the working directory */
	SAY("%s", type(st.st_mode));
	T(fsat(-1, "/", &st, 0));                 /* absolute: dirfd ignored */
	SAY("%s", type(st.st_mode));
	T(fsat(d, "inner", &st, AT_NO_AUTOMOUNT));
	T(fsat(f, NULL, &st, 0));                 /* NULL path */

	T(fsat(f, "", &st, 0));                   /* empty path without AT_EMPTY_PATH */
	T(fsat(d, "missing", &st, 0));
	T(fsat(f, "x", &st, 0));                  /* dirfd is a file */
	T(fsat(AT_FDCWD, "file/x", &st, 0));
	T(fsat(AT_FDCWD, "loop", &st, 0));
	T(fsat(AT_FDCWD, "loop", &st, AT_SYMLINK_NOFOLLOW));
	T(fsat(-1, "file", &st, 0));
	T(fsat(999, "file", &st, 0));
	T(fsat(-1, "", &st, AT_EMPTY_PATH));
	T(fsat(AT_FDCWD, "file", &st, 0x1));      /* unknown flag */
	T(fsat(AT_FDCWD, "file", &st, AT_REMOVEDIR));
	T(fsat(AT_FDCWD, "file", BADPTR, 0));
	T(fsat(AT_FDCWD, BADPTR, &st, 0));
	T(fsat(d, "inner", NULL, 0));

	/* libc fstatat agrees */
	T(fstatat(d, "inner", &st, 0));
	V(st.st_size);
	return 0;
}
