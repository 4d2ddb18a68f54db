//! Processes: fork, execve, wait4, waitid.
//!
//! `fork` forks the host process inside the host call: the child continues
//! the same guest with a copy-on-write copy of everything (engine, stores,
//! linear memory, shared or not) and gets 0. Only the calling thread exists
//! in the child, as natively; the runtime starts no helper thread of its own
//! (the compilation cache is a plain directory, see `engine::DiskCache`) and
//! holds its own locks across the fork so that none is left held by a thread
//! that does not exist in the child.
//!
//! `execve` of a Wasm module (`\0asm` version 1, or a `.cwasm` precompiled by
//! wasmtime) re-executes wali-run itself (`/proc/self/exe`, same PID) with the
//! runtime flags this process was started with, the guest's `argv[0]`, and its
//! environment in an in-memory file that disappears with the process, so it
//! needs no binfmt_misc registration and leaves no file behind. Anything else
//! is executed natively with the guest's argv and envp.
//!
//! Under `--no-native-exec` no native code runs by way of `execve`: native
//! programs and `.cwasm` modules (precompiled machine code) fail with
//! `-EACCES`; only `\0asm` modules, and `#!` scripts whose interpreter is
//! one, are executed, by a wali-run that gets `--no-native-exec` and
//! `--no-cache` again (the compilation cache is native code too, in a
//! directory the guest can write).

