#![deny(unsafe_code)]
//! The `wali-run` command line.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use std::ffi::CString;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use wali_run::{engine, host::Process, run, sys::spawn};

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
    /// Compile a module ahead of time into a .cwasm file, for this host or
    /// for another one (`--target pulley32` for 32-bit ARM devices).
    Compile {
        /// The .wasm module.
        file: PathBuf,
        /// Output file (default: the input with extension .cwasm).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Target triple or Pulley target: pulley32 (32-bit ARM hosts),
        /// pulley64, aarch64, x86_64 (default: this host, or $WALI_RUN_TARGET).
        #[arg(long, value_name = "TARGET")]
        target: Option<String>,
    },
    /// Register wali-run with binfmt_misc as the interpreter of WebAssembly
    /// modules, so that executable .wasm files run directly (needs root and
    /// binfmt_misc mounted at /proc/sys/fs/binfmt_misc).
    Register {
        /// The interpreter to register (default: this wali-run binary).
        #[arg(long, value_name = "PATH")]
        interpreter: Option<PathBuf>,
        /// Print the registration line instead of writing it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Remove the binfmt_misc registration made by `wali-run register`.
    Unregister,
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
    /// Refuse (EACCES) the guest's execve of anything but a WebAssembly module.
    #[arg(long)]
    no_native_exec: bool,
    /// The guest's argv[0] (default: the module path); set by execve.
    #[arg(long, value_name = "STRING", hide = true)]
    argv0: Option<std::ffi::OsString>,
    /// The module to run (.wasm or .cwasm), then the guest's arguments: everything
    /// after the module is the guest's, `--help` and wali-run's own flags included.
    #[arg(required = true, value_name = "FILE [ARGS]...", trailing_var_arg = true, allow_hyphen_values = true)]
    command: Vec<std::ffi::OsString>,
}

