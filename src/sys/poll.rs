//! Waiting for events: poll, select, epoll, timerfd.
//!
//! `struct pollfd` (8 B) and the bits of an `fd_set` are the same on every
//! host; timeouts, `epoll_event` (packed 12 B in the guest, 16 B on aarch64 and
//! ARM hosts) and `itimerspec` go through wali_abi conversions. A guest kernel
//! sigset is 8 bytes, like the host kernel's. The waiting calls take no runtime
//! lock, so blocking in them holds nothing up.

use super::time::timeout_to_host;
use super::{Cx, Errno, Fault, SysResult};
use crate::kernel::poll as kpoll;
use crate::memory::{Access, Mem, UserBuf};
use wali_abi::{convert, guest};

/// Size of a kernel sigset, in the guest and on every host (64 signals).
const SIGSET_SIZE: u64 = 8;
/// Bits in a guest `fd_set` (FD_SETSIZE).
const FD_SETSIZE: i32 = 1024;
/// The guest kernel's EP_MAX_EVENTS: INT_MAX / sizeof(12-byte epoll_event).
const EP_MAX_EVENTS: i32 = i32::MAX / size_of::<guest::EpollEvent>() as i32;
/// Most events taken from the host kernel by one epoll_wait; any more stay
/// queued for the next call, as when `maxevents` is reached.
const HOST_EVENTS_MAX: usize = 4096;
/// Events handled without a heap buffer.
const INLINE_EVENTS: usize = 64;

/// poll(fds, nfds, timeout): wait up to `timeout` ms for events on `nfds`
/// pollfds; the kernel writes `revents` in place.
pub fn poll(cx: &mut Cx<'_, '_>, fds: u32, nfds: u64, timeout: i32) -> SysResult {
    let mem = cx.mem();
    let fds = pollfds(&mem, fds, kernel_nfds(nfds))?;
    // Blocks (glibc emulates poll with ppoll where the host has no poll).
    Ok(kpoll::poll(fds, timeout)?.into())
}

/// ppoll(fds, nfds, tmo_p, sigmask, sigsetsize): poll with a timespec timeout
/// (the time left is written back, as by the kernel) and a signal mask for the wait.
pub fn ppoll(cx: &mut Cx<'_, '_>, fds: u32, nfds: u64, tmo: u32, sigmask: u32, sigsetsize: u32) -> SysResult {
    let mem = cx.mem();
    let mut timeout = Timeout::read(&mem, tmo)?;
    let mask = read_sigmask(&mem, sigmask as u64, sigsetsize as u64)?;
    let nfds = kernel_nfds(nfds);
    let fds = pollfds(&mem, fds, nfds)?;
    // Blocks; nothing is locked here.
    let r = kpoll::ppoll(fds, timeout.host_mut(), mask.as_ref());
    interrupted_under(cx, &r, mask)?;
    if let Some(left) = timeout.left() {
        // Like the kernel, ignore a timespec the guest made read-only.
        let _ = cx.mem().write(tmo, &convert::timespec_from_host(&left));
    }
    Ok(r?)
}

/// select(nfds, readfds, writefds, exceptfds, timeout): wait for fds of three
/// sets to become ready; the sets are rewritten with the ready fds and the
/// timeval with the time left.
pub fn select(cx: &mut Cx<'_, '_>, nfds: i32, r: u32, w: u32, e: u32, timeout: u32) -> SysResult {
    let tv = cx.mem().read_opt::<guest::Timeval>(timeout)?;
    // The kernel's normalization: whole seconds of tv_usec move to tv_sec.
    let ts = tv.map(|tv| guest::Timespec {
        tv_sec: tv.tv_sec.wrapping_add(tv.tv_usec / 1_000_000),
        tv_nsec: (tv.tv_usec % 1_000_000) * 1000,
    });
    let mut timeout_ts = Timeout::new(ts.as_ref())?;
    let res = select_sets(cx, nfds, [r, w, e], &mut timeout_ts, None);
    if let Some(left) = timeout_ts.left() {
        let left = convert::timespec_from_host(&left);
        let tv = guest::Timeval { tv_sec: left.tv_sec, tv_usec: left.tv_nsec / 1000 };
        let _ = cx.mem().write(timeout, &tv);
    }
    res
}

