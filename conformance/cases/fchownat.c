// covers: fchownat ok EBADF ENOTDIR ENOENT EINVAL EFAULT ELOOP
// setup: mkdir dir && touch dir/f plain && ln -s f dir/link && ln -s loop dir/loop && ln -s nowhere dir/dangling
#include "ct.h"

int main(void)
{
	uid_t me = getuid();
	gid_t mygid = getgid();
	int root = me == 0;
	SAY("root: %d", root);
	int d = open("dir", O_RDONLY | O_DIRECTORY), f = open("plain", O_RDONLY);
	T(fchownat(d, "f", me, mygid, 0));
	T(fchownat(d, "link", -1, -1, 0));
	T(fchownat(d, "dangling", -1, -1, 0));
	T(fchownat(d, "dangling", me, -1, AT_SYMLINK_NOFOLLOW));   /* the link itself */
	T(fchownat(d, "loop", me, -1, AT_SYMLINK_NOFOLLOW));
	T(fchownat(f, "", me, mygid, AT_EMPTY_PATH));              /* the descriptor itself */
	T(fchownat(AT_FDCWD, "plain", -1, -1, 0));

	errno = 0;
	int r = fchownat(d, "link", 4242, -1, AT_SYMLINK_NOFOLLOW);
	EXPECT(root ? r == 0 : (r == -1 && errno == EPERM));
	struct stat l, t;
	lstat("dir/link", &l);
	stat("dir/link", &t);
	EXPECT(root ? (l.st_uid == 4242 && t.st_uid == me) : l.st_uid == me);

	T(fchownat(d, "missing", me, mygid, 0));
	T(fchownat(d, "dangling", me, mygid, 0));
	T(fchownat(d, "loop", me, mygid, 0));
	T(fchownat(f, "", me, mygid, 0));                          /* empty without AT_EMPTY_PATH */
	T(fchownat(f, "x", me, mygid, 0));
	T(fchownat(d, "f", me, mygid, 0x1));                       /* unknown flag */
	T(fchownat(d, "f", me, mygid, AT_REMOVEDIR));
	T(fchownat(-1, "f", me, mygid, 0));
	T(fchownat(-1, "", me, mygid, AT_EMPTY_PATH));
	T(fchownat(d, BADPTR, me, mygid, 0));
	return 0;
}
