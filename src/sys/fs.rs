//! Files, directories and links.
//!
//! Every call is the host kernel's call with guest pointers translated. The
//! path-based legacy calls (`open`, `stat`, `mkdir`, ...) are their `*at`
//! variants with `AT_FDCWD`, since some hosts (aarch64) lack the old ones.
//!
//! Guest buffers the kernel reads or writes in place go through
//! [`Mem::kernel_buf`]: a range the guest cannot access is replaced by an
//! address the kernel always rejects, so the kernel still checks the descriptor
//! (and its other arguments) first and then fails with `EFAULT`, in the same
//! order as on a native system, and never touches host memory outside the guest's.
//! Results that are structs (stat, statfs, statx) or short strings (getcwd,
//! readlink) are produced in host memory and copied out afterwards, like the
//! kernel's `copy_to_user`.

use super::{Cx, Errno, SysResult, cvt};
use crate::memory::{Access, KERNEL_REJECTED_ADDR, Mem};
use libc::{c_char, c_int, c_long};
use std::ffi::CString;
use wali_abi::convert::{self, HostStat, HostStatfs};
use wali_abi::guest::{self, consts as g};

/// Largest host bounce buffer for string results (getcwd, readlink): more
/// than any path the kernel returns (at most a page).
const MAX_BOUNCE: usize = 1 << 16;

/// `__O_TMPFILE` without `O_DIRECTORY` (the same bit for the guest and every host).
const O_TMPFILE_BIT: i32 = 0o20000000;

/// A path argument (NULL is `EFAULT`, as in the kernel).
fn path(cx: &Cx<'_, '_>, ptr: u32) -> Result<CString, Errno> {
    cx.mem().cstring(ptr)
}

/// A path argument the kernel may accept as NULL (utimensat, and the stat
/// calls with `AT_EMPTY_PATH`): NULL is passed on as NULL.
fn opt_path(cx: &Cx<'_, '_>, ptr: u32) -> Result<Option<CString>, Errno> {
    cx.mem().opt_cstring(ptr)
}

fn opt_ptr(p: &Option<CString>) -> *const c_char {
    p.as_ref().map_or(std::ptr::null(), |p| p.as_ptr())
}

/// Convert the result of `libc::syscall` into a result.
fn cvt_sys(r: c_long) -> SysResult {
    cvt(r)
}

/// The host iovec array for a guest one ([`Mem::kernel_iovecs`]: every base
/// checked). A count out of range or an unreadable guest array is passed on
/// as [`KERNEL_REJECTED_ADDR`], so the kernel checks the descriptor first and
/// then fails with `EINVAL` or `EFAULT` itself.
struct HostIov {
    iov: Option<Vec<libc::iovec>>,
    cnt: c_int,
}

impl HostIov {
    fn new(mem: &Mem<'_>, iov: u32, iovcnt: i32, access: Access) -> HostIov {
        let iov = u32::try_from(iovcnt).ok().and_then(|n| mem.kernel_iovecs(iov, n, access));
        HostIov { iov, cnt: iovcnt }
    }

    fn ptr(&self) -> *const libc::iovec {
        self.iov.as_ref().map_or(KERNEL_REJECTED_ADDR.cast(), |v| v.as_ptr())
    }
}

// ---------------------------------------------------------------------------
// Host calls whose types depend on the host's pointer width.

#[cfg(target_pointer_width = "64")]
mod host {
    use super::*;
    pub unsafe fn fstatat(fd: c_int, path: *const c_char, st: *mut HostStat, flags: c_int) -> c_int {
        unsafe { libc::fstatat(fd, path, st, flags) }
    }
    pub unsafe fn fstat(fd: c_int, st: *mut HostStat) -> c_int {
        unsafe { libc::fstat(fd, st) }
    }
}

#[cfg(target_pointer_width = "32")]
mod host {
    use super::*;
    pub unsafe fn fstatat(fd: c_int, path: *const c_char, st: *mut HostStat, flags: c_int) -> c_int {
        unsafe { libc::fstatat64(fd, path, st, flags) }
    }
    pub unsafe fn fstat(fd: c_int, st: *mut HostStat) -> c_int {
        unsafe { libc::fstat64(fd, st) }
    }
}

