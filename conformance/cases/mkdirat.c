// covers: mkdirat ok EEXIST EBADF ENOTDIR ENOENT EFAULT
// setup: mkdir base && touch file
#include "ct.h"

int main(void)
{
	umask(022);
	int b = open("base", O_RDONLY | O_DIRECTORY), f = open("file", O_RDONLY);
	int bp = open("base", O_PATH);
	T(mkdirat(b, "one", 0755));
	T(access("base/one", F_OK));
	T(mkdirat(bp, "two", 0700));            /* an O_PATH directory */
	struct stat st;
	T(stat("base/two", &st));
	SAY("  perm %o", (unsigned)(st.st_mode & 07777));
	T(mkdirat(AT_FDCWD, "three", 0755));
	T(access("three", F_OK));
	char abs[4096];
	getcwd(abs, sizeof abs - 8);
	strcat(abs, "/four");
	T(mkdirat(-1, abs, 0755));              /* absolute: dirfd ignored */
	T(access("four", F_OK));

	T(mkdirat(b, "one", 0755));
	T(mkdirat(b, "x/y", 0755));
	T(mkdirat(-1, "five", 0755));
	T(mkdirat(999, "five", 0755));
	T(mkdirat(f, "five", 0755));            /* a file as dirfd */
	T(mkdirat(b, BADPTR, 0755));
	close(b);
	T(mkdirat(b, "six", 0755));
	return 0;
}
