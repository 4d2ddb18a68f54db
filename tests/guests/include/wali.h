/*
 * wali.h — freestanding syscall layer for the wali-run guest test programs.
 *
 * The same test source is compiled twice:
 *   - for wasm32 (clang --target=wasm32-linux-muslwali, no libc): every syscall
 *     is a WALI import `wali.SYS_<name>` with the signature from
 *     shared/wali-spec/syscalls.tsv (i64 only for 64-bit C types, result i64);
 *   - natively (gcc, glibc): the same `wali_<name>()` functions are static
 *     inline wrappers around glibc's raw `syscall()`, turning -1/errno into
 *     -errno, so both builds make the same kernel call and see the same
 *     raw return value.
 *
 * Structs and constants are defined here (x86-64 kernel layouts, which the
 * WALI guest ABI copies: ILP32 pointers, 64-bit long), so no libc header is
 * needed on either side. Struct types that contain pointers (iovec, msghdr)
 * are written so that they have the guest layout under wasm32 and the kernel
 * layout natively.
 */
#ifndef WALI_TEST_H
#define WALI_TEST_H

#include <stdarg.h>
#include <stddef.h>

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char i8;
typedef short i16;
typedef int i32;
typedef long long i64;
typedef __UINTPTR_TYPE__ uptr;

#ifdef __wasm__
#define IS_WASM 1
#else
#define IS_WASM 0
#endif

/* ------------------------------------------------------------------ */
/* Constants (x86-64 Linux values; the WALI guest uses the same).      */
/* ------------------------------------------------------------------ */

/* errno */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EPIPE 32
#define ERANGE 34
#define EDEADLK 35
#define ENAMETOOLONG 36
#define ENOLCK 37
#define ENOSYS 38
#define ENOTEMPTY 39
#define ELOOP 40
#define ENODATA 61
#define EOVERFLOW 75
#define ENOTSOCK 88
#define EDESTADDRREQ 89
#define EMSGSIZE 90
#define EPROTOTYPE 91
#define ENOPROTOOPT 92
#define EPROTONOSUPPORT 93
#define ESOCKTNOSUPPORT 94
#define EOPNOTSUPP 95
#define EAFNOSUPPORT 97
#define EADDRINUSE 98
#define EADDRNOTAVAIL 99
#define ENETUNREACH 101
#define ECONNABORTED 103
#define ECONNRESET 104
#define ENOBUFS 105
#define EISCONN 106
#define ENOTCONN 107
#define ETIMEDOUT 110
#define ECONNREFUSED 111
#define EALREADY 114
#define EINPROGRESS 115

/* open / at */
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_ACCMODE 3
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_LARGEFILE 0100000
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#define O_CLOEXEC 02000000
#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_EACCESS 0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_EMPTY_PATH 0x1000
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFDIR 0040000
#define S_IFIFO 0010000
#define STATX_TYPE 0x1
#define STATX_MODE 0x2
#define STATX_NLINK 0x4
#define STATX_SIZE 0x200
#define STATX_BASIC_STATS 0x7ff
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10

/* fcntl / flock */
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_DUPFD_CLOEXEC 1030
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#define FD_CLOEXEC 1
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8
#define POSIX_FADV_NORMAL 0
#define POSIX_FADV_RANDOM 1
#define POSIX_FADV_SEQUENTIAL 2
#define POSIX_FADV_WILLNEED 3
#define POSIX_FADV_DONTNEED 4

/* ioctl */
#define TIOCGWINSZ 0x5413
#define FIONREAD 0x541B
#define FIONBIO 0x5421

/* eventfd / timerfd */
#define EFD_SEMAPHORE 1
#define EFD_NONBLOCK O_NONBLOCK
#define EFD_CLOEXEC O_CLOEXEC
#define TFD_NONBLOCK O_NONBLOCK
#define TFD_CLOEXEC O_CLOEXEC

/* sockets */
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_NONBLOCK O_NONBLOCK
#define SOCK_CLOEXEC O_CLOEXEC
#define SOL_SOCKET 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_RCVTIMEO 20
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define TCP_NODELAY 1
#define SCM_RIGHTS 1
#define MSG_PEEK 0x2
#define MSG_CTRUNC 0x8
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_NOSIGNAL 0x4000
#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2
#define INADDR_LOOPBACK_BE 0x0100007fu /* 127.0.0.1 in network order, as a LE u32 */