/// The kernel's `struct __kernel_timespec`: two 64-bit fields on every host
/// (what `SYS_utimensat` takes on 64-bit hosts and `SYS_utimensat_time64` on
/// 32-bit ones), so guest values, `UTIME_NOW`/`UTIME_OMIT` included, pass
/// unchanged and the kernel validates them.
#[repr(C)]
#[derive(Clone, Copy)]
struct KernelTimespec {
    tv_sec: i64,
    tv_nsec: i64,
}

/// utimensat with host values; `times` None means "now".
fn host_utimensat(dirfd: i32, path: *const c_char, times: Option<[KernelTimespec; 2]>, flags: i32) -> SysResult {
    let tp = times.as_ref().map_or(std::ptr::null(), |t| t.as_ptr());
    cvt_sys(unsafe { libc::syscall(convert::HOST_SYS_UTIMENSAT, dirfd as c_long, path, tp, flags as c_long) })
}

// ---------------------------------------------------------------------------
// read / write

pub fn read(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, count: u32) -> SysResult {
    let b = cx.mem().kernel_buf(buf, count as usize, Access::Write);
    cvt(unsafe { libc::read(fd, b.ptr.cast(), b.len) } as i64)
}

pub fn write(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, count: u32) -> SysResult {
    let b = cx.mem().kernel_buf(buf, count as usize, Access::Read);
    cvt(unsafe { libc::write(fd, b.ptr.cast(), b.len) } as i64)
}

pub fn pread64(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, count: u32, offset: i64) -> SysResult {
    let b = cx.mem().kernel_buf(buf, count as usize, Access::Write);
    cvt(unsafe { libc::pread64(fd, b.ptr.cast(), b.len, offset) } as i64)
}

pub fn pwrite64(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, count: u32, offset: i64) -> SysResult {
    let b = cx.mem().kernel_buf(buf, count as usize, Access::Read);
    cvt(unsafe { libc::pwrite64(fd, b.ptr.cast(), b.len, offset) } as i64)
}

pub fn readv(cx: &mut Cx<'_, '_>, fd: i32, iov: u32, iovcnt: i32) -> SysResult {
    let v = HostIov::new(&cx.mem(), iov, iovcnt, Access::Write);
    cvt(unsafe { libc::readv(fd, v.ptr(), v.cnt) } as i64)
}

pub fn writev(cx: &mut Cx<'_, '_>, fd: i32, iov: u32, iovcnt: i32) -> SysResult {
    let v = HostIov::new(&cx.mem(), iov, iovcnt, Access::Read);
    cvt(unsafe { libc::writev(fd, v.ptr(), v.cnt) } as i64)
}

/// preadv(fd, iov, iovcnt, pos_l, pos_h): the guest (x86_64 ABI) passes the
/// whole 64-bit offset in `pos_l`; `pos_h` is 0.
pub fn preadv(cx: &mut Cx<'_, '_>, fd: i32, iov: u32, iovcnt: i32, pos_l: u64, _pos_h: u64) -> SysResult {
    let v = HostIov::new(&cx.mem(), iov, iovcnt, Access::Write);
    cvt(unsafe { libc::preadv64(fd, v.ptr(), v.cnt, pos_l as i64) } as i64)
}

/// pwritev(fd, iov, iovcnt, pos_l, pos_h): as preadv.
pub fn pwritev(cx: &mut Cx<'_, '_>, fd: i32, iov: u32, iovcnt: i32, pos_l: u64, _pos_h: u64) -> SysResult {
    let v = HostIov::new(&cx.mem(), iov, iovcnt, Access::Read);
    cvt(unsafe { libc::pwritev64(fd, v.ptr(), v.cnt, pos_l as i64) } as i64)
}

/// A guest `loff_t *` in/out offset (sendfile, copy_file_range, splice): the
/// kernel reads and writes it in place (64-bit in the guest and on every host),
/// or gets a rejected address and fails with EFAULT after its own checks.
fn offset_ptr(mem: &Mem<'_>, ptr: u32) -> *mut i64 {
    if ptr == 0 { std::ptr::null_mut() } else { mem.kernel_buf(ptr, 8, Access::Write).ptr.cast() }
}

/// sendfile(out_fd, in_fd, offset, count)
pub fn sendfile(cx: &mut Cx<'_, '_>, out_fd: i32, in_fd: i32, offset: u32, count: u32) -> SysResult {
    let off = offset_ptr(&cx.mem(), offset);
    cvt(unsafe { libc::sendfile64(out_fd, in_fd, off, count as usize) } as i64)
}

