// covers: chmod ok ENOENT ENOTDIR ELOOP EFAULT
// setup: touch file && mkdir dir && ln -s file link && ln -s loop loop && ln -s nowhere dangling
#include "ct.h"

static void perm(const char *p)
{
	struct stat st;
	if (stat(p, &st) == 0) SAY("  %s: %o", p, (unsigned)(st.st_mode & 07777));
}

int main(void)
{
	T(chmod("file", 0600));
	perm("file");
	T(chmod("file", 04755));                /* set-user-ID kept for the owner */
	perm("file");
	T(chmod("file", 0));
	perm("file");
	T(chmod("file", 0177777));              /* file-type bits are ignored */
	perm("file");
	T(chmod("link", 0640));                 /* follows the link */
	perm("file");
	struct stat st;
	lstat("link", &st);
	SAY("  link itself: %o", (unsigned)(st.st_mode & 07777));
	T(chmod("dir", 01777));
	perm("dir");
	T(chmod("dir/", 0700));
	perm("dir");

	T(chmod("missing", 0644));
	T(chmod("dangling", 0644));
	T(chmod("", 0644));
	T(chmod("file/x", 0644));
	T(chmod("loop", 0644));
	T(chmod(BADPTR, 0644));
	T(chmod(NULL, 0644));
	return 0;
}
