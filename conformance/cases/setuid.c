// covers: setuid ok EINVAL EPERM
#include "ct.h"

/* real, effective and saved uid as the kernel reports them */
static void show_uids(void)
{
	char buf[4096], *l;
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	unsigned r = 7, e = 7, s = 7;
	if ((l = strstr(buf, "\nUid:")))
		sscanf(l + 5, "%u %u %u", &r, &e, &s);
	SAY("r/e/s uid: %u %u %u", r, e, s);
}

int main(void)
{
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_setuid, geteuid()));     /* no change: always allowed */
		T(syscall(SYS_setuid, (uid_t)-1));     /* not a valid uid */
		if (root) {
			/* root sets all three ids at once */
			T(syscall(SYS_setuid, 65534));
			show_uids();
		}
		/* an unprivileged process cannot become root */
		T(syscall(SYS_setuid, 0));
		EXPECT(geteuid() != 0);
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	EXPECT(geteuid() == 0 || !root);       /* the parent is unchanged */
	return 0;
}
