// covers: fork ok EAGAIN
#include "ct.h"
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

/* Native hosts without fork(2) (aarch64, for the qemu-user baseline) fork with
 * clone(SIGCHLD), which is what fork is there. */
#ifndef SYS_fork
#define SYS_fork SYS_clone, SIGCHLD, 0, 0, 0, 0
#endif

static int counter = 1;
static volatile sig_atomic_t calls;
static void handler(int sig) { (void)sig; calls++; }

static int threads_now(void)
{
	int n = 0;
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	while (d && (e = readdir(d)))
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static void *idle(void *arg)
{
	int *fd = arg;
	char x;
	read(*fd, &x, 1);
	return NULL;
}

static void status_of(pid_t c)
{
	int st;
	if (waitpid(c, &st, 0) != c)
		SAY("waitpid failed");
	else if (WIFEXITED(st))
		SAY("child exited with %d", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		SAY("child killed by signal %d", WTERMSIG(st));
}

int main(void)
{
	/* 0 in the child, the child's pid in the parent */
	int p[2];
	pipe(p);
	pid_t c = syscall(SYS_fork);
	if (c == 0) {
		pid_t me = getpid();
		write(p[1], &me, sizeof me);
		_exit(0);
	}
	pid_t seen = 0;
	read(p[0], &seen, sizeof seen);
	EXPECT(c > 0 && seen == c);
	status_of(c);

	/* memory is copied: the child's writes stay in the child */
	c = fork();
	if (c == 0) {
		counter = 42;
		_exit(counter);
	}
	status_of(c);
	EXPECT(counter == 1);

	/* descriptors are shared, with their file offset */
	int fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	c = fork();
	if (c == 0) {
		write(fd, "child", 5);
		_exit(0);
	}
	status_of(c);
	V(lseek(fd, 0, SEEK_CUR));
	close(fd);

	/* handlers and the mask are inherited, pending signals are not */
	signal(SIGUSR1, handler);
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	raise(SIGUSR1);
	c = fork();
	if (c == 0) {
		sigset_t pend, now;
		sigpending(&pend);
		sigprocmask(SIG_BLOCK, NULL, &now);
		int ok = !sigismember(&pend, SIGUSR1) && sigismember(&now, SIGUSR1);
		sigprocmask(SIG_UNBLOCK, &usr1, NULL);
		raise(SIGUSR1);
		_exit(ok && calls == 1 ? 0 : 1);
	}
	status_of(c);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	EXPECT(calls == 1);

	/* only the calling thread exists in the child */
	int q[2];
	pipe(q);
	pthread_t t;
	pthread_create(&t, NULL, idle, &q[0]);
	EXPECT(threads_now() == 2);
	c = fork();
	if (c == 0)
		_exit(threads_now());
	status_of(c);
	write(q[1], "x", 1);
	pthread_join(t, NULL);

	/* RLIMIT_NPROC: no process beyond the user's limit (root is exempt) */
	c = fork();
	if (c == 0) {
		if (geteuid() == 0)
			syscall(SYS_setuid, 65534);
		struct rlimit none = {0, 0};
		setrlimit(RLIMIT_NPROC, &none);
		T(syscall(SYS_fork));
		_exit(0);
	}
	status_of(c);
	return 0;
}
