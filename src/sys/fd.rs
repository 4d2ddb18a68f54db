//! File-descriptor calls: dup, fcntl, ioctl, pipes, eventfd.
//!
//! Guest data the kernel reads in place, or structs copied in for it
//! ([`Mem::kernel_in`]), that the guest cannot access are handed to the kernel as
//! an address it refuses ([`Out::Fault`], [`UserBuf::rejected`]), so the host kernel
//! checks the descriptor and the other arguments first and then fails with EFAULT,
//! in the native order, without ever touching host memory outside the guest's.
//! Structs that need converting (flock, ...) are copied in before and out after the
//! call.

use super::{Cx, Errno, SysResult};
use crate::kernel::fd::{self as kfd, IoctlArg};
use crate::memory::{Access, In, Mem, Out, UserBuf};
use wali_abi::convert;
use wali_abi::guest::{self, consts as g};

/// dup(fd): lowest free descriptor referring to the same open file.
pub fn dup(_cx: &mut Cx<'_, '_>, fd: i32) -> SysResult {
    Ok(kfd::dup(fd)?.into())
}

/// dup2(oldfd, newfd): `newfd` made a copy of `oldfd`; with `oldfd == newfd`, just
/// checks that it is open. (glibc emulates it with dup3/fcntl where the host kernel
/// has no dup2.)
pub fn dup2(_cx: &mut Cx<'_, '_>, oldfd: i32, newfd: i32) -> SysResult {
    Ok(kfd::dup2(oldfd, newfd)?.into())
}

/// dup3(oldfd, newfd, flags): dup2 with `O_CLOEXEC`; `oldfd == newfd` is EINVAL.
pub fn dup3(_cx: &mut Cx<'_, '_>, oldfd: i32, newfd: i32, flags: i32) -> SysResult {
    Ok(kfd::dup3(oldfd, newfd, convert::open_flags_to_host(flags))?.into())
}

