// covers: setgroups ok EFAULT EPERM
#include "ct.h"

static void show(void)
{
	gid_t list[8] = {0};
	long n = syscall(SYS_getgroups, 8, list);
	printf("getgroups: %ld:", n);
	for (long i = 0; i < n; i++)
		printf(" %u", list[i]);
	SAY("");
}

int main(void)
{
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		gid_t set[2] = {5, 6};
		if (root) {
			T(syscall(SYS_setgroups, 2, set));
			show();
			T(syscall(SYS_setgroups, 0, NULL));     /* no supplementary groups */
			show();
			T(syscall(SYS_setgroups, 1, BADPTR));
			T(syscall(SYS_setuid, 65534));
		}
		T(syscall(SYS_setgroups, 2, set));          /* needs CAP_SETGID */
		T(syscall(SYS_setgroups, 0, NULL));
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
