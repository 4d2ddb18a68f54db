//! Descriptors: close, dup, fcntl, ioctl, pipes, eventfd.

use super::{Errno, In, Out, UserBuf, cvt, cvt_fd, cvt_long, cvt_unit};
use wali_abi::convert;

/// close(2)
#[inline]
pub fn close(fd: i32) -> Result<(), Errno> {
    // SAFETY: closing a descriptor number affects no Rust-owned memory; callers
    // never close descriptors the runtime owns (the guest's are its own).
    cvt_unit(unsafe { libc::close(fd) })
}

/// dup(2)
pub fn dup(fd: i32) -> Result<i32, Errno> {
    // SAFETY: makes a descriptor; no memory is touched.
    cvt_fd(unsafe { libc::dup(fd) })
}

/// dup2(2) (glibc emulates it with dup3/fcntl where the host kernel has no dup2).
pub fn dup2(oldfd: i32, newfd: i32) -> Result<i32, Errno> {
    // SAFETY: as dup; `newfd` is the caller's (the guest's) to replace.
    cvt_fd(unsafe { libc::dup2(oldfd, newfd) })
}

/// dup3(2)
pub fn dup3(oldfd: i32, newfd: i32, flags: i32) -> Result<i32, Errno> {
    // SAFETY: as dup2.
    cvt_fd(unsafe { libc::dup3(oldfd, newfd, flags) })
}

/// `F_SETSIG`, `F_GETSIG`, `F_SETOWN_EX`, `F_GETOWN_EX`: the generic Linux numbers,
/// those of every supported host (`libc` does not name them for glibc).
const F_SETSIG: i32 = 10;
const F_GETSIG: i32 = 11;
const F_SETOWN_EX: i32 = 15;
const F_GETOWN_EX: i32 = 16;
/// `F_DUPFD_QUERY`, `F_CREATED_QUERY` (`F_LINUX_SPECIFIC_BASE` + 3, + 4).
const F_DUPFD_QUERY: i32 = 1027;
const F_CREATED_QUERY: i32 = 1028;

/// The fcntl commands whose argument is a plain integer (never a pointer).
const FCNTL_INT_CMDS: &[i32] = &[
    libc::F_DUPFD,
    libc::F_DUPFD_CLOEXEC,
    libc::F_GETFD,
    libc::F_SETFD,
    libc::F_GETFL,
    libc::F_SETFL,
    libc::F_SETOWN,
    libc::F_GETOWN,
    F_SETSIG,
    F_GETSIG,
    libc::F_SETLEASE,
    libc::F_GETLEASE,
    libc::F_NOTIFY,
    libc::F_SETPIPE_SZ,
    libc::F_GETPIPE_SZ,
    libc::F_ADD_SEALS,
    libc::F_GET_SEALS,
    F_DUPFD_QUERY,
    F_CREATED_QUERY,
];

/// The fcntl system call (`SYS_fcntl64` on 32-bit hosts), with a `long` argument.
fn fcntl_raw<T>(fd: i32, cmd: i32, arg: T) -> libc::c_long {
    // SAFETY: every caller passes a command whose argument `arg` matches: an
    // integer, or a pointer to the struct the command reads or writes (or an
    // address the kernel refuses).
    unsafe { libc::syscall(convert::HOST_SYS_FCNTL, fd as libc::c_long, cmd as libc::c_long, arg) }
}

/// fcntl(2) with a command whose argument is an integer (`F_DUPFD`, `F_GETFL`,
/// `F_SETPIPE_SZ`, ...). Other commands are `EINVAL`.
pub fn fcntl(fd: i32, cmd: i32, arg: libc::c_long) -> Result<i64, Errno> {
    if !FCNTL_INT_CMDS.contains(&cmd) {
        return Err(Errno::EINVAL);
    }
    cvt_long(fcntl_raw(fd, cmd, arg))
}

/// fcntl(fd, F_GETFD): the descriptor flags; `EBADF` if `fd` is not open.
pub fn getfd(fd: i32) -> Result<i32, Errno> {
    fcntl(fd, libc::F_GETFD, 0).map(|f| f as i32)
}

