// covers: munmap ok EINVAL
#include "ct.h"

/* Touch *p in a child; report only whether it exited normally with 0 (a
 * native child dies of SIGSEGV; under WALI the guest's memory fault ends the
 * child with status 139 instead, by design). */
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

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 'x', 4 * pg);

	probe("mapped page", p + pg);
	T(munmap(p + pg, pg));             /* a hole in the middle */
	probe("unmapped page", p + pg);
	probe("page before", p);
	probe("page after", p + 2 * pg);
	EXPECT(p[0] == 'x' && p[2 * pg] == 'x');
	T(munmap(p + pg, pg));             /* nothing mapped there: still fine */
	T(munmap(p + 2 * pg, 100));        /* length rounds up to the page */
	probe("rounded page", p + 2 * pg);
	probe("last page", p + 3 * pg);
	T(munmap(p, 4 * pg));              /* over holes */
	probe("first page", p);

	/* A new mapping may reuse the range; it is fresh. */
	char *q = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(q[0] == 0);

	T(munmap(q + 1, pg));              /* not page aligned */
	T(munmap(q, 0));
	T(munmap(NULL, 0));
	/* A range past the end of the address space (native: 2^64, wasm32: 2^32). */
	T(munmap(q, (size_t)-pg));
	q[0] = 1;
	SAY("still mapped: %d", q[0]);
	return 0;
}
