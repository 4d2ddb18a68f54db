//! Guest linear memory: the one module that dereferences guest memory.
//!
//! Every access goes through [`Mem`], a view of the memory valid for the
//! duration of one host call. `(pointer, length)` pairs are checked against the
//! current memory size and against ranges the guest made inaccessible with
//! `munmap`/`mprotect` (those would fault in the host); failures are `EFAULT`.
//! Guest memory may be shared with other guest threads, so it is never turned
//! into Rust references: values are copied in and out with unaligned raw reads
//! and writes, and buffers handed to the kernel are raw host ranges.
//!
//! The low-level primitives that change host mappings inside the linear-memory
//! reservation (used by the mmap family) live here too.

use crate::sys::Errno;
use std::collections::BTreeMap;
use std::ffi::CString;
use std::sync::RwLock;
use std::sync::atomic::{AtomicBool, Ordering};
use wali_abi::guest::{self, Pod};

/// Longest string accepted from the guest (paths are further limited by the kernel).
pub const MAX_STRING: usize = 1 << 20;

/// A user address every Linux kernel refuses: `access_ok` fails for it, as it lies
/// in the kernel half of the address space on every supported host.
///
/// A guest buffer the kernel reads or writes in place, or a struct copied in for it,
/// that the guest cannot access (out of bounds, unmapped or protected, NULL) is
/// handed to the kernel as this address ([`Mem::kernel_buf`], [`Mem::kernel_in`]).
/// The kernel then checks the descriptor and its other arguments first and fails
/// with `EFAULT` when it gets to the buffer, in the same order as on a native
/// system, and never touches host memory outside the guest's.
pub const KERNEL_REJECTED_ADDR: *mut u8 = std::ptr::without_provenance_mut(usize::MAX & !0xfff);

/// Most iovecs the kernel takes in one call (`UIO_MAXIOV`); it refuses larger
/// counts before reading the array.
pub const UIO_MAXIOV: u32 = 1024;

/// Which accesses the host needs to make to a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// Ranges of linear memory that are not readable or not writable by the host,
/// because the guest unmapped them or changed their protection.
#[derive(Default, Debug)]
pub struct Protections {
    any: AtomicBool,
    /// start -> (end, readable, writable); non-overlapping.
    ranges: RwLock<BTreeMap<u64, (u64, bool, bool)>>,
}

impl Protections {
    /// Record the protection of `[start, end)`; fully accessible ranges are forgotten.
    pub fn set(&self, start: u64, end: u64, readable: bool, writable: bool) {
        let mut map = self.ranges.write().unwrap_or_else(|e| e.into_inner());
        // Split overlapping entries.
        let overlapping: Vec<(u64, (u64, bool, bool))> = map
            .range(..end)
            .filter(|(s, (e, _, _))| **s < end && *e > start)
            .map(|(s, v)| (*s, *v))
            .collect();
        for (s, (e, r, w)) in overlapping {
            map.remove(&s);
            if s < start {
                map.insert(s, (start, r, w));
            }
            if e > end {
                map.insert(end, (e, r, w));
            }
        }
        if !(readable && writable) {
            map.insert(start, (end, readable, writable));
        }
        self.any.store(!map.is_empty(), Ordering::Release);
    }

    /// The end of the accessible prefix of `[start, end)`: the first address in
    /// it that `access` may not touch, or `end`.
    fn accessible_until(&self, start: u64, end: u64, access: Access) -> u64 {
        if !self.any.load(Ordering::Acquire) {
            return end;
        }
        let map = self.ranges.read().unwrap_or_else(|e| e.into_inner());
        map.range(..end)
            .filter(|(s, (e, r, w))| {
                **s < end && *e > start && !match access {
                    Access::Read => *r,
                    Access::Write => *w,
                }
            })
            .map(|(s, _)| (*s).max(start))
            .min()
            .unwrap_or(end)
    }

    fn allows(&self, start: u64, end: u64, access: Access) -> bool {
        if !self.any.load(Ordering::Acquire) {
            return true;
        }
        let map = self.ranges.read().unwrap_or_else(|e| e.into_inner());
        !map.range(..end).any(|(s, (e, r, w))| {
            *s < end && *e > start && !match access {
                Access::Read => *r,
                Access::Write => *w,
            }
        })
    }
}

