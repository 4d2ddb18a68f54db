// covers: mlock ok ENOMEM
// covers: mlock2 ok EINVAL ENOMEM
// covers: munlock ok ENOMEM
// covers: munlockall ok
#include "ct.h"

#define MLOCK_ONFAULT_ 1   /* musl 1.2.3 has no mlock2 wrapper */

static char data[3 * 4096];

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p != MAP_FAILED);
	T(syscall(SYS_mlock, p, 2 * pg));
	p[0] = 1;                                          /* still usable */
	EXPECT(p[0] == 1);
	T(syscall(SYS_mlock, p + 10, 100));                /* rounded out to pages */
	T(syscall(SYS_mlock, p + pg - 1, 2));              /* straddles two pages */
	T(syscall(SYS_mlock, p, 0));
	T(syscall(SYS_mlock, data + 100, 4000));           /* static data */
	T(syscall(SYS_mlock2, p + 2 * pg, pg, 0));
	T(syscall(SYS_mlock2, p + 2 * pg, 2 * pg, MLOCK_ONFAULT_));
	p[3 * pg] = 3;
	EXPECT(p[3 * pg] == 3);
	T(syscall(SYS_munlock, p, 4 * pg));
	T(syscall(SYS_munlock, p, 4 * pg));                /* not locked: fine */
	T(syscall(SYS_munlock, data, 100));
	T(syscall(SYS_munlock, p + 1, 0));

	T(syscall(SYS_munmap, p + 2 * pg, pg));            /* a hole in the range */
	T(syscall(SYS_mlock, p, 4 * pg));
	T(syscall(SYS_mlock2, p + pg, 2 * pg, 0));
	T(syscall(SYS_munlock, p, 3 * pg));
	T(syscall(SYS_mlock, p + 2 * pg, 0));              /* empty: nothing to check */
	/* (not BADPTR: a range ending at the top of the address space is EINVAL
	 * for a 64-bit process, ENOMEM for a 32-bit one) */
	T(syscall(SYS_mlock2, p, pg, 0x2));                /* unknown flag */
	T(syscall(SYS_mlock2, p + 2 * pg, pg, 0x2));       /* flags are checked first */
	T(syscall(SYS_mlock2, p, pg, -1));

	/* munlockall removes locks from every mapping and MCL_FUTURE; it cannot fail */
	T(syscall(SYS_mlock, p, pg));
	T(syscall(SYS_munlockall));
	T(syscall(SYS_munlockall));
	EXPECT(p[0] == 1 && p[3 * pg] == 3);
	return 0;
}
