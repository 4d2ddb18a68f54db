// covers: flock ok EAGAIN EBADF EINVAL
// setup: touch file
#include "ct.h"
#include <sys/file.h>

int main(void)
{
	/* locks belong to open file descriptions: two opens conflict, dups share */
	int a = open("file", O_RDONLY), b = open("file", O_RDONLY);
	int a2 = dup(a);
	T(flock(a, LOCK_SH));
	T(flock(b, LOCK_SH));                   /* shared locks coexist */
	T(flock(b, LOCK_EX | LOCK_NB));         /* a holds a shared lock */
	T(flock(a, LOCK_UN));
	T(flock(b, LOCK_EX | LOCK_NB));         /* now possible: converts b's lock */
	T(flock(a, LOCK_SH | LOCK_NB));
	T(flock(a, LOCK_EX | LOCK_NB));
	T(flock(a2, LOCK_EX | LOCK_NB));        /* same description as a */
	T(flock(b, LOCK_UN));
	T(flock(a2, LOCK_EX | LOCK_NB));
	T(flock(a, LOCK_UN));                   /* a and a2 share the lock */
	T(flock(b, LOCK_EX | LOCK_NB));
	T(flock(b, LOCK_UN));
	T(flock(b, LOCK_UN));                   /* unlocking twice is fine */

	/* a child inherits the description, and with it the lock */
	T(flock(a, LOCK_EX));
	pid_t pid = fork();
	if (pid == 0) {
		int c = open("file", O_RDONLY);
		errno = 0;
		int r1 = flock(c, LOCK_SH | LOCK_NB);
		int e1 = errno;
		int r2 = flock(a, LOCK_EX | LOCK_NB);
		_exit((r1 == -1 && e1 == EWOULDBLOCK) * 1 + (r2 == 0) * 2);
	}
	int st;
	waitpid(pid, &st, 0);
	V(WEXITSTATUS(st));
	close(a);
	close(a2);                              /* the last close releases it */
	T(flock(b, LOCK_EX | LOCK_NB));

	T(flock(b, 0));
	T(flock(b, LOCK_SH | LOCK_EX));
	T(flock(-1, LOCK_SH));
	T(flock(a, LOCK_SH));
	int p[2];
	pipe(p);
	T(flock(p[0], LOCK_EX));                /* pipes can be locked too */
	return 0;
}
