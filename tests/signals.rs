//! Guest signal handlers, end to end, with small WAT guests: delivery after
//! the syscall that raised a signal, interruption of a spinning guest, EINTR
//! and SA_RESTART, SA_RESETHAND, SA_SIGINFO, masks and pending signals,
//! default actions, and the runtime keeping its SIGSEGV handler.
//!
//! Each guest exits 0 when its own checks pass, or with the number of the
//! first check that failed.

mod common;

use common::wali_run;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const SIGUSR1: i32 = 10;
const SIGSEGV: i32 = 11;
const SIGALRM: i32 = 14;
const SIGTERM: i32 = 15;

const SA_SIGINFO: u64 = 4;
const SA_RESTART: u64 = 0x1000_0000;
const SA_RESETHAND: u64 = 0x8000_0000;

/// Imports and helpers shared by the guests:
/// * `$h` (table index 1): `(signo)` handler storing signo at 0x100;
/// * `$h3` (table index 2): `(signo, info, uc)` handler storing signo at 0x100,
///   si_pid at 0x104, si_code at 0x108;
/// * `$install(sig, handler, flags) -> result` (sigaction built at 0x400);
/// * `$check(ok, code)`: exit with `code` unless `ok`;
/// * `$ready`: write "ready\n" to stdout; `$spin`: loop until 0x100 is set.
const PRELUDE: &str = r#"
  (import "wali" "SYS_rt_sigaction" (func $sigaction (param i32 i32 i32 i32) (result i64)))
  (import "wali" "SYS_rt_sigprocmask" (func $sigprocmask (param i32 i32 i32 i32) (result i64)))
  (import "wali" "SYS_rt_sigpending" (func $sigpending (param i32 i32) (result i64)))
  (import "wali" "SYS_rt_sigsuspend" (func $sigsuspend (param i32 i32) (result i64)))
  (import "wali" "SYS_kill" (func $kill (param i32 i32) (result i64)))
  (import "wali" "SYS_getpid" (func $getpid (result i64)))
  (import "wali" "SYS_getppid" (func $getppid (result i64)))
  (import "wali" "SYS_alarm" (func $alarm (param i32) (result i64)))
  (import "wali" "SYS_read" (func $read (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_write" (func $write (param i32 i32 i32) (result i64)))
  (import "wali" "__proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (table 4 funcref)
  (elem (i32.const 1) func $h $h3)
  (data (i32.const 0x300) "ready\n")
  (func $h (param i32) (i32.store (i32.const 0x100) (local.get 0)))
  (func $h3 (param i32 i32 i32)
    (i32.store (i32.const 0x100) (local.get 0))
    (i32.store (i32.const 0x104) (i32.load offset=16 (local.get 1)))
    (i32.store (i32.const 0x108) (i32.load offset=8 (local.get 1))))
  (func $install (param $sig i32) (param $h i32) (param $flags i64) (result i64)
    (i32.store (i32.const 0x400) (local.get $h))
    (i64.store (i32.const 0x404) (local.get $flags))
    (i32.store (i32.const 0x40c) (i32.const 0))
    (i64.store (i32.const 0x410) (i64.const 0))
    (call $sigaction (local.get $sig) (i32.const 0x400) (i32.const 0) (i32.const 8)))
  (func $check (param $ok i32) (param $code i32)
    (if (i32.eqz (local.get $ok)) (then (call $exit (local.get $code)))))
  (func $ready (drop (call $write (i32.const 1) (i32.const 0x300) (i32.const 6))))
  (func $spin (block $done (loop $again (br_if $done (i32.load (i32.const 0x100))) (br $again))))
  (func $self (result i32) (i32.wrap_i64 (call $getpid)))
"#;

/// Write a guest made of the prelude and `start` (the body of `_start`).
fn guest(dir: &Path, name: &str, start: &str) -> PathBuf {
    guest_with(dir, name, "", start)
}

/// A guest with `extra` imports before the prelude.
fn guest_with(dir: &Path, name: &str, extra: &str, start: &str) -> PathBuf {
    let wat = format!("(module {extra} {PRELUDE}\n (func (export \"_start\") {start}))");
    let path = dir.join(format!("{name}.wasm"));
    std::fs::write(&path, wat::parse_str(&wat).expect("valid wat")).unwrap();
    path
}

fn spawn(path: &Path) -> Child {
    wali_run().arg(path).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn wali-run")
}

/// Wait for the child's exit, killing it after `limit`.
fn wait(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("guest still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Read the guest's "ready" line (it has installed its handlers).
fn await_ready(child: &mut Child) -> BufReader<std::process::ChildStdout> {
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "ready\n", "guest did not get ready");
    out
}

fn signal(child: &Child, sig: i32) {
    // SAFETY: plain syscall to our own child.
    assert_eq!(unsafe { libc::kill(child.id() as i32, sig) }, 0);
}

fn stderr_of(child: &mut Child) -> String {
    let mut s = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut e, &mut s);
    }
    s
}

/// Run a guest that needs no help from outside; its exit status.
fn run(path: &Path) -> ExitStatus {
    let mut child = spawn(path);
    let s = wait(&mut child, Duration::from_secs(20));
    if s.code() != Some(0) {
        eprintln!("guest stderr: {}", stderr_of(&mut child));
    }
    s
}

#[test]
fn handler_runs_before_kill_returns() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(
        dir.path(),
        "kill_self",
        &format!(
            r#"(local $r i64)
            (call $check (i64.eqz (call $install (i32.const {SIGUSR1}) (i32.const 1) (i64.const 0))) (i32.const 2))
            (local.set $r (call $kill (call $self) (i32.const {SIGUSR1})))
            ;; no epoch check between kill's return and this load
            (call $check (i32.eq (i32.load (i32.const 0x100)) (i32.const {SIGUSR1})) (i32.const 3))
            (call $check (i64.eqz (local.get $r)) (i32.const 4))
            (call $exit (i32.const 0))"#
        ),
    );
    assert_eq!(run(&g).code(), Some(0));
}

#[test]
fn spinning_guest_is_interrupted_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(
        dir.path(),
        "spin",
        &format!(
            r#"(call $check (i64.eqz (call $install (i32.const {SIGUSR1}) (i32.const 1) (i64.const 0))) (i32.const 2))
            (call $ready)
            (call $spin)
            (call $check (i32.eq (i32.load (i32.const 0x100)) (i32.const {SIGUSR1})) (i32.const 3))
            (call $exit (i32.const 0))"#
        ),
    );
    let mut child = spawn(&g);
    let _out = await_ready(&mut child);
    std::thread::sleep(Duration::from_millis(50)); // spinning by now
    let sent = Instant::now();
    signal(&child, SIGUSR1);
    let status = wait(&mut child, Duration::from_secs(10));
    let took = sent.elapsed();
    assert_eq!(status.code(), Some(0), "{}", stderr_of(&mut child));
    assert!(took < Duration::from_millis(100), "guest exited {took:?} after the signal");
}

#[test]
fn blocking_read_returns_eintr_after_the_handler() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(
        dir.path(),
        "eintr",
        &format!(
            r#"(local $r i64)
            (call $check (i64.eqz (call $install (i32.const {SIGALRM}) (i32.const 1) (i64.const 0))) (i32.const 2))
            (drop (call $alarm (i32.const 1)))
            (local.set $r (call $read (i32.const 0) (i32.const 0x200) (i32.const 16)))
            (call $check (i64.eq (local.get $r) (i64.const -4)) (i32.const 3))
            (call $check (i32.eq (i32.load (i32.const 0x100)) (i32.const {SIGALRM})) (i32.const 4))
            (call $exit (i32.const 0))"#
        ),
    );
    // stdin stays open and empty: the read blocks until the alarm.
    let mut child = spawn(&g);
    let status = wait(&mut child, Duration::from_secs(10));
    assert_eq!(status.code(), Some(0), "{}", stderr_of(&mut child));
}

