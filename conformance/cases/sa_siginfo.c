// covers: rt_sigaction ok
// covers: kill ok
// covers: tkill ok
// covers: setitimer ok
// covers: rt_sigsuspend EINTR
#include "ct.h"
#include <signal.h>
#include <sys/time.h>

static volatile sig_atomic_t calls;
static siginfo_t last;
static int had_context;

static void action(int sig, siginfo_t *si, void *uc)
{
	last = *si;
	had_context = uc != NULL;
	calls++;
	(void)sig;
}

static void on(int sig)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = action;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static const char *code(int c)
{
	switch (c) {
	case SI_USER: return "SI_USER";
	case SI_TKILL: return "SI_TKILL";
	case SI_KERNEL: return "SI_KERNEL";
	case SI_QUEUE: return "SI_QUEUE";
	case CLD_EXITED: return "CLD_EXITED";
	case CLD_KILLED: return "CLD_KILLED";
	}
	return "other";
}

int main(void)
{
	on(SIGUSR1);
	on(SIGUSR2);
	on(SIGCHLD);
	on(SIGALRM);

	/* kill: SI_USER from us */
	T(kill(getpid(), SIGUSR1));
	EXPECT(calls == 1);
	SAY("si_signo %d si_code %s", last.si_signo, code(last.si_code));
	EXPECT(last.si_pid == getpid());
	EXPECT(last.si_uid == getuid());
	EXPECT(had_context);

	/* tkill: SI_TKILL */
	T(syscall(SYS_tkill, syscall(SYS_gettid), SIGUSR2));
	SAY("si_signo %d si_code %s", last.si_signo, code(last.si_code));
	EXPECT(last.si_pid == getpid());

	/* from a child: its pid */
	sigset_t block, empty;
	sigemptyset(&empty);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, NULL);
	int ack[2];
	pipe(ack);
	pid_t c = fork();
	if (c == 0) {
		char x;
		kill(getppid(), SIGUSR1);
		read(ack[0], &x, 1);        /* exit only once the parent saw it */
		_exit(3);
	}
	calls = 0;
	T(sigsuspend(&empty));
	SAY("si_signo %d si_code %s", last.si_signo, code(last.si_code));
	EXPECT(last.si_pid == c);
	EXPECT(last.si_uid == getuid());
	write(ack[1], "x", 1);
	/* then SIGCHLD for its exit */
	T(sigsuspend(&empty));
	SAY("si_signo %d si_code %s si_status %d", last.si_signo, code(last.si_code), last.si_status);
	EXPECT(last.si_pid == c);
	EXPECT(calls == 2);
	int st;
	waitpid(c, &st, 0);

	/* a killed child */
	c = fork();
	if (c == 0) {
		for (;;)
			pause();
	}
	kill(c, SIGTERM);
	T(sigsuspend(&empty));
	SAY("si_signo %d si_code %s si_status %d", last.si_signo, code(last.si_code), last.si_status);
	EXPECT(last.si_pid == c);
	waitpid(c, &st, 0);
	sigprocmask(SIG_UNBLOCK, &block, NULL);

	/* the real-time timer */
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigprocmask(SIG_BLOCK, &block, NULL);
	struct itimerval it = {{0, 0}, {0, 10000}};
	T(setitimer(ITIMER_REAL, &it, NULL));
	T(sigsuspend(&empty));
	SAY("si_signo %d si_code %s", last.si_signo, code(last.si_code));
	return 0;
}
