//! Waiting for events: poll, select, epoll, timerfd.
//!
//! Timeouts are host `timespec`s the kernel updates with the time left; signal
//! masks are kernel sigsets (8 bytes on every host).

use super::{Errno, UserBuf, cvt, cvt_fd, cvt_long, cvt_size, cvt_unit};
use libc::{c_long, c_ulong};
use std::ptr;
use wali_abi::convert;

/// Size of a kernel sigset on every host (64 signals).
const SIGSET_SIZE: usize = 8;

fn timeout_ptr(t: Option<&mut libc::timespec>) -> *mut libc::timespec {
    t.map_or(ptr::null_mut(), |t| t)
}

fn sigmask_ptr(m: Option<&u64>) -> *const u64 {
    m.map_or(ptr::null(), |m| m)
}

/// poll(2) on the `struct pollfd` array `fds` (8 bytes each; `nfds` is
/// `fds.len() / 8`), whose `revents` the kernel writes in place.
pub fn poll(fds: UserBuf<'_>, timeout: i32) -> Result<i32, Errno> {
    let nfds = fds.len() / size_of::<libc::pollfd>();
    // SAFETY: the kernel reads and writes `nfds` pollfds, inside `fds`.
    // Blocks (glibc emulates poll with ppoll where the host has no poll).
    cvt(unsafe { libc::poll(fds.cast(), nfds as libc::nfds_t, timeout) })
}

/// ppoll(2) on `fds` (as [`poll`]), with the time left written to `timeout`
/// (`None`: wait forever) and `sigmask` for the wait.
pub fn ppoll(fds: UserBuf<'_>, timeout: Option<&mut libc::timespec>, sigmask: Option<&u64>) -> Result<i64, Errno> {
    let nfds = fds.len() / size_of::<libc::pollfd>();
    // SAFETY: as poll; the timeout and the mask are host values borrowed for the
    // call (the `timespec` the host's ppoll number takes, see HOST_SYS_PPOLL).
    cvt_long(unsafe {
        libc::syscall(
            convert::HOST_SYS_PPOLL,
            fds.ptr(),
            nfds as c_ulong,
            timeout_ptr(timeout),
            sigmask_ptr(sigmask),
            SIGSET_SIZE as libc::size_t,
        )
    })
}

/// pselect6(2) on the first `n` descriptors of the sets (bit `i` of word `w` is
/// descriptor `64w + i`; `None`: NULL), rewritten with the ready ones; the time
/// left goes to `timeout`. A set shorter than `n` bits is `EINVAL`.
pub fn pselect6(
    n: i32,
    sets: [Option<&mut [u64]>; 3],
    timeout: Option<&mut libc::timespec>,
    sigmask: Option<&u64>,
) -> Result<i64, Errno> {
    let bits = usize::try_from(n).unwrap_or(0);
    if sets.iter().flatten().any(|s| s.len() < bits.div_ceil(64)) {
        return Err(Errno::EINVAL);
    }
    let [r, w, e] = sets.map(|s| s.map_or(ptr::null_mut(), |s| s.as_mut_ptr()));
    // The 6th argument: {const sigset_t *ss; size_t ss_len} in host words.
    let pack = sigmask.map(|m| [ptr::from_ref(m) as usize, SIGSET_SIZE]);
    // SAFETY: the kernel reads and writes at most `n` bits of each set (fewer
    // when its descriptor table is smaller), which the sets hold; the timeout,
    // the mask and its pack are host values borrowed for the call.
    cvt_long(unsafe {
        libc::syscall(
            convert::HOST_SYS_PSELECT6,
            n as c_long,
            r,
            w,
            e,
            timeout_ptr(timeout),
            pack.as_ref().map_or(ptr::null(), |p| p as *const [usize; 2]),
        )
    })
}

/// epoll_create1(2)
pub fn epoll_create1(flags: i32) -> Result<i32, Errno> {
    // SAFETY: makes a descriptor; no memory is touched.
    cvt_fd(unsafe { libc::epoll_create1(flags) })
}

