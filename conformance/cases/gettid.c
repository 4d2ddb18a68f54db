// covers: gettid ok
#include "ct.h"
#include <pthread.h>

static pid_t tids[2];

static void *thread_fn(void *arg)
{
	int i = (int)(intptr_t)arg;
	tids[i] = syscall(SYS_gettid);
	return NULL;
}

int main(void)
{
	/* The main thread's id is the process id. */
	pid_t main_tid = syscall(SYS_gettid);
	EXPECT(main_tid == getpid());

	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		EXPECT(pthread_create(&t[i], NULL, thread_fn, (void *)(intptr_t)i) == 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	EXPECT(tids[0] > 0 && tids[1] > 0);
	EXPECT(tids[0] != getpid());
	EXPECT(tids[1] != getpid());
	EXPECT(tids[0] != tids[1]);

	/* In a child, the main thread's id is the child's pid. */
	pid_t c = fork();
	if (c == 0)
		_exit(syscall(SYS_gettid) == getpid() && getpid() != main_tid ? 0 : 1);
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
