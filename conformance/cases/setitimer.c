// covers: setitimer ok EINVAL EFAULT
#include "ct.h"
#include <signal.h>
#include <sys/time.h>
#include <time.h>

static volatile sig_atomic_t alrm, vtalrm, prof;
static void on_alrm(int sig) { (void)sig; alrm++; }
static void on_vtalrm(int sig) { (void)sig; vtalrm++; }
static void on_prof(int sig) { (void)sig; prof++; }

/* spin (using CPU) until *flag reaches n, at most ~2 s */
static int spin_until(volatile sig_atomic_t *flag, int n)
{
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	do {
		if (*flag >= n)
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &b);
	} while (b.tv_sec - a.tv_sec < 2);
	return 0;
}

int main(void)
{
	signal(SIGALRM, on_alrm);
	signal(SIGVTALRM, on_vtalrm);
	signal(SIGPROF, on_prof);
	sigset_t none;
	sigemptyset(&none);

	/* one shot, 10 ms: SIGALRM once */
	struct itimerval it = {{0, 0}, {0, 10000}}, old;
	T(syscall(SYS_setitimer, ITIMER_REAL, &it, &old));
	EXPECT(old.it_value.tv_sec == 0 && old.it_value.tv_usec == 0);   /* was disarmed */
	EXPECT(spin_until(&alrm, 1));
	struct timespec ms30 = {0, 30000000};
	nanosleep(&ms30, NULL);
	EXPECT(alrm == 1);

	/* periodic, 5 ms: several, then disarmed */
	struct itimerval per = {{0, 5000}, {0, 5000}};
	T(syscall(SYS_setitimer, ITIMER_REAL, &per, NULL));
	EXPECT(spin_until(&alrm, 4));
	struct itimerval zero = {{0, 0}, {0, 0}};
	T(syscall(SYS_setitimer, ITIMER_REAL, &zero, &old));
	EXPECT(old.it_interval.tv_sec == 0 && old.it_interval.tv_usec == 5000);
	EXPECT(old.it_value.tv_sec == 0 && old.it_value.tv_usec <= 5000);

	/* the previous value comes back */
	struct itimerval ten = {{0, 0}, {10, 0}};
	T(syscall(SYS_setitimer, ITIMER_REAL, &ten, NULL));
	T(syscall(SYS_setitimer, ITIMER_REAL, &ten, &old));
	EXPECT(old.it_value.tv_sec == 9 || old.it_value.tv_sec == 10);
	/* NULL new value disarms (an old Linux misfeature) */
	T(syscall(SYS_setitimer, ITIMER_REAL, NULL, &old));
	EXPECT(old.it_value.tv_sec == 9 || old.it_value.tv_sec == 10);
	T(syscall(SYS_setitimer, ITIMER_REAL, &zero, &old));
	EXPECT(old.it_value.tv_sec == 0 && old.it_value.tv_usec == 0);

	/* CPU-time timers fire while the process runs */
	struct itimerval cpu = {{0, 0}, {0, 10000}};
	T(syscall(SYS_setitimer, ITIMER_VIRTUAL, &cpu, NULL));
	EXPECT(spin_until(&vtalrm, 1));
	T(syscall(SYS_setitimer, ITIMER_PROF, &cpu, NULL));
	EXPECT(spin_until(&prof, 1));
	T(setitimer(ITIMER_PROF, &zero, NULL));

	T(syscall(SYS_setitimer, 99, &it, NULL));
	struct itimerval bad = {{0, 0}, {0, 1000000}};
	T(syscall(SYS_setitimer, ITIMER_REAL, &bad, NULL));       /* usec out of range */
	struct itimerval neg = {{0, 0}, {-1, 0}};
	T(syscall(SYS_setitimer, ITIMER_REAL, &neg, NULL));
	T(syscall(SYS_setitimer, ITIMER_REAL, BADPTR, NULL));
	T(syscall(SYS_setitimer, ITIMER_REAL, &zero, BADPTR));
	EXPECT(alrm >= 4 && vtalrm == 1 && prof == 1);
	return 0;
}
