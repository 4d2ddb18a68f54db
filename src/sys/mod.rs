//! The syscall surface: one table ([`table`]) drives import linking, each family
//! of calls lives in its own module and reads like the man page.
//!
//! A syscall implementation is a plain function `fn(&mut Cx, args...) -> SysResult`
//! whose parameter types give its Wasm signature (`i32`/`u32` → `i32`,
//! `i64`/`u64` → `i64`). Errors are [`Errno`] values returned as `-errno`;
//! process exit is a [`Fault::Exit`], which unwinds the guest.

pub mod aux;
pub mod fd;
pub mod fs;
pub mod lowered;
pub mod mm;
pub mod net;
pub mod poll;
pub mod process;
pub mod signal;
pub mod spawn;
pub mod table;
pub mod thread;
pub mod time;

use crate::host::Host;
use crate::memory::Mem;
use std::fmt;
use wasmtime::{Caller, Val, ValType};

pub use table::{Entry, ENTRIES};

pub use wali_abi::Errno;

/// Why a syscall did not return normally.
#[derive(Debug)]
pub enum Fault {
    /// Return `-errno` to the guest.
    Errno(Errno),
    /// End the process with this status (exit_group, __proc_exit, and exit
    /// before any thread was spawned).
    Exit(i32),
    /// End the calling thread only (exit once threads exist).
    ExitThread(i32),
    /// Stop the guest with an error (a trap with a message).
    Trap(wasmtime::Error),
}

impl From<Errno> for Fault {
    fn from(e: Errno) -> Self {
        Fault::Errno(e)
    }
}

pub type SysResult = Result<i64, Fault>;

/// The guest asked to exit; carried through wasmtime as the error of a host call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuestExit(pub i32);

impl fmt::Display for GuestExit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "guest exited with status {}", self.0)
    }
}
impl std::error::Error for GuestExit {}

/// The calling guest thread ended with `exit`; unwinds that thread only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadExit(pub i32);

impl fmt::Display for ThreadExit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "guest thread exited with status {}", self.0)
    }
}
impl std::error::Error for ThreadExit {}

/// Convert a host libc return value (`-1` + errno on failure) into a result.
pub fn cvt<T: Into<i64>>(r: T) -> SysResult {
    let r: i64 = r.into();
    if r == -1 { Err(Errno::last().into()) } else { Ok(r) }
}

/// The context a syscall runs in: the calling guest's store.
pub struct Cx<'a, 'b> {
    pub caller: &'a mut Caller<'b, Host>,
}

impl<'a, 'b> Cx<'a, 'b> {
    /// The context of a call from `caller`, whose view of memory is first
    /// caught up with other threads' growth ([`crate::host::sync_memory`]).
    #[inline]
    pub fn new(caller: &'a mut Caller<'b, Host>) -> Self {
        crate::host::sync_memory(caller);
        Cx { caller }
    }

    pub fn host(&self) -> &Host {
        self.caller.data()
    }

    /// A view of guest memory for this call.
    pub fn mem(&self) -> Mem<'_> {
        self.caller.data().mem(&*self.caller)
    }
}

/// A parameter type of a syscall implementation.
pub trait Param: Copy {
    const WASM: ValType;
    fn from_raw(raw: u64) -> Self;
    fn to_raw(self) -> u64;
}
macro_rules! param {
    ($t:ty, $w:expr) => {
        impl Param for $t {
            const WASM: ValType = $w;
            #[inline]
            fn from_raw(raw: u64) -> Self { raw as $t }
            #[inline]
            fn to_raw(self) -> u64 { self as u64 }
        }
    };
}
param!(i32, ValType::I32);
param!(u32, ValType::I32);
param!(i64, ValType::I64);
param!(u64, ValType::I64);

/// Turn an implementation's result into the value returned to the guest,
/// printing the `--strace` line when asked. This is the syscall hot path: the
/// common case (a value, no tracing, no signal recorded) stays inline, the
/// rest goes to [`finish_slow`].
#[inline(always)]
pub fn finish(cx: &mut Cx<'_, '_>, name: &str, args: &[u64], r: SysResult) -> wasmtime::Result<i64> {
    let ret = match r {
        Ok(v) => v,
        Err(Fault::Errno(Errno::EINTR)) => return finish_interrupted(cx, name, args),
        Err(Fault::Errno(e)) => -(e.0 as i64),
        Err(fault) => return finish_slow(cx, name, args, fault),
    };
    if cx.host().strace() {
        crate::strace::line(cx, name, args, Some(ret));
    }
    crate::signals::after_syscall(cx)?;
    Ok(ret)
}

/// Calls Linux never restarts after a handler, SA_RESTART or not (signal(7)).
const NEVER_RESTARTED: &[&str] = &[
    "poll", "ppoll", "select", "pselect6", "epoll_wait", "epoll_pwait", "nanosleep", "clock_nanosleep",
    "rt_sigsuspend", "rt_sigtimedwait", "pause",
];

