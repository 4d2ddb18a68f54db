// covers: signalfd4 ok EINVAL EBADF EFAULT
// covers: read EAGAIN
#include "ct.h"
#include <signal.h>
#include <sys/signalfd.h>

#define BIT(s) (1ull << ((s) - 1))

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);

	uint64_t mask = BIT(SIGUSR1) | BIT(SIGUSR2) | BIT(SIGCHLD);
	int fd = syscall(SYS_signalfd4, -1, &mask, 8, SFD_NONBLOCK | SFD_CLOEXEC);
	EXPECT(fd >= 0);
	EXPECT((fcntl(fd, F_GETFL) & O_NONBLOCK) != 0);
	EXPECT((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);

	struct signalfd_siginfo si[4];
	T(read(fd, si, sizeof si));           /* nothing pending, non-blocking */

	/* several signals in one read, lowest number first */
	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGUSR1);
	V(read(fd, si, sizeof si));
	SAY("first %u, second %u", si[0].ssi_signo, si[1].ssi_signo);

	/* SIGCHLD from a child: its pid and status */
	pid_t c = fork();
	if (c == 0)
		_exit(7);
	int st;
	waitpid(c, &st, 0);
	memset(si, 0, sizeof si);
	V(read(fd, si, sizeof si[0]));
	EXPECT(si[0].ssi_signo == SIGCHLD && si[0].ssi_code == CLD_EXITED);
	EXPECT(si[0].ssi_pid == (uint32_t)c && si[0].ssi_status == 7);

	/* libc's signalfd */
	int fd2 = signalfd(-1, &set, SFD_NONBLOCK);
	EXPECT(fd2 >= 0);
	raise(SIGUSR1);
	V(read(fd2, si, sizeof si));
	EXPECT(si[0].ssi_signo == SIGUSR1);

	T(syscall(SYS_signalfd4, -1, &mask, 8, 0x1));         /* unknown flag */
	T(syscall(SYS_signalfd4, -1, &mask, 16, 0));
	T(syscall(SYS_signalfd4, 999, &mask, 8, 0));
	T(syscall(SYS_signalfd4, 0, &mask, 8, 0));            /* stdin: not a signalfd */
	T(syscall(SYS_signalfd4, -1, BADPTR, 8, 0));
	return 0;
}
