// covers: sched_getaffinity ok EINVAL ESRCH EFAULT
#include "ct.h"
#include <limits.h>
#include <sched.h>

int main(void)
{
	cpu_set_t set, again;
	CPU_ZERO(&set);
	long n = syscall(SYS_sched_getaffinity, 0, sizeof set, &set);
	EXPECT(n > 0 && n % 8 == 0 && n <= (long)sizeof set);  /* bytes the kernel wrote */
	EXPECT(CPU_COUNT(&set) >= 1);

	/* the same set through the pid, from libc, and in a child */
	CPU_ZERO(&again);
	EXPECT(syscall(SYS_sched_getaffinity, getpid(), sizeof again, &again) == n);
	EXPECT(CPU_EQUAL(&set, &again));
	CPU_ZERO(&again);
	T(sched_getaffinity(0, sizeof again, &again));
	EXPECT(CPU_EQUAL(&set, &again));
	pid_t c = fork();
	if (c == 0) {
		cpu_set_t mine;
		CPU_ZERO(&mine);
		syscall(SYS_sched_getaffinity, 0, sizeof mine, &mine);
		_exit(CPU_EQUAL(&set, &mine) ? 0 : 1);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);

	/* Cpus_allowed_list of /proc agrees on the count */
	char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t r = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[r > 0 ? r : 0] = 0;
	char *l = strstr(buf, "Cpus_allowed_list:");
	int count = 0;
	if (l) {
		l += strlen("Cpus_allowed_list:");
		while (*l && *l != '\n') {
			long a = strtol(l, &l, 10), b = a;
			if (*l == '-')
				b = strtol(l + 1, &l, 10);
			count += b - a + 1;
			if (*l == ',')
				l++;
			while (*l == ' ' || *l == '\t')
				l++;
		}
	}
	EXPECT(count == CPU_COUNT(&set));

	T(syscall(SYS_sched_getaffinity, 0, 4, &set));        /* not a multiple of long */
	T(syscall(SYS_sched_getaffinity, 0, 0, &set));
	T(syscall(SYS_sched_getaffinity, INT_MAX, sizeof set, &set));
	T(syscall(SYS_sched_getaffinity, 0, sizeof set, BADPTR));
	T(syscall(SYS_sched_getaffinity, 0, sizeof set, NULL));
	return 0;
}
