// covers: open ok ENOENT EEXIST EISDIR ENOTDIR ELOOP EFAULT ENAMETOOLONG EINVAL
// setup: echo data > file && mkdir dir && ln -s file link && ln -s loop loop && ln -s nowhere dangling
#include "ct.h"

static void show(const char *name)
{
	struct stat st;
	if (stat(name, &st) == 0)
		SAY("%s: mode %o size %ld", name, (unsigned)st.st_mode, (long)st.st_size);
	else
		SAY("%s: absent", name);
}

int main(void)
{
	umask(022);
	int fd = open("file", O_RDONLY);
	EXPECT(fd >= 0);
	char c;
	V(read(fd, &c, 1));
	close(fd);

	/* creation, permissions filtered by umask */
	T(fd = open("new", O_CREAT | O_WRONLY, 0777));
	close(fd);
	show("new");
	T(open("new", O_CREAT | O_EXCL | O_WRONLY, 0644));
	T(fd = open("file", O_WRONLY | O_TRUNC));
	close(fd);
	show("file");
	T(open("link", O_RDONLY));                  /* followed */
	T(open("link", O_RDONLY | O_NOFOLLOW));
	T(open("dangling", O_RDONLY));
	T(fd = open("dangling", O_CREAT | O_WRONLY, 0600)); /* creates the target */
	close(fd);
	show("nowhere");
	T(open("link", O_CREAT | O_EXCL | O_WRONLY, 0600)); /* O_EXCL: a symlink exists */

	T(open("missing", O_RDONLY));
	T(open("nodir/x", O_CREAT | O_WRONLY, 0644));
	T(open("", O_RDONLY));
	T(open("dir", O_WRONLY));
	T(open("dir", O_RDWR));
	T(fd = open("dir", O_RDONLY));
	close(fd);
	T(open("file/x", O_RDONLY));
	T(open("file", O_RDONLY | O_DIRECTORY));
	T(open("loop", O_RDONLY));
	T(open("loop/x", O_RDONLY));
	T(open(BADPTR, O_RDONLY));
	T(open(NULL, O_RDONLY));
	char longname[300];
	memset(longname, 'n', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	T(open(longname, O_RDONLY));
	T(open(".", O_TMPFILE | O_RDONLY, 0600));   /* O_TMPFILE needs write access */

	/* O_TMPFILE: an unnamed file in the directory */
	T(fd = open(".", O_TMPFILE | O_RDWR, 0600));
	V(write(fd, "abc", 3));
	struct stat st;
	fstat(fd, &st);
	V(st.st_nlink);
	V(st.st_size);
	close(fd);

	/* descriptors are allocated lowest first */
	int a = open("file", O_RDONLY), b = open("file", O_RDONLY);
	EXPECT(b == a + 1);
	close(a);
	int c2 = open("file", O_RDONLY);
	EXPECT(c2 == a);
	T(fd = open("file", O_RDONLY | O_CLOEXEC));
	V(fcntl(fd, F_GETFD) & FD_CLOEXEC);

	/* status flags are kept and read back */
	static const struct { const char *name; int flag; } fl[] = {
		{"O_APPEND", O_APPEND}, {"O_NONBLOCK", O_NONBLOCK}, {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC},
		{"O_NOATIME", O_NOATIME}, {"O_ASYNC", O_ASYNC}, {"O_WRONLY", O_WRONLY},
	};
	for (unsigned i = 0; i < sizeof fl / sizeof *fl; i++) {
		fd = open("file", fl[i].flag | (fl[i].flag == O_WRONLY ? 0 : O_RDWR));
		int got = fd < 0 ? -1 : fcntl(fd, F_GETFL);
		SAY("%s: %s", fl[i].name, got == -1 ? ct_errname(errno) : (got & fl[i].flag) == fl[i].flag ? "kept" : "lost");
		close(fd);
	}
	fd = open("file", O_PATH);
	V((fcntl(fd, F_GETFL) & O_PATH) != 0);
	V(read(fd, &c, 1));                          /* O_PATH: no I/O */
	return 0;
}