/// fcntl(2) with a lock command (the host's [`convert::host_lock_cmd`]s: the
/// `F_*LK64` ones on 32-bit hosts, OFD locks) and a lock the kernel reads, and
/// writes back for the `GETLK` commands. Other commands are `EINVAL`.
pub fn fcntl_lock(fd: i32, cmd: i32, mut lock: Out<'_, convert::HostFlock>) -> Result<i64, Errno> {
    use convert::host_lock_cmd as c;
    if ![c::F_GETLK, c::F_SETLK, c::F_SETLKW, c::F_OFD_GETLK, c::F_OFD_SETLK, c::F_OFD_SETLKW].contains(&cmd) {
        return Err(Errno::EINVAL);
    }
    cvt_long(fcntl_raw(fd, cmd, lock.ptr()))
}

/// `struct f_owner_ex`: two ints on every host, as in the guest.
pub type FOwnerEx = wali_abi::guest::FOwnerEx;
const _: () = assert!(size_of::<FOwnerEx>() == 8);

/// fcntl(fd, F_GETOWN_EX, owner)
pub fn fcntl_getown_ex(fd: i32, mut owner: Out<'_, FOwnerEx>) -> Result<i64, Errno> {
    cvt_long(fcntl_raw(fd, F_GETOWN_EX, owner.ptr()))
}

/// fcntl(fd, F_SETOWN_EX, owner)
pub fn fcntl_setown_ex(fd: i32, owner: In<'_, FOwnerEx>) -> Result<i64, Errno> {
    cvt_long(fcntl_raw(fd, F_SETOWN_EX, owner.ptr()))
}

/// How an ioctl request uses its argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoctlKind {
    /// No argument.
    None,
    /// An integer value.
    Value,
    /// Points to `n` bytes the kernel reads.
    In(usize),
    /// Points to `n` bytes the kernel writes.
    Out(usize),
}

/// The kernel's `struct termios` (36 B), `struct termios2` (44 B) and `struct
/// winsize` (8 B), the same on every supported host.
const KERNEL_TERMIOS: usize = 36;
const KERNEL_TERMIOS2: usize = 44;
const KERNEL_WINSIZE: usize = 8;

/// The host ioctl requests [`ioctl`] issues, with what each does with its
/// argument. `TIOCSTI` is not one of them.
pub fn ioctl_kind(request: u32) -> Option<IoctlKind> {
    use IoctlKind::*;
    const INT: usize = size_of::<i32>();
    let is = |set: &[libc::Ioctl]| set.iter().any(|&r| r as u32 == request);
    Some(if is(&[libc::FIONREAD, libc::TIOCOUTQ, libc::TIOCGPGRP, libc::TIOCGSID, libc::TIOCMGET, libc::TIOCGETD, libc::TIOCGPTN]) {
        Out(INT)
    } else if is(&[libc::FIOQSIZE]) {
        Out(size_of::<i64>())
    } else if is(&[
        libc::FIONBIO,
        libc::FIOASYNC,
        libc::TIOCSPGRP,
        libc::TIOCMSET,
        libc::TIOCMBIS,
        libc::TIOCMBIC,
        libc::TIOCSETD,
        libc::TIOCPKT,
        libc::TIOCSPTLCK,
    ]) {
        In(INT)
    } else if is(&[libc::TIOCGWINSZ]) {
        Out(KERNEL_WINSIZE)
    } else if is(&[libc::TIOCSWINSZ]) {
        In(KERNEL_WINSIZE)
    } else if is(&[libc::TCGETS]) {
        Out(KERNEL_TERMIOS)
    } else if is(&[libc::TCSETS, libc::TCSETSW, libc::TCSETSF]) {
        In(KERNEL_TERMIOS)
    } else if is(&[libc::TCGETS2]) {
        Out(KERNEL_TERMIOS2)
    } else if is(&[libc::TCSETS2, libc::TCSETSW2, libc::TCSETSF2]) {
        In(KERNEL_TERMIOS2)
    } else if is(&[libc::FIOCLEX, libc::FIONCLEX, libc::TIOCNOTTY, libc::TIOCEXCL, libc::TIOCNXCL, libc::TIOCCONS, libc::TIOCSBRK, libc::TIOCCBRK]) {
        None
    } else if is(&[libc::TCSBRK, libc::TCSBRKP, libc::TCXONC, libc::TCFLSH, libc::TIOCSCTTY, libc::TIOCGPTPEER]) {
        Value
    } else {
        return Option::None;
    })
}

