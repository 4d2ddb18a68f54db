// covers: ioctl ok EBADF ENOTTY EFAULT
// setup: printf 0123456789 > file
#include "ct.h"
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
	int p[2];
	pipe(p);
	int n = -1;
	V(ioctl(p[0], FIONREAD, &n));
	V(n);
	write(p[1], "hello", 5);
	V(ioctl(p[0], FIONREAD, &n));
	V(n);
	int fd = open("file", O_RDONLY);
	V(ioctl(fd, FIONREAD, &n));              /* bytes left in a regular file */
	V(n);
	lseek(fd, 7, SEEK_SET);
	V(ioctl(fd, FIONREAD, &n));
	V(n);

	/* FIONBIO / FIOCLEX: the same as the fcntl flags */
	int on = 1, off = 0;
	V(ioctl(p[0], FIONBIO, &on));
	V((fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
	char buf[8];
	read(p[0], buf, sizeof buf);
	T(read(p[0], buf, 1));
	V(ioctl(p[0], FIONBIO, &off));
	V((fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
	V(ioctl(fd, FIOCLEX));
	V(fcntl(fd, F_GETFD));
	V(ioctl(fd, FIONCLEX));
	V(fcntl(fd, F_GETFD));

	/* not a terminal */
	struct winsize ws;
	struct termios tio;
	V(ioctl(fd, TIOCGWINSZ, &ws));
	V(ioctl(p[0], TCGETS, &tio));
	V(ioctl(fd, TIOCGPGRP, &n));
	V(isatty(fd));
	int nul = open("/dev/null", O_RDWR);
	V(ioctl(nul, TCGETS, &tio));
	V(tcgetattr(nul, &tio));
	V(ioctl(fd, 0x12345678, 0));             /* unknown request */

	V(ioctl(p[0], FIONREAD, BADPTR));
	V(ioctl(p[0], FIONREAD, NULL));
	V(ioctl(p[0], FIONBIO, BADPTR));
	V(ioctl(-1, FIONREAD, &n));
	V(ioctl(-1, TCGETS, &tio));
	V(ioctl(-1, 0x12345678, 0));
	V(ioctl(-1, FIONREAD, BADPTR));          /* the descriptor first */
	close(fd);
	V(ioctl(fd, FIOCLEX));
	return 0;
}
