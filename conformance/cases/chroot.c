// covers: chroot ENOENT ENOTDIR ELOOP EFAULT
// covers-root: chroot ok
// setup: mkdir -p jail/inner && touch jail/marker file && ln -s loop loop
#include "ct.h"

/* chroot needs CAP_SYS_CHROOT: the outcome of a valid call is printed for the
 * current user (the same in both runs); the path errors come first for everyone. */
int main(void)
{
	int root = geteuid() == 0;
	SAY("root: %d", root);
	T(chroot("missing"));
	T(chroot("file"));
	T(chroot("file/x"));
	T(chroot("loop"));
	T(chroot(""));
	T(chroot(BADPTR));
	T(chroot(NULL));

	pid_t pid = fork();
	if (pid == 0) {
		errno = 0;
		int r = chroot("jail");
		EXPECT(root ? r == 0 : (r == -1 && errno == EPERM));
		if (r == 0) {
			T(chdir("/"));
			T(access("/marker", F_OK));           /* "/" is now jail */
			T(access("/inner", F_OK));
			T(access("/jail", F_OK));
			T(access("/../marker", F_OK));        /* ".." of the new root is itself */
			char buf[256];
			P(getcwd(buf, sizeof buf));
			SAY("cwd %s", buf);
		}
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	T(access("jail/marker", F_OK));               /* the parent is not affected */
	return 0;
}
