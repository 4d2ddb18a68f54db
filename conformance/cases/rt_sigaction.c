// covers: rt_sigaction ok EINVAL EFAULT
#include "ct.h"
#include <signal.h>

static volatile sig_atomic_t got, calls;

static void handler(int sig)
{
	got = sig;
	calls++;
}

int main(void)
{
	struct sigaction sa, old, cur;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sa.sa_flags = SA_RESTART;
	T(sigaction(SIGUSR1, &sa, &old));
	EXPECT(old.sa_handler == SIG_DFL);

	/* the handler runs; returning from it resumes the program */
	T(kill(getpid(), SIGUSR1));
	EXPECT(got == SIGUSR1 && calls == 1);
	T(kill(getpid(), SIGUSR1));
	EXPECT(calls == 2);

	/* the action reads back as set */
	memset(&cur, 0, sizeof cur);
	T(sigaction(SIGUSR1, NULL, &cur));
	EXPECT(cur.sa_handler == handler);
	EXPECT((cur.sa_flags & SA_RESTART) != 0);
	EXPECT((cur.sa_flags & (SA_SIGINFO | SA_NODEFER | SA_RESETHAND | SA_ONSTACK)) == 0);
	EXPECT(sigismember(&cur.sa_mask, SIGUSR2) == 1);
	EXPECT(sigismember(&cur.sa_mask, SIGTERM) == 0);

	/* SIG_IGN: a signal sent is dropped */
	sa.sa_handler = SIG_IGN;
	T(sigaction(SIGUSR1, &sa, &old));
	EXPECT(old.sa_handler == handler);
	T(kill(getpid(), SIGUSR1));
	EXPECT(calls == 2);
	T(sigaction(SIGUSR1, NULL, &cur));
	EXPECT(cur.sa_handler == SIG_IGN);

	/* back to SIG_DFL; a default-ignored signal is harmless */
	sa.sa_handler = SIG_DFL;
	T(sigaction(SIGUSR1, &sa, NULL));
	T(sigaction(SIGWINCH, NULL, &cur));
	EXPECT(cur.sa_handler == SIG_DFL);
	T(kill(getpid(), SIGWINCH));

	/* a child inherits the handler */
	sa.sa_handler = handler;
	T(sigaction(SIGUSR2, &sa, NULL));
	pid_t c = fork();
	if (c == 0) {
		calls = 0;
		kill(getpid(), SIGUSR2);
		_exit(calls == 1 && got == SIGUSR2 ? 0 : 1);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);

	/* SIGKILL and SIGSTOP: can be read, not changed */
	T(sigaction(SIGKILL, NULL, &cur));
	EXPECT(cur.sa_handler == SIG_DFL);
	T(sigaction(SIGKILL, &sa, NULL));
	T(sigaction(SIGSTOP, &sa, NULL));
	sa.sa_handler = SIG_IGN;
	T(sigaction(SIGKILL, &sa, NULL));

	/* raw: bad numbers, bad sigset size, bad pointers */
	T(syscall(SYS_rt_sigaction, 0, NULL, NULL, 8));
	T(syscall(SYS_rt_sigaction, 65, NULL, NULL, 8));
	T(syscall(SYS_rt_sigaction, -1, NULL, NULL, 8));
	T(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4));
	T(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 8));
	T(syscall(SYS_rt_sigaction, SIGUSR1, BADPTR, NULL, 8));
	T(syscall(SYS_rt_sigaction, SIGUSR1, NULL, BADPTR, 8));
	return 0;
}
