//! Instantiating and running a guest, and turning the outcome into an exit status.

use crate::host::{GuestMemory, Host, Process};
use crate::rewrite::{RUNTIME_MODULE, is_lowered_shared};
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

/// What the guest's memory import `name` needs.
fn create_memory(engine: &Engine, store: &mut Store<Host>, name: &str, ty: &MemoryType, limits: &Limits) -> Result<GuestMemory> {
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
    } else if is_lowered_shared(name) {
        // A shared memory on an engine without them: each thread's store gets
        // a view of this one ([`alias_memory`]).
        let (m, backing) = crate::memory::linear::create_with(None, || plain_memory(engine, store, ty.minimum(), max));
        Ok(GuestMemory::Aliased(m?, backing.context("the guest's memory has no reservation")?))
    } else {
        Ok(GuestMemory::Local(plain_memory(engine, store, ty.minimum(), max)?))
    }
}

/// A plain memory defined by an instance in `store`, so that it is one of the
/// engine's host memories (a reservation that never moves, src/memory/linear.rs).
fn plain_memory(engine: &Engine, store: &mut Store<Host>, min: u64, max: Option<u64>) -> Result<wasmtime::Memory> {
    let wasm = crate::memory::linear::memory_module(min as u32, max.map(|m| m as u32));
    let module = precompiled_memory_module(engine, &wasm)?;
    Instance::new(&mut *store, &module, &[])
        .ok()
        .and_then(|i| i.get_memory(&mut *store, "memory"))
        .context("cannot create the guest's memory")
}

/// The memory module, compiled once per engine and shape.
fn precompiled_memory_module(engine: &Engine, wasm: &[u8]) -> Result<Module> {
    crate::engine::compile(|| Module::new(engine, wasm)).context("compiling the guest's memory")
}

/// For a new guest thread's `store`: its view of the memory `of` shares
/// (the same memory type as `module`'s import).
pub fn alias_memory(engine: &Engine, store: &mut Store<Host>, module: &Module, of: &GuestMemory) -> Result<GuestMemory> {
    let GuestMemory::Aliased(_, backing) = of else { return Ok(of.clone()) };
    let ty = module
        .imports()
        .find_map(|i| if i.module() == RUNTIME_MODULE { i.ty().memory().cloned() } else { None })
        .context("module has no memory import")?;
    let (m, _) = crate::memory::linear::create_with(Some(backing), || plain_memory(engine, store, ty.minimum(), ty.maximum()));
    Ok(GuestMemory::Aliased(m?, backing.clone()))
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
        let m = create_memory(engine, &mut store, import.name(), &ty, limits)?;
        process.space.init(ty.minimum() * 65536);
        memory = Some(m);
    }
    if let Some(m) = &memory {
        store.data_mut().memory = m.clone();
    }
    let instance = instantiate_in(&mut store, module)?;
    Ok((store, instance))
}

/// A store for one guest thread, with signal delivery hooked in.
pub fn new_store(engine: &Engine, host: Host) -> Store<Host> {
    let mut store = Store::new(engine, host);
    crate::signals::arm_store(&mut store);
    store
}

/// Instantiate `module` in `store` (whose memory is set) and remember table 0.
pub fn instantiate_in(store: &mut Store<Host>, module: &Module) -> Result<Instance> {
    let ext: Option<Extern> = match store.data().memory.clone() {
        GuestMemory::Shared(s) => Some(s.into()),
        GuestMemory::Local(l) | GuestMemory::Aliased(l, _) => Some(l.into()),
        GuestMemory::None => None,
    };
    let externs = sys::imports_for(store, module, |_| ext.clone())?;
    let instance = Instance::new(&mut *store, module, &externs)?;
    let table = instance.get_table(&mut *store, crate::rewrite::TABLE0_EXPORT);
    store.data_mut().table = table;
    Ok(instance)
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
