// covers: dup ok EBADF EMFILE
// setup: printf 0123456789 > file
#include "ct.h"
#include <sys/resource.h>

int main(void)
{
	int fd = open("file", O_RDONLY | O_CLOEXEC);
	int d;
	T(d = dup(fd));
	EXPECT(d == fd + 1);                    /* lowest free number */
	V(fcntl(d, F_GETFD));                   /* close-on-exec is not copied */
	char c;
	read(fd, &c, 1);
	read(d, &c, 1);
	SAY("shared offset: read '%c'", c);
	V(lseek(fd, 0, SEEK_CUR));
	close(fd);
	V(read(d, &c, 1));                      /* the copy stays open */
	int low = dup(d);
	EXPECT(low == fd);                      /* reuses the freed number */
	close(0);
	T(d = dup(low));
	V(d);

	T(dup(-1));
	T(dup(fd + 100));
	close(low);
	T(dup(low));

	/* no free descriptor below the limit */
	struct rlimit rl = {16, 16};
	T(setrlimit(RLIMIT_NOFILE, &rl));
	int n = 0;
	while (dup(1) >= 0 && n < 64) n++;
	T(dup(1));
	EXPECT(n < 16);
	return 0;
}
