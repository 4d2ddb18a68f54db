// covers: exit ok
#include "ct.h"
#include <pthread.h>
#include <time.h>

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

static void sleep_ms(long ms)
{
	struct timespec t = {0, ms * 1000000};
	nanosleep(&t, NULL);
}

static pid_t thread_tid;

/* ends only its own thread */
static void *raw_exit_thread(void *arg)
{
	__atomic_store_n(&thread_tid, syscall(SYS_gettid), __ATOMIC_SEQ_CST);
	syscall(SYS_exit, 3);
	return arg;
}

/* outlives the main thread, then ends as `arg` says */
static void *late_thread(void *arg)
{
	sleep_ms(50);
	if ((intptr_t)arg == 5)
		syscall(SYS_exit_group, 5);
	syscall(SYS_exit, 6);
	return NULL;
}

static void *value_thread(void *arg)
{
	pthread_exit((void *)((intptr_t)arg + 1));
}

int main(void)
{
	/* A single-threaded process: exit ends it, status modulo 256. */
	pid_t c = fork();
	if (c == 0)
		syscall(SYS_exit, 7);
	status_of(c);
	c = fork();
	if (c == 0)
		syscall(SYS_exit, 0x1ff);
	status_of(c);

	/* exit in a thread ends that thread only. */
	c = fork();
	if (c == 0) {
		pthread_t t;
		pthread_create(&t, NULL, raw_exit_thread, NULL);
		pthread_detach(t);
		while (!__atomic_load_n(&thread_tid, __ATOMIC_SEQ_CST))
			sched_yield();
		char path[64];
		snprintf(path, sizeof path, "/proc/self/task/%d", thread_tid);
		int i;
		for (i = 0; i < 2000 && access(path, F_OK) == 0; i++)
			sleep_ms(1);
		SAY("thread gone, process still running: %s", i < 2000 ? "yes" : "no");
		_exit(0);
	}
	status_of(c);

	/* exit in the main thread: the process lives on in its other thread;
	 * its status is the main thread's unless the last one calls exit_group. */
	c = fork();
	if (c == 0) {
		pthread_t t;
		pthread_create(&t, NULL, late_thread, (void *)6);
		syscall(SYS_exit, 4);
	}
	status_of(c);
	c = fork();
	if (c == 0) {
		pthread_t t;
		pthread_create(&t, NULL, late_thread, (void *)5);
		syscall(SYS_exit, 4);
	}
	status_of(c);

	/* pthread_exit (exit underneath) hands its value to pthread_join */
	pthread_t t;
	void *ret = NULL;
	pthread_create(&t, NULL, value_thread, (void *)41);
	pthread_join(t, &ret);
	SAY("pthread_exit value: %ld", (long)(intptr_t)ret);
	return 0;
}
