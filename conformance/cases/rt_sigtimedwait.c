// covers: rt_sigtimedwait ok EAGAIN EINTR EINVAL EFAULT
#include "ct.h"
#include <signal.h>
#include <sys/time.h>
#include <time.h>

static volatile sig_atomic_t alarms;
static void on_alarm(int sig) { (void)sig; alarms++; }

/* the raw call: kernel 8-byte set */
static long timedwait(uint64_t set, siginfo_t *si, long ns)
{
	struct timespec t = {ns / 1000000000, ns % 1000000000};
	return syscall(SYS_rt_sigtimedwait, &set, si, ns < 0 ? NULL : &t, 8);
}

#define BIT(s) (1ull << ((s) - 1))

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);

	/* a pending signal is taken at once, with its siginfo */
	siginfo_t si;
	kill(getpid(), SIGUSR1);
	memset(&si, 0, sizeof si);
	V(timedwait(BIT(SIGUSR1), &si, 10000000));
	EXPECT(si.si_signo == SIGUSR1 && si.si_code == SI_USER);
	EXPECT(si.si_pid == getpid() && si.si_uid == getuid());
	sigset_t p;
	sigpending(&p);
	EXPECT(!sigismember(&p, SIGUSR1));      /* consumed */

	/* nothing pending: EAGAIN when the time is up (also for a zero timeout) */
	T(timedwait(BIT(SIGUSR1), &si, 10000000));
	T(timedwait(BIT(SIGUSR1), &si, 0));
	/* a pending signal outside the set is left alone */
	raise(SIGUSR2);
	T(timedwait(BIT(SIGUSR1), NULL, 0));
	V(timedwait(BIT(SIGUSR1) | BIT(SIGUSR2), NULL, 0));

	/* sent by a child while waiting (no timeout) */
	pid_t c = fork();
	if (c == 0) {
		struct timespec t = {0, 10000000};
		nanosleep(&t, NULL);
		kill(getppid(), SIGUSR2);
		_exit(0);
	}
	memset(&si, 0, sizeof si);
	V(timedwait(BIT(SIGUSR2), &si, -1));
	EXPECT(si.si_pid == c);
	int st;
	waitpid(c, &st, 0);
	/* libc's sigtimedwait and sigwaitinfo */
	raise(SIGUSR1);
	struct timespec zero = {0, 0};
	V(sigtimedwait(&set, NULL, &zero));
	raise(SIGUSR2);
	V(sigwaitinfo(&set, NULL));

	/* a handled signal outside the set interrupts the wait */
	signal(SIGALRM, on_alarm);
	struct itimerval it = {{0, 0}, {0, 10000}};
	setitimer(ITIMER_REAL, &it, NULL);
	T(timedwait(BIT(SIGUSR1), NULL, 2000000000));
	EXPECT(alarms == 1);

	struct timespec bad = {0, 1000000000};
	T(syscall(SYS_rt_sigtimedwait, &(uint64_t){BIT(SIGUSR1)}, NULL, &bad, 8));
	bad.tv_sec = -1;
	bad.tv_nsec = 0;
	T(syscall(SYS_rt_sigtimedwait, &(uint64_t){BIT(SIGUSR1)}, NULL, &bad, 8));
	T(syscall(SYS_rt_sigtimedwait, &(uint64_t){BIT(SIGUSR1)}, NULL, &zero, 4));
	T(syscall(SYS_rt_sigtimedwait, BADPTR, NULL, &zero, 8));
	raise(SIGUSR1);
	T(syscall(SYS_rt_sigtimedwait, &(uint64_t){BIT(SIGUSR1)}, BADPTR, &zero, 8));
	return 0;
}
