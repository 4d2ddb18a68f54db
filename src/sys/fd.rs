//! File-descriptor calls: dup, fcntl, ioctl, pipes, eventfd.
//!
//! Guest data the kernel reads in place, or structs copied in for it
//! ([`Mem::kernel_in`]), that the guest cannot access are handed to the kernel as
//! [`KERNEL_REJECTED_ADDR`], so the host kernel checks the descriptor and the other
//! arguments first and then fails with EFAULT, in the native order, without ever
//! touching host memory outside the guest's. Structs that need converting (flock,
//! ...) are copied in before and out after the call.

use super::{Cx, Errno, SysResult, cvt};
use crate::memory::{Access, KERNEL_REJECTED_ADDR, Mem};
use wali_abi::convert;
use wali_abi::guest::{self, consts as g};

/// dup(fd): lowest free descriptor referring to the same open file.
pub fn dup(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    cvt(unsafe { libc::dup(fd) })
}

/// dup2(oldfd, newfd): `newfd` made a copy of `oldfd`; with `oldfd == newfd`, just
/// checks that it is open. (glibc emulates it with dup3/fcntl where the host kernel
/// has no dup2.)
pub fn dup2(_cx: &mut Cx<'_, '_>, oldfd: i32, newfd: i32) -> SysResult {
    cvt(unsafe { libc::dup2(oldfd, newfd) })
}

/// dup3(oldfd, newfd, flags): dup2 with `O_CLOEXEC`; `oldfd == newfd` is EINVAL.
pub fn dup3(_cx: &mut Cx<'_, '_>, oldfd: i32, newfd: i32, flags: i32) -> SysResult {
    cvt(unsafe { libc::dup3(oldfd, newfd, convert::open_flags_to_host(flags)) })
}

/// The host fcntl system call with an integer argument (a `long`, like the kernel's).
fn host_fcntl(fd: i32, cmd: i32, arg: libc::c_long) -> SysResult {
    cvt(unsafe { libc::syscall(convert::HOST_SYS_FCNTL, fd as libc::c_long, cmd as libc::c_long, arg) })
}

/// The host fcntl system call with a pointer argument.
fn host_fcntl_ptr<T>(fd: i32, cmd: i32, arg: *mut T) -> SysResult {
    cvt(unsafe { libc::syscall(convert::HOST_SYS_FCNTL, fd as libc::c_long, cmd as libc::c_long, arg) })
}

/// The guest pointer carried in fcntl's `unsigned long` argument (0, i.e. EFAULT,
/// if it does not fit in 32 bits).
fn fcntl_ptr(arg: u64) -> u32 {
    u32::try_from(arg).unwrap_or(0)
}

