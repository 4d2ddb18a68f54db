// covers: lchown ok ENOENT ENOTDIR ELOOP EFAULT
// setup: touch file && ln -s file link && ln -s loop loop && ln -s nowhere dangling && mkdir dir
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
	T(syscall(SYS_lchown, "file", -1, -1));
	T(syscall(SYS_lchown, "file", me, mygid));
	T(syscall(SYS_lchown, "link", me, mygid));      /* the link itself */
	T(syscall(SYS_lchown, "dangling", me, -1));     /* its target need not exist */
	T(syscall(SYS_lchown, "loop", -1, mygid));      /* a loop as the last component is not followed */
	T(syscall(SYS_lchown, "dir", me, mygid));

	/* giving a link away needs privilege: the outcome is printed for this user */
	errno = 0;
	long r = syscall(SYS_lchown, "link", 12345, 23456);
	EXPECT(root ? r == 0 : (r == -1 && errno == EPERM));
	owner("link");
	owner("file");                                  /* the target is unchanged */
	if (root) {
		struct stat st;
		lstat("link", &st);
		EXPECT(st.st_uid == 12345 && st.st_gid == 23456);
		T(syscall(SYS_lchown, "link", -1, 54321));  /* only the group */
		lstat("link", &st);
		EXPECT(st.st_uid == 12345 && st.st_gid == 54321);
	}

	T(syscall(SYS_lchown, "missing", me, mygid));
	T(syscall(SYS_lchown, "", me, mygid));
	T(syscall(SYS_lchown, "file/x", me, mygid));
	T(syscall(SYS_lchown, "loop/x", me, mygid));    /* a loop inside the path is */
	T(syscall(SYS_lchown, BADPTR, me, mygid));
	return 0;
}
