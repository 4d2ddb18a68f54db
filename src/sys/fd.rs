//! File-descriptor calls: dup, fcntl, ioctl, pipes, eventfd.
use super::{Cx, Errno, SysResult};

pub fn dup(_cx: &mut Cx<'_, '_>, _fd: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn dup2(_cx: &mut Cx<'_, '_>, _oldfd: i32, _newfd: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn dup3(_cx: &mut Cx<'_, '_>, _oldfd: i32, _newfd: i32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fcntl(_cx: &mut Cx<'_, '_>, _fd: i32, _cmd: i32, _arg: u64) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn ioctl(_cx: &mut Cx<'_, '_>, _fd: i32, _request: u32, _arg: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn pipe(_cx: &mut Cx<'_, '_>, _fds: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn pipe2(_cx: &mut Cx<'_, '_>, _fds: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn eventfd(_cx: &mut Cx<'_, '_>, _initval: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn eventfd2(_cx: &mut Cx<'_, '_>, _initval: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}
