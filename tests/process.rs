//! End-to-end tests of fork, execve, wait4 and waitid with small WAT guests,
//! and of `wali-run register --dry-run`.

mod common;

use common::{exit_code, run_in_group, wali_run};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

struct Out {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Run `cmd` in its own process group, killing the group after 30 s (a guest
/// waiting for a child that does not exist would otherwise hang the test).
fn run(cmd: Command) -> Out {
    let o = run_in_group(cmd, Duration::from_secs(30));
    let Some(status) = o.status else {
        panic!("timed out; stderr: {}", o.stderr);
    };
    Out { status: exit_code(status), stdout: o.stdout, stderr: o.stderr }
}

const IMPORTS: &str = r#"
  (import "wali" "SYS_write" (func $write (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_read" (func $read (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_openat" (func $openat (param i32 i32 i32 i32) (result i64)))
  (import "wali" "SYS_close" (func $close (param i32) (result i64)))
  (import "wali" "SYS_fork" (func $fork (result i64)))
  (import "wali" "SYS_wait4" (func $wait4 (param i32 i32 i32 i32) (result i64)))
  (import "wali" "SYS_waitid" (func $waitid (param i32 i32 i32 i32 i32) (result i64)))
  (import "wali" "SYS_exit_group" (func $exit_group (param i32) (result i64)))
  (import "wali" "SYS_exit" (func $exit (param i32) (result i64)))
  (import "wali" "SYS_kill" (func $kill (param i32 i32) (result i64)))
  (import "wali" "SYS_getpid" (func $getpid (result i64)))
  (import "wali" "SYS_pipe2" (func $pipe2 (param i32 i32) (result i64)))
  (import "wali" "SYS_dup2" (func $dup2 (param i32 i32) (result i64)))
  (import "wali" "SYS_execve" (func $execve (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_futex" (func $futex (param i32 i32 i32 i32 i32 i32) (result i64)))
  (import "wali" "__cl_get_argc" (func $argc (result i32)))
  (import "wali" "__cl_get_argv_len" (func $argv_len (param i32) (result i32)))
  (import "wali" "__cl_copy_argv" (func $copy_argv (param i32 i32) (result i32)))
  (import "wali" "__get_init_envfile" (func $envfile (param i32 i32) (result i32)))
  (import "wali" "__wasm_thread_spawn" (func $spawn (param i32 i32) (result i32)))
"#;

/// Helpers: $strlen, $puts (NUL-terminated string to stdout), $putnum
/// (decimal and newline), $label (string then number), $die (exit_group).
/// Scratch: 0x100..0x121 number text, 0x200 pipe fds, 0x210 status,
/// 0x300 siginfo, 0x600 rusage, 0x2000 buffer (4 KiB), 0x3000 argv copies.
const HELPERS: &str = r#"
  (func $strlen (param $p i32) (result i32) (local $n i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $l)))
    (local.get $n))
  (func $puts (param $p i32)
    (drop (call $write (i32.const 1) (local.get $p) (call $strlen (local.get $p)))))
  (func $putnum (param $n i64) (local $p i32) (local $neg i32)
    (local.set $p (i32.const 0x120))
    (i32.store8 (local.get $p) (i32.const 10))
    (if (i64.lt_s (local.get $n) (i64.const 0))
      (then (local.set $neg (i32.const 1)) (local.set $n (i64.sub (i64.const 0) (local.get $n)))))
    (loop $l
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $n) (i64.const 10)))))
      (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
      (br_if $l (i64.ne (local.get $n) (i64.const 0))))
    (if (local.get $neg)
      (then (local.set $p (i32.sub (local.get $p) (i32.const 1))) (i32.store8 (local.get $p) (i32.const 45))))
    (drop (call $write (i32.const 1) (local.get $p) (i32.sub (i32.const 0x121) (local.get $p)))))
  (func $label (param $s i32) (param $n i64)
    (call $puts (local.get $s)) (call $putnum (local.get $n)))
  (func $die (param $code i32)
    (drop (call $exit_group (local.get $code))) (unreachable))
  ;; Copy stdin-like fd `fd` to stdout until EOF.
  (func $cat (param $fd i32) (local $n i64)
    (block $eof (loop $l
      (local.set $n (call $read (local.get $fd) (i32.const 0x2000) (i32.const 4096)))
      (br_if $eof (i64.le_s (local.get $n) (i64.const 0)))
      (drop (call $write (i32.const 1) (i32.const 0x2000) (i32.wrap_i64 (local.get $n))))
      (br $l))))
  ;; argv[i] copied to 0x3000 + 0x400*i (NUL-terminated); returns the address.
  (func $arg (param $i i32) (result i32) (local $p i32)
    (local.set $p (i32.add (i32.const 0x3000) (i32.mul (local.get $i) (i32.const 0x400))))
    (drop (call $copy_argv (local.get $p) (local.get $i)))
    (local.get $p))
  ;; WEXITSTATUS / WTERMSIG of the status at 0x210.
  (func $exitstatus (result i32) (i32.shr_u (i32.and (i32.load (i32.const 0x210)) (i32.const 0xff00)) (i32.const 8)))
  (func $termsig (result i32) (i32.and (i32.load (i32.const 0x210)) (i32.const 0x7f)))
"#;

/// A module with the imports, helpers, `memory` (shared or not) and `body`.
fn guest(body: &str, shared: bool) -> Vec<u8> {
    let memory = if shared { r#"(memory (export "memory") 2 2 shared)"# } else { r#"(memory (export "memory") 2 2)"# };
    let text = format!("(module {IMPORTS} {memory} {HELPERS} {body})");
    wat::parse_str(&text).unwrap_or_else(|e| panic!("bad wat: {e}\n{text}"))
}

/// Write an executable module file.
fn module(dir: &Path, name: &str, body: &str, shared: bool) -> PathBuf {
    let path = dir.join(format!("{name}.wasm"));
    std::fs::write(&path, guest(body, shared)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn run_module(path: &Path, flags: &[&str], args: &[&str]) -> Out {
    let mut c = wali_run();
    c.args(flags).arg(path).args(args);
    run(c)
}

const FORK_WAIT: &str = r#"
  (func (export "_start") (local $pid i64)
    (local.set $pid (call $fork))
    (if (i64.lt_s (local.get $pid) (i64.const 0)) (then (call $die (i32.const 100))))
    (if (i64.eqz (local.get $pid)) (then
      ;; The child's memory is a copy: the parent must not see this store.
      (i32.store (i32.const 0x700) (i32.const 7))
      (call $die (i32.const 42))))
    (if (i64.ne (call $wait4 (i32.const -1) (i32.const 0x210) (i32.const 0) (i32.const 0x600)) (local.get $pid))
      (then (call $die (i32.const 101))))
    (if (i32.load (i32.const 0x700)) (then (call $die (i32.const 102))))
    ;; Some user time or context switches are in the rusage of a child that ran.
    (call $die (call $exitstatus)))
"#;

#[test]
fn fork_and_wait4_give_the_childs_exit_status_with_shared_memory() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_module(&module(dir.path(), "fork", FORK_WAIT, true), &[], &[]);
    assert_eq!(o.status, 42, "stderr: {}", o.stderr);
}

#[test]
fn fork_and_wait4_give_the_childs_exit_status_with_plain_memory() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_module(&module(dir.path(), "fork", FORK_WAIT, false), &[], &[]);
    assert_eq!(o.status, 42, "stderr: {}", o.stderr);
}

#[test]
fn fork_shows_in_strace_of_parent_and_child() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_module(&module(dir.path(), "fork", FORK_WAIT, true), &["--strace"], &[]);
    assert_eq!(o.status, 42, "stderr: {}", o.stderr);
    assert!(o.stderr.contains("fork() = 0"), "{}", o.stderr);
    assert!(o.stderr.lines().filter(|l| l.contains("fork() = ")).count() == 2, "{}", o.stderr);
}

#[test]
fn a_child_killed_by_a_signal_reports_wtermsig() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"
      (data (i32.const 0x400) "kill=\00")
      (func (export "_start") (local $pid i64)
        (local.set $pid (call $fork))
        (if (i64.eqz (local.get $pid)) (then
          (call $label (i32.const 0x400) (call $kill (i32.wrap_i64 (call $getpid)) (i32.const 9)))
          (call $die (i32.const 1))))
        (drop (call $wait4 (i32.wrap_i64 (local.get $pid)) (i32.const 0x210) (i32.const 0) (i32.const 0)))
        (call $die (call $termsig)))
    "#;
    let o = run_module(&module(dir.path(), "killed", body, true), &[], &[]);
    assert_eq!(o.status, 9, "stdout: {} stderr: {}", o.stdout, o.stderr);
}

