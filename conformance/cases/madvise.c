// covers: madvise ok EINVAL ENOMEM
#include "ct.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 'x', 4 * pg);

	T(madvise(p, 4 * pg, MADV_NORMAL));
	T(madvise(p, 4 * pg, MADV_SEQUENTIAL));
	T(madvise(p, 4 * pg, MADV_RANDOM));
	T(madvise(p, 4 * pg, MADV_WILLNEED));
	T(madvise(p, 100, MADV_NORMAL));       /* length rounds up */
	T(madvise(p, 0, MADV_NORMAL));
	EXPECT(p[0] == 'x' && p[4 * pg - 1] == 'x');

	/* MADV_DONTNEED drops private anonymous pages: they read back as zero. */
	T(madvise(p + pg, pg, MADV_DONTNEED));
	EXPECT(p[pg] == 0 && p[2 * pg - 1] == 0);
	EXPECT(p[0] == 'x' && p[2 * pg] == 'x');

	/* ... but a shared file mapping reads back the file. */
	int fd = open("file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ftruncate(fd, pg);
	char *f = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	strcpy(f, "in the file");
	T(madvise(f, pg, MADV_DONTNEED));
	SAY("after DONTNEED: %s", f);

	/* Fork-related advice (MADV_DONTFORK is refused by design: a forked
	 * child would lose the range; see by-design.md). */
	T(madvise(p, pg, MADV_DOFORK));

	T(madvise(p + 1, pg, MADV_NORMAL));    /* unaligned */
	T(madvise(p, pg, 9999));               /* unknown advice */
	munmap(p + 2 * pg, pg);
	T(madvise(p, 4 * pg, MADV_NORMAL));    /* range with a hole */
	T(madvise(p + 2 * pg, pg, MADV_WILLNEED));
	T(madvise(p, (size_t)-pg, MADV_NORMAL));   /* wraps past the end of the address space */
	return 0;
}