/// pselect6(nfds, readfds, writefds, exceptfds, timeout, sig): select with a
/// timespec timeout and `sig` -> `{sigset pointer, sigset size}` (two guest longs).
pub fn pselect6(cx: &mut Cx<'_, '_>, nfds: i32, r: u32, w: u32, e: u32, timeout: u32, sig: u32) -> SysResult {
    let mem = cx.mem();
    let pack = mem.read_opt::<guest::PselectSigmask>(sig)?;
    let mut timeout_ts = Timeout::read(&mem, timeout)?;
    let mask = match pack {
        Some(p) => read_sigmask(&mem, p.ss, p.ss_len)?,
        None => None,
    };
    let res = select_sets(cx, nfds, [r, w, e], &mut timeout_ts, mask);
    if let Some(left) = timeout_ts.left() {
        let _ = cx.mem().write(timeout, &convert::timespec_from_host(&left));
    }
    res
}

/// epoll_create(size): a new epoll instance; `size` only has to be positive.
pub fn epoll_create(cx: &mut Cx<'_, '_>, size: i32) -> SysResult {
    if size <= 0 {
        return Err(Errno::EINVAL.into());
    }
    epoll_create1(cx, 0)
}

/// epoll_create1(flags): a new epoll instance (EPOLL_CLOEXEC is the same on every host).
pub fn epoll_create1(_cx: &mut Cx<'_, '_>, flags: i32) -> SysResult {
    Ok(kpoll::epoll_create1(flags)?.into())
}

/// epoll_ctl(epfd, op, fd, event): add, modify or remove `fd`; the event is
/// read for every op but EPOLL_CTL_DEL.
pub fn epoll_ctl(cx: &mut Cx<'_, '_>, epfd: i32, op: i32, fd: i32, event: u32) -> SysResult {
    let ev = match op {
        libc::EPOLL_CTL_DEL => None,
        _ => Some(convert::epoll_event_to_host(&cx.mem().read::<guest::EpollEvent>(event)?)),
    };
    kpoll::epoll_ctl(epfd, op, fd, ev.as_ref())?;
    Ok(0)
}

/// epoll_wait(epfd, events, maxevents, timeout): wait up to `timeout` ms for
/// events; up to `maxevents` ready ones are stored in `events`.
pub fn epoll_wait(cx: &mut Cx<'_, '_>, epfd: i32, events: u32, maxevents: i32, timeout: i32) -> SysResult {
    epoll_pwait(cx, epfd, events, maxevents, timeout, 0, SIGSET_SIZE as u32)
}

/// epoll_pwait(epfd, events, maxevents, timeout, sigmask, sigsetsize):
/// epoll_wait with a signal mask for the wait. Every returned event is converted.
pub fn epoll_pwait(
    cx: &mut Cx<'_, '_>,
    epfd: i32,
    events: u32,
    maxevents: i32,
    timeout: i32,
    sigmask: u32,
    sigsetsize: u32,
) -> SysResult {
    let mem = cx.mem();
    let mask = read_sigmask(&mem, sigmask as u64, sigsetsize as u64)?;
    if maxevents <= 0 || maxevents > EP_MAX_EVENTS {
        return Err(Errno::EINVAL.into());
    }
    // The output array must be writable before anything is consumed.
    mem.buf(events, maxevents as usize * size_of::<guest::EpollEvent>(), Access::Write)?;
    // Up to INLINE_EVENTS events (an event loop's usual batch) the buffers are
    // on the stack: the serving hot path does not allocate.
    let empty = libc::epoll_event { events: 0, u64: 0 };
    let cap = (maxevents as usize).min(HOST_EVENTS_MAX);
    let mut inline = [empty; INLINE_EVENTS];
    let mut heap = Vec::new();
    let host: &mut [libc::epoll_event] = if cap <= INLINE_EVENTS {
        &mut inline[..cap]
    } else {
        heap.resize(cap, empty);
        &mut heap
    };
    // Blocks; nothing is locked here.
    let n = kpoll::epoll_pwait(epfd, host, timeout, mask.as_ref());
    interrupted_under(cx, &n, mask)?;
    let n = n?;
    let mem = cx.mem();
    let mut out = [guest::EpollEvent { events: 0, data: 0 }; INLINE_EVENTS];
    for (i, chunk) in host[..n].chunks(INLINE_EVENTS).enumerate() {
        for (o, h) in out.iter_mut().zip(chunk) {
            *o = convert::epoll_event_from_host(h);
        }
        let at = events + (i * INLINE_EVENTS * size_of::<guest::EpollEvent>()) as u32;
        mem.write_array(at, &out[..chunk.len()])?;
    }
    Ok(n as i64)
}

