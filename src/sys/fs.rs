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
//!
//! Opening a process-memory file of procfs is refused (`open_judged`),
//! judged on what the kernel resolved, not on how the path was spelled.

use super::{Cx, Errno, SysResult};
use crate::kernel::{self, UserBuf};
use crate::kernel::time::KernelTimespec;
use crate::memory::{Access, Mem};
use std::ffi::{CStr, CString};
use wali_abi::convert;
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

// ---------------------------------------------------------------------------
// read / write

pub fn read(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, count: u32) -> SysResult {
    let b = cx.mem().kernel_buf(buf, count as usize, Access::Write);
    Ok(kernel::fs::read(fd, b)? as i64)
}

pub fn write(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, count: u32) -> SysResult {
    let b = cx.mem().kernel_buf(buf, count as usize, Access::Read);
    Ok(kernel::fs::write(fd, b)? as i64)
}

pub fn pread64(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, count: u32, offset: i64) -> SysResult {
    let b = cx.mem().kernel_buf(buf, count as usize, Access::Write);
    Ok(kernel::fs::pread(fd, b, offset)? as i64)
}

pub fn pwrite64(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, count: u32, offset: i64) -> SysResult {
    let b = cx.mem().kernel_buf(buf, count as usize, Access::Read);
    Ok(kernel::fs::pwrite(fd, b, offset)? as i64)
}

/// readv(fd, iov, iovcnt): the guest's iovecs with every base checked
/// ([`Mem::kernel_iovecs`]); a count out of range or an unreadable array is
/// passed on rejected, so the kernel checks the descriptor first and then
/// fails with `EINVAL` or `EFAULT` itself.
pub fn readv(cx: &mut Cx<'_, '_>, fd: i32, iov: u32, iovcnt: i32) -> SysResult {
    let v = cx.mem().kernel_iovecs(iov, iovcnt, Access::Write);
    Ok(kernel::fs::readv(fd, &v)? as i64)
}

/// writev(fd, iov, iovcnt): as readv.
pub fn writev(cx: &mut Cx<'_, '_>, fd: i32, iov: u32, iovcnt: i32) -> SysResult {
    let v = cx.mem().kernel_iovecs(iov, iovcnt, Access::Read);
    Ok(kernel::fs::writev(fd, &v)? as i64)
}

/// preadv(fd, iov, iovcnt, pos_l, pos_h): the guest (x86_64 ABI) passes the
/// whole 64-bit offset in `pos_l`; `pos_h` is 0.
pub fn preadv(cx: &mut Cx<'_, '_>, fd: i32, iov: u32, iovcnt: i32, pos_l: u64, _pos_h: u64) -> SysResult {
    let v = cx.mem().kernel_iovecs(iov, iovcnt, Access::Write);
    Ok(kernel::fs::preadv(fd, &v, pos_l as i64)? as i64)
}

/// pwritev(fd, iov, iovcnt, pos_l, pos_h): as preadv.
pub fn pwritev(cx: &mut Cx<'_, '_>, fd: i32, iov: u32, iovcnt: i32, pos_l: u64, _pos_h: u64) -> SysResult {
    let v = cx.mem().kernel_iovecs(iov, iovcnt, Access::Read);
    Ok(kernel::fs::pwritev(fd, &v, pos_l as i64)? as i64)
}

/// A guest `loff_t *` in/out offset (sendfile, copy_file_range, splice): the
/// kernel reads and writes it in place (64-bit in the guest and on every host),
/// or gets a rejected address and fails with EFAULT after its own checks.
fn offset_buf<'a>(mem: &Mem<'a>, ptr: u32) -> UserBuf<'a> {
    if ptr == 0 { UserBuf::NULL } else { mem.kernel_buf(ptr, 8, Access::Write) }
}

/// sendfile(out_fd, in_fd, offset, count)
pub fn sendfile(cx: &mut Cx<'_, '_>, out_fd: i32, in_fd: i32, offset: u32, count: u32) -> SysResult {
    let mem = cx.mem();
    Ok(kernel::fs::sendfile(out_fd, in_fd, offset_buf(&mem, offset), count as usize)? as i64)
}

/// copy_file_range(fd_in, off_in, fd_out, off_out, len, flags)
pub fn copy_file_range(cx: &mut Cx<'_, '_>, fd_in: i32, off_in: u32, fd_out: i32, off_out: u32, len: u32, flags: u32) -> SysResult {
    let mem = cx.mem();
    let (a, b) = (offset_buf(&mem, off_in), offset_buf(&mem, off_out));
    Ok(kernel::fs::copy_file_range(fd_in, a, fd_out, b, len as usize, flags)? as i64)
}

