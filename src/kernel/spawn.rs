//! Processes: fork, execve, wait4, waitid, and the inspection of a file
//! before it is executed.

use super::{Errno, cvt, cvt_fd, cvt_long};
use std::ffi::CStr;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd};

/// fork(2) (glibc's: `clone(SIGCHLD)` where there is no fork syscall): the
/// child's pid in the parent, 0 in the child.
///
/// Sound for this runtime although it is multi-threaded: the child has only
/// the calling thread, and what it can then touch is either
/// - the runtime's own state behind locks, which the caller holds across this
///   call (the guest address space's lock, the thread count, stdout and
///   stderr; see `sys::spawn::fork`), so no lock is left held, and no value
///   half-updated, by a thread that does not exist in the child, or
/// - the C library's state, which glibc's fork makes consistent in the child
///   (its malloc arenas and stdio locks are reset by its own atfork handlers).
///
/// The runtime starts no helper thread of its own (the compilation cache is a
/// plain directory), so there is no other thread whose unlocked state the
/// child could observe midway. A deadlock on a lock some other code held
/// would be a hang, not memory unsafety.
pub fn fork() -> Result<i32, Errno> {
    // SAFETY: see above; fork takes no memory arguments and the child
    // continues with a copy of this thread's state.
    cvt(unsafe { libc::fork() })
}

/// A host `struct rusage` of zeros (what the kernel leaves when it reports none).
fn zero_rusage() -> libc::rusage {
    // SAFETY: all-zero is a valid rusage (integers and timevals).
    unsafe { std::mem::zeroed() }
}

/// What wait4(2) reports.
#[derive(Debug, Clone, Copy)]
pub struct Waited {
    /// The child whose state changed; 0 with `WNOHANG` when none did.
    pub pid: i32,
    /// Its wait status (0 when `pid` is 0).
    pub status: i32,
    /// Its resource usage (zeros when `pid` is 0).
    pub rusage: libc::rusage,
}

/// wait4(pid, &status, options, &rusage)
pub fn wait4(pid: i32, options: i32) -> Result<Waited, Errno> {
    let mut status: libc::c_int = 0;
    let mut rusage = zero_rusage();
    // SAFETY: both pointers are to live locals.
    let pid = cvt(unsafe { libc::wait4(pid, &mut status, options, &mut rusage) })?;
    Ok(Waited { pid, status, rusage })
}

/// The fields waitid(2) stores in the caller's `siginfo_t` (the SIGCHLD view
/// of its union), all zero when no child was waited for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChildInfo {
    pub signo: i32,
    pub errno: i32,
    pub code: i32,
    pub pid: i32,
    pub uid: u32,
    pub status: i32,
}

/// waitid(idtype, id, &info, options, &rusage), the raw system call (the libc
/// function has no rusage argument).
///
/// `info` gets what the kernel stores, also when the call fails (zeros then),
/// as the kernel writes the caller's siginfo in both cases. Returns the
/// child's resource usage when a child was waited for, `None` when none was
/// (`WNOHANG` and no child changed state).
pub fn waitid(idtype: i32, id: i32, info: &mut ChildInfo, options: i32) -> Result<Option<libc::rusage>, Errno> {
    // SAFETY: all-zero is a valid siginfo_t (integers and padding integers).
    let mut si: libc::siginfo_t = unsafe { std::mem::zeroed() };
    let mut rusage = zero_rusage();
    // SAFETY: the raw syscall with pointers to live locals.
    let r = cvt_long(unsafe {
        libc::syscall(libc::SYS_waitid, idtype, id, &mut si as *mut libc::siginfo_t, options, &mut rusage as *mut libc::rusage)
    });
    // SAFETY: the kernel filled the SIGCHLD view of the union, or left the
    // zeros; every byte read is initialised either way.
    let (pid, uid, status) = unsafe { (si.si_pid(), si.si_uid(), si.si_status()) };
    *info = ChildInfo { signo: si.si_signo, errno: si.si_errno, code: si.si_code, pid, uid, status };
    r?;
    Ok((si.si_signo == libc::SIGCHLD).then_some(rusage))
}

/// sysconf(name); `None` when the value is indeterminate or `name` unknown.
pub fn sysconf(name: libc::c_int) -> Option<i64> {
    // SAFETY: no memory arguments.
    let n = unsafe { libc::sysconf(name) };
    (n != -1).then_some(n as i64)
}

