//! Building the cases (gcc natively, wali-cc for WALI), running both builds in
//! fresh scratch directories, comparing them, and checking declared coverage
//! against the engine's syscall trace.

use crate::case::{Case, Claim};
use crate::engine::{Engine, Invocation};
use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::io::Write;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant, SystemTime};

pub struct Paths {
    pub root: PathBuf,
    pub include: PathBuf,
    pub wali_cc: PathBuf,
    pub out: PathBuf,
    /// The native compiler command (default `gcc`; e.g. `arm-linux-gnueabihf-gcc
    /// -static` for a baseline under the same qemu-user as the engine).
    pub native_cc: Vec<String>,
    /// Launch the native build through this (e.g. `qemu-arm`).
    pub native_wrapper: Vec<String>,
}

impl Paths {
    pub fn new(root: &Path, out: PathBuf) -> Paths {
        Paths {
            root: root.to_path_buf(),
            include: root.join("conformance/include"),
            wali_cc: root.join("guests/wali-cc"),
            out,
            native_cc: vec!["gcc".into()],
            native_wrapper: vec![],
        }
    }
    /// `native/` for gcc, `native-<compiler>/` for any other native compiler.
    pub fn native(&self, case: &Case) -> PathBuf {
        let dir = match self.native_cc.first().map(String::as_str) {
            None | Some("gcc") => "native".to_string(),
            Some(cc) => format!("native-{}", Path::new(cc).file_name().and_then(|f| f.to_str()).unwrap_or("cc")),
        };
        self.out.join(dir).join(&case.name)
    }
    pub fn wasm(&self, case: &Case) -> PathBuf {
        self.out.join("wasm").join(format!("{}.wasm", case.name))
    }
}

fn mtime(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// Build one case both ways (skipped when the outputs are newer than the
/// source, the headers in `include/` and the compiler driver).
pub fn build(paths: &Paths, case: &Case) -> Result<()> {
    let headers = std::fs::read_dir(&paths.include).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path()));
    let inputs = [case.source.clone(), paths.wali_cc.clone(), paths.root.join("guests/sysroot/build/sysroot/lib/libc.a")];
    let newest = inputs.into_iter().chain(headers).filter_map(|p| mtime(&p)).max();
    let (native_cc, native_flags) = paths.native_cc.split_first().context("empty native compiler command")?;
    let jobs: [(&str, PathBuf, Vec<String>); 2] = [
        (native_cc, paths.native(case), native_flags.iter().cloned().chain(["-pthread".into()]).collect()),
        (paths.wali_cc.to_str().context("wali-cc path")?, paths.wasm(case), vec![]),
    ];
    for (cc, out, extra) in jobs {
        if let (Some(t), Some(n)) = (mtime(&out), newest) {
            if t > n {
                continue;
            }
        }
        std::fs::create_dir_all(out.parent().unwrap())?;
        let tmp = out.with_extension("tmp");
        let o = Command::new(cc)
            .args(["-O1", "-w", "-I"])
            .arg(&paths.include)
            .args(&extra)
            .arg("-o")
            .arg(&tmp)
            .arg(&case.source)
            .arg("-lm")
            .output()
            .with_context(|| format!("running {cc}"))?;
        if !o.status.success() {
            bail!("{cc} failed on {}:\n{}", case.source.display(), String::from_utf8_lossy(&o.stderr));
        }
        std::fs::rename(&tmp, &out)?;
    }
    Ok(())
}

/// How one run ended and what it printed.
pub struct RunOutput {
    pub stdout: String,
    pub stderr: String,
    pub status: String,
    pub elapsed: Duration,
}

fn describe(status: ExitStatus) -> String {
    match (status.code(), status.signal()) {
        (Some(c), _) => format!("exit {c}"),
        (None, Some(s)) => format!("signal {s}"),
        _ => "unknown".into(),
    }
}

