// covers: ioctl ok ENOTTY EFAULT EINVAL
#include "ct.h"
#include <sys/ioctl.h>
#include <termios.h>

/* terminal requests on a pseudo-terminal pair */
int main(void)
{
	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	EXPECT(m >= 0);
	unsigned ptn = 0;
	V(ioctl(m, TIOCGPTN, &ptn));
	int unlock = 0;
	V(ioctl(m, TIOCSPTLCK, &unlock));
	char name[64];
	snprintf(name, sizeof name, "/dev/pts/%u", ptn);
	int s = open(name, O_RDWR | O_NOCTTY);
	EXPECT(s >= 0);
	V(isatty(s));
	V(isatty(m));

	struct winsize ws = {.ws_row = 33, .ws_col = 101}, got = {0};
	V(ioctl(m, TIOCSWINSZ, &ws));
	V(ioctl(s, TIOCGWINSZ, &got));
	SAY("  %dx%d", got.ws_row, got.ws_col);

	struct termios t;
	V(ioctl(s, TCGETS, &t));
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	V(ioctl(s, TCSETS, &t));
	struct termios t2;
	V(tcgetattr(s, &t2));
	V((t2.c_lflag & (ICANON | ECHO)) == 0);
	V(t2.c_cc[VMIN]);
	V(cfgetospeed(&t2) == cfgetospeed(&t));

	/* raw mode: bytes written to the master are readable on the slave */
	V(write(m, "abc", 3));
	int n = -1;
	for (int i = 0; i < 20 && n < 3; i++) {  /* the tty layer passes data on asynchronously */
		usleep(10000);
		ioctl(s, FIONREAD, &n);
	}
	V(ioctl(s, FIONREAD, &n));
	V(n);
	V(tcflush(s, TCIFLUSH));
	V(ioctl(s, FIONREAD, &n));
	V(n);

	V(ioctl(s, TIOCGPTN, &ptn));             /* only on the master */
	V(ioctl(m, TIOCGWINSZ, BADPTR));
	V(ioctl(s, TCSETS, BADPTR));
	V(ioctl(m, TIOCSWINSZ, NULL));
	V(ioctl(s, TCFLSH, 99));                 /* bad queue selector */
	return 0;
}