/// splice(fd_in, off_in, fd_out, off_out, len, flags)
pub fn splice(cx: &mut Cx<'_, '_>, fd_in: i32, off_in: u32, fd_out: i32, off_out: u32, len: u32, flags: u32) -> SysResult {
    let mem = cx.mem();
    let (a, b) = (offset_buf(&mem, off_in), offset_buf(&mem, off_out));
    Ok(kernel::fs::splice(fd_in, a, fd_out, b, len as usize, flags)? as i64)
}

pub fn tee(_cx: &mut Cx<'_, '_>, fd_in: i32, fd_out: i32, len: u32, flags: u32) -> SysResult {
    Ok(kernel::fs::tee(fd_in, fd_out, len as usize, flags)? as i64)
}

pub fn readahead(_cx: &mut Cx<'_, '_>, fd: i32, offset: i64, count: u32) -> SysResult {
    kernel::fs::readahead(fd, offset, count as usize)?;
    Ok(0)
}

pub fn fallocate(_cx: &mut Cx<'_, '_>, fd: i32, mode: i32, offset: i64, len: i64) -> SysResult {
    kernel::fs::fallocate(fd, mode, offset, len)?;
    Ok(0)
}

pub fn sync(_cx: &mut Cx<'_, '_>) -> SysResult {
    kernel::fs::sync();
    Ok(0)
}

pub fn syncfs(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    kernel::fs::syncfs(fd)?;
    Ok(0)
}

pub fn lseek(_cx: &mut Cx<'_, '_>, fd: i32, offset: i64, whence: i32) -> SysResult {
    Ok(kernel::fs::lseek(fd, offset, whence)?)
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
    let host_flags = convert::open_flags_to_host(flags);
    let creates = flags & (g::O_CREAT | O_TMPFILE_BIT) != 0;
    let mode = if creates { mode } else { 0 };
    let fd = open_judged(dirfd, &p, host_flags, mode)?;
    close_env_fd_once_opened(cx, &p);
    Ok(fd as i64)
}

/// Open `path` as asked (host flags), unless what it resolves to is a
/// process-memory file of procfs (`/proc/<pid>/mem`, however spelled or
/// reached): writing the runtime's own memory would bypass every guest
/// boundary, so that is `EACCES`. What was opened is judged, not how it was
/// spelled: first on a harmless `O_PATH` descriptor (so no readable or
/// writable descriptor of such a file is ever made), then on the real one
/// (the path may have changed in between). Every other open behaves, and
/// fails, exactly as natively.
fn open_judged(dirfd: i32, path: &CStr, host_flags: i32, mode: u32) -> Result<i32, Errno> {
    let probe_flags = libc::O_PATH | libc::O_CLOEXEC | host_flags & (libc::O_NOFOLLOW | libc::O_DIRECTORY);
    if let Ok(probe) = kernel::fs::openat(dirfd, path, probe_flags, 0) {
        let mem = kernel::fs::is_proc_mem(probe);
        let _ = kernel::fd::close(probe);
        if mem {
            return Err(Errno::EACCES);
        }
    }
    let fd = kernel::fs::openat(dirfd, path, host_flags, mode)?;
    if kernel::fs::is_proc_mem(fd) {
        let _ = kernel::fd::close(fd);
        return Err(Errno::EACCES);
    }
    Ok(fd)
}

/// The guest libc just opened its environment file: the runtime's descriptor
/// behind it is not needed any more (the guest has its own).
fn close_env_fd_once_opened(cx: &Cx<'_, '_>, p: &CStr) {
    let process = &cx.host().process;
    if process.env_fd.load(std::sync::atomic::Ordering::Relaxed) < 0 {
        return;
    }
    if process.env_file.as_ref().is_some_and(|f| f.as_os_str().as_encoded_bytes() == p.to_bytes()) {
        let fd = process.env_fd.swap(-1, std::sync::atomic::Ordering::Relaxed);
        if fd >= 0 {
            // The runtime's own descriptor, used by nothing else.
            let _ = kernel::fd::close(fd);
        }
    }
}

pub fn close(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    kernel::fd::close(fd)?;
    Ok(0)
}

// ---------------------------------------------------------------------------
// stat family

