/* ct.h: helpers for conformance tests. Each test is built twice, natively
 * (gcc + glibc) and for WALI (wali-cc + our musl); both builds print the same
 * lines when the engine behaves like Linux. Print facts, never values that
 * legitimately differ between runs or builds (pids, addresses, times, inode
 * numbers, struct sizes).
 *
 *   T(expr)       "<expr>: ok" when expr != -1, else "<expr>: ENAME"
 *   V(expr)       "<expr> = <value>" or "<expr>: ENAME" (value as a long)
 *   P(expr)       like T for pointer results (MAP_FAILED / NULL are failures)
 *   EXPECT(cond)  "<cond>: yes" or "<cond>: no"
 *   SAY(fmt, ...) printf with a newline, flushed
 *   ct_show_file(path)  "  path: N "contents"" (first 63 bytes, NULs as '.')
 *   ct_show_ids("Uid"|"Gid")  the real, effective and saved ids as the kernel
 *                 reports them (/proc/self/status), printed as "r/e/s uid: R E S"
 *   BADPTR        an address that is out of bounds for any engine and any host
 */
#ifndef CT_H
#define CT_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define BADPTR ((void *)(uintptr_t)-4096)

static inline const char *ct_errname(int e)
{
	static char buf[32];
	switch (e) {
#define CT_E(x) case x: return #x;
	CT_E(EPERM) CT_E(ENOENT) CT_E(ESRCH) CT_E(EINTR) CT_E(EIO) CT_E(ENXIO)
	CT_E(E2BIG) CT_E(ENOEXEC) CT_E(EBADF) CT_E(ECHILD) CT_E(EAGAIN) CT_E(ENOMEM)
	CT_E(EACCES) CT_E(EFAULT) CT_E(ENOTBLK) CT_E(EBUSY) CT_E(EEXIST) CT_E(EXDEV)
	CT_E(ENODEV) CT_E(ENOTDIR) CT_E(EISDIR) CT_E(EINVAL) CT_E(ENFILE) CT_E(EMFILE)
	CT_E(ENOTTY) CT_E(ETXTBSY) CT_E(EFBIG) CT_E(ENOSPC) CT_E(ESPIPE) CT_E(EROFS)
	CT_E(EMLINK) CT_E(EPIPE) CT_E(EDOM) CT_E(ERANGE) CT_E(EDEADLK) CT_E(ENAMETOOLONG)
	CT_E(ENOLCK) CT_E(ENOSYS) CT_E(ENOTEMPTY) CT_E(ELOOP) CT_E(ENOMSG) CT_E(EIDRM)
	CT_E(ENODATA) CT_E(ETIME) CT_E(EOVERFLOW) CT_E(EILSEQ) CT_E(ENOTSOCK)
	CT_E(EDESTADDRREQ) CT_E(EMSGSIZE) CT_E(EPROTOTYPE) CT_E(ENOPROTOOPT)
	CT_E(EPROTONOSUPPORT) CT_E(ESOCKTNOSUPPORT) CT_E(EOPNOTSUPP) CT_E(EPFNOSUPPORT)
	CT_E(EAFNOSUPPORT) CT_E(EADDRINUSE) CT_E(EADDRNOTAVAIL) CT_E(ENETDOWN)
	CT_E(ENETUNREACH) CT_E(ECONNABORTED) CT_E(ECONNRESET) CT_E(ENOBUFS) CT_E(EISCONN)
	CT_E(ENOTCONN) CT_E(ETIMEDOUT) CT_E(ECONNREFUSED) CT_E(EHOSTUNREACH)
	CT_E(EALREADY) CT_E(EINPROGRESS) CT_E(ESTALE) CT_E(ECANCELED)
#undef CT_E
	}
	snprintf(buf, sizeof buf, "E#%d", e);
	return buf;
}

static inline void ct_line(const char *expr, long r, int err, int show)
{
	if (r == -1)
		printf("%s: %s\n", expr, ct_errname(err));
	else if (show)
		printf("%s = %ld\n", expr, r);
	else
		printf("%s: ok\n", expr);
	fflush(stdout);
}

#define T(expr) do { errno = 0; long ct_r_ = (long)(expr); int ct_e_ = errno; ct_line(#expr, ct_r_, ct_e_, 0); } while (0)
#define V(expr) do { errno = 0; long ct_r_ = (long)(expr); int ct_e_ = errno; ct_line(#expr, ct_r_, ct_e_, 1); } while (0)
#define P(expr) do { errno = 0; void *ct_p_ = (void *)(expr); int ct_e_ = errno; \
	ct_line(#expr, (ct_p_ == MAP_FAILED || ct_p_ == NULL) ? -1 : 0, ct_e_, 0); } while (0)
#define EXPECT(cond) do { int ct_c_ = !!(cond); printf("%s: %s\n", #cond, ct_c_ ? "yes" : "no"); fflush(stdout); } while (0)
#define SAY(...) do { printf(__VA_ARGS__); printf("\n"); fflush(stdout); } while (0)

static inline void ct_show_file(const char *p)
{
	char buf[64] = {0};
	int fd = open(p, O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	for (ssize_t i = 0; i < n; i++)
		if (buf[i] == 0)
			buf[i] = '.';
	SAY("  %s: %zd \"%s\"", p, n, buf);
}

static inline void ct_show_ids(const char *field)
{
	char buf[4096], key[8], *l;
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	unsigned r = 7, e = 7, s = 7;
	snprintf(key, sizeof key, "\n%s:", field);
	if ((l = strstr(buf, key)))
		sscanf(l + strlen(key), "%u %u %u", &r, &e, &s);
	printf("r/e/s %c%s: %u %u %u\n", field[0] + ('a' - 'A'), field + 1, r, e, s);
	fflush(stdout);
}

#endif
