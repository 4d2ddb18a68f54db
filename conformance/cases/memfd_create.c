// covers: memfd_create ok EINVAL EFAULT
#include "ct.h"

/* from linux/memfd.h and linux/fcntl.h */
#define MFD_CLOEXEC_ 0x0001U
#define MFD_ALLOW_SEALING_ 0x0002U
#define F_ADD_SEALS_ 1033
#define F_GET_SEALS_ 1034
#define F_SEAL_SEAL_ 0x0001
#define F_SEAL_SHRINK_ 0x0002
#define F_SEAL_GROW_ 0x0004
#define F_SEAL_WRITE_ 0x0008

static long mfd(const char *name, unsigned flags)
{
	return syscall(SYS_memfd_create, name, flags);
}

static void link_of(int fd)
{
	char p[64], buf[256] = {0};
	snprintf(p, sizeof p, "/proc/self/fd/%d", fd);
	readlink(p, buf, sizeof buf - 1);
	SAY("  link: %s", buf);
}

int main(void)
{
	int fd = mfd("first", 0);
	EXPECT(fd >= 0);
	link_of(fd);
	struct stat st;
	fstat(fd, &st);
	SAY("  regular %d size %ld mode %o", S_ISREG(st.st_mode), (long)st.st_size, (unsigned)st.st_mode & 0777);
	V(fcntl(fd, F_GETFL) & O_ACCMODE);          /* read-write */
	EXPECT((fcntl(fd, F_GETFD) & FD_CLOEXEC) == 0);
	V(write(fd, "hello", 5));
	V(pread(fd, (char[8]){0}, 8, 0));
	T(ftruncate(fd, 8192));
	char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(m != MAP_FAILED && memcmp(m, "hello", 5) == 0);
	m[4096] = 'x';
	char c = 0;
	V(pread(fd, &c, 1, 4096));
	SAY("  %c", c);
	V(fcntl(fd, F_GET_SEALS_));                 /* sealing not allowed: sealed against seals */
	T(fcntl(fd, F_ADD_SEALS_, F_SEAL_WRITE_));

	int s = mfd("sealed", MFD_CLOEXEC_ | MFD_ALLOW_SEALING_);
	EXPECT(s >= 0);
	EXPECT((fcntl(s, F_GETFD) & FD_CLOEXEC) != 0);
	V(fcntl(s, F_GET_SEALS_));
	V(write(s, "abc", 3));
	T(fcntl(s, F_ADD_SEALS_, F_SEAL_GROW_ | F_SEAL_SHRINK_));
	V(fcntl(s, F_GET_SEALS_));
	V(write(s, "d", 1));                         /* would grow */
	V(pwrite(s, "X", 1, 0));                     /* in place is fine */
	T(ftruncate(s, 1));
	T(fcntl(s, F_ADD_SEALS_, F_SEAL_SEAL_));
	T(fcntl(s, F_ADD_SEALS_, F_SEAL_WRITE_));
	V(mfd("", 0) >= 0);                          /* an empty name is fine */

	char name[300];
	memset(name, 'n', sizeof name);
	name[249] = 0;
	V(mfd(name, 0) >= 0);                        /* 249 bytes: the longest */
	name[249] = 'n';
	name[250] = 0;
	T(mfd(name, 0));
	T(mfd("bad", 0x100));                        /* unknown flag */
	T(mfd(BADPTR, 0));
	T(mfd(NULL, 0));
	return 0;
}
