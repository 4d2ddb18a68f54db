// covers: wait4 EFAULT ECHILD
#include "ct.h"

/* A bad status pointer: EFAULT, and the child has been reaped all the same
 * (Linux copies the status out after reaping). */
int main(void)
{
	pid_t c = fork();
	if (c == 0)
		_exit(3);
	T(syscall(SYS_wait4, c, BADPTR, 0, NULL));
	T(syscall(SYS_wait4, c, NULL, WNOHANG, NULL));
	c = fork();
	if (c == 0)
		_exit(3);
	T(syscall(SYS_wait4, c, NULL, 0, BADPTR));
	T(syscall(SYS_wait4, c, NULL, WNOHANG, NULL));
	return 0;
}
