// covers: fsync ok EBADF EINVAL
// setup: mkdir dir
#include "ct.h"
#include <sys/eventfd.h>

int main(void)
{
	int fd = open("file", O_CREAT | O_RDWR, 0644);
	write(fd, "data", 4);
	T(fsync(fd));
	int r = open("file", O_RDONLY);
	T(fsync(r));                          /* read-only descriptors can be synced */
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(fsync(d));
	int n = open("/dev/null", O_WRONLY);
	T(fsync(n));

	int p[2];
	pipe(p);
	T(fsync(p[1]));                       /* no syncing for pipes */
	int e = eventfd(0, 0);
	T(fsync(e));
	close(fd);
	T(fsync(fd));
	T(fsync(-1));
	return 0;
}
