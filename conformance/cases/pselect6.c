// covers: pselect6 ok EINTR EINVAL EFAULT EBADF
#include "ct.h"
#include <signal.h>
#include <time.h>
#include <sys/select.h>

/* The raw call: the 6th argument points at { sigset pointer, sigset size }, and
 * the kernel writes back the time left. */
struct sigpack { unsigned long ss, len; };   /* two longs, as musl passes them */
static long raw_pselect(int n, fd_set *r, struct timespec *ts, const unsigned long long *mask, size_t len)
{
	struct sigpack pk = { (uintptr_t)mask, len };
	return syscall(SYS_pselect6, n, r, NULL, NULL, ts, &pk);
}

static volatile int got;
static void on_usr1(int sig) { got = sig; }

int main(void)
{
	int p[2];
	pipe(p);
	fd_set r;
	struct timespec ts = { 0, 20000000 };

	FD_ZERO(&r); FD_SET(p[0], &r);
	V(raw_pselect(p[0] + 1, &r, &ts, NULL, 8));
	EXPECT(ts.tv_sec == 0 && ts.tv_nsec == 0);
	write(p[1], "x", 1);
	ts = (struct timespec){ 5, 0 };
	FD_ZERO(&r); FD_SET(p[0], &r);
	V(raw_pselect(p[0] + 1, &r, &ts, NULL, 8));
	EXPECT(FD_ISSET(p[0], &r));
	EXPECT(ts.tv_sec >= 4 && ts.tv_sec <= 5);
	V(syscall(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &ts, NULL));  /* no mask at all */
	read(p[0], &(char){0}, 1);

	/* SIGUSR1 blocked and pending; the wait's mask lets it in. */
	signal(SIGUSR1, on_usr1);
	sigset_t block;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	raise(SIGUSR1);
	unsigned long long keep = 1ULL << (SIGUSR1 - 1), open_all = 0;
	ts = (struct timespec){ 0, 0 };
	FD_ZERO(&r); FD_SET(p[0], &r);
	V(raw_pselect(p[0] + 1, &r, &ts, &keep, 8));
	EXPECT(got == 0);
	ts = (struct timespec){ 5, 0 };
	T(raw_pselect(p[0] + 1, &r, &ts, &open_all, 8));
	EXPECT(got == SIGUSR1);

	ts = (struct timespec){ 0, 0 };
	T(raw_pselect(p[0] + 1, &r, &ts, &keep, 16));   /* wrong sigset size */
	T(raw_pselect(-1, &r, &ts, NULL, 8));
	ts = (struct timespec){ 0, -1 };
	T(raw_pselect(p[0] + 1, &r, &ts, NULL, 8));
	ts = (struct timespec){ 0, 0 };
	int fd = dup(p[0]);
	close(fd);
	FD_ZERO(&r); FD_SET(fd, &r);
	T(raw_pselect(fd + 1, &r, &ts, NULL, 8));
	T(raw_pselect(p[0] + 1, BADPTR, &ts, NULL, 8));
	T(raw_pselect(p[0] + 1, &r, BADPTR, NULL, 8));
	T(raw_pselect(p[0] + 1, &r, &ts, BADPTR, 8));
	T(syscall(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &ts, BADPTR));
	return 0;
}
