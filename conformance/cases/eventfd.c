// covers: eventfd ok EMFILE
#include "ct.h"
#include <sys/resource.h>

/* the raw call: musl's eventfd() uses eventfd2 */
int main(void)
{
	int fd;
	T(fd = syscall(SYS_eventfd, 5));
	V(fcntl(fd, F_GETFD));                    /* no flags */
	V((fcntl(fd, F_GETFL) & O_NONBLOCK) != 0);
	uint64_t v = 0;
	V(read(fd, &v, sizeof v));
	V(v);
	v = 7;
	V(write(fd, &v, sizeof v));
	v = 8;
	V(write(fd, &v, sizeof v));
	V(read(fd, &v, sizeof v));                /* the sum, then reset */
	V(v);
	int e2;
	T(e2 = syscall(SYS_eventfd, 0xffffffffu));  /* the largest initial value */
	V(read(e2, &v, sizeof v));
	V(v);

	/* blocking read is woken by another process's write */
	pid_t pid = fork();
	if (pid == 0) {
		uint64_t one = 1;
		usleep(20000);
		write(fd, &one, sizeof one);
		_exit(0);
	}
	V(read(fd, &v, sizeof v));
	V(v);
	waitpid(pid, NULL, 0);

	struct rlimit rl = {8, 8};
	setrlimit(RLIMIT_NOFILE, &rl);
	for (int i = 0; i < 10 && syscall(SYS_eventfd, 0) >= 0; i++)
		;
	T(syscall(SYS_eventfd, 0));
	return 0;
}
