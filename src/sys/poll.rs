//! Waiting for events: poll, select, epoll, timerfd.
use super::{Cx, Errno, SysResult};

pub fn poll(_cx: &mut Cx<'_, '_>, _fds: u32, _nfds: u64, _timeout: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn ppoll(_cx: &mut Cx<'_, '_>, _fds: u32, _nfds: u64, _tmo: u32, _sigmask: u32, _sigsetsize: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn select(_cx: &mut Cx<'_, '_>, _nfds: i32, _r: u32, _w: u32, _e: u32, _timeout: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn pselect6(_cx: &mut Cx<'_, '_>, _nfds: i32, _r: u32, _w: u32, _e: u32, _timeout: u32, _sig: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn epoll_create(_cx: &mut Cx<'_, '_>, _size: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn epoll_create1(_cx: &mut Cx<'_, '_>, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn epoll_ctl(_cx: &mut Cx<'_, '_>, _epfd: i32, _op: i32, _fd: i32, _event: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn epoll_wait(_cx: &mut Cx<'_, '_>, _epfd: i32, _events: u32, _maxevents: i32, _timeout: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn epoll_pwait(_cx: &mut Cx<'_, '_>, _epfd: i32, _events: u32, _maxevents: i32, _timeout: i32, _sigmask: u32, _sigsetsize: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn timerfd_create(_cx: &mut Cx<'_, '_>, _clockid: i32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn timerfd_settime(_cx: &mut Cx<'_, '_>, _fd: i32, _flags: i32, _new: u32, _old: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn timerfd_gettime(_cx: &mut Cx<'_, '_>, _fd: i32, _cur: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}
