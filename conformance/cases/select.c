// covers: select ok EBADF EINVAL EFAULT EINTR
#include "ct.h"
#include <signal.h>
#include <time.h>
#include <sys/select.h>
#include <sys/time.h>

/* The raw call: musl may use pselect6, and the kernel writes back the time left. */
#define select(n, r, w, e, t) syscall(SYS_select, n, r, w, e, t)

static void on_alarm(int sig) { (void)sig; }

int main(void)
{
	int p[2], q[2];
	pipe(p);
	pipe(q);
	int n = (p[1] > q[1] ? p[1] : q[1]) + 1;
	fd_set r, w;
	struct timeval tv = { 0, 0 };

	FD_ZERO(&r); FD_SET(p[0], &r); FD_SET(q[0], &r);
	FD_ZERO(&w); FD_SET(p[1], &w);
	V(select(n, &r, &w, NULL, &tv));           /* only the write end */
	SAY("r %d %d w %d", FD_ISSET(p[0], &r), FD_ISSET(q[0], &r), FD_ISSET(p[1], &w));

	write(q[1], "x", 1);
	FD_ZERO(&r); FD_SET(p[0], &r); FD_SET(q[0], &r);
	V(select(n, &r, NULL, NULL, &tv));
	SAY("r %d %d", FD_ISSET(p[0], &r), FD_ISSET(q[0], &r));

	/* Waiting: the time left is written back. */
	tv = (struct timeval){ 0, 30000 };
	FD_ZERO(&r); FD_SET(p[0], &r);
	V(select(n, &r, NULL, NULL, &tv));
	EXPECT(tv.tv_sec == 0 && tv.tv_usec == 0);
	EXPECT(!FD_ISSET(p[0], &r));               /* sets are cleared on timeout */
	tv = (struct timeval){ 5, 0 };
	FD_ZERO(&r); FD_SET(q[0], &r);
	V(select(n, &r, NULL, NULL, &tv));
	EXPECT(tv.tv_sec >= 4 && tv.tv_sec <= 5);
	tv = (struct timeval){ 0, 20000 };
	V(select(0, NULL, NULL, NULL, &tv));       /* a portable sleep */
	tv = (struct timeval){ 0, 2500000 };       /* over a second of microseconds: fine */
	FD_ZERO(&r); FD_SET(q[0], &r);
	V(select(n, &r, NULL, NULL, &tv));

	/* Interrupted by a signal. */
	signal(SIGALRM, on_alarm);
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	setitimer(ITIMER_REAL, &it, NULL);
	FD_ZERO(&r); FD_SET(p[0], &r);
	T(select(n, &r, NULL, NULL, NULL));

	int fd = dup(p[0]);
	close(fd);
	FD_ZERO(&r); FD_SET(fd, &r);
	tv = (struct timeval){ 0, 0 };
	T(select(fd + 1, &r, NULL, NULL, &tv));    /* a closed descriptor */
	T(select(-1, NULL, NULL, NULL, &tv));
	tv = (struct timeval){ -1, 0 };
	T(select(0, NULL, NULL, NULL, &tv));
	tv = (struct timeval){ 0, 0 };
	T(select(n, BADPTR, NULL, NULL, &tv));
	T(select(n, NULL, NULL, NULL, BADPTR));
	return 0;
}