/// copy_file_range(fd_in, off_in, fd_out, off_out, len, flags)
pub fn copy_file_range(cx: &mut Cx<'_, '_>, fd_in: i32, off_in: u32, fd_out: i32, off_out: u32, len: u32, flags: u32) -> SysResult {
    let mem = cx.mem();
    let (a, b) = (offset_ptr(&mem, off_in), offset_ptr(&mem, off_out));
    cvt(unsafe { libc::syscall(libc::SYS_copy_file_range, fd_in, a, fd_out, b, len as usize, flags) })
}

/// splice(fd_in, off_in, fd_out, off_out, len, flags)
pub fn splice(cx: &mut Cx<'_, '_>, fd_in: i32, off_in: u32, fd_out: i32, off_out: u32, len: u32, flags: u32) -> SysResult {
    let mem = cx.mem();
    let (a, b) = (offset_ptr(&mem, off_in), offset_ptr(&mem, off_out));
    cvt(unsafe { libc::splice(fd_in, a, fd_out, b, len as usize, flags) } as i64)
}

pub fn tee(_cx: &mut Cx<'_, '_>, fd_in: i32, fd_out: i32, len: u32, flags: u32) -> SysResult {
    cvt(unsafe { libc::tee(fd_in, fd_out, len as usize, flags) } as i64)
}

pub fn readahead(_cx: &mut Cx<'_, '_>, fd: i32, offset: i64, count: u32) -> SysResult {
    cvt(unsafe { libc::readahead(fd, offset, count as usize) } as i64)
}

pub fn fallocate(_cx: &mut Cx<'_, '_>, fd: i32, mode: i32, offset: i64, len: i64) -> SysResult {
    cvt(unsafe { libc::fallocate64(fd, mode, offset, len) })
}

pub fn sync(_cx: &mut Cx<'_, '_>) -> SysResult {
    unsafe { libc::sync() };
    Ok(0)
}

pub fn syncfs(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    cvt(unsafe { libc::syncfs(fd) })
}

pub fn lseek(_cx: &mut Cx<'_, '_>, fd: i32, offset: i64, whence: i32) -> SysResult {
    cvt(unsafe { libc::lseek64(fd, offset, whence) })
}

// ---------------------------------------------------------------------------
// open / close

pub fn open(cx: &mut Cx<'_, '_>, path: u32, flags: i32, mode: u32) -> SysResult {
    openat(cx, g::AT_FDCWD, path, flags, mode)
}

/// openat(dirfd, path, flags, mode): flags translated to the host's; the mode
/// only matters (and is only passed) when a file may be created.
pub fn openat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, flags: i32, mode: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    // Writing the runtime's own memory would bypass every guest boundary.
    if p.as_bytes() == b"/proc/self/mem" {
        return Err(Errno::EACCES.into());
    }
    let host_flags = convert::open_flags_to_host(flags);
    let creates = flags & (g::O_CREAT | O_TMPFILE_BIT) != 0;
    let mode = if creates { mode as libc::c_uint } else { 0 };
    let fd = cvt(unsafe { libc::openat(dirfd, p.as_ptr(), host_flags, mode) })?;
    close_env_fd_once_opened(cx, &p);
    Ok(fd)
}

/// The guest libc just opened its environment file: the runtime's descriptor
/// behind it is not needed any more (the guest has its own).
fn close_env_fd_once_opened(cx: &Cx<'_, '_>, p: &std::ffi::CStr) {
    let process = &cx.host().process;
    if process.env_fd.load(std::sync::atomic::Ordering::Relaxed) < 0 {
        return;
    }
    if process.env_file.as_ref().is_some_and(|f| f.as_os_str().as_encoded_bytes() == p.to_bytes()) {
        let fd = process.env_fd.swap(-1, std::sync::atomic::Ordering::Relaxed);
        if fd >= 0 {
            // SAFETY: the runtime's own descriptor, used by nothing else.
            unsafe { libc::close(fd) };
        }
    }
}

pub fn close(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    cvt(unsafe { libc::close(fd) })
}

// ---------------------------------------------------------------------------
// stat family

fn write_stat(cx: &Cx<'_, '_>, buf: u32, st: &HostStat) -> SysResult {
    cx.mem().write(buf, &convert::stat_from_host(st))?;
    Ok(0)
}

pub fn stat(cx: &mut Cx<'_, '_>, path: u32, buf: u32) -> SysResult {
    newfstatat(cx, g::AT_FDCWD, path, buf, 0)
}

