// covers: getrlimit ok EINVAL EFAULT
#include "ct.h"
#include <sys/resource.h>

int main(void)
{
	/* The kernel's struct rlimit: two 64-bit values. */
	struct { uint64_t cur, max; } r, r2;
	T(syscall(SYS_getrlimit, RLIMIT_NOFILE, &r));
	EXPECT(r.cur <= r.max);
	EXPECT(r.cur > 2);

	struct rlimit lr;
	T(getrlimit(RLIMIT_NOFILE, &lr));
	EXPECT(lr.rlim_cur == r.cur && lr.rlim_max == r.max);

	/* RLIMIT_STACK, RLIMIT_CPU, RLIMIT_CORE... all readable */
	for (int res = 0; res < RLIMIT_NLIMITS; res++)
		if (syscall(SYS_getrlimit, res, &r2) != 0)
			SAY("resource %d: %s", res, ct_errname(errno));
	T(syscall(SYS_getrlimit, RLIMIT_CPU, &r2));
	EXPECT(r2.cur == RLIM_INFINITY || r2.cur <= r2.max);

	/* A lowered soft limit is what getrlimit reports next. */
	struct { uint64_t cur, max; } low = {r.cur - 1, r.max};
	T(syscall(SYS_setrlimit, RLIMIT_NOFILE, &low));
	T(syscall(SYS_getrlimit, RLIMIT_NOFILE, &r2));
	EXPECT(r2.cur == r.cur - 1 && r2.max == r.max);

	T(syscall(SYS_getrlimit, RLIMIT_NLIMITS, &r2));   /* unknown resource */
	T(syscall(SYS_getrlimit, -1, &r2));
	T(syscall(SYS_getrlimit, RLIMIT_NOFILE, BADPTR));
	return 0;
}
