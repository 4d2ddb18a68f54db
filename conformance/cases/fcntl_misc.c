// covers: fcntl ok EBADF EINVAL EFAULT EAGAIN
// setup: printf 0123456789 > file
#include "ct.h"
#include <signal.h>

int main(void)
{
	int p[2];
	pipe(p);
	long sz;
	/* pipe capacity */
	V((sz = fcntl(p[0], F_GETPIPE_SZ)) >= 4096);
	V(fcntl(p[1], F_SETPIPE_SZ, 3 * 4096 + 1) == 4 * 4096);   /* rounded up to a power of two pages */
	V(fcntl(p[0], F_GETPIPE_SZ) == 4 * 4096);
	V(fcntl(p[1], F_SETPIPE_SZ, 0) == 4096);                  /* at least a page */
	int fd = open("file", O_RDONLY);
	V(fcntl(fd, F_GETPIPE_SZ));                               /* not a pipe */
	V(fcntl(fd, F_SETPIPE_SZ, 4096));

	/* signal-driven I/O owner and signal */
	V(fcntl(p[0], F_GETOWN));
	V(fcntl(p[0], F_SETOWN, getpid()));
	EXPECT(fcntl(p[0], F_GETOWN) == getpid());
	struct f_owner_ex ex = {0};
	V(fcntl(p[0], F_GETOWN_EX, &ex));
	EXPECT(ex.type == F_OWNER_PID && ex.pid == getpid());
	ex.type = F_OWNER_PGRP;
	ex.pid = getpgrp();
	V(fcntl(p[0], F_SETOWN_EX, &ex));
	EXPECT(fcntl(p[0], F_GETOWN) == -getpgrp());              /* a group reads back negative */
	ex.type = 99;
	V(fcntl(p[0], F_SETOWN_EX, &ex));
	V(fcntl(p[0], F_GETOWN_EX, BADPTR));
	V(fcntl(p[0], F_SETOWN_EX, BADPTR));
	V(fcntl(-1, F_GETOWN_EX, BADPTR));                        /* the descriptor first */
	V(fcntl(p[0], F_GETSIG));
	V(fcntl(p[0], F_SETSIG, SIGUSR1));
	V(fcntl(p[0], F_GETSIG) == SIGUSR1);
	V(fcntl(p[0], F_SETSIG, 999));

	/* leases: only on regular files; a write lease needs no other open */
	V(fcntl(fd, F_GETLEASE) == F_UNLCK);
	V(fcntl(fd, F_SETLEASE, F_RDLCK));
	V(fcntl(fd, F_GETLEASE) == F_RDLCK);
	V(fcntl(fd, F_SETLEASE, F_UNLCK));
	int w = open("file", O_WRONLY);
	V(fcntl(w, F_SETLEASE, F_WRLCK));                         /* fd is open too */
	V(fcntl(p[0], F_SETLEASE, F_RDLCK));
	V(fcntl(fd, F_SETLEASE, 99));
	return 0;
}