#[test]
fn sa_restart_restarts_the_read_and_the_handler_still_runs() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(
        dir.path(),
        "restart",
        &format!(
            r#"(local $r i64)
            (call $check (i64.eqz (call $install (i32.const {SIGALRM}) (i32.const 1) (i64.const {SA_RESTART}))) (i32.const 2))
            (call $ready)
            (drop (call $alarm (i32.const 1)))
            (local.set $r (call $read (i32.const 0) (i32.const 0x200) (i32.const 16)))
            (call $check (i64.eq (local.get $r) (i64.const 3)) (i32.const 3))
            (call $check (i32.eq (i32.load (i32.const 0x100)) (i32.const {SIGALRM})) (i32.const 4))
            (call $exit (i32.const 0))"#
        ),
    );
    let mut child = spawn(&g);
    let _out = await_ready(&mut child);
    std::thread::sleep(Duration::from_millis(1600)); // the alarm went off meanwhile
    child.stdin.as_mut().unwrap().write_all(b"ok\n").unwrap();
    let status = wait(&mut child, Duration::from_secs(10));
    assert_eq!(status.code(), Some(0), "{}", stderr_of(&mut child));
}

#[test]
fn sa_resethand_second_signal_kills() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(
        dir.path(),
        "resethand",
        &format!(
            r#"(call $check (i64.eqz (call $install (i32.const {SIGUSR1}) (i32.const 1) (i64.const {SA_RESETHAND}))) (i32.const 2))
            (drop (call $kill (call $self) (i32.const {SIGUSR1})))
            (call $check (i32.eq (i32.load (i32.const 0x100)) (i32.const {SIGUSR1})) (i32.const 3))
            ;; the action reads back as SIG_DFL now
            (i32.store (i32.const 0x500) (i32.const 99))
            (drop (call $sigaction (i32.const {SIGUSR1}) (i32.const 0) (i32.const 0x500) (i32.const 8)))
            (call $check (i32.eqz (i32.load (i32.const 0x500))) (i32.const 4))
            (drop (call $kill (call $self) (i32.const {SIGUSR1})))
            (call $exit (i32.const 5))"#
        ),
    );
    let status = run(&g);
    assert_eq!(status.signal(), Some(SIGUSR1), "{status:?}");
}