/// fcntl(fd, cmd, arg): the argument is a `struct flock *` for the lock commands
/// (converted both ways), a `struct f_owner_ex *` for F_GETOWN_EX/F_SETOWN_EX, the
/// open-status flags for F_SETFL (translated, as is F_GETFL's result) and a plain
/// integer for every other command. Unknown commands are EINVAL (EBADF for a
/// closed `fd`, as the kernel checks it first).
pub fn fcntl(cx: &mut Cx<'_, '_>, fd: i32, cmd: i32, arg: u64) -> SysResult {
    let mem = cx.mem();
    if let Some(host_cmd) = convert::fcntl_lock_cmd_to_host(cmd) {
        let ptr = fcntl_ptr(arg);
        let mut lock = guest::Flock::default();
        let readable = mem.kernel_in(ptr, &mut lock) != KERNEL_REJECTED_ADDR.cast();
        let mut host = convert::flock_to_host(&lock);
        let r = host_fcntl_ptr(fd, host_cmd, if readable { &mut host } else { KERNEL_REJECTED_ADDR.cast() })?;
        if matches!(cmd, g::F_GETLK | g::F_OFD_GETLK) {
            mem.write(ptr, &convert::flock_from_host(&host))?;
        }
        return Ok(r);
    }
    match cmd {
        g::F_GETFL => Ok(i64::from(convert::open_flags_from_host(host_fcntl(fd, libc::F_GETFL, 0)? as i32))),
        g::F_SETFL => host_fcntl(fd, libc::F_SETFL, convert::open_flags_to_host(arg as i32) as libc::c_long),
        // `struct f_owner_ex` is two ints on every host.
        g::F_GETOWN_EX => {
            let mut owner = guest::FOwnerEx::default();
            let r = host_fcntl_ptr(fd, cmd, &mut owner)?;
            mem.write(fcntl_ptr(arg), &owner)?;
            Ok(r)
        }
        g::F_SETOWN_EX => {
            let mut owner = guest::FOwnerEx::default();
            host_fcntl_ptr(fd, cmd, mem.kernel_in(fcntl_ptr(arg), &mut owner))
        }
        g::F_DUPFD
        | g::F_DUPFD_CLOEXEC
        | g::F_GETFD
        | g::F_SETFD
        | g::F_SETOWN
        | g::F_GETOWN
        | g::F_SETSIG
        | g::F_GETSIG
        | g::F_SETLEASE
        | g::F_GETLEASE
        | g::F_NOTIFY
        | g::F_SETPIPE_SZ
        | g::F_GETPIPE_SZ
        | g::F_ADD_SEALS
        | g::F_GET_SEALS
        | g::F_DUPFD_QUERY
        | g::F_CREATED_QUERY => host_fcntl(fd, cmd, arg as libc::c_long),
        // The kernel looks the descriptor up before the command.
        _ => Err(unless_badf(fd, Errno::EINVAL).into()),
    }
}

/// How an ioctl request uses its argument.
#[derive(Clone, Copy)]
enum IoctlArg {
    /// No argument.
    None,
    /// The argument is an integer value.
    Value,
    /// Points to `n` bytes the kernel reads.
    In(usize),
    /// Points to `n` bytes the kernel writes.
    Out(usize),
}

/// The ioctl requests wali-run knows, with the size of what their argument points to
/// (every one of these structs has the same layout in the guest and on the hosts).
fn ioctl_arg(request: u32) -> Option<IoctlArg> {
    use IoctlArg::*;
    const INT: usize = size_of::<i32>();
    Some(match request {
        g::FIONREAD | g::TIOCOUTQ | g::TIOCGPGRP | g::TIOCGSID | g::TIOCMGET | g::TIOCGETD | g::TIOCGPTN => Out(INT),
        g::FIOQSIZE => Out(size_of::<i64>()),
        g::FIONBIO | g::FIOASYNC | g::TIOCSPGRP | g::TIOCMSET | g::TIOCMBIS | g::TIOCMBIC | g::TIOCSETD | g::TIOCPKT
        | g::TIOCSPTLCK => In(INT),
        g::TIOCSTI => In(1),
        g::TIOCGWINSZ => Out(size_of::<guest::Winsize>()),
        g::TIOCSWINSZ => In(size_of::<guest::Winsize>()),
        g::TCGETS => Out(size_of::<guest::Termios>()),
        g::TCSETS | g::TCSETSW | g::TCSETSF => In(size_of::<guest::Termios>()),
        g::TCGETS2 => Out(size_of::<guest::Termios2>()),
        g::TCSETS2 | g::TCSETSW2 | g::TCSETSF2 => In(size_of::<guest::Termios2>()),
        g::FIOCLEX | g::FIONCLEX | g::TIOCNOTTY | g::TIOCEXCL | g::TIOCNXCL | g::TIOCCONS | g::TIOCSBRK
        | g::TIOCCBRK => None,
        g::TCSBRK | g::TCSBRKP | g::TCXONC | g::TCFLSH | g::TIOCSCTTY | g::TIOCGPTPEER => Value,
        _ => return Option::None,
    })
}

/// EBADF if `fd` is not open, else `e`.
fn unless_badf(fd: i32, e: Errno) -> Errno {
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1 { Errno::last() } else { e }
}

