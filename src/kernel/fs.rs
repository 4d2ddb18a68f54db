//! Files, directories and links.

use super::time::KernelTimespec;
use super::{Errno, KERNEL_REJECTED_ADDR, UserBuf, UserIovecs, cvt, cvt_fd, cvt_long, cvt_size, cvt_unit};
use std::ffi::CStr;
use wali_abi::convert::{self, HostStat, HostStatfs};

/// open(2) relative to the current directory (`openat(AT_FDCWD, ...)`).
pub fn open(path: &CStr, flags: i32, mode: u32) -> Result<i32, Errno> {
    openat(libc::AT_FDCWD, path, flags, mode)
}

/// openat(2)
pub fn openat(dirfd: i32, path: &CStr, flags: i32, mode: u32) -> Result<i32, Errno> {
    // SAFETY: path is a valid C string for the call.
    cvt_fd(unsafe { libc::openat(dirfd, path.as_ptr(), flags, mode as libc::c_uint) })
}

/// read(2)
pub fn read(fd: i32, buf: UserBuf<'_>) -> Result<usize, Errno> {
    // SAFETY: buf is memory the kernel may write for this call (UserBuf's contract).
    cvt_size(unsafe { libc::read(fd, buf.ptr().cast(), buf.len()) })
}

/// write(2)
pub fn write(fd: i32, buf: UserBuf<'_>) -> Result<usize, Errno> {
    // SAFETY: buf is memory the kernel may read for this call.
    cvt_size(unsafe { libc::write(fd, buf.ptr().cast(), buf.len()) })
}

/// readv(2)
pub fn readv(fd: i32, iov: &UserIovecs<'_>) -> Result<usize, Errno> {
    // SAFETY: every base is a UserBuf valid for the call, or the array is rejected.
    cvt_size(unsafe { libc::readv(fd, iov.ptr(), iov.cnt()) })
}

/// writev(2)
pub fn writev(fd: i32, iov: &UserIovecs<'_>) -> Result<usize, Errno> {
    // SAFETY: as readv.
    cvt_size(unsafe { libc::writev(fd, iov.ptr(), iov.cnt()) })
}

/// pread64(2)
pub fn pread(fd: i32, buf: UserBuf<'_>, offset: i64) -> Result<usize, Errno> {
    // SAFETY: buf is memory the kernel may write for this call.
    cvt_size(unsafe { libc::pread64(fd, buf.ptr().cast(), buf.len(), offset) })
}

/// pwrite64(2)
pub fn pwrite(fd: i32, buf: UserBuf<'_>, offset: i64) -> Result<usize, Errno> {
    // SAFETY: buf is memory the kernel may read for this call.
    cvt_size(unsafe { libc::pwrite64(fd, buf.ptr().cast(), buf.len(), offset) })
}

/// preadv64(2)
pub fn preadv(fd: i32, iov: &UserIovecs<'_>, offset: i64) -> Result<usize, Errno> {
    // SAFETY: as readv.
    cvt_size(unsafe { libc::preadv64(fd, iov.ptr(), iov.cnt(), offset) })
}

/// pwritev64(2)
pub fn pwritev(fd: i32, iov: &UserIovecs<'_>, offset: i64) -> Result<usize, Errno> {
    // SAFETY: as readv.
    cvt_size(unsafe { libc::pwritev64(fd, iov.ptr(), iov.cnt(), offset) })
}

/// The `loff_t *` for the kernel to read and update in place: NULL for a NULL
/// buffer, the buffer when it holds 8 bytes, otherwise an address the kernel
/// rejects (`EFAULT` after its other checks).
fn loff_ptr(off: &UserBuf<'_>) -> *mut i64 {
    if off.is_null() {
        std::ptr::null_mut()
    } else if off.len() >= size_of::<i64>() {
        off.cast()
    } else {
        KERNEL_REJECTED_ADDR.cast()
    }
}

/// sendfile64(2): `offset` is a `loff_t` the kernel reads and updates in place,
/// or [`UserBuf::NULL`] (use and advance the file offset).
pub fn sendfile(out_fd: i32, in_fd: i32, offset: UserBuf<'_>, count: usize) -> Result<usize, Errno> {
    // SAFETY: the offset is NULL, 8 bytes the kernel may access, or rejected.
    cvt_size(unsafe { libc::sendfile64(out_fd, in_fd, loff_ptr(&offset), count) })
}

