//! Signals: actions, masks, delivery-related calls, timers that signal, signalfd.
//!
//! Signal numbers, `SIG_BLOCK`..., `sa_flags` and the 8-byte kernel sigset are
//! the same in the guest and on every host; handlers are table-0 indices. The
//! delivery machinery lives in [`crate::signals`].

use super::{Cx, Errno, Fault, SysResult};
use crate::kernel;
use crate::signals;
use wali_abi::convert;
use wali_abi::guest::{self, consts as g};

/// Size of a kernel sigset, in the guest and on every host (64 signals).
const SIGSET_SIZE: u32 = 8;

fn check_sigset_size(size: u32) -> Result<(), Errno> {
    if size == SIGSET_SIZE { Ok(()) } else { Err(Errno::EINVAL) }
}

/// rt_sigaction(sig, act, oldact, sigsetsize): `act`/`oldact` are the guest's
/// packed 24-byte kernel sigaction (handler = table index, `SIG_DFL` 0,
/// `SIG_IGN` -2).
pub fn rt_sigaction(cx: &mut Cx<'_, '_>, sig: i32, act: u32, oldact: u32, sigsetsize: u32) -> SysResult {
    check_sigset_size(sigsetsize)?;
    let mem = cx.mem();
    let new = mem.read_opt::<guest::KSigaction>(act)?;
    let old = signals::sigaction(sig, new)?;
    mem.write_opt(oldact, &old)?;
    Ok(0)
}

/// rt_sigprocmask(how, set, oldset, sigsetsize): the calling thread's mask.
pub fn rt_sigprocmask(cx: &mut Cx<'_, '_>, how: i32, set: u32, oldset: u32, sigsetsize: u32) -> SysResult {
    check_sigset_size(sigsetsize)?;
    let mem = cx.mem();
    let new = mem.read_opt::<u64>(set)?;
    let old = signals::sigprocmask(how, new)?;
    mem.write_opt(oldset, &old)?;
    Ok(0)
}

/// rt_sigpending(set, sigsetsize): blocked signals waiting; like the kernel,
/// writes `sigsetsize` (at most 8) bytes.
pub fn rt_sigpending(cx: &mut Cx<'_, '_>, set: u32, sigsetsize: u32) -> SysResult {
    if sigsetsize > SIGSET_SIZE {
        return Err(Errno::EINVAL.into());
    }
    let pending = signals::pending();
    cx.mem().write_bytes(set, &pending.to_le_bytes()[..sigsetsize as usize])?;
    Ok(0)
}

/// rt_sigsuspend(mask, sigsetsize): wait with `mask` until a handler ran; -EINTR.
pub fn rt_sigsuspend(cx: &mut Cx<'_, '_>, mask: u32, sigsetsize: u32) -> SysResult {
    check_sigset_size(sigsetsize)?;
    let mask: u64 = cx.mem().read(mask)?;
    signals::suspend(cx, mask & !(bit(libc::SIGKILL) | bit(libc::SIGSTOP))).map_err(Fault::Trap)?;
    Err(Errno::EINTR.into())
}

const fn bit(sig: i32) -> u64 {
    1 << (sig - 1)
}

/// rt_sigtimedwait(set, info, timeout, sigsetsize): take a pending signal of
/// `set`, waiting up to `timeout` (NULL: forever); returns its number.
pub fn rt_sigtimedwait(cx: &mut Cx<'_, '_>, set: u32, info: u32, timeout: u32, sigsetsize: u32) -> SysResult {
    check_sigset_size(sigsetsize)?;
    let mem = cx.mem();
    let set = mem.read::<u64>(set)? & !(bit(libc::SIGKILL) | bit(libc::SIGSTOP));
    let timeout = match mem.read_opt::<guest::Timespec>(timeout)? {
        Some(t) if t.tv_sec < 0 || !(0..1_000_000_000).contains(&t.tv_nsec) => return Err(Errno::EINVAL.into()),
        Some(t) => Some(convert::timespec_to_host(&t).map_err(Errno)?),
        None => None,
    };
    let got = match signals::take_pending_in(set) {
        Some(recorded) => recorded,
        // Blocks until a signal of `set` arrives or the timeout passes.
        None => convert::siginfo_from_host(&kernel::signal::rt_sigtimedwait(set, timeout.as_ref())?),
    };
    mem.write_opt(info, &got)?;
    Ok(got.si_signo as i64)
}

/// rt_sigreturn(): guest handlers return normally, so nothing legitimately
/// calls this.
pub fn rt_sigreturn(_cx: &mut Cx<'_, '_>, _unused: i64) -> SysResult {
    Err(Errno::ENOSYS.into())
}

