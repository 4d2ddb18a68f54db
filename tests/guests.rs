//! Differential tests: every guest program in `tests/guests/*.c` is built twice by
//! `tests/guests/build.sh` — as a WALI module (`build/<name>.wasm`) and as a native
//! Linux binary (`build/<name>.native`) from the same source. Each test runs both
//! with the same arguments and requires the same exit status and the same stdout.
//!
//! Set `WALI_GUESTS_STRACE=1` to run the wasm side with `--strace` (its stderr is
//! shown when a test fails).

mod common;

use common::{build_guests, guests_dir};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build_dir() -> PathBuf {
    guests_dir().join("build")
}

fn wali_run() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_wali-run"))
}

struct Run {
    status: Option<ExitStatus>, // None: timed out and killed
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    fn status_str(&self) -> String {
        match self.status {
            None => "TIMEOUT (killed)".to_string(),
            Some(s) => match (s.code(), s.signal()) {
                (Some(c), _) => format!("exit {c}"),
                (None, Some(sig)) => format!("signal {sig}"),
                _ => format!("{s}"),
            },
        }
    }
}

fn spawn(mut cmd: Command) -> std::process::Child {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.spawn().unwrap_or_else(|e| panic!("cannot spawn {cmd:?}: {e}"))
}

/// Waits for a child with a deadline, collecting stdout/stderr concurrently.
fn finish(mut child: std::process::Child, start: Instant, timeout: Duration) -> Run {
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => panic!("wait failed: {e}"),
        }
    };
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap()).into_owned();
    Run { status, stdout, stderr, elapsed: start.elapsed() }
}

fn run(cmd: Command) -> Run {
    let start = Instant::now();
    finish(spawn(cmd), start, TIMEOUT)
}

fn native_cmd(name: &str, args: &[&str]) -> Command {
    let mut c = Command::new(build_dir().join(format!("{name}.native")));
    c.args(args);
    c
}

fn wasm_cmd(name: &str, opts: &[&str], args: &[&str]) -> Command {
    let mut c = Command::new(wali_run());
    if std::env::var_os("WALI_GUESTS_STRACE").is_some() {
        c.arg("--strace");
    }
    c.args(opts);
    c.arg(build_dir().join(format!("{name}.wasm")));
    c.args(args);
    c
}

/// Line diff (LCS) in a unified-like format: "-" native only, "+" wasm only.
fn diff(native: &str, wasm: &str) -> String {
    let a: Vec<&str> = native.lines().collect();
    let b: Vec<&str> = wasm.lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('+', b[j]));
            j += 1;
        } else {
            ops.push(('-', a[i]));
            i += 1;
        }
    }
    // show changed lines with 2 lines of context
    let mut keep = vec![false; ops.len()];
    for (k, op) in ops.iter().enumerate() {
        if op.0 != ' ' {
            for x in k.saturating_sub(2)..(k + 3).min(ops.len()) {
                keep[x] = true;
            }
        }
    }
    let mut s = String::new();
    let mut skipped = false;
    for (k, (c, l)) in ops.iter().enumerate() {
        if keep[k] {
            let _ = writeln!(s, "{c} {l}");
            skipped = false;
        } else if !skipped {
            s.push_str("  ...\n");
            skipped = true;
        }
    }
    s
}

fn tail(s: &str, max_lines: usize) -> String {
    let lines: Vec<&str> = s.lines().collect();
    let start = lines.len().saturating_sub(max_lines);
    let mut t = String::new();
    if start > 0 {
        let _ = writeln!(t, "  [... {start} earlier lines]");
    }
    for l in &lines[start..] {
        let _ = writeln!(t, "  {l}");
    }
    t
}