/// epoll_ctl(2); `event` is read for every op but `EPOLL_CTL_DEL` (`None`: NULL).
pub fn epoll_ctl(epfd: i32, op: i32, fd: i32, event: Option<&libc::epoll_event>) -> Result<(), Errno> {
    let ev = event.map_or(ptr::null_mut(), |e| ptr::from_ref(e).cast_mut());
    // SAFETY: the kernel only reads the event.
    cvt_unit(unsafe { libc::epoll_ctl(epfd, op, fd, ev) })
}

/// epoll_pwait(2): up to `events.len()` ready events stored in `events`, their
/// number returned; `sigmask` for the wait.
pub fn epoll_pwait(epfd: i32, events: &mut [libc::epoll_event], timeout: i32, sigmask: Option<&u64>) -> Result<usize, Errno> {
    let max = events.len().min(i32::MAX as usize / size_of::<libc::epoll_event>());
    // SAFETY: the kernel writes at most `max` events, inside `events`; the mask
    // is borrowed for the call.
    let n = cvt_size(unsafe {
        libc::syscall(
            libc::SYS_epoll_pwait,
            epfd as c_long,
            events.as_mut_ptr(),
            max as c_long,
            timeout as c_long,
            sigmask_ptr(sigmask),
            SIGSET_SIZE as libc::size_t,
        ) as libc::ssize_t
    })?;
    Ok(n.min(max))
}

/// timerfd_create(2)
pub fn timerfd_create(clockid: i32, flags: i32) -> Result<i32, Errno> {
    // SAFETY: makes a descriptor; no memory is touched.
    cvt_fd(unsafe { libc::timerfd_create(clockid, flags) })
}

fn zeroed_itimerspec() -> libc::itimerspec {
    // SAFETY: itimerspec is plain integers (and padding on some hosts).
    unsafe { std::mem::zeroed() }
}

/// timerfd_settime(2); returns the previous setting.
pub fn timerfd_settime(fd: i32, flags: i32, new: &libc::itimerspec) -> Result<libc::itimerspec, Errno> {
    let mut old = zeroed_itimerspec();
    // SAFETY: the kernel reads `new` and writes `old`, both host values.
    cvt_unit(unsafe { libc::timerfd_settime(fd, flags, new, &mut old) })?;
    Ok(old)
}

/// timerfd_gettime(2)
pub fn timerfd_gettime(fd: i32) -> Result<libc::itimerspec, Errno> {
    let mut cur = zeroed_itimerspec();
    // SAFETY: the kernel writes `cur`.
    cvt_unit(unsafe { libc::timerfd_gettime(fd, &mut cur) })?;
    Ok(cur)
}

/// The soft RLIMIT_NOFILE of the process (also the most pollfds the kernel
/// takes); unlimited if it cannot be read.
pub fn nofile_limit() -> u64 {
    // SAFETY: rlimit64 is plain integers.
    let mut lim: libc::rlimit64 = unsafe { std::mem::zeroed() };
    // SAFETY: getrlimit64 writes only `lim`.
    if unsafe { libc::getrlimit64(libc::RLIMIT_NOFILE, &mut lim) } == 0 { lim.rlim_cur } else { u64::MAX }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_sets_must_hold_n_bits() {
        let mut short = [0u64; 1];
        assert_eq!(pselect6(65, [Some(&mut short), None, None], None, None), Err(Errno::EINVAL));
        let mut zero = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        assert_eq!(pselect6(64, [Some(&mut short), None, None], Some(&mut zero), None), Ok(0));
        assert_eq!(pselect6(-1, [None, None, None], Some(&mut zero), None), Err(Errno::EINVAL));
    }

    #[test]
    fn epoll_stores_at_most_the_slice() {
        let ep = epoll_create1(libc::EPOLL_CLOEXEC).unwrap();
        assert_eq!(epoll_pwait(ep, &mut [], 0, None), Err(Errno::EINVAL));
        let mut evs = [libc::epoll_event { events: 0, u64: 0 }; 2];
        assert_eq!(epoll_pwait(ep, &mut evs, 0, None), Ok(0));
        super::super::fd::close(ep).unwrap();
    }
}
