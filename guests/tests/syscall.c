/* The variadic syscall(): numbers dispatched at run time (the module imports
 * every syscall the generated table knows), an unknown number is ENOSYS, a
 * 64-bit argument (lseek offset) passes whole, pread64's i64 offset; int and
 * pointer arguments (4-byte varargs) reach the kernel intact (unistd.h casts
 * them to long on WALI). */
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	printf("getpid matches %d\n", syscall(SYS_getpid) == getpid());
	errno = 0;
	long r = syscall(1999);
	printf("unknown number: %ld %s\n", r, strerror(errno));
	if (chdir(argv[1])) return 1;
	int fd = syscall(SYS_openat, AT_FDCWD, "f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	printf("openat ok %d\n", fd >= 0);
	long long off = 5LL << 32;
	r = syscall(SYS_pwrite64, fd, "xyz", 3, off);
	printf("pwrite64 at 20 GiB: %ld\n", r);
	printf("lseek SEEK_END %lld\n", (long long)syscall(SYS_lseek, fd, 0LL, SEEK_END));
	char b[4] = {0};
	r = syscall(SYS_pread64, fd, b, 3, off);
	printf("pread64 %ld [%s]\n", r, b);
	r = syscall(SYS_ftruncate, fd, 4096LL);
	printf("ftruncate %ld size %lld\n", r, (long long)lseek(fd, 0, SEEK_END));
	close(fd);
	unlink("f");
	return 0;
}
