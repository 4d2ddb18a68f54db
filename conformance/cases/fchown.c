// covers: fchown ok EBADF
// setup: touch file && mkdir dir
#include "ct.h"

int main(void)
{
	uid_t me = getuid();
	gid_t mygid = getgid();
	int root = me == 0;
	SAY("root: %d", root);
	int fd = open("file", O_RDONLY);
	T(fchown(fd, -1, -1));
	T(fchown(fd, me, mygid));
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(fchown(d, me, -1));

	errno = 0;
	int r = fchown(fd, 777, 888);           /* needs privilege */
	EXPECT(root ? r == 0 : (r == -1 && errno == EPERM));
	struct stat st;
	fstat(fd, &st);
	EXPECT(root ? (st.st_uid == 777 && st.st_gid == 888) : st.st_uid == me);

	int p = open("file", O_PATH);
	T(syscall(SYS_fchown, p, -1, -1));      /* O_PATH is refused (raw: musl falls back to /proc) */
	T(fchown(-1, me, mygid));
	T(fchown(2222, me, mygid));
	close(fd);
	T(fchown(fd, me, mygid));
	return 0;
}