#[test]
fn a_pipe_carries_data_from_child_to_parent() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"
      (data (i32.const 0x400) "hello through a pipe\n\00")
      (func (export "_start") (local $pid i64)
        (if (i64.ne (call $pipe2 (i32.const 0x200) (i32.const 0)) (i64.const 0)) (then (call $die (i32.const 100))))
        (local.set $pid (call $fork))
        (if (i64.eqz (local.get $pid)) (then
          (drop (call $close (i32.load (i32.const 0x200))))
          (drop (call $write (i32.load (i32.const 0x204)) (i32.const 0x400) (call $strlen (i32.const 0x400))))
          (call $die (i32.const 0))))
        (drop (call $close (i32.load (i32.const 0x204))))
        (call $cat (i32.load (i32.const 0x200)))
        (drop (call $wait4 (i32.const -1) (i32.const 0x210) (i32.const 0) (i32.const 0)))
        (call $die (call $exitstatus)))
    "#;
    let o = run_module(&module(dir.path(), "pipe", body, true), &[], &[]);
    assert_eq!((o.status, o.stdout.as_str()), (0, "hello through a pipe\n"), "stderr: {}", o.stderr);
}

#[test]
fn waitid_describes_the_child_in_a_siginfo() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"
      (data (i32.const 0x400) "waitid=\00")
      (data (i32.const 0x410) "signo=\00")
      (data (i32.const 0x420) "code=\00")
      (data (i32.const 0x430) "same_pid=\00")
      (data (i32.const 0x440) "status=\00")
      (data (i32.const 0x450) "untouched=\00")
      (data (i32.const 0x460) "nohang=\00")
      (func (export "_start") (local $pid i64)
        (local.set $pid (call $fork))
        (if (i64.eqz (local.get $pid)) (then (call $die (i32.const 7))))
        (i32.store (i32.const 0x30c) (i32.const 0x5a5a5a5a))
        ;; waitid(P_PID, pid, &info, WEXITED, &rusage)
        (call $label (i32.const 0x400)
          (call $waitid (i32.const 1) (i32.wrap_i64 (local.get $pid)) (i32.const 0x300) (i32.const 4) (i32.const 0x600)))
        (call $label (i32.const 0x410) (i64.extend_i32_s (i32.load (i32.const 0x300))))
        (call $label (i32.const 0x420) (i64.extend_i32_s (i32.load (i32.const 0x308))))
        (call $label (i32.const 0x430) (i64.extend_i32_u (i64.eq (i64.extend_i32_s (i32.load (i32.const 0x310))) (local.get $pid))))
        (call $label (i32.const 0x440) (i64.extend_i32_s (i32.load (i32.const 0x318))))
        (call $label (i32.const 0x450) (i64.extend_i32_u (i32.eq (i32.load (i32.const 0x30c)) (i32.const 0x5a5a5a5a))))
        ;; No child left: wait4(-1, ..., WNOHANG) fails with ECHILD.
        (call $label (i32.const 0x460) (call $wait4 (i32.const -1) (i32.const 0x210) (i32.const 1) (i32.const 0)))
        (call $die (i32.const 0)))
    "#;
    let o = run_module(&module(dir.path(), "waitid", body, true), &[], &[]);
    assert_eq!(o.status, 0, "stderr: {}", o.stderr);
    assert_eq!(o.stdout, "waitid=0\nsigno=17\ncode=1\nsame_pid=1\nstatus=7\nuntouched=1\nnohang=-10\n");
}

