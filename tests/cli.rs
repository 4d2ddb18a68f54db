//! End-to-end tests of the `wali-run` binary with small WAT guests: linking
//! (unknown imports, other signatures, foreign imports), exit statuses, traps,
//! argv, the memory rewriting for shared and plain memories, `.cwasm`.

mod common;

use common::wali_run;
use std::path::{Path, PathBuf};
use std::process::Output;

fn module(dir: &Path, name: &str, wat: &str) -> PathBuf {
    let path = dir.join(format!("{name}.wasm"));
    std::fs::write(&path, wat::parse_str(wat).expect("valid wat")).unwrap();
    path
}

fn run(path: &Path, args: &[&str]) -> Output {
    wali_run().arg(path).args(args).output().expect("spawn wali-run")
}

fn status(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A guest that exits with `-result` of one import call.
fn exit_with_negated(import: &str, sig: &str, call_args: &str) -> String {
    format!(
        r#"(module
          (import "wali" "{import}" (func $f {sig}))
          (import "wali" "__proc_exit" (func $exit (param i32)))
          (memory (export "memory") 1 1 shared)
          (func (export "_start")
            (call $exit (i32.wrap_i64 (i64.sub (i64.const 0) (call $f {call_args}))))))"#
    )
}

#[test]
fn unknown_import_links_and_returns_enosys_visible_in_strace() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(
        dir.path(),
        "kexec",
        &exit_with_negated("SYS_kexec_load", "(param i32 i32 i32 i32) (result i64)", "(i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)"),
    );
    let o = wali_run().arg("--strace").arg(&m).output().unwrap();
    assert_eq!(status(&o), libc::ENOSYS, "stderr: {}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("kexec_load(") && err.contains("ENOSYS"), "strace output: {err}");
}

#[test]
fn names_outside_the_spec_link_too() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(
        dir.path(),
        "made_up",
        r#"(module (import "wali" "SYS_not_a_syscall" (func $f (param i64) (result i32)))
             (import "wali" "__proc_exit" (func $x (param i32)))
             (func (export "_start") (call $x (i32.sub (i32.const 0) (call $f (i64.const 5))))))"#,
    );
    let o = wali_run().arg("--strace").arg(&m).output().unwrap();
    assert!(stderr(&o).contains("not_a_syscall(0x5) = -1 ENOSYS"), "{}", stderr(&o));
    // i32 result carries -ENOSYS; the guest negates the (sign-extended) value.
    assert_eq!(status(&o), libc::ENOSYS);
}

#[test]
fn implemented_call_with_another_signature_goes_through_an_adapter() {
    let dir = tempfile::tempdir().unwrap();
    // SYS_exit as (i32) -> () (no result), as some real programs import it.
    let a = module(
        dir.path(),
        "exit_void",
        r#"(module (import "wali" "SYS_exit" (func $e (param i32)))
             (memory 1) (func (export "_start") (call $e (i32.const 7))))"#,
    );
    assert_eq!(status(&run(&a, &[])), 7);
    let b = module(
        dir.path(),
        "exit_i64",
        r#"(module (import "wali" "SYS_exit" (func $e (param i32) (result i64)))
             (memory 1) (func (export "_start") (drop (call $e (i32.const 9)))))"#,
    );
    assert_eq!(status(&run(&b, &[])), 9);
    // getpid with an i32 result: the adapter truncates but still works.
    let c = module(
        dir.path(),
        "getpid_i32",
        r#"(module (import "wali" "SYS_getpid" (func $p (result i32)))
             (import "wali" "__proc_exit" (func $x (param i32)))
             (func (export "_start") (call $x (i32.gt_s (call $p) (i32.const 0)))))"#,
    );
    assert_eq!(status(&run(&c, &[])), 1);
}

