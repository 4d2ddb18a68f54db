//! The kernel layer: one safe, typed function per host system call, in the
//! shape of rustix (per-host details, such as `fstat64` on 32-bit hosts, live
//! inside the wrapper). The syscall handlers in `src/sys/` call these and
//! contain no `unsafe` code of their own.
//!
//! Memory the kernel reads or writes in place is passed as a [`UserBuf`]:
//! either host memory the runtime owns (a Rust slice, borrowed for the call) or
//! a range of guest linear memory that only the memory layer
//! ([`crate::memory::Mem`]) can create, already checked and borrowed from the
//! memory view it came from, or [`UserBuf::rejected`], an address every Linux
//! kernel refuses, so the kernel checks its other arguments first and then
//! fails with `EFAULT` as on a native system. Structs passed by pointer are
//! host values ([`In`], [`Out`]), copied in and out of guest memory by the
//! memory layer.
//!
//! Every wrapper returns `Result<_, Errno>`; errors are the host errno.

pub mod fd;
pub mod fs;
pub mod mm;
pub mod net;
pub mod poll;
pub mod process;
pub mod signal;
pub mod spawn;
pub mod startup;
pub mod thread;
pub mod time;

use std::marker::PhantomData;
pub use wali_abi::Errno;

/// A user address every Linux kernel refuses: `access_ok` fails for it, as it lies
/// in the kernel half of the address space on every supported host.
pub const KERNEL_REJECTED_ADDR: *mut u8 = std::ptr::without_provenance_mut(usize::MAX & !0xfff);

/// Most iovecs the kernel takes in one call (`UIO_MAXIOV`); it refuses larger
/// counts before reading the array.
pub const UIO_MAXIOV: u32 = 1024;

/// A buffer the kernel reads or writes in place during one call.
///
/// Safe code can only make one from host memory it borrows mutably
/// ([`UserBuf::host_mut`]: the kernel may write any buffer it is given) or a
/// rejected address; guest ranges come from the memory layer, which checked
/// them.
#[derive(Debug, Clone, Copy)]
pub struct UserBuf<'a> {
    ptr: *mut u8,
    len: usize,
    _borrow: PhantomData<&'a mut [u8]>,
}

impl<'a> UserBuf<'a> {
    /// NULL with length 0 (an absent buffer).
    pub const NULL: UserBuf<'static> = UserBuf { ptr: std::ptr::null_mut(), len: 0, _borrow: PhantomData };

    /// A range the kernel may access for the duration of `'a`.
    ///
    /// # Safety
    /// `[ptr, ptr+len)` must be memory of this process that stays mapped for
    /// `'a` and that no Rust reference aliases while the kernel writes it (guest
    /// linear memory, which is only accessed through raw copies), or a
    /// kernel-rejected address, or NULL/dangling with `len == 0`.
    pub unsafe fn from_raw(ptr: *mut u8, len: usize) -> Self {
        UserBuf { ptr, len, _borrow: PhantomData }
    }

    /// An address of `len` bytes the kernel refuses with `EFAULT`.
    pub fn rejected(len: usize) -> UserBuf<'static> {
        UserBuf { ptr: KERNEL_REJECTED_ADDR, len, _borrow: PhantomData }
    }

    /// Host memory the kernel may write.
    pub fn host_mut(s: &'a mut [u8]) -> Self {
        UserBuf { ptr: s.as_mut_ptr(), len: s.len(), _borrow: PhantomData }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn is_null(&self) -> bool {
        self.ptr.is_null()
    }

    pub fn is_rejected(&self) -> bool {
        self.ptr == KERNEL_REJECTED_ADDR
    }

    /// The address, for the kernel (and for tests comparing addresses).
    pub fn addr(&self) -> usize {
        self.ptr as usize
    }

    pub(crate) fn ptr(&self) -> *mut u8 {
        self.ptr
    }

    /// The same range viewed as a `T` for the kernel (`len` must cover it).
    pub(crate) fn cast<T>(&self) -> *mut T {
        self.ptr.cast()
    }
}

/// An iovec array for the kernel, every base a [`UserBuf`]; or a rejected
/// array (count out of range, array unreadable), which the kernel refuses
/// after checking the descriptor.
#[derive(Debug)]
pub struct UserIovecs<'a> {
    iov: Option<Iovecs>,
    cnt: libc::c_int,
    _borrow: PhantomData<UserBuf<'a>>,
}

/// Arrays of up to this many iovecs (what servers pass: a header and a body)
/// stay on the stack: the I/O hot path does not allocate.
const INLINE_IOVECS: usize = 8;

#[derive(Debug)]
enum Iovecs {
    Inline([libc::iovec; INLINE_IOVECS], usize),
    Heap(Vec<libc::iovec>),
}