/* poll / epoll / select */
#define POLLIN 0x1
#define POLLPRI 0x2
#define POLLOUT 0x4
#define POLLERR 0x8
#define POLLHUP 0x10
#define POLLNVAL 0x20
#define EPOLLIN 0x1
#define EPOLLOUT 0x4
#define EPOLL_CLOEXEC O_CLOEXEC
#define EPOLL_CTL_ADD 1
#define EPOLL_CTL_DEL 2
#define EPOLL_CTL_MOD 3

/* time */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1

/* mm */
#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MREMAP_MAYMOVE 1
#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4
#define MADV_NORMAL 0
#define MADV_RANDOM 1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED 3
#define MADV_DONTNEED 4

/* process */
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_NOFILE 7
#define RLIM_INFINITY (~0ULL)
#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define GRND_NONBLOCK 1
#define GRND_RANDOM 2

/* futex */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu
#define FUTEX_OP_SET 0
#define FUTEX_OP_ADD 1
#define FUTEX_OP_OR 2
#define FUTEX_OP_ANDN 3
#define FUTEX_OP_XOR 4
#define FUTEX_OP_CMP_EQ 0
#define FUTEX_OP_CMP_NE 1
#define FUTEX_OP_CMP_LT 2
#define FUTEX_OP_CMP_LE 3
#define FUTEX_OP_CMP_GT 4
#define FUTEX_OP_CMP_GE 5
#define FUTEX_OP(op, oparg, cmp, cmparg) \
    (int)((((op) & 0xfu) << 28) | (((cmp) & 0xfu) << 24) | (((oparg) & 0xfffu) << 12) | ((cmparg) & 0xfffu))
/* val2 of FUTEX_REQUEUE / FUTEX_CMP_REQUEUE / FUTEX_WAKE_OP travels in the timeout slot */
#define FUTEX_VAL2(n) ((const struct w_timespec *)(uptr)(unsigned)(n))
#define W_INT_MAX 0x7fffffff

/* ------------------------------------------------------------------ */
/* Structs (x86-64 kernel layout == WALI guest layout).                */
/* ------------------------------------------------------------------ */

struct w_timespec { i64 tv_sec; i64 tv_nsec; };
struct w_timeval { i64 tv_sec; i64 tv_usec; };
struct w_timezone { i32 tz_minuteswest; i32 tz_dsttime; };
struct w_itimerspec { struct w_timespec it_interval; struct w_timespec it_value; };

struct w_stat {
    u64 st_dev;
    u64 st_ino;
    u64 st_nlink;
    u32 st_mode;
    u32 st_uid;
    u32 st_gid;
    u32 __pad0;
    u64 st_rdev;
    i64 st_size;
    i64 st_blksize;
    i64 st_blocks;
    struct w_timespec st_atim;
    struct w_timespec st_mtim;
    struct w_timespec st_ctim;
    i64 __unused[3];
};

struct w_statx_timestamp { i64 tv_sec; u32 tv_nsec; i32 __reserved; };
struct w_statx {
    u32 stx_mask;
    u32 stx_blksize;
    u64 stx_attributes;
    u32 stx_nlink;
    u32 stx_uid;
    u32 stx_gid;
    u16 stx_mode;
    u16 __pad1;
    u64 stx_ino;
    u64 stx_size;
    u64 stx_blocks;
    u64 stx_attributes_mask;
    struct w_statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
    u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
    u64 __spare[14];
};

struct w_statfs {
    i64 f_type;
    i64 f_bsize;
    u64 f_blocks;
    u64 f_bfree;
    u64 f_bavail;
    u64 f_files;
    u64 f_ffree;
    i32 f_fsid[2];
    i64 f_namelen;
    i64 f_frsize;
    i64 f_flags;
    i64 f_spare[4];
};

struct w_dirent64 {
    u64 d_ino;
    i64 d_off;
    u16 d_reclen;
    u8 d_type;
    char d_name[];
};

struct w_iovec { void *iov_base; size_t iov_len; };

/* musl layout: with 64-bit long the padding makes the wasm32 struct 36 B and the
 * native (LP64) struct identical to the kernel's 56 B struct user_msghdr. */
struct w_msghdr {
    void *msg_name;
    u32 msg_namelen;
    struct w_iovec *msg_iov;
    i32 msg_iovlen;
    i32 __pad1;
    void *msg_control;
    u32 msg_controllen;
    i32 __pad2;
    i32 msg_flags;
};

