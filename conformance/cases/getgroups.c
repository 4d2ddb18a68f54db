// covers: getgroups ok EINVAL EFAULT
// covers: setgroups ok
#include "ct.h"
#include <limits.h>

int main(void)
{
	gid_t list[64];
	long n = syscall(SYS_getgroups, 0, NULL);   /* only counts */
	EXPECT(n >= 0);
	EXPECT(syscall(SYS_getgroups, 64, list) == n);
	EXPECT(getgroups(0, NULL) == n);
	T(syscall(SYS_getgroups, -1, list));
	EXPECT(syscall(SYS_getgroups, INT_MAX, list) == n);   /* room to spare is fine */

	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	if (!root)
		return 0;
	pid_t c = fork();
	if (c == 0) {
		gid_t set[3] = {30, 10, 20};
		T(syscall(SYS_setgroups, 3, set));
		V(syscall(SYS_getgroups, 0, NULL));
		memset(list, 0, sizeof list);
		V(syscall(SYS_getgroups, 3, list));
		SAY("groups: %u %u %u", list[0], list[1], list[2]);
		T(syscall(SYS_getgroups, 2, list));         /* too small */
		T(syscall(SYS_getgroups, 3, BADPTR));
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	EXPECT(syscall(SYS_getgroups, 0, NULL) == n);   /* the parent's are unchanged */
	return 0;
}
