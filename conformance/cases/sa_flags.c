// covers: rt_sigaction ok
// covers: rt_sigprocmask ok
#include "ct.h"
#include <signal.h>

static volatile sig_atomic_t calls, self_blocked, usr2_blocked, term_blocked;

static void handler(int sig)
{
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	self_blocked = sigismember(&now, sig);
	usr2_blocked = sigismember(&now, SIGUSR2);
	term_blocked = sigismember(&now, SIGTERM);
	calls++;
}

static void set(int sig, int flags, int masked)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (masked)
		sigaddset(&sa.sa_mask, masked);
	T(sigaction(sig, &sa, NULL));
}

static void show(const char *what)
{
	SAY("%s: calls %d, itself blocked %d, SIGUSR2 blocked %d, SIGTERM blocked %d",
	    what, (int)calls, (int)self_blocked, (int)usr2_blocked, (int)term_blocked);
	calls = 0;
}

int main(void)
{
	/* by default the signal itself is blocked while its handler runs */
	set(SIGUSR1, 0, 0);
	raise(SIGUSR1);
	show("default");
	/* sa_mask adds to it */
	set(SIGUSR1, 0, SIGUSR2);
	raise(SIGUSR1);
	show("sa_mask SIGUSR2");
	/* SA_NODEFER: not blocked */
	set(SIGUSR1, SA_NODEFER, 0);
	raise(SIGUSR1);
	show("SA_NODEFER");

	/* the mask is back after the handler returns */
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	EXPECT(sigismember(&now, SIGUSR1) == 0 && sigismember(&now, SIGUSR2) == 0);
	/* a mask set by the program is kept under the handler's */
	sigset_t term;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, NULL);
	set(SIGUSR1, 0, 0);
	raise(SIGUSR1);
	show("SIGTERM blocked by the program");
	sigprocmask(SIG_UNBLOCK, &term, NULL);

	/* SA_RESETHAND: one delivery, then SIG_DFL (and not deferred) */
	set(SIGUSR1, SA_RESETHAND, 0);
	raise(SIGUSR1);
	show("SA_RESETHAND");
	struct sigaction cur;
	T(sigaction(SIGUSR1, NULL, &cur));
	EXPECT(cur.sa_handler == SIG_DFL);
	pid_t c = fork();
	if (c == 0) {
		set(SIGUSR1, SA_RESETHAND, 0);
		raise(SIGUSR1);
		raise(SIGUSR1);             /* default action: terminate */
		_exit(0);
	}
	int st;
	waitpid(c, &st, 0);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1);

	/* a signal raised inside its own (deferred) handler runs after it */
	return 0;
}
