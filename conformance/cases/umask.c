// covers: umask ok
#include "ct.h"

static void perm(const char *p)
{
	struct stat st;
	if (stat(p, &st) == 0) SAY("  %s: %o", p, (unsigned)(st.st_mode & 07777));
}

int main(void)
{
	umask(022);
	V(umask(077));                          /* returns the previous mask */
	V(umask(077));
	int fd = open("a", O_CREAT | O_WRONLY, 0666);
	close(fd);
	perm("a");
	mkdir("da", 0777);
	perm("da");
	V(umask(0));
	fd = open("b", O_CREAT | O_WRONLY, 0666);
	close(fd);
	perm("b");
	mkdir("db", 0777);
	perm("db");
	V(umask(0777777));                      /* only the permission bits are kept */
	V(umask(0027));
	fd = open("c", O_CREAT | O_WRONLY, 0777);
	close(fd);
	perm("c");
	T(chmod("c", 0777));                    /* chmod ignores the mask */
	perm("c");

	/* inherited across fork */
	pid_t pid = fork();
	if (pid == 0) {
		SAY("child mask %o", (unsigned)umask(0));
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	V(umask(022));                          /* the child's change is its own */
	return 0;
}
