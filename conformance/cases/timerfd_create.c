// covers: timerfd_create ok EINVAL
#include "ct.h"
#include <time.h>
#include <sys/timerfd.h>

int main(void)
{
	int fd;
	uint64_t n;
	T(fd = timerfd_create(CLOCK_MONOTONIC, 0));
	EXPECT(!(fcntl(fd, F_GETFD) & FD_CLOEXEC) && !(fcntl(fd, F_GETFL) & O_NONBLOCK));
	close(fd);
	T(fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC));
	EXPECT((fcntl(fd, F_GETFD) & FD_CLOEXEC) && (fcntl(fd, F_GETFL) & O_NONBLOCK));
	T(read(fd, &n, sizeof n));         /* not armed: nothing to read */
	T(read(fd, &n, 4));                /* reads need 8 bytes */
	close(fd);
	T(fd = timerfd_create(CLOCK_BOOTTIME, 0));
	close(fd);

	T(timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0));   /* not a timer clock here */
	T(timerfd_create(CLOCK_THREAD_CPUTIME_ID, 0));
	T(timerfd_create(12345, 0));
	T(timerfd_create(-1, 0));
	T(timerfd_create(CLOCK_MONOTONIC, O_APPEND));     /* unknown flag */
	return 0;
}
