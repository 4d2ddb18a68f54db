// covers: prlimit64 ok
// covers: execve ok
/* The stack limit a program sees and passes on is its own (wali-run raises
 * the real one for compiled Wasm code, invisibly): getrlimit reports it, a
 * native program started by execve inherits it, and a lowered one is kept. */
#include "ct.h"
#include <sys/resource.h>

static void show_native_limit(void)
{
	fflush(stdout);
	pid_t c = fork();
	if (c == 0) {
		execl("/bin/sh", "sh", "-c", "echo \"native child: ulimit -s $(ulimit -s)\"", (char *)NULL);
		_exit(99);
	}
	int st;
	waitpid(c, &st, 0);
}

int main(void)
{
	struct rlimit r;
	T(getrlimit(RLIMIT_STACK, &r));
	SAY("soft %llu KiB", (unsigned long long)r.rlim_cur / 1024);
	show_native_limit();
	struct rlimit lower = {4 << 20, r.rlim_max};
	T(setrlimit(RLIMIT_STACK, &lower));
	T(getrlimit(RLIMIT_STACK, &r));
	SAY("lowered: soft %llu KiB", (unsigned long long)r.rlim_cur / 1024);
	show_native_limit();
	return 0;
}