#[test]
fn siginfo_handler_sees_the_sender() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(
        dir.path(),
        "siginfo",
        &format!(
            r#"(call $check (i64.eqz (call $install (i32.const {SIGUSR1}) (i32.const 2) (i64.const {SA_SIGINFO}))) (i32.const 2))
            (call $ready)
            (call $spin)
            (call $check (i32.eq (i32.load (i32.const 0x100)) (i32.const {SIGUSR1})) (i32.const 3))
            ;; sent by kill from our parent, the test: SI_USER
            (call $check (i32.eq (i32.load (i32.const 0x104)) (i32.wrap_i64 (call $getppid))) (i32.const 4))
            (call $check (i32.eqz (i32.load (i32.const 0x108))) (i32.const 5))
            ;; and from ourselves
            (i32.store (i32.const 0x104) (i32.const 0))
            (drop (call $kill (call $self) (i32.const {SIGUSR1})))
            (call $check (i32.eq (i32.load (i32.const 0x104)) (call $self)) (i32.const 6))
            (call $exit (i32.const 0))"#
        ),
    );
    let mut child = spawn(&g);
    let _out = await_ready(&mut child);
    signal(&child, SIGUSR1);
    let status = wait(&mut child, Duration::from_secs(10));
    assert_eq!(status.code(), Some(0), "{}", stderr_of(&mut child));
}

#[test]
fn blocked_signal_stays_pending_until_unblocked_and_sigsuspend() {
    let dir = tempfile::tempdir().unwrap();
    let usr1 = 1u64 << (SIGUSR1 - 1);
    let alrm = 1u64 << (SIGALRM - 1);
    let g = guest(
        dir.path(),
        "masks",
        &format!(
            r#"(call $check (i64.eqz (call $install (i32.const {SIGUSR1}) (i32.const 1) (i64.const 0))) (i32.const 2))
            ;; block SIGUSR1 (set at 0x500), send it: nothing runs, it is pending
            (i64.store (i32.const 0x500) (i64.const {usr1}))
            (call $check (i64.eqz (call $sigprocmask (i32.const 0) (i32.const 0x500) (i32.const 0) (i32.const 8))) (i32.const 3))
            (drop (call $kill (call $self) (i32.const {SIGUSR1})))
            (call $check (i32.eqz (i32.load (i32.const 0x100))) (i32.const 4))
            (call $check (i64.eqz (call $sigpending (i32.const 0x508) (i32.const 8))) (i32.const 5))
            (call $check (i64.eq (i64.load (i32.const 0x508)) (i64.const {usr1})) (i32.const 6))
            ;; a bad sigset size is EINVAL
            (call $check (i64.eq (call $sigprocmask (i32.const 0) (i32.const 0x500) (i32.const 0) (i32.const 4)) (i64.const -22)) (i32.const 7))
            ;; unblocking runs the handler before sigprocmask returns
            (call $check (i64.eqz (call $sigprocmask (i32.const 1) (i32.const 0x500) (i32.const 0) (i32.const 8))) (i32.const 8))
            (call $check (i32.eq (i32.load (i32.const 0x100)) (i32.const {SIGUSR1})) (i32.const 9))
            ;; sigsuspend: SIGALRM blocked, wait with an empty mask
            (i32.store (i32.const 0x100) (i32.const 0))
            (call $check (i64.eqz (call $install (i32.const {SIGALRM}) (i32.const 1) (i64.const 0))) (i32.const 10))
            (i64.store (i32.const 0x500) (i64.const {alrm}))
            (drop (call $sigprocmask (i32.const 0) (i32.const 0x500) (i32.const 0) (i32.const 8)))
            (drop (call $alarm (i32.const 1)))
            (i64.store (i32.const 0x510) (i64.const 0))
            (call $check (i64.eq (call $sigsuspend (i32.const 0x510) (i32.const 8)) (i64.const -4)) (i32.const 11))
            (call $check (i32.eq (i32.load (i32.const 0x100)) (i32.const {SIGALRM})) (i32.const 12))
            ;; the mask is back: SIGALRM blocked
            (drop (call $sigprocmask (i32.const 0) (i32.const 0) (i32.const 0x518) (i32.const 8)))
            (call $check (i64.eq (i64.load (i32.const 0x518)) (i64.const {alrm})) (i32.const 13))
            (call $exit (i32.const 0))"#
        ),
    );
    assert_eq!(run(&g).code(), Some(0));
}