use super::{Cx, Errno, SysResult};
use crate::host::Process;
use crate::kernel::spawn as kernel;
use crate::memory::Mem;
use std::ffi::{CStr, CString, OsString};
use std::os::fd::{AsFd, AsRawFd, IntoRawFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use wali_abi::{convert, guest::Pod};

/// fork(): a copy of the calling process; 0 in the child, the child's pid in the parent.
pub fn fork(cx: &mut Cx<'_, '_>) -> SysResult {
    let process = cx.host().process.clone();
    let pid = {
        // Hold the runtime's own locks across the copy: no other guest thread
        // can be inside them, so the child gets them unlocked.
        let _space = process.space.hold();
        let _threads = process.threads.lock().unwrap_or_else(|e| e.into_inner());
        let _out = std::io::stdout().lock();
        let _err = std::io::stderr().lock();
        // The child runs only this thread, which continues the guest; the
        // locks above are released by it as in the parent.
        kernel::fork()?
    };
    if pid == 0 {
        after_fork_child(&process);
    }
    Ok(pid.into())
}

/// vfork(): as fork. The guest cannot share the parent's stack the way a
/// native vfork child does, so it gets a copy; the parent does not wait for
/// the child's execve or exit (allowed: vfork's suspension is an optimisation
/// that programs must not rely on for correctness beyond exec/_exit).
pub fn vfork(cx: &mut Cx<'_, '_>) -> SysResult {
    fork(cx)
}

/// Runtime state to fix up in a forked child, in the only thread it has.
///
/// The guest's other threads do not exist in the child: the count of live
/// secondary threads starts again at 0 (`ever_threaded` stays, so `exit` still
/// ends only the calling thread, which the guest libc turns into a process
/// exit when it is the last one). Per-thread signal machinery re-arms here.
pub fn after_fork_child(process: &Process) {
    *process.threads.lock().unwrap_or_else(|e| e.into_inner()) = 0;
}

/// wait4(pid, wstatus, options, rusage): wait for a child to change state;
/// returns its pid (0 with WNOHANG when none did).
pub fn wait4(cx: &mut Cx<'_, '_>, pid: i32, wstatus: u32, options: i32, rusage: u32) -> SysResult {
    let mem = cx.mem();
    // As the kernel: the child is reaped first, a bad output pointer is EFAULT after.
    let child = kernel::wait4(pid, options)?;
    if child.pid > 0 {
        mem.write_opt(wstatus, &child.status)?;
        write_rusage(&mem, rusage, &child.rusage)?;
    }
    Ok(child.pid.into())
}

/// waitid(idtype, id, infop, options, rusage): wait for a child to change
/// state; the child is described in the SIGCHLD siginfo at `infop`.
pub fn waitid(cx: &mut Cx<'_, '_>, idtype: i32, id: i32, info: u32, options: i32, rusage: u32) -> SysResult {
    let mem = cx.mem();
    // As the kernel: the child is reaped first, a bad output pointer is EFAULT after.
    let mut child = kernel::ChildInfo::default();
    let waited = kernel::waitid(idtype, id, &mut child, options);
    if info != 0 {
        // The kernel stores these six fields, also when no child was waited
        // for or the call failed (then zeros); the rest of the guest's
        // siginfo stays untouched.
        mem.write_array::<i32>(info, &[child.signo, child.errno, child.code])?;
        mem.write_array::<i32>(info + SIGINFO_UNION, &[child.pid, child.uid as i32, child.status])?;
    }
    if let Some(ru) = waited? {
        // A child was waited for: the kernel filled the rusage.
        write_rusage(&mem, rusage, &ru)?;
    }
    Ok(0)
}

/// Bytes of `struct rusage` the kernel writes (the guest libc's struct adds
/// reserved space after them).
const KERNEL_RUSAGE: usize = 144;
/// Offset of the guest `siginfo_t`'s union (`si_pid`, `si_uid`, `si_status`
/// for SIGCHLD), as on x86_64.
const SIGINFO_UNION: u32 = 16;

fn write_rusage(mem: &Mem<'_>, rusage: u32, ru: &libc::rusage) -> Result<(), Errno> {
    if rusage != 0 {
        mem.write_bytes(rusage, &convert::rusage_from_host(ru).as_bytes()[..KERNEL_RUSAGE])?;
    }
    Ok(())
}

/// Longest single argument or environment string, its NUL included
/// (`MAX_ARG_STRLEN`, 32 pages).
const MAX_ARG_STRLEN: usize = 32 * 4096;

/// execve(path, argv, envp): run another program in this process. Returns
/// only on failure.
pub fn execve(cx: &mut Cx<'_, '_>, path: u32, argv: u32, envp: u32) -> SysResult {
    let mem = cx.mem();
    let file = mem.cstring(path)?;
    if file.is_empty() {
        return Err(Errno::ENOENT.into());
    }
    let mut budget = arg_max();
    let args = string_array(&mem, argv, &mut budget)?;
    let env = if envp == 0 { None } else { Some(string_array(&mem, envp, &mut budget)?) };
    let process = cx.host().process.clone();
    // The guest's own executable is its module, not the wali-run binary.
    let file = match &process.module_path {
        Some(m) if names_own_exe(&file) => CString::new(m.as_os_str().as_bytes()).map_err(|_| Errno::ENOENT)?,
        _ => file,
    };
    let mut target = classify(&file, process.no_native_exec)?;
    let mut args = args;
    // A `#!` script whose interpreter is a Wasm module: the kernel cannot run
    // that interpreter, so do what it would (interpreter, its argument, the
    // script path, then the script's arguments).
    let mut file = file;
    if target == Target::Script {
        match script_interpreter(&file) {
            Some((interp, arg)) if classify(&interp, process.no_native_exec) == Ok(Target::Wasm) => {
                let rest = args.iter().skip(1).cloned();
                args = std::iter::once(interp.clone()).chain(arg).chain(std::iter::once(file.clone())).chain(rest).collect();
                file = interp;
                target = Target::Wasm;
            }
            _ if process.no_native_exec => return Err(Errno::EACCES.into()),
            _ => target = Target::Native,
        }
    }
    if process.strace {
        // A successful execve does not return to print its line.
        crate::strace::line(cx, "execve", &[path as u64, argv as u64, envp as u64], None);
    }
    let err = match target {
        Target::Wasm => exec_wasm(&process, &file, &args, env.as_deref()),
        Target::Native | Target::Script => exec_native(&file, &args, env.as_deref().unwrap_or_default()),
    };
    Err(err.into())
}

/// Does `file` name this process's own executable (`/proc/self/exe` or
/// `/proc/<pid>/exe`)? A path to the wali-run binary itself stays a native
/// program: a guest shell may run `wali-run other.wasm`.
pub(crate) fn is_proc_self_exe(file: &CStr) -> bool {
    let bytes = file.to_bytes();
    bytes == b"/proc/self/exe" || bytes == format!("/proc/{}/exe", std::process::id()).as_bytes()
}

/// Is `file` `/proc/self/exe`, or a chain of symlinks ending there (as
/// `busybox --install -s` or `ln -s /proc/self/exe name` make)?
fn names_own_exe(file: &CStr) -> bool {
    let mut path = std::path::PathBuf::from(std::ffi::OsStr::from_bytes(file.to_bytes()));
    for _ in 0..40 {
        if is_proc_self_exe(&CString::new(path.as_os_str().as_bytes()).unwrap_or_default()) {
            return true;
        }
        match std::fs::read_link(&path) {
            Ok(target) if target.is_absolute() => path = target,
            Ok(target) => path = path.parent().unwrap_or(std::path::Path::new("")).join(target),
            Err(_) => return false,
        }
    }
    false
}

/// The total size the kernel accepts for argv and envp (strings and pointers).
fn arg_max() -> usize {
    kernel::sysconf(libc::_SC_ARG_MAX).filter(|n| *n > 0).map_or(128 * 1024, |n| n as usize)
}

/// A NULL-terminated guest array of string pointers (NULL: empty), charged
/// against `budget` as the kernel counts it (each string with its NUL, plus a
/// pointer); `E2BIG` past it.
fn string_array(mem: &Mem<'_>, array: u32, budget: &mut usize) -> Result<Vec<CString>, Errno> {
    let mut out = Vec::new();
    if array == 0 {
        return Ok(out);
    }
    for i in 0u32.. {
        let slot = i.checked_mul(4).and_then(|o| array.checked_add(o)).ok_or(Errno::EFAULT)?;
        let p: u32 = mem.read(slot)?;
        if p == 0 {
            break;
        }
        let s = mem.cstring_max(p, MAX_ARG_STRLEN - 1).map_err(|e| if e == Errno::ENAMETOOLONG { Errno(libc::E2BIG) } else { e })?;
        let cost = s.as_bytes().len() + 1 + size_of::<usize>();
        *budget = budget.checked_sub(cost).ok_or(Errno(libc::E2BIG))?;
        out.push(s);
    }
    Ok(out)
}

/// What kind of program an execve target is.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A WebAssembly module for wali-run.
    Wasm,
    /// A `#!` script (its interpreter decides).
    Script,
    /// Anything else: for the kernel to run (or refuse).
    Native,
}

