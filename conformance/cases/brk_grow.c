// covers: brk ok
/* Moving the program break with the raw brk call. Linux keeps room for the
 * heap to grow (mappings are placed far from it); the C library's malloc may
 * use the break too, so the test puts it back where it found it. */
#include "ct.h"

static char *raw_brk(void *addr)
{
	return (char *)syscall(SYS_brk, addr);
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	SAY("start");                          /* stdout's buffer exists before we look */
	char *cur = raw_brk(NULL), *r;
	EXPECT(cur != (char *)-1 && cur != NULL);
	EXPECT(raw_brk(NULL) == cur);          /* asking again: the same */

	/* Grow by three pages: the new memory is zero and writable. */
	r = raw_brk(cur + 3 * pg);
	EXPECT(r == cur + 3 * pg);
	if (r != cur + 3 * pg)
		return 1;                      /* do not write memory that is not ours */
	int zero = 1;
	for (long i = 0; i < 3 * pg; i++)
		zero &= cur[i] == 0;
	EXPECT(zero);
	memset(cur, 'b', 3 * pg);
	EXPECT(cur[3 * pg - 1] == 'b');

	/* Any byte address is kept as the break. */
	r = raw_brk(cur + 3 * pg + 10);
	EXPECT(r == cur + 3 * pg + 10);

	/* Shrink; growing again gives zeroed pages. */
	r = raw_brk(cur + pg);
	EXPECT(r == cur + pg);
	EXPECT(cur[0] == 'b');
	r = raw_brk(cur + 2 * pg);
	EXPECT(r == cur + 2 * pg && cur[pg] == 0);

	r = raw_brk(cur);
	EXPECT(r == cur);
	return 0;
}
