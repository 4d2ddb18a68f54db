// covers: set_tid_address ok
#include "ct.h"
#include <pthread.h>

static int word, done;
static pid_t thread_result, thread_tid;

static void *thread_fn(void *arg)
{
	thread_tid = syscall(SYS_gettid);
	/* (the libc's own thread-exit bookkeeping is bypassed from here on:
	 * the thread is never joined) */
	thread_result = syscall(SYS_set_tid_address, &word);
	__atomic_store_n(&done, 1, __ATOMIC_SEQ_CST);
	return arg;
}

/* set_tid_address returns the caller's thread id, in any thread. */
int main(void)
{
	EXPECT(syscall(SYS_set_tid_address, &word) == getpid());
	EXPECT(syscall(SYS_set_tid_address, NULL) == syscall(SYS_gettid));

	pid_t c = fork();
	if (c == 0)
		_exit(syscall(SYS_set_tid_address, &word) == getpid() ? 0 : 1);
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);

	/* in a secondary thread, forked off so the libc's own record of that
	 * thread is not disturbed in this process */
	c = fork();
	if (c == 0) {
		pthread_t t;
		pthread_create(&t, NULL, thread_fn, NULL);
		while (!__atomic_load_n(&done, __ATOMIC_SEQ_CST))
			sched_yield();
		_exit(thread_result == thread_tid && thread_tid != getpid() ? 0 : 1);
	}
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