/// The interpreter and optional argument of a `#!` script, parsed as the
/// kernel does (first line, at most 256 bytes; one argument, the rest of the line).
fn script_interpreter(file: &CStr) -> Option<(CString, Option<CString>)> {
    let mut head = [0u8; 256];
    let f = std::fs::File::open(std::ffi::OsStr::from_bytes(file.to_bytes())).ok()?;
    let n = std::io::Read::read(&mut &f, &mut head).ok()?;
    let line = head[..n].strip_prefix(b"#!")?;
    let line = &line[..line.iter().position(|b| *b == b'\n').unwrap_or(line.len())];
    let is_blank = |b: &u8| *b == b' ' || *b == b'\t';
    let start = line.iter().position(|b| !is_blank(b))?;
    let line = &line[start..];
    let end = line.iter().position(is_blank).unwrap_or(line.len());
    let interp = CString::new(&line[..end]).ok()?;
    let rest = &line[end..];
    let arg = match (rest.iter().position(|b| !is_blank(b)), rest.iter().rposition(|b| !is_blank(b))) {
        (Some(a), Some(b)) => Some(CString::new(&rest[a..=b]).ok()?),
        _ => None,
    };
    Some((interp, arg))
}

/// Header of a core WebAssembly module (what binfmt_misc is registered for).
pub const WASM_MODULE_MAGIC: &[u8; 8] = b"\0asm\x01\0\0\0";

/// Decide by the file's first bytes, failing as the kernel would for a file
/// that cannot be executed (missing, not a regular file, no execute
/// permission). Under `no_native_exec` only a `\0asm` module or a `#!` script
/// passes; anything else, a precompiled `.cwasm` included, is `EACCES`.
fn classify(file: &CStr, no_native_exec: bool) -> Result<Target, Errno> {
    let f = match kernel::open_to_inspect(file) {
        Ok(fd) => std::fs::File::from(fd),
        // An executable we may not read (mode --x) can still be a native
        // program: the kernel decides.
        Err(e) if e == Errno::EACCES && !no_native_exec => return Ok(Target::Native),
        Err(e) => return Err(e),
    };
    let meta = f.metadata().map_err(io_errno)?;
    // The kernel execs regular files only, with execute permission, from a
    // mount that allows it (faccessat(X_OK) checks all three of the last).
    if !meta.is_file() || !kernel::may_execute(file) {
        return Err(Errno::EACCES);
    }
    // What is judged is the file opened above, never the path again.
    let mut head = [0u8; 8];
    let n = std::io::Read::read(&mut &f, &mut head).unwrap_or(0);
    let head = &head[..n];
    if head == WASM_MODULE_MAGIC {
        Ok(Target::Wasm)
    } else if head.starts_with(b"#!") {
        Ok(Target::Script)
    } else if no_native_exec {
        // Native code, whether the kernel or wasmtime would run it.
        Err(Errno::EACCES)
    } else if head.starts_with(b"\x7fELF") && is_precompiled_module(&f) {
        Ok(Target::Wasm)
    } else {
        Ok(Target::Native)
    }
}

