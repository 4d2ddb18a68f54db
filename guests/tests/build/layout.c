#define _GNU_SOURCE
#include <stdio.h>
#include <stddef.h>
#include <time.h>
#include <sys/time.h>
#include <signal.h>
#include <dirent.h>
#include <sys/epoll.h>
#include <sys/uio.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <utime.h>
#include <sys/utsname.h>
#include <sys/select.h>
#include <sched.h>
#include <sys/stat.h>
#define F(T, f) printf("%s\t%zu\t%zu\t%s\t%zu\t%zu\n", #T, sizeof(T), _Alignof(T), #f, offsetof(T, f), sizeof(((T *)0)->f))
int main(void)
{
	F(struct timespec, tv_sec);
	F(struct timespec, tv_nsec);
	F(struct timeval, tv_sec);
	F(struct timeval, tv_usec);
	F(struct timezone, tz_minuteswest);
	F(struct timezone, tz_dsttime);
	F(stack_t, ss_sp);
	F(stack_t, ss_flags);
	F(stack_t, ss_size);
	F(struct dirent, d_ino);
	F(struct dirent, d_off);
	F(struct dirent, d_reclen);
	F(struct dirent, d_type);
	F(struct dirent, d_name);
	F(struct epoll_event, events);
	F(struct epoll_event, data);
	F(struct iovec, iov_base);
	F(struct iovec, iov_len);
	F(struct pollfd, fd);
	F(struct pollfd, events);
	F(struct pollfd, revents);
	F(struct rlimit, rlim_cur);
	F(struct rlimit, rlim_max);
	F(struct sigaction, sa_handler);
	F(struct sigaction, sa_mask);
	F(struct sigaction, sa_flags);
	F(struct sigaction, sa_restorer);
	F(struct sockaddr, sa_family);
	F(struct sockaddr, sa_data);
	F(struct statfs, f_type);
	F(struct statfs, f_bsize);
	F(struct statfs, f_blocks);
	F(struct statfs, f_bfree);
	F(struct statfs, f_bavail);
	F(struct statfs, f_files);
	F(struct statfs, f_ffree);
	F(struct statfs, f_fsid);
	F(struct statfs, f_namelen);
	F(struct statfs, f_frsize);
	F(struct statfs, f_flags);
	F(struct statfs, f_spare);
	F(struct sysinfo, uptime);
	F(struct sysinfo, loads);
	F(struct sysinfo, totalram);
	F(struct sysinfo, freeram);
	F(struct sysinfo, sharedram);
	F(struct sysinfo, bufferram);
	F(struct sysinfo, totalswap);
	F(struct sysinfo, freeswap);
	F(struct sysinfo, procs);
	F(struct sysinfo, pad);
	F(struct sysinfo, totalhigh);
	F(struct sysinfo, freehigh);
	F(struct sysinfo, mem_unit);
	F(struct sysinfo, __reserved);
	F(struct utimbuf, actime);
	F(struct utimbuf, modtime);
	F(struct utsname, sysname);
	F(struct utsname, nodename);
	F(struct utsname, release);
	F(struct utsname, version);
	F(struct utsname, machine);
	F(struct utsname, domainname);
	F(fd_set, fds_bits);
	F(cpu_set_t, __bits);
	F(struct itimerval, it_interval);
	F(struct itimerval, it_value);
	F(struct msghdr, msg_name);
	F(struct msghdr, msg_namelen);
	F(struct msghdr, msg_iov);
	F(struct msghdr, msg_iovlen);
	F(struct msghdr, __pad1);
	F(struct msghdr, msg_control);
	F(struct msghdr, msg_controllen);
	F(struct msghdr, __pad2);
	F(struct msghdr, msg_flags);
	F(struct rusage, ru_utime);
	F(struct rusage, ru_stime);
	F(struct rusage, ru_maxrss);
	F(struct rusage, ru_ixrss);
	F(struct rusage, ru_idrss);
	F(struct rusage, ru_isrss);
	F(struct rusage, ru_minflt);
	F(struct rusage, ru_majflt);
	F(struct rusage, ru_nswap);
	F(struct rusage, ru_inblock);
	F(struct rusage, ru_oublock);
	F(struct rusage, ru_msgsnd);
	F(struct rusage, ru_msgrcv);
	F(struct rusage, ru_nsignals);
	F(struct rusage, ru_nvcsw);
	F(struct rusage, ru_nivcsw);
	F(struct rusage, __reserved);
	F(struct stat, st_dev);
	F(struct stat, st_ino);
	F(struct stat, st_nlink);
	F(struct stat, st_mode);
	F(struct stat, st_uid);
	F(struct stat, st_gid);
	F(struct stat, __pad0);
	F(struct stat, st_rdev);
	F(struct stat, st_size);
	F(struct stat, st_blksize);
	F(struct stat, st_blocks);
	F(struct stat, st_atim);
	F(struct stat, st_mtim);
	F(struct stat, st_ctim);
	F(struct stat, __unused);
	return 0;
}