/// copy_file_range(2); the offsets as for [`sendfile`].
pub fn copy_file_range(
    fd_in: i32,
    off_in: UserBuf<'_>,
    fd_out: i32,
    off_out: UserBuf<'_>,
    len: usize,
    flags: u32,
) -> Result<usize, Errno> {
    let (a, b) = (loff_ptr(&off_in), loff_ptr(&off_out));
    // SAFETY: each offset is NULL, 8 bytes the kernel may access, or rejected.
    let r = unsafe {
        libc::syscall(libc::SYS_copy_file_range, fd_in as libc::c_long, a, fd_out as libc::c_long, b, len, flags as libc::c_long)
    };
    cvt_long(r).map(|n| n as usize)
}

/// splice(2); the offsets as for [`sendfile`].
pub fn splice(fd_in: i32, off_in: UserBuf<'_>, fd_out: i32, off_out: UserBuf<'_>, len: usize, flags: u32) -> Result<usize, Errno> {
    let (a, b) = (loff_ptr(&off_in), loff_ptr(&off_out));
    // SAFETY: each offset is NULL, 8 bytes the kernel may access, or rejected.
    cvt_size(unsafe { libc::splice(fd_in, a, fd_out, b, len, flags) })
}

/// tee(2)
pub fn tee(fd_in: i32, fd_out: i32, len: usize, flags: u32) -> Result<usize, Errno> {
    // SAFETY: no memory arguments.
    cvt_size(unsafe { libc::tee(fd_in, fd_out, len, flags) })
}

/// readahead(2)
pub fn readahead(fd: i32, offset: i64, count: usize) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_size(unsafe { libc::readahead(fd, offset, count) }).map(drop)
}

/// fallocate(2)
pub fn fallocate(fd: i32, mode: i32, offset: i64, len: i64) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::fallocate64(fd, mode, offset, len) })
}

/// sync(2)
pub fn sync() {
    // SAFETY: no arguments.
    unsafe { libc::sync() }
}

/// syncfs(2)
pub fn syncfs(fd: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::syncfs(fd) })
}

/// fsync(2)
pub fn fsync(fd: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::fsync(fd) })
}

/// fdatasync(2)
pub fn fdatasync(fd: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::fdatasync(fd) })
}

/// lseek64(2): the new offset.
pub fn lseek(fd: i32, offset: i64, whence: i32) -> Result<i64, Errno> {
    // SAFETY: no memory arguments.
    cvt(unsafe { libc::lseek64(fd, offset, whence) })
}

/// ftruncate64(2)
pub fn ftruncate(fd: i32, length: i64) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::ftruncate64(fd, length) })
}

/// truncate64(2)
pub fn truncate(path: &CStr, length: i64) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    cvt_unit(unsafe { libc::truncate64(path.as_ptr(), length) })
}

/// posix_fadvise64(3), which returns the error number instead of setting errno.
pub fn fadvise(fd: i32, offset: i64, len: i64, advice: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    match unsafe { libc::posix_fadvise64(fd, offset, len, advice) } {
        0 => Ok(()),
        e => Err(Errno(e)),
    }
}

/// flock(2)
pub fn flock(fd: i32, op: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::flock(fd, op) })
}

/// A path the kernel may take as NULL (the stat calls with `AT_EMPTY_PATH`,
/// utimensat).
fn opt_ptr(path: Option<&CStr>) -> *const libc::c_char {
    path.map_or(std::ptr::null(), CStr::as_ptr)
}