impl<'a> UserIovecs<'a> {
    pub fn new(bufs: impl IntoIterator<Item = UserBuf<'a>>) -> Self {
        let empty = libc::iovec { iov_base: std::ptr::null_mut(), iov_len: 0 };
        let mut iov = Iovecs::Inline([empty; INLINE_IOVECS], 0);
        for b in bufs {
            let v = libc::iovec { iov_base: b.ptr.cast(), iov_len: b.len };
            match &mut iov {
                Iovecs::Inline(a, n) if *n < INLINE_IOVECS => {
                    a[*n] = v;
                    *n += 1;
                }
                Iovecs::Inline(a, _) => {
                    let mut heap = a.to_vec();
                    heap.push(v);
                    iov = Iovecs::Heap(heap);
                }
                Iovecs::Heap(heap) => heap.push(v),
            }
        }
        let cnt = match &iov {
            Iovecs::Inline(_, n) => *n,
            Iovecs::Heap(v) => v.len(),
        } as libc::c_int;
        UserIovecs { iov: Some(iov), cnt, _borrow: PhantomData }
    }

    /// An array the kernel refuses; `cnt` is passed as the guest gave it, so the
    /// kernel reports `EINVAL` for a bad count and `EFAULT` otherwise.
    pub fn rejected(cnt: i32) -> Self {
        UserIovecs { iov: None, cnt, _borrow: PhantomData }
    }

    pub(crate) fn ptr(&self) -> *const libc::iovec {
        match &self.iov {
            None => KERNEL_REJECTED_ADDR.cast(),
            Some(Iovecs::Inline(a, _)) => a.as_ptr(),
            Some(Iovecs::Heap(v)) => v.as_ptr(),
        }
    }

    pub(crate) fn cnt(&self) -> libc::c_int {
        self.cnt
    }
}

/// A struct argument the kernel reads: absent (NULL), a host value, or a
/// guest pointer that could not be read (the kernel fails with `EFAULT` when
/// it gets to it).
#[derive(Debug, Clone, Copy)]
pub enum In<'a, T> {
    Null,
    Val(&'a T),
    Fault,
}

impl<T> In<'_, T> {
    pub(crate) fn ptr(&self) -> *const T {
        match self {
            In::Null => std::ptr::null(),
            In::Val(v) => *v,
            In::Fault => KERNEL_REJECTED_ADDR.cast(),
        }
    }
}

/// A struct the kernel writes: absent (NULL), a host slot, or a guest pointer
/// that cannot be written (`EFAULT` from the kernel).
#[derive(Debug)]
pub enum Out<'a, T> {
    Null,
    Val(&'a mut T),
    Fault,
}

impl<T> Out<'_, T> {
    pub(crate) fn ptr(&mut self) -> *mut T {
        match self {
            Out::Null => std::ptr::null_mut(),
            Out::Val(v) => *v,
            Out::Fault => KERNEL_REJECTED_ADDR.cast(),
        }
    }
}

/// `-1` + errno → `Err`.
#[inline]
pub(crate) fn cvt<T: Copy + Into<i64>>(r: T) -> Result<T, Errno> {
    if r.into() == -1 { Err(Errno::last()) } else { Ok(r) }
}

/// The result of `libc::syscall` (a `c_long`) as an `i64`.
#[inline]
pub(crate) fn cvt_long(r: libc::c_long) -> Result<i64, Errno> {
    if r == -1 { Err(Errno::last()) } else { Ok(r as i64) }
}

/// A `ssize_t` result as a byte count.
#[inline]
pub(crate) fn cvt_size(r: libc::ssize_t) -> Result<usize, Errno> {
    if r < 0 { Err(Errno::last()) } else { Ok(r as usize) }
}

/// A returned descriptor.
#[inline]
pub(crate) fn cvt_fd(r: libc::c_int) -> Result<i32, Errno> {
    if r < 0 { Err(Errno::last()) } else { Ok(r) }
}

/// A plain `0`/`-1` result.
#[inline]
pub(crate) fn cvt_unit(r: libc::c_int) -> Result<(), Errno> {
    if r == -1 { Err(Errno::last()) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_rejected_addr_is_refused_by_the_kernel() {
        let fd = fs::open(c"/dev/zero", libc::O_RDONLY | libc::O_CLOEXEC, 0).unwrap();
        assert_eq!(fs::read(fd, UserBuf::rejected(16)), Err(Errno::EFAULT));
        // The descriptor is still checked first.
        assert_eq!(fs::read(-1, UserBuf::rejected(16)), Err(Errno::EBADF));
        let mut b = [1u8; 4];
        assert_eq!(fs::read(fd, UserBuf::host_mut(&mut b)), Ok(4));
        assert_eq!(b, [0; 4]);
        fd::close(fd).unwrap();
    }
}