/// The argument of an [`ioctl`], matching the request's [`IoctlKind`].
#[derive(Debug)]
pub enum IoctlArg<'a> {
    None,
    /// An `int`, passed sign-extended as the `long` argument.
    Value(i32),
    /// Memory the kernel reads.
    In(UserBuf<'a>),
    /// Memory the kernel writes.
    Out(UserBuf<'a>),
}

/// ioctl(2) for the requests of [`ioctl_kind`]; a request outside it, or an
/// argument that does not match it (a buffer shorter than the request's data),
/// is `ENOTTY` without calling the host.
pub fn ioctl(fd: i32, request: u32, arg: IoctlArg<'_>) -> Result<i32, Errno> {
    let fits = |b: &UserBuf<'_>, n: usize| b.is_rejected() || b.len() >= n;
    let raw: libc::c_long = match (ioctl_kind(request), &arg) {
        (Some(IoctlKind::None), IoctlArg::None) => 0,
        (Some(IoctlKind::Value), IoctlArg::Value(v)) => *v as libc::c_long,
        (Some(IoctlKind::In(n)), IoctlArg::In(b)) | (Some(IoctlKind::Out(n)), IoctlArg::Out(b)) if fits(b, n) => {
            b.ptr() as libc::c_long
        }
        _ => return Err(Errno::ENOTTY),
    };
    // SAFETY: the request is one of the table's, which uses its argument only as
    // the table says: no pointer, or one to at least as many bytes as it reads or
    // writes, valid for the call (UserBuf's contract) or refused by the kernel.
    cvt(unsafe { libc::ioctl(fd, request as libc::Ioctl, raw) })
}

/// pipe2(2) into `fds` ([`Out::Fault`]: the kernel creates the pipe, fails to
/// store it and frees it: `EFAULT`, after checking the flags).
pub fn pipe2(mut fds: Out<'_, [i32; 2]>, flags: i32) -> Result<(), Errno> {
    // SAFETY: the kernel writes two ints to `fds` (a host slot, NULL or refused).
    cvt_unit(unsafe { libc::pipe2(fds.ptr().cast(), flags) })
}

/// eventfd2(2)
pub fn eventfd(initval: u32, flags: i32) -> Result<i32, Errno> {
    // SAFETY: makes a descriptor; no memory is touched.
    cvt_fd(unsafe { libc::eventfd(initval, flags) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::fs;

    #[test]
    fn integer_fcntl_refuses_pointer_commands() {
        assert_eq!(fcntl(0, libc::F_GETLK, 0), Err(Errno::EINVAL));
        assert_eq!(fcntl(0, F_GETOWN_EX, 0), Err(Errno::EINVAL));
        assert_eq!(getfd(-1), Err(Errno::EBADF));
        let mut lock = convert::flock_to_host(&Default::default());
        assert_eq!(fcntl_lock(0, libc::F_GETFD, Out::Val(&mut lock)), Err(Errno::EINVAL));
    }

    #[test]
    fn ioctl_checks_its_argument_against_the_request() {
        let fd = fs::open(c"/dev/null", libc::O_RDONLY | libc::O_CLOEXEC, 0).unwrap();
        let mut small = [0u8; 2];
        // FIONREAD writes an int: a 2-byte buffer is refused before the host sees it.
        assert_eq!(ioctl(fd, libc::FIONREAD as u32, IoctlArg::Out(UserBuf::host_mut(&mut small))), Err(Errno::ENOTTY));
        assert_eq!(ioctl(fd, libc::FIONREAD as u32, IoctlArg::Value(0)), Err(Errno::ENOTTY));
        // TIOCSTI is not issued at all.
        assert_eq!(ioctl_kind(libc::TIOCSTI as u32), None);
        // /dev/null is no tty: the host answers.
        let mut termios = [0u8; KERNEL_TERMIOS];
        assert_eq!(ioctl(fd, libc::TCGETS as u32, IoctlArg::Out(UserBuf::host_mut(&mut termios))), Err(Errno::ENOTTY));
        assert_eq!(ioctl(fd, libc::FIOCLEX as u32, IoctlArg::None), Ok(0));
        close(fd).unwrap();
    }

    #[test]
    fn pipe_to_a_refused_address_leaves_no_descriptor() {
        assert_eq!(pipe2(Out::Fault, libc::O_CLOEXEC), Err(Errno::EFAULT));
        let mut fds = [-1; 2];
        pipe2(Out::Val(&mut fds), libc::O_CLOEXEC).unwrap();
        close(fds[0]).unwrap();
        close(fds[1]).unwrap();
    }
}