/// Asserts same exit status and same stdout; the message shows a diff of stdout
/// ("-" native, "+" wali-run) and the stderr of both sides.
fn assert_same(name: &str, native: &Run, wasm: &Run) {
    let same_status = match (native.status, wasm.status) {
        (Some(a), Some(b)) => a.code() == b.code() && a.signal() == b.signal(),
        _ => false,
    };
    if same_status && native.stdout == wasm.stdout {
        return;
    }
    let mut msg = format!("guest `{name}`: wali-run differs from native Linux\n");
    let _ = writeln!(
        msg,
        "  status: native {} ({:?}), wali-run {} ({:?})",
        native.status_str(),
        native.elapsed,
        wasm.status_str(),
        wasm.elapsed
    );
    if native.stdout != wasm.stdout {
        let _ = writeln!(msg, "--- stdout diff (- native, + wali-run) ---\n{}", diff(&native.stdout, &wasm.stdout));
    } else {
        let _ = writeln!(msg, "--- stdout identical ({} lines) ---", native.stdout.lines().count());
    }
    let _ = writeln!(msg, "--- wali-run stderr ---\n{}", tail(&wasm.stderr, 60));
    if !native.stderr.is_empty() {
        let _ = writeln!(msg, "--- native stderr ---\n{}", tail(&native.stderr, 20));
    }
    panic!("{msg}");
}

fn assert_native_ok(name: &str, native: &Run) {
    if native.status.map(|s| s.success()) != Some(true) || native.stdout.contains("[MISMATCH") {
        panic!(
            "guest `{name}` fails NATIVELY ({}), so the test program itself is wrong:\n{}\n{}",
            native.status_str(),
            native.stdout,
            native.stderr
        );
    }
}

/// A fresh, not yet existing, canonical path for programs that create their own directory.
fn fresh_dir_arg(tmp: &tempfile::TempDir) -> String {
    let base = tmp.path().canonicalize().unwrap();
    base.join("work").to_str().unwrap().to_string()
}

fn differential(name: &str, wasm_name: &str, needs_dir: bool) {
    differential_on(name, wasm_name, needs_dir, None);
}

/// [`differential`], with wali-run's engine compiling for `target`
/// (`pulley64`: the interpreter and the lowering 32-bit ARM hosts use).
fn differential_on(name: &str, wasm_name: &str, needs_dir: bool, target: Option<&str>) {
    build_guests();
    let tmp = tempfile::Builder::new().prefix("wali-guest-").tempdir().unwrap();
    let arg = fresh_dir_arg(&tmp);
    let args: Vec<&str> = if needs_dir { vec![arg.as_str()] } else { vec![] };

    let native = run(native_cmd(name, &args));
    assert_native_ok(name, &native);
    let _ = std::fs::remove_dir_all(&arg);
    let mut cmd = wasm_cmd(wasm_name, &[], &args);
    if let Some(t) = target {
        cmd.env("WALI_RUN_TARGET", t);
    }
    let wasm = run(cmd);
    if needs_dir && Path::new(&arg).exists() {
        let _ = std::fs::remove_dir_all(&arg);
    }
    assert_same(wasm_name, &native, &wasm);
}

#[test]
fn files() {
    differential("files", "files", true);
}

#[test]
fn fds() {
    differential("fds", "fds", true);
}

#[test]
fn net() {
    differential("net", "net", false);
}

#[test]
fn poll() {
    differential("poll", "poll", false);
}

#[test]
fn mm() {
    differential("mm", "mm", true);
}

/// Same source as `mm`, linked without shared memory.
#[test]
fn mm_noshared() {
    differential("mm", "mm_noshared", true);
}

#[test]
fn proc() {
    differential("proc", "proc", false);
}

/// 8 threads under a futex mutex, CLONE_CHILD_CLEARTID-style joins, and the
/// futex operations (timeouts, wrong values, requeue, wake-op, bitsets).
#[test]
fn threads() {
    differential("threads", "threads", false);
}

/// Atomics of every width and kind before and after the first thread, under
/// contention, wait/notify, memory grown by another thread.
#[test]
fn atomics() {
    differential("atomics", "atomics", false);
}

/// The same guests on wasmtime's interpreter, as on 32-bit ARM hosts: shared
/// memory and atomics lowered by the rewriting pass (src/rewrite/pulley.rs),
/// one memory shared by every thread's instance.
#[test]
fn atomics_pulley() {
    differential_on("atomics", "atomics", false, Some("pulley64"));
}

#[test]
fn threads_pulley() {
    differential_on("threads", "threads", false, Some("pulley64"));
}

#[test]
fn mm_pulley() {
    differential_on("mm", "mm", true, Some("pulley64"));
}