pub fn lstat(cx: &mut Cx<'_, '_>, path: u32, buf: u32) -> SysResult {
    newfstatat(cx, g::AT_FDCWD, path, buf, g::AT_SYMLINK_NOFOLLOW)
}

pub fn fstat(cx: &mut Cx<'_, '_>, fd: i32, buf: u32) -> SysResult {
    let mut st: HostStat = unsafe { std::mem::zeroed() };
    cvt(unsafe { host::fstat(fd, &mut st) })?;
    write_stat(cx, buf, &st)
}

pub fn newfstatat(cx: &mut Cx<'_, '_>, dirfd: i32, path: u32, buf: u32, flags: i32) -> SysResult {
    let p = opt_path(cx, path)?;
    let mut st: HostStat = unsafe { std::mem::zeroed() };
    cvt(unsafe { host::fstatat(dirfd, opt_ptr(&p), &mut st, flags) })?;
    write_stat(cx, buf, &st)
}

/// statx(dirfd, path, flags, mask, buf): `struct statx` is the same on every
/// architecture, so the kernel's bytes are copied out as they are.
pub fn statx(cx: &mut Cx<'_, '_>, dirfd: i32, path: u32, flags: i32, mask: u32, buf: u32) -> SysResult {
    let p = opt_path(cx, path)?;
    let mut out = [0u64; size_of::<guest::Statx>() / 8];
    cvt_sys(unsafe {
        libc::syscall(libc::SYS_statx, dirfd as c_long, opt_ptr(&p), flags as c_long, mask as c_long, out.as_mut_ptr())
    })?;
    cx.mem().write(buf, &out)?;
    Ok(0)
}

pub fn statfs(cx: &mut Cx<'_, '_>, path_ptr: u32, buf: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    let mut sf: HostStatfs = unsafe { std::mem::zeroed() };
    cvt(unsafe { libc::statfs64(p.as_ptr(), &mut sf) })?;
    cx.mem().write(buf, &convert::statfs_from_host(&sf))?;
    Ok(0)
}

pub fn fstatfs(cx: &mut Cx<'_, '_>, fd: i32, buf: u32) -> SysResult {
    let mut sf: HostStatfs = unsafe { std::mem::zeroed() };
    cvt(unsafe { libc::fstatfs64(fd, &mut sf) })?;
    cx.mem().write(buf, &convert::statfs_from_host(&sf))?;
    Ok(0)
}

// ---------------------------------------------------------------------------
// access, size, sync

pub fn access(cx: &mut Cx<'_, '_>, path: u32, mode: i32) -> SysResult {
    faccessat(cx, g::AT_FDCWD, path, mode, 0)
}

/// faccessat(dirfd, path, mode, flags): the kernel call has no flags argument
/// (that is faccessat2), so `flags` is ignored, as the kernel does.
pub fn faccessat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, mode: i32, _flags: i32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt_sys(unsafe { libc::syscall(libc::SYS_faccessat, dirfd as c_long, p.as_ptr(), mode as c_long) })
}

pub fn faccessat2(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, mode: i32, flags: i32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt_sys(unsafe {
        libc::syscall(libc::SYS_faccessat2, dirfd as c_long, p.as_ptr(), mode as c_long, flags as c_long)
    })
}

pub fn ftruncate(_cx: &mut Cx<'_, '_>, fd: i32, length: i64) -> SysResult {
    cvt(unsafe { libc::ftruncate64(fd, length) })
}

pub fn truncate(cx: &mut Cx<'_, '_>, path_ptr: u32, length: i64) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt(unsafe { libc::truncate64(p.as_ptr(), length) })
}

pub fn fsync(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    cvt(unsafe { libc::fsync(fd) })
}

pub fn fdatasync(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    cvt(unsafe { libc::fdatasync(fd) })
}

/// fadvise(fd, offset, len, advice): `posix_fadvise` returns the error number.
pub fn fadvise(_cx: &mut Cx<'_, '_>, fd: i32, offset: i64, len: i64, advice: i32) -> SysResult {
    match unsafe { libc::posix_fadvise64(fd, offset, len, advice) } {
        0 => Ok(0),
        e => Err(Errno(e).into()),
    }
}

// ---------------------------------------------------------------------------
// working directory

