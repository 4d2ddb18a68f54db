// covers: exit_group ok
#include "ct.h"
#include <pthread.h>

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

static int block[2];

/* blocks until the process ends */
static void *reader(void *arg)
{
	char x;
	read(block[0], &x, 1);
	return arg;
}

static void *group_exit(void *arg)
{
	syscall(SYS_exit_group, (int)(intptr_t)arg);
	return NULL;
}

int main(void)
{
	pipe(block);

	pid_t c = fork();
	if (c == 0)
		syscall(SYS_exit_group, 9);
	status_of(c);
	c = fork();
	if (c == 0)
		syscall(SYS_exit_group, 256 + 3);
	status_of(c);
	c = fork();
	if (c == 0)
		_exit(11);                   /* libc's _exit */
	status_of(c);

	/* from the main thread, while another thread is blocked in read() */
	c = fork();
	if (c == 0) {
		pthread_t t;
		pthread_create(&t, NULL, reader, NULL);
		syscall(SYS_exit_group, 12);
	}
	status_of(c);

	/* from a secondary thread, while the main thread is blocked in read() */
	c = fork();
	if (c == 0) {
		pthread_t t;
		pthread_create(&t, NULL, group_exit, (void *)13);
		char x;
		read(block[0], &x, 1);
		_exit(99);
	}
	status_of(c);

	/* several threads blocked; one ends them all */
	c = fork();
	if (c == 0) {
		pthread_t t[3];
		for (int i = 0; i < 3; i++)
			pthread_create(&t[i], NULL, reader, NULL);
		pthread_create(&t[0], NULL, group_exit, (void *)14);
		reader(NULL);
		_exit(99);
	}
	status_of(c);

	/* exit() flushes stdio, _exit() does not */
	c = fork();
	if (c == 0) {
		printf("flushed by exit\n");
		exit(0);
	}
	status_of(c);
	c = fork();
	if (c == 0) {
		printf("lost by _exit\n");
		_exit(0);
	}
	status_of(c);
	return 0;
}