fn write_stat(cx: &Cx<'_, '_>, buf: u32, st: &convert::HostStat) -> SysResult {
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
    let st = kernel::fs::fstat(fd)?;
    write_stat(cx, buf, &st)
}

pub fn newfstatat(cx: &mut Cx<'_, '_>, dirfd: i32, path: u32, buf: u32, flags: i32) -> SysResult {
    let p = opt_path(cx, path)?;
    let st = kernel::fs::fstatat(dirfd, p.as_deref(), flags)?;
    write_stat(cx, buf, &st)
}

/// statx(dirfd, path, flags, mask, buf): `struct statx` is the same on every
/// architecture, so the kernel's bytes are copied out as they are.
pub fn statx(cx: &mut Cx<'_, '_>, dirfd: i32, path: u32, flags: i32, mask: u32, buf: u32) -> SysResult {
    const _: () = assert!(size_of::<guest::Statx>() == kernel::fs::STATX_SIZE);
    let p = opt_path(cx, path)?;
    let out = kernel::fs::statx(dirfd, p.as_deref(), flags, mask)?;
    cx.mem().write(buf, &out)?;
    Ok(0)
}

pub fn statfs(cx: &mut Cx<'_, '_>, path_ptr: u32, buf: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    let sf = kernel::fs::statfs(&p)?;
    cx.mem().write(buf, &convert::statfs_from_host(&sf))?;
    Ok(0)
}

pub fn fstatfs(cx: &mut Cx<'_, '_>, fd: i32, buf: u32) -> SysResult {
    let sf = kernel::fs::fstatfs(fd)?;
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
    kernel::fs::faccessat(dirfd, &p, mode)?;
    Ok(0)
}

pub fn faccessat2(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, mode: i32, flags: i32) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::faccessat2(dirfd, &p, mode, flags)?;
    Ok(0)
}

pub fn ftruncate(_cx: &mut Cx<'_, '_>, fd: i32, length: i64) -> SysResult {
    kernel::fs::ftruncate(fd, length)?;
    Ok(0)
}

pub fn truncate(cx: &mut Cx<'_, '_>, path_ptr: u32, length: i64) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::truncate(&p, length)?;
    Ok(0)
}

pub fn fsync(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    kernel::fs::fsync(fd)?;
    Ok(0)
}

pub fn fdatasync(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    kernel::fs::fdatasync(fd)?;
    Ok(0)
}

/// fadvise(fd, offset, len, advice)
pub fn fadvise(_cx: &mut Cx<'_, '_>, fd: i32, offset: i64, len: i64, advice: i32) -> SysResult {
    kernel::fs::fadvise(fd, offset, len, advice)?;
    Ok(0)
}

// ---------------------------------------------------------------------------
// working directory

/// getcwd(buf, size): returns the length including the NUL, like the kernel.
pub fn getcwd(cx: &mut Cx<'_, '_>, buf: u32, size: u32) -> SysResult {
    let mut tmp = vec![0u8; (size as usize).min(MAX_BOUNCE)];
    let n = kernel::fs::getcwd(&mut tmp)?;
    // Nothing to copy is always fine, as in the kernel.
    if n > 0 {
        cx.mem().write_bytes(buf, &tmp[..n])?;
    }
    Ok(n as i64)
}

pub fn chdir(cx: &mut Cx<'_, '_>, path_ptr: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::chdir(&p)?;
    Ok(0)
}

pub fn fchdir(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    kernel::fs::fchdir(fd)?;
    Ok(0)
}

pub fn chroot(cx: &mut Cx<'_, '_>, path_ptr: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::chroot(&p)?;
    Ok(0)
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
    kernel::fs::renameat2(olddirfd, &o, newdirfd, &n, flags)?;
    Ok(0)
}

pub fn mkdir(cx: &mut Cx<'_, '_>, path: u32, mode: u32) -> SysResult {
    mkdirat(cx, g::AT_FDCWD, path, mode)
}

pub fn mkdirat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, mode: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::mkdirat(dirfd, &p, mode)?;
    Ok(0)
}

pub fn rmdir(cx: &mut Cx<'_, '_>, path: u32) -> SysResult {
    unlinkat(cx, g::AT_FDCWD, path, g::AT_REMOVEDIR)
}

pub fn unlink(cx: &mut Cx<'_, '_>, path: u32) -> SysResult {
    unlinkat(cx, g::AT_FDCWD, path, 0)
}

pub fn unlinkat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, flags: i32) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::unlinkat(dirfd, &p, flags)?;
    Ok(0)
}

