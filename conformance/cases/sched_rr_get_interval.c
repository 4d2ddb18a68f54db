// covers: sched_rr_get_interval ok EINVAL ESRCH EFAULT
#include "ct.h"
#include <sched.h>
#include <time.h>

#define NOPID 0x3fffffff   /* above any pid_max */

static long rr(int pid, struct timespec *ts)
{
	return syscall(SYS_sched_rr_get_interval, pid, ts);
}

int main(void)
{
	struct timespec ts = {-1, -1};
	/* SCHED_OTHER: the fair scheduler's current slice, which depends on the load */
	T(rr(0, &ts));
	EXPECT(ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	struct timespec ts2 = {-1, -1};
	T(rr(getpid(), &ts2));
	EXPECT(ts2.tv_sec >= 0 && ts2.tv_nsec >= 0 && ts2.tv_nsec < 1000000000);
	EXPECT(sched_rr_get_interval(0, &ts2) == 0);

	pid_t c = fork();
	if (c == 0) {
		/* real-time policies (root; may also be refused by RT throttling):
		 * SCHED_RR has a fixed quantum, SCHED_FIFO none; musl's
		 * sched_setscheduler() is a stub, hence the syscall */
		struct sched_param sp = {.sched_priority = 1};
		errno = 0;
		if (syscall(SYS_sched_setscheduler, 0, SCHED_RR, &sp) == 0) {
			T(rr(0, &ts));
			EXPECT(ts.tv_sec > 0 || ts.tv_nsec > 0);
			syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, &sp);
			T(rr(0, &ts));
			SAY("FIFO: %ld %ld", (long)ts.tv_sec, (long)ts.tv_nsec);
		} else {
			SAY("SCHED_RR refused: %s", ct_errname(errno));
		}
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	T(rr(getppid(), &ts));                        /* another process */

	T(rr(-1, &ts));
	T(rr(NOPID, &ts));
	T(rr(0, BADPTR));
	T(rr(0, NULL));
	return 0;
}