/// sigaltstack(ss, old_ss): recorded and reported (12-byte guest stack_t);
/// handlers run on the guest's normal stack.
pub fn sigaltstack(cx: &mut Cx<'_, '_>, ss: u32, old: u32) -> SysResult {
    let mem = cx.mem();
    let new = mem.read_opt::<guest::StackT>(ss)?;
    let prev = signals::altstack(new)?;
    mem.write_opt(old, &prev)?;
    Ok(0)
}

/// Signals 32 and 33 belong to the host C library (thread cancellation and
/// set*id broadcasts): a guest sending them could cancel runtime threads, so
/// they are refused with EINVAL, as the C library refuses them in sigaction.
fn sendable(sig: i32) -> Result<(), Errno> {
    if sig == 32 || sig == 33 { Err(Errno::EINVAL) } else { Ok(()) }
}

/// kill(pid, sig): host pids are guest pids.
pub fn kill(_cx: &mut Cx<'_, '_>, pid: i32, sig: i32) -> SysResult {
    sendable(sig)?;
    if pid == kernel::process::getpid() && signals::send_runtime_signal_to_self(sig, g::SI_USER) {
        return Ok(0);
    }
    kernel::signal::kill(pid, sig)?;
    Ok(0)
}

/// tkill(tid, sig): host tids are guest tids.
pub fn tkill(_cx: &mut Cx<'_, '_>, tid: i32, sig: i32) -> SysResult {
    sendable(sig)?;
    if tid == kernel::process::gettid() && signals::send_runtime_signal_to_self(sig, g::SI_TKILL) {
        return Ok(0);
    }
    kernel::signal::tkill(tid, sig)?;
    Ok(0)
}

/// tgkill(tgid, tid, sig)
pub fn tgkill(_cx: &mut Cx<'_, '_>, tgid: i32, tid: i32, sig: i32) -> SysResult {
    sendable(sig)?;
    let me = (kernel::process::getpid(), kernel::process::gettid());
    if (tgid, tid) == me && signals::send_runtime_signal_to_self(sig, g::SI_TKILL) {
        return Ok(0);
    }
    kernel::signal::tgkill(tgid, tid, sig)?;
    Ok(0)
}

/// pause(): wait until a handler ran; -EINTR.
pub fn pause(cx: &mut Cx<'_, '_>) -> SysResult {
    signals::suspend(cx, signals::thread_mask()).map_err(Fault::Trap)?;
    Err(Errno::EINTR.into())
}

/// alarm(seconds): returns the seconds left of the previous alarm.
pub fn alarm(_cx: &mut Cx<'_, '_>, seconds: u32) -> SysResult {
    Ok(kernel::signal::alarm(seconds) as i64)
}

/// setitimer(which, new_value, old_value): a NULL `new_value` disarms, as on Linux.
pub fn setitimer(cx: &mut Cx<'_, '_>, which: i32, new: u32, old: u32) -> SysResult {
    let mem = cx.mem();
    let value = match mem.read_opt::<guest::Itimerval>(new)? {
        Some(t) => Some(convert::itimerval_to_host(&t).map_err(Errno)?),
        None => None,
    };
    let prev = kernel::signal::setitimer(which, value.as_ref())?;
    mem.write_opt(old, &convert::itimerval_from_host(&prev))?;
    Ok(0)
}

/// getitimer(which, curr_value)
pub fn getitimer(cx: &mut Cx<'_, '_>, which: i32, cur: u32) -> SysResult {
    let value = kernel::signal::getitimer(which)?;
    cx.mem().write(cur, &convert::itimerval_from_host(&value))?;
    Ok(0)
}

/// signalfd(fd, mask, sigsetsize): signalfd4 without flags.
pub fn signalfd(cx: &mut Cx<'_, '_>, fd: i32, mask: u32, sigsetsize: u32) -> SysResult {
    signalfd4(cx, fd, mask, sigsetsize, 0)
}

/// signalfd4(fd, mask, sigsetsize, flags): reads from it return 128-byte
/// `signalfd_siginfo` records, laid out alike in the guest and on every host.
pub fn signalfd4(cx: &mut Cx<'_, '_>, fd: i32, mask: u32, sigsetsize: u32, flags: i32) -> SysResult {
    if flags & !(g::SFD_CLOEXEC | g::SFD_NONBLOCK) != 0 {
        return Err(Errno::EINVAL.into());
    }
    check_sigset_size(sigsetsize)?;
    let mask: u64 = cx.mem().read(mask)?;
    let flags = convert::open_flags_to_host(flags);
    Ok(kernel::signal::signalfd4(fd, mask, flags)? as i64)
}
