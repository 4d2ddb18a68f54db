//! The host side of the Pulley lowering (`src/rewrite/pulley.rs`): the
//! `wali-run` imports a rewritten module calls for its atomics once it has
//! threads, for `wait`/`notify`, and for `memory.size`/`memory.grow`, plus
//! the `threaded` flag each thread's instance imports.

use super::Errno;
use crate::host::{GuestMemory, Host, sync_memory};
use crate::kernel::{self, UserBuf};
use crate::kernel::thread::{FUTEX_WAIT, FUTEX_WAKE};
use crate::rewrite::pulley::{HostFn, Rmw, THREADED_GLOBAL};
use std::sync::atomic::Ordering;
use wasmtime::{Caller, Extern, Func, Global, GlobalType, Mutability, Store, Trap, Val, ValType};

/// The extern for `wali-run.<name>`, an import the Pulley lowering added.
pub fn import(store: &mut Store<Host>, name: &str) -> wasmtime::Result<Extern> {
    if name == THREADED_GLOBAL {
        let threaded = store.data().process.ever_threaded.load(Ordering::SeqCst);
        let g = Global::new(&mut *store, GlobalType::new(ValType::I32, Mutability::Var), Val::I32(threaded as i32))?;
        store.data_mut().threaded = Some(g);
        return Ok(g.into());
    }
    let Some(f) = HostFn::ALL.into_iter().find(|f| f.name() == name) else {
        wasmtime::bail!("module imports wali-run.{name}, which wali-run does not provide");
    };
    let store = &mut *store;
    Ok(match f {
        HostFn::Load => Func::wrap(store, |mut c: Caller<'_, Host>, addr: u32, off: u32, width: u32| -> wasmtime::Result<i64> {
            sync_memory(&mut c);
            Ok(c.data().mem(&c).atomic_load(ea(addr, off), width as u8)? as i64)
        }),
        HostFn::Store => Func::wrap(store, |mut c: Caller<'_, Host>, addr: u32, off: u32, width: u32, v: i64| -> wasmtime::Result<()> {
            sync_memory(&mut c);
            Ok(c.data().mem(&c).atomic_store(ea(addr, off), width as u8, v as u64)?)
        }),
        HostFn::Rmw => Func::wrap(store, |mut c: Caller<'_, Host>, addr: u32, off: u32, code: u32, v: i64| -> wasmtime::Result<i64> {
            sync_memory(&mut c);
            let op = Rmw::from_code(code >> 8).ok_or(Trap::UnreachableCodeReached)?;
            let v = v as u64;
            let old = c.data().mem(&c).atomic_update(ea(addr, off), code as u8, |old| {
                Some(match op {
                    Rmw::Add => old.wrapping_add(v),
                    Rmw::Sub => old.wrapping_sub(v),
                    Rmw::And => old & v,
                    Rmw::Or => old | v,
                    Rmw::Xor => old ^ v,
                    Rmw::Xchg => v,
                })
            })?;
            Ok(old as i64)
        }),
        HostFn::Cmpxchg => Func::wrap(
            store,
            |mut c: Caller<'_, Host>, addr: u32, off: u32, width: u32, expected: i64, new: i64| -> wasmtime::Result<i64> {
                sync_memory(&mut c);
                let mask = if width >= 8 { u64::MAX } else { (1u64 << (8 * width)) - 1 };
                let expected = expected as u64 & mask;
                let old = c.data().mem(&c).atomic_update(ea(addr, off), width as u8, |old| (old == expected).then_some(new as u64))?;
                Ok(old as i64)
            },
        ),
        HostFn::Wait => Func::wrap(
            store,
            |mut c: Caller<'_, Host>, addr: u32, off: u32, width: u32, expected: i64, timeout: i64| -> wasmtime::Result<i32> {
                sync_memory(&mut c);
                let a = ea(addr, off);
                let mem = c.data().mem(&c);
                // Wasm's wait: 0 woken, 1 not equal, 2 timed out. A 64-bit wait
                // compares all 8 bytes, then sleeps on the low word.
                let current = mem.atomic_load(a, width as u8)?;
                let mask = if width >= 8 { u64::MAX } else { u32::MAX as u64 };
                if current != expected as u64 & mask {
                    return Ok(1);
                }
                let word = mem.atomic_word(a)?;
                let ts = (timeout >= 0).then(|| libc::timespec { tv_sec: (timeout / 1_000_000_000) as _, tv_nsec: (timeout % 1_000_000_000) as _ });
                Ok(match kernel::thread::futex(word, FUTEX_WAIT | libc::FUTEX_PRIVATE_FLAG, current as u32, ts.as_ref(), 0, UserBuf::NULL, 0) {
                    Ok(_) => 0,
                    Err(Errno::EAGAIN) => 1,
                    Err(Errno::ETIMEDOUT) => 2,
                    // A signal: a spurious wake-up, which the guest's loop rechecks.
                    Err(_) => 0,
                })
            },
        ),
        HostFn::Notify => Func::wrap(store, |mut c: Caller<'_, Host>, addr: u32, off: u32, count: u32| -> wasmtime::Result<i32> {
            sync_memory(&mut c);
            let mem = c.data().mem(&c);
            let word = mem.atomic_word(ea(addr, off))?;
            let n = count.min(i32::MAX as u32);
            Ok(kernel::thread::futex(word, FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG, n, None, 0, UserBuf::NULL, 0).unwrap_or(0) as i32)
        }),
        HostFn::Fence => Func::wrap(store, |_c: Caller<'_, Host>| std::sync::atomic::fence(Ordering::SeqCst)),
        HostFn::MemorySize => Func::wrap(store, |mut c: Caller<'_, Host>| -> i32 {
            sync_memory(&mut c);
            (c.data().mem(&c).size() / 65536) as i32
        }),
        HostFn::MemoryGrow => Func::wrap(store, |mut c: Caller<'_, Host>, delta: u32| -> i32 {
            sync_memory(&mut c);
            memory_grow(&mut c, delta).map_or(-1, |old| old as i32)
        }),
    }
    .into())
}

/// The effective address of a Wasm memory access (no wrap-around).
fn ea(addr: u32, off: u32) -> u64 {
    u64::from(addr) + u64::from(off)
}

/// `memory.grow(delta)`: the old size in pages; for a memory shared between
/// thread stores, the growth is made once, for all of them.
fn memory_grow(c: &mut Caller<'_, Host>, delta: u32) -> Option<u64> {
    match c.data().memory.clone() {
        GuestMemory::Aliased(m, backing) => {
            let max_pages = m.ty(&*c).maximum().unwrap_or(65536).min(65536);
            let max = (max_pages * 65536).min(usize::MAX as u64) as usize;
            let old = backing.grow_by((delta as usize).checked_mul(65536)?, max)?;
            sync_memory(c);
            Some(old as u64 / 65536)
        }
        GuestMemory::Local(m) => m.grow(&mut *c, delta.into()).ok(),
        GuestMemory::Shared(m) => m.grow(delta.into()).ok(),
        GuestMemory::None => None,
    }
}