/// A raw host range inside guest memory, already checked.
#[derive(Debug, Clone, Copy)]
pub struct HostBuf {
    pub ptr: *mut u8,
    pub len: usize,
}

impl HostBuf {
    pub const NULL: HostBuf = HostBuf { ptr: std::ptr::null_mut(), len: 0 };
    pub fn cast<T>(self) -> *mut T {
        self.ptr.cast()
    }
}

/// A view of guest memory for one host call.
pub struct Mem<'a> {
    base: *mut u8,
    size: u64,
    prot: &'a Protections,
}

impl<'a> Mem<'a> {
    /// # Safety
    /// `base..base+size` must be the guest's linear memory, valid (mapped and
    /// never shrinking) for `'a`.
    pub unsafe fn new(base: *mut u8, size: usize, prot: &'a Protections) -> Self {
        Mem { base, size: size as u64, prot }
    }

    /// A view with no memory at all (modules that define none).
    pub fn empty(prot: &'a Protections) -> Self {
        Mem { base: std::ptr::null_mut(), size: 0, prot }
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// Host address of guest address `ptr` (no check; for mapping primitives).
    pub fn base(&self) -> *mut u8 {
        self.base
    }

    /// Check `[ptr, ptr+len)` and return its host range. Guest NULL is never
    /// a valid buffer (as natively), except for an empty range.
    pub fn buf(&self, ptr: u32, len: usize, access: Access) -> Result<HostBuf, Errno> {
        if ptr == 0 && len > 0 {
            return Err(Errno::EFAULT);
        }
        let start = ptr as u64;
        let end = start.checked_add(len as u64).ok_or(Errno::EFAULT)?;
        if end > self.size || (len > 0 && !self.prot.allows(start, end, access)) {
            return Err(Errno::EFAULT);
        }
        // SAFETY: start <= size, within the linear memory mapping.
        Ok(HostBuf { ptr: unsafe { self.base.add(start as usize) }, len })
    }

    /// Like [`Mem::buf`], but guest NULL stays host NULL.
    pub fn opt_buf(&self, ptr: u32, len: usize, access: Access) -> Result<HostBuf, Errno> {
        if ptr == 0 { Ok(HostBuf::NULL) } else { self.buf(ptr, len, access) }
    }

    /// The host range of guest buffer `[ptr, ptr+len)` for the kernel to use in
    /// place (`access` is the kernel's): [`KERNEL_REJECTED_ADDR`] (with `len`) when
    /// the guest cannot access it, as [`Mem::buf`] checks it (so also for NULL with
    /// `len > 0`).
    ///
    /// An empty range is not checked, as the kernel does not touch it; it only tells
    /// NULL from non-NULL there. So guest NULL stays host NULL, and any other address
    /// becomes a non-NULL one in the never-mapped first page, which `access_ok`
    /// accepts for zero bytes (not `base + ptr`: for an out-of-bounds `ptr` on a
    /// 32-bit host that could wrap to NULL or into the kernel half).
    pub fn kernel_buf(&self, ptr: u32, len: usize, access: Access) -> HostBuf {
        match (ptr, len) {
            (0, 0) => HostBuf::NULL,
            (_, 0) => HostBuf { ptr: std::ptr::NonNull::dangling().as_ptr(), len: 0 },
            _ => self.buf(ptr, len, access).unwrap_or(HostBuf { ptr: KERNEL_REJECTED_ADDR, len }),
        }
    }

    /// A guest struct copied in for the kernel: a pointer to `slot` holding it, or
    /// [`KERNEL_REJECTED_ADDR`] if the guest memory cannot be read (or is NULL).
    pub fn kernel_in<T: Pod>(&self, ptr: u32, slot: &mut T) -> *mut T {
        match self.read::<T>(ptr) {
            Ok(v) if ptr != 0 => {
                *slot = v;
                slot
            }
            _ => KERNEL_REJECTED_ADDR.cast(),
        }
    }

    /// The host iovec array for the guest's `[iov, iov+cnt)`, every base checked
    /// with [`Mem::kernel_buf`]; `None` (for the kernel: [`KERNEL_REJECTED_ADDR`])
    /// when `cnt` is over [`UIO_MAXIOV`] or the array cannot be read. An empty
    /// array is not read, as the kernel does not read it either.
    pub fn kernel_iovecs(&self, iov: u32, cnt: u32, access: Access) -> Option<Vec<libc::iovec>> {
        match cnt {
            0 => Some(Vec::new()),
            n if n > UIO_MAXIOV => None,
            n => {
                let guest = self.read_array::<guest::Iovec>(iov, n as usize).ok()?;
                let host = guest
                    .iter()
                    .map(|v| {
                        let b = self.kernel_buf(v.iov_base, v.iov_len as usize, access);
                        libc::iovec { iov_base: b.ptr.cast(), iov_len: b.len }
                    })
                    .collect();
                Some(host)
            }
        }
    }

    pub fn read<T: Pod>(&self, ptr: u32) -> Result<T, Errno> {
        let b = self.buf(ptr, size_of::<T>(), Access::Read)?;
        // SAFETY: checked range; T is Pod so any bytes are a valid T.
        Ok(unsafe { std::ptr::read_unaligned(b.cast::<T>()) })
    }

    pub fn write<T: Pod>(&self, ptr: u32, value: &T) -> Result<(), Errno> {
        let b = self.buf(ptr, size_of::<T>(), Access::Write)?;
        // SAFETY: checked range.
        unsafe { std::ptr::write_unaligned(b.cast::<T>(), *value) };
        Ok(())
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
        let b = self.buf(ptr, bytes, Access::Read)?;
        let mut v = Vec::with_capacity(n);
        for i in 0..n {
            // SAFETY: element i lies inside the checked range.
            v.push(unsafe { std::ptr::read_unaligned(b.cast::<T>().add(i)) });
        }
        Ok(v)
    }

    pub fn write_array<T: Pod>(&self, ptr: u32, items: &[T]) -> Result<(), Errno> {
        let b = self.buf(ptr, std::mem::size_of_val(items), Access::Write)?;
        for (i, item) in items.iter().enumerate() {
            // SAFETY: element i lies inside the checked range.
            unsafe { std::ptr::write_unaligned(b.cast::<T>().add(i), *item) };
        }
        Ok(())
    }

    pub fn read_bytes(&self, ptr: u32, len: usize) -> Result<Vec<u8>, Errno> {
        let b = self.buf(ptr, len, Access::Read)?;
        let mut v = vec![0u8; len];
        // SAFETY: checked source range; destination is a fresh Vec.
        unsafe { std::ptr::copy(b.ptr, v.as_mut_ptr(), len) };
        Ok(v)
    }

    pub fn write_bytes(&self, ptr: u32, data: &[u8]) -> Result<(), Errno> {
        let b = self.buf(ptr, data.len(), Access::Write)?;
        // SAFETY: checked destination range.
        unsafe { std::ptr::copy(data.as_ptr(), b.ptr, data.len()) };
        Ok(())
    }

    /// A NUL-terminated guest string, copied out (at most `max` bytes before the NUL).
    pub fn cstring_max(&self, ptr: u32, max: usize) -> Result<CString, Errno> {
        let start = ptr as u64;
        if ptr == 0 || start >= self.size {
            return Err(Errno::EFAULT);
        }
        let avail = (self.size - start).min(max as u64 + 1) as usize;
        // Only the bytes up to the NUL must be readable: scan the accessible
        // prefix and fail only when the string runs into an inaccessible byte.
        let readable = (self.prot.accessible_until(start, start + avail as u64, Access::Read) - start) as usize;
        if readable == 0 {
            return Err(Errno::EFAULT);
        }
        let b = self.buf(ptr, readable, Access::Read)?;
        let mut bytes = Vec::new();
        for i in 0..readable {
            // SAFETY: i < readable, inside the checked range.
            let c = unsafe { std::ptr::read_volatile(b.ptr.add(i)) };
            if c == 0 {
                return Ok(CString::new(bytes).expect("no interior NUL"));
            }
            bytes.push(c);
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

    /// End of `[addr, addr+len)` for the mapping primitives: ENOMEM when the
    /// range is not inside linear memory (as the kernel says for unmapped ranges).
    fn mapped_range_end(&self, addr: u64, len: usize) -> Result<u64, Errno> {
        let end = addr.checked_add(len as u64).ok_or(Errno::ENOMEM)?;
        if end > self.size || self.base.is_null() {
            return Err(Errno::ENOMEM);
        }
        Ok(end)
    }

    /// Replace `[addr, addr+len)` (page aligned, inside memory) with a host
    /// mapping: `fd == -1` for anonymous memory. Used by the mmap family.
    pub fn map_fixed(&self, addr: u64, len: usize, prot: i32, flags: i32, fd: i32, offset: i64) -> Result<(), Errno> {
        let end = self.mapped_range_end(addr, len)?;
        // SAFETY: the range lies inside the linear-memory reservation owned by
        // this runtime; MAP_FIXED replaces only those pages.
        let r = unsafe {
            libc::mmap(
                self.base.add(addr as usize).cast(),
                len,
                host_prot(prot),
                flags | libc::MAP_FIXED,
                fd,
                offset as libc::off_t,
            )
        };
        if r == libc::MAP_FAILED {
            return Err(Errno::last());
        }
        self.prot.set(addr, end, prot & libc::PROT_READ != 0, prot & libc::PROT_WRITE != 0);
        Ok(())
    }

    /// `mprotect` a range of linear memory (never host-executable).
    pub fn protect(&self, addr: u64, len: usize, prot: i32) -> Result<(), Errno> {
        let end = self.mapped_range_end(addr, len)?;
        // SAFETY: range inside the reservation.
        let r = unsafe { libc::mprotect(self.base.add(addr as usize).cast(), len, host_prot(prot)) };
        if r != 0 {
            return Err(Errno::last());
        }
        self.prot.set(addr, end, prot & libc::PROT_READ != 0, prot & libc::PROT_WRITE != 0);
        Ok(())
    }

    /// `msync`/`madvise`/`mlock`/`munlock` on a range of linear memory.
    pub fn range_op(&self, addr: u64, len: usize, op: RangeOp) -> Result<(), Errno> {
        self.mapped_range_end(addr, len)?;
        // SAFETY: range inside the reservation; the advice values that would
        // discard data (MADV_DONTNEED, MADV_FREE, MADV_REMOVE) only affect guest pages.
        let r = unsafe {
            let p = self.base.add(addr as usize).cast();
            match op {
                RangeOp::Msync(flags) => libc::msync(p, len, flags),
                RangeOp::Madvise(advice) => libc::madvise(p, len, advice),
                RangeOp::Mlock(flags) => libc::syscall(libc::SYS_mlock2, p, len, flags) as i32,
                RangeOp::Munlock => libc::munlock(p, len),
            }
        };
        if r != 0 { Err(Errno::last()) } else { Ok(()) }
    }

    /// Move the host mapping at `[old, old+old_len)` to `new` with size
    /// `new_len` (contents and file backing go with it). Used by mremap.
    pub fn remap(&self, old: u64, old_len: usize, new: u64, new_len: usize) -> Result<(), Errno> {
        let (old_end, new_end) = (old + old_len as u64, new + new_len as u64);
        if old_end > self.size || new_end > self.size {
            return Err(Errno::EFAULT);
        }
        // SAFETY: both ranges lie inside the linear-memory reservation.
        let r = unsafe {
            libc::mremap(
                self.base.add(old as usize).cast(),
                old_len,
                new_len,
                libc::MREMAP_MAYMOVE | libc::MREMAP_FIXED,
                self.base.add(new as usize),
            )
        };
        if r == libc::MAP_FAILED {
            return Err(Errno::last());
        }
        self.prot.set(new, new_end, true, true);
        Ok(())
    }

    /// Copy `len` bytes inside guest memory (used by mremap).
    pub fn copy_within(&self, from: u32, to: u32, len: usize) -> Result<(), Errno> {
        let src = self.buf(from, len, Access::Read)?;
        let dst = self.buf(to, len, Access::Write)?;
        // SAFETY: both ranges checked.
        unsafe { std::ptr::copy(src.ptr, dst.ptr, len) };
        Ok(())
    }
}

/// Range operations of the mmap family.
#[derive(Debug, Clone, Copy)]
pub enum RangeOp {
    Msync(i32),
    Madvise(i32),
    Mlock(u32),
    Munlock,
}

/// The host protection for guest pages: never PROT_EXEC (Wasm code does not
/// run from linear memory, and guest data must never be host code); other
/// bits go to the kernel, which rejects unknown ones with EINVAL.
fn host_prot(prot: i32) -> i32 {
    prot & !libc::PROT_EXEC
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_and_null() {
        let prot = Protections::default();
        let mut backing = vec![0u8; 64];
        let mem = unsafe { Mem::new(backing.as_mut_ptr(), backing.len(), &prot) };
        assert!(mem.buf(1, 63, Access::Read).is_ok());
        assert_eq!(mem.buf(0, 1, Access::Read).unwrap_err(), Errno::EFAULT);
        assert_eq!(mem.buf(1, 64, Access::Read).unwrap_err(), Errno::EFAULT);
        assert_eq!(mem.buf(u32::MAX, 2, Access::Read).unwrap_err(), Errno::EFAULT);
        assert!(mem.opt_buf(0, 100, Access::Write).unwrap().ptr.is_null());
        mem.write(8, &0x1122_3344u32).unwrap();
        assert_eq!(mem.read::<u32>(8).unwrap(), 0x1122_3344);
        assert_eq!(mem.read::<u64>(60).unwrap_err(), Errno::EFAULT);
    }

    #[test]
    fn strings_are_bounded() {
        let prot = Protections::default();
        let mut backing = b"\0hello\0world".to_vec();
        let mem = unsafe { Mem::new(backing.as_mut_ptr(), backing.len(), &prot) };
        assert_eq!(mem.cstring(1).unwrap().as_bytes(), b"hello");
        // NULL is never a string.
        assert_eq!(mem.cstring(0).unwrap_err(), Errno::EFAULT);
        assert!(mem.opt_cstring(0).unwrap().is_none());
        // "world" runs into the end of memory without a NUL.
        assert_eq!(mem.cstring(7).unwrap_err(), Errno::EFAULT);
        assert_eq!(mem.cstring_max(1, 3).unwrap_err(), Errno::ENAMETOOLONG);
        assert_eq!(mem.cstring(0xffff_0000).unwrap_err(), Errno::EFAULT);
    }

    #[test]
    fn protections_block_host_access() {
        let prot = Protections::default();
        let mut backing = vec![0u8; 0x4000];
        let mem = unsafe { Mem::new(backing.as_mut_ptr(), backing.len(), &prot) };
        prot.set(0x1000, 0x2000, false, false);
        prot.set(0x3000, 0x4000, true, false);
        assert_eq!(mem.buf(0xff0, 0x20, Access::Read).unwrap_err(), Errno::EFAULT);
        assert!(mem.buf(0x2000, 0x10, Access::Read).is_ok());
        assert!(mem.buf(0x3000, 0x10, Access::Read).is_ok());
        assert_eq!(mem.buf(0x3000, 0x10, Access::Write).unwrap_err(), Errno::EFAULT);
        // Re-protecting part of a range splits it.
        prot.set(0x1000, 0x1800, true, true);
        assert!(mem.buf(0x1000, 0x800, Access::Write).is_ok());
        assert_eq!(mem.buf(0x1800, 1, Access::Read).unwrap_err(), Errno::EFAULT);
        prot.set(0x0, 0x4000, true, true);
        assert!(mem.buf(1, 0x3fff, Access::Write).is_ok());
    }

    #[test]
    fn kernel_buf_rejects_inaccessible_ranges() {
        let prot = Protections::default();
        let mut backing = vec![0u8; 0x2000];
        let mem = unsafe { Mem::new(backing.as_mut_ptr(), backing.len(), &prot) };
        let ok = mem.kernel_buf(0x10, 0x20, Access::Write);
        assert_eq!((ok.ptr, ok.len), (backing.as_mut_ptr().wrapping_add(0x10), 0x20));
        assert_eq!(mem.kernel_buf(0x1ff0, 0x20, Access::Write).ptr, KERNEL_REJECTED_ADDR);
        assert_eq!(mem.kernel_buf(0xffff_fff0, 10, Access::Read).ptr, KERNEL_REJECTED_ADDR);
        let null = mem.kernel_buf(0, 10, Access::Read);
        assert_eq!((null.ptr, null.len), (KERNEL_REJECTED_ADDR, 10));
        // Empty ranges are never checked (the kernel does not touch them); NULL stays NULL.
        let empty = mem.kernel_buf(0xffff_fff0, 0, Access::Read);
        assert_ne!(empty.ptr, KERNEL_REJECTED_ADDR);
        assert!(!empty.ptr.is_null());
        assert_eq!(empty.len, 0);
        assert!(mem.kernel_buf(0, 0, Access::Write).ptr.is_null());
        prot.set(0x1000, 0x2000, true, false);
        assert_eq!(mem.kernel_buf(0x1000, 4, Access::Write).ptr, KERNEL_REJECTED_ADDR);
        assert_ne!(mem.kernel_buf(0x1000, 4, Access::Read).ptr, KERNEL_REJECTED_ADDR);
    }

    #[test]
    fn kernel_rejected_addr_is_refused_by_the_kernel() {
        let fd = unsafe { libc::open(c"/dev/zero".as_ptr(), libc::O_RDONLY) };
        assert!(fd >= 0);
        let r = unsafe { libc::read(fd, KERNEL_REJECTED_ADDR.cast(), 16) };
        assert_eq!((r, Errno::last()), (-1, Errno::EFAULT));
        // The descriptor is still checked first.
        let r = unsafe { libc::read(-1, KERNEL_REJECTED_ADDR.cast(), 16) };
        assert_eq!((r, Errno::last()), (-1, Errno::EBADF));
        unsafe { libc::close(fd) };
    }

    #[test]
    fn kernel_in_copies_readable_structs() {
        let prot = Protections::default();
        let mut backing = vec![0u8; 0x2000];
        let mem = unsafe { Mem::new(backing.as_mut_ptr(), backing.len(), &prot) };
        mem.write(0x1000, &0x1122_3344u32).unwrap();
        prot.set(0x1000, 0x2000, true, false);
        let mut slot = 0u32;
        let p = mem.kernel_in(0x1000, &mut slot);
        assert_eq!(p, &raw mut slot);
        assert_eq!(slot, 0x1122_3344);
        let mut slot = 7u32;
        for ptr in [0, 0x1ffe, 0xffff_fffe] {
            assert_eq!(mem.kernel_in(ptr, &mut slot), KERNEL_REJECTED_ADDR.cast());
        }
        assert_eq!(slot, 7);
        prot.set(0x1000, 0x2000, false, false);
        assert_eq!(mem.kernel_in(0x1000, &mut slot), KERNEL_REJECTED_ADDR.cast());
    }

    #[test]
    fn kernel_iovecs_check_count_array_and_bases() {
        let prot = Protections::default();
        let mut backing = vec![0u8; 0x1000];
        let mem = unsafe { Mem::new(backing.as_mut_ptr(), backing.len(), &prot) };
        let base = backing.as_mut_ptr() as usize;
        let iov = [
            guest::Iovec { iov_base: 0x100, iov_len: 4 },
            guest::Iovec { iov_base: 0xfff0, iov_len: 8 },
            guest::Iovec { iov_base: 0, iov_len: 0 },
        ];
        mem.write_array(0x40, &iov).unwrap();
        let host = mem.kernel_iovecs(0x40, 3, Access::Write).unwrap();
        let host: Vec<(usize, usize)> = host.iter().map(|v| (v.iov_base as usize, v.iov_len)).collect();
        assert_eq!(host, [(base + 0x100, 4), (KERNEL_REJECTED_ADDR as usize, 8), (0, 0)]);
        for (addr, cnt) in [(0x40, UIO_MAXIOV + 1), (0x40, u32::MAX), (0xff8, 2), (0, 1)] {
            assert!(mem.kernel_iovecs(addr, cnt, Access::Read).is_none());
        }
        // An empty array is not read.
        assert_eq!(mem.kernel_iovecs(0xffff_fff0, 0, Access::Read).map(|v| v.len()), Some(0));
    }

    #[test]
    fn strings_end_before_inaccessible_memory() {
        let prot = Protections::default();
        let mut backing = vec![0u8; 0x3000];
        backing[0xff0..0xff6].copy_from_slice(b"path\0x");
        backing[0x1ffc..0x2000].copy_from_slice(b"abcd");
        let mem = unsafe { Mem::new(backing.as_mut_ptr(), backing.len(), &prot) };
        prot.set(0x2000, 0x3000, false, false);
        // The NUL comes before the inaccessible page: fine.
        assert_eq!(mem.cstring(0xff0).unwrap().as_bytes(), b"path");
        // The string runs into it: EFAULT, even when that is past `max`.
        assert_eq!(mem.cstring(0x1ffc).unwrap_err(), Errno::EFAULT);
        assert_eq!(mem.cstring_max(0x1ffc, 4).unwrap_err(), Errno::EFAULT);
        assert_eq!(mem.cstring_max(0x1ffc, 2).unwrap_err(), Errno::ENAMETOOLONG);
        assert_eq!(mem.cstring(0x2000).unwrap_err(), Errno::EFAULT);
    }
}

