// covers: msync ok EINVAL ENOMEM
#include "ct.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ftruncate(fd, 2 * pg);
	char *f = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	strcpy(f, "synced");
	T(msync(f, 2 * pg, MS_SYNC));
	char buf[8] = {0};
	pread(fd, buf, 6, 0);
	SAY("file: %s", buf);
	T(msync(f, pg, MS_ASYNC));
	T(msync(f, pg, MS_INVALIDATE));
	T(msync(f, pg, MS_SYNC | MS_INVALIDATE));
	T(msync(f, 100, MS_SYNC));             /* length rounds up */
	T(msync(f, 0, MS_SYNC));

	char *a = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	T(msync(a, 2 * pg, MS_SYNC));          /* anonymous memory: nothing to do */

	T(msync(f, pg, MS_SYNC | MS_ASYNC));   /* both */
	T(msync(f, pg, 0x100));                /* unknown flag */
	T(msync(f + 1, pg, MS_SYNC));          /* unaligned */
	munmap(a + pg, pg);
	T(msync(a, 2 * pg, MS_SYNC));          /* range with a hole */
	T(msync(a + pg, pg, MS_ASYNC));
	return 0;
}
