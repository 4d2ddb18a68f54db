//! Files, directories and links.
use super::{Cx, Errno, SysResult};

pub fn read(_cx: &mut Cx<'_, '_>, _fd: i32, _buf: u32, _count: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn write(_cx: &mut Cx<'_, '_>, _fd: i32, _buf: u32, _count: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn open(_cx: &mut Cx<'_, '_>, _path: u32, _flags: i32, _mode: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn openat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _flags: i32, _mode: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn close(_cx: &mut Cx<'_, '_>, _fd: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn stat(_cx: &mut Cx<'_, '_>, _path: u32, _buf: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fstat(_cx: &mut Cx<'_, '_>, _fd: i32, _buf: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn lstat(_cx: &mut Cx<'_, '_>, _path: u32, _buf: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn newfstatat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _buf: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn statx(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _flags: i32, _mask: u32, _buf: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn lseek(_cx: &mut Cx<'_, '_>, _fd: i32, _offset: i64, _whence: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn pread64(_cx: &mut Cx<'_, '_>, _fd: i32, _buf: u32, _count: u32, _offset: i64) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn pwrite64(_cx: &mut Cx<'_, '_>, _fd: i32, _buf: u32, _count: u32, _offset: i64) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn readv(_cx: &mut Cx<'_, '_>, _fd: i32, _iov: u32, _iovcnt: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn writev(_cx: &mut Cx<'_, '_>, _fd: i32, _iov: u32, _iovcnt: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn preadv(_cx: &mut Cx<'_, '_>, _fd: i32, _iov: u32, _iovcnt: i32, _pos_l: u64, _pos_h: u64) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn access(_cx: &mut Cx<'_, '_>, _path: u32, _mode: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn faccessat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _mode: i32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn faccessat2(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _mode: i32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn ftruncate(_cx: &mut Cx<'_, '_>, _fd: i32, _length: i64) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn truncate(_cx: &mut Cx<'_, '_>, _path: u32, _length: i64) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fsync(_cx: &mut Cx<'_, '_>, _fd: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fdatasync(_cx: &mut Cx<'_, '_>, _fd: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fadvise(_cx: &mut Cx<'_, '_>, _fd: i32, _offset: i64, _len: i64, _advice: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn getcwd(_cx: &mut Cx<'_, '_>, _buf: u32, _size: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn chdir(_cx: &mut Cx<'_, '_>, _path: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fchdir(_cx: &mut Cx<'_, '_>, _fd: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn chroot(_cx: &mut Cx<'_, '_>, _path: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn rename(_cx: &mut Cx<'_, '_>, _old: u32, _new: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn renameat2(_cx: &mut Cx<'_, '_>, _olddirfd: i32, _old: u32, _newdirfd: i32, _new: u32, _flags: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn mkdir(_cx: &mut Cx<'_, '_>, _path: u32, _mode: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn mkdirat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _mode: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn rmdir(_cx: &mut Cx<'_, '_>, _path: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn unlink(_cx: &mut Cx<'_, '_>, _path: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn unlinkat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn link(_cx: &mut Cx<'_, '_>, _old: u32, _new: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn linkat(_cx: &mut Cx<'_, '_>, _olddirfd: i32, _old: u32, _newdirfd: i32, _new: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn symlink(_cx: &mut Cx<'_, '_>, _target: u32, _linkpath: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn symlinkat(_cx: &mut Cx<'_, '_>, _target: u32, _newdirfd: i32, _linkpath: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn readlink(_cx: &mut Cx<'_, '_>, _path: u32, _buf: u32, _size: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn readlinkat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _buf: u32, _size: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn chmod(_cx: &mut Cx<'_, '_>, _path: u32, _mode: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fchmod(_cx: &mut Cx<'_, '_>, _fd: i32, _mode: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fchmodat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _mode: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn chown(_cx: &mut Cx<'_, '_>, _path: u32, _uid: u32, _gid: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fchown(_cx: &mut Cx<'_, '_>, _fd: i32, _uid: u32, _gid: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fchownat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _uid: u32, _gid: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn umask(_cx: &mut Cx<'_, '_>, _mask: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn utimensat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _times: u32, _flags: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn utimes(_cx: &mut Cx<'_, '_>, _path: u32, _times: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn futimesat(_cx: &mut Cx<'_, '_>, _dirfd: i32, _path: u32, _times: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn getdents64(_cx: &mut Cx<'_, '_>, _fd: i32, _dirp: u32, _count: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn statfs(_cx: &mut Cx<'_, '_>, _path: u32, _buf: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn fstatfs(_cx: &mut Cx<'_, '_>, _fd: i32, _buf: u32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}

pub fn flock(_cx: &mut Cx<'_, '_>, _fd: i32, _op: i32) -> SysResult {
    Err(Errno::ENOSYS.into()) // PLACEHOLDER
}