#[test]
fn mm_noshared_pulley() {
    differential_on("mm", "mm_noshared", true, Some("pulley64"));
}

#[test]
fn proc_pulley() {
    differential_on("proc", "proc", false, Some("pulley64"));
}

/// 1,000 thread create/join cycles; one thread left and VmRSS bounded at the end.
#[test]
fn thread_churn() {
    differential("thread_churn", "thread_churn", false);
}

/// Process exit from a secondary thread while the others are blocked (futex,
/// read on a pipe): the process must end at once with the exiting thread's status.
fn exit_from_thread(args: &[&str], want: i32) {
    build_guests();
    let native = run(native_cmd("exit_group_thread", args));
    let wasm = run(wasm_cmd("exit_group_thread", &[], args));
    if native.status.and_then(|s| s.code()) != Some(want) || native.stdout.contains("[MISMATCH") {
        panic!(
            "exit_group_thread {args:?} fails NATIVELY ({}, want exit {want}):\n{}{}",
            native.status_str(),
            native.stdout,
            native.stderr
        );
    }
    assert_same(&format!("exit_group_thread {args:?}"), &native, &wasm);
    assert!(
        wasm.elapsed < Duration::from_secs(5),
        "exit_group_thread {args:?}: wali-run took {:?} to exit (want < 5 s)",
        wasm.elapsed
    );
}

#[test]
fn exit_group_thread() {
    exit_from_thread(&[], 42);
}

/// `__proc_exit` from a secondary thread behaves like exit_group.
#[test]
fn exit_group_thread_proc_exit() {
    exit_from_thread(&["proc_exit"], 43);
}

/// SYS_exit of the main thread ends only it; the process ends with the last thread.
#[test]
fn exit_group_thread_main_exit() {
    exit_from_thread(&["main_exit"], 9);
}

