// covers: sync ok
// covers: syncfs ok EBADF
// setup: printf 'data' > file && mkdir dir
#include "ct.h"

int main(void)
{
	int fd = open("file", O_WRONLY | O_APPEND);
	write(fd, "more", 4);
	T(syscall(SYS_sync));                      /* cannot fail */
	T(syscall(SYS_syncfs, fd));
	int r = open("file", O_RDONLY);
	T(syscall(SYS_syncfs, r));                 /* any descriptor on the filesystem */
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(syscall(SYS_syncfs, d));
	int p[2];
	pipe(p);
	T(syscall(SYS_syncfs, p[0]));              /* a pipe's (pipefs) */
	close(fd);
	T(syscall(SYS_syncfs, fd));
	T(syscall(SYS_syncfs, -1));
	char buf[16] = {0};
	V(read(r, buf, sizeof buf));
	SAY("  %s", buf);
	return 0;
}
