// covers: fchmodat ok EBADF ENOTDIR ENOENT EFAULT ELOOP
// setup: mkdir dir && touch dir/f plain && ln -s f dir/link && ln -s loop dir/loop
#include "ct.h"

/* the kernel's fchmodat has no flags argument (libc emulates AT_SYMLINK_NOFOLLOW) */
static long fcm(int dirfd, const char *p, mode_t mode)
{
	return syscall(SYS_fchmodat, dirfd, p, mode);
}

static void perm(const char *p)
{
	struct stat st;
	if (stat(p, &st) == 0) SAY("  %s: %o", p, (unsigned)(st.st_mode & 07777));
}

int main(void)
{
	int d = open("dir", O_RDONLY | O_DIRECTORY), f = open("plain", O_RDONLY);
	T(fcm(d, "f", 0604));
	perm("dir/f");
	T(fcm(d, "link", 0640));                /* follows the link */
	perm("dir/f");
	T(fcm(AT_FDCWD, "plain", 0444));
	perm("plain");
	T(fcm(d, ".", 0750));
	perm("dir");
	T(fchmodat(d, "f", 0600, 0));           /* libc, no flags */
	perm("dir/f");

	T(fcm(d, "missing", 0644));
	T(fcm(d, "", 0644));
	T(fcm(d, "loop", 0644));
	T(fcm(f, "x", 0644));                   /* a file as dirfd */
	T(fcm(d, "f/x", 0644));
	T(fcm(-1, "f", 0644));
	T(fcm(1234, "f", 0644));
	T(fcm(d, BADPTR, 0644));
	perm("dir/f");                          /* unchanged */
	return 0;
}
