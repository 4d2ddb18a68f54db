// covers: mmap ok
// covers: munmap ok
/* Shared and private mappings across fork. */
#include "ct.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *sh, *pr, *fs;
	P(sh = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
	P(pr = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	int fd = open("file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ftruncate(fd, pg);
	P(fs = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
	strcpy(sh, "parent");
	strcpy(pr, "parent");

	pid_t pid = fork();
	if (pid == 0) {
		/* The child sees the parent's data in both, then writes both. */
		int ok = strcmp(sh, "parent") == 0 && strcmp(pr, "parent") == 0;
		strcpy(sh, "child");
		strcpy(pr, "child");
		strcpy(fs, "child wrote the file");
		munmap(sh, pg);             /* unmapping in the child leaves the parent's */
		_exit(ok ? 0 : 1);
	}
	int st;
	waitpid(pid, &st, 0);
	SAY("child saw parent data: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	SAY("shared: %s", sh);
	SAY("private: %s", pr);
	SAY("file mapping: %s", fs);
	char buf[32] = {0};
	pread(fd, buf, sizeof buf - 1, 0);
	SAY("file: %s", buf);
	T(munmap(sh, pg));
	return 0;
}
