// covers: chdir ok ENOENT ENOTDIR ELOOP EFAULT ENAMETOOLONG
// setup: mkdir -p a/b && touch a/b/marker && touch file && ln -s a/b blink && ln -s loop loop
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
	T(chdir("a"));
	where();
	T(chdir("b"));
	where();
	T(access("marker", F_OK));
	T(chdir(".."));
	where();
	T(chdir("../blink"));                  /* the symlink is resolved */
	where();
	T(chdir("/"));
	where();
	T(chdir("/.."));                        /* .. of / is / */
	where();
	fchdir(top);
	where();

	T(chdir("/nonexistent-dir-for-ct"));
	T(chdir(""));
	T(chdir("/dev/null"));
	T(chdir("/dev/null/x"));
	T(chdir("loop"));
	T(chdir("file"));
	T(chdir(BADPTR));
	T(chdir(NULL));
	char longname[300];
	memset(longname, 'd', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	T(chdir(longname));
	where();                                /* unchanged after the errors */
	return 0;
}
