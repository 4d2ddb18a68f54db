// covers: execve ok
#include "ct.h"

/* After execve, close-on-exec descriptors are closed and the lowest free
 * descriptor numbers are the new program's: its first open() gets the
 * lowest number not inherited. */
int main(int argc, char **argv)
{
	if (argc > 1) {
		int fd = atoi(argv[1]);
		SAY("new program: close-on-exec fd %s", fcntl(fd, F_GETFD) < 0 ? "closed" : "still open");
		int n = open(".", O_RDONLY);
		SAY("new program: first open() reuses that number: %s", n == fd ? "yes" : "no");
		return 0;
	}
	/* the lowest free descriptor at start is the one after stdio */
	int first = open(".", O_RDONLY);
	SAY("first open() = %d", first);
	close(first);
	int gone = open(".", O_RDONLY | O_CLOEXEC);
	EXPECT(gone == first);
	char num[16];
	snprintf(num, sizeof num, "%d", gone);
	char *args[] = {argv[0], num, NULL}, *env[] = {NULL};
	syscall(SYS_execve, argv[0], args, env);
	SAY("execve failed: %s", ct_errname(errno));
	return 1;
}
