//! Guest escapes wali-run closes: holes in linear memory after failed or
//! moving mappings, madvise that changes host mappings, faults on truncated
//! file mappings, /proc/<pid>/mem, fds passed in by a native program,
//! TIOCSTI, and native code reached under `--no-native-exec`.
//!
//! The guest is `tests/guests/isolation.c` (one subcommand per test), run as
//! Wasm only: native Linux gives other results on purpose. The last two tests
//! use small WAT modules.

mod common;

use common::{build_guests, exit_code, guests_dir, run_in_group, wali_run};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

struct Out {
    /// Exit code, or 128 + signal.
    status: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn context(&self) -> String {
        format!("status {}\n--- stdout ---\n{}--- stderr ---\n{}", self.status, self.stdout, self.stderr)
    }

    /// The guest printed exactly this line.
    fn has_line(&self, line: &str) -> bool {
        self.stdout.lines().any(|l| l == line)
    }
}

/// Runs `cmd` in its own process group with a deadline; the group (forked
/// children, a native program they ran) is killed at the end.
fn run(cmd: Command) -> Out {
    let o = run_in_group(cmd, TIMEOUT);
    let Some(status) = o.status else {
        panic!("timed out after {TIMEOUT:?}\n--- stdout ---\n{}--- stderr ---\n{}", o.stdout, o.stderr);
    };
    Out { status: exit_code(status), stdout: o.stdout, stderr: o.stderr }
}

/// `wali-run [opts] build/isolation.wasm args...`
fn guest(opts: &[&str], args: &[&str]) -> Out {
    build_guests();
    let mut c = wali_run();
    c.args(opts).arg(guests_dir().join("build").join("isolation.wasm")).args(args);
    run(c)
}

/// The subcommand ran to the end: exit 0, no failed self-check, and every
/// line of `want` printed.
fn passes(args: &[&str], want: &[&str]) -> Out {
    let o = guest(&[], args);
    assert!(o.status == 0 && !o.stdout.contains("[MISMATCH"), "isolation {args:?}: {}", o.context());
    for line in want {
        assert!(o.has_line(line), "isolation {args:?}: line {line:?} missing\n{}", o.context());
    }
    o
}

/// The subcommand printed `marker`, then its load from an unmapped range trapped.
fn traps(sub: &str, marker: &str) {
    let o = guest(&[], &[sub]);
    assert_eq!(o.status, 139, "isolation {sub}: want SIGSEGV status 139\n{}", o.context());
    assert!(o.stderr.contains("guest trapped"), "{}", o.context());
    assert!(o.has_line(marker) && !o.stdout.contains("[MISMATCH"), "{}", o.context());
}

fn tmpdir() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("wali-iso-").tempdir().unwrap()
}

fn dir_arg(t: &tempfile::TempDir) -> String {
    t.path().canonicalize().unwrap().to_str().unwrap().to_string()
}

#[test]
fn holes_mmap() {
    passes(
        &["holes-mmap"],
        &[
            "mmap MAP_SHARED|MAP_FIXED of a socket over it: ENODEV",
            "read(/dev/zero) into the old range: EFAULT",
            "clock_gettime into the old range: EFAULT",
            "threads ran: 4",
            "marker lines in /proc/self/maps: 1",
            "linear memory fully mapped (no gap): yes",
            "old range inaccessible (---p) in /proc/self/maps: yes",
        ],
    );
}

#[test]
fn holes_mmap_trap() {
    traps("holes-mmap-trap", "mapped-over");
}

#[test]
fn holes_mremap() {
    passes(
        &["holes-mremap"],
        &[
            "setrlimit AS cur=64 MiB: 0",
            "AS cur: 67108864",
            "mremap A -> B (MAYMOVE|FIXED) returns B: yes",
            "pattern moved to B: yes",
            "read(/dev/zero) into A: EFAULT",
            "mmap 128 MiB over RLIMIT_AS: ENOMEM",
            "mmap 1 MiB within RLIMIT_AS: ok",
        ],
    );
}

#[test]
fn holes_mremap_trap() {
    traps("holes-mremap-trap", "remapped");
}

#[test]
fn madvise_dontfork_is_refused() {
    passes(
        &["dontfork"],
        &[
            "madvise MADV_DONTFORK: EINVAL",
            "child: read(/dev/zero) into the range: 16",
            "child: range readable with its data: yes",
            "child wait status: 0",
        ],
    );
}

#[test]
fn madvise_guard_install_is_refused() {
    passes(
        &["guard"],
        &[
            "madvise MADV_GUARD_INSTALL page 1: EINVAL",
            "clock_gettime into page 1: 0",
            "clock_gettime into page 2: EFAULT",
            "still running",
        ],
    );
}

#[test]
fn truncated_shared_file_mapping_gives_efault() {
    let t = tmpdir();
    passes(
        &["sigbus", &dir_arg(&t)],
        &[
            "open(path in the truncated mapping): EFAULT",
            "clock_gettime into it: EFAULT",
            "read(/dev/zero) into it: EFAULT",
            "stat(path in it): EFAULT",
            "still running",
        ],
    );
}

#[test]
fn getgroups_with_a_huge_size() {
    passes(&["getgroups"], &["returned within 2 s: yes", "getgroups(-1, buf): EINVAL"]);
}

#[test]
fn munmap_racing_a_syscall() {
    passes(&["munmap-race"], &["mapper: unexpected mmap/munmap results: 0", "reader: results other than 0/EFAULT: 0"]);
}

