// covers: fdatasync ok EBADF EINVAL
// setup: mkdir dir
#include "ct.h"
#include <sys/eventfd.h>

int main(void)
{
	int fd = open("file", O_CREAT | O_RDWR, 0644);
	write(fd, "data", 4);
	T(fdatasync(fd));
	int r = open("file", O_RDONLY);
	T(fdatasync(r));                          /* read-only descriptors can be synced */
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(fdatasync(d));
	int n = open("/dev/null", O_WRONLY);
	T(fdatasync(n));

	int p[2];
	pipe(p);
	T(fdatasync(p[1]));                       /* no syncing for pipes */
	int e = eventfd(0, 0);
	T(fdatasync(e));
	close(fd);
	T(fdatasync(fd));
	T(fdatasync(-1));
	return 0;
}