/// setjmp/longjmp lowered to Wasm exception handling: the module must use the
/// exnref encoding (a tag, try_table, throw), not the legacy try/catch.
#[test]
fn sjlj() {
    build_guests();
    let bytes = std::fs::read(build_dir().join("sjlj.wasm")).unwrap();
    let (mut tags, mut try_tables, mut throws, mut legacy) = (0, 0, 0, Vec::new());
    for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
        match payload.expect("sjlj.wasm parses") {
            wasmparser::Payload::TagSection(r) => tags += r.count(),
            wasmparser::Payload::CodeSectionEntry(body) => {
                let mut ops = body.get_operators_reader().unwrap();
                while !ops.eof() {
                    match ops.read().expect("sjlj.wasm: operator") {
                        wasmparser::Operator::TryTable { .. } => try_tables += 1,
                        wasmparser::Operator::Throw { .. } => throws += 1,
                        op @ (wasmparser::Operator::Try { .. }
                        | wasmparser::Operator::Catch { .. }
                        | wasmparser::Operator::CatchAll
                        | wasmparser::Operator::Delegate { .. }
                        | wasmparser::Operator::Rethrow { .. }) => legacy.push(format!("{op:?}")),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    assert!(
        tags == 1 && try_tables > 0 && throws > 0 && legacy.is_empty(),
        "sjlj.wasm: want 1 tag, try_table and throw and no legacy EH; got {tags} tags, {try_tables} try_table, \
         {throws} throw, legacy {legacy:?}"
    );
    differential("sjlj", "sjlj", false);
}

const GUEST_ARGS: &[&str] = &["one", "two words", "", "--env", "X=y", "-v", "ünï©ødé", "last"];

/// argv through the __cl_* imports and the environment through __get_init_envfile:
/// `--env` plus `--env-file` must give the guest exactly the variables the native run sees.
#[test]
fn args_env() {
    build_guests();
    let tmp = tempfile::tempdir().unwrap();
    let envfile = tmp.path().join("guest.env");
    std::fs::write(&envfile, "ALPHA=1\nBETA=two words\nEMPTY=\nWITH_EQ=a=b\n").unwrap();
    let mut vars = BTreeMap::new();
    for (k, v) in [("ALPHA", "1"), ("BETA", "two words"), ("EMPTY", ""), ("WITH_EQ", "a=b"), ("FOO", "bar")] {
        vars.insert(k, v);
    }

    let mut n = native_cmd("args", GUEST_ARGS);
    n.env_clear().envs(&vars);
    let native = run(n);
    assert_native_ok("args", &native);
    assert!(native.stdout.contains("env FOO=bar\n") && native.stdout.contains("env: 5 variables\n"));

    let env_file_opt = format!("--env-file={}", envfile.display());
    let wasm = run(wasm_cmd("args", &["--env", "FOO=bar", &env_file_opt], GUEST_ARGS));
    assert_same("args (--env + --env-file)", &native, &wasm);
}

/// Without any env option the guest environment is empty (no env file).
#[test]
fn args_no_env() {
    build_guests();
    let mut n = native_cmd("args", &["a", "b"]);
    n.env_clear();
    let native = run(n);
    assert_native_ok("args", &native);
    assert!(native.stdout.contains("env file: none\n"), "{}", native.stdout);
    let wasm = run(wasm_cmd("args", &[], &["a", "b"]));
    assert_same("args (no env)", &native, &wasm);
}

/// `--inherit-env` forwards the host environment.
#[test]
fn args_inherit_env() {
    build_guests();
    let mut n = native_cmd("args", &[]);
    n.env_clear().env("WALI_INHERIT_A", "1").env("WALI_INHERIT_B", "x y");
    let native = run(n);
    assert_native_ok("args", &native);
    let mut w = wasm_cmd("args", &["--inherit-env"], &[]);
    w.env_clear().env("WALI_INHERIT_A", "1").env("WALI_INHERIT_B", "x y");
    let wasm = run(w);
    assert_same("args (--inherit-env)", &native, &wasm);
}

/// Unimplemented syscall imports link and return -ENOSYS (wasm only).
#[test]
fn enosys() {
    build_guests();
    let wasm = run(wasm_cmd("enosys", &[], &[]));
    let expected = "start\nENOSYS\nio_setup: ENOSYS\nnot_a_real_syscall: ENOSYS\ngetpid still works: 1\nstill running\n";
    if wasm.status.map(|s| s.code()) != Some(Some(0)) || wasm.stdout != expected {
        panic!(
            "enosys: want exit 0 and\n{expected}\ngot {}:\n--- stdout diff (- expected, + wali-run) ---\n{}\n--- stderr ---\n{}",
            wasm.status_str(),
            diff(expected, &wasm.stdout),
            tail(&wasm.stderr, 40)
        );
    }
}

const E2E_INPUT: &str = "first line of input\nsecond line: 12345\n";
const E2E_MAP: &str = "make me loud, please\n0123 stays\n";
const E2E_BODY: &str = "hello from a WALI guest\n";

fn e2e_prepare(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("list").join("subdir")).unwrap();
    std::fs::write(dir.join("input.txt"), E2E_INPUT).unwrap();
    for f in ["zebra", "apple", "Mango", "banana.txt"] {
        std::fs::write(dir.join("list").join(f), f).unwrap();
    }
    std::fs::write(dir.join("map.bin"), E2E_MAP).unwrap();
}

/// Runs one side of the e2e test: the harness is the HTTP client.
fn e2e_side(label: &str, mut cmd: Command, dir: &Path) -> Run {
    let portfile = dir.join("port");
    let _ = std::fs::remove_file(&portfile);
    cmd.arg(dir).arg(&portfile);
    let start = Instant::now();
    let mut child = spawn(cmd);
    let deadline = Duration::from_secs(10);

    // wait for the port file (written atomically by the guest)
    let port: Option<u16> = loop {
        if let Ok(s) = std::fs::read_to_string(&portfile) {
            if let Ok(p) = s.trim().parse() {
                break Some(p);
            }
        }
        if start.elapsed() > deadline {
            break None;
        }
        if let Ok(Some(_)) = child.try_wait() {
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let client_result: Result<String, String> = match port {
        None => Err("guest did not publish a port within 10 s".into()),
        Some(port) => (|| {
            let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
            let mut s = TcpStream::connect_timeout(&addr, deadline).map_err(|e| format!("connect: {e}"))?;
            s.set_read_timeout(Some(deadline)).unwrap();
            s.set_write_timeout(Some(deadline)).unwrap();
            s.write_all(b"GET / HTTP/1.0\r\n\r\n").map_err(|e| format!("send: {e}"))?;
            let mut resp = Vec::new();
            s.read_to_end(&mut resp).map_err(|e| format!("recv: {e}"))?;
            Ok(String::from_utf8_lossy(&resp).into_owned())
        })(),
    };
    let r = finish(child, start, Duration::from_secs(20));
    let fail = |why: String| -> ! {
        panic!(
            "e2e ({label}): {why}\n  status: {}\n--- stdout ---\n{}--- stderr ---\n{}",
            r.status_str(),
            r.stdout,
            tail(&r.stderr, 40)
        )
    };
    match client_result {
        Err(e) => fail(e),
        Ok(resp) => {
            let Some((head, body)) = resp.split_once("\r\n\r\n") else { fail(format!("malformed response {resp:?}")) };
            if !head.starts_with("HTTP/1.0 200 OK\r\n") || body != E2E_BODY {
                fail(format!("unexpected response {resp:?}"));
            }
        }
    }
    let mapped = std::fs::read_to_string(dir.join("map.bin")).unwrap();
    if mapped != E2E_MAP.to_uppercase() {
        fail(format!("map.bin after the run is {mapped:?}, want {:?}", E2E_MAP.to_uppercase()));
    }
    r
}

#[test]
fn e2e() {
    build_guests();
    let tmp = tempfile::Builder::new().prefix("wali-e2e-").tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap().join("app");

    e2e_prepare(&dir);
    let native = e2e_side("native", native_cmd("e2e", &[]), &dir);
    assert_native_ok("e2e", &native);
    let expected = format!(
        "== input.txt ==\n{E2E_INPUT}== ls 5 entries ==\nMango\napple\nbanana.txt\nsubdir/\nzebra\n\
         == mmap: uppercased {} bytes of {} ==\n{}== listening ==\nclient from 127.0.0.1: yes\n\
         request: GET / HTTP/1.0\n== served 1 request ==\n",
        E2E_MAP.bytes().filter(|b| b.is_ascii_lowercase()).count(),
        E2E_MAP.len(),
        E2E_MAP.to_uppercase()
    );
    assert_eq!(native.stdout, expected, "native e2e output");

    e2e_prepare(&dir);
    let wasm = e2e_side("wali-run", wasm_cmd("e2e", &[], &[]), &dir);
    assert_same("e2e", &native, &wasm);
}

// ---------------------------------------------------------------------------
// Static check: imports of every built module match the WALI spec tables.
// ---------------------------------------------------------------------------

struct Module {
    imports: Vec<(String, String, Option<(Vec<u8>, Vec<u8>)>)>, // module, name, func sig
    exports: Vec<(String, u8)>,
    memories: Vec<(u8, u64, Option<u64>)>, // flags, min, max (defined memories)
    imported_memory: bool,
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> u8 {
        let v = self.b[self.p];
        self.p += 1;
        v
    }
    fn leb(&mut self) -> u64 {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let x = self.byte();
            v |= ((x & 0x7f) as u64) << shift;
            if x & 0x80 == 0 {
                return v;
            }
            shift += 7;
        }
    }
    fn name(&mut self) -> String {
        let n = self.leb() as usize;
        let s = String::from_utf8_lossy(&self.b[self.p..self.p + n]).into_owned();
        self.p += n;
        s
    }
    fn limits(&mut self) -> (u8, u64, Option<u64>) {
        let flags = self.byte();
        let min = self.leb();
        let max = if flags & 1 != 0 { Some(self.leb()) } else { None };
        (flags, min, max)
    }
}

fn parse_module(bytes: &[u8]) -> Module {
    assert_eq!(&bytes[..8], b"\0asm\x01\0\0\0", "not a wasm module");
    let mut r = Reader { b: bytes, p: 8 };
    let mut types: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    let mut m = Module { imports: vec![], exports: vec![], memories: vec![], imported_memory: false };
    while r.p < bytes.len() {
        let id = r.byte();
        let size = r.leb() as usize;
        let end = r.p + size;
        match id {
            1 => {
                for _ in 0..r.leb() {
                    assert_eq!(r.byte(), 0x60, "only plain function types expected");
                    let np = r.leb() as usize;
                    let params = (0..np).map(|_| r.byte()).collect();
                    let nr = r.leb() as usize;
                    let results = (0..nr).map(|_| r.byte()).collect();
                    types.push((params, results));
                }
            }
            2 => {
                for _ in 0..r.leb() {
                    let module = r.name();
                    let name = r.name();
                    let sig = match r.byte() {
                        0 => Some(types[r.leb() as usize].clone()),
                        1 => {
                            r.byte();
                            r.limits();
                            None
                        }
                        2 => {
                            r.limits();
                            m.imported_memory = true;
                            None
                        }
                        3 => {
                            r.byte();
                            r.byte();
                            None
                        }
                        k => panic!("unexpected import kind {k}"),
                    };
                    m.imports.push((module, name, sig));
                }
            }
            5 => {
                for _ in 0..r.leb() {
                    let l = r.limits();
                    m.memories.push(l);
                }
            }
            7 => {
                for _ in 0..r.leb() {
                    let name = r.name();
                    let kind = r.byte();
                    r.leb();
                    m.exports.push((name, kind));
                }
            }
            _ => {}
        }
        r.p = end;
    }
    m
}

fn valtype(s: &str) -> u8 {
    match s.trim() {
        "i32" => 0x7f,
        "i64" => 0x7e,
        "f32" => 0x7d,
        "f64" => 0x7c,
        t => panic!("unknown valtype {t:?}"),
    }
}

/// "(i32, i64) -> i64" -> (params, results)
fn parse_sig(s: &str) -> (Vec<u8>, Vec<u8>) {
    let (p, r) = s.split_once("->").expect("signature with ->");
    let p = p.trim().trim_start_matches('(').trim_end_matches(')');
    let params = p.split(',').filter(|x| !x.trim().is_empty()).map(valtype).collect();
    let results = match r.trim() {
        "nil" | "None" | "()" | "" => vec![],
        t => vec![valtype(t)],
    };
    (params, results)
}

fn sig_str((params, results): &(Vec<u8>, Vec<u8>)) -> String {
    let name = |t: &u8| match t {
        0x7f => "i32",
        0x7e => "i64",
        0x7d => "f32",
        0x7c => "f64",
        _ => "?",
    };
    let p: Vec<&str> = params.iter().map(name).collect();
    let r: Vec<&str> = results.iter().map(name).collect();
    format!("({}) -> ({})", p.join(", "), r.join(", "))
}

fn spec_dir() -> Option<PathBuf> {
    // The repository's copy of the tables (what users build from); WALI_SPEC_DIR
    // checks against another copy.
    let d = std::env::var_os("WALI_SPEC_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("wali-abi").join("spec"));
    Some(d).filter(|d| d.join("syscalls.tsv").exists() && d.join("aux.tsv").exists())
}

#[test]
fn imports_match_spec() {
    build_guests();
    let spec = spec_dir().expect("the WALI spec tables (wali-abi/spec, or WALI_SPEC_DIR)");
    let sigs = spec_signatures(&spec);
    // deliberately unknown imports, only in enosys.wasm
    let enosys_only = ["SYS_kexec_load", "SYS_io_setup", "SYS_not_a_real_syscall"];

    let mut problems = Vec::new();
    let mut count = 0;
    for entry in std::fs::read_dir(build_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("wasm") {
            continue;
        }
        count += 1;
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let m = parse_module(&std::fs::read(&path).unwrap());
        let unknown_ok: &[&str] = if file == "enosys.wasm" { &enosys_only } else { &[] };
        problems.extend(import_problems(&file, &m, &sigs, unknown_ok));
        if m.imported_memory || m.memories.len() != 1 {
            problems.push(format!("{file}: want exactly one memory defined in the module"));
        } else {
            let (flags, _min, max) = m.memories[0];
            let shared = flags & 2 != 0;
            if shared == (file == "mm_noshared.wasm") {
                problems.push(format!("{file}: memory shared={shared}"));
            }
            if max != Some(32768) {
                problems.push(format!("{file}: memory max {max:?} pages, want 32768"));
            }
        }
        for (name, kind) in [("memory", 2u8), ("_start", 0u8)] {
            if !m.exports.iter().any(|(n, k)| n == name && *k == kind) {
                problems.push(format!("{file}: export {name:?} missing"));
            }
        }
    }
    assert!(count >= 10, "expected the guest modules in {}", build_dir().display());
    assert!(problems.is_empty(), "import/export problems:\n{}", problems.join("\n"));
}

type Sig = (Vec<u8>, Vec<u8>);

/// Every import signature the spec allows: syscalls.tsv, the signatures real
/// programs use (imports-in-real-programs.tsv), the spec's rule for syscalls
/// it leaves unsigned, and aux.tsv.
fn spec_signatures(spec: &Path) -> BTreeMap<String, Sig> {
    let mut sigs: BTreeMap<String, (Vec<u8>, Vec<u8>)> = BTreeMap::new();
    let syscalls = std::fs::read_to_string(spec.join("syscalls.tsv")).unwrap();
    for line in syscalls.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() > 5 && !f[5].is_empty() {
            sigs.insert(format!("SYS_{}", f[0]), parse_sig(f[5]));
        }
    }
    // signatures of syscalls the reference lacks, as seen in real programs
    if let Ok(real) = std::fs::read_to_string(spec.join("imports-in-real-programs.tsv")) {
        for line in real.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if let (Some(name), Some(sig)) = (f.first().and_then(|n| n.strip_prefix("wali.")), f.get(1)) {
                sigs.entry(name.to_string()).or_insert_with(|| parse_sig(sig));
            }
        }
    }
    // syscalls the reference lacks (no signature in syscalls.tsv), by the spec's signature rule
    for (name, sig) in [
        ("SYS_truncate", "(i32, i64) -> i64"),
        ("SYS_utimes", "(i32, i32) -> i64"),
        ("SYS_epoll_create", "(i32) -> i64"),
        ("SYS_epoll_wait", "(i32, i32, i32, i32) -> i64"),
        ("SYS_timerfd_create", "(i32, i32) -> i64"),
        ("SYS_timerfd_settime", "(i32, i32, i32, i32) -> i64"),
    ] {
        let want = parse_sig(sig);
        if let Some(have) = sigs.get(name) {
            assert_eq!(have, &want, "{name}: spec tables disagree with the signature rule");
        }
        sigs.insert(name.to_string(), want);
    }
    // The other syscalls the spec leaves unsigned: the signature the spec's rule
    // gives their Linux prototypes (guests/sysroot/gen/extra-syscalls.tsv, what
    // the sysroot's generator uses): i64 iff the C type is 64-bit.
    const I64_TYPES: &[&str] = &[
        "long", "unsigned long", "off_t", "loff_t", "uint64_t", "int64_t", "u64", "__u64", "long long",
        "unsigned long long", "nfds_t",
    ];
    let listed: std::collections::BTreeSet<String> =
        syscalls.lines().skip(1).map(|l| format!("SYS_{}", l.split('\t').next().unwrap())).collect();
    let extra = Path::new(env!("CARGO_MANIFEST_DIR")).join("guests/sysroot/gen/extra-syscalls.tsv");
    for line in std::fs::read_to_string(extra).unwrap().lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (name, args) = line.split_once('\t').unwrap_or((line, ""));
        let params = args
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| {
                let ctype = a.rsplit_once(' ').map_or(a, |(t, _)| t).trim();
                if !a.contains('*') && !a.contains('(') && I64_TYPES.contains(&ctype) { 0x7e } else { 0x7f }
            })
            .collect();
        let name = format!("SYS_{name}");
        if listed.contains(&name) {
            sigs.entry(name).or_insert((params, vec![0x7e]));
        }
    }
    let aux = std::fs::read_to_string(spec.join("aux.tsv")).unwrap();
    for line in aux.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let params = f[1].split(';').filter(|x| !x.trim().is_empty()).map(|_| 0x7f).collect();
        let results = if f[2].trim() == "None" { vec![] } else { vec![0x7f] };
        sigs.insert(f[0].to_string(), (params, results));
    }
    sigs
}