fn sh(dir: &Path, script: &str, what: &str) -> Result<()> {
    let o = Command::new("sh").arg("-ec").arg(script).current_dir(dir).stdin(Stdio::null()).output()?;
    if !o.status.success() {
        bail!("{what} `{script}` failed ({}): {}", describe(o.status), String::from_utf8_lossy(&o.stderr).trim());
    }
    Ok(())
}

/// Run `argv` in a fresh scratch directory with the case's fixtures; the
/// process group is killed at the timeout.
fn run_in_scratch(case: &Case, argv: &[String], env: Option<&[(String, String)]>, timeout: Duration) -> Result<RunOutput> {
    let scratch = tempfile::Builder::new().prefix("wct-").tempdir()?;
    let dir = scratch.path().canonicalize()?;
    for s in &case.setup {
        sh(&dir, s, "setup")?;
    }
    let files = tempfile::Builder::new().prefix("wct-out-").tempdir()?;
    let (out_path, err_path) = (files.path().join("stdout"), files.path().join("stderr"));
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path)?)
        .stderr(std::fs::File::create(&err_path)?)
        .process_group(0);
    if let Some(env) = env {
        cmd.env_clear().envs(env.iter().map(|(k, v)| (k, v)));
    }
    let start = Instant::now();
    let mut child = cmd.spawn().with_context(|| format!("starting {}", argv[0]))?;
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break describe(s);
        }
        if start.elapsed() > timeout {
            // SAFETY: kill(2) on the child's own process group.
            unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
            let _ = child.wait();
            break format!("timeout after {:.1}s", timeout.as_secs_f64());
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let elapsed = start.elapsed();
    // Children that outlive the test (daemonised) go with the group.
    // SAFETY: as above.
    unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
    let stdout = String::from_utf8_lossy(&std::fs::read(&out_path)?).replace(dir.to_str().unwrap_or("\0"), "$TMP");
    let stderr = String::from_utf8_lossy(&std::fs::read(&err_path)?).into_owned();
    for s in &case.cleanup {
        sh(&dir, s, "cleanup")?;
    }
    Ok(RunOutput { stdout, stderr, status, elapsed })
}

/// (syscall, outcome) pairs in a wali-run `--strace` trace:
/// `[pid] name(args) = result`, outcome `ok` or the errno name of `-1 ENAME`.
/// `= ?` (exit, exit_group, execve: calls that do not return when they
/// succeed) counts as `ok`.
pub fn traced_outcomes(stderr: &str) -> BTreeSet<Claim> {
    let mut out = BTreeSet::new();
    for line in stderr.lines() {
        let Some(rest) = line.strip_prefix('[') else { continue };
        let Some((pid, rest)) = rest.split_once("] ") else { continue };
        if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(open) = rest.find('(') else { continue };
        let name = &rest[..open];
        let Some(eq) = rest.rfind(") = ") else { continue };
        let result = &rest[eq + 4..];
        let outcome = match result.strip_prefix("-1 ") {
            Some(e) => e.split_whitespace().next().unwrap_or("").to_string(),
            None => "ok".to_string(),
        };
        out.insert(Claim { syscall: name.to_string(), outcome, root_only: false });
    }
    out
}

pub enum Verdict {
    Pass,
    Fail(String),
}

pub struct CaseResult {
    pub name: String,
    pub verdict: Verdict,
    pub native: Option<Duration>,
    pub wasm: Option<Duration>,
    pub coverage_checked: bool,
}

pub struct Options {
    pub timeout_scale: f64,
    pub check_coverage: bool,
}

