//! Signals: actions, masks, delivery-related calls, timers that signal, signalfd.

use super::{Cx, Errno, SysResult};

pub fn rt_sigaction(_cx: &mut Cx<'_, '_>, _sig: i32, _act: u32, _oldact: u32, _sigsetsize: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn rt_sigprocmask(_cx: &mut Cx<'_, '_>, _how: i32, _set: u32, _oldset: u32, _sigsetsize: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn rt_sigpending(_cx: &mut Cx<'_, '_>, _set: u32, _sigsetsize: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn rt_sigsuspend(_cx: &mut Cx<'_, '_>, _mask: u32, _sigsetsize: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn rt_sigtimedwait(_cx: &mut Cx<'_, '_>, _set: u32, _info: u32, _timeout: u32, _sigsetsize: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn rt_sigreturn(_cx: &mut Cx<'_, '_>, _unused: i64) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn sigaltstack(_cx: &mut Cx<'_, '_>, _ss: u32, _old: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn kill(_cx: &mut Cx<'_, '_>, _pid: i32, _sig: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn tkill(_cx: &mut Cx<'_, '_>, _tid: i32, _sig: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn tgkill(_cx: &mut Cx<'_, '_>, _tgid: i32, _tid: i32, _sig: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn pause(_cx: &mut Cx<'_, '_>) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn alarm(_cx: &mut Cx<'_, '_>, _seconds: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn setitimer(_cx: &mut Cx<'_, '_>, _which: i32, _new: u32, _old: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn getitimer(_cx: &mut Cx<'_, '_>, _which: i32, _cur: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn signalfd(_cx: &mut Cx<'_, '_>, _fd: i32, _mask: u32, _sigsetsize: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn signalfd4(_cx: &mut Cx<'_, '_>, _fd: i32, _mask: u32, _sigsetsize: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}
