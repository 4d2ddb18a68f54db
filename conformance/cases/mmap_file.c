// covers: mmap ok EACCES ENODEV EINVAL EBADF
#include "ct.h"

static void *raw_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
	return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char buf[16] = {0};
	char *s, *p, *o;

	int fd = open("file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ftruncate(fd, 2 * pg);
	pwrite(fd, "first", 5, 0);
	pwrite(fd, "second", 6, pg);

	/* MAP_SHARED: stores go to the file; file writes show in the mapping. */
	P(s = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
	SAY("mapped: %.5s %.6s", s, s + pg);
	memcpy(s, "FIRST", 5);
	pread(fd, buf, 5, 0);
	SAY("file after store: %s", buf);
	pwrite(fd, "SECOND", 6, pg);
	SAY("mapping after write: %.6s", s + pg);

	/* MAP_PRIVATE: stores stay private. */
	P(p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0));
	SAY("private sees: %.5s", p);
	memcpy(p, "priv!", 5);
	memset(buf, 0, sizeof buf);
	pread(fd, buf, 5, 0);
	SAY("file after private store: %s, shared map: %.5s", buf, s);

	/* An offset maps from there; the mapping outlives the descriptor. */
	int fd2 = open("file", O_RDONLY);
	P(o = mmap(NULL, pg, PROT_READ, MAP_SHARED, fd2, pg));
	close(fd2);
	SAY("offset map: %.6s", o);

	/* The mapping of a file that grows. */
	ftruncate(fd, 3 * pg);
	char *g;
	P(g = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
	memcpy(g + 2 * pg, "third", 5);
	memset(buf, 0, sizeof buf);
	pread(fd, buf, 5, 2 * pg);
	SAY("third page: %s", buf);

	int ro = open("file", O_RDONLY), wo = open("file", O_WRONLY);
	P(raw_mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0));   /* write needs O_RDWR */
	P(raw_mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0));  /* private copy is fine */
	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED, wo, 0));                /* reading needs FMODE_READ */
	int pp[2];
	pipe(pp);
	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED, pp[0], 0));             /* pipes cannot be mapped */
	int dir = open(".", O_RDONLY);
	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED, dir, 0));
	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 100));              /* offset not page aligned */
	close(wo);
	P(raw_mmap(NULL, pg, PROT_READ, MAP_SHARED, wo, 0));                /* closed */
	return 0;
}