/// Build, run natively, run on the engine, compare.
pub fn run_case(paths: &Paths, engine: &Engine, case: &Case, opts: &Options) -> CaseResult {
    let mut result = CaseResult { name: case.name.clone(), verdict: Verdict::Pass, native: None, wasm: None, coverage_checked: false };
    if let Err(e) = build(paths, case) {
        result.verdict = Verdict::Fail(format!("build: {e:#}"));
        return result;
    }
    let native_argv: Vec<String> = paths
        .native_wrapper
        .iter()
        .cloned()
        .chain(std::iter::once(paths.native(case).to_string_lossy().into_owned()))
        .chain(case.args.iter().cloned())
        .collect();
    let native_timeout = if paths.native_wrapper.is_empty() { case.timeout } else { case.timeout.mul_f64(opts.timeout_scale) };
    let native = match run_in_scratch(case, &native_argv, Some(&case.env), native_timeout) {
        Ok(o) => o,
        Err(e) => {
            result.verdict = Verdict::Fail(format!("native run: {e:#}"));
            return result;
        }
    };
    result.native = Some(native.elapsed);

    let env_file = match write_env_file(paths, case) {
        Ok(f) => f,
        Err(e) => {
            result.verdict = Verdict::Fail(format!("env file: {e:#}"));
            return result;
        }
    };
    let strace = opts.check_coverage && engine.traces();
    let wasm_path = paths.wasm(case);
    let inv = Invocation { module: &wasm_path, env_file: env_file.path(), args: &case.args, strace };
    let argv = engine.argv(&inv);
    let wasm = match run_in_scratch(case, &argv, None, case.timeout.mul_f64(opts.timeout_scale)) {
        Ok(o) => o,
        Err(e) => {
            result.verdict = Verdict::Fail(format!("{} run: {e:#}", engine.name));
            return result;
        }
    };
    result.wasm = Some(wasm.elapsed);

    let left = format!("{}{}\n", native.stdout, native.status);
    let right = format!("{}{}\n", wasm.stdout, wasm.status);
    if left != right {
        let diff = similar::TextDiff::from_lines(&left, &right);
        let mut msg = String::from("stdout/status differ (- native, + wali):\n");
        for change in diff.iter_all_changes().filter(|c| c.tag() != similar::ChangeTag::Equal).take(30) {
            let sign = if change.tag() == similar::ChangeTag::Delete { '-' } else { '+' };
            msg.push_str(&format!("    {sign} {}", change));
            if !change.to_string().ends_with('\n') {
                msg.push('\n');
            }
        }
        let errs: Vec<&str> = wasm.stderr.lines().filter(|l| !l.starts_with('[')).take(5).collect();
        for l in errs {
            msg.push_str(&format!("    stderr: {l}\n"));
        }
        result.verdict = Verdict::Fail(msg);
        return result;
    }
    if strace {
        result.coverage_checked = true;
        let seen = traced_outcomes(&wasm.stderr);
        // SAFETY: plain id query.
        let root = unsafe { libc::geteuid() } == 0;
        let missing: Vec<String> = case
            .covers
            .iter()
            .filter(|c| root || !c.root_only)
            .filter(|c| !seen.contains(&Claim { root_only: false, ..(*c).clone() }))
            .map(|c| format!("{} {}", c.syscall, c.outcome))
            .collect();
        if !missing.is_empty() {
            result.verdict = Verdict::Fail(format!("declared coverage never happened in the trace: {}", missing.join(", ")));
        }
    }
    result
}

/// The iwasm-style env file: one KEY=VALUE per line.
fn write_env_file(paths: &Paths, case: &Case) -> Result<tempfile::NamedTempFile> {
    let mut f = tempfile::Builder::new().prefix("wct-env-").tempfile_in(&paths.out)?;
    for (k, v) in &case.env {
        writeln!(f, "{k}={v}")?;
    }
    f.flush()?;
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_trace_lines() {
        let trace = "[12] read(3, \"a) = b\", 4) = 4\n[12] close(-1) = -1 EBADF (Bad file descriptor)\n\
                     guest text [x] y(\n[12] execve(\"/x\", [], NULL) = ?\n[1] mmap(NULL, 4096, 3, 34, -1, 0) = 0x810000\n";
        let seen = traced_outcomes(trace);
        let want: BTreeSet<Claim> = [("read", "ok"), ("close", "EBADF"), ("execve", "ok"), ("mmap", "ok")]
            .into_iter()
            .map(|(s, o)| Claim { syscall: s.into(), outcome: o.into(), root_only: false })
            .collect();
        assert_eq!(seen, want);
    }
}
