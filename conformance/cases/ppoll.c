// covers: ppoll ok EINTR EINVAL EFAULT
#include "ct.h"
#include <poll.h>
#include <signal.h>
#include <time.h>

/* The raw call: the kernel's sigset is 8 bytes and it writes back the time left. */
static long raw_ppoll(struct pollfd *f, unsigned long n, struct timespec *ts, unsigned long long *mask, size_t size)
{
	return syscall(SYS_ppoll, f, n, ts, mask, size);
}

static volatile int got;
static void on_usr1(int sig) { got = sig; }

int main(void)
{
	int p[2];
	pipe(p);
	struct pollfd f = { p[0], POLLIN, 0 };
	struct timespec ts = { 0, 20 * 1000000 };

	V(raw_ppoll(&f, 1, &ts, NULL, 8));    /* times out */
	EXPECT(ts.tv_sec == 0 && ts.tv_nsec == 0);
	write(p[1], "x", 1);
	ts = (struct timespec){ 5, 0 };
	V(raw_ppoll(&f, 1, &ts, NULL, 8));
	SAY("revents %#x", f.revents);
	EXPECT(ts.tv_sec >= 4 && ts.tv_sec <= 5);   /* time left written back */
	read(p[0], &(char){0}, 1);

	/* SIGUSR1 is blocked and pending; a mask without it lets it in: EINTR. */
	signal(SIGUSR1, on_usr1);
	sigset_t block;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	raise(SIGUSR1);
	unsigned long long keep = 1ULL << (SIGUSR1 - 1), open_all = 0;
	ts = (struct timespec){ 0, 0 };
	V(raw_ppoll(&f, 1, &ts, &keep, 8));   /* still blocked: plain timeout */
	EXPECT(got == 0);
	ts = (struct timespec){ 5, 0 };
	T(raw_ppoll(&f, 1, &ts, &open_all, 8));
	EXPECT(got == SIGUSR1);
	sigset_t now;
	sigprocmask(SIG_SETMASK, NULL, &now);
	EXPECT(sigismember(&now, SIGUSR1));   /* the old mask is back */

	T(raw_ppoll(&f, 1, &ts, &keep, 4));   /* wrong sigset size */
	ts = (struct timespec){ -1, 0 };
	T(raw_ppoll(&f, 1, &ts, NULL, 8));
	ts = (struct timespec){ 0, 1000000000 };
	T(raw_ppoll(&f, 1, &ts, NULL, 8));
	ts = (struct timespec){ 0, 0 };
	T(raw_ppoll(BADPTR, 1, &ts, NULL, 8));
	T(raw_ppoll(&f, 1, BADPTR, NULL, 8));
	T(raw_ppoll(&f, 1, &ts, BADPTR, 8));
	return 0;
}
