// covers: creat ok ENOENT ENOTDIR EISDIR ELOOP EFAULT
// setup: printf 'old contents' > file && mkdir dir && ln -s loop loop && ln -s newfile dangling
#include "ct.h"

static void show(const char *p)
{
	struct stat st;
	if (stat(p, &st) != 0) { SAY("  %s: %s", p, ct_errname(errno)); return; }
	SAY("  %s: mode %o size %ld", p, (unsigned)st.st_mode & 07777, (long)st.st_size);
}

int main(void)
{
	umask(022);
	int fd = syscall(SYS_creat, "new", 0666);
	EXPECT(fd >= 0);
	show("new");                                /* the umask applies */
	V(write(fd, "abc", 3));
	char c;
	T(read(fd, &c, 1));                         /* write-only */
	V(fcntl(fd, F_GETFL) & O_ACCMODE);
	EXPECT((fcntl(fd, F_GETFD) & FD_CLOEXEC) == 0);
	close(fd);
	show("new");
	fd = syscall(SYS_creat, "file", 0600);      /* an existing file is truncated, its mode kept */
	EXPECT(fd >= 0);
	show("file");
	close(fd);
	fd = syscall(SYS_creat, "dangling", 0640);  /* creates the link's target */
	EXPECT(fd >= 0);
	show("newfile");
	close(fd);
	fd = syscall(SYS_creat, "dir/inner", 0);
	EXPECT(fd >= 0);
	show("dir/inner");
	close(fd);

	T(syscall(SYS_creat, "missing/x", 0644));
	T(syscall(SYS_creat, "", 0644));
	T(syscall(SYS_creat, "file/x", 0644));
	T(syscall(SYS_creat, "dir", 0644));
	T(syscall(SYS_creat, "loop", 0644));
	T(syscall(SYS_creat, BADPTR, 0644));
	return 0;
}
