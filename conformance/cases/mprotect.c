// covers: mprotect ok EINVAL EACCES ENOMEM
#include "ct.h"

/* The raw call: musl's mprotect() rounds the address down to a page. */
#define mprotect(a, l, p) syscall(SYS_mprotect, a, l, p)

/* Read (or write) *p in a child; report whether it exited normally with 0 (a
 * native child dies of SIGSEGV; under WALI a guest memory fault ends the child
 * with status 139, by design). */
static void probe(const char *what, volatile char *p, int store)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (store)
			*p = 1;
		else {
			char c = *p;
			(void)c;
		}
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	SAY("%s: %s", what, WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "child exit 0" : "child did not exit 0");
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	strcpy(p + pg, "kept");

	T(mprotect(p + pg, pg, PROT_READ));
	probe("read read-only", p + pg, 0);
	probe("write read-only", p + pg, 1);
	probe("write next page", p + 2 * pg, 1);
	T(mprotect(p + pg, pg, PROT_NONE));
	probe("read no-access", p + pg, 0);
	T(mprotect(p, 3 * pg, PROT_READ | PROT_WRITE));
	probe("write again", p + pg, 1);
	SAY("contents: %s", p + pg);
	T(mprotect(p, 1, PROT_READ | PROT_WRITE));     /* length rounds up */
	T(mprotect(p, 0, PROT_NONE));                  /* empty: nothing to do */

	T(mprotect(p + 1, pg, PROT_READ));             /* unaligned */
	T(mprotect(p, pg, 0x1000));                    /* unknown protection bit */
	T(mprotect(p, pg, PROT_GROWSDOWN | PROT_GROWSUP));

	/* A shared mapping of a read-only file cannot become writable. */
	int fd = open("file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ftruncate(fd, pg);
	int ro = open("file", O_RDONLY);
	char *f = mmap(NULL, pg, PROT_READ, MAP_SHARED, ro, 0);
	T(mprotect(f, pg, PROT_READ | PROT_WRITE));
	char *fp = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, ro, 0);
	T(mprotect(fp, pg, PROT_READ | PROT_WRITE));   /* private: fine */

	/* Unmapped pages. */
	munmap(p + pg, pg);
	T(mprotect(p, 3 * pg, PROT_READ));             /* range with a hole */
	T(mprotect(p + pg, pg, PROT_READ | PROT_WRITE));
	probe("read unmapped", p + pg, 0);
	return 0;
}