/// timerfd_create(clockid, flags): a timer fd (TFD_CLOEXEC and TFD_NONBLOCK
/// are the same on every host).
pub fn timerfd_create(_cx: &mut Cx<'_, '_>, clockid: i32, flags: i32) -> SysResult {
    Ok(kpoll::timerfd_create(clockid, flags)?.into())
}

/// timerfd_settime(fd, flags, new_value, old_value): arm or disarm the timer;
/// the previous setting goes to `old_value` unless it is NULL.
pub fn timerfd_settime(cx: &mut Cx<'_, '_>, fd: i32, flags: i32, new: u32, old: u32) -> SysResult {
    let mem = cx.mem();
    let new = convert::itimerspec_to_host(&mem.read::<guest::ItimerSpec>(new)?).map_err(Errno)?;
    let prev = kpoll::timerfd_settime(fd, flags, &new)?;
    mem.write_opt(old, &convert::itimerspec_from_host(&prev))?;
    Ok(0)
}

/// timerfd_gettime(fd, curr_value): the time until the next expiration and the interval.
pub fn timerfd_gettime(cx: &mut Cx<'_, '_>, fd: i32, cur: u32) -> SysResult {
    let now = kpoll::timerfd_gettime(fd)?;
    cx.mem().write(cur, &convert::itimerspec_from_host(&now))?;
    Ok(0)
}

// ---------------------------------------------------------------------------
// helpers

/// `nfds` as the kernel sees it: poll and ppoll take an `unsigned int`.
fn kernel_nfds(nfds: u64) -> u64 {
    nfds as u32 as u64
}

/// The guest pollfd array for the kernel to use in place, checked like the kernel
/// does: `EINVAL` beyond RLIMIT_NOFILE, else `EFAULT` if not all in memory. (The
/// array is never copied, so `nfds` sizes no host allocation.)
fn pollfds<'a>(mem: &Mem<'a>, fds: u32, nfds: u64) -> Result<UserBuf<'a>, Errno> {
    if nfds == 0 {
        return Ok(UserBuf::NULL);
    }
    let len = usize::try_from(nfds).ok().and_then(|n| n.checked_mul(size_of::<guest::Pollfd>()));
    match len.map(|len| mem.buf(fds, len, Access::Write)) {
        Some(Ok(buf)) => Ok(buf),
        _ if nfds > kpoll::nofile_limit() => Err(Errno::EINVAL),
        _ => Err(Errno::EFAULT),
    }
}

/// A wait with a temporary signal mask came back with EINTR: run the handlers
/// that mask lets through now, under it, as the kernel does before returning.
fn interrupted_under<T>(cx: &mut Cx<'_, '_>, r: &Result<T, Errno>, mask: Option<u64>) -> Result<(), Fault> {
    if let (Err(Errno::EINTR), Some(m)) = (r, mask) {
        crate::signals::deliver_with_mask(cx, m).map_err(Fault::Trap)?;
    }
    Ok(())
}

