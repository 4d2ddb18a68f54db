//! [`Errno`]: a Linux error number, the one error type of every layer below the
//! syscall handlers (the kernel wrappers, the memory layer) and of the handlers
//! themselves. Linux uses the same numbers on every supported host (x86_64,
//! aarch64, 32-bit ARM) and in the guest ABI, so host values pass unchanged.

use std::fmt;

/// A Linux errno value (positive).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Errno(pub i32);

macro_rules! errnos {
    ($($name:ident),*) => { impl Errno { $(pub const $name: Errno = Errno(libc::$name);)* } };
}
errnos!(
    EPERM, ENOENT, ESRCH, EINTR, EIO, EBADF, EAGAIN, ENOMEM, EACCES, EFAULT, EBUSY, EEXIST,
    ENOTDIR, EISDIR, EINVAL, EMFILE, ENOTTY, ENOSPC, ESPIPE, ERANGE, ENAMETOOLONG, ENOSYS,
    EOVERFLOW, ENOTSOCK, EOPNOTSUPP, EAFNOSUPPORT, ENODEV, ECHILD, EXDEV, ETIMEDOUT
);

impl Errno {
    /// The calling thread's current host errno.
    #[inline]
    pub fn last() -> Errno {
        Errno(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO))
    }

    /// The symbolic name (`"EFAULT"`).
    pub fn name(self) -> &'static str {
        crate::convert::errno_name(self.0)
    }
}

impl fmt::Debug for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::error::Error for Errno {}

impl From<std::io::Error> for Errno {
    fn from(e: std::io::Error) -> Self {
        Errno(e.raw_os_error().unwrap_or(libc::EIO))
    }
}