pub fn link(cx: &mut Cx<'_, '_>, old: u32, new: u32) -> SysResult {
    linkat(cx, g::AT_FDCWD, old, g::AT_FDCWD, new, 0)
}

pub fn linkat(cx: &mut Cx<'_, '_>, olddirfd: i32, old: u32, newdirfd: i32, new: u32, flags: i32) -> SysResult {
    let (o, n) = (path(cx, old)?, path(cx, new)?);
    kernel::fs::linkat(olddirfd, &o, newdirfd, &n, flags)?;
    Ok(0)
}

pub fn symlink(cx: &mut Cx<'_, '_>, target: u32, linkpath: u32) -> SysResult {
    symlinkat(cx, target, g::AT_FDCWD, linkpath)
}

pub fn symlinkat(cx: &mut Cx<'_, '_>, target: u32, newdirfd: i32, linkpath: u32) -> SysResult {
    let (t, l) = (path(cx, target)?, path(cx, linkpath)?);
    kernel::fs::symlinkat(&t, newdirfd, &l)?;
    Ok(0)
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
    let mut n = kernel::fs::readlinkat(dirfd, &p, &mut tmp)?;
    // The guest's executable is its module (as execve of /proc/self/exe runs it).
    if super::spawn::is_proc_self_exe(&p)
        && let Some(module) = &cx.host().process.module_path
    {
        let m = module.as_os_str().as_encoded_bytes();
        n = m.len().min(tmp.len());
        tmp[..n].copy_from_slice(&m[..n]);
    }
    // Nothing to copy is always fine, as in the kernel.
    if n > 0 {
        cx.mem().write_bytes(buf, &tmp[..n])?;
    }
    Ok(n as i64)
}

// ---------------------------------------------------------------------------
// permissions and ownership

pub fn chmod(cx: &mut Cx<'_, '_>, path: u32, mode: u32) -> SysResult {
    fchmodat(cx, g::AT_FDCWD, path, mode, 0)
}

pub fn fchmod(_cx: &mut Cx<'_, '_>, fd: i32, mode: u32) -> SysResult {
    kernel::fs::fchmod(fd, mode)?;
    Ok(0)
}

/// fchmodat(dirfd, path, mode, flags): the kernel call has no flags argument
/// (that is fchmodat2), so `flags` is ignored, as the kernel does.
pub fn fchmodat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, mode: u32, _flags: i32) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::fchmodat(dirfd, &p, mode)?;
    Ok(0)
}

pub fn chown(cx: &mut Cx<'_, '_>, path: u32, uid: u32, gid: u32) -> SysResult {
    fchownat(cx, g::AT_FDCWD, path, uid, gid, 0)
}

pub fn fchown(_cx: &mut Cx<'_, '_>, fd: i32, uid: u32, gid: u32) -> SysResult {
    kernel::fs::fchown(fd, uid, gid)?;
    Ok(0)
}

pub fn fchownat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, uid: u32, gid: u32, flags: i32) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::fchownat(dirfd, &p, uid, gid, flags)?;
    Ok(0)
}

pub fn lchown(cx: &mut Cx<'_, '_>, path_ptr: u32, uid: u32, gid: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::lchown(&p, uid, gid)?;
    Ok(0)
}

/// mknodat(dirfd, path, mode, dev): `dev` in the kernel's 32-bit encoding,
/// passed on as it is.
pub fn mknodat(cx: &mut Cx<'_, '_>, dirfd: i32, path_ptr: u32, mode: u32, dev: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    kernel::fs::mknodat(dirfd, &p, mode, dev)?;
    Ok(0)
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
    Ok(kernel::fs::memfd_create(&n, flags)? as i64)
}

/// inotify_init1(flags): IN_NONBLOCK/IN_CLOEXEC are O_NONBLOCK/O_CLOEXEC,
/// the same on every host. Events read from it have one layout everywhere.
pub fn inotify_init1(_cx: &mut Cx<'_, '_>, flags: i32) -> SysResult {
    Ok(kernel::fs::inotify_init1(flags)? as i64)
}

pub fn inotify_init(cx: &mut Cx<'_, '_>) -> SysResult {
    inotify_init1(cx, 0)
}

pub fn inotify_add_watch(cx: &mut Cx<'_, '_>, fd: i32, path_ptr: u32, mask: u32) -> SysResult {
    let p = path(cx, path_ptr)?;
    Ok(kernel::fs::inotify_add_watch(fd, &p, mask)? as i64)
}

