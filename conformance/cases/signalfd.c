// covers: signalfd ok EINVAL EBADF EFAULT
#include "ct.h"
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>

#define BIT(s) (1ull << ((s) - 1))

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);

	uint64_t mask = BIT(SIGUSR1);
	int fd = syscall(SYS_signalfd, -1, &mask, 8);
	EXPECT(fd >= 0);
	EXPECT((fcntl(fd, F_GETFL) & O_NONBLOCK) == 0);
	EXPECT((fcntl(fd, F_GETFD) & FD_CLOEXEC) == 0);

	struct pollfd pfd = {fd, POLLIN, 0};
	V(poll(&pfd, 1, 0));                  /* nothing yet */
	kill(getpid(), SIGUSR1);
	V(poll(&pfd, 1, 0));

	struct signalfd_siginfo si;
	memset(&si, 0, sizeof si);
	V(read(fd, &si, sizeof si));
	EXPECT(si.ssi_signo == SIGUSR1 && si.ssi_code == SI_USER);
	EXPECT(si.ssi_pid == (uint32_t)getpid() && si.ssi_uid == getuid());
	sigset_t p;
	sigpending(&p);
	EXPECT(!sigismember(&p, SIGUSR1));    /* consumed by the read */

	/* SIGUSR2 is not in its mask until the mask is changed */
	raise(SIGUSR2);
	V(poll(&pfd, 1, 0));
	mask |= BIT(SIGUSR2);
	V(syscall(SYS_signalfd, fd, &mask, 8) == fd);
	V(poll(&pfd, 1, 0));
	V(read(fd, &si, sizeof si));
	SAY("ssi_signo %u ssi_code %s", si.ssi_signo, si.ssi_code == SI_TKILL ? "SI_TKILL" : "other");

	/* a buffer smaller than one record */
	raise(SIGUSR1);
	char small[64];
	T(read(fd, small, sizeof small));
	T(read(fd, &si, sizeof si));

	int file = open(".", O_RDONLY);
	T(syscall(SYS_signalfd, file, &mask, 8));         /* not a signalfd */
	T(syscall(SYS_signalfd, 999, &mask, 8));
	T(syscall(SYS_signalfd, -1, &mask, 4));
	T(syscall(SYS_signalfd, -1, BADPTR, 8));
	T(close(fd));
	return 0;
}
