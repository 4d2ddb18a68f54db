//! Instantiating and running a guest, and turning the outcome into an exit status.

use crate::host::{GuestMemory, Host, Process};
use crate::memory::linear::{self, Backing};
use crate::rewrite::{MEMORY_EXPORT, RUNTIME_MODULE, SHARED_MEMORY_EXPORT, START_EXPORT, TABLE0_EXPORT};
use crate::sys::{self, GuestExit, ThreadExit};
use wasmtime::error::Context;
use wasmtime::Result;
use std::sync::Arc;
use wasmtime::{Engine, Extern, Instance, MemoryType, Module, SharedMemory, Store, Trap};

/// Limits applied when creating the guest's memory.
#[derive(Debug, Clone, Default)]
pub struct Limits {
    /// Cap on linear memory, in bytes.
    pub max_memory: Option<u64>,
}

/// Exit statuses for traps, mirroring the signal a native program would die
/// of (status 128 + signal number, as a shell reports it).
pub mod status {
    /// Out-of-bounds memory access, stack overflow, null call: SIGSEGV.
    pub const SEGV: i32 = 128 + 11;
    /// `unreachable`, `__builtin_trap()`: SIGILL.
    pub const ILL: i32 = 128 + 4;
    /// Integer division by zero or overflow: SIGFPE.
    pub const FPE: i32 = 128 + 8;
    /// Any other stop of the guest (bad indirect call signature, the runtime
    /// refusing to continue, e.g. a legacy longjmp): SIGABRT.
    pub const ABRT: i32 = 128 + 6;
}

/// What the guest's memory import needs (engines with shared memories; a
/// Pulley-lowered module defines its memory, see [`instantiate_in`]).
fn create_memory(engine: &Engine, store: &mut Store<Host>, ty: &MemoryType, limits: &Limits) -> Result<GuestMemory> {
    let page = 65536u64;
    let cap = limits.max_memory.map(|b| (b / page).max(ty.minimum()));
    let max = match (ty.maximum(), cap) {
        (Some(m), Some(c)) => Some(m.min(c)),
        (None, Some(c)) => Some(c),
        (m, None) => m,
    };
    if ty.is_shared() {
        let max = max.context("shared memory without a maximum")?;
        let m = SharedMemory::new(engine, MemoryType::shared(ty.minimum() as u32, max as u32))
            .context("cannot create the guest's shared memory (try a smaller --max-memory)")?;
        Ok(GuestMemory::Shared(m))
    } else {
        // Defined by an instance, so that it is one of the engine's host
        // memories (a reservation that never moves, src/memory/linear.rs).
        let wasm = crate::memory::linear::memory_module(ty.minimum() as u32, max.map(|m| m as u32));
        let module = crate::engine::compile_module(engine, &wasm).context("compiling the guest's memory")?;
        let m = Instance::new(&mut *store, &module, &[])
            .ok()
            .and_then(|i| i.get_memory(&mut *store, "memory"))
            .context("cannot create the guest's memory")?;
        Ok(GuestMemory::Local(m))
    }
}

/// Create the guest's memory and instance (running its start function).
pub fn instantiate(engine: &Engine, module: &Module, process: Process, limits: &Limits) -> Result<(Store<Host>, Instance)> {
    let process = Arc::new(process);
    let mut store = new_store(engine, Host::new(process.clone(), GuestMemory::None, Some(module.clone())));

    let mut memory = None;
    for import in module.imports().filter(|i| i.module() == RUNTIME_MODULE) {
        let Some(ty) = import.ty().memory().cloned() else { continue };
        if memory.is_some() {
            wasmtime::bail!("modules with more than one memory are not supported");
        }
        let m = create_memory(engine, &mut store, &ty, limits)?;
        process.space.init(ty.minimum() * 65536);
        memory = Some(m);
    }
    if let Some(m) = &memory {
        store.data_mut().memory = m.clone();
    }
    let instance = instantiate_in(&mut store, module, None, limits.max_memory)?;
    Ok((store, instance))
}

/// A store for one guest thread, with signal delivery hooked in.
pub fn new_store(engine: &Engine, host: Host) -> Store<Host> {
    let mut store = Store::new(engine, host);
    crate::signals::arm_store(&mut store);
    store
}

