//! Helpers shared by the integration tests (each test file has `mod common;`).

#![allow(dead_code)]

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// `tests/guests`: the C guests and their build script.
pub fn guests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("guests")
}

/// wali-run with the cache kept out of the user's (a test may set its own).
pub fn wali_run() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wali-run"));
    c.env("XDG_CACHE_HOME", std::env::temp_dir().join("wali-run-test-cache"));
    c
}

/// Runs tests/guests/build.sh once per test process; every test that calls
/// this reports a build failure.
pub fn build_guests() {
    static BUILD: OnceLock<Result<(), String>> = OnceLock::new();
    let res = BUILD.get_or_init(|| {
        let out = Command::new("bash")
            .arg(guests_dir().join("build.sh"))
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run tests/guests/build.sh: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "tests/guests/build.sh failed ({}):\n{}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    });
    if let Err(e) = res {
        panic!("{e}");
    }
}

/// What [`run_in_group`] saw.
pub struct Outcome {
    /// None: the timeout passed and the group was killed.
    pub status: Option<ExitStatus>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `cmd` (stdin from /dev/null) in its own process group, collecting
/// stdout and stderr on threads. The whole group (forked children, a native
/// program they ran) is killed when the command exits or `timeout` passes,
/// so descendants holding the pipes cannot hang the test.
pub fn run_in_group(mut cmd: Command, timeout: Duration) -> Outcome {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot spawn {cmd:?}: {e}"));
    let pgid = child.id() as i32;
    let (mut so, mut se) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = so.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = se.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break Some(st);
        }
        if start.elapsed() > timeout {
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    // SAFETY: kills the test's own process group.
    unsafe { libc::kill(-pgid, libc::SIGKILL) };
    let _ = child.wait();
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap()).into_owned();
    Outcome { status, stdout, stderr }
}

/// The exit code, or 128 + the signal that ended the process.
pub fn exit_code(status: ExitStatus) -> i32 {
    status.code().unwrap_or_else(|| 128 + status.signal().unwrap_or(0))
}
