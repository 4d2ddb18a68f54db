// covers: statx ok EBADF ENOENT ENOTDIR EINVAL EFAULT ELOOP
// setup: printf 123456 > file && mkdir dir && ln -s file link && ln -s loop loop
#include "ct.h"
#include <sys/sysmacros.h>

/* the kernel's struct statx (musl 1.2.3 has no statx) */
struct ct_statx_ts { int64_t tv_sec; uint32_t tv_nsec; int32_t pad; };
struct ct_statx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad1;
	uint64_t ino, size, blocks, attributes_mask;
	struct ct_statx_ts atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t spare[14];
};

#define CT_STATX_BASIC 0x7ffU
#define CT_STATX_TYPE 0x1U
#define CT_STATX_SIZE 0x200U
#define CT_STATX__RESERVED 0x80000000U
#define CT_AT_STATX_FORCE_SYNC 0x2000
#define CT_AT_STATX_DONT_SYNC 0x4000

static long sx(int dirfd, const char *path, int flags, unsigned mask, struct ct_statx *b)
{
	return syscall(SYS_statx, dirfd, path, flags, mask, b);
}

static void show(const struct ct_statx *b)
{
	SAY("  basic-mask %d type %s perm %o size %llu nlink %u uid-is-me %d",
	    (b->mask & CT_STATX_BASIC) == CT_STATX_BASIC,
	    S_ISREG(b->mode) ? "reg" : S_ISDIR(b->mode) ? "dir" : S_ISLNK(b->mode) ? "lnk" : "other",
	    b->mode & 07777, S_ISDIR(b->mode) ? 0ULL : (unsigned long long)b->size, b->nlink, b->uid == getuid());
}

int main(void)
{
	struct ct_statx b;
	struct stat st;
	int f = open("file", O_RDONLY), d = open("dir", O_RDONLY | O_DIRECTORY);
	chmod("file", 0604);

	T(sx(AT_FDCWD, "file", 0, CT_STATX_BASIC, &b));
	show(&b);
	stat("file", &st);
	EXPECT(b.ino == st.st_ino && b.size == (uint64_t)st.st_size && b.mtime.tv_sec == st.st_mtim.tv_sec &&
	       b.mtime.tv_nsec == st.st_mtim.tv_nsec && b.blocks == (uint64_t)st.st_blocks);
	EXPECT(makedev(b.dev_major, b.dev_minor) == st.st_dev);
	T(sx(AT_FDCWD, "link", 0, CT_STATX_BASIC, &b));
	show(&b);
	T(sx(AT_FDCWD, "link", AT_SYMLINK_NOFOLLOW, CT_STATX_BASIC, &b));
	show(&b);
	T(sx(f, "", AT_EMPTY_PATH, CT_STATX_BASIC, &b));
	show(&b);
	T(sx(d, "..", 0, CT_STATX_BASIC, &b));
	show(&b);
	T(sx(AT_FDCWD, "file", CT_AT_STATX_DONT_SYNC, CT_STATX_SIZE, &b));
	EXPECT(b.mask & CT_STATX_SIZE);
	T(sx(AT_FDCWD, "file", CT_AT_STATX_FORCE_SYNC, 0, &b));
	T(sx(AT_FDCWD, "/dev/null", 0, CT_STATX_BASIC, &b));
	SAY("  rdev %u:%u", b.rdev_major, b.rdev_minor);

	T(sx(AT_FDCWD, "missing", 0, CT_STATX_BASIC, &b));
	T(sx(AT_FDCWD, "", 0, CT_STATX_BASIC, &b));
	T(sx(AT_FDCWD, "file/x", 0, CT_STATX_BASIC, &b));
	T(sx(f, "x", 0, CT_STATX_BASIC, &b));
	T(sx(AT_FDCWD, "loop", 0, CT_STATX_BASIC, &b));
	T(sx(-1, "file", 0, CT_STATX_BASIC, &b));
	T(sx(-1, "", AT_EMPTY_PATH, CT_STATX_BASIC, &b));
	T(sx(AT_FDCWD, "file", 0x1, CT_STATX_BASIC, &b));                 /* unknown flag */
	T(sx(AT_FDCWD, "file", CT_AT_STATX_FORCE_SYNC | CT_AT_STATX_DONT_SYNC, CT_STATX_BASIC, &b));
	T(sx(AT_FDCWD, "file", 0, CT_STATX__RESERVED, &b));               /* reserved mask bit */
	T(sx(AT_FDCWD, "file", 0, CT_STATX_BASIC, BADPTR));
	T(sx(AT_FDCWD, "file", 0, CT_STATX_BASIC, NULL));
	T(sx(AT_FDCWD, BADPTR, 0, CT_STATX_BASIC, &b));
	return 0;
}