#[test]
fn null_page_calls_fail_with_enomem() {
    passes(
        &["null-page"],
        &[
            "mprotect(0, 4096, PROT_READ): ENOMEM",
            "msync(0, 4096, MS_SYNC): ENOMEM",
            "madvise(0, 4096, MADV_NORMAL): ENOMEM",
            "mlock(0, 4096): ENOMEM",
            "munlock(0, 4096): ENOMEM",
        ],
    );
}

#[test]
fn proc_mem_cannot_be_opened() {
    let t = tmpdir();
    let o = passes(
        &["procmem", &dir_arg(&t)],
        &[
            "/proc/self/mem O_RDWR: EACCES",
            "/proc/self/mem O_PATH: EACCES",
            "symlink to /proc/self/mem O_RDONLY: EACCES",
            "openat(/proc/self dirfd, mem) O_RDONLY: EACCES",
            "mem relative to cwd /proc/self O_RDONLY: EACCES",
            "/proc/self/fd/<dirfd>/mem O_RDONLY: EACCES",
            "open /proc/self/status: ok",
            "open /proc/self/maps: ok",
            "child: /proc/<parent>/mem O_RDONLY: EACCES",
            "child wait status: 0",
        ],
    );
    assert!(o.stdout.lines().filter(|l| l.ends_with(": EACCES")).count() >= 40, "{}", o.context());
}

#[test]
fn scm_rights_drops_proc_mem_fds() {
    assert!(Path::new("/usr/bin/python3").exists(), "this test needs /usr/bin/python3");
    passes(
        &["scm-rights"],
        &[
            "fds delivered with x (only /proc/<pid>/mem sent): 0",
            "MSG_CTRUNC set for x: yes",
            "fds delivered with y (/dev/null and /proc/<pid>/mem sent): 1",
            "MSG_CTRUNC set for y: yes",
            "it is /dev/null: yes",
            "child wait status: 0",
        ],
    );
}

#[test]
fn tiocsti_is_refused() {
    passes(&["tiocsti"], &["ioctl(/dev/null, TIOCSTI): EPERM", "ioctl(0, TIOCSTI): EPERM"]);
}

/// A module that writes `text` to stdout and exits 0.
fn printing_module(dir: &Path, name: &str, text: &str) -> PathBuf {
    let wat = format!(
        r#"(module
          (import "wali" "SYS_write" (func $write (param i32 i32 i32) (result i64)))
          (import "wali" "__proc_exit" (func $exit (param i32)))
          (memory (export "memory") 1 1 shared)
          (data (i32.const 16) "{text}")
          (func (export "_start")
            (drop (call $write (i32.const 1) (i32.const 16) (i32.const {len})))
            (call $exit (i32.const 0))))"#,
        text = text.replace('\n', "\\n"),
        len = text.len()
    );
    let path = dir.join(format!("{name}.wasm"));
    std::fs::write(&path, wat::parse_str(&wat).expect("valid wat")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// `wali-run compile in -o out` (executable output).
fn compile(input: &Path, output: &Path) {
    let mut c = wali_run();
    c.arg("compile").arg(input).arg("-o").arg(output);
    let o = run(c);
    assert_eq!(o.status, 0, "wali-run compile: {}", o.context());
    std::fs::set_permissions(output, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn no_native_exec_refuses_cwasm() {
    let t = tmpdir();
    let m = printing_module(t.path(), "hello", "hello from cwasm\n");
    let cwasm = t.path().join("hello.cwasm");
    compile(&m, &cwasm);
    let target = cwasm.to_str().unwrap();
    // By default a guest may execve a precompiled module: it runs.
    let o = guest(&[], &["exec", target]);
    assert_eq!((o.status, o.stdout.as_str()), (0, "hello from cwasm\n"), "{}", o.context());
    // Under --no-native-exec it is native code the guest could have written.
    let o = guest(&["--no-native-exec"], &["exec", target]);
    assert_eq!((o.status, o.stdout.as_str()), (13, "execve: EACCES\n"), "{}", o.context());
}

#[test]
fn no_native_exec_ignores_planted_cache_entry() {
    let t = tmpdir();
    let cache = t.path().join("cache");
    let b = printing_module(t.path(), "b", "B\n");
    let a = printing_module(t.path(), "a", "PLANTED\n");
    let run_b = |opts: &[&str]| {
        let mut c = wali_run();
        c.env("XDG_CACHE_HOME", &cache).args(opts).arg(&b);
        run(c)
    };
    let o = run_b(&[]);
    assert_eq!((o.status, o.stdout.as_str()), (0, "B\n"), "{}", o.context());
    let entries: Vec<PathBuf> = std::fs::read_dir(cache.join("wali-run"))
        .expect("cache directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cwasm"))
        .collect();
    assert_eq!(entries.len(), 1, "one cache entry for B: {entries:?}");
    let a_cwasm = t.path().join("a.cwasm");
    compile(&a, &a_cwasm);
    std::fs::copy(&a_cwasm, &entries[0]).unwrap();
    // The default mode trusts the user's cache: the planted code runs.
    let o = run_b(&[]);
    assert_eq!((o.status, o.stdout.as_str()), (0, "PLANTED\n"), "the planted entry should run by default\n{}", o.context());
    // --no-native-exec does not load cached native code.
    let o = run_b(&["--no-native-exec"]);
    assert_eq!((o.status, o.stdout.as_str()), (0, "B\n"), "{}", o.context());
}