/// Imports of a module that are not `wali.*` functions with a spec signature.
fn import_problems(file: &str, m: &Module, sigs: &BTreeMap<String, Sig>, unknown_ok: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for (module, name, sig) in &m.imports {
        if module != "wali" {
            problems.push(format!("{file}: import from module {module:?}: {name}"));
            continue;
        }
        let Some(sig) = sig else {
            problems.push(format!("{file}: non-function import wali.{name}"));
            continue;
        };
        match sigs.get(name) {
            Some(want) if want == sig => {}
            Some(want) => {
                problems.push(format!("{file}: wali.{name} has {}, spec says {}", sig_str(sig), sig_str(want)))
            }
            None if unknown_ok.contains(&name.as_str()) => {}
            None => problems.push(format!("{file}: wali.{name} is not in the spec tables")),
        }
    }
    problems
}

/// Every prebuilt guest (guests/prebuilt/*.wasm, built by our toolchain)
/// imports only `wali.*` functions with the spec's signatures, and exports
/// `memory` and `_start`.
#[test]
fn prebuilt_guests_import_only_spec_signatures() {
    let spec = spec_dir().expect("the WALI spec tables (wali-abi/spec, or WALI_SPEC_DIR)");
    let sigs = spec_signatures(&spec);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("guests/prebuilt");
    let mut problems = Vec::new();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("wasm") {
            continue;
        }
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let m = parse_module(&std::fs::read(&path).unwrap());
        problems.extend(import_problems(&file, &m, &sigs, &[]));
        for (name, kind) in [("memory", 2u8), ("_start", 0u8)] {
            if !m.exports.iter().any(|(n, k)| n == name && *k == kind) {
                problems.push(format!("{file}: export {name:?} missing"));
            }
        }
        names.push(file);
    }
    names.sort();
    for want in ["busybox.wasm", "demo.wasm", "lua.wasm", "qjs.wasm", "sqlite3.wasm", "zpipe.wasm"] {
        if !names.iter().any(|n| n == want) {
            problems.push(format!("guests/prebuilt/{want} is missing"));
        }
    }
    assert!(problems.is_empty(), "prebuilt guests:\n{}", problems.join("\n"));
}

