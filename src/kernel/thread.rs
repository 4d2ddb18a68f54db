//! Futexes and scheduling. (Host threads are made with `std::thread`; thread
//! and process ids are in [`super::process`].)

use super::{Errno, KERNEL_REJECTED_ADDR, UserBuf, cvt, cvt_long, cvt_size, cvt_unit};

pub const FUTEX_WAIT: i32 = 0;
pub const FUTEX_WAKE: i32 = 1;
pub const FUTEX_FD: i32 = 2;
pub const FUTEX_REQUEUE: i32 = 3;
pub const FUTEX_CMP_REQUEUE: i32 = 4;
pub const FUTEX_WAKE_OP: i32 = 5;
pub const FUTEX_LOCK_PI: i32 = 6;
pub const FUTEX_UNLOCK_PI: i32 = 7;
pub const FUTEX_TRYLOCK_PI: i32 = 8;
pub const FUTEX_WAIT_BITSET: i32 = 9;
pub const FUTEX_WAKE_BITSET: i32 = 10;
pub const FUTEX_WAIT_REQUEUE_PI: i32 = 11;
pub const FUTEX_CMP_REQUEUE_PI: i32 = 12;
pub const FUTEX_LOCK_PI2: i32 = 13;
/// The command bits of a futex `op` (the rest are `FUTEX_PRIVATE_FLAG` and
/// `FUTEX_CLOCK_REALTIME`).
pub const FUTEX_CMD_MASK: i32 = 0x7f;

/// The futex call taking the host's `struct timespec`: `futex_time64` on
/// 32-bit hosts whose `time_t` is 64-bit.
#[cfg(target_pointer_width = "64")]
const SYS_FUTEX: libc::c_long = libc::SYS_futex;
#[cfg(target_pointer_width = "32")]
const SYS_FUTEX: libc::c_long = if size_of::<libc::time_t>() == 8 { 422 } else { libc::SYS_futex };

/// The address of a futex word for the kernel: NULL stays NULL; a buffer
/// shorter than the 32-bit word is an address the kernel refuses (`EFAULT`).
fn futex_word(b: &UserBuf<'_>) -> *mut u8 {
    if b.is_null() || b.len() >= size_of::<u32>() { b.ptr() } else { KERNEL_REJECTED_ADDR }
}

/// futex(2) on the word `word`: `timeout` is the fourth argument of the
/// commands that wait (`FUTEX_WAIT`, `_BITSET`, `_LOCK_PI`, `_LOCK_PI2`,
/// `_WAIT_REQUEUE_PI`), `val2` that of the others; `uaddr2` is used by the
/// requeue and wake-op commands (NULL otherwise). The kernel may read and
/// write both words (atomically). Commands this wrapper does not know are
/// refused with `ENOSYS` without calling the kernel.
#[allow(clippy::too_many_arguments)]
pub fn futex(word: UserBuf<'_>, op: i32, val: u32, timeout: Option<&libc::timespec>, val2: u32, uaddr2: UserBuf<'_>, val3: u32) -> Result<i64, Errno> {
    let arg4 = match op & FUTEX_CMD_MASK {
        FUTEX_WAIT | FUTEX_WAIT_BITSET | FUTEX_LOCK_PI | FUTEX_LOCK_PI2 | FUTEX_WAIT_REQUEUE_PI => {
            timeout.map_or(std::ptr::null(), |t| t as *const libc::timespec) as usize
        }
        FUTEX_WAKE | FUTEX_WAKE_BITSET | FUTEX_UNLOCK_PI | FUTEX_TRYLOCK_PI | FUTEX_REQUEUE | FUTEX_CMP_REQUEUE
        | FUTEX_WAKE_OP | FUTEX_CMP_REQUEUE_PI => val2 as usize,
        _ => return Err(Errno::ENOSYS),
    };
    let (addr, addr2) = (futex_word(&word), futex_word(&uaddr2));
    // SAFETY: both words are memory the kernel may access for this call (or
    // NULL, or refused); arg4 is an integer for the commands that take one
    // and a live host timespec (or NULL) for those that wait.
    cvt_long(unsafe { libc::syscall(SYS_FUTEX, addr, op, val, arg4, addr2, val3) })
}

/// sched_yield(2)
pub fn sched_yield() -> Result<(), Errno> {
    // SAFETY: no arguments.
    cvt_unit(unsafe { libc::sched_yield() })
}

/// The raw sched_setscheduler(2) system call (the C library's would refuse
/// what the kernel accepts).
pub fn sched_setscheduler(pid: i32, policy: i32, priority: i32) -> Result<i64, Errno> {
    let sp = libc::sched_param { sched_priority: priority };
    // SAFETY: the kernel reads the local sched_param.
    cvt_long(unsafe { libc::syscall(libc::SYS_sched_setscheduler, pid, policy, &sp) })
}