/// Is the open file a module precompiled by wasmtime (a `.cwasm`)? Read
/// through the descriptor (its `/proc/self/fd` link reaches the same file).
fn is_precompiled_module(f: &std::fs::File) -> bool {
    let path = format!("/proc/self/fd/{}", f.as_raw_fd());
    matches!(wasmtime::Engine::detect_precompiled_file(path), Ok(Some(wasmtime::Precompiled::Module)))
}

fn io_errno(e: std::io::Error) -> Errno {
    Errno(e.raw_os_error().unwrap_or(libc::EIO))
}

/// Replace this process by a native program; returns the errno of the failure.
fn exec_native(file: &CStr, args: &[CString], env: &[CString]) -> Errno {
    // The native program gets the stack limit wali-run was started with.
    crate::engine::restore_stack_limit();
    let e = kernel::execve(file, args, env);
    crate::engine::raise_stack_limit();
    e
}

/// Replace this process by a new wali-run running the module `file`: same
/// PID, same host environment, the runtime flags of this one, the guest's
/// argv and (when `env` is given) its environment through an in-memory file.
/// Returns the errno of the failure.
fn exec_wasm(process: &Process, file: &CStr, args: &[CString], env: Option<&[CString]>) -> Errno {
    let env_fd = match env.filter(|e| !e.is_empty()) {
        None => None,
        Some(vars) => match env_memfd(&env_file_content(vars), true) {
            Ok(fd) => Some(fd),
            Err(e) => return e,
        },
    };
    let cmdline = reexec_args(process, file, args, env_fd);
    // The new wali-run starts from the guest's stack limit, as a native program would.
    crate::engine::restore_stack_limit();
    // The host environment (`environ`) is passed on.
    let err = match exec_wrapper(&cmdline) {
        Some(wrapped) => kernel::execv(&wrapped[0], &wrapped),
        None => kernel::execv(c"/proc/self/exe", &cmdline),
    };
    crate::engine::raise_stack_limit();
    if let Some(fd) = env_fd {
        // Our own descriptor, not handed to anyone.
        let _ = crate::kernel::fd::close(fd);
    }
    err
}

/// Host environment variable naming a program (absolute path, then its
/// arguments, split at spaces) that runs the re-executed wali-run: where the
/// kernel cannot execute this binary itself, as under qemu-user without
/// binfmt_misc (`WALI_RUN_EXEC_WRAPPER="/usr/bin/qemu-arm -L /usr/arm-linux-gnueabihf"`).
pub const EXEC_WRAPPER_ENV: &str = "WALI_RUN_EXEC_WRAPPER";

/// `cmdline` run through the [`EXEC_WRAPPER_ENV`] program, when one is set:
/// wrapper, its arguments, this executable's path, then `cmdline[1..]`.
fn exec_wrapper(cmdline: &[CString]) -> Option<Vec<CString>> {
    let wrapper = std::env::var_os(EXEC_WRAPPER_ENV)?;
    let mut out: Vec<CString> =
        wrapper.as_bytes().split(|b| *b == b' ').filter(|w| !w.is_empty()).filter_map(|w| CString::new(w).ok()).collect();
    if out.is_empty() {
        return None;
    }
    let exe = std::fs::read_link("/proc/self/exe").ok()?;
    out.push(CString::new(exe.into_os_string().into_vec()).ok()?);
    out.extend(cmdline.iter().skip(1).cloned());
    Some(out)
}