impl RunArgs {
    fn file(&self) -> Option<PathBuf> {
        self.command.first().map(PathBuf::from)
    }
    fn guest_args(&self) -> &[std::ffi::OsString] {
        self.command.get(1..).unwrap_or_default()
    }
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
    wali_run::kernel::startup::default_signal(libc::SIGPIPE);
    // Other processes of the user, a forked guest among them, cannot open this
    // process's memory (/proc/<pid>/mem) or ptrace it.
    if let Err(e) = wali_run::kernel::startup::set_not_dumpable() {
        eprintln!("wali-run: cannot make the process non-dumpable: {e}");
        std::process::exit(STATUS_RUNTIME_ERROR);
    }
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("WALI_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    // Everything from the module on is the guest's, so a leading `-x` lands in
    // the module position: it is an unknown option of wali-run.
    if cli.command.is_none()
        && let Some(first) = cli.run.command.first().and_then(|f| f.to_str())
        && first.starts_with('-')
        && first != "-"
    {
        use clap::CommandFactory;
        Cli::command().error(clap::error::ErrorKind::UnknownArgument, format!("unexpected argument '{first}' found")).exit();
    }
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
    // Under --no-native-exec nothing a guest could have written runs as native
    // code: a cache entry is native code, and the cache directory is writable
    // by every guest of the user.
    let mut opts = engine::EngineOptions { cache: !cli.run.no_cache && !cli.run.no_native_exec, ..engine::EngineOptions::from_env() };
    match cli.command {
        Some(Command::Compile { file, output, target }) => {
            if target.is_some() {
                opts.target = target;
            }
            let engine = engine::engine(&opts)?;
            let output = output.unwrap_or_else(|| file.with_extension("cwasm"));
            engine::compile_to_file(&engine, &file, &output)?;
            return Ok(0);
        }
        Some(Command::Register { interpreter, dry_run }) => return register(interpreter, dry_run).map(|()| 0),
        Some(Command::Unregister) => return unregister().map(|()| 0),
        None => {}
    }
    let mut args = cli.run;
    let file = args.file().context("no module given")?;
    if !file.exists() {
        bail!("{}: no such file", file.display());
    }
    let (engine, cache) = engine::engine_and_cache(&opts)?;
    let module = engine::load_with(&engine, cache.as_ref(), &file, !args.no_native_exec)?;

    let argv0 = match &args.argv0 {
        Some(a) => {
            reexecuted(&file, &args);
            a.as_bytes()
        }
        None => file.as_os_str().as_bytes(),
    };
    let mut argv = vec![CString::new(argv0).context("argv[0] contains NUL")?];
    for a in args.guest_args() {
        argv.push(CString::new(a.as_bytes()).context("argument contains NUL")?);
    }
    if args.argv0.is_none() && args.env_file.is_none() && args.env.is_empty() && invoked_through_binfmt() {
        // The kernel ran a .wasm through us: the program gets the environment
        // it was executed with, as a native one would.
        args.inherit_env = true;
    }
    let env_file = env_file(&args)?;
    // An environment file in a descriptor of ours (the memfd made above, or the
    // one a guest's execve handed over) is closed once the guest read it.
    let own_fd = (env_file != args.env_file || args.argv0.is_some())
        .then(|| env_file.as_ref().and_then(|p| p.to_str()?.strip_prefix("/proc/self/fd/")?.parse::<i32>().ok()))
        .flatten();
    let mut process = Process::new(argv, env_file, args.strace);
    if let Some(fd) = own_fd {
        process.env_fd.store(fd, std::sync::atomic::Ordering::Relaxed);
    }
    process.no_native_exec = args.no_native_exec;
    process.exec_flags = exec_flags(&args);
    process.module_path = std::fs::canonicalize(file).ok();
    Ok(run::run(&engine, &module, process, &run::Limits { max_memory: args.max_memory })?)
}

/// The options a wali-run re-executed by the guest's execve gets again.
fn exec_flags(args: &RunArgs) -> Vec<std::ffi::OsString> {
    let mut flags = Vec::new();
    if args.strace {
        flags.push("--strace".into());
    }
    if args.no_native_exec {
        flags.push("--no-native-exec".into());
    }
    if let Some(m) = args.max_memory {
        flags.push(format!("--max-memory={m}").into());
    }
    if args.no_cache {
        flags.push("--no-cache".into());
    }
    flags
}

/// Started by a guest's execve (`--argv0`): name the process after the
/// program, as the kernel does for a native execve, and keep the
/// environment file out of later execs.
fn reexecuted(file: &std::path::Path, args: &RunArgs) {
    if let Some(name) = file.file_name() {
        let name: Vec<u8> = name.as_bytes().iter().copied().filter(|b| *b != 0).take(15).collect();
        if let Ok(name) = CString::new(name) {
            let _ = wali_run::kernel::startup::set_name(&name);
        }
    }
    let fd = args.env_file.as_ref().and_then(|p| p.to_str()).and_then(|p| p.strip_prefix("/proc/self/fd/")).and_then(|n| n.parse::<i32>().ok());
    if let Some(fd) = fd {
        let _ = wali_run::kernel::startup::set_cloexec(fd);
    }
}

/// Whether the kernel executed a WebAssembly module and binfmt_misc made it
/// run wali-run: the file the kernel was asked to execute (`AT_EXECFN`) is
/// then a module rather than this binary.
fn invoked_through_binfmt() -> bool {
    let Some(path) = wali_run::kernel::startup::exec_fn() else { return false };
    let path = std::path::Path::new(std::ffi::OsStr::from_bytes(path.to_bytes()));
    let mut head = [0u8; 8];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head)).is_ok() && &head == spawn::WASM_MODULE_MAGIC
}

const BINFMT_DIR: &str = "/proc/sys/fs/binfmt_misc";
const BINFMT_NAME: &str = "wali-run";

/// The binfmt_misc registration line for `interpreter`: modules with the core
/// Wasm header (magic and mask), flag F (the interpreter is opened now, so
/// it works in containers and chroots too).
fn binfmt_line(interpreter: &std::path::Path) -> Result<String> {
    let interp = interpreter.to_str().with_context(|| format!("{}: interpreter path is not UTF-8", interpreter.display()))?;
    if interp.contains([':', '\n', '\0']) {
        bail!("{interp}: binfmt_misc cannot register an interpreter path containing ':' or a newline");
    }
    let hex = |bytes: &[u8]| {
        bytes.iter().map(|b| if b.is_ascii_alphanumeric() { char::from(*b).to_string() } else { format!("\\x{b:02x}") }).collect::<String>()
    };
    let magic = hex(spawn::WASM_MODULE_MAGIC);
    let mask = hex(&[0xff; 8]);
    Ok(format!(":{BINFMT_NAME}:M::{magic}:{mask}:{interp}:F"))
}