/// A call interrupted by a signal (EINTR): run the guest's handlers now and,
/// when they have SA_RESTART and the call is restartable, make the call again
/// with the same arguments, as the kernel does.
#[cold]
#[inline(never)]
fn finish_interrupted(cx: &mut Cx<'_, '_>, name: &str, args: &[u64]) -> wasmtime::Result<i64> {
    let eintr = -(Errno::EINTR.0 as i64);
    let restart = crate::signals::after_interrupted(cx)?;
    let entry = table::ENTRIES.iter().find(|e| e.is_syscall() && e.name == name);
    match entry {
        Some(entry) if restart && !NEVER_RESTARTED.contains(&name) => {
            let r = (entry.call)(cx, args);
            finish(cx, name, args, r)
        }
        _ => {
            if cx.host().strace() {
                crate::strace::line(cx, name, args, Some(eintr));
            }
            Ok(eintr)
        }
    }
}

/// The exits and traps of [`finish`].
#[cold]
#[inline(never)]
fn finish_slow(cx: &mut Cx<'_, '_>, name: &str, args: &[u64], fault: Fault) -> wasmtime::Result<i64> {
    if cx.host().strace() && !matches!(fault, Fault::Trap(_)) {
        crate::strace::line(cx, name, args, None);
    }
    match fault {
        Fault::Exit(code) => {
            if cx.host().process.ever_threaded.load(std::sync::atomic::Ordering::SeqCst) {
                // Other threads may be blocked anywhere: end the process now.
                crate::sys::thread::exit_process_now(code);
            }
            Err(GuestExit(code).into())
        }
        Fault::ExitThread(code) => Err(ThreadExit(code).into()),
        Fault::Trap(e) => Err(e),
        Fault::Errno(e) => Ok(-(e.0 as i64)),
    }
}

/// Check that every import of `module` is one wali-run can provide: functions
/// from the `wali` namespace (any name, any signature) and the memories added
/// by the rewriting pass. Anything else is an error naming the imports.
pub fn check_imports(module: &wasmtime::Module) -> wasmtime::Result<()> {
    let foreign: Vec<String> = module
        .imports()
        .filter(|i| match i.module() {
            "wali" => i.ty().func().is_none(),
            m => m != crate::rewrite::RUNTIME_MODULE,
        })
        .map(|i| format!("{}.{}", i.module(), i.name()))
        .collect();
    if !foreign.is_empty() {
        wasmtime::bail!(
            "module imports {} that WALI does not provide: {}",
            if foreign.len() == 1 { "an item" } else { "items" },
            foreign.join(", ")
        );
    }
    Ok(())
}

/// The externs to instantiate `module` with, in import order: for each `wali`
/// function, the typed wrapper of its implementation when the signature
/// matches the table, an adapter when it does not, and an `-ENOSYS` stub when
/// nothing implements it. `memory` supplies the rewritten memory imports.
pub fn imports_for(
    store: &mut wasmtime::Store<Host>,
    module: &wasmtime::Module,
    memory: impl Fn(&str) -> Option<wasmtime::Extern>,
) -> wasmtime::Result<Vec<wasmtime::Extern>> {
    check_imports(module)?;
    let mut externs = Vec::new();
    for import in module.imports() {
        if import.module() == crate::rewrite::RUNTIME_MODULE {
            let e = match import.ty() {
                wasmtime::ExternType::Memory(_) => memory(import.name())
                    .ok_or_else(|| wasmtime::format_err!("no memory for import {}", import.name()))?,
                _ => lowered::import(store, import.name())?,
            };
            externs.push(e);
            continue;
        }
        let fty = import.ty().func().cloned().expect("checked by check_imports");
        let entry = table::lookup(import.name());
        let func = match entry {
            Some(e) if e.matches(&fty) => (e.make)(store),
            _ => adapter(store, import.name(), fty, entry),
        };
        externs.push(func.into());
    }
    Ok(externs)
}

/// A function for import `name` with signature `fty` that goes through the
/// implementation's dynamic entry point if there is one, else returns -ENOSYS.
fn adapter(store: &mut wasmtime::Store<Host>, name: &str, fty: wasmtime::FuncType, entry: Option<&'static Entry>) -> wasmtime::Func {
    let trace_name: std::sync::Arc<str> = match entry {
        Some(e) => e.name.into(),
        None => name.strip_prefix("SYS_").unwrap_or(name).into(),
    };
    let result = fty.results().next();
    wasmtime::Func::new(store, fty, move |mut caller, params, out| {
        let args: Vec<u64> = params
            .iter()
            .map(|v| match v {
                Val::I32(x) => *x as i64 as u64,
                Val::I64(x) => *x as u64,
                _ => 0,
            })
            .collect();
        let mut cx = Cx::new(&mut caller);
        let r = match entry {
            Some(e) => (e.call)(&mut cx, &args),
            None => Err(Fault::Errno(Errno::ENOSYS)),
        };
        let ret = finish(&mut cx, &trace_name, &args, r)?;
        if let (Some(slot), Some(ty)) = (out.first_mut(), result.as_ref()) {
            *slot = match ty {
                ValType::I32 => Val::I32(ret as i32),
                ValType::I64 => Val::I64(ret),
                other => Val::default_for_ty(other).unwrap_or(Val::I32(0)),
            };
        }
        Ok(())
    })
}
