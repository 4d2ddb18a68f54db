// covers: setrlimit ok EINVAL EPERM EFAULT
#include "ct.h"
#include <sys/resource.h>

struct klimit { uint64_t cur, max; };

int main(void)
{
	struct klimit r, now;
	T(syscall(SYS_getrlimit, RLIMIT_NOFILE, &r));

	/* Lower the soft limit: opening beyond it fails with EMFILE. */
	struct klimit low = {8, r.max};
	T(syscall(SYS_setrlimit, RLIMIT_NOFILE, &low));
	T(syscall(SYS_getrlimit, RLIMIT_NOFILE, &now));
	EXPECT(now.cur == 8 && now.max == r.max);
	int already = 0;               /* descriptors open below the limit */
	for (int i = 0; i < 8; i++)
		already += fcntl(i, F_GETFD) >= 0;
	int fds[16], n = 0;
	while (n < 16 && (fds[n] = open(".", O_RDONLY)) >= 0)
		n++;
	EXPECT(fds[n] < 0 && errno == EMFILE);
	EXPECT(n == 8 - already);      /* every free number below the limit, no more */
	while (n > 0)
		close(fds[--n]);
	T(syscall(SYS_setrlimit, RLIMIT_NOFILE, &r));     /* back */

	struct klimit bad = {r.max, r.max - 1};
	T(syscall(SYS_setrlimit, RLIMIT_NOFILE, &bad));   /* soft above hard */
	T(syscall(SYS_setrlimit, 1000, &r));              /* unknown resource */
	/* no process may have more files than fs.nr_open */
	struct klimit huge = {RLIM_INFINITY, RLIM_INFINITY};
	T(syscall(SYS_setrlimit, RLIMIT_NOFILE, &huge));
	T(syscall(SYS_setrlimit, RLIMIT_NOFILE, BADPTR));

	/* Without privilege a hard limit cannot be raised again. */
	pid_t c = fork();
	if (c == 0) {
		struct klimit core;
		syscall(SYS_getrlimit, RLIMIT_CORE, &core);
		struct klimit zero = {0, 0};
		T(syscall(SYS_setrlimit, RLIMIT_CORE, &zero));
		if (geteuid() == 0)
			syscall(SYS_setuid, 65534);
		struct klimit one = {0, 4096};
		T(syscall(SYS_setrlimit, RLIMIT_CORE, &one));
		T(syscall(SYS_getrlimit, RLIMIT_CORE, &core));
		EXPECT(core.cur == 0 && core.max == 0);
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
