//! Guest linear memory: the one layer that dereferences guest memory.
//!
//! * [`space`]: the address space (reservation invariant, page allocator,
//!   map/protect/remap/advise, the guest's memory rlimits);
//! * [`linear`]: the reservation lent to wasmtime for plain (non-shared)
//!   memories, which never moves;
//! * [`Mem`]: a view of the memory for one host call. `(pointer, length)` pairs
//!   are checked against the current size and against the ranges the guest made
//!   inaccessible (`-EFAULT`), NULL stays NULL, strings are bounded. Guest
//!   memory may be shared with other guest threads and with the kernel, so it is
//!   never turned into Rust references: values are copied in and out with raw
//!   copies, under the address space's read lock (so no other thread unmaps the
//!   range meanwhile), and copies that touch a file-backed mapping go through
//!   the kernel, so a page past the end of a truncated file is `EFAULT` rather
//!   than a `SIGBUS` in the runtime. Buffers the kernel uses in place are
//!   [`UserBuf`]s only this layer can make from guest addresses.

mod atomic;
pub mod linear;
pub mod space;

pub use crate::kernel::{In, KERNEL_REJECTED_ADDR, Out, UIO_MAXIOV, UserBuf, UserIovecs};
pub use space::{AddressSpace, Region};
use std::ffi::CString;
use wali_abi::Errno;
use wali_abi::guest::{self, Pod};
use wasmtime::{Memory, SharedMemory, StoreContext};

/// Longest string accepted from the guest (paths are further limited by the kernel).
pub const MAX_STRING: usize = 1 << 20;

/// Which accesses the host needs to make to a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// The guest's linear memory, owned by the host.
#[derive(Clone)]
pub enum GuestMemory {
    None,
    Shared(SharedMemory),
    Local(Memory),
    /// This store's view of a memory every guest thread's store shares, on
    /// engines without shared memories (Pulley): its size catches up with
    /// the others' growth at each host call ([`GuestMemory::sync`]).
    Aliased(Memory, std::sync::Arc<linear::Backing>),
}

impl GuestMemory {
    /// A view of this memory, valid while `store` is borrowed.
    pub fn view<'a, T: 'static>(&'a self, space: &'a AddressSpace, store: impl Into<StoreContext<'a, T>>) -> Mem<'a> {
        match self {
            GuestMemory::None => Mem { space, base: std::ptr::null_mut(), size: 0 },
            GuestMemory::Shared(m) => {
                let data = m.data();
                // A shared memory never moves or shrinks; the slice covers its
                // current size.
                Mem { space, base: data.as_ptr() as *mut u8, size: data.len() as u64 }
            }
            GuestMemory::Local(m) | GuestMemory::Aliased(m, _) => {
                let store = store.into();
                // The memory belongs to this store, borrowed for 'a; its base
                // never moves ([`linear`]) and it only grows through the store.
                Mem { space, base: m.data_ptr(&store), size: m.data_size(&store) as u64 }
            }
        }
    }
}

impl GuestMemory {
    /// How far (the memory, in Wasm pages) this store's view lags behind
    /// growth by other threads' stores; see [`crate::host::sync_memory`].
    #[inline]
    pub fn lag(&self, store: impl wasmtime::AsContext) -> Option<(Memory, u64)> {
        match self {
            GuestMemory::Aliased(m, backing) => {
                let (have, want) = (m.data_size(&store), backing.size());
                (want > have).then(|| (*m, ((want - have) / 65536) as u64))
            }
            _ => None,
        }
    }
}

/// A view of guest memory for one host call.
#[derive(Clone, Copy)]
pub struct Mem<'a> {
    space: &'a AddressSpace,
    base: *mut u8,
    size: u64,
}

impl<'a> Mem<'a> {
    /// A view of `[base, base+size)`.
    ///
    /// # Safety
    /// The range must be memory that stays mapped for `'a` and that no Rust
    /// reference aliases (e.g. a test's `Vec`, kept alive and untouched).
    pub unsafe fn from_raw(space: &'a AddressSpace, base: *mut u8, size: usize) -> Self {
        Mem { space, base, size: size as u64 }
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The host range of linear memory, for the address space's calls.
    pub fn region(&self) -> Region {
        Region { base: self.base, size: self.size }
    }

    /// The checked host address of `[ptr, ptr+len)` (guest NULL is never a
    /// valid buffer, except for an empty range); the caller holds the lock.
    fn check(&self, st: &space::State, ptr: u32, len: usize, access: Access) -> Result<*mut u8, Errno> {
        if ptr == 0 && len > 0 {
            return Err(Errno::EFAULT);
        }
        let start = ptr as u64;
        let end = start.checked_add(len as u64).ok_or(Errno::EFAULT)?;
        if end > self.size || self.base.is_null() && len > 0 {
            return Err(Errno::EFAULT);
        }
        if len > 0 && st.accessible_until(start, end, access == Access::Write) < end {
            return Err(Errno::EFAULT);
        }
        Ok(self.base.wrapping_add(start as usize))
    }

    /// Check `[ptr, ptr+len)` for the kernel to use in place. Guest NULL is
    /// never a valid buffer (as natively), except for an empty range.
    pub fn buf(&self, ptr: u32, len: usize, access: Access) -> Result<UserBuf<'a>, Errno> {
        let p = self.check(&self.space.read(), ptr, len, access)?;
        // SAFETY: a checked range of linear memory, which stays mapped for 'a
        // and is only ever accessed through raw copies; the kernel fails with
        // EFAULT if another thread unmaps it meanwhile.
        Ok(unsafe { UserBuf::from_raw(p, len) })
    }

