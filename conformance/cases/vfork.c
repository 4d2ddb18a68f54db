// covers: vfork ok
#include "ct.h"
#include <signal.h>

/* vfork as the syscall: the C library's vfork() may use another call (or a
 * plain fork) underneath, so the Wasm build imports the syscall directly. */
#ifdef __wasm__
__attribute__((import_module("wali"), import_name("SYS_vfork"))) long long wali_vfork(void);
static pid_t do_vfork(void)
{
	long long r = wali_vfork();
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return r;
}
#else
#define do_vfork vfork
#endif

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
	pid_t me = getpid();
	pid_t c = do_vfork();
	if (c == 0)
		_exit(getppid() == me ? 5 : 6);
	EXPECT(c > 0);
	status_of(c);

	/* vfork + execve */
	c = do_vfork();
	if (c == 0) {
		char *argv[] = {"sh", "-c", "exit 9", NULL}, *envp[] = {NULL};
		execve("/bin/sh", argv, envp);
		_exit(127);
	}
	status_of(c);
	return 0;
}