/// getcwd(buf, size): returns the length including the NUL, like the kernel.
pub fn getcwd(cx: &mut Cx<'_, '_>, buf: u32, size: u32) -> SysResult {
    let mut tmp = vec![0u8; (size as usize).min(MAX_BOUNCE)];
    let n = cvt_sys(unsafe { libc::syscall(libc::SYS_getcwd, tmp.as_mut_ptr(), tmp.len()) })?;
    // Nothing to copy is always fine, as in the kernel.
    if n > 0 {
        cx.mem().write_bytes(buf, &tmp[..n as usize])?;
    }
    Ok(n)
}

pub fn chdir(cx: &mut Cx<'_, '_>, path_ptr: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt(unsafe { libc::chdir(p.as_ptr()) })
}

pub fn fchdir(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    cvt(unsafe { libc::fchdir(fd) })
}

pub fn chroot(cx: &mut Cx<'_, '_>, path_ptr: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt(unsafe { libc::chroot(p.as_ptr()) })
}

// ---------------------------------------------------------------------------
// names: rename, mkdir, unlink, links

pub fn rename(cx: &mut Cx<'_, '_>, old: u32, new: u32) -> SysResult {
    renameat2(cx, g::AT_FDCWD, old, g::AT_FDCWD, new, 0)
}

/// renameat(olddirfd, old, newdirfd, new): renameat2 without flags.
pub fn renameat(cx: &mut Cx<'_, '_>, olddirfd: i32, old: u32, newdirfd: i32, new: u32) -> SysResult {
    renameat2(cx, olddirfd, old, newdirfd, new, 0)
}

pub fn renameat2(cx: &mut Cx<'_, '_>, olddirfd: i32, old: u32, newdirfd: i32, new: u32, flags: u32) -> SysResult {
    let (o, n) = (path(cx, old)?, path(cx, new)?);
    cvt_sys(unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            olddirfd as c_long,
            o.as_ptr(),
            newdirfd as c_long,
            n.as_ptr(),
            flags as c_long,
        )
    })
}

pub fn mkdir(cx: &mut Cx<'_, '_>, path: u32, mode: u32) -> SysResult {
    mkdirat(cx, g::AT_FDCWD, path, mode)
}

pub fn mkdirat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, mode: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt(unsafe { libc::mkdirat(dirfd, p.as_ptr(), mode as libc::mode_t) })
}

pub fn rmdir(cx: &mut Cx<'_, '_>, path: u32) -> SysResult {
    unlinkat(cx, g::AT_FDCWD, path, g::AT_REMOVEDIR)
}

pub fn unlink(cx: &mut Cx<'_, '_>, path: u32) -> SysResult {
    unlinkat(cx, g::AT_FDCWD, path, 0)
}

pub fn unlinkat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, flags: i32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt(unsafe { libc::unlinkat(dirfd, p.as_ptr(), flags) })
}

pub fn link(cx: &mut Cx<'_, '_>, old: u32, new: u32) -> SysResult {
    linkat(cx, g::AT_FDCWD, old, g::AT_FDCWD, new, 0)
}

pub fn linkat(cx: &mut Cx<'_, '_>, olddirfd: i32, old: u32, newdirfd: i32, new: u32, flags: i32) -> SysResult {
    let (o, n) = (path(cx, old)?, path(cx, new)?);
    cvt(unsafe { libc::linkat(olddirfd, o.as_ptr(), newdirfd, n.as_ptr(), flags) })
}

pub fn symlink(cx: &mut Cx<'_, '_>, target: u32, linkpath: u32) -> SysResult {
    symlinkat(cx, target, g::AT_FDCWD, linkpath)
}

pub fn symlinkat(cx: &mut Cx<'_, '_>, target: u32, newdirfd: i32, linkpath: u32) -> SysResult {
    let (t, l) = (path(cx, target)?, path(cx, linkpath)?);
    cvt(unsafe { libc::symlinkat(t.as_ptr(), newdirfd, l.as_ptr()) })
}

pub fn readlink(cx: &mut Cx<'_, '_>, path: u32, buf: u32, size: u32) -> SysResult {
    readlinkat(cx, g::AT_FDCWD, path, buf, size)
}

