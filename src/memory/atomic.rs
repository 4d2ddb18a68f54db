//! Atomic accesses to linear memory for engines without the threads proposal
//! (Pulley): the host side of the atomics the rewriting pass lowers, done
//! with the host's sequentially consistent atomics on the memory every guest
//! thread's store shares.
//!
//! Every access is checked as Wasm checks atomics: inside the memory's size,
//! naturally aligned. Unlike the runtime's copies for system calls, it does
//! not take the address space's lock (these are the guest's lock fast paths,
//! from every thread): the whole reservation is always mapped, so a page the
//! guest made inaccessible faults exactly as the interpreter's own plain
//! access to it does, and as the same access does natively (SIGSEGV, or
//! SIGBUS past the end of a mapped file).

use super::Mem;
use std::sync::atomic::{AtomicU8, AtomicU16, AtomicU32, AtomicU64, Ordering::SeqCst};
use wasmtime::Trap;

impl Mem<'_> {
    /// The host address of the `width`-byte atomic at guest address `ea`,
    /// checked as Wasm checks atomics (bounds, then natural alignment) and
    /// against the guest's own page protections.
    fn atomic_check(&self, ea: u64, width: u8) -> Result<*mut u8, Trap> {
        let w = u64::from(width);
        let end = ea.checked_add(w).ok_or(Trap::MemoryOutOfBounds)?;
        if end > self.size || self.base.is_null() {
            return Err(Trap::MemoryOutOfBounds);
        }
        if !matches!(width, 1 | 2 | 4 | 8) || ea % w != 0 {
            return Err(Trap::HeapMisaligned);
        }
        Ok(self.base.wrapping_add(ea as usize))
    }

    /// Atomically read `width` bytes at `ea` (zero-extended).
    pub fn atomic_load(&self, ea: u64, width: u8) -> Result<u64, Trap> {
        let p = self.atomic_check(ea, width)?;
        // SAFETY: `p` is a checked, naturally aligned address inside linear
        // memory, whose reservation stays mapped for the view's lifetime (a
        // page the guest made inaccessible faults as natively, see above);
        // the host only ever accesses guest memory through atomics or raw
        // copies.
        Ok(unsafe {
            match width {
                1 => AtomicU8::from_ptr(p).load(SeqCst) as u64,
                2 => AtomicU16::from_ptr(p.cast()).load(SeqCst) as u64,
                4 => AtomicU32::from_ptr(p.cast()).load(SeqCst) as u64,
                _ => AtomicU64::from_ptr(p.cast()).load(SeqCst),
            }
        })
    }

    /// Atomically write the low `width` bytes of `v` at `ea`.
    pub fn atomic_store(&self, ea: u64, width: u8, v: u64) -> Result<(), Trap> {
        let p = self.atomic_check(ea, width)?;
        // SAFETY: as in `atomic_load`.
        unsafe {
            match width {
                1 => AtomicU8::from_ptr(p).store(v as u8, SeqCst),
                2 => AtomicU16::from_ptr(p.cast()).store(v as u16, SeqCst),
                4 => AtomicU32::from_ptr(p.cast()).store(v as u32, SeqCst),
                _ => AtomicU64::from_ptr(p.cast()).store(v, SeqCst),
            }
        }
        Ok(())
    }

    /// Atomically replace the `width`-byte value `old` at `ea` with `f(old)`
    /// (truncated to the width), unless `f` returns `None`; returns `old`.
    pub fn atomic_update(&self, ea: u64, width: u8, mut f: impl FnMut(u64) -> Option<u64>) -> Result<u64, Trap> {
        let p = self.atomic_check(ea, width)?;
        // SAFETY: as in `atomic_load`.
        let old = unsafe {
            match width {
                1 => AtomicU8::from_ptr(p).fetch_update(SeqCst, SeqCst, |o| f(o.into()).map(|n| n as u8)).unwrap_or_else(|o| o) as u64,
                2 => AtomicU16::from_ptr(p.cast()).fetch_update(SeqCst, SeqCst, |o| f(o.into()).map(|n| n as u16)).unwrap_or_else(|o| o) as u64,
                4 => AtomicU32::from_ptr(p.cast()).fetch_update(SeqCst, SeqCst, |o| f(o.into()).map(|n| n as u32)).unwrap_or_else(|o| o) as u64,
                _ => AtomicU64::from_ptr(p.cast()).fetch_update(SeqCst, SeqCst, &mut f).unwrap_or_else(|o| o),
            }
        };
        Ok(old)
    }

    /// The futex word for a Wasm `wait`/`notify` at `ea` (4-byte aligned,
    /// inside memory).
    pub fn atomic_word(&self, ea: u64) -> Result<super::UserBuf<'_>, Trap> {
        let p = self.atomic_check(ea, 4)?;
        // SAFETY: a checked word of linear memory, which stays mapped for the
        // view's lifetime (the kernel fails with EFAULT if it is unmapped).
        Ok(unsafe { super::UserBuf::from_raw(p, 4) })
    }
}
