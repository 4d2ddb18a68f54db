// covers: sysinfo ok EFAULT
#include "ct.h"
#include <sys/sysinfo.h>

/* value of a "Key: N kB" line of /proc/meminfo, in bytes */
static unsigned long long meminfo(const char *key)
{
	static char buf[8192];
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	char *l = strstr(buf, key);
	return l ? strtoull(l + strlen(key), NULL, 10) * 1024 : 0;
}

int main(void)
{
	struct sysinfo si;
	memset(&si, 0xff, sizeof si);
	T(syscall(SYS_sysinfo, &si));
	EXPECT(si.mem_unit >= 1);
	EXPECT(si.totalram > 0);
	EXPECT(si.freeram <= si.totalram);
	EXPECT(si.freeswap <= si.totalswap);
	EXPECT(si.procs >= 1);
	EXPECT((unsigned long long)si.totalram * si.mem_unit == meminfo("MemTotal:"));
	EXPECT((unsigned long long)si.totalswap * si.mem_unit == meminfo("SwapTotal:"));

	/* uptime agrees with /proc/uptime */
	char buf[64] = "";
	int fd = open("/proc/uptime", O_RDONLY);
	read(fd, buf, sizeof buf - 1);
	close(fd);
	long up = atol(buf);
	EXPECT(si.uptime >= up - 1 && si.uptime <= up + 2);

	struct sysinfo s2;
	T(sysinfo(&s2));
	EXPECT(s2.totalram == si.totalram);

	T(syscall(SYS_sysinfo, BADPTR));
	return 0;
}