/// The host fcntl with an integer argument (a `long`, like the kernel's).
fn host_fcntl(fd: i32, cmd: i32, arg: libc::c_long) -> SysResult {
    Ok(kfd::fcntl(fd, cmd, arg)?)
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
        let mut host = mem.read::<guest::Flock>(ptr).ok().map(|lock| convert::flock_to_host(&lock));
        let r = kfd::fcntl_lock(fd, host_cmd, host.as_mut().map_or(Out::Fault, Out::Val))?;
        if let Some(host) = host
            && matches!(cmd, g::F_GETLK | g::F_OFD_GETLK)
        {
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
            let r = kfd::fcntl_getown_ex(fd, Out::Val(&mut owner))?;
            mem.write(fcntl_ptr(arg), &owner)?;
            Ok(r)
        }
        g::F_SETOWN_EX => {
            let mut owner = guest::FOwnerEx::default();
            let owner = match mem.kernel_in(fcntl_ptr(arg), &mut owner) {
                In::Val(o) => In::Val(o),
                _ => In::Fault,
            };
            Ok(kfd::fcntl_setown_ex(fd, owner)?)
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

/// The ioctl requests wali-run knows, with the size of what their argument points to
/// (every one of these structs has the same layout in the guest and on the hosts).
/// `TIOCSTI` is refused before this table is consulted.
fn ioctl_arg(request: u32) -> Option<kfd::IoctlKind> {
    use kfd::IoctlKind::*;
    const INT: usize = size_of::<i32>();
    Some(match request {
        g::FIONREAD | g::TIOCOUTQ | g::TIOCGPGRP | g::TIOCGSID | g::TIOCMGET | g::TIOCGETD | g::TIOCGPTN => Out(INT),
        g::FIOQSIZE => Out(size_of::<i64>()),
        g::FIONBIO | g::FIOASYNC | g::TIOCSPGRP | g::TIOCMSET | g::TIOCMBIS | g::TIOCMBIC | g::TIOCSETD | g::TIOCPKT
        | g::TIOCSPTLCK => In(INT),
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
    kfd::getfd(fd).err().unwrap_or(e)
}

/// ioctl(fd, request, arg): the terminal, file and queue-size requests of a fixed
/// table (identical structs in the guest and on every host); `arg` is used as a
/// pointer only by the requests that take one, and the data it points to is copied
/// in before the call or out after it. Requests outside the table are refused with
/// ENOTTY (EBADF if `fd` is not open), since their argument cannot be translated
/// safely. TIOCSTI (pushing input into a terminal) is refused with EPERM (EBADF if
/// `fd` is not open), without asking the host (kernels without legacy TIOCSTI
/// refuse it too).
pub fn ioctl(cx: &mut Cx<'_, '_>, fd: i32, request: u32, arg: u32) -> SysResult {
    let mem = cx.mem();
    if request == g::TIOCSTI {
        return Err(unless_badf(fd, Errno::EPERM).into());
    }
    let Some(kind) = ioctl_arg(request) else {
        return Err(unless_badf(fd, Errno::ENOTTY).into());
    };
    let host_req = convert::ioctl_request_to_host(request);
    let r = match kind {
        kfd::IoctlKind::None => kfd::ioctl(fd, host_req, IoctlArg::None)?,
        // An int argument, sign-extended like a C `int` passed as `long`.
        kfd::IoctlKind::Value => kfd::ioctl(fd, host_req, IoctlArg::Value(arg as i32))?,
        // `n` is never 0, so guest NULL is unreadable.
        kfd::IoctlKind::In(n) => match mem.read_bytes(arg, n) {
            Ok(mut data) => kfd::ioctl(fd, host_req, IoctlArg::In(UserBuf::host_mut(&mut data)))?,
            Err(_) => kfd::ioctl(fd, host_req, IoctlArg::In(UserBuf::rejected(n)))?,
        },
        kfd::IoctlKind::Out(n) => {
            let mut data = [0u8; 64];
            let r = kfd::ioctl(fd, host_req, IoctlArg::Out(UserBuf::host_mut(&mut data[..n])))?;
            // `n` is never 0, so guest NULL is EFAULT.
            mem.write_bytes(arg, &data[..n])?;
            r
        }
    };
    Ok(r.into())
}

/// Store a new descriptor pair at guest `ptr` (checked before it was created); if
/// that fails after all (another thread unmapped it), close it: EFAULT.
pub(super) fn store_fd_pair(mem: &Mem<'_>, ptr: u32, fds: [i32; 2]) -> SysResult {
    if let Err(e) = mem.write(ptr, &fds) {
        let _ = kfd::close(fds[0]);
        let _ = kfd::close(fds[1]);
        return Err(e.into());
    }
    Ok(0)
}

/// Can the kernel store an `int[2]` at guest `ptr`?
pub(super) fn fd_pair_writable(mem: &Mem<'_>, ptr: u32) -> bool {
    mem.buf(ptr, size_of::<[i32; 2]>(), Access::Write).is_ok()
}

/// pipe2 into guest `fds`. A bad `fds` is handed to the kernel as an address it
/// refuses: it checks the flags, creates the pipe, fails to store it and frees it
/// (EFAULT), so no descriptor is ever visible.
fn make_pipe(mem: &Mem<'_>, fds: u32, flags: i32) -> SysResult {
    let flags = convert::open_flags_to_host(flags);
    if !fd_pair_writable(mem, fds) {
        kfd::pipe2(Out::Fault, flags)?;
        return Ok(0);
    }
    let mut p = [-1i32; 2];
    kfd::pipe2(Out::Val(&mut p), flags)?;
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
    Ok(kfd::eventfd(initval, flags)?.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ioctl_request_matches_the_kernel_table() {
        for request in 0..=0xffffu32 {
            for request in [request, request | 0x4004_0000, request | 0x8004_0000, request | 0x402c_0000, request | 0x802c_0000] {
                if let Some(kind) = ioctl_arg(request) {
                    assert_eq!(kfd::ioctl_kind(convert::ioctl_request_to_host(request)), Some(kind), "{request:#x}");
                }
            }
        }
        assert!(ioctl_arg(g::TIOCSTI).is_none());
    }
}