/// As the kernel does, wait4 reaps the child first and then fails with EFAULT
/// on a bad status pointer: the child is gone (ECHILD next).
#[test]
fn wait4_reaps_before_storing_through_a_bad_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"
      (data (i32.const 0x400) "bad=\00")
      (data (i32.const 0x410) "again=\00")
      (func (export "_start") (local $pid i64)
        (local.set $pid (call $fork))
        (if (i64.eqz (local.get $pid)) (then (call $die (i32.const 3))))
        (call $label (i32.const 0x400) (call $wait4 (i32.const -1) (i32.const 0x7fff0000) (i32.const 0) (i32.const 0)))
        (call $label (i32.const 0x410) (call $wait4 (i32.const -1) (i32.const 0x210) (i32.const 0) (i32.const 0)))
        (call $die (i32.const 0)))
    "#;
    let o = run_module(&module(dir.path(), "wait_efault", body, true), &[], &[]);
    assert_eq!((o.status, o.stdout.as_str()), (0, "bad=-14\nagain=-10\n"), "stderr: {}", o.stderr);
}

/// A guest with a second thread (blocked for ever) that forks: the child has
/// only the forking thread, and its `exit` ends it (with no thread to wait for).
#[test]
fn fork_in_a_threaded_guest_keeps_only_the_calling_thread() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"
      (table 2 funcref)
      (elem (i32.const 1) $blocked)
      (func $blocked (param $tid i32) (param $arg i32)
        (loop $l
          (drop (call $futex (i32.const 0x800) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
          (br $l)))
      (func (export "_start") (local $pid i64)
        (if (i32.le_s (call $spawn (i32.const 1) (i32.const 0)) (i32.const 0)) (then (call $die (i32.const 110))))
        (local.set $pid (call $fork))
        (if (i64.eqz (local.get $pid)) (then (drop (call $exit (i32.const 6))) (unreachable)))
        (drop (call $wait4 (i32.wrap_i64 (local.get $pid)) (i32.const 0x210) (i32.const 0) (i32.const 0)))
        (call $die (call $exitstatus)))
    "#;
    let o = run_module(&module(dir.path(), "threaded_fork", body, true), &[], &[]);
    assert_eq!(o.status, 6, "stderr: {}", o.stderr);
}

/// A secondary thread forks: in the child it is the main (only) thread, and
/// the process ends when it exits.
#[test]
fn fork_from_a_secondary_thread() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"
      (table 2 funcref)
      (elem (i32.const 1) $forker)
      (func $forker (param $tid i32) (param $arg i32) (local $pid i64)
        (local.set $pid (call $fork))
        (if (i64.eqz (local.get $pid)) (then (drop (call $exit (i32.const 8))) (unreachable)))
        (drop (call $wait4 (i32.wrap_i64 (local.get $pid)) (i32.const 0x210) (i32.const 0) (i32.const 0)))
        (i32.atomic.store (i32.const 0x804) (i32.const 1))
        (drop (call $futex (i32.const 0x804) (i32.const 1) (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 0)))
        (drop (call $exit (i32.const 0))))
      (func (export "_start")
        (if (i32.le_s (call $spawn (i32.const 1) (i32.const 0)) (i32.const 0)) (then (call $die (i32.const 110))))
        (block $done (loop $l
          (br_if $done (i32.atomic.load (i32.const 0x804)))
          (drop (call $futex (i32.const 0x804) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
          (br $l)))
        (call $die (call $exitstatus)))
    "#;
    let o = run_module(&module(dir.path(), "thread_forks", body, true), &[], &[]);
    assert_eq!(o.status, 8, "stderr: {}", o.stderr);
}

/// The program execve'd by `exec_a`: prints its pid, argv and environment file.
const EXEC_B: &str = r#"
  (data (i32.const 0x400) "pid=\00")
  (data (i32.const 0x410) "argv: \00")
  (data (i32.const 0x420) "\n\00")
  (data (i32.const 0x430) "no env\n\00")
  (func (export "_start") (local $i i32) (local $fd i64)
    (call $label (i32.const 0x400) (call $getpid))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (call $argc)))
      (call $puts (i32.const 0x410))
      (call $puts (call $arg (local.get $i)))
      (call $puts (i32.const 0x420))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (if (i32.eqz (call $envfile (i32.const 0x1800) (i32.const 256)))
      (then (call $puts (i32.const 0x430)) (call $die (i32.const 0))))
    (local.set $fd (call $openat (i32.const -100) (i32.const 0x1800) (i32.const 0) (i32.const 0)))
    (if (i64.lt_s (local.get $fd) (i64.const 0)) (then (call $die (i32.const 120))))
    (call $cat (i32.wrap_i64 (local.get $fd)))
    (call $die (i32.const 0)))
