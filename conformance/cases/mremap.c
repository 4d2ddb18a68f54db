// covers: mremap ok EINVAL EFAULT ENOMEM
#include "ct.h"

static void probe(const char *what, volatile char *p)
{
	pid_t pid = fork();
	if (pid == 0) {
		char c = *p;
		(void)c;
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	SAY("%s: %s", what, WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "child exit 0" : "child did not exit 0");
}

static char *anon(size_t len)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = anon(2 * pg), *q;
	strcpy(p, "page zero");
	strcpy(p + pg, "page one");

	/* Grow, moving if needed: contents come along, the new part is zero. */
	P(q = mremap(p, 2 * pg, 8 * pg, MREMAP_MAYMOVE));
	SAY("%s / %s / new part zero %d", q, q + pg, q[5 * pg] == 0);
	q[7 * pg] = 1;

	/* Shrink in place: same address, the tail is gone. */
	char *r;
	P(r = mremap(q, 8 * pg, 3 * pg, 0));
	EXPECT(r == q);
	probe("kept page", q + 2 * pg);
	probe("dropped page", q + 3 * pg);

	/* Grow in place is impossible when the next page is in use. */
	char *a = anon(3 * pg);
	P(mremap(a, pg, 2 * pg, 0));
	P(r = mremap(a, pg, 2 * pg, MREMAP_MAYMOVE));
	EXPECT(r != a);
	probe("old place", a);

	/* MREMAP_FIXED: to a given address (a range we own), replacing what is there. */
	char *dst = anon(4 * pg);
	strcpy(q, "moved");
	P(r = mremap(q, 3 * pg, 2 * pg, MREMAP_MAYMOVE | MREMAP_FIXED, dst + pg));
	EXPECT(r == dst + pg);
	SAY("at destination: %s", r);
	probe("source", q);
	probe("destination's untouched page", dst);

	char *b = anon(2 * pg);
	P(mremap(b + 1, pg, 2 * pg, MREMAP_MAYMOVE));         /* unaligned */
	P(mremap(b, pg, 2 * pg, 0x100));                      /* unknown flag */
	P(mremap(b, pg, 2 * pg, MREMAP_FIXED, dst));          /* FIXED needs MAYMOVE */
	P(mremap(b, pg, 0, MREMAP_MAYMOVE));                  /* new size 0 */
	P(mremap(b, 2 * pg, 2 * pg, MREMAP_MAYMOVE | MREMAP_FIXED, b + pg));  /* overlapping */
	munmap(b, 2 * pg);
	P(mremap(b, pg, 2 * pg, MREMAP_MAYMOVE));             /* nothing mapped there */
	return 0;
}
