//! Clocks and sleeping.
//!
//! Guest `timespec`/`timeval` are `{i64, i64}`; they go through the wali_abi
//! conversions because 32-bit ARM hosts have a 32-bit `time_t`.

use super::{Cx, Errno, SysResult};
use crate::kernel;
use wali_abi::{convert, guest};

/// A guest timeout (or sleep length) as a host `timespec`. A `tv_sec` too large
/// for the host `time_t` (32-bit hosts only) saturates, as the kernel's own
/// timeout arithmetic does; the host kernel still rejects negative values and a
/// bad `tv_nsec` with `EINVAL`.
pub(super) fn timeout_to_host(t: &guest::Timespec) -> Result<libc::timespec, Errno> {
    match convert::timespec_to_host(t) {
        Ok(h) => Ok(h),
        Err(libc::EOVERFLOW) if t.tv_sec > 0 => {
            #[allow(clippy::useless_conversion)] // time_t is i32 on 32-bit hosts
            let max = guest::Timespec { tv_sec: i64::from(libc::time_t::MAX), tv_nsec: t.tv_nsec };
            convert::timespec_to_host(&max).map_err(Errno)
        }
        Err(libc::EOVERFLOW) => Err(Errno::EINVAL),
        Err(e) => Err(Errno(e)),
    }
}

/// clock_gettime(clockid, tp): read clock `clockid` into `*tp`.
pub fn clock_gettime(cx: &mut Cx<'_, '_>, clockid: i32, tp: u32) -> SysResult {
    let ts = kernel::time::clock_gettime(clockid)?;
    cx.mem().write(tp, &convert::timespec_from_host(&ts))?;
    Ok(0)
}

/// clock_getres(clockid, res): the resolution of a clock; `res` may be NULL.
pub fn clock_getres(cx: &mut Cx<'_, '_>, clockid: i32, res: u32) -> SysResult {
    let ts = kernel::time::clock_getres(clockid)?;
    cx.mem().write_opt(res, &convert::timespec_from_host(&ts))?;
    Ok(0)
}

/// clock_nanosleep(clockid, flags, request, remain): sleep for (or, with
/// TIMER_ABSTIME, until) `*request`; the time left goes to `*remain` when a
/// relative sleep is interrupted.
pub fn clock_nanosleep(cx: &mut Cx<'_, '_>, clockid: i32, flags: i32, req: u32, rem: u32) -> SysResult {
    let req = match cx.mem().read::<guest::Timespec>(req) {
        Ok(t) => timeout_to_host(&t)?,
        // The kernel rejects an unknown clock before reading the request.
        Err(e) => {
            kernel::time::clock_getres(clockid)?;
            return Err(e.into());
        }
    };
    // Blocks; nothing is locked here.
    match kernel::time::clock_nanosleep(clockid, flags, &req) {
        Ok(()) => Ok(0),
        Err((e, left)) => {
            if e == Errno::EINTR && flags & libc::TIMER_ABSTIME == 0 {
                cx.mem().write_opt(rem, &convert::timespec_from_host(&left))?;
            }
            Err(e.into())
        }
    }
}

/// nanosleep(req, rem): sleep for `*req`; the time left goes to `*rem` when interrupted.
pub fn nanosleep(cx: &mut Cx<'_, '_>, req: u32, rem: u32) -> SysResult {
    let req = timeout_to_host(&cx.mem().read::<guest::Timespec>(req)?)?;
    // Blocks; nothing is locked here.
    match kernel::time::nanosleep(&req) {
        Ok(()) => Ok(0),
        Err((e, left)) => {
            if e == Errno::EINTR {
                cx.mem().write_opt(rem, &convert::timespec_from_host(&left))?;
            }
            Err(e.into())
        }
    }
}

/// gettimeofday(tv, tz): wall-clock time and the kernel's timezone; both may be NULL.
pub fn gettimeofday(cx: &mut Cx<'_, '_>, tv: u32, tz: u32) -> SysResult {
    let mem = cx.mem();
    if tv != 0 {
        let now = kernel::time::gettimeofday()?;
        mem.write(tv, &convert::timeval_from_host(&now))?;
    }
    if tz != 0 {
        let (tz_minuteswest, tz_dsttime) = kernel::time::timezone()?;
        mem.write(tz, &guest::Timezone { tz_minuteswest, tz_dsttime })?;
    }
    Ok(0)
}