/// The command line of the re-executed wali-run.
fn reexec_args(process: &Process, file: &CStr, args: &[CString], env_fd: Option<i32>) -> Vec<CString> {
    let mut argv0 = b"--argv0=".to_vec();
    argv0.extend_from_slice(args.first().map_or(&b""[..], |a| a.as_bytes()));
    let self_name = std::env::args_os().next().unwrap_or_else(|| OsString::from("wali-run"));
    let mut out: Vec<Vec<u8>> = vec![self_name.into_vec()];
    out.extend(process.exec_flags.iter().map(|f| f.as_bytes().to_vec()));
    if process.no_native_exec {
        // The new wali-run refuses native programs too, and does not read the
        // compilation cache (native code, in a directory the guest can write).
        for flag in ["--no-native-exec", "--no-cache"] {
            if !process.exec_flags.iter().any(|f| f == flag) {
                out.push(flag.into());
            }
        }
    }
    out.push(argv0);
    if let Some(fd) = env_fd {
        out.push(format!("--env-file=/proc/self/fd/{fd}").into_bytes());
    }
    out.push(b"--".to_vec());
    out.push(file.to_bytes().to_vec());
    out.extend(args.iter().skip(1).map(|a| a.as_bytes().to_vec()));
    out.into_iter().map(|v| CString::new(v).expect("no NUL in C strings and flags")).collect()
}

/// The environment as the guest libc reads its env file: one `KEY=VALUE` per
/// line. Entries the format cannot carry (empty, or with a newline, e.g. an
/// exported bash function) are left out.
fn env_file_content(vars: &[CString]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in vars.iter().map(|v| v.as_bytes()).filter(|v| !v.is_empty() && !v.contains(&b'\n')) {
        out.extend_from_slice(v);
        out.push(b'\n');
    }
    out
}

