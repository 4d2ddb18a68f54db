//! Processes: fork, execve, wait4, waitid.

use super::{Cx, Errno, SysResult};

pub fn fork(_cx: &mut Cx<'_, '_>) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn vfork(_cx: &mut Cx<'_, '_>) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn execve(_cx: &mut Cx<'_, '_>, _path: u32, _argv: u32, _envp: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn wait4(_cx: &mut Cx<'_, '_>, _pid: i32, _status: u32, _options: i32, _rusage: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn waitid(_cx: &mut Cx<'_, '_>, _idtype: i32, _id: i32, _info: u32, _options: i32, _rusage: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}