struct w_cmsghdr { u32 cmsg_len; i32 __pad1; i32 cmsg_level; i32 cmsg_type; };
#define W_CMSG_ALIGN(len) (((len) + 7u) & ~7u)
#define W_CMSG_LEN(len) (W_CMSG_ALIGN(sizeof(struct w_cmsghdr)) + (len))
#define W_CMSG_SPACE(len) (W_CMSG_ALIGN(sizeof(struct w_cmsghdr)) + W_CMSG_ALIGN(len))
#define W_CMSG_DATA(c) ((unsigned char *)(((struct w_cmsghdr *)(c)) + 1))

struct w_sockaddr { u16 sa_family; char sa_data[14]; };
struct w_sockaddr_in { u16 sin_family; u16 sin_port; u32 sin_addr; u8 sin_zero[8]; };
struct w_sockaddr_un { u16 sun_family; char sun_path[108]; };

struct w_pollfd { i32 fd; i16 events; i16 revents; };
typedef struct { u64 bits[16]; } w_fd_set; /* 1024 bits, 128 B */
static inline void w_fd_zero(w_fd_set *s) { for (int i = 0; i < 16; i++) s->bits[i] = 0; }
static inline void w_fd_set_bit(int fd, w_fd_set *s) { s->bits[fd / 64] |= 1ULL << (fd % 64); }
static inline int w_fd_isset(int fd, const w_fd_set *s) { return (s->bits[fd / 64] >> (fd % 64)) & 1; }

struct w_epoll_event { u32 events; u64 data; } __attribute__((packed));

struct w_flock { i16 l_type; i16 l_whence; i64 l_start; i64 l_len; i32 l_pid; };

struct w_winsize { u16 ws_row, ws_col, ws_xpixel, ws_ypixel; };

struct w_rlimit { u64 rlim_cur; u64 rlim_max; };

struct w_rusage {
    struct w_timeval ru_utime;
    struct w_timeval ru_stime;
    i64 ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap,
        ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
    i64 __reserved[16];
};