#[test]
fn foreign_imports_are_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(
        dir.path(),
        "wasi",
        r#"(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
             (import "env" "g" (global i32))
             (func (export "_start")))"#,
    );
    let o = run(&m, &[]);
    assert_eq!(status(&o), 125);
    let err = stderr(&o);
    assert!(err.contains("wasi_snapshot_preview1.fd_write") && err.contains("env.g"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let ret = module(dir.path(), "ret", r#"(module (memory 1) (func (export "_start")))"#);
    assert_eq!(status(&run(&ret, &[])), 0);
    let neg = module(
        dir.path(),
        "neg",
        r#"(module (import "wali" "__proc_exit" (func $x (param i32)))
             (func (export "_start") (call $x (i32.const -1))))"#,
    );
    assert_eq!(status(&run(&neg, &[])), 255);
    let big = module(
        dir.path(),
        "big",
        r#"(module (import "wali" "SYS_exit_group" (func $x (param i32) (result i64)))
             (func (export "_start") (drop (call $x (i32.const 257)))))"#,
    );
    assert_eq!(status(&run(&big, &[])), 1);
}

#[test]
fn traps_print_one_line_with_kind_and_function() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(
        dir.path(),
        "trap",
        r#"(module (memory 1)
             (func $boom (unreachable))
             (func (export "_start") (call $boom)))"#,
    );
    let o = run(&m, &[]);
    assert_eq!(status(&o), 128 + libc::SIGILL);
    let err = stderr(&o);
    assert!(err.contains("unreachable") && err.contains("boom"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    let oob = module(
        dir.path(),
        "oob",
        r#"(module (memory 1 1 shared) (func $load (drop (i32.load (i32.const 70000))))
             (func (export "_start") (call $load)))"#,
    );
    let o = run(&oob, &[]);
    assert_eq!(status(&o), 128 + libc::SIGSEGV, "{}", stderr(&o));
    assert!(stderr(&o).contains("out of bounds"), "{}", stderr(&o));

    let div = module(
        dir.path(),
        "div",
        r#"(module (func (export "_start") (drop (i32.div_u (i32.const 1) (i32.const 0)))))"#,
    );
    assert_eq!(status(&run(&div, &[])), 128 + libc::SIGFPE);
}

#[test]
fn legacy_longjmp_stops_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(
        dir.path(),
        "sjlj",
        r#"(module (import "wali" "setjmp" (func $sj (param i32) (result i32)))
             (import "wali" "longjmp" (func $lj (param i32 i32)))
             (memory 1)
             (func (export "_start")
               (if (i32.eqz (call $sj (i32.const 64))) (then (call $lj (i32.const 64) (i32.const 1))))))"#,
    );
    let o = run(&m, &[]);
    assert_eq!(status(&o), 128 + libc::SIGABRT);
    let err = stderr(&o);
    assert!(err.contains("longjmp") && err.contains("exception-handling"), "{err}");
}

