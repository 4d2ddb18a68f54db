// covers: prlimit64 ok EINVAL ESRCH EPERM EFAULT
#include "ct.h"
#include <limits.h>
#include <sys/resource.h>

struct klimit { uint64_t cur, max; };

int main(void)
{
	struct klimit old, now;
	T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old));
	EXPECT(old.cur <= old.max);
	T(syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, NULL, &now));
	EXPECT(now.cur == old.cur && now.max == old.max);

	/* set and get the previous value in one call */
	struct klimit low = {old.cur - 1, old.max}, prev;
	T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &low, &prev));
	EXPECT(prev.cur == old.cur && prev.max == old.max);
	T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &now));
	EXPECT(now.cur == old.cur - 1);
	T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, NULL));   /* nothing to do */

	/* another process's limits */
	int p[2];
	T(pipe(p));
	pid_t c = fork();
	if (c == 0) {
		char x;
		read(p[0], &x, 1);
		struct klimit mine;
		syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &mine);
		_exit(mine.cur == 100 ? 0 : 1);
	}
	struct klimit hundred = {100, old.max};
	T(syscall(SYS_prlimit64, c, RLIMIT_NOFILE, &hundred, NULL));
	write(p[1], "x", 1);
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);

	T(syscall(SYS_prlimit64, 0, 1000, NULL, &now));
	struct klimit bad = {2, 1};
	T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &bad, NULL));
	T(syscall(SYS_prlimit64, INT_MAX, RLIMIT_NOFILE, NULL, &now));
	struct klimit huge = {RLIM_INFINITY, RLIM_INFINITY};
	T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &huge, NULL));
	T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, BADPTR, NULL));
	T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, BADPTR));
	/* a failed call changes nothing */
	T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &now));
	EXPECT(now.cur == old.cur - 1);
	return 0;
}
