// covers: mmap ok EINVAL EEXIST EBADF ENOMEM
#include "ct.h"

/* The raw call for the error cases: musl checks some arguments itself. */
static void *raw_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
	return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

static int all_zero(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p, *q;

	P(p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	EXPECT(((uintptr_t)p & (pg - 1)) == 0);      /* page aligned */
	EXPECT(all_zero(p, 3 * pg));                 /* zero filled */
	memset(p, 'a', 3 * pg);

	/* MAP_FIXED replaces the middle page with fresh zeros, at exactly that address. */
	P(q = mmap(p + pg, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
	EXPECT(q == p + pg);
	EXPECT(all_zero(q, pg) && p[0] == 'a' && p[2 * pg] == 'a');
	/* MAP_FIXED_NOREPLACE refuses to replace. */
	P(raw_mmap(p + pg, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0));
	EXPECT(p[pg] == 0);

	/* A length that is not a page multiple covers the whole last page. */
	P(q = mmap(NULL, 100, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	q[pg - 1] = 1;
	EXPECT(q[pg - 1] == 1);

	/* Two mappings do not overlap. */
	char *r = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(r + pg <= p || r >= p + 3 * pg);

	P(raw_mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	P(raw_mmap(NULL, pg, PROT_READ, MAP_ANONYMOUS, -1, 0));              /* neither shared nor private */
	P(raw_mmap(p + 1, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));  /* unaligned */
	P(raw_mmap(NULL, pg, PROT_READ, MAP_PRIVATE, -1, 0));                /* a file mapping needs a file */
	P(raw_mmap(NULL, (size_t)-4 * pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));  /* larger than the address space */
	return 0;
}