/// sched_getscheduler(2)
pub fn sched_getscheduler(pid: i32) -> Result<i64, Errno> {
    // SAFETY: no memory arguments.
    cvt_long(unsafe { libc::syscall(libc::SYS_sched_getscheduler, pid) })
}

/// sched_setparam(2)
pub fn sched_setparam(pid: i32, priority: i32) -> Result<i64, Errno> {
    let sp = libc::sched_param { sched_priority: priority };
    // SAFETY: the kernel reads the local sched_param.
    cvt_long(unsafe { libc::syscall(libc::SYS_sched_setparam, pid, &sp) })
}

/// sched_getparam(2): the priority.
pub fn sched_getparam(pid: i32) -> Result<i32, Errno> {
    let mut sp = libc::sched_param { sched_priority: 0 };
    // SAFETY: the kernel writes the local sched_param.
    cvt_long(unsafe { libc::syscall(libc::SYS_sched_getparam, pid, &mut sp) })?;
    Ok(sp.sched_priority)
}

/// sched_rr_get_interval(2)
pub fn sched_rr_get_interval(pid: i32) -> Result<libc::timespec, Errno> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: the kernel writes the local timespec.
    cvt_unit(unsafe { libc::sched_rr_get_interval(pid, &mut ts) })?;
    Ok(ts)
}

/// sched_get_priority_max(2)
pub fn sched_get_priority_max(policy: i32) -> Result<i32, Errno> {
    // SAFETY: no memory arguments.
    cvt(unsafe { libc::sched_get_priority_max(policy) })
}

/// sched_get_priority_min(2)
pub fn sched_get_priority_min(policy: i32) -> Result<i32, Errno> {
    // SAFETY: no memory arguments.
    cvt(unsafe { libc::sched_get_priority_min(policy) })
}

/// The raw sched_setaffinity(2) system call with the mask `mask` (the kernel
/// reads at most `mask.len()` bytes of it).
pub fn sched_setaffinity(pid: i32, mask: UserBuf<'_>) -> Result<(), Errno> {
    // SAFETY: mask is memory the kernel may read for this call.
    cvt_long(unsafe { libc::syscall(libc::SYS_sched_setaffinity, pid, mask.len(), mask.ptr()) }).map(drop)
}

/// The raw sched_getaffinity(2) system call into `mask` (the kernel writes at
/// most `mask.len()` bytes): the size of the kernel's mask, in bytes.
pub fn sched_getaffinity(pid: i32, mask: UserBuf<'_>) -> Result<usize, Errno> {
    // SAFETY: mask is memory the kernel may write for this call.
    let r = unsafe { libc::syscall(libc::SYS_sched_getaffinity, pid, mask.len(), mask.ptr()) };
    cvt_size(r as libc::ssize_t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn futex_wait_and_wake_on_a_host_word() {
        let mut w = 7u32.to_ne_bytes();
        let word = UserBuf::host_mut(&mut w);
        let t = libc::timespec { tv_sec: 0, tv_nsec: 1000 };
        // The value differs: EAGAIN at once; it matches: the wait times out.
        assert_eq!(futex(word, FUTEX_WAIT, 8, Some(&t), 0, UserBuf::NULL, 0), Err(Errno::EAGAIN));
        assert_eq!(futex(word, FUTEX_WAIT, 7, Some(&t), 0, UserBuf::NULL, 0), Err(Errno(libc::ETIMEDOUT)));
        assert_eq!(futex(word, FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG, 1, None, 0, UserBuf::NULL, 0), Ok(0));
        // Unknown commands never reach the kernel; short words are refused.
        assert_eq!(futex(word, 99, 0, None, 0, UserBuf::NULL, 0), Err(Errno::ENOSYS));
        let mut short = [0u8; 2];
        assert_eq!(futex(UserBuf::host_mut(&mut short), FUTEX_WAIT, 0, Some(&t), 0, UserBuf::NULL, 0), Err(Errno::EFAULT));
    }

    #[test]
    fn affinity_round_trip() {
        let mut mask = [0u8; 128];
        let n = sched_getaffinity(0, UserBuf::host_mut(&mut mask)).unwrap();
        assert!(n > 0 && n <= mask.len());
        assert_eq!(sched_setaffinity(0, UserBuf::host_mut(&mut mask[..n])), Ok(()));
        assert_eq!(sched_getaffinity(0, UserBuf::host_mut(&mut mask[..1])), Err(Errno::EINVAL));
    }

    #[test]
    fn scheduling_queries() {
        assert!(sched_getscheduler(0).is_ok());
        assert!(sched_getparam(0).is_ok());
        assert_eq!(sched_getscheduler(-1), Err(Errno::EINVAL));
        assert!(sched_get_priority_max(libc::SCHED_FIFO).unwrap() > 0);
        assert_eq!(sched_get_priority_min(-1), Err(Errno::EINVAL));
        assert!(sched_rr_get_interval(0).is_ok());
        assert_eq!(sched_yield(), Ok(()));
    }
}
