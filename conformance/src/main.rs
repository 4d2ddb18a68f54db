//! wali-conformance: differential native-vs-WALI tests and the syscall
//! compatibility page. See conformance/README.md.

mod case;
mod docs;
mod engine;
mod runner;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

#[derive(Parser)]
#[command(name = "wali-conformance", version, about = "Differential conformance suite for WALI engines")]
struct Cli {
    /// Repository root (default: the one this runner was built from).
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Build every case (or the named ones) natively and for WALI, run both, compare.
    Run {
        /// Engine file (default: conformance/engines/wali-run.toml).
        #[arg(long)]
        engine: Option<PathBuf>,
        /// Launch the engine through this command, e.g. "qemu-aarch64 -L /usr/aarch64-linux-gnu".
        #[arg(long)]
        wrapper: Option<String>,
        /// The wali-run binary for {wali_run} (default: next to this runner).
        #[arg(long)]
        wali_run: Option<PathBuf>,
        /// Parallel cases (default: number of CPUs).
        #[arg(short, long)]
        jobs: Option<usize>,
        /// Multiply every engine-side timeout (slow emulated hosts).
        #[arg(long, default_value_t = 1.0)]
        timeout_scale: f64,
        /// Do not check declared coverage against the engine's trace.
        #[arg(long)]
        no_coverage: bool,
        /// Build the native side with this compiler command instead of gcc, e.g.
        /// "arm-linux-gnueabihf-gcc -static": with --native-wrapper, a baseline
        /// that runs under the same qemu-user as the engine, so that a
        /// difference that remains is the engine's, not the emulator's.
        #[arg(long)]
        native_cc: Option<String>,
        /// Launch the native build through this command, e.g. "qemu-arm".
        #[arg(long)]
        native_wrapper: Option<String>,
        /// Case names (default: all).
        names: Vec<String>,
    },
    /// Only build the cases.
    Build { names: Vec<String> },
    /// List the cases and what they cover.
    List,
    /// Generate docs/syscalls.md (with --check: fail if it is stale or a
    /// supported syscall has no covering case).
    Docs {
        #[arg(long)]
        check: bool,
    },
}

fn main() {
    let cli = Cli::parse();
    match real_main(cli) {
        Ok(0) => {}
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("wali-conformance: {e:#}");
            std::process::exit(2);
        }
    }
}

fn select(all: Vec<case::Case>, names: &[String]) -> Result<Vec<case::Case>> {
    if names.is_empty() {
        return Ok(all);
    }
    let mut out = Vec::new();
    for n in names {
        let n = n.trim_end_matches(".c");
        let n = Path::new(n).file_name().and_then(|s| s.to_str()).unwrap_or(n);
        out.push(all.iter().find(|c| c.name == n).with_context(|| format!("no case named `{n}`"))?.clone());
    }
    Ok(out)
}

