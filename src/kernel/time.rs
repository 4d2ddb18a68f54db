//! Clocks and sleeping.

use super::{Errno, cvt_long, cvt_unit};
use wali_abi::convert;

/// The kernel's `struct __kernel_timespec`: two 64-bit fields on every host
/// (what the time64 calls take on 32-bit hosts), so values such as
/// `UTIME_NOW`/`UTIME_OMIT` pass unchanged and the kernel validates them.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KernelTimespec {
    pub tv_sec: i64,
    pub tv_nsec: i64,
}

fn zero_timespec() -> libc::timespec {
    // SAFETY: timespec is plain integers (plus padding on some hosts).
    unsafe { std::mem::zeroed() }
}

/// clock_gettime(2)
pub fn clock_gettime(clockid: i32) -> Result<libc::timespec, Errno> {
    let mut ts = zero_timespec();
    // SAFETY: writes only the local struct.
    cvt_unit(unsafe { libc::clock_gettime(clockid, &mut ts) })?;
    Ok(ts)
}

/// clock_getres(2)
pub fn clock_getres(clockid: i32) -> Result<libc::timespec, Errno> {
    let mut ts = zero_timespec();
    // SAFETY: writes only the local struct.
    cvt_unit(unsafe { libc::clock_getres(clockid, &mut ts) })?;
    Ok(ts)
}

/// clock_nanosleep(2), the kernel call (not glibc's wrapper, so that errors
/// are the kernel's, e.g. `EOPNOTSUPP` for `CLOCK_THREAD_CPUTIME_ID`; the
/// time64 call on 32-bit hosts). Blocks. On failure, the errno and the time
/// left as the kernel reported it (meaningful for `EINTR` of a relative sleep).
pub fn clock_nanosleep(clockid: i32, flags: i32, req: &libc::timespec) -> Result<(), (Errno, libc::timespec)> {
    let mut left = zero_timespec();
    // SAFETY: the kernel reads `req` and writes only the local `left`.
    let r = unsafe {
        libc::syscall(convert::HOST_SYS_CLOCK_NANOSLEEP, clockid as libc::c_long, flags as libc::c_long, req, &mut left)
    };
    cvt_long(r).map(drop).map_err(|e| (e, left))
}

/// nanosleep(2). Blocks. On failure, the errno and the time left.
pub fn nanosleep(req: &libc::timespec) -> Result<(), (Errno, libc::timespec)> {
    let mut left = zero_timespec();
    // SAFETY: reads `req`, writes only the local `left`.
    cvt_unit(unsafe { libc::nanosleep(req, &mut left) }).map_err(|e| (e, left))
}

/// gettimeofday(2): the wall-clock time.
pub fn gettimeofday() -> Result<libc::timeval, Errno> {
    // SAFETY: timeval is plain integers.
    let mut now: libc::timeval = unsafe { std::mem::zeroed() };
    // SAFETY: writes only the local struct.
    cvt_unit(unsafe { libc::gettimeofday(&mut now, std::ptr::null_mut()) })?;
    Ok(now)
}

/// The kernel's timezone, `(tz_minuteswest, tz_dsttime)`, from the raw
/// gettimeofday call (`struct timezone` is `{int, int}` on every host; glibc's
/// wrapper does not report it).
pub fn timezone() -> Result<(i32, i32), Errno> {
    let mut zone = [0i32; 2];
    // SAFETY: the kernel writes only the local `{int, int}`; tv is NULL.
    let r = unsafe { libc::syscall(libc::SYS_gettimeofday, std::ptr::null_mut::<libc::timeval>(), zone.as_mut_ptr()) };
    cvt_long(r)?;
    Ok((zone[0], zone[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleeping_reports_kernel_errors() {
        let mut bad = zero_timespec();
        bad.tv_nsec = 1_000_000_000;
        assert_eq!(nanosleep(&bad).map_err(|e| e.0), Err(Errno::EINVAL));
        assert_eq!(clock_nanosleep(libc::CLOCK_MONOTONIC, 0, &bad).map_err(|e| e.0), Err(Errno::EINVAL));
        assert_eq!(clock_getres(-1000).map(drop), Err(Errno::EINVAL));
        let zero = zero_timespec();
        assert_eq!(clock_nanosleep(libc::CLOCK_MONOTONIC, 0, &zero).map_err(|e| e.0), Ok(()));
        assert!(clock_gettime(libc::CLOCK_REALTIME).is_ok());
        assert!(gettimeofday().is_ok());
        assert!(timezone().is_ok());
    }
}