"#;

/// Prints its pid, then execve(argv[1], {"second", "x", "y z"}, envp) where
/// envp is {"FOO=bar", "BAZ=1"}, or NULL when a second argument is given.
const EXEC_A: &str = r#"
  (data (i32.const 0x400) "pid=\00")
  (data (i32.const 0x410) "execve=\00")
  (data (i32.const 0x500) "second\00")
  (data (i32.const 0x510) "x\00")
  (data (i32.const 0x520) "y z\00")
  (data (i32.const 0x540) "FOO=bar\00")
  (data (i32.const 0x550) "BAZ=1\00")
  (func (export "_start") (local $envp i32)
    (call $label (i32.const 0x400) (call $getpid))
    (i32.store (i32.const 0x1000) (i32.const 0x500))
    (i32.store (i32.const 0x1004) (i32.const 0x510))
    (i32.store (i32.const 0x1008) (i32.const 0x520))
    (i32.store (i32.const 0x100c) (i32.const 0))
    (i32.store (i32.const 0x1100) (i32.const 0x540))
    (i32.store (i32.const 0x1104) (i32.const 0x550))
    (i32.store (i32.const 0x1108) (i32.const 0))
    (local.set $envp (if (result i32) (i32.gt_u (call $argc) (i32.const 2)) (then (i32.const 0)) (else (i32.const 0x1100))))
    (call $label (i32.const 0x410) (call $execve (call $arg (i32.const 1)) (i32.const 0x1000) (local.get $envp)))
    (call $die (i32.const 1)))
