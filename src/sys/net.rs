//! Sockets.
use super::{Cx, Errno, SysResult};

pub fn socket(_cx: &mut Cx<'_, '_>, _domain: i32, _ty: i32, _protocol: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn socketpair(_cx: &mut Cx<'_, '_>, _domain: i32, _ty: i32, _protocol: i32, _sv: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn bind(_cx: &mut Cx<'_, '_>, _fd: i32, _addr: u32, _len: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn connect(_cx: &mut Cx<'_, '_>, _fd: i32, _addr: u32, _len: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn listen(_cx: &mut Cx<'_, '_>, _fd: i32, _backlog: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn accept(_cx: &mut Cx<'_, '_>, _fd: i32, _addr: u32, _len: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn accept4(_cx: &mut Cx<'_, '_>, _fd: i32, _addr: u32, _len: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn getsockname(_cx: &mut Cx<'_, '_>, _fd: i32, _addr: u32, _len: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn getpeername(_cx: &mut Cx<'_, '_>, _fd: i32, _addr: u32, _len: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn sendto(_cx: &mut Cx<'_, '_>, _fd: i32, _buf: u32, _len: u32, _flags: i32, _addr: u32, _addrlen: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn recvfrom(_cx: &mut Cx<'_, '_>, _fd: i32, _buf: u32, _len: u32, _flags: i32, _addr: u32, _addrlen: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn sendmsg(_cx: &mut Cx<'_, '_>, _fd: i32, _msg: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn recvmsg(_cx: &mut Cx<'_, '_>, _fd: i32, _msg: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn shutdown(_cx: &mut Cx<'_, '_>, _fd: i32, _how: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn setsockopt(_cx: &mut Cx<'_, '_>, _fd: i32, _level: i32, _name: i32, _val: u32, _len: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn getsockopt(_cx: &mut Cx<'_, '_>, _fd: i32, _level: i32, _name: i32, _val: u32, _len: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}
