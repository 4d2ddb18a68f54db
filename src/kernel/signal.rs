//! Sending and waiting for signals, interval timers, signalfd. (Signal
//! actions and masks are recorded by [`crate::signals`].)

use super::{Errno, cvt_long, cvt_unit};
use wali_abi::convert;

/// Size of the kernel sigset these calls pass (64 signals), on every host.
const SIGSET_SIZE: usize = 8;

/// kill(2)
pub fn kill(pid: i32, sig: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::kill(pid, sig) })
}

/// tkill(2)
pub fn tkill(tid: i32, sig: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_long(unsafe { libc::syscall(libc::SYS_tkill, tid, sig) }).map(drop)
}

/// tgkill(2)
pub fn tgkill(tgid: i32, tid: i32, sig: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_long(unsafe { libc::syscall(libc::SYS_tgkill, tgid, tid, sig) }).map(drop)
}

/// alarm(2): the seconds left of the previous alarm.
pub fn alarm(seconds: u32) -> u32 {
    // SAFETY: no memory arguments.
    unsafe { libc::alarm(seconds) }
}

/// A disarmed itimerval.
fn itimerval_zero() -> libc::itimerval {
    // SAFETY: integers only; all-zero is valid (and disarms).
    unsafe { std::mem::zeroed() }
}

/// setitimer(2): arms `which` with `new` (`None` disarms, as a NULL value
/// does on Linux); returns the previous value.
pub fn setitimer(which: i32, new: Option<&libc::itimerval>) -> Result<libc::itimerval, Errno> {
    let zero = itimerval_zero();
    let mut old = itimerval_zero();
    // SAFETY: the kernel reads a live host itimerval and writes the local one.
    cvt_unit(unsafe { libc::setitimer(which, new.unwrap_or(&zero), &mut old) })?;
    Ok(old)
}

/// getitimer(2)
pub fn getitimer(which: i32) -> Result<libc::itimerval, Errno> {
    let mut value = itimerval_zero();
    // SAFETY: the kernel writes the local itimerval.
    cvt_unit(unsafe { libc::getitimer(which, &mut value) })?;
    Ok(value)
}

/// The raw rt_sigtimedwait(2) system call (the C library's wrapper would
/// turn `SI_TKILL` into `SI_USER`): take a pending signal of `set`, waiting
/// up to `timeout` (`None`: forever). Blocks.
pub fn rt_sigtimedwait(set: u64, timeout: Option<&libc::timespec>) -> Result<libc::siginfo_t, Errno> {
    // SAFETY: a zeroed siginfo is valid; the kernel fills it.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    let tp = timeout.map_or(std::ptr::null(), |t| t as *const libc::timespec);
    // SAFETY: the kernel reads the 8-byte set and the timespec (live or NULL)
    // and writes the local siginfo. HOST_SYS_RT_SIGTIMEDWAIT is the call
    // taking the host's `struct timespec` (time64 on 32-bit hosts with it).
    cvt_long(unsafe { libc::syscall(convert::HOST_SYS_RT_SIGTIMEDWAIT, &set, &mut info, tp, SIGSET_SIZE) })?;
    Ok(info)
}

/// signalfd4(2) with the 8-byte set `mask`; `flags` are host flags.
pub fn signalfd4(fd: i32, mask: u64, flags: i32) -> Result<i32, Errno> {
    // SAFETY: the kernel reads the local 8-byte set.
    let r = unsafe { libc::syscall(libc::SYS_signalfd4, fd, &mask, SIGSET_SIZE, flags) };
    cvt_long(r).map(|fd| fd as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn itimer_round_trip() {
        assert_eq!(setitimer(libc::ITIMER_VIRTUAL, None).map(|_| ()), Ok(()));
        let v = getitimer(libc::ITIMER_VIRTUAL).unwrap();
        assert_eq!((v.it_value.tv_sec, v.it_value.tv_usec), (0, 0));
        assert_eq!(getitimer(99).map(|_| ()), Err(Errno::EINVAL));
    }

    #[test]
    fn sigtimedwait_times_out() {
        let t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SIGWINCH: never pending in a test run.
        let r = rt_sigtimedwait(1 << (libc::SIGWINCH - 1), Some(&t));
        assert_eq!(r.map(|i| i.si_signo), Err(Errno::EAGAIN));
    }

    #[test]
    fn signal_calls_check_arguments() {
        assert_eq!(kill(super::super::process::getpid(), 0), Ok(()));
        assert_eq!(tkill(super::super::process::gettid(), 0), Ok(()));
        assert_eq!(tgkill(-1, -1, 0), Err(Errno::EINVAL));
        assert_eq!(signalfd4(-1, 0, 0x7fff_ffff), Err(Errno::EINVAL));
    }
}
