/* signal()/sigaction handlers (WALI: one-argument handlers, run when the
 * interrupted import returns), SIG_IGN/SIG_DFL round trips, sigprocmask with
 * a pending signal, kill/raise, a three-argument SA_SIGINFO handler,
 * alarm + pause via sigsuspend. */
#define _GNU_SOURCE
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include <string.h>
#include <errno.h>

static volatile sig_atomic_t got_usr1, got_usr2, got_alrm;
static void on_usr1(int s) { got_usr1 += s == SIGUSR1; }
static void on_usr2(int s) { got_usr2++; }
static void on_alrm(int s) { got_alrm = 1; }
static volatile int si_signo, si_code, si_pid_ok;
static void on_info(int s, siginfo_t *si, void *uc)
{
	si_signo = si ? si->si_signo : -1;
	si_code = si ? si->si_code : 0;
	si_pid_ok = si && si->si_pid == getpid();
}

int main(void)
{
	printf("signal() old is DFL %d\n", signal(SIGUSR1, on_usr1) == SIG_DFL);
	raise(SIGUSR1);
	printf("handler ran %d\n", got_usr1);
	kill(getpid(), SIGUSR1);
	printf("after kill %d\n", got_usr1);

	struct sigaction sa, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr2;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	printf("sigaction %d\n", sigaction(SIGUSR2, &sa, &old));
	printf("old was DFL %d\n", old.sa_handler == SIG_DFL);
	sigaction(SIGUSR2, 0, &old);
	printf("query gives handler %d flags has SA_RESTART %d\n", old.sa_handler == on_usr2, !!(old.sa_flags & SA_RESTART));

	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	printf("ignored, count still %d, query IGN %d\n", got_usr1, signal(SIGUSR1, SIG_DFL) == SIG_IGN);

	sigset_t set, pend, oldset;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &oldset);
	raise(SIGUSR2);
	sigpending(&pend);
	printf("blocked: pending %d, handled %d\n", sigismember(&pend, SIGUSR2), got_usr2);
	sigprocmask(SIG_SETMASK, &oldset, 0);
	printf("unblocked: handled %d\n", got_usr2);

	int r = sigaction(SIGKILL, &sa, 0);
	printf("sigaction(SIGKILL) %d %s\n", r, strerror(errno));
	r = kill(getpid(), 999);
	printf("kill(bad sig) %d %s\n", r, strerror(errno));

	struct sigaction ia;
	memset(&ia, 0, sizeof ia);
	ia.sa_sigaction = on_info;
	ia.sa_flags = SA_SIGINFO;
	sigaction(SIGWINCH, &ia, 0);
	raise(SIGWINCH);
	printf("SA_SIGINFO handler: signo %d code %d (SI_TKILL %d) pid ok %d\n", si_signo, si_code, SI_TKILL, si_pid_ok);

	signal(SIGALRM, on_alrm);
	sigset_t block, empty;
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigprocmask(SIG_BLOCK, &block, 0);
	alarm(1);
	sigemptyset(&empty);
	while (!got_alrm) sigsuspend(&empty);
	printf("alarm delivered %d\n", got_alrm);
	return 0;
}
