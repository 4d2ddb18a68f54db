// covers: prctl ok EINVAL EFAULT
#include "ct.h"
#include <signal.h>
#include <sys/prctl.h>

static const char *comm(void)
{
	static char buf[64];
	int fd = open("/proc/thread-self/comm", O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return buf;
}

int main(void)
{
	char name[32];
	T(prctl(PR_SET_NAME, "ct-name", 0, 0, 0));
	memset(name, 'x', sizeof name);
	T(prctl(PR_GET_NAME, name, 0, 0, 0));
	SAY("name: %s", name);
	SAY("comm: %s", comm());
	/* longer names are cut to 15 bytes */
	T(prctl(PR_SET_NAME, "0123456789abcdefghij", 0, 0, 0));
	T(prctl(PR_GET_NAME, name, 0, 0, 0));
	SAY("name: %s", name);

	V(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
	T(prctl(PR_SET_DUMPABLE, 0, 0, 0, 0));
	V(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
	T(prctl(PR_SET_DUMPABLE, 1, 0, 0, 0));
	T(prctl(PR_SET_DUMPABLE, 5, 0, 0, 0));

	V(prctl(PR_GET_KEEPCAPS, 0, 0, 0, 0));
	T(prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0));
	T(prctl(PR_SET_PDEATHSIG, 99, 0, 0, 0));
	T(prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0));
	T(prctl(PR_SET_TIMERSLACK, 50000, 0, 0, 0));
	V(prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0));

	pid_t c = fork();
	if (c == 0) {
		V(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
		T(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
		V(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
		T(prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0));   /* cannot be unset */
		_exit(0);
	}
	int st;
	waitpid(c, &st, 0);

	T(prctl(9999, 0, 0, 0, 0));
	T(prctl(PR_SET_NAME, BADPTR, 0, 0, 0));
	T(prctl(PR_GET_NAME, BADPTR, 0, 0, 0));
	return 0;
}
