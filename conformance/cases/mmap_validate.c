// covers: mmap ok EINVAL EOPNOTSUPP
/* MAP_SHARED_VALIDATE (MAP_SHARED | MAP_PRIVATE) checks the flags: unknown ones
 * and MAP_SYNC on a file that cannot do it are EOPNOTSUPP, anonymous is EINVAL.
 * Plain MAP_SHARED ignores unknown flags. */
#include "ct.h"

/* 32-bit native hosts (the qemu-user baseline) have mmap2 only; every offset
 * here is 0, so its page units do not matter. */
#ifndef SYS_mmap
#define SYS_mmap SYS_mmap2
#endif

static void *raw_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
	return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ftruncate(fd, pg);

	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED_VALIDATE, fd, 0));
	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED | 0x800000, fd, 0));          /* unknown bit ignored */
	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED_VALIDATE | 0x800000, fd, 0)); /* unknown bit refused */
	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, fd, 0)); /* not a DAX file */
	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0));
	return 0;
}