"#;

fn pids(stdout: &str) -> Vec<&str> {
    stdout.lines().filter_map(|l| l.strip_prefix("pid=")).collect()
}

#[test]
fn execve_of_a_wasm_module_keeps_the_pid_and_passes_argv_and_env() {
    let dir = tempfile::tempdir().unwrap();
    let a = module(dir.path(), "exec_a", EXEC_A, true);
    let b = module(dir.path(), "exec_b", EXEC_B, false);
    let o = run_module(&a, &[], &[b.to_str().unwrap()]);
    assert_eq!(o.status, 0, "stdout: {} stderr: {}", o.stdout, o.stderr);
    let p = pids(&o.stdout);
    assert_eq!(p.len(), 2, "{}", o.stdout);
    assert_eq!(p[0], p[1], "execve keeps the pid");
    let rest: Vec<&str> = o.stdout.lines().filter(|l| !l.starts_with("pid=")).collect();
    assert_eq!(rest, ["argv: second", "argv: x", "argv: y z", "FOO=bar", "BAZ=1"]);
}

#[test]
fn execve_of_a_precompiled_module() {
    let dir = tempfile::tempdir().unwrap();
    let a = module(dir.path(), "exec_a", EXEC_A, true);
    let b = module(dir.path(), "exec_b", EXEC_B, true);
    let cwasm = dir.path().join("exec_b.cwasm");
    let mut c = wali_run();
    c.arg("compile").arg(&b).arg("-o").arg(&cwasm);
    assert_eq!(run(c).status, 0);
    std::fs::set_permissions(&cwasm, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = run_module(&a, &[], &[cwasm.to_str().unwrap()]);
    assert_eq!(o.status, 0, "stdout: {} stderr: {}", o.stdout, o.stderr);
    assert!(o.stdout.ends_with("argv: y z\nFOO=bar\nBAZ=1\n"), "{}", o.stdout);
}

#[test]
fn execve_with_a_null_envp_gives_an_empty_environment() {
    let dir = tempfile::tempdir().unwrap();
    let a = module(dir.path(), "exec_a", EXEC_A, true);
    let b = module(dir.path(), "exec_b", EXEC_B, true);
    let mut c = wali_run();
    c.arg("--env=SHOULD=not_pass").arg(&a).arg(&b).arg("null-env");
    let o = run(c);
    assert_eq!(o.status, 0, "stderr: {}", o.stderr);
    assert!(o.stdout.ends_with("argv: y z\nno env\n"), "{}", o.stdout);
}

#[test]
fn execve_passes_the_runtime_flags_on() {
    let dir = tempfile::tempdir().unwrap();
    let a = module(dir.path(), "exec_a", EXEC_A, true);
    let b = module(dir.path(), "exec_b", EXEC_B, true);
    let o = run_module(&a, &["--strace", "--max-memory=1M"], &[b.to_str().unwrap()]);
    assert_eq!(o.status, 0, "stderr: {}", o.stderr);
    let pid = pids(&o.stdout)[0].to_string();
    // Both programs' calls are traced, under the same pid.
    assert!(o.stderr.contains(&format!("[{pid}] execve(")), "{}", o.stderr);
    assert_eq!(o.stderr.matches(&format!("[{pid}] getpid() = {pid}")).count(), 2, "{}", o.stderr);
    assert!(o.stderr.contains(&format!("[{pid}] __get_init_envfile(")), "{}", o.stderr);
}

#[test]
fn execve_fails_as_the_kernel_would() {
    let dir = tempfile::tempdir().unwrap();
    let a = module(dir.path(), "exec_a", EXEC_A, true);
    let b = module(dir.path(), "exec_b", EXEC_B, true);
    // Not executable.
    std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = run_module(&a, &[], &[b.to_str().unwrap()]);
    assert_eq!((o.status, pids(&o.stdout).len()), (1, 1));
    assert!(o.stdout.ends_with("execve=-13\n"), "{}", o.stdout);
    // Missing.
    let o = run_module(&a, &[], &[dir.path().join("missing.wasm").to_str().unwrap()]);
    assert!(o.stdout.ends_with("execve=-2\n"), "{}", o.stdout);
    // A directory.
    let o = run_module(&a, &[], &[dir.path().to_str().unwrap()]);
    assert!(o.stdout.ends_with("execve=-13\n"), "{}", o.stdout);
    // A FIFO (with the execute bit): refused, not waited on.
    let fifo = dir.path().join("fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: plain syscall on a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o755) }, 0);
    let o = run_module(&a, &[], &[fifo.to_str().unwrap()]);
    assert!(o.stdout.ends_with("execve=-13\n"), "{}", o.stdout);
}

/// execve(argv[1], {argv[1], "hello", "native"}, NULL).
const EXEC_NATIVE: &str = r#"
  (data (i32.const 0x400) "execve=\00")
  (data (i32.const 0x500) "hello\00")
  (data (i32.const 0x510) "native\00")
  (func (export "_start")
    (i32.store (i32.const 0x1000) (call $arg (i32.const 1)))
    (i32.store (i32.const 0x1004) (i32.const 0x500))
    (i32.store (i32.const 0x1008) (i32.const 0x510))
    (i32.store (i32.const 0x100c) (i32.const 0))
    (call $label (i32.const 0x400) (call $execve (i32.load (i32.const 0x1000)) (i32.const 0x1000) (i32.const 0)))
    (call $die (i32.const 13)))
"#;

#[test]
fn execve_of_a_native_program() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(dir.path(), "exec_native", EXEC_NATIVE, true);
    let o = run_module(&m, &[], &["/bin/echo"]);
    assert_eq!((o.status, o.stdout.as_str()), (0, "hello native\n"), "stderr: {}", o.stderr);
}

#[test]
fn no_native_exec_refuses_native_programs_with_eacces() {
    let dir = tempfile::tempdir().unwrap();
    let m = module(dir.path(), "exec_native", EXEC_NATIVE, true);
    let o = run_module(&m, &["--no-native-exec"], &["/bin/echo"]);
    assert_eq!((o.status, o.stdout.as_str()), (13, "execve=-13\n"), "stderr: {}", o.stderr);
    // Wasm modules still run.
    let a = module(dir.path(), "exec_a", EXEC_A, true);
    let b = module(dir.path(), "exec_b", EXEC_B, true);
    let o = run_module(&a, &["--no-native-exec"], &[b.to_str().unwrap()]);
    assert_eq!(o.status, 0, "stdout: {} stderr: {}", o.stdout, o.stderr);
    assert!(o.stdout.contains("argv: second"), "{}", o.stdout);
}

#[test]
fn no_native_exec_is_kept_across_a_wasm_execve() {
    let dir = tempfile::tempdir().unwrap();
    // exec_a runs exec_native with argv[1] = "x", which is /bin/echo here.
    let a = module(dir.path(), "exec_a", EXEC_A, true);
    let n = module(dir.path(), "exec_native", EXEC_NATIVE, true);
    std::os::unix::fs::symlink("/bin/echo", dir.path().join("x")).unwrap();
    let mut c = wali_run();
    c.current_dir(dir.path()).arg(&a).arg(&n);
    let o = run(c);
    assert_eq!((o.status, o.stdout.lines().last()), (0, Some("hello native")), "stderr: {}", o.stderr);
    let mut c = wali_run();
    c.current_dir(dir.path()).arg("--no-native-exec").arg(&a).arg(&n);
    let o = run(c);
    assert_eq!((o.status, o.stdout.lines().last()), (13, Some("execve=-13")), "stderr: {}", o.stderr);
}

/// `/bin/echo hello | upper`, built from pipe, fork, dup2 and execve; argv[1]
/// is the path of `upper`.
const PIPELINE: &str = r#"
  (data (i32.const 0x400) "/bin/echo\00")
  (data (i32.const 0x410) "echo\00")
  (data (i32.const 0x420) "hello\00")
  (data (i32.const 0x430) "upper\00")
  (func (export "_start") (local $rd i32) (local $wr i32)
    (if (i64.ne (call $pipe2 (i32.const 0x200) (i32.const 0)) (i64.const 0)) (then (call $die (i32.const 100))))
    (local.set $rd (i32.load (i32.const 0x200)))
    (local.set $wr (i32.load (i32.const 0x204)))
    (if (i64.eqz (call $fork)) (then
      (drop (call $dup2 (local.get $wr) (i32.const 1)))
      (drop (call $close (local.get $rd)))
      (drop (call $close (local.get $wr)))
      (i32.store (i32.const 0x1000) (i32.const 0x410))
      (i32.store (i32.const 0x1004) (i32.const 0x420))
      (i32.store (i32.const 0x1008) (i32.const 0))
      (drop (call $execve (i32.const 0x400) (i32.const 0x1000) (i32.const 0)))
      (call $die (i32.const 120))))
    (if (i64.eqz (call $fork)) (then
      (drop (call $dup2 (local.get $rd) (i32.const 0)))
      (drop (call $close (local.get $rd)))
      (drop (call $close (local.get $wr)))
      (i32.store (i32.const 0x1000) (i32.const 0x430))
      (i32.store (i32.const 0x1004) (i32.const 0))
      (drop (call $execve (call $arg (i32.const 1)) (i32.const 0x1000) (i32.const 0)))
      (call $die (i32.const 121))))
    (drop (call $close (local.get $rd)))
    (drop (call $close (local.get $wr)))
    (drop (call $wait4 (i32.const -1) (i32.const 0x210) (i32.const 0) (i32.const 0)))
    (if (call $exitstatus) (then (call $die (call $exitstatus))))
    (drop (call $wait4 (i32.const -1) (i32.const 0x210) (i32.const 0) (i32.const 0)))
    (call $die (call $exitstatus)))
"#;

/// Copies stdin to stdout, upper-casing ASCII letters.
const UPPER: &str = r#"
  (func (export "_start") (local $n i32) (local $i i32) (local $c i32)
    (block $eof (loop $l
      (local.set $n (i32.wrap_i64 (call $read (i32.const 0) (i32.const 0x2000) (i32.const 4096))))
      (br_if $eof (i32.le_s (local.get $n) (i32.const 0)))
      (local.set $i (i32.const 0))
      (block $done (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load8_u (i32.add (i32.const 0x2000) (local.get $i))))
        (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
          (then (i32.store8 (i32.add (i32.const 0x2000) (local.get $i)) (i32.sub (local.get $c) (i32.const 32)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
      (drop (call $write (i32.const 1) (i32.const 0x2000) (local.get $n)))
      (br $l)))
    (call $die (i32.const 0)))
"#;

#[test]
fn a_pipeline_of_a_native_and_a_wasm_program() {
    let dir = tempfile::tempdir().unwrap();
    let p = module(dir.path(), "pipeline", PIPELINE, true);
    let u = module(dir.path(), "upper", UPPER, false);
    let o = run_module(&p, &[], &[u.to_str().unwrap()]);
    assert_eq!((o.status, o.stdout.as_str()), (0, "HELLO\n"), "stderr: {}", o.stderr);
}

#[test]
fn argv0_option_sets_the_guests_argv0() {
    let dir = tempfile::tempdir().unwrap();
    let b = module(dir.path(), "exec_b", EXEC_B, true);
    let mut c = wali_run();
    c.arg("--argv0=-dash").arg("--").arg(&b).arg("--strace").arg("a");
    let o = run(c);
    assert_eq!(o.status, 0, "stderr: {}", o.stderr);
    assert!(o.stdout.contains("argv: -dash\nargv: --strace\nargv: a\nno env\n"), "{}", o.stdout);
}

#[test]
fn register_dry_run_prints_the_binfmt_line() {
    let mut c = wali_run();
    c.args(["register", "--dry-run", "--interpreter", "/usr/local/bin/wali-run"]);
    let o = run(c);
    assert_eq!(o.status, 0, "stderr: {}", o.stderr);
    assert_eq!(
        o.stdout,
        ":wali-run:M::\\x00asm\\x01\\x00\\x00\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff:/usr/local/bin/wali-run:F\n"
    );
    // By default the interpreter is this binary, by its absolute path.
    let mut c = wali_run();
    c.args(["register", "--dry-run"]);
    let o = run(c);
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_wali-run")).unwrap();
    assert!(o.stdout.trim_end().ends_with(&format!(":{}:F", exe.display())), "{}", o.stdout);
    // A path binfmt_misc cannot hold is refused.
    let mut c = wali_run();
    c.args(["register", "--dry-run", "--interpreter", "/a:b"]);
    let o = run(c);
    assert_ne!(o.status, 0);
    assert!(o.stderr.contains("':'"), "{}", o.stderr);
}
