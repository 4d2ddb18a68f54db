// covers: chown ok ENOENT ENOTDIR ELOOP EFAULT
// setup: touch file && ln -s file link && ln -s loop loop && ln -s nowhere dangling
#include "ct.h"

static void owner(const char *p)
{
	struct stat st;
	if (lstat(p, &st) == 0)
		SAY("  %s: uid-is-me %d gid-is-me %d", p, st.st_uid == getuid(), st.st_gid == getgid());
}

int main(void)
{
	uid_t me = getuid();
	gid_t mygid = getgid();
	int root = me == 0;
	SAY("root: %d", root);
	T(chown("file", -1, -1));               /* no change: always allowed for the owner */
	T(chown("file", me, mygid));
	owner("file");
	T(chown("link", me, -1));               /* follows the link */
	T(chown("file", -1, mygid));

	/* giving a file away needs privilege: the outcome is printed for this user */
	errno = 0;
	int r = chown("file", 12345, 12345);
	EXPECT(root ? r == 0 : (r == -1 && errno == EPERM));
	owner("file");
	owner("link");                          /* the link keeps its owner */
	if (root) {
		struct stat st;
		stat("file", &st);
		EXPECT(st.st_uid == 12345 && st.st_gid == 12345);
		T(chown("file", -1, 54321));        /* only the group */
		stat("file", &st);
		EXPECT(st.st_uid == 12345 && st.st_gid == 54321);
	}

	T(chown("missing", me, mygid));
	T(chown("dangling", me, mygid));
	T(chown("", me, mygid));
	T(chown("file/x", me, mygid));
	T(chown("loop", me, mygid));
	T(chown(BADPTR, me, mygid));
	return 0;
}