/// fstat(2) (`fstat64` on 32-bit hosts).
pub fn fstat(fd: i32) -> Result<HostStat, Errno> {
    // SAFETY: HostStat is plain integers; all-zero is a valid value.
    let mut st: HostStat = unsafe { std::mem::zeroed() };
    #[cfg(target_pointer_width = "64")]
    // SAFETY: fstat writes only the local struct.
    let r = unsafe { libc::fstat(fd, &mut st) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: fstat64 writes only the local struct.
    let r = unsafe { libc::fstat64(fd, &mut st) };
    cvt_unit(r)?;
    Ok(st)
}

/// fstatat(2) (`fstatat64` on 32-bit hosts); `path` may be NULL.
pub fn fstatat(dirfd: i32, path: Option<&CStr>, flags: i32) -> Result<HostStat, Errno> {
    // SAFETY: HostStat is plain integers; all-zero is a valid value.
    let mut st: HostStat = unsafe { std::mem::zeroed() };
    #[cfg(target_pointer_width = "64")]
    // SAFETY: path is a C string or NULL; fstatat writes only the local struct.
    let r = unsafe { libc::fstatat(dirfd, opt_ptr(path), &mut st, flags) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above.
    let r = unsafe { libc::fstatat64(dirfd, opt_ptr(path), &mut st, flags) };
    cvt_unit(r)?;
    Ok(st)
}

/// Size of `struct statx` (the same on every architecture).
pub const STATX_SIZE: usize = 256;

/// statx(2): the kernel's `struct statx`, as raw 64-bit words; `path` may be NULL.
pub fn statx(dirfd: i32, path: Option<&CStr>, flags: i32, mask: u32) -> Result<[u64; STATX_SIZE / 8], Errno> {
    let mut out = [0u64; STATX_SIZE / 8];
    // SAFETY: path is a C string or NULL; the kernel writes at most
    // STATX_SIZE bytes, the local array.
    let r = unsafe {
        libc::syscall(libc::SYS_statx, dirfd as libc::c_long, opt_ptr(path), flags as libc::c_long, mask as libc::c_long, out.as_mut_ptr())
    };
    cvt_long(r)?;
    Ok(out)
}

/// statfs64(2)
pub fn statfs(path: &CStr) -> Result<HostStatfs, Errno> {
    // SAFETY: HostStatfs is plain integers; all-zero is a valid value.
    let mut sf: HostStatfs = unsafe { std::mem::zeroed() };
    // SAFETY: path is a C string; statfs writes only the local struct.
    cvt_unit(unsafe { libc::statfs64(path.as_ptr(), &mut sf) })?;
    Ok(sf)
}

/// fstatfs64(2)
pub fn fstatfs(fd: i32) -> Result<HostStatfs, Errno> {
    // SAFETY: HostStatfs is plain integers; all-zero is a valid value.
    let mut sf: HostStatfs = unsafe { std::mem::zeroed() };
    // SAFETY: fstatfs writes only the local struct.
    cvt_unit(unsafe { libc::fstatfs64(fd, &mut sf) })?;
    Ok(sf)
}

/// faccessat(2), the kernel call (it has no flags argument).
pub fn faccessat(dirfd: i32, path: &CStr, mode: i32) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    let r = unsafe { libc::syscall(libc::SYS_faccessat, dirfd as libc::c_long, path.as_ptr(), mode as libc::c_long) };
    cvt_long(r).map(drop)
}

/// faccessat2(2)
pub fn faccessat2(dirfd: i32, path: &CStr, mode: i32, flags: i32) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    let r = unsafe {
        libc::syscall(libc::SYS_faccessat2, dirfd as libc::c_long, path.as_ptr(), mode as libc::c_long, flags as libc::c_long)
    };
    cvt_long(r).map(drop)
}

/// getcwd(2), the kernel call: the length written, including the NUL.
pub fn getcwd(buf: &mut [u8]) -> Result<usize, Errno> {
    // SAFETY: the kernel writes at most buf.len() bytes of buf.
    let r = unsafe { libc::syscall(libc::SYS_getcwd, buf.as_mut_ptr(), buf.len()) };
    cvt_long(r).map(|n| n as usize)
}

/// chdir(2)
pub fn chdir(path: &CStr) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    cvt_unit(unsafe { libc::chdir(path.as_ptr()) })
}

/// fchdir(2)
pub fn fchdir(fd: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::fchdir(fd) })
}

/// chroot(2)
pub fn chroot(path: &CStr) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    cvt_unit(unsafe { libc::chroot(path.as_ptr()) })
}

/// renameat2(2)
pub fn renameat2(olddirfd: i32, old: &CStr, newdirfd: i32, new: &CStr, flags: u32) -> Result<(), Errno> {
    // SAFETY: both paths are valid C strings for the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            olddirfd as libc::c_long,
            old.as_ptr(),
            newdirfd as libc::c_long,
            new.as_ptr(),
            flags as libc::c_long,
        )
    };
    cvt_long(r).map(drop)
}

/// mkdirat(2)
pub fn mkdirat(dirfd: i32, path: &CStr, mode: u32) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    cvt_unit(unsafe { libc::mkdirat(dirfd, path.as_ptr(), mode as libc::mode_t) })
}

