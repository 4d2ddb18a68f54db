// covers: inotify_init ok
// covers: inotify_init1 ok EINVAL
// covers: inotify_add_watch ok EBADF EINVAL ENOENT ENOTDIR EFAULT EEXIST
// covers: inotify_rm_watch ok EBADF EINVAL
// setup: mkdir dir && touch file
#include "ct.h"
#include <sys/inotify.h>

#define MASK_CREATE 0x10000000U   /* IN_MASK_CREATE, Linux 4.18 */

/* print the queued events (wd as "first"/"second", never its value) */
static void drain(int fd, int w1)
{
	char buf[4096] __attribute__((aligned(8)));
	ssize_t n = read(fd, buf, sizeof buf);
	if (n < 0) { SAY("  read: %s", ct_errname(errno)); return; }
	for (char *p = buf; p < buf + n;) {
		struct inotify_event *e = (struct inotify_event *)p;
		SAY("  event %s mask %#x cookie-set %d name \"%s\"", e->wd == w1 ? "first" : "second",
		    e->mask, e->cookie != 0, e->len ? e->name : "");
		p += sizeof *e + e->len;
	}
}

int main(void)
{
	int a = syscall(SYS_inotify_init);
	EXPECT(a >= 0);
	EXPECT((fcntl(a, F_GETFL) & O_NONBLOCK) == 0 && (fcntl(a, F_GETFD) & FD_CLOEXEC) == 0);
	close(a);
	int fd = syscall(SYS_inotify_init1, IN_NONBLOCK | IN_CLOEXEC);
	EXPECT(fd >= 0);
	EXPECT((fcntl(fd, F_GETFL) & O_NONBLOCK) != 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
	T(syscall(SYS_inotify_init1, 0x1));             /* unknown flag */

	int w1 = syscall(SYS_inotify_add_watch, fd, "dir", IN_CREATE | IN_DELETE | IN_MOVE);
	EXPECT(w1 > 0);
	int w2 = syscall(SYS_inotify_add_watch, fd, "file", IN_MODIFY | IN_ATTRIB);
	EXPECT(w2 > 0 && w2 != w1);
	EXPECT(syscall(SYS_inotify_add_watch, fd, "dir", IN_CREATE | IN_DELETE | IN_MOVE) == w1);
	drain(fd, w1);                                  /* nothing yet */
	close(open("dir/a", O_CREAT | O_WRONLY, 0644));
	rename("dir/a", "dir/b");
	unlink("dir/b");
	int f = open("file", O_WRONLY);
	write(f, "x", 1);
	chmod("file", 0600);
	drain(fd, w1);
	EXPECT(syscall(SYS_inotify_add_watch, fd, "file", IN_ATTRIB | IN_MASK_ADD) == w2);
	EXPECT(syscall(SYS_inotify_add_watch, fd, "dir", IN_ONLYDIR | IN_CREATE) == w1);
	T(syscall(SYS_inotify_rm_watch, fd, w2));
	drain(fd, w1);                                  /* IN_IGNORED */
	write(f, "y", 1);
	drain(fd, w1);                                  /* no longer watched */

	T(syscall(SYS_inotify_add_watch, fd, "dir", IN_CREATE | MASK_CREATE));   /* already watched */
	T(syscall(SYS_inotify_add_watch, fd, "missing", IN_CREATE));
	T(syscall(SYS_inotify_add_watch, fd, "file/x", IN_CREATE));
	T(syscall(SYS_inotify_add_watch, fd, "file", IN_ONLYDIR | IN_MODIFY));
	T(syscall(SYS_inotify_add_watch, fd, "dir", 0));                         /* no event */
	T(syscall(SYS_inotify_add_watch, fd, "dir", IN_CREATE | IN_MASK_ADD | MASK_CREATE));
	T(syscall(SYS_inotify_add_watch, fd, BADPTR, IN_CREATE));
	T(syscall(SYS_inotify_add_watch, f, "dir", IN_CREATE));                 /* not an inotify fd */
	T(syscall(SYS_inotify_add_watch, -1, "dir", IN_CREATE));
	T(syscall(SYS_inotify_rm_watch, fd, w2));       /* already removed */
	T(syscall(SYS_inotify_rm_watch, fd, 12345));
	T(syscall(SYS_inotify_rm_watch, f, w1));
	T(syscall(SYS_inotify_rm_watch, -1, w1));
	T(syscall(SYS_inotify_rm_watch, fd, w1));
	drain(fd, w1);
	close(fd);
	T(syscall(SYS_inotify_add_watch, fd, "dir", IN_CREATE));
	return 0;
}