struct w_utsname {
    char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

struct w_sysinfo {
    i64 uptime;
    u64 loads[3];
    u64 totalram, freeram, sharedram, bufferram, totalswap, freeswap;
    u16 procs, pad;
    u64 totalhigh, freehigh;
    u32 mem_unit;
    char __reserved[256];
};

/* pselect6 6th argument: {const sigset_t *ss; size_t ss_len} with 64-bit fields */
struct w_pselect_sigmask { u64 ss; u64 ss_len; };

/* ------------------------------------------------------------------ */
/* Syscall declarations                                                */
/* ------------------------------------------------------------------ */

#define BAD_PTR ((void *)(uptr)0xFFFFFFF0u) /* beyond wasm linear memory; unmapped natively */

#ifdef __wasm__

#define WALI_IMPORT(n) __attribute__((import_module("wali"), import_name(n)))
#define W0(n) WALI_IMPORT("SYS_" #n) long long wali_##n(void);
#define W1(n, a) WALI_IMPORT("SYS_" #n) long long wali_##n(a);
#define W2(n, a, b) WALI_IMPORT("SYS_" #n) long long wali_##n(a, b);
#define W3(n, a, b, c) WALI_IMPORT("SYS_" #n) long long wali_##n(a, b, c);
#define W4(n, a, b, c, d) WALI_IMPORT("SYS_" #n) long long wali_##n(a, b, c, d);
#define W5(n, a, b, c, d, e) WALI_IMPORT("SYS_" #n) long long wali_##n(a, b, c, d, e);
#define W6(n, a, b, c, d, e, f) WALI_IMPORT("SYS_" #n) long long wali_##n(a, b, c, d, e, f);

#else /* native */

#include <sys/syscall.h> /* only SYS_* number macros */
long syscall(long number, ...);
int *__errno_location(void);
#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif
#define SYS_fadvise SYS_fadvise64

static inline long long __w_sys(long nr, long a, long b, long c, long d, long e, long f) {
    long r = syscall(nr, a, b, c, d, e, f);
    if (r == -1) return -(long long)*__errno_location();
    return r;
}
#define W0(n) static inline long long wali_##n(void) { return __w_sys(SYS_##n, 0, 0, 0, 0, 0, 0); }
#define W1(n, A) static inline long long wali_##n(A a) { return __w_sys(SYS_##n, (long)a, 0, 0, 0, 0, 0); }
#define W2(n, A, B) static inline long long wali_##n(A a, B b) { return __w_sys(SYS_##n, (long)a, (long)b, 0, 0, 0, 0); }
#define W3(n, A, B, C) static inline long long wali_##n(A a, B b, C c) { return __w_sys(SYS_##n, (long)a, (long)b, (long)c, 0, 0, 0); }
#define W4(n, A, B, C, D) static inline long long wali_##n(A a, B b, C c, D d) { return __w_sys(SYS_##n, (long)a, (long)b, (long)c, (long)d, 0, 0); }
#define W5(n, A, B, C, D, E) static inline long long wali_##n(A a, B b, C c, D d, E e) { return __w_sys(SYS_##n, (long)a, (long)b, (long)c, (long)d, (long)e, 0); }
#define W6(n, A, B, C, D, E, F) static inline long long wali_##n(A a, B b, C c, D d, E e, F f) { return __w_sys(SYS_##n, (long)a, (long)b, (long)c, (long)d, (long)e, (long)f); }

#endif

typedef const char *cstr;
typedef long long i64_t; /* marks the parameters that are i64 in the wasm signature */

/* files */
W3(read, int, void *, unsigned)
W3(write, int, const void *, unsigned)
W3(open, cstr, int, unsigned)
W4(openat, int, cstr, int, unsigned)
W1(close, int)
W2(stat, cstr, struct w_stat *)
W2(fstat, int, struct w_stat *)
W2(lstat, cstr, struct w_stat *)
W4(newfstatat, int, cstr, struct w_stat *, int)
W5(statx, int, cstr, int, unsigned, struct w_statx *)
W3(lseek, int, i64_t, int)
W4(pread64, int, void *, unsigned, i64_t)
W4(pwrite64, int, const void *, unsigned, i64_t)
W3(readv, int, const struct w_iovec *, int)
W3(writev, int, const struct w_iovec *, int)
W2(ftruncate, int, i64_t)
W2(truncate, cstr, i64_t)          /* not in the reference engine; signature by the spec rule */
W1(fsync, int)
W1(fdatasync, int)
W2(access, cstr, int)
W4(faccessat, int, cstr, int, int)
W4(faccessat2, int, cstr, int, int)
W2(rename, cstr, cstr)
W5(renameat2, int, cstr, int, cstr, unsigned)
W1(unlink, cstr)
W3(unlinkat, int, cstr, int)
W2(mkdir, cstr, unsigned)
W3(mkdirat, int, cstr, unsigned)
W1(rmdir, cstr)
W2(link, cstr, cstr)
W5(linkat, int, cstr, int, cstr, int)
W2(symlink, cstr, cstr)
W3(symlinkat, cstr, int, cstr)
W3(readlink, cstr, char *, unsigned)
W4(readlinkat, int, cstr, char *, unsigned)
W2(chmod, cstr, unsigned)
W2(fchmod, int, unsigned)
W4(fchmodat, int, cstr, unsigned, int)
W4(utimensat, int, cstr, const struct w_timespec *, int)
W2(utimes, cstr, const struct w_timeval *) /* not in the reference engine */
W2(getcwd, char *, unsigned)
W1(chdir, cstr)
W1(fchdir, int)
W3(getdents64, int, void *, unsigned)
W2(statfs, cstr, struct w_statfs *)
W2(fstatfs, int, struct w_statfs *)
W1(umask, unsigned)
W4(fadvise, int, i64_t, i64_t, int)
W2(flock, int, int)

/* fds */
W1(dup, int)
W2(dup2, int, int)
W3(dup3, int, int, int)
W3(fcntl, int, int, i64_t)
W1(pipe, int *)
W2(pipe2, int *, int)
W1(eventfd, unsigned)
W2(eventfd2, unsigned, int)
W3(ioctl, int, unsigned, void *)

/* net */
W3(socket, int, int, int)
W3(bind, int, const void *, unsigned)
W2(listen, int, int)
W3(accept, int, void *, unsigned *)
W4(accept4, int, void *, unsigned *, int)
W3(connect, int, const void *, unsigned)
W3(getsockname, int, void *, unsigned *)
W3(getpeername, int, void *, unsigned *)
W5(setsockopt, int, int, int, const void *, unsigned)
W5(getsockopt, int, int, int, void *, unsigned *)
W6(sendto, int, const void *, unsigned, int, const void *, unsigned)
W6(recvfrom, int, void *, unsigned, int, void *, unsigned *)
W3(sendmsg, int, const struct w_msghdr *, int)
W3(recvmsg, int, struct w_msghdr *, int)
W2(shutdown, int, int)
W4(socketpair, int, int, int, int *)

/* poll & time */
W3(poll, struct w_pollfd *, i64_t, int)
W5(ppoll, struct w_pollfd *, i64_t, const struct w_timespec *, const void *, unsigned)
W5(select, int, w_fd_set *, w_fd_set *, w_fd_set *, struct w_timeval *)
W6(pselect6, int, w_fd_set *, w_fd_set *, w_fd_set *, const struct w_timespec *, const void *)
W1(epoll_create, int)              /* not in the reference engine */
W1(epoll_create1, int)
W4(epoll_ctl, int, int, int, struct w_epoll_event *)
W4(epoll_wait, int, struct w_epoll_event *, int, int) /* not in the reference engine */
W6(epoll_pwait, int, struct w_epoll_event *, int, int, const void *, unsigned)
W2(timerfd_create, int, int)       /* not in the reference engine */
W4(timerfd_settime, int, int, const struct w_itimerspec *, struct w_itimerspec *) /* idem */
W2(clock_gettime, int, struct w_timespec *)
W2(clock_getres, int, struct w_timespec *)
W4(clock_nanosleep, int, int, const struct w_timespec *, struct w_timespec *)
W2(nanosleep, const struct w_timespec *, struct w_timespec *)
W2(gettimeofday, struct w_timeval *, struct w_timezone *)

/* mm */
W6(mmap, void *, unsigned, int, int, int, i64_t) /* offset in bytes */
W2(munmap, void *, unsigned)
W5(mremap, void *, unsigned, unsigned, int, void *)
W3(mprotect, void *, unsigned, int)
W3(madvise, void *, unsigned, int)
W3(msync, void *, unsigned, int)
W1(brk, void *)

/* process info */
W0(getpid)
W0(getppid)
W0(gettid)
W0(getuid)
W0(geteuid)
W0(getgid)
W0(getegid)
W2(getrlimit, int, struct w_rlimit *)
W2(setrlimit, int, const struct w_rlimit *)
W4(prlimit64, int, int, const struct w_rlimit *, struct w_rlimit *)
W1(uname, struct w_utsname *)
W1(sysinfo, struct w_sysinfo *)
W3(getrandom, void *, unsigned, unsigned)
W2(getrusage, int, struct w_rusage *)
W3(sched_getaffinity, int, unsigned, void *)
W5(prctl, int, i64_t, i64_t, i64_t, i64_t)
W2(getgroups, int, unsigned *)
W1(exit_group, int)

/* threads */
W6(futex, int *, int, int, const struct w_timespec *, int *, int)
W1(exit, int)                      /* ends the calling thread (once threads exist) */

#undef W0
#undef W1
#undef W2
#undef W3
#undef W4
#undef W5
#undef W6

/* ------------------------------------------------------------------ */
/* Auxiliary imports (shared/wali-spec/aux.tsv); emulated natively.    */
/* ------------------------------------------------------------------ */
#ifdef __wasm__
WALI_IMPORT("__init") int wali_aux_init(void);
WALI_IMPORT("__deinit") int wali_aux_deinit(void);
WALI_IMPORT("__proc_exit") void wali_aux_proc_exit(int status);
WALI_IMPORT("__cl_get_argc") unsigned wali_cl_get_argc(void);
WALI_IMPORT("__cl_get_argv_len") unsigned wali_cl_get_argv_len(unsigned idx);
WALI_IMPORT("__cl_copy_argv") int wali_cl_copy_argv(char *buf, unsigned idx);
WALI_IMPORT("__get_init_envfile") int wali_get_init_envfile(char *buf, unsigned size);
/* Runs table entry `fnidx` as fnidx(tid, arg) on a new thread (new instance, same
 * shared memory, initial globals: the entry must set __stack_pointer itself).
 * Returns the new thread's tid, or a negative value. Use w_thread_start(). */
WALI_IMPORT("__wasm_thread_spawn") int wali_wasm_thread_spawn(int fnidx, void *arg);
#else
int wali_aux_init(void);
int wali_aux_deinit(void);
void wali_aux_proc_exit(int status);
unsigned wali_cl_get_argc(void);
unsigned wali_cl_get_argv_len(unsigned idx);
int wali_cl_copy_argv(char *buf, unsigned idx);
/* Native emulation: writes the process environment (one KEY=VALUE per line) to
 * a temporary file and returns its path, like wali-run hands the guest an env file. */
int wali_get_init_envfile(char *buf, unsigned size);
void rt_native_setup(int argc, char **argv);
void rt_native_teardown(void);
#endif

/* ------------------------------------------------------------------ */
/* Tiny runtime (lib/rt.c)                                             */
/* ------------------------------------------------------------------ */
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);

