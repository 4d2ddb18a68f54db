// covers: setresgid ok EPERM
#include "ct.h"

/* real, effective and saved gid as the kernel reports them */
static void show_gids(void)
{
	char buf[4096], *l;
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	unsigned r = 7, e = 7, s = 7;
	if ((l = strstr(buf, "\nGid:")))
		sscanf(l + 5, "%u %u %u", &r, &e, &s);
	SAY("r/e/s gid: %u %u %u", r, e, s);
}

int main(void)
{
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		T(syscall(SYS_setresgid, -1, -1, -1));
		if (root) {
			T(syscall(SYS_setresgid, 1001, 1002, 1003));
			show_gids();
			T(syscall(SYS_setuid, 65534));
			T(syscall(SYS_setresgid, 1003, 1001, 1002));
			show_gids();
		}
		T(syscall(SYS_setresgid, -1, 4242, -1));
		T(syscall(SYS_setresgid, 0, 0, 0));
		show_gids();
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
