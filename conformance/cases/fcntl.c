// covers: fcntl ok EBADF EINVAL EMFILE
// setup: printf 0123456789 > file
#include "ct.h"
#include <sys/resource.h>

/* 3, not O_ACCMODE: musl counts O_PATH in it */
#define FLAGS(fd) (fcntl(fd, F_GETFL) & (3 | O_APPEND | O_NONBLOCK | O_SYNC | O_DSYNC | O_NOATIME))

int main(void)
{
	int fd = open("file", O_RDWR);
	/* F_DUPFD: lowest free >= arg */
	V(fcntl(fd, F_DUPFD, 0));
	V(fcntl(fd, F_DUPFD, 10));
	V(fcntl(fd, F_DUPFD, 10));
	int c;
	V(c = fcntl(fd, F_DUPFD_CLOEXEC, 20));
	V(fcntl(c, F_GETFD));
	char ch;
	read(fd, &ch, 1);
	V(lseek(c, 0, SEEK_CUR));               /* shares the offset */

	/* descriptor flags */
	V(fcntl(fd, F_GETFD));
	V(fcntl(fd, F_SETFD, FD_CLOEXEC));
	V(fcntl(fd, F_GETFD));
	V(fcntl(fd, F_SETFD, 0));
	V(fcntl(fd, F_GETFD));

	/* status flags: only O_APPEND, O_NONBLOCK, ... can change; the access mode is fixed */
	V(FLAGS(fd) == O_RDWR);
	V(fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK));
	V(FLAGS(fd) == (O_RDWR | O_APPEND | O_NONBLOCK));
	V(FLAGS(c) == (O_RDWR | O_APPEND | O_NONBLOCK)); /* shared with the dup */
	V(fcntl(fd, F_SETFL, O_WRONLY));        /* ignored */
	V(FLAGS(fd) == O_RDWR);
	write(fd, "!", 1);                      /* appended */
	struct stat st;
	fstat(fd, &st);
	V(st.st_size);
	int r = open("file", O_RDONLY | O_NONBLOCK);
	V(FLAGS(r) == (O_RDONLY | O_NONBLOCK));
	int w = open("file", O_WRONLY | O_APPEND);
	V(FLAGS(w) == (O_WRONLY | O_APPEND));

	/* errors */
	V(fcntl(-1, F_GETFD));
	V(fcntl(-1, F_GETFL));
	V(fcntl(fd + 100, F_SETFD, 0));
	V(fcntl(-1, F_DUPFD, 0));
	V(fcntl(fd, F_DUPFD, -1));
	V(fcntl(fd, F_DUPFD, 1 << 30));         /* beyond the limit */
	V(syscall(SYS_fcntl, fd, 9999, 0));     /* unknown command */
	V(syscall(SYS_fcntl, -1, 9999, 0));     /* the descriptor is checked first */
	V(syscall(SYS_fcntl, 1 << 20, 9999, 0));

	/* O_PATH descriptors allow only a few commands */
	int p = open("file", O_PATH);
	V(fcntl(p, F_GETFD));
	V(FLAGS(p));
	V((fcntl(p, F_GETFL) & O_PATH) != 0);
	V(fcntl(p, F_DUPFD, 0) >= 0);
	V(fcntl(p, F_SETFL, O_NONBLOCK));

	struct rlimit rl = {32, 32};
	setrlimit(RLIMIT_NOFILE, &rl);
	V(fcntl(fd, F_DUPFD, 31));
	V(fcntl(fd, F_DUPFD, 31));              /* 31 is taken: none left below the limit */
	return 0;
}
