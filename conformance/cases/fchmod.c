// covers: fchmod ok EBADF
// setup: touch file && mkdir dir
#include "ct.h"

static void perm(const char *p)
{
	struct stat st;
	if (stat(p, &st) == 0) SAY("  %s: %o", p, (unsigned)(st.st_mode & 07777));
}

int main(void)
{
	int fd = open("file", O_RDONLY);        /* read-only is enough */
	T(fchmod(fd, 0600));
	perm("file");
	T(fchmod(fd, 02755));
	perm("file");
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(fchmod(d, 0711));
	perm("dir");
	/* after unlink the inode is still there */
	int g = open("gone", O_CREAT | O_RDWR, 0644);
	unlink("gone");
	T(fchmod(g, 0400));
	struct stat st;
	fstat(g, &st);
	SAY("  unlinked: %o", (unsigned)(st.st_mode & 07777));

	/* O_PATH descriptors are refused (raw call: musl falls back to /proc) */
	int p = open("file", O_PATH);
	T(syscall(SYS_fchmod, p, 0644));
	perm("file");
	T(fchmod(-1, 0644));
	T(fchmod(4321, 0644));
	close(fd);
	T(fchmod(fd, 0644));
	return 0;
}