int streq(const char *a, const char *b);
void out(const char *s);
void out_n(const char *s, size_t n);
void out_int(long long v);
void out_hex(unsigned long long v);
void say(const char *fmt, ...);
int fmt(char *buf, size_t size, const char *fmt, ...); /* snprintf-like, returns length */
const char *err_name(long long r);  /* err_name(-2) == "ENOENT" */
void sort_strings(char **v, int n);
long long read_all(int fd, char *buf, size_t cap); /* loops until EOF or cap */
long long write_all(int fd, const void *buf, size_t n);
void *mem_end(void); /* first inaccessible byte after some accessible memory */

/* Self-checks: print "label: <result>"; on an unexpected result append
 * " [MISMATCH want ...]" and count a failure (exit status becomes 1). */
extern int rt_failures;
void chk(const char *label, long long got, long long want);   /* exact value or -errno */
void chk_ok(const char *label, long long got);                /* any value >= 0 -> "ok" */
void chk_yes(const char *label, int cond);                    /* "yes" expected */
void chk_str(const char *label, const char *got, const char *want);
void chk_mem(const char *label, const void *got, const void *want, size_t n);
void show(const char *label, long long r); /* value or errno name, no expectation */

/* ------------------------------------------------------------------ */
/* Threads (lib/thread.c, plus lib/thread_start.s for wasm; a test opts */
/* in with "//@ src lib/thread.c" and "//@ wasm-src lib/thread_start.s"). */
/*   wasm:   __wasm_thread_spawn + the asm entry, on the caller's stack;  */
/*   native: a detached pthread (glibc's own stack; `stack` unused).      */
/* ------------------------------------------------------------------ */
struct w_thread {
    void *stack_top;       /* wasm offset 0: the thread's __stack_pointer */
    void (*fn)(void *arg);
    void *arg;
    int ctid;              /* wasm offset 12: 1 while running; the exiting thread
                              stores 0 and FUTEX_WAKEs it (CLONE_CHILD_CLEARTID) */
    int tid;               /* tid argument of the start function (native: gettid) */
    int gettid;            /* SYS_gettid inside the thread */
    int spawn_ret;         /* wasm: __wasm_thread_spawn's result; native: = tid */
};
/* 0, or a negative value when the thread could not be created. */
long long w_thread_start(struct w_thread *t, void (*fn)(void *), void *arg, void *stack, size_t stack_size);
void w_thread_join(struct w_thread *t); /* FUTEX_WAITs until t->ctid is 0 */
void w_thread_main(int tid, struct w_thread *t); /* the thread's C part (internal) */
int w_thread_ids_ok(const struct w_thread *t); /* tid arg == gettid (== spawn result) */
long long w_futex_wait(int *word, int val, const struct w_timespec *rel_timeout);
long long w_futex_wake(int *word, int n);
void w_sleep_ms(long ms);
long long w_now_ns(int clock);

#ifdef __wasm__
char **rt_wasm_args(int *argc);
#define TEST_MAIN(fn)                                  \
    void _start(void) {                                \
        wali_aux_init();                               \
        int argc_;                                     \
        char **argv_ = rt_wasm_args(&argc_);           \
        int st_ = fn(argc_, argv_);                    \
        if (st_ == 0 && rt_failures) st_ = 1;          \
        wali_aux_deinit();                             \
        wali_aux_proc_exit(st_);                       \
    }
#else
#define TEST_MAIN(fn)                                  \
    int main(int argc, char **argv) {                  \
        rt_native_setup(argc, argv);                   \
        int st_ = fn(argc, argv);                      \
        if (st_ == 0 && rt_failures) st_ = 1;          \
        rt_native_teardown();                          \
        return st_;                                    \
    }
#endif

#endif /* WALI_TEST_H */
