//! The reservation behind plain (non-shared) linear memories, lent to
//! wasmtime through its host-memory hook (`Config::with_host_memory`).
//!
//! The whole reservation is mapped up front as an inaccessible placeholder and
//! growth only makes pages accessible, so the base never moves on any host.
//! wasmtime's own memories on a host without a large reservation (32-bit ARM:
//! `memory_reservation(0)`) grow by allocating a new memory and copying, which
//! would drop the guest's file mappings and read its `PROT_NONE` pages.
//! Shared memories are wasmtime's (it has no hook for them); on 64-bit hosts
//! they are a static reservation that never moves either.
//!
//! wasmtime applies the hook only to memories that instances define, not to
//! `Memory::new`, so the guest's plain memory comes from instantiating a
//! one-memory module ([`memory_module`]) in the guest's store.

use crate::kernel::mm;
use wasmtime::{LinearMemory, MemoryCreator, MemoryType};

/// A module that defines and exports (as `memory`) just a plain memory of
/// `min` pages, at most `max`: instantiated in the guest's store, its memory
/// is one of [`Reservations`] (see [`crate::run`]).
pub fn memory_module(min: u32, max: Option<u32>) -> Vec<u8> {
    let mut module = wasm_encoder::Module::new();
    let mut memories = wasm_encoder::MemorySection::new();
    memories.memory(wasm_encoder::MemoryType { minimum: min.into(), maximum: max.map(u64::from), memory64: false, shared: false, page_size_log2: None });
    module.section(&memories);
    let mut exports = wasm_encoder::ExportSection::new();
    exports.export("memory", wasm_encoder::ExportKind::Memory, 0);
    module.section(&exports);
    module.finish()
}

/// Reservation for a memory with no maximum when wasmtime asks for none
/// (32-bit hosts): as much as a 32-bit host can spare.
const DEFAULT_RESERVATION_32: usize = 1 << 30;

/// The memory creator wali-run installs in its engine.
#[derive(Debug, Default)]
pub struct Reservations;

// SAFETY: every memory returned keeps its base for its whole life, maps its
// full reservation plus the guard region (placeholders until grown), and is
// unmapped only when wasmtime drops it.
unsafe impl MemoryCreator for Reservations {
    fn new_memory(
        &self,
        _ty: MemoryType,
        minimum: usize,
        maximum: Option<usize>,
        reserved_size_in_bytes: Option<usize>,
        guard_size_in_bytes: usize,
    ) -> Result<Box<dyn LinearMemory>, String> {
        let page = mm::page_size() as usize;
        // wasmtime passes the engine's `memory_reservation`, 0 on 32-bit hosts
        // (bounds-checked memories): reserve what the memory may grow to.
        let capacity = match reserved_size_in_bytes {
            Some(r) if r > 0 => r,
            _ if cfg!(target_pointer_width = "32") => maximum.unwrap_or(usize::MAX).min(DEFAULT_RESERVATION_32),
            _ => maximum.unwrap_or(u32::MAX as usize),
        }
        .div_ceil(page)
            * page;
        if minimum > capacity {
            return Err(format!("memory of {minimum} bytes does not fit a reservation of {capacity} bytes"));
        }
        let total = capacity.checked_add(guard_size_in_bytes).ok_or("reservation too large")?;
        let base = mm::reserve(total).map_err(|e| format!("cannot reserve {total} bytes for linear memory: {e}"))?;
        let mut memory = Reservation { base, capacity, size: 0, total };
        memory.grow_to(minimum).map_err(|e| format!("{e}"))?;
        Ok(Box::new(memory))
    }
}

/// One linear memory: `[base, base+capacity)` reserved, `[base, base+size)`
/// accessible, a guard after the capacity.
struct Reservation {
    base: *mut u8,
    capacity: usize,
    size: usize,
    total: usize,
}

// SAFETY: the reservation is plain process memory, usable from any thread.
unsafe impl Send for Reservation {}
// SAFETY: as above; wasmtime serialises growth through the store.
unsafe impl Sync for Reservation {}

// SAFETY: growth never moves `base`, and `byte_capacity` bytes are reserved.
unsafe impl LinearMemory for Reservation {
    fn byte_size(&self) -> usize {
        self.size
    }

    fn byte_capacity(&self) -> usize {
        self.capacity
    }

    fn grow_to(&mut self, new_size: usize) -> wasmtime::Result<()> {
        if new_size > self.capacity {
            wasmtime::bail!("linear memory cannot grow past its reservation of {} bytes", self.capacity);
        }
        if new_size > self.size {
            let page = mm::page_size() as usize;
            let from = self.size.div_ceil(page) * page;
            let to = new_size.div_ceil(page) * page;
            if to > from {
                // SAFETY: [from, to) is inside this reservation, above the
                // accessible part: placeholders nothing else uses.
                unsafe { mm::mprotect(self.base.add(from), to - from, libc::PROT_READ | libc::PROT_WRITE) }
                    .map_err(|e| wasmtime::format_err!("cannot grow linear memory: {e}"))?;
            }
            self.size = new_size;
        }
        Ok(())
    }

    fn as_ptr(&self) -> *mut u8 {
        self.base
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        // SAFETY: wasmtime drops the memory when no instance uses it any more.
        unsafe { mm::unreserve(self.base, self.total) };
    }
}
