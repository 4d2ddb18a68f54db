//! Memory mappings. The calls that change mappings at a raw address are
//! `unsafe fn`s: only the memory layer's address space calls them, on ranges
//! of the reservation it owns. The whole-process calls are safe.

use super::{Errno, cvt_unit};

/// Host page size.
pub fn page_size() -> u64 {
    static PAGE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    // SAFETY: sysconf has no memory effects.
    *PAGE.get_or_init(|| (unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as u64).max(4096))
}

/// mmap(addr, len, prot, flags | MAP_FIXED, fd, off).
///
/// # Safety
/// `[addr, addr+len)` must be memory the caller owns and no Rust reference
/// points into (it is replaced).
pub unsafe fn mmap_fixed(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> Result<(), Errno> {
    // SAFETY: the caller owns the range.
    // mmap64: a 64-bit offset on 32-bit hosts too (plain mmap's off_t is 32 bits there).
    let r = unsafe { libc::mmap64(addr.cast(), len, prot, flags | libc::MAP_FIXED, fd, off as libc::off64_t) };
    if r == libc::MAP_FAILED {
        return Err(Errno::last());
    }
    if r.cast::<u8>() != addr {
        // MAP_FIXED always maps at addr; anything else is not the kernel we know.
        eprintln!("wali-run: fatal: MAP_FIXED mapping placed at {r:p}, not {addr:p}");
        std::process::abort();
    }
    Ok(())
}

/// Reserve `len` bytes of inaccessible address space anywhere; returns its start.
pub fn reserve(len: usize) -> Result<*mut u8, Errno> {
    let flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE;
    // SAFETY: a new mapping at an address the kernel chooses touches nothing else.
    let r = unsafe { libc::mmap(std::ptr::null_mut(), len, libc::PROT_NONE, flags, -1, 0) };
    if r == libc::MAP_FAILED { Err(Errno::last()) } else { Ok(r.cast()) }
}

/// munmap a whole reservation made by [`reserve`].
///
/// # Safety
/// Nothing may use the range afterwards.
pub unsafe fn unreserve(addr: *mut u8, len: usize) {
    // SAFETY: the caller gives the range up.
    unsafe { libc::munmap(addr.cast(), len) };
}

/// mprotect(addr, len, prot)
///
/// # Safety
/// The caller owns the range; pages it makes inaccessible must not be used.
pub unsafe fn mprotect(addr: *mut u8, len: usize, prot: i32) -> Result<(), Errno> {
    // SAFETY: the caller owns the range.
    cvt_unit(unsafe { libc::mprotect(addr.cast(), len, prot) })
}

/// mremap(old, old_len, new_len, MREMAP_MAYMOVE | MREMAP_FIXED, new)
///
/// # Safety
/// The caller owns both ranges; the old one is a hole afterwards.
pub unsafe fn mremap_fixed(old: *mut u8, old_len: usize, new: *mut u8, new_len: usize) -> Result<(), Errno> {
    // SAFETY: the caller owns both ranges.
    let r = unsafe { libc::mremap(old.cast(), old_len, new_len, libc::MREMAP_MAYMOVE | libc::MREMAP_FIXED, new.cast::<libc::c_void>()) };
    if r == libc::MAP_FAILED { Err(Errno::last()) } else { Ok(()) }
}

/// madvise(addr, len, advice)
///
/// # Safety
/// The caller owns the range and allows only advice that keeps it mapped.
pub unsafe fn madvise(addr: *mut u8, len: usize, advice: i32) -> Result<(), Errno> {
    // SAFETY: the caller owns the range and filtered the advice.
    cvt_unit(unsafe { libc::madvise(addr.cast(), len, advice) })
}

/// msync(addr, len, flags)
///
/// # Safety
/// The range is memory the caller owns.
pub unsafe fn msync(addr: *mut u8, len: usize, flags: i32) -> Result<(), Errno> {
    // SAFETY: msync changes no mapping.
    cvt_unit(unsafe { libc::msync(addr.cast(), len, flags) })
}

/// mlock (`Some(0)`), mlock2(addr, len, flags) (`Some(flags)`) or munlock
/// (`None`). Plain mlock stays mlock on the host: hosts and emulators that
/// lack mlock2 (qemu-user 7.2) have it.
///
/// # Safety
/// The range is memory the caller owns.
pub unsafe fn mlock(addr: *mut u8, len: usize, lock: Option<u32>) -> Result<(), Errno> {
    // SAFETY: locking changes no mapping.
    let r = unsafe {
        match lock {
            Some(0) => libc::mlock(addr.cast(), len),
            Some(flags) => libc::syscall(libc::SYS_mlock2, addr, len, flags) as i32,
            None => libc::munlock(addr.cast(), len),
        }
    };
    cvt_unit(r)
}

/// mlockall(flags)
pub fn mlockall(flags: i32) -> Result<(), Errno> {
    // SAFETY: affects residency only.
    cvt_unit(unsafe { libc::mlockall(flags) })
}

/// munlockall()
pub fn munlockall() -> Result<(), Errno> {
    // SAFETY: affects residency only.
    cvt_unit(unsafe { libc::munlockall() })
}

/// Copy `dst.len()` bytes from this process's address `src` with the kernel
/// (`process_vm_readv` on itself): a fault (an unmapped page, a file page past
/// the end of its file) is `EFAULT`, never a signal in the runtime.
pub fn read_self(src: usize, dst: &mut [u8]) -> Result<usize, Errno> {
    let local = libc::iovec { iov_base: dst.as_mut_ptr().cast(), iov_len: dst.len() };
    let remote = libc::iovec { iov_base: src as *mut libc::c_void, iov_len: dst.len() };
    // SAFETY: the kernel writes only `dst` (borrowed) and reads `src` with fault checks.
    let r = unsafe { libc::process_vm_readv(libc::getpid(), &local, 1, &remote, 1, 0) };
    if r < 0 { Err(Errno::last()) } else { Ok(r as usize) }
}

/// Copy `src` to this process's address `dst` with the kernel
/// (`process_vm_writev` on itself); faults are `EFAULT`.
///
/// # Safety
/// `[dst, dst+len)` must be memory no Rust reference points into (guest memory).
pub unsafe fn write_self(dst: usize, src: &[u8]) -> Result<usize, Errno> {
    let local = libc::iovec { iov_base: src.as_ptr().cast_mut().cast(), iov_len: src.len() };
    let remote = libc::iovec { iov_base: dst as *mut libc::c_void, iov_len: src.len() };
    // SAFETY: the caller vouches for the destination; the kernel checks faults.
    let r = unsafe { libc::process_vm_writev(libc::getpid(), &local, 1, &remote, 1, 0) };
    if r < 0 { Err(Errno::last()) } else { Ok(r as usize) }
}