/// `wali-run register`.
fn register(interpreter: Option<PathBuf>, dry_run: bool) -> Result<()> {
    let interpreter = match interpreter {
        Some(p) => std::path::absolute(&p).with_context(|| format!("{}: bad interpreter path", p.display()))?,
        None => std::env::current_exe().context("cannot find the wali-run binary")?,
    };
    let line = binfmt_line(&interpreter)?;
    if dry_run {
        println!("{line}");
        return Ok(());
    }
    if !interpreter.is_file() {
        bail!("{}: interpreter not found", interpreter.display());
    }
    binfmt_write("register", &line)
}

/// `wali-run unregister`.
fn unregister() -> Result<()> {
    let dir = std::path::Path::new(BINFMT_DIR);
    if dir.join("register").exists() && !dir.join(BINFMT_NAME).exists() {
        bail!("wali-run is not registered with binfmt_misc");
    }
    binfmt_write(BINFMT_NAME, "-1")
}

/// Write `text` to the binfmt_misc control file `name`, with one-line errors.
fn binfmt_write(name: &str, text: &str) -> Result<()> {
    let path = std::path::Path::new(BINFMT_DIR).join(name);
    if !std::path::Path::new(BINFMT_DIR).join("register").exists() {
        bail!("binfmt_misc is not mounted at {BINFMT_DIR} (mount -t binfmt_misc binfmt_misc {BINFMT_DIR})");
    }
    let mut f = match std::fs::OpenOptions::new().write(true).open(&path) {
        Ok(f) => f,
        Err(e) if matches!(e.raw_os_error(), Some(libc::EACCES | libc::EPERM | libc::EROFS)) => {
            bail!("{} is not writable (run as root): {e}", path.display())
        }
        Err(e) => bail!("cannot open {}: {e}", path.display()),
    };
    match f.write_all(text.as_bytes()) {
        Ok(()) => Ok(()),
        Err(e) if e.raw_os_error() == Some(libc::EEXIST) => {
            bail!("a binfmt_misc entry named {BINFMT_NAME} exists already (wali-run unregister first)")
        }
        Err(e) if matches!(e.raw_os_error(), Some(libc::EACCES | libc::EPERM)) => {
            bail!("{} is not writable (run as root): {e}", path.display())
        }
        Err(e) => bail!("writing `{text}` to {}: {e}", path.display()),
    }
}

/// The environment file handed to the guest. `--env-file` alone is passed as
/// is; with `--env` or `--inherit-env` the merged environment goes to a
/// private in-memory file (gone when the process ends).
fn env_file(args: &RunArgs) -> Result<Option<PathBuf>> {
    if args.env.is_empty() && !args.inherit_env {
        return Ok(args.env_file.clone());
    }
    let mut vars: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    // Set `k` to `v`, or unset it for `None`.
    let mut set = |k: &[u8], v: Option<&[u8]>| {
        vars.retain(|(key, _)| key != k);
        if let Some(v) = v {
            vars.push((k.to_vec(), v.to_vec()));
        }
    };
    if args.inherit_env {
        for (k, v) in std::env::vars_os() {
            set(k.as_bytes(), Some(v.as_bytes()));
        }
    }
    if let Some(path) = &args.env_file {
        let text = std::fs::read(path).with_context(|| format!("cannot read env file {}", path.display()))?;
        for line in text.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            match line.iter().position(|b| *b == b'=') {
                Some(i) => set(&line[..i], Some(&line[i + 1..])),
                // A bare name in an env file unsets the variable.
                None => set(line, None),
            }
        }
    }
    for (k, v) in &args.env {
        set(k.as_bytes(), Some(v.as_bytes()));
    }
    let mut content = Vec::new();
    // One line per variable: a name or value with a newline (an exported
    // bash function) cannot be carried and is left out.
    for (k, v) in vars.iter().filter(|(k, v)| !k.is_empty() && !k.contains(&b'\n') && !v.contains(&b'\n')) {
        content.extend_from_slice(k);
        content.push(b'=');
        content.extend_from_slice(v);
        content.push(b'\n');
    }
    let fd = spawn::env_memfd(&content, false).map_err(|e| anyhow::anyhow!("cannot create the environment file: {e:?}"))?;
    Ok(Some(PathBuf::from(format!("/proc/self/fd/{fd}"))))
}
