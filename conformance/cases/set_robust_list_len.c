// covers: set_robust_list EINVAL
#include "ct.h"

/* The length must be exactly that of the robust_list_head (three longs). */
struct robust_head { long next, offset, pending; };

int main(void)
{
	static struct robust_head head;
	head.next = (long)(uintptr_t)&head;
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_set_robust_list, &head, sizeof head - 8));
		T(syscall(SYS_set_robust_list, &head, sizeof head / 2));
		T(syscall(SYS_set_robust_list, &head, sizeof head + 8));
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
