// covers: fcntl ok EAGAIN EBADF EINVAL EFAULT EDEADLK
// setup: printf 0123456789 > file
#include "ct.h"
#include <signal.h>

static struct flock lk(short type, short whence, off_t start, off_t len)
{
	struct flock l;
	memset(&l, 0, sizeof l);
	l.l_type = type;
	l.l_whence = whence;
	l.l_start = start;
	l.l_len = len;
	return l;
}

static void show(const char *what, struct flock *l)
{
	SAY("  %s: type %s whence %d start %lld len %lld", what,
	    l->l_type == F_RDLCK ? "RD" : l->l_type == F_WRLCK ? "WR" : l->l_type == F_UNLCK ? "UN" : "?",
	    l->l_whence, (long long)l->l_start, (long long)l->l_len);
}

int main(void)
{
	int fd = open("file", O_RDWR);
	struct flock l = lk(F_WRLCK, SEEK_SET, 2, 3);
	T(fcntl(fd, F_SETLK, &l));
	l = lk(F_RDLCK, SEEK_SET, 8, 0);         /* to the end and beyond */
	T(fcntl(fd, F_SETLK, &l));
	l = lk(F_WRLCK, SEEK_SET, 0, 0);
	T(fcntl(fd, F_GETLK, &l));               /* our own locks never conflict */
	show("self", &l);

	int ready[2], done[2];
	pipe(ready);
	pipe(done);
	pid_t pid = fork();
	if (pid == 0) {
		/* another process sees the parent's locks */
		struct flock m = lk(F_WRLCK, SEEK_SET, 0, 0);
		T(fcntl(fd, F_GETLK, &m));
		show("child sees", &m);
		EXPECT(m.l_pid == getppid());
		m = lk(F_RDLCK, SEEK_SET, 5, 3);
		T(fcntl(fd, F_GETLK, &m));
		show("child sees", &m);
		m = lk(F_RDLCK, SEEK_SET, 9, 1);
		T(fcntl(fd, F_GETLK, &m));           /* read locks share */
		show("child sees", &m);
		m = lk(F_WRLCK, SEEK_SET, 3, 1);
		T(fcntl(fd, F_SETLK, &m));
		m = lk(F_WRLCK, SEEK_SET, 1 << 20, 1);
		T(fcntl(fd, F_SETLK, &m));           /* the parent's read lock goes on forever */
		m = lk(F_WRLCK, SEEK_SET, 6, 1);
		T(fcntl(fd, F_SETLK, &m));
		/* deadlock: the child holds byte 6, the parent holds byte 2 */
		alarm(5);
		write(ready[1], "r", 1);
		m = lk(F_WRLCK, SEEK_SET, 2, 1);
		errno = 0;
		int r = fcntl(fd, F_SETLKW, &m);
		int dead = r == -1 && errno == EDEADLK;
		if (dead) {
			m = lk(F_UNLCK, SEEK_SET, 0, 0);
			fcntl(fd, F_SETLK, &m);
		}
		char c;
		read(done[0], &c, 1);
		_exit(dead);
	}
	char c;
	read(ready[0], &c, 1);
	alarm(5);
	l = lk(F_WRLCK, SEEK_SET, 6, 1);
	errno = 0;
	int r = fcntl(fd, F_SETLKW, &l);
	int dead = r == -1 && errno == EDEADLK;
	if (dead) {
		l = lk(F_UNLCK, SEEK_SET, 0, 0);
		fcntl(fd, F_SETLK, &l);
	}
	write(done[1], "d", 1);
	int st;
	waitpid(pid, &st, 0);
	SAY("EDEADLK seen by exactly one: %d", dead + WEXITSTATUS(st) == 1);

	/* relative ranges, unlocking */
	l = lk(F_UNLCK, SEEK_SET, 0, 0);
	T(fcntl(fd, F_SETLK, &l));
	lseek(fd, 4, SEEK_SET);
	l = lk(F_WRLCK, SEEK_CUR, 1, 2);         /* bytes 5-6 */
	T(fcntl(fd, F_SETLK, &l));
	l = lk(F_WRLCK, SEEK_END, -2, 2);        /* bytes 8-9 */
	T(fcntl(fd, F_SETLK, &l));
	l = lk(F_WRLCK, SEEK_SET, 7, -3);        /* negative length: bytes 4-6 */
	T(fcntl(fd, F_SETLK, &l));

	/* errors */
	l = lk(F_WRLCK, SEEK_SET, 0, 1);
	int ro = open("file", O_RDONLY), wo = open("file", O_WRONLY);
	T(fcntl(ro, F_SETLK, &l));               /* a write lock needs write access */
	l.l_type = F_RDLCK;
	T(fcntl(wo, F_SETLK, &l));               /* a read lock needs read access */
	l = lk(F_WRLCK, 7, 0, 1);
	T(fcntl(fd, F_SETLK, &l));               /* bad whence */
	l = lk(99, SEEK_SET, 0, 1);
	T(fcntl(fd, F_SETLK, &l));               /* bad type */
	l = lk(F_WRLCK, SEEK_SET, -1, 1);
	T(fcntl(fd, F_SETLK, &l));               /* negative start */
	l = lk(F_WRLCK, SEEK_SET, 0, 0);
	T(fcntl(fd, F_GETLK, BADPTR));
	T(fcntl(fd, F_SETLK, BADPTR));
	T(fcntl(fd, F_SETLK, NULL));
	T(fcntl(-1, F_SETLK, &l));
	T(fcntl(-1, F_GETLK, BADPTR));           /* the descriptor is checked first */

	/* open file description locks: owned by the open, not the process */
	l = lk(F_UNLCK, SEEK_SET, 0, 0);
	T(fcntl(fd, F_SETLK, &l));
	int a = open("file", O_RDWR), b = open("file", O_RDWR);
	l = lk(F_WRLCK, SEEK_SET, 0, 4);
	T(fcntl(a, F_OFD_SETLK, &l));
	l = lk(F_RDLCK, SEEK_SET, 2, 1);
	T(fcntl(b, F_OFD_SETLK, &l));            /* conflicts inside one process */
	l = lk(F_RDLCK, SEEK_SET, 0, 0);
	T(fcntl(b, F_OFD_GETLK, &l));
	show("b sees", &l);
	EXPECT(l.l_pid == -1);
	l = lk(F_RDLCK, SEEK_SET, 0, 1);
	l.l_pid = 1;
	T(fcntl(a, F_OFD_SETLK, &l));            /* l_pid must be 0 */
	close(a);
	l = lk(F_RDLCK, SEEK_SET, 2, 1);
	T(fcntl(b, F_OFD_SETLKW, &l));           /* released by the close */
	return 0;
}