const ARGV_GUEST: &str = r#"(module
  (import "wali" "__cl_get_argc" (func $argc (result i32)))
  (import "wali" "__cl_get_argv_len" (func $len (param i32) (result i32)))
  (import "wali" "__cl_copy_argv" (func $copy (param i32 i32) (result i32)))
  (import "wali" "SYS_write" (func $write (param i32 i32 i32) (result i64)))
  (import "wali" "__proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1 2 shared)
  (func (export "_start") (local $i i32) (local $n i32)
    ;; print argv[1..] one per line, exit with argc
    (local.set $i (i32.const 1))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (call $argc)))
      (local.set $n (call $len (local.get $i)))
      (drop (call $copy (i32.const 1024) (local.get $i)))
      (i32.store8 (i32.add (i32.const 1024) (local.get $n)) (i32.const 10))
      (drop (call $write (i32.const 1) (i32.const 1024) (i32.add (local.get $n) (i32.const 1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (call $exit (call $argc))))"#;

#[test]
fn argv_reaches_the_guest() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(dir.path(), "argv", ARGV_GUEST);
    let o = run(&m, &["one", "--two", "three four"]);
    assert_eq!(status(&o), 4, "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "one\n--two\nthree four\n");
}

/// Everything after the module is the guest's, wali-run's own flags included.
#[test]
fn options_after_the_module_belong_to_the_guest() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(dir.path(), "argv", ARGV_GUEST);
    let o = run(&m, &["--help", "--strace", "-V"]);
    assert_eq!(status(&o), 4, "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "--help\n--strace\n-V\n");
    assert!(!stderr(&o).contains("] "), "no trace expected: {}", stderr(&o));
}

/// Guests get a Linux-sized stack: 40000 nested calls (far past wasmtime's
/// default 512 KiB) run, unbounded recursion still traps cleanly (139).
#[test]
fn deep_recursion_has_a_linux_sized_stack() {
    let dir = tempfile::tempdir().unwrap();
    let wat = r#"(module
      (import "wali" "SYS_exit_group" (func $exit (param i32) (result i64)))
      (memory (export "memory") 1)
      (func $down (param $n i32) (result i32)
        (local $a i64) (local $b i64) (local $c i64) (local $d i64)
        (if (result i32) (i32.eqz (local.get $n)) (then (i32.const 0))
          (else (i32.add (call $down (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))))
      (func (export "_start")
        (drop (call $exit (i32.ne (call $down (i32.const 40000)) (i32.const 40000))))))"#;
    assert_eq!(status(&run(&module(dir.path(), "deep", wat), &[])), 0);
    let forever = wat.replace("(i32.const 40000)) (i32.const 40000)", "(i32.const -1)) (i32.const 0)");
    let o = run(&module(dir.path(), "forever", &forever), &[]);
    assert_eq!(status(&o), 139, "{}", stderr(&o));
    assert!(stderr(&o).contains("call stack exhausted"), "{}", stderr(&o));
}

#[test]
fn precompiled_cwasm_runs_like_the_wasm() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(dir.path(), "argv", ARGV_GUEST);
    let out = dir.path().join("argv.cwasm");
    let o = wali_run().arg("compile").arg(&m).arg("-o").arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&out, &["x"]);
    assert_eq!(status(&o), 2, "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "x\n");
}

#[test]
fn bad_pointer_is_efault_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    // write(1, end of memory - 4, 12) and write(1, 0xfffffff0, 16): EFAULT.
    for (ptr, len) in [("65532", "12"), ("-16", "16")] {
        let m = module(
            dir.path(),
            "efault",
            &exit_with_negated("SYS_write", "(param i32 i32 i32) (result i64)", &format!("(i32.const 1) (i32.const {ptr}) (i32.const {len})")),
        );
        assert_eq!(status(&run(&m, &[])), libc::EFAULT);
    }
}

#[test]
fn usage_errors_and_bad_files() {
    let o = wali_run().arg("--no-such-flag").output().unwrap();
    assert_eq!(status(&o), 2);
    let o = wali_run().output().unwrap();
    assert_eq!(status(&o), 2);
    let o = wali_run().arg("/nonexistent/app.wasm").output().unwrap();
    assert_eq!(status(&o), 125);
    assert!(stderr(&o).contains("/nonexistent/app.wasm"), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.wasm");
    std::fs::write(&junk, b"#!/bin/sh\necho hi\n").unwrap();
    let o = run(&junk, &[]);
    assert_eq!(status(&o), 125);
    assert!(stderr(&o).contains("not a WebAssembly module"), "{}", stderr(&o));
    let truncated = dir.path().join("trunc.wasm");
    let mut bytes = wat::parse_str(ARGV_GUEST).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&truncated, bytes).unwrap();
    let o = run(&truncated, &[]);
    assert_eq!(status(&o), 125);
    assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
    let v = wali_run().arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("wali-run "));
}

#[test]
fn max_memory_caps_growth() {
    let dir = tempfile::tempdir().unwrap();
    // memory.grow by 64 pages under a 1 MiB (16 page) cap fails (-1).
    let m = module(
        dir.path(),
        "grow",
        r#"(module (import "wali" "__proc_exit" (func $x (param i32)))
             (memory (export "memory") 2 32768 shared)
             (func (export "_start") (call $x (i32.eq (memory.grow (i32.const 64)) (i32.const -1)))))"#,
    );
    let o = wali_run().args(["--max-memory", "1M"]).arg(&m).output().unwrap();
    assert_eq!(status(&o), 1, "{}", stderr(&o));
    let o = run(&m, &[]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
}
