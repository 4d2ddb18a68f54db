// covers: unlink ok ENOENT EISDIR ENOTDIR ELOOP EFAULT
// setup: echo data > file && mkdir dir && ln -s file link && ln -s loop loop && ln -s nowhere dangling && touch dir/inner
#include "ct.h"

int main(void)
{
	T(unlink("link"));                      /* the link, not its target */
	T(access("file", F_OK));
	T(unlink("dangling"));
	T(unlink("loop"));
	T(unlink("dir/inner"));
	T(unlink("dir/inner"));

	/* an open file survives its name */
	int fd = open("file", O_RDONLY);
	T(unlink("file"));
	T(access("file", F_OK));
	char buf[8] = {0};
	V(read(fd, buf, sizeof buf));
	SAY("  still readable: %s", strtok(buf, "\n"));

	T(unlink("file"));
	T(unlink(""));
	T(unlink("dir"));                       /* Linux says EISDIR */
	T(unlink("dir/"));
	T(unlink("."));
	T(unlink("nodir/x"));
	symlink("loop2", "loop2");
	T(unlink("loop2/x"));
	int g = open("plain", O_CREAT | O_WRONLY, 0644);
	close(g);
	T(unlink("plain/x"));
	T(unlink("plain/"));
	T(unlink(BADPTR));
	T(unlink(NULL));
	T(unlink("plain"));
	return 0;
}
