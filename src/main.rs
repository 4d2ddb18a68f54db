//! The `wali-run` command line.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use std::ffi::CString;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use wali_run::{engine, host::Process, run};

/// Exit status when wali-run itself fails (bad module, missing file, ...).
const STATUS_RUNTIME_ERROR: i32 = 125;

#[derive(Parser)]
#[command(
    name = "wali-run",
    version,
    about = "Run WebAssembly Linux Interface (WALI) programs",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Compile a module ahead of time into a .cwasm file for this host.
    Compile {
        /// The .wasm module.
        file: PathBuf,
        /// Output file (default: the input with extension .cwasm).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Args)]
struct RunArgs {
    /// Print one line per system call on stderr.
    #[arg(long)]
    strace: bool,
    /// Environment file for the guest (KEY=VALUE per line), as iwasm's --env-file.
    #[arg(long, value_name = "PATH")]
    env_file: Option<PathBuf>,
    /// Set a guest environment variable (repeatable; overrides --env-file).
    #[arg(long = "env", value_name = "KEY=VALUE", value_parser = parse_env)]
    env: Vec<(String, String)>,
    /// Give the guest wali-run's own environment.
    #[arg(long)]
    inherit_env: bool,
    /// Cap the guest's linear memory (bytes; suffixes K, M, G).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_memory: Option<u64>,
    /// Do not read or write the compilation cache.
    #[arg(long)]
    no_cache: bool,
    /// The module to run (.wasm or .cwasm).
    #[arg(required = true)]
    file: Option<PathBuf>,
    /// Arguments for the guest.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<std::ffi::OsString>,
}

fn parse_env(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got `{s}`")),
    }
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m = match c.to_ascii_uppercase() {
                'K' => 1u64 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("unknown size suffix in `{s}` (use K, M or G)")),
            };
            (&s[..i], m)
        }
        _ => (s, 1),
    };
    num.parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("invalid size `{s}`"))
}

fn main() {
    // Rust ignores SIGPIPE; a guest writing to a closed pipe must die of it as
    // a native program does.
    // SAFETY: setting a default disposition before any thread exists.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("WALI_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let status = match real_main(cli) {
        Ok(status) => status,
        Err(e) => {
            eprintln!("wali-run: {e:#}");
            STATUS_RUNTIME_ERROR
        }
    };
    let _ = std::io::stdout().flush();
    std::process::exit(status);
}

fn real_main(cli: Cli) -> Result<i32> {
    let opts = engine::EngineOptions { cache: !cli.run.no_cache, ..Default::default() };
    if let Some(Command::Compile { file, output }) = cli.command {
        let engine = engine::engine(&opts)?;
        let output = output.unwrap_or_else(|| file.with_extension("cwasm"));
        engine::compile_to_file(&engine, &file, &output)?;
        return Ok(0);
    }
    let args = cli.run;
    let file = args.file.clone().context("no module given")?;
    if !file.exists() {
        bail!("{}: no such file", file.display());
    }
    let engine = engine::engine(&opts)?;
    let module = engine::load(&engine, &file)?;

    let mut argv = vec![CString::new(file.as_os_str().as_bytes()).context("module path contains NUL")?];
    for a in &args.args {
        argv.push(CString::new(a.as_bytes()).context("argument contains NUL")?);
    }
    let env_file = env_file(&args)?;
    let process = Process::new(argv, env_file, args.strace);
    Ok(run::run(&engine, &module, process, &run::Limits { max_memory: args.max_memory })?)
}

/// The environment file handed to the guest. `--env-file` alone is passed as
/// is; with `--env` or `--inherit-env` the merged environment goes to a
/// private in-memory file (gone when the process ends).
fn env_file(args: &RunArgs) -> Result<Option<PathBuf>> {
    if args.env.is_empty() && !args.inherit_env {
        return Ok(args.env_file.clone());
    }
    let mut vars: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    let mut set = |k: &[u8], v: &[u8]| {
        vars.retain(|(key, _)| key != k);
        vars.push((k.to_vec(), v.to_vec()));
    };
    if args.inherit_env {
        for (k, v) in std::env::vars_os() {
            set(k.as_bytes(), v.as_bytes());
        }
    }
    if let Some(path) = &args.env_file {
        let text = std::fs::read(path).with_context(|| format!("cannot read env file {}", path.display()))?;
        for line in text.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            match line.iter().position(|b| *b == b'=') {
                Some(i) => set(&line[..i], &line[i + 1..]),
                None => set(line, b""),
            }
        }
    }
    for (k, v) in &args.env {
        set(k.as_bytes(), v.as_bytes());
    }
    let mut content = Vec::new();
    for (k, v) in &vars {
        content.extend_from_slice(k);
        content.push(b'=');
        content.extend_from_slice(v);
        content.push(b'\n');
    }
    wali_run::host::private_file("wali-env", &content).map(Some)
}
