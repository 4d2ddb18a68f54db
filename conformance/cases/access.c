// covers: access ok ENOENT ENOTDIR EACCES EINVAL EFAULT ELOOP ENAMETOOLONG
// setup: touch file && chmod 644 file && touch script && chmod 755 script && mkdir dir && ln -s file link && ln -s nowhere dangling && ln -s loop loop
#include "ct.h"

int main(void)
{
	T(access("file", F_OK));
	T(access("file", R_OK));
	T(access("file", R_OK | W_OK));
	T(access("file", X_OK));            /* no execute bit: denied even to root */
	T(access("script", X_OK));
	T(access("dir", X_OK));
	T(access("dir", R_OK | W_OK | X_OK));
	T(access("link", R_OK));            /* followed */
	T(access("dangling", F_OK));
	T(access("missing", F_OK));
	T(access("", F_OK));
	T(access("file/", F_OK));
	T(access("file/x", F_OK));
	T(access("loop", F_OK));
	T(access("file", 8));               /* unknown mode bit */
	T(access("file", -1));
	T(access(BADPTR, F_OK));
	T(access(NULL, F_OK));
	char longname[5000];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	for (int i = 100; i < (int)sizeof longname - 1; i += 100)
		longname[i] = '/';
	T(access(longname, F_OK));          /* longer than PATH_MAX */

	/* a file without permissions: the answer depends on the user, the same in both runs */
	chmod("file", 0);
	int root = getuid() == 0;
	SAY("root: %d", root);
	errno = 0;
	int r = access("file", R_OK);
	EXPECT(root ? r == 0 : (r == -1 && errno == EACCES));
	return 0;
}
