// covers: fchdir ok EBADF ENOTDIR
// setup: mkdir -p a/b && touch a/b/marker file
#include "ct.h"

static void where(void)
{
	char buf[4096];
	if (getcwd(buf, sizeof buf))
		SAY("  cwd %s", buf);
}

int main(void)
{
	int top = open(".", O_RDONLY | O_DIRECTORY);
	int b = open("a/b", O_RDONLY | O_DIRECTORY);
	int bpath = open("a", O_PATH | O_DIRECTORY);
	T(fchdir(b));
	where();
	T(access("marker", F_OK));
	T(fchdir(top));
	where();
	T(fchdir(bpath));                      /* O_PATH descriptors work */
	where();
	T(fchdir(top));

	int f = open("file", O_RDONLY);
	T(fchdir(f));
	int p[2];
	pipe(p);
	T(fchdir(p[0]));
	T(fchdir(-1));
	T(fchdir(7777));
	close(b);
	T(fchdir(b));
	where();                                /* unchanged after the errors */

	/* the directory is removed after opening: still usable, but empty */
	mkdir("tmpdir", 0755);
	int t = open("tmpdir", O_RDONLY | O_DIRECTORY);
	rmdir("tmpdir");
	T(fchdir(t));
	T(open("new", O_CREAT | O_WRONLY, 0644));
	return 0;
}
