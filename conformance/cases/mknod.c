// covers: mknod ok EEXIST ENOENT ENOTDIR EFAULT EINVAL EPERM
// covers: mknodat ok EEXIST EBADF ENOTDIR EFAULT EINVAL ENOENT
// setup: mkdir dir && touch file
#include "ct.h"
#include <sys/sysmacros.h>

static void kind(const char *p)
{
	struct stat st;
	if (lstat(p, &st) != 0) { SAY("  %s: %s", p, ct_errname(errno)); return; }
	const char *k = S_ISFIFO(st.st_mode) ? "fifo" : S_ISREG(st.st_mode) ? "file" :
		S_ISCHR(st.st_mode) ? "chr" : S_ISBLK(st.st_mode) ? "blk" : S_ISSOCK(st.st_mode) ? "sock" : "?";
	SAY("  %s: %s %o size %ld", p, k, (unsigned)st.st_mode & 07777, (long)st.st_size);
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		SAY("  %s: dev %u:%u", p, major(st.st_rdev), minor(st.st_rdev));
}

int main(void)
{
	umask(022);
	T(syscall(SYS_mknod, "fifo", S_IFIFO | 0666, 0));
	kind("fifo");
	T(syscall(SYS_mknod, "reg", S_IFREG | 0640, 0));
	kind("reg");
	T(syscall(SYS_mknod, "plain", 0600, 0));            /* no type: a regular file */
	kind("plain");
	T(syscall(SYS_mknod, "sock", S_IFSOCK | 0700, 0));
	kind("sock");
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	T(syscall(SYS_mknodat, d, "fifo2", S_IFIFO | 0600, 0));
	kind("dir/fifo2");
	T(syscall(SYS_mknodat, AT_FDCWD, "fifo3", S_IFIFO | 0777, 0));
	kind("fifo3");                                        /* the umask applies */
	int fd = open("fifo", O_RDWR);                        /* a working FIFO */
	write(fd, "hi", 2);
	char buf[4] = {0};
	V(read(fd, buf, sizeof buf));
	SAY("  %s", buf);

	/* device nodes need CAP_MKNOD: the outcome is printed for this user */
	int root = geteuid() == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	errno = 0;
	long r = syscall(SYS_mknod, "null", S_IFCHR | 0666, makedev(1, 3));
	EXPECT(root ? r == 0 : (r == -1 && errno == EPERM));
	errno = 0;
	r = syscall(SYS_mknodat, d, "blk", S_IFBLK | 0600, makedev(7, 200));
	EXPECT(root ? r == 0 : (r == -1 && errno == EPERM));
	errno = 0;
	r = syscall(SYS_mknod, "big", S_IFCHR | 0600, makedev(300, 70000));   /* the 32-bit encoding's high bits */
	EXPECT(root ? r == 0 : (r == -1 && errno == EPERM));
	if (root) {
		kind("null");
		kind("dir/blk");
		kind("big");
		int n = open("null", O_RDWR);
		V(write(n, "x", 1));
		V(read(n, buf, 1));                               /* /dev/null's behaviour */
	}

	T(syscall(SYS_mknod, "fifo", S_IFIFO | 0600, 0));
	T(syscall(SYS_mknod, "dir", S_IFIFO | 0600, 0));
	T(syscall(SYS_mknod, "missing/x", S_IFIFO | 0600, 0));
	T(syscall(SYS_mknod, "file/x", S_IFIFO | 0600, 0));
	T(syscall(SYS_mknod, "", S_IFIFO | 0600, 0));
	T(syscall(SYS_mknod, BADPTR, S_IFIFO | 0600, 0));
	T(syscall(SYS_mknod, "d", S_IFDIR | 0700, 0));       /* not for directories */
	T(syscall(SYS_mknod, "bad", 0170000 | 0600, 0));     /* not a file type */
	T(syscall(SYS_mknodat, d, "fifo2", S_IFIFO | 0600, 0));
	T(syscall(SYS_mknodat, -1, "x", S_IFIFO | 0600, 0));
	T(syscall(SYS_mknodat, -1, "/nonexistent/x", S_IFIFO | 0600, 0));   /* absolute: dirfd unused */
	int f = open("file", O_RDONLY);
	T(syscall(SYS_mknodat, f, "x", S_IFIFO | 0600, 0));
	T(syscall(SYS_mknodat, d, BADPTR, S_IFIFO | 0600, 0));
	T(syscall(SYS_mknodat, d, "bad", 0170000 | 0600, 0));
	return 0;
}
