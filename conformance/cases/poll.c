// covers: poll ok EFAULT EINVAL EINTR
#include "ct.h"
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/time.h>

#define poll(f, n, t) syscall(SYS_poll, f, n, t)

static long ms_since(struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void on_alarm(int sig) { (void)sig; }

int main(void)
{
	int p[2];
	pipe(p);
	struct pollfd f[4] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };

	V(poll(f, 1, 0));                  /* empty pipe: nothing ready */
	V(poll(f, 2, 0));                  /* write end is writable */
	SAY("revents %#x %#x", f[0].revents, f[1].revents);
	write(p[1], "x", 1);
	V(poll(f, 2, 0));
	SAY("revents %#x %#x", f[0].revents, f[1].revents);

	/* Negative descriptors are skipped; closed ones report POLLNVAL. */
	int fd = dup(p[0]);
	close(fd);
	f[2] = (struct pollfd){ -1, POLLIN, 0x7 };
	f[3] = (struct pollfd){ fd, POLLIN, 0 };
	V(poll(f, 4, 0));
	SAY("revents %#x %#x", f[2].revents, f[3].revents);

	/* Writer closed: POLLHUP (with POLLIN while data is left). */
	close(p[1]);
	V(poll(f, 1, 0));
	SAY("revents %#x", f[0].revents);
	char c;
	read(p[0], &c, 1);
	V(poll(f, 1, 0));
	SAY("revents %#x", f[0].revents);
	pipe(p);
	close(p[0]);
	f[0] = (struct pollfd){ p[1], POLLOUT, 0 };
	V(poll(f, 1, 0));                  /* reader closed: POLLERR */
	SAY("revents %#x", f[0].revents);

	/* Timeouts. */
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	V(poll(NULL, 0, 30));
	long ms = ms_since(&t0);
	EXPECT(ms >= 30 && ms < 2000);

	/* A signal interrupts a wait. */
	signal(SIGALRM, on_alarm);
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	setitimer(ITIMER_REAL, &it, NULL);
	pipe(p);
	f[0] = (struct pollfd){ p[0], POLLIN, 0 };
	T(poll(f, 1, 5000));

	T(poll(BADPTR, 1, 0));
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	T(poll(f, rl.rlim_cur + 1, 0));    /* more entries than descriptors allowed */
	return 0;
}