/// An in-memory file holding `content`, on a high descriptor (so it does not
/// take the low numbers a program expects to get from its own `open`s).
/// `inheritable`: kept across execve (for a re-executed wali-run), else
/// close-on-exec. Returns the descriptor; the file is gone with the last one.
pub fn env_memfd(content: &[u8], inheritable: bool) -> Result<i32, Errno> {
    use std::io::Write;
    let mut f = std::fs::File::from(crate::kernel::startup::memfd(c"wali-env", libc::MFD_CLOEXEC)?);
    f.write_all(content).map_err(io_errno)?;
    let fd = OwnedFd::from(f);
    let soft = crate::kernel::startup::getrlimit(libc::RLIMIT_NOFILE).map_or(0, |(cur, _)| cur);
    let low = (soft.min(1024) / 2) as i32;
    if low > fd.as_raw_fd()
        && let Ok(high) = kernel::dup_at_least(fd.as_fd(), low, !inheritable)
    {
        return Ok(high.into_raw_fd());
    }
    if inheritable {
        kernel::clear_cloexec(fd.as_fd())?;
    }
    Ok(fd.into_raw_fd())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_lines_parse_as_the_kernel_does() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&[u8], Option<(&str, Option<&str>)>); 5] = [
            (b"#!/bin/awk -f\nBEGIN {}\n", Some(("/bin/awk", Some("-f")))),
            (b"#! \t/x/sh\n", Some(("/x/sh", None))),
            (b"#!/usr/bin/env  a b  \n", Some(("/usr/bin/env", Some("a b")))),
            (b"#!\n", None),
            (b"echo hi\n", None),
        ];
        for (i, (text, want)) in cases.iter().enumerate() {
            let path = dir.path().join(format!("s{i}"));
            std::fs::write(&path, text).unwrap();
            let c = CString::new(path.as_os_str().as_bytes()).unwrap();
            let got = script_interpreter(&c);
            let got = got.as_ref().map(|(a, b)| (a.to_str().unwrap(), b.as_ref().map(|b| b.to_str().unwrap())));
            assert_eq!(got, *want, "{:?}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn env_file_drops_what_the_format_cannot_carry() {
        let vars = [c"A=1".to_owned(), c"".to_owned(), c"F=() {\n echo\n}".to_owned(), c"B=x=y".to_owned()];
        assert_eq!(env_file_content(&vars), b"A=1\nB=x=y\n");
    }

    #[test]
    fn reexec_command_line() {
        let mut p = Process::new(vec![], None, false);
        p.exec_flags = vec!["--strace".into(), "--max-memory=65536".into()];
        let args = [c"prog".to_owned(), c"-x".to_owned(), c"--".to_owned()];
        let v = reexec_args(&p, c"./m.wasm", &args, Some(600));
        let v: Vec<&[u8]> = v.iter().map(|s| s.as_bytes()).collect();
        assert_eq!(
            &v[1..],
            [&b"--strace"[..], b"--max-memory=65536", b"--argv0=prog", b"--env-file=/proc/self/fd/600", b"--", b"./m.wasm", b"-x", b"--"]
        );
        let v = reexec_args(&p, c"m.wasm", &[], None);
        assert_eq!(v[3].as_bytes(), b"--argv0=", "an empty argv gives an empty argv[0], as Linux does");
    }

    #[test]
    fn reexec_under_no_native_exec_never_reads_the_cache() {
        let mut p = Process::new(vec![], None, false);
        p.no_native_exec = true;
        let flags = |p: &Process| {
            let v = reexec_args(p, c"m.wasm", &[c"m".to_owned()], None);
            v[1..].iter().map(|s| s.to_str().unwrap().to_owned()).collect::<Vec<_>>()
        };
        assert_eq!(flags(&p), ["--no-native-exec", "--no-cache", "--argv0=m", "--", "m.wasm"]);
        p.exec_flags = vec!["--no-native-exec".into(), "--no-cache".into()];
        assert_eq!(flags(&p), ["--no-native-exec", "--no-cache", "--argv0=m", "--", "m.wasm"]);
        p.exec_flags = vec!["--no-native-exec".into()];
        assert_eq!(flags(&p), ["--no-native-exec", "--no-cache", "--argv0=m", "--", "m.wasm"]);
    }

    #[test]
    fn no_native_exec_refuses_precompiled_modules() {
        let dir = tempfile::tempdir().unwrap();
        let engine = crate::engine::engine(&Default::default()).unwrap();
        let wasm = dir.path().join("m.wasm");
        std::fs::write(&wasm, wat::parse_str("(module)").unwrap()).unwrap();
        let cwasm = dir.path().join("m.cwasm");
        crate::engine::compile_to_file(&engine, &wasm, &cwasm).unwrap();
        let script = dir.path().join("s");
        std::fs::write(&script, format!("#!{}\n", cwasm.display())).unwrap();
        let link = dir.path().join("l");
        std::os::unix::fs::symlink(&cwasm, &link).unwrap();
        for p in [&wasm, &cwasm, &script, &link] {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let c = |p: &std::path::Path| CString::new(p.as_os_str().as_bytes()).unwrap();
        assert_eq!(classify(&c(&wasm), true), Ok(Target::Wasm));
        assert_eq!(classify(&c(&wasm), false), Ok(Target::Wasm));
        assert_eq!(classify(&c(&cwasm), false), Ok(Target::Wasm));
        assert_eq!(classify(&c(&link), false), Ok(Target::Wasm));
        assert_eq!(classify(&c(&cwasm), true), Err(Errno::EACCES));
        assert_eq!(classify(&c(&link), true), Err(Errno::EACCES));
        // A script is judged by its interpreter, which is then refused too.
        assert_eq!(classify(&c(&script), true), Ok(Target::Script));
        let (interp, _) = script_interpreter(&c(&script)).unwrap();
        assert_eq!(classify(&interp, true), Err(Errno::EACCES));
        assert_eq!(classify(c"/bin/sh", true), Err(Errno::EACCES));
        assert_eq!(classify(c"/bin/sh", false), Ok(Target::Native));
    }

    #[test]
    fn memfd_on_a_high_descriptor() {
        let fd = env_memfd(b"K=V\n", false).unwrap();
        assert!(fd >= 3);
        let text = std::fs::read(format!("/proc/self/fd/{fd}")).unwrap();
        assert_eq!(text, b"K=V\n");
        assert!(cloexec(fd));
        crate::kernel::fd::close(fd).unwrap();
        let fd = env_memfd(b"", true).unwrap();
        assert!(!cloexec(fd));
        crate::kernel::fd::close(fd).unwrap();
    }

    /// Is `fd` close-on-exec? (procfs reports it as `O_CLOEXEC` in the flags.)
    fn cloexec(fd: i32) -> bool {
        let info = std::fs::read_to_string(format!("/proc/self/fdinfo/{fd}")).unwrap();
        let flags = info.lines().find_map(|l| l.strip_prefix("flags:")).unwrap().trim();
        i32::from_str_radix(flags, 8).unwrap() & libc::O_CLOEXEC != 0
    }
}
