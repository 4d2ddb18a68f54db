// covers: brk ok
/* The raw brk system call returns the (new or unchanged) program break; it
 * never fails with -1. Requests that cannot be met leave it unchanged.
 * (brk_grow.c moves it.) */
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
	r = raw_brk(cur);                      /* to where it is */
	EXPECT(r == cur);
	r = raw_brk((void *)(uintptr_t)pg);    /* below the start of the heap */
	EXPECT(r == cur);
	r = raw_brk((char *)BADPTR);           /* beyond the address space */
	EXPECT(r == cur);

	/* A mapping where the heap would grow blocks it (ours, or one that was
	 * already there when MAP_FIXED_NOREPLACE refuses). */
	char *m = mmap(cur + 16 * pg, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	r = raw_brk(cur + 32 * pg);
	EXPECT(r == cur);
	if (m != MAP_FAILED)
		munmap(m, pg);
	EXPECT(raw_brk(NULL) == cur);
	return 0;
}