#[test]
fn default_sigterm_kills() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(dir.path(), "term", "(call $ready) (call $spin) (call $exit (i32.const 1))");
    let mut child = spawn(&g);
    let _out = await_ready(&mut child);
    signal(&child, SIGTERM);
    let status = wait(&mut child, Duration::from_secs(10));
    assert_eq!(status.signal(), Some(SIGTERM), "{status:?}");
}

#[test]
fn guest_cannot_replace_the_runtime_sigsegv_handler() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(
        dir.path(),
        "segv",
        &format!(
            r#"(call $check (i64.eqz (call $install (i32.const {SIGSEGV}) (i32.const 1) (i64.const 0))) (i32.const 2))
            ;; recorded: reads back
            (drop (call $sigaction (i32.const {SIGSEGV}) (i32.const 0) (i32.const 0x500) (i32.const 8)))
            (call $check (i32.eq (i32.load (i32.const 0x500)) (i32.const 1)) (i32.const 3))
            (drop (i32.load (i32.const 0xfffffff0)))
            (call $exit (i32.const 4))"#
        ),
    );
    let mut child = spawn(&g);
    let status = wait(&mut child, Duration::from_secs(20));
    let err = stderr_of(&mut child);
    assert_eq!(status.code(), Some(139), "{status:?} {err}");
    assert!(err.contains("out of bounds"), "{err}");
}

#[test]
fn sigsegv_sent_to_self_reaches_the_guest_handler() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(
        dir.path(),
        "segv_kill",
        &format!(
            r#"(call $check (i64.eqz (call $install (i32.const {SIGSEGV}) (i32.const 1) (i64.const 0))) (i32.const 2))
            (drop (call $kill (call $self) (i32.const {SIGSEGV})))
            (call $check (i32.eq (i32.load (i32.const 0x100)) (i32.const {SIGSEGV})) (i32.const 3))
            ;; the runtime's handler is still there: a real fault traps
            (drop (i32.load (i32.const 0xfffffff0)))
            (call $exit (i32.const 4))"#
        ),
    );
    assert_eq!(run(&g).code(), Some(139));
}