    /// Like [`Mem::buf`], but guest NULL stays host NULL.
    pub fn opt_buf(&self, ptr: u32, len: usize, access: Access) -> Result<UserBuf<'a>, Errno> {
        if ptr == 0 { Ok(UserBuf::NULL) } else { self.buf(ptr, len, access) }
    }

    /// The buffer for the kernel to use guest `[ptr, ptr+len)` in place
    /// (`access` is the kernel's): [`UserBuf::rejected`] when the guest cannot
    /// access it (so also for NULL with `len > 0`), and the kernel fails with
    /// `EFAULT` after checking its other arguments, as natively.
    ///
    /// An empty range is not checked, as the kernel does not touch it; it only
    /// tells NULL from non-NULL there. Guest NULL stays host NULL, any other
    /// address becomes a non-NULL one in the never-mapped first page, which
    /// `access_ok` accepts for zero bytes.
    pub fn kernel_buf(&self, ptr: u32, len: usize, access: Access) -> UserBuf<'a> {
        match (ptr, len) {
            (0, 0) => UserBuf::NULL,
            // SAFETY: zero bytes at a dangling non-NULL address: nothing is accessed.
            (_, 0) => unsafe { UserBuf::from_raw(std::ptr::NonNull::dangling().as_ptr(), 0) },
            _ => self.buf(ptr, len, access).unwrap_or(UserBuf::rejected(len)),
        }
    }

    /// A guest struct copied in for the kernel: `slot` holding it, NULL for guest
    /// NULL, or a fault (the kernel says EFAULT) when it cannot be read.
    pub fn kernel_in<'s, T: Pod>(&self, ptr: u32, slot: &'s mut T) -> In<'s, T> {
        if ptr == 0 {
            return In::Null;
        }
        match self.read::<T>(ptr) {
            Ok(v) => {
                *slot = v;
                In::Val(slot)
            }
            Err(_) => In::Fault,
        }
    }

    /// The iovec array for the guest's `[iov, iov+cnt)`, every base checked
    /// with [`Mem::kernel_buf`]; rejected (the kernel says EINVAL or EFAULT)
    /// when `cnt` is negative or over [`UIO_MAXIOV`] or the array cannot be
    /// read. An empty array is not read, as the kernel does not read it either.
    pub fn kernel_iovecs(&self, iov: u32, cnt: i32, access: Access) -> UserIovecs<'a> {
        match u32::try_from(cnt) {
            Ok(0) => UserIovecs::new([]),
            Ok(n) if n <= UIO_MAXIOV => match self.read_array::<guest::Iovec>(iov, n as usize) {
                // A bad buffer faults whatever its length, so its length is not
                // passed on: a 32-bit host's kernel would see a guest length
                // over 2 GiB as a negative ssize_t and say EINVAL, not EFAULT.
                Ok(guest) => UserIovecs::new(guest.iter().map(|v| match self.kernel_buf(v.iov_base, v.iov_len as usize, access) {
                    b if b.is_rejected() => UserBuf::rejected(1),
                    b => b,
                })),
                Err(_) => UserIovecs::rejected(cnt),
            },
            _ => UserIovecs::rejected(cnt),
        }
    }

    /// Copy guest `[ptr, ptr+dst.len())` into `dst`.
    pub fn read_into(&self, ptr: u32, dst: &mut [u8]) -> Result<(), Errno> {
        let st = self.space.read();
        let p = self.check(&st, ptr, dst.len(), Access::Read)?;
        if dst.is_empty() {
            return Ok(());
        }
        if st.is_file(ptr as u64, ptr as u64 + dst.len() as u64) {
            return match crate::kernel::mm::read_self(p as usize, dst) {
                Ok(n) if n == dst.len() => Ok(()),
                _ => Err(Errno::EFAULT),
            };
        }
        // SAFETY: a checked, accessible, anonymous range of linear memory that
        // stays mapped while the read lock is held; raw bytes, no reference.
        unsafe { std::ptr::copy(p, dst.as_mut_ptr(), dst.len()) };
        Ok(())
    }

    /// Copy `src` to guest `[ptr, ptr+src.len())`.
    pub fn write_from(&self, ptr: u32, src: &[u8]) -> Result<(), Errno> {
        let st = self.space.read();
        let p = self.check(&st, ptr, src.len(), Access::Write)?;
        if src.is_empty() {
            return Ok(());
        }
        if st.is_file(ptr as u64, ptr as u64 + src.len() as u64) {
            // SAFETY: guest memory, never aliased by a Rust reference.
            return match unsafe { crate::kernel::mm::write_self(p as usize, src) } {
                Ok(n) if n == src.len() => Ok(()),
                _ => Err(Errno::EFAULT),
            };
        }
        // SAFETY: as in read_into, for writing.
        unsafe { std::ptr::copy(src.as_ptr(), p, src.len()) };
        Ok(())
    }

    pub fn read<T: Pod>(&self, ptr: u32) -> Result<T, Errno> {
        let mut v = T::zeroed();
        self.read_into(ptr, v.as_bytes_mut())?;
        Ok(v)
    }

    pub fn write<T: Pod>(&self, ptr: u32, value: &T) -> Result<(), Errno> {
        self.write_from(ptr, value.as_bytes())
    }

    /// Read an optional struct: `None` for NULL.
    pub fn read_opt<T: Pod>(&self, ptr: u32) -> Result<Option<T>, Errno> {
        if ptr == 0 { Ok(None) } else { self.read(ptr).map(Some) }
    }

    /// Write an optional struct: nothing for NULL.
    pub fn write_opt<T: Pod>(&self, ptr: u32, value: &T) -> Result<(), Errno> {
        if ptr == 0 { Ok(()) } else { self.write(ptr, value) }
    }

    pub fn read_array<T: Pod>(&self, ptr: u32, n: usize) -> Result<Vec<T>, Errno> {
        let bytes = n.checked_mul(size_of::<T>()).ok_or(Errno::EFAULT)?;
        if bytes as u64 > self.size {
            return Err(Errno::EFAULT);
        }
        let mut v = vec![T::zeroed(); n];
        self.read_into(ptr, T::slice_as_bytes_mut(&mut v))?;
        Ok(v)
    }

    pub fn write_array<T: Pod>(&self, ptr: u32, items: &[T]) -> Result<(), Errno> {
        self.write_from(ptr, T::slice_as_bytes(items))
    }

    pub fn read_bytes(&self, ptr: u32, len: usize) -> Result<Vec<u8>, Errno> {
        if len as u64 > self.size {
            return Err(Errno::EFAULT);
        }
        let mut v = vec![0u8; len];
        self.read_into(ptr, &mut v)?;
        Ok(v)
    }

    pub fn write_bytes(&self, ptr: u32, data: &[u8]) -> Result<(), Errno> {
        self.write_from(ptr, data)
    }

    /// A NUL-terminated guest string, copied out (at most `max` bytes before the NUL).
    pub fn cstring_max(&self, ptr: u32, max: usize) -> Result<CString, Errno> {
        let start = ptr as u64;
        if ptr == 0 || start >= self.size {
            return Err(Errno::EFAULT);
        }
        let avail = (self.size - start).min(max as u64 + 1) as usize;
        let st = self.space.read();
        // Only the bytes up to the NUL must be readable: scan the accessible
        // prefix and fail only when the string runs into an inaccessible byte.
        let readable = (st.accessible_until(start, start + avail as u64, false) - start) as usize;
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 256];
        let file = st.is_file(start, start + readable as u64);
        let mut off = 0;
        while off < readable {
            let n = chunk.len().min(readable - off);
            let p = self.base.wrapping_add(start as usize + off);
            if file {
                if crate::kernel::mm::read_self(p as usize, &mut chunk[..n]) != Ok(n) {
                    return Err(Errno::EFAULT);
                }
            } else {
                // SAFETY: inside the checked accessible prefix, anonymous
                // memory that stays mapped while the lock is held.
                unsafe { std::ptr::copy(p, chunk.as_mut_ptr(), n) };
            }
            if let Some(i) = chunk[..n].iter().position(|&c| c == 0) {
                bytes.extend_from_slice(&chunk[..i]);
                return Ok(CString::new(bytes).expect("no interior NUL"));
            }
            bytes.extend_from_slice(&chunk[..n]);
            off += n;
        }
        Err(if readable == avail && avail > max { Errno::ENAMETOOLONG } else { Errno::EFAULT })
    }

    /// A path or other string argument.
    pub fn cstring(&self, ptr: u32) -> Result<CString, Errno> {
        self.cstring_max(ptr, MAX_STRING)
    }

    /// Optional string: `None` for NULL.
    pub fn opt_cstring(&self, ptr: u32) -> Result<Option<CString>, Errno> {
        if ptr == 0 { Ok(None) } else { self.cstring(ptr).map(Some) }
    }
}

#[cfg(test)]
mod tests;