/// Instantiate `module` in `store` (whose imported memory, if any, is set)
/// and remember table 0. A Pulley-lowered module defines its memory: the
/// runtime's memory creator makes it a new reservation (of at most
/// `max_memory` bytes), or a view of `alias` for a new thread of the guest;
/// its start function runs once the store knows that memory.
pub fn instantiate_in(store: &mut Store<Host>, module: &Module, alias: Option<&Arc<Backing>>, max_memory: Option<u64>) -> Result<Instance> {
    let ext: Option<Extern> = match store.data().memory.clone() {
        GuestMemory::Shared(s) => Some(s.into()),
        GuestMemory::Local(l) | GuestMemory::Aliased(l, _) => Some(l.into()),
        GuestMemory::None => None,
    };
    let externs = sys::imports_for(store, module, |_| ext.clone())?;
    let cap = max_memory.map(|m| m.min(usize::MAX as u64) as usize);
    let (instance, backing) = linear::create_with(alias, cap, || Instance::new(&mut *store, module, &externs));
    let instance = instance?;
    let table = instance.get_table(&mut *store, TABLE0_EXPORT);
    store.data_mut().table = table;
    let defined = [(SHARED_MEMORY_EXPORT, true), (MEMORY_EXPORT, false)]
        .into_iter()
        .find_map(|(name, shared)| instance.get_memory(&mut *store, name).map(|m| (m, shared)));
    if let Some((m, shared)) = defined {
        let memory = match (shared, backing) {
            (true, Some(b)) => GuestMemory::Aliased(m, b),
            (true, None) => wasmtime::bail!("the guest's shared memory has no reservation"),
            (false, _) => GuestMemory::Local(m),
        };
        if alias.is_none() {
            store.data().process.space.init(m.data_size(&*store) as u64);
        }
        store.data_mut().memory = memory;
    }
    if let Ok(start) = instance.get_typed_func::<(), ()>(&mut *store, START_EXPORT) {
        start.call(&mut *store, ())?;
    }
    Ok(instance)
}

/// The reservation a new thread's instance is to share (None: its memory is
/// imported, a shared memory of the engine's own).
pub fn thread_alias(memory: &GuestMemory) -> Option<&Arc<Backing>> {
    match memory {
        GuestMemory::Aliased(_, b) => Some(b),
        _ => None,
    }
}

/// Run `module` as a process: instantiate (which runs its start function),
/// call `_start`, and return the exit status.
pub fn run(engine: &Engine, module: &Module, process: Process, limits: &Limits) -> Result<i32> {
    sys::check_imports(module)?;
    let mut process_ref = None;
    let outcome = instantiate(engine, module, process, limits).and_then(|(mut store, instance)| {
        process_ref = Some(store.data().process.clone());
        let start = instance
            .get_typed_func::<(), ()>(&mut store, "_start")
            .context("module has no `_start` function of type () -> ()")?;
        start.call(&mut store, ())
    });
    Ok(match outcome {
        Ok(()) => 0,
        Err(e) if e.downcast_ref::<ThreadExit>().is_some() && process_ref.is_some() => {
            let process_ref = process_ref.expect("checked");
            // The main thread left with `exit` while others run: the process
            // lives on until the last of them ends.
            process_ref.wait_for_threads();
            process_ref.last_thread_status.load(std::sync::atomic::Ordering::SeqCst) & 0xff
        }
        Err(e) => exit_status(&e)?,
    })
}

/// The exit status for an error that ended the guest; errors that are not
/// about the guest (e.g. a missing `_start`) are passed on.
pub fn exit_status(e: &wasmtime::Error) -> Result<i32> {
    if let Some(GuestExit(code)) = e.downcast_ref::<GuestExit>() {
        return Ok(code & 0xff);
    }
    let func = e
        .downcast_ref::<wasmtime::WasmBacktrace>()
        .and_then(|bt| bt.frames().iter().find_map(|f| f.func_name().map(str::to_string)));
    let place = func.map(|f| format!(" in function `{f}`")).unwrap_or_default();
    if let Some(trap) = e.downcast_ref::<Trap>() {
        let status = match trap {
            Trap::MemoryOutOfBounds | Trap::HeapMisaligned | Trap::StackOverflow | Trap::IndirectCallToNull | Trap::NullReference => status::SEGV,
            Trap::UnreachableCodeReached => status::ILL,
            Trap::IntegerDivisionByZero | Trap::IntegerOverflow | Trap::BadConversionToInteger => status::FPE,
            _ => status::ABRT,
        };
        eprintln!("wali-run: guest trapped: {trap}{place}");
        return Ok(status);
    }
    if e.downcast_ref::<wasmtime::WasmBacktrace>().is_some() {
        eprintln!("wali-run: guest stopped: {}{place}", e.root_cause());
        return Ok(status::ABRT);
    }
    Err(wasmtime::format_err!("{e:#}"))
}