/// unlinkat(2)
pub fn unlinkat(dirfd: i32, path: &CStr, flags: i32) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    cvt_unit(unsafe { libc::unlinkat(dirfd, path.as_ptr(), flags) })
}

/// linkat(2)
pub fn linkat(olddirfd: i32, old: &CStr, newdirfd: i32, new: &CStr, flags: i32) -> Result<(), Errno> {
    // SAFETY: both paths are valid C strings for the call.
    cvt_unit(unsafe { libc::linkat(olddirfd, old.as_ptr(), newdirfd, new.as_ptr(), flags) })
}

/// symlinkat(2)
pub fn symlinkat(target: &CStr, newdirfd: i32, linkpath: &CStr) -> Result<(), Errno> {
    // SAFETY: both paths are valid C strings for the call.
    cvt_unit(unsafe { libc::symlinkat(target.as_ptr(), newdirfd, linkpath.as_ptr()) })
}

/// readlinkat(2): the number of bytes placed in `buf` (no NUL).
pub fn readlinkat(dirfd: i32, path: &CStr, buf: &mut [u8]) -> Result<usize, Errno> {
    // SAFETY: path is a valid C string; the kernel writes at most buf.len() bytes of buf.
    cvt_size(unsafe { libc::readlinkat(dirfd, path.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) })
}

/// fchmod(2)
pub fn fchmod(fd: i32, mode: u32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::fchmod(fd, mode as libc::mode_t) })
}

/// fchmodat(2), the kernel call (it has no flags argument).
pub fn fchmodat(dirfd: i32, path: &CStr, mode: u32) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    let r = unsafe { libc::syscall(libc::SYS_fchmodat, dirfd as libc::c_long, path.as_ptr(), mode as libc::c_long) };
    cvt_long(r).map(drop)
}

/// fchown(2)
pub fn fchown(fd: i32, uid: u32, gid: u32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::fchown(fd, uid, gid) })
}

/// fchownat(2)
pub fn fchownat(dirfd: i32, path: &CStr, uid: u32, gid: u32, flags: i32) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    cvt_unit(unsafe { libc::fchownat(dirfd, path.as_ptr(), uid, gid, flags) })
}

/// lchown(2)
pub fn lchown(path: &CStr, uid: u32, gid: u32) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    cvt_unit(unsafe { libc::lchown(path.as_ptr(), uid, gid) })
}

/// mknodat(2), the kernel call: `dev` in the kernel's 32-bit encoding.
pub fn mknodat(dirfd: i32, path: &CStr, mode: u32, dev: u32) -> Result<(), Errno> {
    // SAFETY: path is a valid C string for the call.
    let r = unsafe {
        libc::syscall(libc::SYS_mknodat, dirfd as libc::c_long, path.as_ptr(), mode as libc::c_long, dev as libc::c_long)
    };
    cvt_long(r).map(drop)
}

/// memfd_create(2)
pub fn memfd_create(name: &CStr, flags: u32) -> Result<i32, Errno> {
    // SAFETY: name is a valid C string for the call.
    cvt_fd(unsafe { libc::memfd_create(name.as_ptr(), flags) })
}

/// inotify_init1(2)
pub fn inotify_init1(flags: i32) -> Result<i32, Errno> {
    // SAFETY: no memory arguments.
    cvt_fd(unsafe { libc::inotify_init1(flags) })
}

/// inotify_add_watch(2): the watch descriptor.
pub fn inotify_add_watch(fd: i32, path: &CStr, mask: u32) -> Result<i32, Errno> {
    // SAFETY: path is a valid C string for the call.
    cvt_fd(unsafe { libc::inotify_add_watch(fd, path.as_ptr(), mask) })
}

/// inotify_rm_watch(2)
pub fn inotify_rm_watch(fd: i32, wd: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::inotify_rm_watch(fd, wd) })
}

/// umask(2): the previous mask (it cannot fail).
pub fn umask(mask: u32) -> u32 {
    // SAFETY: no memory arguments.
    unsafe { libc::umask(mask as libc::mode_t) as u32 }
}

