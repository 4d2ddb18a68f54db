// covers: uname ok EFAULT
#include "ct.h"
#include <sys/utsname.h>

/* first line of a /proc file, without the newline */
static const char *proc(const char *path)
{
	static char buf[512];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return buf;
}

int main(void)
{
	struct utsname u;
	memset(&u, 'x', sizeof u);
	T(syscall(SYS_uname, &u));
	SAY("sysname: %s", u.sysname);
	EXPECT(strcmp(u.sysname, proc("/proc/sys/kernel/ostype")) == 0);
	EXPECT(strcmp(u.release, proc("/proc/sys/kernel/osrelease")) == 0);
	EXPECT(strcmp(u.version, proc("/proc/sys/kernel/version")) == 0);
	EXPECT(strcmp(u.nodename, proc("/proc/sys/kernel/hostname")) == 0);
	EXPECT(strcmp(u.domainname, proc("/proc/sys/kernel/domainname")) == 0);
	EXPECT(strlen(u.machine) > 0 && strlen(u.machine) < sizeof u.machine);

	struct utsname v;
	T(uname(&v));
	EXPECT(memcmp(&u, &v, sizeof u) == 0);

	T(syscall(SYS_uname, BADPTR));
	return 0;
}
