// covers: getrandom ok EINVAL EFAULT
#include "ct.h"
#include <sys/random.h>

int main(void)
{
	unsigned char a[32], b[32];
	V(syscall(SYS_getrandom, a, sizeof a, 0));
	V(syscall(SYS_getrandom, b, sizeof b, GRND_NONBLOCK));
	EXPECT(memcmp(a, b, sizeof a) != 0);
	V(syscall(SYS_getrandom, b, sizeof b, GRND_RANDOM | GRND_NONBLOCK));
	V(syscall(SYS_getrandom, b, 0, 0));
	V(getrandom(a, 7, 0));

	/* a large request is served (possibly in part, never more) */
	static unsigned char big[1 << 20];
	long n = syscall(SYS_getrandom, big, sizeof big, 0);
	EXPECT(n > 0 && n <= (long)sizeof big);

	T(syscall(SYS_getrandom, a, sizeof a, 0x100));            /* unknown flag */
	T(syscall(SYS_getrandom, a, sizeof a, GRND_RANDOM | 0x4)); /* INSECURE with RANDOM */
	T(syscall(SYS_getrandom, BADPTR, 16, 0));
	return 0;
}