#[test]
fn sigaction_errors() {
    let dir = tempfile::tempdir().unwrap();
    let g = guest(
        dir.path(),
        "errors",
        r#"(call $check (i64.eq (call $install (i32.const 9) (i32.const 1) (i64.const 0)) (i64.const -22)) (i32.const 2))
            (call $check (i64.eq (call $install (i32.const 19) (i32.const 1) (i64.const 0)) (i64.const -22)) (i32.const 3))
            (call $check (i64.eq (call $install (i32.const 65) (i32.const 1) (i64.const 0)) (i64.const -22)) (i32.const 4))
            (call $check (i64.eq (call $install (i32.const 0) (i32.const 1) (i64.const 0)) (i64.const -22)) (i32.const 5))
            (call $check (i64.eq (call $sigaction (i32.const 10) (i32.const 0x400) (i32.const 0) (i32.const 16)) (i64.const -22)) (i32.const 6))
            (call $check (i64.eq (call $sigaction (i32.const 10) (i32.const 0xfffffff0) (i32.const 0) (i32.const 8)) (i64.const -14)) (i32.const 7))
            ;; nothing was recorded for SIGKILL: it reads back as SIG_DFL
            (i32.store (i32.const 0x500) (i32.const 99))
            (call $check (i64.eqz (call $sigaction (i32.const 9) (i32.const 0) (i32.const 0x500) (i32.const 8))) (i32.const 8))
            (call $check (i32.eqz (i32.load (i32.const 0x500))) (i32.const 9))
            (call $exit (i32.const 0))"#,
    );
    assert_eq!(run(&g).code(), Some(0));
}