/// utimensat(2) with the kernel's `struct __kernel_timespec` (the time64 call
/// on 32-bit hosts); `times` None means "now", `path` None operates on `dirfd`.
pub fn utimensat(dirfd: i32, path: Option<&CStr>, times: Option<&[KernelTimespec; 2]>, flags: i32) -> Result<(), Errno> {
    let tp = times.map_or(std::ptr::null(), |t| t.as_ptr());
    // SAFETY: path is a C string or NULL; tp is NULL or two host timespecs.
    let r = unsafe { libc::syscall(convert::HOST_SYS_UTIMENSAT, dirfd as libc::c_long, opt_ptr(path), tp, flags as libc::c_long) };
    cvt_long(r).map(drop)
}

/// getdents64(2): `linux_dirent64` records written into `buf` in place.
pub fn getdents64(fd: i32, buf: UserBuf<'_>) -> Result<usize, Errno> {
    // SAFETY: buf is memory the kernel may write for this call.
    let r = unsafe { libc::syscall(libc::SYS_getdents64, fd as libc::c_long, buf.ptr(), buf.len()) };
    cvt_long(r).map(|n| n as usize)
}

/// `PROC_SUPER_MAGIC`: the `f_type` of procfs.
const PROC_SUPER_MAGIC: i64 = 0x9fa0;

/// Is `fd` a process-memory file of procfs (`/proc/<pid>/mem`,
/// `/proc/<pid>/task/<tid>/mem`, however it was spelled or reached)? Judged
/// on what the kernel resolved: the descriptor's file system, then its name
/// as the kernel reports it. A procfs file whose name cannot be read is
/// treated as one (fail closed).
pub fn is_proc_mem(fd: i32) -> bool {
    // SAFETY: fstatfs writes only the local struct.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::fstatfs(fd, &mut st) } != 0 {
        return false; // not a descriptor (the caller's call failed already)
    }
    if st.f_type as i64 != PROC_SUPER_MAGIC {
        return false;
    }
    match std::fs::read_link(format!("/proc/self/fd/{fd}")) {
        Ok(target) => target.file_name().is_none_or(|n| n == "mem"),
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_mem_is_recognised_however_it_is_reached() {
        let pid = std::process::id();
        let tid = super::super::process::gettid();
        for path in [
            "/proc/self/mem".to_string(),
            format!("/proc/{pid}/mem"),
            "/proc/thread-self/mem".into(),
            format!("/proc/self/task/{tid}/mem"),
            "/proc//self/mem".into(),
        ] {
            let c = std::ffi::CString::new(path.clone()).unwrap();
            let fd = open(&c, libc::O_RDONLY | libc::O_CLOEXEC, 0).unwrap();
            assert!(is_proc_mem(fd), "{path}");
            super::super::fd::close(fd).unwrap();
        }
        for path in [c"/proc/self/status", c"/proc/self/maps", c"/dev/null"] {
            let fd = open(path, libc::O_RDONLY | libc::O_CLOEXEC, 0).unwrap();
            assert!(!is_proc_mem(fd), "{path:?}");
            super::super::fd::close(fd).unwrap();
        }
    }

    #[test]
    fn offsets_shorter_than_a_loff_t_are_refused() {
        let file = open(c"/proc/self/exe", libc::O_RDONLY | libc::O_CLOEXEC, 0).unwrap();
        let null = open(c"/dev/null", libc::O_WRONLY | libc::O_CLOEXEC, 0).unwrap();
        let mut short = [0u8; 4];
        assert_eq!(sendfile(null, file, UserBuf::host_mut(&mut short), 16), Err(Errno::EFAULT));
        assert_eq!(short, [0; 4]);
        let mut off = 4i64.to_ne_bytes();
        assert_eq!(sendfile(null, file, UserBuf::host_mut(&mut off), 16), Ok(16));
        assert_eq!(i64::from_ne_bytes(off), 20);
        assert_eq!(sendfile(null, file, UserBuf::NULL, 16), Ok(16));
        assert_eq!(lseek(file, 0, libc::SEEK_CUR), Ok(16));
        assert_eq!(fstat(null).map(|st| st.st_mode & libc::S_IFMT), Ok(libc::S_IFCHR));
        assert_eq!(fstatat(libc::AT_FDCWD, Some(c"/dev/null"), 0).map(|st| st.st_rdev), fstat(null).map(|st| st.st_rdev));
        assert_eq!(statx(null, Some(c""), libc::AT_EMPTY_PATH, libc::STATX_BASIC_STATS).map(|b| b.len() * 8), Ok(STATX_SIZE));
        super::super::fd::close(file).unwrap();
        super::super::fd::close(null).unwrap();
    }
}
