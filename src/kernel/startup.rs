//! The runtime's own host calls at startup and around `execve`: resource
//! limits, the process name, the auxiliary vector, dumpability, memfds.

use super::{Errno, cvt_fd, cvt_unit};
use std::ffi::CStr;
use std::os::fd::{FromRawFd, OwnedFd};

/// getrlimit(resource): (soft, hard), `libc::RLIM_INFINITY` as is.
pub fn getrlimit(resource: libc::__rlimit_resource_t) -> Result<(libc::rlim_t, libc::rlim_t), Errno> {
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit writes only the local struct.
    cvt_unit(unsafe { libc::getrlimit(resource, &mut lim) })?;
    Ok((lim.rlim_cur, lim.rlim_max))
}

/// setrlimit(resource, {soft, hard})
pub fn setrlimit(resource: libc::__rlimit_resource_t, cur: libc::rlim_t, max: libc::rlim_t) -> Result<(), Errno> {
    let lim = libc::rlimit { rlim_cur: cur, rlim_max: max };
    // SAFETY: setrlimit reads only the local struct.
    cvt_unit(unsafe { libc::setrlimit(resource, &lim) })
}

/// prctl(PR_SET_NAME, name): the kernel copies at most 16 bytes.
pub fn set_name(name: &CStr) -> Result<(), Errno> {
    // SAFETY: PR_SET_NAME reads a NUL-terminated string.
    cvt_unit(unsafe { libc::prctl(libc::PR_SET_NAME, name.as_ptr()) })
}

/// prctl(PR_SET_DUMPABLE, 0): other processes of the user (a forked guest
/// among them) can no longer open this one's `/proc/<pid>/mem` or ptrace it,
/// and no core dump holds the runtime's memory.
pub fn set_not_dumpable() -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0 as libc::c_ulong) })
}

/// signal(sig, SIG_DFL)
pub fn default_signal(sig: i32) {
    // SAFETY: setting a default disposition runs no code of ours.
    unsafe { libc::signal(sig, libc::SIG_DFL) };
}

/// fcntl(fd, F_SETFD, FD_CLOEXEC)
pub fn set_cloexec(fd: i32) -> Result<(), Errno> {
    // SAFETY: sets a flag on a descriptor; no memory arguments.
    cvt_unit(unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) })
}

/// The file the kernel was asked to execute (`AT_EXECFN`), if known.
pub fn exec_fn() -> Option<&'static CStr> {
    // SAFETY: getauxval returns the address of a NUL-terminated string on the
    // initial stack (or 0), valid for the life of the process.
    let p = unsafe { libc::getauxval(libc::AT_EXECFN) } as *const libc::c_char;
    // SAFETY: as above; never freed.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) })
}

/// memfd_create(name, flags): a new anonymous file.
pub fn memfd(name: &CStr, flags: u32) -> Result<OwnedFd, Errno> {
    // SAFETY: name is a valid C string.
    let fd = cvt_fd(unsafe { libc::memfd_create(name.as_ptr(), flags) })?;
    // SAFETY: a fresh descriptor nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}
