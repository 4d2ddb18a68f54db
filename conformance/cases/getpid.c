// covers: getpid ok
#include "ct.h"
#include <pthread.h>

static pid_t thread_pid;

static void *thread_fn(void *arg)
{
	thread_pid = syscall(SYS_getpid);
	return arg;
}

int main(void)
{
	pid_t me = syscall(SYS_getpid);
	EXPECT(me > 0);
	EXPECT(getpid() == me);

	/* A thread belongs to the same process. */
	pthread_t t;
	EXPECT(pthread_create(&t, NULL, thread_fn, NULL) == 0);
	pthread_join(t, NULL);
	EXPECT(thread_pid == me);

	/* A child has its own pid, the one fork() returned. */
	int p[2];
	T(pipe(p));
	pid_t c = fork();
	if (c == 0) {
		pid_t mine = syscall(SYS_getpid);
		write(p[1], &mine, sizeof mine);
		_exit(0);
	}
	pid_t got = 0;
	EXPECT(read(p[0], &got, sizeof got) == sizeof got);
	EXPECT(got == c);
	EXPECT(got != me);
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