/// open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY): a file about to
/// be executed, opened to look at it. Non-blocking and without taking a
/// terminal: a FIFO or device is only looked at, never waited for.
pub fn open_to_inspect(path: &CStr) -> Result<OwnedFd, Errno> {
    let fd = super::fs::open(path, libc::O_RDONLY | libc::O_CLOEXEC | libc::O_NONBLOCK | libc::O_NOCTTY, 0)?;
    // SAFETY: a fresh descriptor nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) succeeds: `path` is
/// executable by this process (permission bits, and not on a `noexec` mount).
pub fn may_execute(path: &CStr) -> bool {
    // SAFETY: path is a valid C string for the call.
    unsafe { libc::faccessat(libc::AT_FDCWD, path.as_ptr(), libc::X_OK, libc::AT_EACCESS) == 0 }
}

/// fcntl(fd, F_DUPFD[_CLOEXEC], min): a copy of `fd` on the lowest free
/// descriptor at or above `min`.
pub fn dup_at_least(fd: BorrowedFd<'_>, min: i32, cloexec: bool) -> Result<OwnedFd, Errno> {
    let cmd = if cloexec { libc::F_DUPFD_CLOEXEC } else { libc::F_DUPFD };
    // SAFETY: no memory arguments.
    let new = cvt_fd(unsafe { libc::fcntl(fd.as_raw_fd(), cmd, min) })?;
    // SAFETY: a fresh descriptor nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(new) })
}

/// fcntl(fd, F_SETFD, 0): `fd` stays open across execve.
pub fn clear_cloexec(fd: BorrowedFd<'_>) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    super::cvt_unit(unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFD, 0) })
}

/// A NULL-terminated array of pointers to `strings`, valid while they are.
fn null_terminated<S: AsRef<CStr>>(strings: &[S]) -> Vec<*const libc::c_char> {
    strings.iter().map(|s| s.as_ref().as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

/// execve(path, argv, envp): replace this process. Returns only on failure,
/// with its errno.
pub fn execve<A: AsRef<CStr>, E: AsRef<CStr>>(path: &CStr, argv: &[A], envp: &[E]) -> Errno {
    let argv = null_terminated(argv);
    let envp = null_terminated(envp);
    // SAFETY: a NUL-terminated path and NULL-terminated arrays of
    // NUL-terminated strings, all borrowed for the call.
    unsafe { libc::execve(path.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
    Errno::last()
}

/// execv(path, argv): replace this process, passing on this process's own
/// environment (`environ`). Returns only on failure, with its errno.
pub fn execv<A: AsRef<CStr>>(path: &CStr, argv: &[A]) -> Errno {
    let argv = null_terminated(argv);
    // SAFETY: as execve; the C library reads `environ`, which the runtime
    // does not change.
    unsafe { libc::execv(path.as_ptr(), argv.as_ptr()) };
    Errno::last()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsFd;

    #[test]
    fn wait4_without_children() {
        // init is nobody's child here (tests run in parallel: -1 could meet another test's child).
        assert_eq!(wait4(1, libc::WNOHANG).map(|w| w.pid), Err(Errno::ECHILD));
    }

    #[test]
    fn waitid_without_children_reports_zeros() {
        let mut info = ChildInfo { signo: 7, ..Default::default() };
        assert_eq!(waitid(libc::P_PID as i32, 1, &mut info, libc::WEXITED | libc::WNOHANG).map(|r| r.is_some()), Err(Errno::ECHILD));
        assert_eq!(info, ChildInfo::default());
    }

    #[test]
    fn children_are_reported() {
        let child = std::process::Command::new("/bin/sh").args(["-c", "exit 3"]).spawn().unwrap();
        let pid = child.id() as i32;
        let mut info = ChildInfo::default();
        let ru = waitid(libc::P_PID as i32, pid, &mut info, libc::WEXITED).unwrap();
        assert!(ru.is_some());
        assert_eq!((info.signo, info.pid, info.code, info.status), (libc::SIGCHLD, pid, libc::CLD_EXITED, 3));
        let child = std::process::Command::new("/bin/sh").args(["-c", "exit 4"]).spawn().unwrap();
        let w = wait4(child.id() as i32, 0).unwrap();
        assert_eq!((w.pid, libc::WEXITSTATUS(w.status)), (child.id() as i32, 4));
    }

    #[test]
    fn exec_failures_return_the_errno() {
        assert_eq!(execve(c"/nonexistent/x", &[c"x"], &[c"A=1"]), Errno::ENOENT);
        assert_eq!(execv(c"/dev/null", &[c"x".to_owned()]), Errno::EACCES);
    }

    #[test]
    fn duplicates_go_high() {
        let fd = open_to_inspect(c"/dev/null").unwrap();
        let high = dup_at_least(fd.as_fd(), 100, false).unwrap();
        assert!(high.as_raw_fd() >= 100);
        clear_cloexec(fd.as_fd()).unwrap();
        assert!(sysconf(libc::_SC_ARG_MAX).is_some_and(|n| n > 0));
        assert!(!may_execute(c"/dev/null"));
    }
}
