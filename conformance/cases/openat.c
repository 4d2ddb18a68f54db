// covers: openat ok EBADF ENOTDIR ENOENT EEXIST EFAULT ELOOP EISDIR
// setup: mkdir dir && echo inside > dir/f && echo top > f && ln -s f dir/rel
#include "ct.h"

static void first_line(int fd)
{
	char buf[32] = {0};
	if (read(fd, buf, sizeof buf - 1) > 0)
		SAY("read: %s", strtok(buf, "\n"));
	close(fd);
}

int main(void)
{
	int d, f, fd;
	T(d = openat(AT_FDCWD, "dir", O_RDONLY | O_DIRECTORY));
	T(f = openat(AT_FDCWD, "f", O_RDONLY));
	T(fd = openat(d, "f", O_RDONLY));           /* relative to dir */
	first_line(fd);
	T(fd = openat(AT_FDCWD, "f", O_RDONLY));
	first_line(fd);
	T(fd = openat(d, "rel", O_RDONLY));         /* symlink resolved relative to dir */
	first_line(fd);
	T(openat(d, "rel", O_RDONLY | O_NOFOLLOW));
	T(fd = openat(d, "../f", O_RDONLY));
	first_line(fd);
	char abs[4096];
	getcwd(abs, sizeof abs - 4);
	strcat(abs, "/f");
	T(fd = openat(-1, abs, O_RDONLY));          /* absolute: dirfd ignored */
	first_line(fd);
	T(fd = openat(f, abs, O_RDONLY));
	first_line(fd);

	T(fd = openat(d, "new", O_CREAT | O_EXCL | O_RDWR, 0600));
	close(fd);
	T(openat(d, "new", O_CREAT | O_EXCL | O_RDWR, 0600));
	T(faccessat(AT_FDCWD, "dir/new", F_OK, 0));
	T(openat(d, ".", O_WRONLY));
	T(openat(d, "missing", O_RDONLY));

	T(openat(-1, "f", O_RDONLY));               /* relative with a bad dirfd */
	T(openat(1000, "f", O_RDONLY));
	T(openat(f, "f", O_RDONLY));                /* dirfd is not a directory */
	T(openat(d, BADPTR, O_RDONLY));
	close(d);
	T(openat(d, "f", O_RDONLY));                /* closed dirfd */
	return 0;
}
