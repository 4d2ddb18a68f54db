// covers: statfs ok ENOENT ENOTDIR ELOOP EFAULT
// setup: touch file && ln -s loop loop && mkdir dir
#include "ct.h"
#include <sys/statfs.h>

int main(void)
{
	struct statfs a, b, p;
	T(statfs(".", &a));
	EXPECT(a.f_bsize > 0 && a.f_blocks > 0 && a.f_bfree <= a.f_blocks && a.f_bavail <= a.f_bfree);
	EXPECT(a.f_files == 0 || a.f_ffree <= a.f_files);
	EXPECT(a.f_namelen > 0 && a.f_namelen <= 4096);
	T(statfs("file", &b));                  /* any file on the same file system */
	EXPECT(a.f_type == b.f_type && a.f_bsize == b.f_bsize && a.f_blocks == b.f_blocks &&
	       memcmp(&a.f_fsid, &b.f_fsid, sizeof a.f_fsid) == 0);
	T(statfs("dir/", &b));
	EXPECT(a.f_type == b.f_type);
	T(statfs("/proc", &p));
	V(p.f_type == 0x9fa0);                  /* PROC_SUPER_MAGIC */
	T(statfs("/dev/null", &p));

	T(statfs("missing", &a));
	T(statfs("", &a));
	T(statfs("file/x", &a));
	T(statfs("loop", &a));
	/* musl copies from a bounce buffer: bad buffers are tested raw */
	T(syscall(SYS_statfs, "file", BADPTR));
	T(syscall(SYS_statfs, "file", NULL));
	T(syscall(SYS_statfs, "missing", BADPTR));  /* the lookup fails first */
	T(statfs(BADPTR, &a));
	return 0;
}
