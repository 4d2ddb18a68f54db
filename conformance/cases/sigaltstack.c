// covers: sigaltstack ok EINVAL ENOMEM EFAULT
#include "ct.h"
#include <pthread.h>
#include <signal.h>

#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif

static char stack_mem[65536];

static void show(const char *what)
{
	stack_t cur;
	memset(&cur, 0x55, sizeof cur);
	syscall(SYS_sigaltstack, NULL, &cur);
	SAY("%s: sp %s, size %lu, flags %d", what,
	    cur.ss_sp == stack_mem ? "ours" : cur.ss_sp == NULL ? "NULL" : "other",
	    (unsigned long)cur.ss_size, cur.ss_flags);
}

/* a new thread has none */
static void *thread_fn(void *arg)
{
	show("in a new thread");
	return arg;
}

int main(void)
{
	show("initially");
	stack_t ss = {.ss_sp = stack_mem, .ss_size = sizeof stack_mem, .ss_flags = 0}, old;
	T(syscall(SYS_sigaltstack, &ss, &old));
	EXPECT(old.ss_flags == SS_DISABLE);
	show("set");

	/* kept across fork */
	pid_t c = fork();
	if (c == 0) {
		show("in the child");
		_exit(0);
	}
	int st;
	waitpid(c, &st, 0);

	pthread_t t;
	pthread_create(&t, NULL, thread_fn, NULL);
	pthread_join(t, NULL);

	ss.ss_flags = SS_AUTODISARM;
	T(syscall(SYS_sigaltstack, &ss, NULL));
	show("SS_AUTODISARM");

	stack_t small = {.ss_sp = stack_mem, .ss_size = 1024, .ss_flags = 0};
	T(syscall(SYS_sigaltstack, &small, NULL));           /* below MINSIGSTKSZ */
	stack_t bad = {.ss_sp = stack_mem, .ss_size = sizeof stack_mem, .ss_flags = 42};
	T(syscall(SYS_sigaltstack, &bad, NULL));
	T(syscall(SYS_sigaltstack, BADPTR, NULL));
	T(syscall(SYS_sigaltstack, NULL, BADPTR));
	show("after the failures");

	stack_t off = {.ss_flags = SS_DISABLE};
	T(syscall(SYS_sigaltstack, &off, &old));
	EXPECT(old.ss_sp == stack_mem && old.ss_flags == SS_AUTODISARM);
	show("disabled");
	/* the size does not matter when disabling */
	T(syscall(SYS_sigaltstack, &off, NULL));

	/* libc's wrapper */
	T(sigaltstack(&ss, NULL));
	show("through libc");
	return 0;
}