/// readlinkat(dirfd, path, buf, size): the kernel's `int` size must be
/// positive; only the bytes returned are written to the guest.
pub fn readlinkat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, buf: u32, size: u32) -> SysResult {
    if size as i32 <= 0 {
        return Err(Errno::EINVAL.into());
    }
    let p = path(cx, path_ptr)?;
    let mut tmp = vec![0u8; (size as usize).min(MAX_BOUNCE)];
    let mut n = cvt(unsafe { libc::readlinkat(dirfd, p.as_ptr(), tmp.as_mut_ptr().cast(), tmp.len()) } as i64)?;
    // The guest's executable is its module (as execve of /proc/self/exe runs it).
    if super::spawn::is_proc_self_exe(&p)
        && let Some(module) = &cx.host().process.module_path
    {
        let m = module.as_os_str().as_encoded_bytes();
        n = m.len().min(tmp.len()) as i64;
        tmp[..n as usize].copy_from_slice(&m[..n as usize]);
    }
    // Nothing to copy is always fine, as in the kernel.
    if n > 0 {
        cx.mem().write_bytes(buf, &tmp[..n as usize])?;
    }
    Ok(n)
}

// ---------------------------------------------------------------------------
// permissions and ownership

pub fn chmod(cx: &mut Cx<'_, '_>, path: u32, mode: u32) -> SysResult {
    fchmodat(cx, g::AT_FDCWD, path, mode, 0)
}

pub fn fchmod(_cx: &mut Cx<'_, '_>, fd: i32, mode: u32) -> SysResult {
    cvt(unsafe { libc::fchmod(fd, mode as libc::mode_t) })
}

/// fchmodat(dirfd, path, mode, flags): the kernel call has no flags argument
/// (that is fchmodat2), so `flags` is ignored, as the kernel does.
pub fn fchmodat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, mode: u32, _flags: i32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt_sys(unsafe { libc::syscall(libc::SYS_fchmodat, dirfd as c_long, p.as_ptr(), mode as c_long) })
}

pub fn chown(cx: &mut Cx<'_, '_>, path: u32, uid: u32, gid: u32) -> SysResult {
    fchownat(cx, g::AT_FDCWD, path, uid, gid, 0)
}

pub fn fchown(_cx: &mut Cx<'_, '_>, fd: i32, uid: u32, gid: u32) -> SysResult {
    cvt(unsafe { libc::fchown(fd, uid, gid) })
}

pub fn fchownat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, uid: u32, gid: u32, flags: i32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt(unsafe { libc::fchownat(dirfd, p.as_ptr(), uid, gid, flags) })
}

pub fn lchown(cx: &mut Cx<'_, '_>, path_ptr: u32, uid: u32, gid: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt(unsafe { libc::lchown(p.as_ptr(), uid, gid) })
}

/// mknodat(dirfd, path, mode, dev): `dev` in the kernel's 32-bit encoding,
/// passed on as it is.
pub fn mknodat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, mode: u32, dev: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt(unsafe { libc::syscall(libc::SYS_mknodat, dirfd, p.as_ptr(), mode, dev) })
}

pub fn mknod(cx: &mut Cx<'_, '_>, path_ptr: u32, mode: u32, dev: u32) -> SysResult {
    mknodat(cx, g::AT_FDCWD, path_ptr, mode, dev)
}

/// creat(path, mode): open(path, O_CREAT|O_WRONLY|O_TRUNC, mode).
pub fn creat(cx: &mut Cx<'_, '_>, path_ptr: u32, mode: u32) -> SysResult {
    open(cx, path_ptr, g::O_CREAT | g::O_WRONLY | g::O_TRUNC, mode)
}

/// memfd_create(name, flags): MFD_* are the same on every host.
pub fn memfd_create(cx: &mut Cx<'_, '_>, name: u32, flags: u32) -> SysResult {
    let n = cx.mem().cstring_max(name, 4096)?;
    cvt(unsafe { libc::memfd_create(n.as_ptr(), flags) })
}

/// inotify_init1(flags): IN_NONBLOCK/IN_CLOEXEC are O_NONBLOCK/O_CLOEXEC,
/// the same on every host. Events read from it have one layout everywhere.
pub fn inotify_init1(_cx: &mut Cx<'_, '_>, flags: i32) -> SysResult {
    cvt(unsafe { libc::inotify_init1(flags) })
}

pub fn inotify_init(cx: &mut Cx<'_, '_>) -> SysResult {
    inotify_init1(cx, 0)
}

pub fn inotify_add_watch(cx: &mut Cx<'_, '_>, fd: i32, path_ptr: u32, mask: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    cvt(unsafe { libc::inotify_add_watch(fd, p.as_ptr(), mask) })
}

