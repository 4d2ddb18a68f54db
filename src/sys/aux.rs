//! Auxiliary imports (`aux.tsv`): startup, argv, environment file, exit, and
//! the legacy setjmp/longjmp imports.

use super::{Cx, Errno, Fault, SysResult};
use crate::rewrite::FLUSH_EXPORT;
use std::sync::atomic::Ordering;

/// `__init()`: 0 the first time, 1 (an error) on a repeat call.
pub fn init(cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(if cx.host().process.first_init() { 0 } else { 1 })
}

/// `__deinit()`: marks that `main` returned; 0, or 1 on a repeat call.
pub fn deinit(cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(cx.host().process.deinit_called.swap(true, Ordering::SeqCst) as i64)
}

/// `__proc_exit(status)`: end the process with `status & 0xff`.
///
/// The reference toolchain's `_start` ends `main` with `__deinit` and
/// `__proc_exit` without calling `exit()`, so stdout buffered for a pipe or
/// file would be lost: after `__deinit`, musl's stdio is flushed first
/// (the function the rewriting pass exported as [`FLUSH_EXPORT`]).
pub fn proc_exit(cx: &mut Cx<'_, '_>, status: i32) -> SysResult {
    if cx.host().process.deinit_called.load(Ordering::SeqCst) {
        flush_stdio(cx)?;
    }
    Err(Fault::Exit(status))
}

/// Run the guest's stdio flush once, if it has one.
fn flush_stdio(cx: &mut Cx<'_, '_>) -> Result<(), Fault> {
    if cx.host().process.stdio_flushed.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    let Some(f) = cx.caller.get_export(FLUSH_EXPORT).and_then(|e| e.into_func()) else { return Ok(()) };
    let caller = &mut *cx.caller;
    let r = if let Ok(stdio_exit) = f.typed::<(), ()>(&*caller) {
        stdio_exit.call(&mut *caller, ())
    } else if let Ok(fflush) = f.typed::<i32, i32>(&*caller) {
        fflush.call(&mut *caller, 0).map(|_| ())
    } else {
        Ok(())
    };
    r.map_err(Fault::Trap)
}

/// `__cl_get_argc()`: number of arguments, argv[0] being the module path.
pub fn cl_get_argc(cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(cx.host().process.argv.len() as i64)
}

/// `__cl_get_argv_len(i)`: strlen(argv[i]); -EINVAL past the end.
pub fn cl_get_argv_len(cx: &mut Cx<'_, '_>, idx: u32) -> SysResult {
    let arg = cx.host().process.argv.get(idx as usize).ok_or(Errno::EINVAL)?;
    Ok(arg.as_bytes().len() as i64)
}

/// `__cl_copy_argv(buf, i)`: copy argv[i] and its NUL into `buf`; 0.
pub fn cl_copy_argv(cx: &mut Cx<'_, '_>, buf: u32, idx: u32) -> SysResult {
    let arg = cx.host().process.argv.get(idx as usize).ok_or(Errno::EINVAL)?;
    cx.mem().write_bytes(buf, arg.as_bytes_with_nul())?;
    Ok(0)
}

/// `__get_init_envfile(buf, size)`: write the path of the environment file
/// and return 1, or return 0 when there is none. A path that does not fit is
/// written as the empty string (still 1), as the reference engine does.
pub fn get_init_envfile(cx: &mut Cx<'_, '_>, buf: u32, size: u32) -> SysResult {
    let Some(path) = cx.host().process.env_file.clone() else { return Ok(0) };
    let mut bytes = path.into_os_string().into_encoded_bytes();
    bytes.push(0);
    let mem = cx.mem();
    if bytes.len() <= size as usize {
        mem.write_bytes(buf, &bytes)?;
    } else if size > 0 {
        mem.write_bytes(buf, &[0])?;
    }
    Ok(1)
}

/// Legacy `setjmp(env)`: returns 0 (a later `longjmp` cannot come back here).
pub fn setjmp(_cx: &mut Cx<'_, '_>, _env: u32) -> SysResult {
    Ok(0)
}

/// Legacy `sigsetjmp(env, savesigs)`: returns 0.
pub fn sigsetjmp(_cx: &mut Cx<'_, '_>, _env: u32, _savesigs: i32) -> SysResult {
    Ok(0)
}

/// Legacy `longjmp(env, val)`: a host import cannot resume a Wasm frame, so stop
/// with a message naming the call and the remedy.
pub fn longjmp(_cx: &mut Cx<'_, '_>, _env: u32, val: i32) -> SysResult {
    Err(Fault::Trap(wasmtime::format_err!(
        "longjmp(env, {val}) through the legacy `wali.longjmp` import cannot resume the setjmp \
         caller; rebuild the program with Wasm exception-handling setjmp/longjmp \
         (clang -mllvm -wasm-enable-sjlj, as wali-cc does)"
    )))
}