/// The committed guests run: each does one small real job under wali-run.
#[test]
fn prebuilt_guests_run() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("guests/prebuilt");
    let run = |module: &str, args: &[&str], stdin: &[u8]| -> (i32, String) {
        let mut child = Command::new(wali_run())
            .arg(dir.join(module))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        let o = child.wait_with_output().unwrap();
        assert!(o.stderr.is_empty() || o.status.success(), "{module}: {}", String::from_utf8_lossy(&o.stderr));
        (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stdout).into_owned())
    };
    assert_eq!(run("lua.wasm", &["-e", "print(pcall(error, 'boom'))"], b""), (0, "false\tboom\n".into()));
    assert_eq!(run("sqlite3.wasm", &[], b"create table t(x); insert into t values (6),(7); select x*x from t;"), (0, "36\n49\n".into()));
    assert_eq!(run("qjs.wasm", &["-e", "console.log([1,2,3].map(x => x * 2).join(','))"], b""), (0, "2,4,6\n".into()));
    assert_eq!(run("busybox.wasm", &["sort"], b"b\na\n"), (0, "a\nb\n".into()));
    assert_eq!(run("busybox.wasm", &["sh", "-c", "x=$((6*7)); echo $x | (read y; echo $y); exit 4"], b""), (4, "42\n".into()));
    let (status, packed) = {
        let o = Command::new(wali_run()).arg(dir.join("zpipe.wasm")).arg("-c").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
        let mut o = o;
        o.stdin.take().unwrap().write_all(&b"hello zlib ".repeat(100)).unwrap();
        let out = o.wait_with_output().unwrap();
        (out.status.code(), out.stdout)
    };
    assert_eq!(status, Some(0));
    assert!(packed.len() < 100, "1100 repetitive bytes should deflate small, got {}", packed.len());
    let mut d = Command::new(wali_run()).arg(dir.join("zpipe.wasm")).arg("-d").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    d.stdin.take().unwrap().write_all(&packed).unwrap();
    assert_eq!(d.wait_with_output().unwrap().stdout, b"hello zlib ".repeat(100));
}