pub fn inotify_rm_watch(_cx: &mut Cx<'_, '_>, fd: i32, wd: i32) -> SysResult {
    cvt(unsafe { libc::inotify_rm_watch(fd, wd) })
}

pub fn umask(_cx: &mut Cx<'_, '_>, mask: u32) -> SysResult {
    Ok(unsafe { libc::umask(mask as libc::mode_t) } as i64)
}

// ---------------------------------------------------------------------------
// timestamps

/// utimensat(dirfd, path, times, flags): guest `timespec[2]` (NULL: now);
/// `UTIME_NOW`/`UTIME_OMIT` and a NULL path (operate on `dirfd`) pass through.
pub fn utimensat(cx: &mut Cx<'_, '_>, dirfd: i32, path: u32, times: u32, flags: i32) -> SysResult {
    let t = cx.mem().read_opt::<[guest::Timespec; 2]>(times)?;
    let t = t.map(|t| t.map(|ts| KernelTimespec { tv_sec: ts.tv_sec, tv_nsec: ts.tv_nsec }));
    let p = opt_path(cx, path)?;
    host_utimensat(dirfd, opt_ptr(&p), t, flags)
}

pub fn utimes(cx: &mut Cx<'_, '_>, path: u32, times: u32) -> SysResult {
    futimesat(cx, g::AT_FDCWD, path, times)
}

/// futimesat(dirfd, path, times): guest `timeval[2]` (NULL: now), checked and
/// converted as the kernel does, then utimensat.
pub fn futimesat(cx: &mut Cx<'_, '_>, dirfd: i32, path: u32, times: u32) -> SysResult {
    let t = match cx.mem().read_opt::<[guest::Timeval; 2]>(times)? {
        None => None,
        Some(tv) => {
            if tv.iter().any(|v| !(0..1_000_000).contains(&v.tv_usec)) {
                return Err(Errno::EINVAL.into());
            }
            Some(tv.map(|v| KernelTimespec { tv_sec: v.tv_sec, tv_nsec: v.tv_usec * 1000 }))
        }
    };
    let p = opt_path(cx, path)?;
    host_utimensat(dirfd, opt_ptr(&p), t, 0)
}

// ---------------------------------------------------------------------------
// directories and locks

/// getdents64(fd, dirp, count): `linux_dirent64` is the same on every host,
/// so the kernel fills the guest buffer directly.
pub fn getdents64(cx: &mut Cx<'_, '_>, fd: i32, dirp: u32, count: u32) -> SysResult {
    let b = cx.mem().kernel_buf(dirp, count as usize, Access::Write);
    cvt_sys(unsafe { libc::syscall(libc::SYS_getdents64, fd as c_long, b.ptr, b.len) })
}

pub fn flock(_cx: &mut Cx<'_, '_>, fd: i32, op: i32) -> SysResult {
    cvt(unsafe { libc::flock(fd, op) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::Protections;

    #[test]
    fn iovecs_are_translated_and_checked() {
        let prot = Protections::default();
        let mut backing = vec![0u8; 0x1000];
        let mem = unsafe { Mem::new(backing.as_mut_ptr(), backing.len(), &prot) };
        let base = backing.as_mut_ptr();
        let iov = [guest::Iovec { iov_base: 0x100, iov_len: 4 }, guest::Iovec { iov_base: 0xfff0, iov_len: 8 }];
        mem.write_array(0x40, &iov).unwrap();
        let v = HostIov::new(&mem, 0x40, 2, Access::Write);
        let host = v.iov.as_ref().unwrap();
        assert_eq!((host[0].iov_base as usize, host[0].iov_len), (base as usize + 0x100, 4));
        assert_eq!((host[1].iov_base as usize, host[1].iov_len), (KERNEL_REJECTED_ADDR as usize, 8));
        for (cnt, addr) in [(-1, 0x40), (1025, 0x40), (2, 0xfff8), (1, 0)] {
            let v = HostIov::new(&mem, addr, cnt, Access::Read);
            assert!(v.iov.is_none());
            assert_eq!((v.ptr() as usize, v.cnt), (KERNEL_REJECTED_ADDR as usize, cnt));
        }
        // An empty array is not read.
        let v = HostIov::new(&mem, 0xffff_fff0, 0, Access::Read);
        assert_eq!(v.iov.as_ref().map(Vec::len), Some(0));
    }
}