#[test]
fn sigtimedwait_signalfd_sigaltstack_itimers() {
    let dir = tempfile::tempdir().unwrap();
    let usr2 = 1u64 << 11;
    let extra = r#"
      (import "wali" "SYS_rt_sigtimedwait" (func $sigtimedwait (param i32 i32 i32 i32) (result i64)))
      (import "wali" "SYS_tkill" (func $tkill (param i32 i32) (result i64)))
      (import "wali" "SYS_gettid" (func $gettid (result i64)))
      (import "wali" "SYS_signalfd4" (func $signalfd4 (param i32 i32 i32 i32) (result i64)))
      (import "wali" "SYS_sigaltstack" (func $sigaltstack (param i32 i32) (result i64)))
      (import "wali" "SYS_setitimer" (func $setitimer (param i32 i32 i32) (result i64)))
      (import "wali" "SYS_getitimer" (func $getitimer (param i32 i32) (result i64)))
      (import "wali" "SYS_rt_sigreturn" (func $sigreturn (param i64) (result i64)))"#;
    let g = guest_with(
        dir.path(),
        "other_calls",
        extra,
        &format!(
            r#"(local $fd i32)
            ;; SIGUSR2 blocked; tkill ourselves; sigtimedwait takes it with its siginfo
            (i64.store (i32.const 0x500) (i64.const {usr2}))
            (drop (call $sigprocmask (i32.const 0) (i32.const 0x500) (i32.const 0) (i32.const 8)))
            (call $check (i64.eqz (call $tkill (i32.wrap_i64 (call $gettid)) (i32.const 12))) (i32.const 2))
            (i64.store (i32.const 0x520) (i64.const 1))
            (i64.store (i32.const 0x528) (i64.const 0))
            (call $check (i64.eq (call $sigtimedwait (i32.const 0x500) (i32.const 0x600) (i32.const 0x520) (i32.const 8)) (i64.const 12)) (i32.const 3))
            (call $check (i32.eq (i32.load (i32.const 0x600)) (i32.const 12)) (i32.const 4))
            (call $check (i32.eq (i32.load (i32.const 0x608)) (i32.const -6)) (i32.const 5))
            (call $check (i32.eq (i32.load (i32.const 0x610)) (call $self)) (i32.const 6))
            ;; nothing pending: times out; a bad timeout is EINVAL
            (i64.store (i32.const 0x520) (i64.const 0))
            (i64.store (i32.const 0x528) (i64.const 1000))
            (call $check (i64.eq (call $sigtimedwait (i32.const 0x500) (i32.const 0) (i32.const 0x520) (i32.const 8)) (i64.const -11)) (i32.const 7))
            (i64.store (i32.const 0x528) (i64.const 1000000000))
            (call $check (i64.eq (call $sigtimedwait (i32.const 0x500) (i32.const 0) (i32.const 0x520) (i32.const 8)) (i64.const -22)) (i32.const 8))
            ;; signalfd4: a pending SIGUSR2 reads as a 128-byte signalfd_siginfo
            (call $check (i64.eq (call $signalfd4 (i32.const -1) (i32.const 0x500) (i32.const 8) (i32.const 1)) (i64.const -22)) (i32.const 9))
            (local.set $fd (i32.wrap_i64 (call $signalfd4 (i32.const -1) (i32.const 0x500) (i32.const 8) (i32.const 0x80800))))
            (call $check (i32.ge_s (local.get $fd) (i32.const 0)) (i32.const 10))
            (call $check (i64.eq (call $read (local.get $fd) (i32.const 0x700) (i32.const 128)) (i64.const -11)) (i32.const 11))
            (drop (call $kill (call $self) (i32.const 12)))
            (call $check (i64.eq (call $read (local.get $fd) (i32.const 0x700) (i32.const 128)) (i64.const 128)) (i32.const 12))
            (call $check (i32.eq (i32.load (i32.const 0x700)) (i32.const 12)) (i32.const 13))
            ;; sigaltstack: disabled at first, then recorded, validated
            (call $check (i64.eqz (call $sigaltstack (i32.const 0) (i32.const 0x800))) (i32.const 14))
            (call $check (i32.eq (i32.load (i32.const 0x804)) (i32.const 2)) (i32.const 15))
            (i32.store (i32.const 0x810) (i32.const 0x1000))
            (i32.store (i32.const 0x814) (i32.const 0))
            (i32.store (i32.const 0x818) (i32.const 100))
            (call $check (i64.eq (call $sigaltstack (i32.const 0x810) (i32.const 0)) (i64.const -12)) (i32.const 16))
            (i32.store (i32.const 0x818) (i32.const 8192))
            (call $check (i64.eqz (call $sigaltstack (i32.const 0x810) (i32.const 0))) (i32.const 17))
            (call $check (i64.eqz (call $sigaltstack (i32.const 0) (i32.const 0x800))) (i32.const 18))
            (call $check (i32.eq (i32.load (i32.const 0x800)) (i32.const 0x1000)) (i32.const 19))
            (call $check (i32.eqz (i32.load (i32.const 0x804))) (i32.const 20))
            (call $check (i32.eq (i32.load (i32.const 0x808)) (i32.const 8192)) (i32.const 21))
            (i32.store (i32.const 0x814) (i32.const 7))
            (call $check (i64.eq (call $sigaltstack (i32.const 0x810) (i32.const 0)) (i64.const -22)) (i32.const 22))
            ;; itimers: arm ITIMER_REAL for 100 s, read it back, disarm with NULL
            (i64.store (i32.const 0x900) (i64.const 0))
            (i64.store (i32.const 0x908) (i64.const 0))
            (i64.store (i32.const 0x910) (i64.const 100))
            (i64.store (i32.const 0x918) (i64.const 0))
            (call $check (i64.eqz (call $setitimer (i32.const 0) (i32.const 0x900) (i32.const 0))) (i32.const 23))
            (call $check (i64.eqz (call $getitimer (i32.const 0) (i32.const 0x940))) (i32.const 24))
            (call $check (i64.ge_s (i64.load (i32.const 0x950)) (i64.const 98)) (i32.const 25))
            (call $check (i64.eqz (call $setitimer (i32.const 0) (i32.const 0) (i32.const 0x940))) (i32.const 26))
            (call $check (i64.ge_s (i64.load (i32.const 0x950)) (i64.const 98)) (i32.const 27))
            (call $check (i64.eq (call $getitimer (i32.const 99) (i32.const 0x940)) (i64.const -22)) (i32.const 28))
            (call $check (i64.eq (call $getitimer (i32.const 0) (i32.const 0)) (i64.const -14)) (i32.const 29))
            (call $check (i64.eq (call $sigreturn (i64.const 0)) (i64.const -38)) (i32.const 30))
            (call $exit (i32.const 0))"#
        ),
    );
    assert_eq!(run(&g).code(), Some(0));
}

#[test]
fn host_c_library_signals_cannot_be_sent() {
    let dir = tempfile::tempdir().unwrap();
    let extra = r#"
      (import "wali" "SYS_tkill" (func $tkill (param i32 i32) (result i64)))
      (import "wali" "SYS_kill" (func $kill2 (param i32 i32) (result i64)))
      (import "wali" "SYS_gettid" (func $gettid (result i64)))"#;
    let g = guest_with(
        dir.path(),
        "libc_signals",
        extra,
        r#"(call $check (i64.eq (call $tkill (i32.wrap_i64 (call $gettid)) (i32.const 32)) (i64.const -22)) (i32.const 2))
            (call $check (i64.eq (call $tkill (i32.wrap_i64 (call $gettid)) (i32.const 33)) (i64.const -22)) (i32.const 3))
            (call $check (i64.eq (call $kill2 (call $self) (i32.const 33)) (i64.const -22)) (i32.const 4))
            (call $exit (i32.const 0))"#,
    );
    assert_eq!(run(&g).code(), Some(0));
}
