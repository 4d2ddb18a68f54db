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
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
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

thread_local! {
    /// A backing the next memory created on this thread is to alias.
    static ALIAS: std::cell::RefCell<Option<Arc<Backing>>> = const { std::cell::RefCell::new(None) };
    /// The backing of the last memory created on this thread.
    static CREATED: std::cell::RefCell<Option<Arc<Backing>>> = const { std::cell::RefCell::new(None) };
    /// Most bytes a memory created on this thread may reserve (`--max-memory`).
    static CAP: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Run `create` (which instantiates a module that defines a memory) and
/// return what it returned with the backing of the memory it created, which
/// reserves at most `cap` bytes. With `alias`, the memory created is a view of
/// that backing instead of a new one: how every guest thread's instance gets
/// the same linear memory on engines without shared memories (Pulley).
pub fn create_with<R>(alias: Option<&Arc<Backing>>, cap: Option<usize>, create: impl FnOnce() -> R) -> (R, Option<Arc<Backing>>) {
    ALIAS.with(|a| *a.borrow_mut() = alias.cloned());
    CREATED.with(|c| *c.borrow_mut() = None);
    CAP.with(|c| c.set(cap));
    let r = create();
    ALIAS.with(|a| *a.borrow_mut() = None);
    CAP.with(|c| c.set(None));
    (r, CREATED.with(|c| c.borrow_mut().take()))
}

// SAFETY: every memory returned keeps its base for its whole life, maps its
// full reservation plus the guard region (placeholders until grown), and is
// unmapped only when the last view of it is dropped.
unsafe impl MemoryCreator for Reservations {
    fn new_memory(
        &self,
        _ty: MemoryType,
        minimum: usize,
        maximum: Option<usize>,
        reserved_size_in_bytes: Option<usize>,
        guard_size_in_bytes: usize,
    ) -> Result<Box<dyn LinearMemory>, String> {
        if let Some(backing) = ALIAS.with(|a| a.borrow_mut().take()) {
            let size = backing.size();
            if minimum > size {
                return Err(format!("memory of {minimum} bytes is larger than the shared memory ({size} bytes)"));
            }
            CREATED.with(|c| *c.borrow_mut() = Some(backing.clone()));
            return Ok(Box::new(Reservation { backing, size }));
        }
        let page = mm::page_size() as usize;
        // wasmtime passes the engine's `memory_reservation`, 0 on 32-bit hosts
        // (bounds-checked memories): reserve what the memory may grow to.
        let capacity = match reserved_size_in_bytes {
            Some(r) if r > 0 => r,
            _ if cfg!(target_pointer_width = "32") => maximum.unwrap_or(usize::MAX).min(DEFAULT_RESERVATION_32),
            _ => maximum.unwrap_or(u32::MAX as usize),
        }
        .min(CAP.with(|c| c.get()).unwrap_or(usize::MAX))
        .div_ceil(page)
            * page;
        if minimum > capacity {
            return Err(format!("memory of {minimum} bytes does not fit a reservation of {capacity} bytes"));
        }
        let total = capacity.checked_add(guard_size_in_bytes).ok_or("reservation too large")?;
        let base = mm::reserve(total).map_err(|e| format!("cannot reserve {total} bytes for linear memory: {e}"))?;
        let backing = Arc::new(Backing { base, capacity, total, grow: Mutex::new(()), size: AtomicUsize::new(0) });
        let mut memory = Reservation { backing: backing.clone(), size: 0 };
        memory.grow_to(minimum).map_err(|e| format!("{e}"))?;
        CREATED.with(|c| *c.borrow_mut() = Some(backing));
        Ok(Box::new(memory))
    }
}

/// One reservation: `[base, base+capacity)` reserved, the first `size` bytes
/// accessible, a guard after the capacity. Views of it ([`Reservation`]) are
/// the memories of one or more stores.
#[derive(Debug)]
pub struct Backing {
    base: *mut u8,
    capacity: usize,
    total: usize,
    /// Growth is serialised by the mutex; `size` is also readable without it
    /// (every host call of every thread reads it).
    grow: Mutex<()>,
    size: AtomicUsize,
}

// SAFETY: the reservation is plain process memory, usable from any thread;
// its size changes under the mutex.
unsafe impl Send for Backing {}
// SAFETY: as above.
unsafe impl Sync for Backing {}

impl Backing {
    /// Bytes accessible (grown) so far, for every view.
    #[inline]
    pub fn size(&self) -> usize {
        self.size.load(Ordering::Acquire)
    }

    /// Make at least `new_size` bytes accessible; returns the size after.
    fn grow_to(&self, new_size: usize) -> wasmtime::Result<usize> {
        let _g = self.grow.lock().unwrap_or_else(|e| e.into_inner());
        self.grow_locked(new_size)?;
        Ok(self.size())
    }

    /// `memory.grow` for every view at once: add `delta` bytes to the shared
    /// size, at most `max` bytes in all; returns the old size.
    pub fn grow_by(&self, delta: usize, max: usize) -> Option<usize> {
        let _g = self.grow.lock().unwrap_or_else(|e| e.into_inner());
        let old = self.size();
        let new = old.checked_add(delta).filter(|n| *n <= max)?;
        self.grow_locked(new).ok()?;
        Some(old)
    }

    /// Grow to `new_size`; the caller holds `grow`.
    fn grow_locked(&self, new_size: usize) -> wasmtime::Result<()> {
        let size = self.size();
        if new_size > self.capacity {
            wasmtime::bail!("linear memory cannot grow past its reservation of {} bytes", self.capacity);
        }
        if new_size > size {
            let page = mm::page_size() as usize;
            let from = size.div_ceil(page) * page;
            let to = new_size.div_ceil(page) * page;
            if to > from {
                // SAFETY: [from, to) is inside this reservation, above the
                // accessible part: placeholders nothing else uses.
                unsafe { mm::mprotect(self.base.add(from), to - from, libc::PROT_READ | libc::PROT_WRITE) }
                    .map_err(|e| wasmtime::format_err!("cannot grow linear memory: {e}"))?;
            }
            // Published after the pages are accessible.
            self.size.store(new_size, Ordering::Release);
        }
        Ok(())
    }
}

impl Drop for Backing {
    fn drop(&mut self) {
        // SAFETY: the last view is gone: wasmtime no longer uses the memory.
        unsafe { mm::unreserve(self.base, self.total) };
    }
}

/// One store's view of a [`Backing`]: what its Wasm code may access is the
/// first `size` bytes, caught up with the backing at each host call.
struct Reservation {
    backing: Arc<Backing>,
    size: usize,
}

// SAFETY: growth never moves the backing's base, and `byte_capacity` bytes are
// reserved.
unsafe impl LinearMemory for Reservation {
    fn byte_size(&self) -> usize {
        self.size
    }

    fn byte_capacity(&self) -> usize {
        self.backing.capacity
    }

    fn grow_to(&mut self, new_size: usize) -> wasmtime::Result<()> {
        // Pages another view already grew are accessible: only catch up.
        if new_size > self.backing.size() {
            self.backing.grow_to(new_size)?;
        }
        self.size = self.size.max(new_size);
        Ok(())
    }

    fn as_ptr(&self) -> *mut u8 {
        self.backing.base
    }
}
