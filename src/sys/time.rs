//! Clocks and sleeping.
use super::{Cx, Errno, SysResult};

pub fn clock_gettime(_cx: &mut Cx<'_, '_>, _clockid: i32, _tp: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn clock_getres(_cx: &mut Cx<'_, '_>, _clockid: i32, _res: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn clock_nanosleep(_cx: &mut Cx<'_, '_>, _clockid: i32, _flags: i32, _req: u32, _rem: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn nanosleep(_cx: &mut Cx<'_, '_>, _req: u32, _rem: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn gettimeofday(_cx: &mut Cx<'_, '_>, _tv: u32, _tz: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}
