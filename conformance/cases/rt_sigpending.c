// covers: rt_sigpending ok EINVAL EFAULT
#include "ct.h"
#include <signal.h>

static volatile sig_atomic_t calls;
static void handler(int sig) { (void)sig; calls++; }

static void show(const char *what)
{
	sigset_t p;
	sigemptyset(&p);
	sigpending(&p);
	printf("%s: pending", what);
	for (int s = 1; s < 32; s++)
		if (sigismember(&p, s))
			printf(" %d", s);
	SAY("");
}

int main(void)
{
	signal(SIGUSR1, handler);
	signal(SIGUSR2, handler);
	show("start");

	sigset_t both, empty;
	sigemptyset(&empty);
	sigemptyset(&both);
	sigaddset(&both, SIGUSR1);
	sigaddset(&both, SIGUSR2);
	sigaddset(&both, SIGTERM);
	sigprocmask(SIG_BLOCK, &both, NULL);
	kill(getpid(), SIGUSR1);
	show("SIGUSR1 sent");
	kill(getpid(), SIGUSR1);              /* standard signals do not queue */
	kill(getpid(), SIGUSR2);
	show("SIGUSR1 again, SIGUSR2 sent");

	/* a blocked signal that is ignored still becomes pending... */
	signal(SIGTERM, SIG_IGN);
	kill(getpid(), SIGTERM);
	show("ignored SIGTERM sent");
	/* ...and is discarded when its action is set to ignore again */
	signal(SIGTERM, SIG_IGN);
	show("SIGTERM ignored again");

	/* a child starts with nothing pending */
	pid_t c = fork();
	if (c == 0) {
		sigset_t p;
		sigpending(&p);
		_exit(sigismember(&p, SIGUSR1) ? 1 : 0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);

	sigprocmask(SIG_SETMASK, &empty, NULL);
	EXPECT(calls == 2);
	show("unblocked");

	/* raw: writes at most the kernel's 8 bytes */
	uint64_t k = ~0ull;
	sigprocmask(SIG_BLOCK, &both, NULL);
	kill(getpid(), SIGUSR2);
	T(syscall(SYS_rt_sigpending, &k, 8));
	EXPECT(k == 1ull << (SIGUSR2 - 1));
	uint32_t small[2] = {0, 0xdeadbeef};
	T(syscall(SYS_rt_sigpending, small, 4));    /* a smaller size is fine */
	EXPECT(small[0] == 1u << (SIGUSR2 - 1) && small[1] == 0xdeadbeef);
	T(syscall(SYS_rt_sigpending, &k, 16));
	T(syscall(SYS_rt_sigpending, BADPTR, 8));
	sigprocmask(SIG_SETMASK, &empty, NULL);
	EXPECT(calls == 3);
	return 0;
}
