// covers: setreuid ok EPERM
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
		T(syscall(SYS_setreuid, -1, -1));     /* no change */
		if (root) {
			/* setting the real id sets the saved id to the new effective id */
			T(syscall(SYS_setreuid, 1001, 1002));
			show_uids();
			/* unprivileged: effective may become the real id, and back (saved) */
			T(syscall(SYS_setreuid, -1, 1001));
			show_uids();
			T(syscall(SYS_setreuid, -1, 1002));
			show_uids();
			/* real may become the effective id */
			T(syscall(SYS_setreuid, 1002, -1));
			show_uids();
		}
		T(syscall(SYS_setreuid, -1, 0));
		T(syscall(SYS_setreuid, 0, -1));
		T(syscall(SYS_setreuid, 4242, 4242));
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