pub fn inotify_rm_watch(_cx: &mut Cx<'_, '_>, fd: i32, wd: i32) -> SysResult {
    kernel::fs::inotify_rm_watch(fd, wd)?;
    Ok(0)
}

pub fn umask(_cx: &mut Cx<'_, '_>, mask: u32) -> SysResult {
    Ok(kernel::fs::umask(mask) as i64)
}

// ---------------------------------------------------------------------------
// timestamps

/// utimensat(dirfd, path, times, flags): guest `timespec[2]` (NULL: now);
/// `UTIME_NOW`/`UTIME_OMIT` and a NULL path (operate on `dirfd`) pass through.
pub fn utimensat(cx: &mut Cx<'_, '_>, dirfd: i32, path: u32, times: u32, flags: i32) -> SysResult {
    let t = cx.mem().read_opt::<[guest::Timespec; 2]>(times)?;
    let t = t.map(|t| t.map(|ts| KernelTimespec { tv_sec: ts.tv_sec, tv_nsec: ts.tv_nsec }));
    let p = opt_path(cx, path)?;
    kernel::fs::utimensat(dirfd, p.as_deref(), t.as_ref(), flags)?;
    Ok(0)
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
    kernel::fs::utimensat(dirfd, p.as_deref(), t.as_ref(), 0)?;
    Ok(0)
}

// ---------------------------------------------------------------------------
// directories and locks

/// getdents64(fd, dirp, count): `linux_dirent64` is the same on every host,
/// so the kernel fills the guest buffer directly.
pub fn getdents64(cx: &mut Cx<'_, '_>, fd: i32, dirp: u32, count: u32) -> SysResult {
    let b = cx.mem().kernel_buf(dirp, count as usize, Access::Write);
    Ok(kernel::fs::getdents64(fd, b)? as i64)
}

pub fn flock(_cx: &mut Cx<'_, '_>, fd: i32, op: i32) -> SysResult {
    kernel::fs::flock(fd, op)?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open_host(dirfd: i32, path: &CStr, flags: i32) -> Result<i32, Errno> {
        let fd = open_judged(dirfd, path, flags | libc::O_CLOEXEC, 0)?;
        kernel::fd::close(fd).unwrap();
        Ok(fd)
    }

    #[test]
    fn process_memory_is_refused_however_it_is_reached() {
        let pid = std::process::id();
        let dir = std::env::temp_dir().join(format!("wali-open-judged-{pid}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir).unwrap();
        let link = dir.join("link");
        std::os::unix::fs::symlink("/proc/self/mem", &link).unwrap();
        let link = CString::new(link.into_os_string().into_encoded_bytes()).unwrap();
        let by_pid = CString::new(format!("/proc/{pid}/mem")).unwrap();
        for path in [c"/proc/self/mem", c"/proc//self/./mem", c"/proc/thread-self/mem", by_pid.as_c_str(), link.as_c_str()] {
            for flags in [libc::O_RDONLY, libc::O_RDWR, libc::O_WRONLY, libc::O_PATH] {
                assert_eq!(open_host(libc::AT_FDCWD, path, flags), Err(Errno::EACCES), "{path:?} {flags:#x}");
            }
        }
        let proc_self = kernel::fs::open(c"/proc/self", libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC, 0).unwrap();
        assert_eq!(open_host(proc_self, c"mem", libc::O_RDWR), Err(Errno::EACCES));
        kernel::fd::close(proc_self).unwrap();

        // Everything else fails, or not, as natively.
        assert_eq!(open_host(libc::AT_FDCWD, &link, libc::O_RDONLY | libc::O_NOFOLLOW), Err(Errno(libc::ELOOP)));
        assert!(open_host(libc::AT_FDCWD, c"/proc/self/maps", libc::O_RDONLY).is_ok());
        assert!(open_host(libc::AT_FDCWD, c"/proc/self", libc::O_RDONLY | libc::O_DIRECTORY).is_ok());
        assert_eq!(open_host(libc::AT_FDCWD, c"/proc/self/maps", libc::O_RDONLY | libc::O_DIRECTORY), Err(Errno::ENOTDIR));
        assert_eq!(open_host(libc::AT_FDCWD, c"/nonexistent/x", libc::O_RDONLY), Err(Errno::ENOENT));
        assert_eq!(open_host(-1, c"relative", libc::O_RDONLY), Err(Errno::EBADF));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
