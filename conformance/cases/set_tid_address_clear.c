// covers: set_tid_address ok
#include "ct.h"
#include <pthread.h>
#include <time.h>

static _Alignas(8) int word = -1;

/* Registers `word` to be cleared (and futex-woken) when the thread exits,
 * then exits with the raw syscall (no libc thread-exit code involved). */
static void *thread_fn(void *arg)
{
	int tid = syscall(SYS_gettid);
	__atomic_store_n(&word, tid, __ATOMIC_SEQ_CST);
	syscall(SYS_set_tid_address, &word);
	syscall(SYS_exit, 0);
	return arg;
}

int main(void)
{
	pid_t c = fork();
	if (c == 0) {
		pthread_t t;
		pthread_create(&t, NULL, thread_fn, NULL);
		int v;
		while ((v = __atomic_load_n(&word, __ATOMIC_SEQ_CST)) == -1)
			sched_yield();
		/* wait (at most ~2 s) as pthread_join does: FUTEX_WAIT while nonzero */
		struct timespec ms10 = {0, 10000000};
		for (int i = 0; i < 200 && (v = __atomic_load_n(&word, __ATOMIC_SEQ_CST)) != 0; i++)
			syscall(SYS_futex, &word, 0 /* FUTEX_WAIT */, v, &ms10, NULL, 0);
		SAY("the kernel cleared the tid word at thread exit: %s", word == 0 ? "yes" : "no");
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
