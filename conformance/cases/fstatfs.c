// covers: fstatfs ok EBADF EFAULT
// setup: touch file
#include "ct.h"
#include <sys/statfs.h>

int main(void)
{
	struct statfs a, b;
	int fd = open("file", O_RDONLY);
	T(fstatfs(fd, &a));
	T(statfs("file", &b));
	EXPECT(a.f_type == b.f_type && a.f_bsize == b.f_bsize && a.f_blocks == b.f_blocks &&
	       a.f_namelen == b.f_namelen && a.f_frsize == b.f_frsize && a.f_flags == b.f_flags &&
	       memcmp(&a.f_fsid, &b.f_fsid, sizeof a.f_fsid) == 0);
	int d = open(".", O_RDONLY | O_DIRECTORY);
	T(fstatfs(d, &b));
	EXPECT(a.f_type == b.f_type);
	int o = open("file", O_PATH);
	T(fstatfs(o, &b));                      /* O_PATH descriptors work */
	int pr = open("/proc/self", O_RDONLY | O_DIRECTORY);
	T(fstatfs(pr, &b));
	V(b.f_type == 0x9fa0);                  /* PROC_SUPER_MAGIC */
	int p[2];
	pipe(p);
	T(fstatfs(p[0], &b));
	V(b.f_type == 0x50495045);              /* PIPEFS_MAGIC */

	/* musl copies from a bounce buffer: bad buffers are tested raw */
	T(syscall(SYS_fstatfs, fd, BADPTR));
	T(syscall(SYS_fstatfs, fd, NULL));
	T(fstatfs(-1, &a));
	T(syscall(SYS_fstatfs, -1, BADPTR));  /* the descriptor is checked first */
	close(fd);
	T(fstatfs(fd, &a));
	return 0;
}
