// covers: set_robust_list ok EINVAL
#include "ct.h"

/* The kernel's robust_list_head: list, futex_offset, list_op_pending. */
struct robust_head { long next, offset, pending; };

int main(void)
{
	static struct robust_head head;
	head.next = (long)(uintptr_t)&head;     /* empty list: points to itself */
	/* done in children: the libc registered the main thread's own head */
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_set_robust_list, &head, sizeof head));
		T(syscall(SYS_set_robust_list, &head, 0));
		T(syscall(SYS_set_robust_list, &head, 1000));
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