/// A guest kernel sigset for the duration of a wait: `None` for NULL,
/// `EINVAL` unless `size` is 8, `EFAULT` if unreadable.
fn read_sigmask(mem: &Mem<'_>, ptr: u64, size: u64) -> Result<Option<u64>, Errno> {
    if ptr == 0 {
        return Ok(None);
    }
    if size != SIGSET_SIZE {
        return Err(Errno::EINVAL);
    }
    let ptr = u32::try_from(ptr).map_err(|_| Errno::EFAULT)?;
    mem.read::<u64>(ptr).map(Some)
}

/// A timeout given to the host kernel as a `timespec`, which the kernel updates
/// with the time left (except for a zero timeout). `None` waits forever.
struct Timeout {
    host: Option<libc::timespec>,
    given: (i64, i64),
}

/// A host timespec as a comparable pair.
fn pair(h: &libc::timespec) -> (i64, i64) {
    let t = convert::timespec_from_host(h);
    (t.tv_sec, t.tv_nsec)
}

impl Timeout {
    /// `EINVAL` for a negative time or `tv_nsec` out of range, as the kernel checks
    /// before looking at anything else.
    fn new(t: Option<&guest::Timespec>) -> Result<Self, Errno> {
        if t.is_some_and(|t| t.tv_sec < 0 || !(0..1_000_000_000).contains(&t.tv_nsec)) {
            return Err(Errno::EINVAL);
        }
        let host = t.map(timeout_to_host).transpose()?;
        let given = host.as_ref().map_or((0, 0), pair);
        Ok(Timeout { host, given })
    }

    /// Read an optional guest timespec.
    fn read(mem: &Mem<'_>, ptr: u32) -> Result<Self, Errno> {
        Timeout::new(mem.read_opt::<guest::Timespec>(ptr)?.as_ref())
    }

    fn host_mut(&mut self) -> Option<&mut libc::timespec> {
        self.host.as_mut()
    }

    /// The time left, if the kernel wrote it (then the guest's copy is updated too).
    fn left(&self) -> Option<libc::timespec> {
        self.host.filter(|h| pair(h) != self.given)
    }
}

/// The fd sets and the wait shared by select and pselect6. The guest sets are
/// copied in and, on success, out again (`FDS_BYTES(nfds)` of 64-bit words,
/// bits from `nfds` on cleared, as the x86_64 kernel writes them).
fn select_sets(cx: &mut Cx<'_, '_>, nfds: i32, sets: [u32; 3], timeout: &mut Timeout, mask: Option<u64>) -> SysResult {
    if nfds < 0 {
        return Err(Errno::EINVAL.into());
    }
    // The kernel ignores fds beyond the size of its fd table; guest sets hold
    // FD_SETSIZE bits, so only a larger `nfds` needs the host's table size.
    let n = if nfds > FD_SETSIZE { nfds.min(host_max_fds()).max(FD_SETSIZE) } else { nfds } as usize;
    let words = n.div_ceil(64);
    let mem = cx.mem();
    let mut host: [Option<Vec<u64>>; 3] = [None, None, None];
    for (set, &ptr) in host.iter_mut().zip(&sets) {
        if ptr != 0 {
            *set = Some(mem.read_array::<u64>(ptr, words)?);
        }
    }
    let [r, w, e] = &mut host;
    let host_sets = [r, w, e].map(|s| s.as_deref_mut());
    // Blocks; nothing is locked here.
    let r = kpoll::pselect6(n as i32, host_sets, timeout.host_mut(), mask.as_ref());
    interrupted_under(cx, &r, mask)?;
    let r = r?;
    let mem = cx.mem();
    for (set, &ptr) in host.iter_mut().zip(&sets) {
        if let Some(words) = set {
            if !n.is_multiple_of(64)
                && let Some(last) = words.last_mut()
            {
                *last &= (1u64 << (n % 64)) - 1;
            }
            mem.write_array(ptr, words)?;
        }
    }
    Ok(r)
}

/// The size of the host process's fd table (FDSize in /proc/self/status).
fn host_max_fds() -> i32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix("FDSize:").and_then(|v| v.trim().parse().ok())))
        .unwrap_or(FD_SETSIZE)
}