fn real_main(cli: Cli) -> Result<i32> {
    let root = match cli.root {
        Some(r) => r,
        None => Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf(),
    };
    let cases_dir = root.join("conformance/cases");
    let out = root.join("target/conformance");
    let paths = runner::Paths::new(&root, out.clone());
    match cli.cmd {
        Cmd::List => {
            for c in case::load_all(&cases_dir)? {
                let covers: Vec<String> = c.syscalls().into_iter().map(String::from).collect();
                println!("{:<24} {}", c.name, covers.join(" "));
            }
            Ok(0)
        }
        Cmd::Build { names } => {
            let cases = select(case::load_all(&cases_dir)?, &names)?;
            std::fs::create_dir_all(&out)?;
            let failed: Vec<String> = cases
                .par_iter()
                .filter_map(|c| runner::build(&paths, c).err().map(|e| format!("{}: {e:#}", c.name)))
                .collect();
            for f in &failed {
                eprintln!("FAIL {f}");
            }
            println!("built {} of {} cases", cases.len() - failed.len(), cases.len());
            Ok(if failed.is_empty() { 0 } else { 1 })
        }
        Cmd::Docs { check } => {
            // The repository's own copy of the ABI tables: nothing outside it.
            let spec_path = root.join("wali-abi/spec/syscalls.tsv");
            let spec = docs::read_spec(&spec_path)?;
            let status = docs::read_status(&root.join("src/sys/status.tsv"))?;
            let cases = case::load_all(&cases_dir)?;
            let by_design = std::fs::read_to_string(root.join("conformance/by-design.md")).unwrap_or_default();
            let page = docs::generate(&spec, &status, &cases, &by_design);
            let target = root.join("docs/syscalls.md");
            let mut code = 0;
            for p in &page.problems {
                eprintln!("wali-conformance: {p}");
                code = 1;
            }
            if check {
                let current = std::fs::read_to_string(&target).unwrap_or_default();
                if current != page.markdown {
                    eprintln!("wali-conformance: docs/syscalls.md is stale: run `cargo run -p wali-conformance -- docs`");
                    code = 1;
                }
                if code == 0 {
                    println!("docs/syscalls.md is up to date ({} syscalls, {} cases)", spec.len(), cases.len());
                }
            } else {
                std::fs::create_dir_all(target.parent().unwrap())?;
                std::fs::write(&target, &page.markdown)?;
                println!("wrote {} ({} syscalls, {} cases)", target.display(), spec.len(), cases.len());
            }
            Ok(code)
        }
        Cmd::Run { engine, wrapper, wali_run, jobs, timeout_scale, no_coverage, native_cc, native_wrapper, names } => {
            let cases = select(case::load_all(&cases_dir)?, &names)?;
            let mut paths = paths;
            if let Some(cc) = native_cc {
                paths.native_cc = shlex::split(&cc).filter(|v| !v.is_empty()).context("bad --native-cc")?;
            }
            if let Some(w) = native_wrapper {
                paths.native_wrapper = shlex::split(&w).context("unbalanced quotes in --native-wrapper")?;
            }
            // Absolute: cases run with their scratch directory as cwd.
            let wali_run = match wali_run {
                Some(p) => std::path::absolute(&p)?,
                None => std::env::current_exe()?.parent().unwrap().join("wali-run"),
            };
            let engine_path = engine.unwrap_or_else(|| root.join("conformance/engines/wali-run.toml"));
            let engine = engine::Engine::load(&engine_path, wrapper.as_deref(), wali_run.clone())?;
            if engine.argv(&engine::Invocation { module: Path::new(""), env_file: Path::new(""), args: &[], strace: false })
                .iter()
                .any(|w| w == &wali_run.to_string_lossy())
                && !wali_run.exists()
            {
                bail!("{} not found (cargo build --bin wali-run, or --wali-run PATH)", wali_run.display());
            }
            std::fs::create_dir_all(&out)?;
            let opts = runner::Options { timeout_scale, check_coverage: !no_coverage };
            let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs.unwrap_or(0)).build()?;
            let start = Instant::now();
            let print = Mutex::new(());
            let results: Vec<runner::CaseResult> = pool.install(|| {
                cases
                    .par_iter()
                    .map(|c| {
                        let r = runner::run_case(&paths, &engine, c, &opts);
                        let _g = print.lock().unwrap();
                        match &r.verdict {
                            runner::Verdict::Pass => println!(
                                "ok   {:<24} native {:>5} ms, {} {:>5} ms",
                                r.name,
                                r.native.map_or(0, |d| d.as_millis()),
                                engine.name,
                                r.wasm.map_or(0, |d| d.as_millis())
                            ),
                            runner::Verdict::Fail(why) => println!("FAIL {}: {}", r.name, why.trim_end()),
                        }
                        let _ = std::io::stdout().flush();
                        r
                    })
                    .collect()
            });
            let failed: Vec<&str> =
                results.iter().filter(|r| matches!(r.verdict, runner::Verdict::Fail(_))).map(|r| r.name.as_str()).collect();
            let compared = results.iter().filter(|r| r.wasm.is_some()).count() * 2;
            let checked = results.iter().filter(|r| r.coverage_checked).count();
            let claims: usize = cases.iter().map(|c| c.covers.len()).sum();
            let syscalls: std::collections::BTreeSet<&str> = cases.iter().flat_map(|c| c.syscalls()).collect();
            let mut tsv = String::from("case\tresult\tnative_ms\tengine_ms\n");
            for r in &results {
                tsv.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    r.name,
                    if matches!(r.verdict, runner::Verdict::Pass) { "pass" } else { "fail" },
                    r.native.map_or(0, |d| d.as_millis()),
                    r.wasm.map_or(0, |d| d.as_millis())
                ));
            }
            std::fs::write(out.join(format!("results-{}.tsv", engine.name)), tsv)?;
            println!(
                "conformance ({}): {} cases, {} passed, {} failed; {} runs compared; {} syscalls covered \
                 by {} declared outcomes, checked in the trace for {} cases; {:.1}s",
                engine.name,
                results.len(),
                results.len() - failed.len(),
                failed.len(),
                compared,
                syscalls.len(),
                claims,
                checked,
                start.elapsed().as_secs_f64()
            );
            if !failed.is_empty() {
                println!("failed: {}", failed.join(" "));
                return Ok(1);
            }
            Ok(0)
        }
    }
}
