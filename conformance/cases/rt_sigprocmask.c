// covers: rt_sigprocmask ok EINVAL EFAULT
#include "ct.h"
#include <pthread.h>
#include <signal.h>

static volatile sig_atomic_t calls;
static void handler(int sig) { (void)sig; calls++; }

static int blocked(int sig)
{
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	return sigismember(&now, sig);
}

static int thread_saw_usr1_blocked;
static void *thread_fn(void *arg)
{
	thread_saw_usr1_blocked = blocked(SIGUSR1);
	/* its own changes stay its own */
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &s, NULL);
	return arg;
}

int main(void)
{
	signal(SIGUSR1, handler);
	sigset_t usr1, old, empty;
	sigemptyset(&usr1);
	sigemptyset(&empty);
	sigaddset(&usr1, SIGUSR1);

	T(sigprocmask(SIG_BLOCK, &usr1, &old));
	EXPECT(sigismember(&old, SIGUSR1) == 0);
	EXPECT(blocked(SIGUSR1) == 1);

	/* blocked: stays pending; unblocked: delivered before sigprocmask returns */
	raise(SIGUSR1);
	EXPECT(calls == 0);
	T(sigprocmask(SIG_UNBLOCK, &usr1, NULL));
	EXPECT(calls == 1);

	/* SIG_SETMASK replaces the whole mask */
	sigset_t two;
	sigemptyset(&two);
	sigaddset(&two, SIGUSR2);
	sigaddset(&two, SIGTERM);
	T(sigprocmask(SIG_SETMASK, &two, NULL));
	EXPECT(blocked(SIGUSR2) && blocked(SIGTERM) && !blocked(SIGUSR1));
	T(sigprocmask(SIG_SETMASK, &empty, &old));
	EXPECT(sigismember(&old, SIGUSR2) && sigismember(&old, SIGTERM));

	/* SIGKILL and SIGSTOP cannot be blocked: silently left out */
	sigset_t ks;
	sigemptyset(&ks);
	sigaddset(&ks, SIGKILL);
	sigaddset(&ks, SIGSTOP);
	sigaddset(&ks, SIGHUP);
	T(sigprocmask(SIG_BLOCK, &ks, NULL));
	EXPECT(!blocked(SIGKILL) && !blocked(SIGSTOP) && blocked(SIGHUP));
	T(sigprocmask(SIG_SETMASK, &empty, NULL));

	/* inherited by threads and children; per thread */
	T(sigprocmask(SIG_BLOCK, &usr1, NULL));
	pthread_t t;
	pthread_create(&t, NULL, thread_fn, NULL);
	pthread_join(t, NULL);
	EXPECT(thread_saw_usr1_blocked == 1);
	EXPECT(blocked(SIGUSR2) == 0);
	pid_t c = fork();
	if (c == 0)
		_exit(blocked(SIGUSR1) ? 0 : 1);
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	T(sigprocmask(SIG_SETMASK, &empty, NULL));

	/* raw: the kernel's 8-byte set */
	uint64_t k = 1ull << (SIGUSR2 - 1), kold = 0;
	T(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &k, NULL, 8));
	T(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &kold, 8));
	EXPECT(kold == k);
	T(syscall(SYS_rt_sigprocmask, 99, &k, NULL, 8));     /* unknown how */
	T(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &k, NULL, 4));
	T(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &k, NULL, 16));
	T(syscall(SYS_rt_sigprocmask, SIG_BLOCK, BADPTR, NULL, 8));
	T(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, BADPTR, 8));
	T(syscall(SYS_rt_sigprocmask, 99, NULL, &kold, 8));  /* how unused without a set */
	return 0;
}