/// ioctl(fd, request, arg): the terminal, file and queue-size requests of a fixed
/// table (identical structs in the guest and on every host); `arg` is used as a
/// pointer only by the requests that take one, and the data it points to is copied
/// in before the call or out after it. Requests outside the table are refused with
/// ENOTTY (EBADF if `fd` is not open), since their argument cannot be translated
/// safely.
pub fn ioctl(cx: &mut Cx<'_, '_>, fd: i32, request: u32, arg: u32) -> SysResult {
    let mem = cx.mem();
    let Some(kind) = ioctl_arg(request) else {
        return Err(unless_badf(fd, Errno::ENOTTY).into());
    };
    let host_req = convert::ioctl_request_to_host(request) as libc::Ioctl;
    let mut data = [0u8; 64];
    let r = match kind {
        IoctlArg::None => cvt(unsafe { libc::ioctl(fd, host_req, 0 as libc::c_long) })?,
        // An int argument, sign-extended like a C `int` passed as `long`.
        IoctlArg::Value => cvt(unsafe { libc::ioctl(fd, host_req, arg as i32 as libc::c_long) })?,
        IoctlArg::In(n) => {
            // `n` is never 0, so guest NULL is unreadable.
            let p = match mem.read_bytes(arg, n) {
                Ok(b) => {
                    data[..n].copy_from_slice(&b);
                    data.as_mut_ptr()
                }
                Err(_) => KERNEL_REJECTED_ADDR,
            };
            cvt(unsafe { libc::ioctl(fd, host_req, p) })?
        }
        IoctlArg::Out(n) => {
            let r = cvt(unsafe { libc::ioctl(fd, host_req, data.as_mut_ptr()) })?;
            // `n` is never 0, so guest NULL is EFAULT.
            mem.write_bytes(arg, &data[..n])?;
            r
        }
    };
    Ok(r)
}

/// Store a new descriptor pair at guest `ptr` (checked before it was created); if
/// that fails after all (another thread unmapped it), close it: EFAULT.
pub(super) fn store_fd_pair(mem: &Mem<'_>, ptr: u32, fds: [i32; 2]) -> SysResult {
    if let Err(e) = mem.write(ptr, &fds) {
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
        return Err(e.into());
    }
    Ok(0)
}

/// Can the kernel store an `int[2]` at guest `ptr`?
pub(super) fn fd_pair_writable(mem: &Mem<'_>, ptr: u32) -> bool {
    mem.buf(ptr, size_of::<[i32; 2]>(), Access::Write).is_ok()
}

/// pipe2 into guest `fds`. A bad `fds` is handed to the kernel as [`KERNEL_REJECTED_ADDR`]: it
/// checks the flags, creates the pipe, fails to store it and frees it (EFAULT),
/// so no descriptor is ever visible.
fn make_pipe(mem: &Mem<'_>, fds: u32, flags: i32) -> SysResult {
    let flags = convert::open_flags_to_host(flags);
    if !fd_pair_writable(mem, fds) {
        return cvt(unsafe { libc::pipe2(KERNEL_REJECTED_ADDR.cast(), flags) });
    }
    let mut p = [-1i32; 2];
    cvt(unsafe { libc::pipe2(p.as_mut_ptr(), flags) })?;
    store_fd_pair(mem, fds, p)
}

/// pipe(fds): a pipe, read end in fds[0], write end in fds[1].
pub fn pipe(cx: &mut Cx<'_, '_>, fds: u32) -> SysResult {
    make_pipe(&cx.mem(), fds, 0)
}

/// pipe2(fds, flags): pipe with O_CLOEXEC, O_NONBLOCK, O_DIRECT (translated).
pub fn pipe2(cx: &mut Cx<'_, '_>, fds: u32, flags: i32) -> SysResult {
    make_pipe(&cx.mem(), fds, flags)
}

/// eventfd(initval): eventfd2 without flags.
pub fn eventfd(cx: &mut Cx<'_, '_>, initval: u32) -> SysResult {
    eventfd2(cx, initval, 0)
}

/// eventfd2(initval, flags): an event counter; EFD_* flags are the same on every host.
pub fn eventfd2(_cx: &mut Cx<'_, '_>, initval: u32, flags: i32) -> SysResult {
    cvt(unsafe { libc::eventfd(initval, flags) })
}
