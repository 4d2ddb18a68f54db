//! Engine configuration and module loading: `.wasm` (rewritten, compiled,
//! cached) and precompiled `.cwasm`.

use crate::rewrite::{self, Lowering};
use wasmtime::error::Context;
use wasmtime::{Result, bail};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use wasmtime::{Config, Engine, Module, Precompiled};

/// How to build the engine.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Cache compiled code on disk (`$XDG_CACHE_HOME/wali-run`).
    pub cache: bool,
    /// Cache directory (defaults to `$XDG_CACHE_HOME/wali-run` or `~/.cache/wali-run`).
    pub cache_dir: Option<PathBuf>,
    /// Compile for this target instead of the host (`pulley32`, `pulley64`,
    /// `aarch64`, ...): code for another host is only written out
    /// (`wali-run compile`), `pulley64` runs here under the interpreter.
    pub target: Option<String>,
    /// Check for signals at every loop header and function entry of running
    /// guest code (None: yes, except on Pulley; see [`EPOCH_CHECKS_ENV`]).
    pub epoch_checks: Option<bool>,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions { cache: true, cache_dir: None, target: None, epoch_checks: None }
    }
}

/// Environment variable overriding [`EngineOptions::epoch_checks`] (`0` or `1`).
///
/// With the checks, a signal handler interrupts a guest busy in a loop; without
/// them it runs at the guest's next system call (or host call). Cranelift's
/// checks cost about 1%, the interpreter's make tight loops 2-3 times slower,
/// so Pulley engines leave them out unless asked. Code compiled with and
/// without them does not mix: a `.cwasm` loads only into an engine with the
/// same setting.
pub const EPOCH_CHECKS_ENV: &str = "WALI_RUN_EPOCH_CHECKS";

impl EngineOptions {
    /// Options from wali-run's environment ([`TARGET_ENV`], [`EPOCH_CHECKS_ENV`]).
    pub fn from_env() -> Self {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        EngineOptions {
            target: var(TARGET_ENV),
            epoch_checks: var(EPOCH_CHECKS_ENV).map(|v| v != "0"),
            ..Default::default()
        }
    }
}

/// Environment variable naming the engine's target (see [`EngineOptions::target`]);
/// execve passes wali-run's environment on, so a guest's children use it too.
pub const TARGET_ENV: &str = "WALI_RUN_TARGET";

/// The lowerings modules need for `engine`.
pub fn lowerings(engine: &Engine) -> &'static [Lowering] {
    if engine.is_pulley() {
        &[Lowering::ExportTable0, Lowering::FlushStdio, Lowering::Pulley]
    } else {
        &[Lowering::ImportMemories, Lowering::ExportTable0, Lowering::FlushStdio]
    }
}

/// Whether code for `target` (None: this host) is 32-bit.
fn target_is_32bit(target: Option<&str>) -> bool {
    match target {
        None => cfg!(target_pointer_width = "32"),
        Some(t) => t == "pulley32" || t == "pulley32be" || t.starts_with("arm") || t.starts_with("i686") || t.starts_with("riscv32"),
    }
}

fn default_cache_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
        .map(|d| d.join("wali-run"))
}

/// Build the engine used to compile and run guests.
pub fn engine(opts: &EngineOptions) -> Result<Engine> {
    engine_and_cache(opts).map(|(engine, _)| engine)
}

/// Native stack the guest's Wasm code may use. A native program has 8 MiB of
/// stack; compiled Wasm frames hold what a native frame holds plus spills of
/// Wasm locals, while the C stack (address-taken locals) lives in linear memory
/// besides, so guests get more: enough that interpreters hit their own
/// recursion limits (qjs's RangeError) first. wasmtime's default, 512 KiB,
/// overflows long before natively. 32-bit hosts, short of address space, get
/// what a native program gets.
pub const WASM_STACK: usize = if cfg!(target_pointer_width = "64") { 32 << 20 } else { 8 << 20 };
/// Host stack kept beyond it for the runtime's own frames around guest code.
pub const HOST_STACK_MARGIN: usize = 4 << 20;
/// Stack size of the host threads that run guest threads.
pub const GUEST_THREAD_STACK: usize = WASM_STACK + HOST_STACK_MARGIN;

/// The stack limit (soft, hard) the guest sees: the one wali-run started with,
/// or the guest's own since it set one. The real soft limit may be higher
/// ([`raise_stack_limit`]).
static GUEST_STACK_LIMIT: std::sync::Mutex<Option<(u64, u64)>> = std::sync::Mutex::new(None);

fn guest_stack() -> std::sync::MutexGuard<'static, Option<(u64, u64)>> {
    GUEST_STACK_LIMIT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Let the main thread's stack grow to [`GUEST_THREAD_STACK`]: the kernel
/// checks RLIMIT_STACK when the stack grows, so raising the soft limit (up to
/// the hard one) is enough. Returns the Wasm stack the main thread can give
/// guests: [`WASM_STACK`], or less when the hard limit is lower.
pub fn raise_stack_limit() -> usize {
    use crate::kernel::startup::{getrlimit, setrlimit};
    let Ok((cur, max)) = getrlimit(libc::RLIMIT_STACK) else { return WASM_STACK };
    let lim = libc::rlimit { rlim_cur: cur, rlim_max: max };
    guest_stack().get_or_insert((lim.rlim_cur as u64, lim.rlim_max as u64));
    let need = GUEST_THREAD_STACK as libc::rlim_t;
    if lim.rlim_cur == libc::RLIM_INFINITY || lim.rlim_cur >= need {
        return WASM_STACK;
    }
    let target = if lim.rlim_max == libc::RLIM_INFINITY { need } else { need.min(lim.rlim_max) };
    let cur = if setrlimit(libc::RLIMIT_STACK, target, lim.rlim_max).is_ok() { target } else { lim.rlim_cur };
    (cur as usize).saturating_sub(HOST_STACK_MARGIN).clamp(512 << 10, WASM_STACK)
}

/// Put back the stack limit the guest sees (before `execve`, so the next
/// program starts with it; [`raise_stack_limit`] again if that fails).
pub fn restore_stack_limit() {
    if let Some((cur, max)) = *guest_stack() {
        let _ = crate::kernel::startup::setrlimit(libc::RLIMIT_STACK, cur as libc::rlim_t, max as libc::rlim_t);
    }
}

/// The stack limit the guest sees, if the runtime changed the real one.
pub fn guest_stack_limit() -> Option<(u64, u64)> {
    *guest_stack()
}

/// The guest set its stack limit (already applied to the host): that is its
/// view from now on, and the main thread's stack is raised above it again.
pub fn set_guest_stack_limit(cur: u64, max: u64) {
    *guest_stack() = Some((cur, max));
    raise_stack_limit();
}

/// Build the engine and the on-disk compilation cache `opts` asks for.
pub fn engine_and_cache(opts: &EngineOptions) -> Result<(Engine, Option<DiskCache>)> {
    // Before wasmtime installs its trap handlers, so it passes these signals on.
    crate::signals::install_reserved_fallbacks();
    let mut config = Config::new();
    if let Some(t) = &opts.target {
        config.target(t).with_context(|| format!("unknown target `{t}`"))?;
    }
    let pulley = match &opts.target {
        Some(t) => t.starts_with("pulley"),
        None => cfg!(target_arch = "arm"),
    };
    config.wasm_exceptions(true);
    // Guests run on the main thread (whose stack limit this raises) and on
    // threads of GUEST_THREAD_STACK.
    // (No async stacks are used; wasmtime only insists the bound is consistent.)
    let wasm_stack = raise_stack_limit();
    config.async_stack_size(wasm_stack + HOST_STACK_MARGIN).max_wasm_stack(wasm_stack);
    if pulley {
        // wasmtime's interpreter (the only engine on 32-bit ARM) has neither
        // threads nor shared memories: the rewriting pass lowers them
        // (src/rewrite/pulley.rs).
        config.wasm_threads(false).shared_memory(false);
    } else {
        config.wasm_threads(true).shared_memory(true);
    }
    #[cfg(feature = "compiler")]
    config.cranelift_opt_level(wasmtime::OptLevel::Speed);
    // Signal delivery interrupts running guest code through epochs (src/signals.rs).
    config.epoch_interruption(opts.epoch_checks.unwrap_or(!pulley));
    // Plain linear memories live in a reservation of the runtime's that never
    // moves (src/memory/linear.rs), on every host.
    config.with_host_memory(std::sync::Arc::new(crate::memory::linear::Reservations));
    // Those memories are not wasmtime's mmap-based ones, which copy-on-write
    // images of the data segments need: segments are copied in.
    config.memory_init_cow(false);
    if target_is_32bit(opts.target.as_deref()) {
        // A 32-bit host cannot reserve 4 GiB per memory: bounds-check instead.
        config.memory_reservation(0).memory_guard_size(0);
    }
    let engine = Engine::new(&config).context("configuring the wasm engine")?;
    // Without a compiler there is nothing to cache.
    let cache = if opts.cache && cfg!(feature = "compiler") {
        opts.cache_dir.clone().or_else(default_cache_dir).map(DiskCache::new)
    } else {
        None
    };
    Ok((engine, cache))
}

/// A directory of compiled modules, `<sha256>.cwasm`, keyed by the rewritten
/// module bytes and the engine's compilation settings.
///
/// Unlike wasmtime's own cache it starts no helper thread, so a guest's
/// `fork` copies a process in which only the forking thread exists. Entries
/// are written whole (temporary file + rename), so a reader never maps a
/// half-written file; one that does not load (corrupt, or for another
/// engine) is compiled again and replaced.
#[derive(Debug)]
pub struct DiskCache {
    dir: PathBuf,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl DiskCache {
    pub fn new(dir: PathBuf) -> Self {
        DiskCache { dir, hits: AtomicU64::new(0), misses: AtomicU64::new(0) }
    }

    /// Modules loaded from the cache.
    pub fn cache_hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }

    /// Modules compiled (and stored) because the cache had no usable entry.
    pub fn cache_misses(&self) -> u64 {
        self.misses.load(Ordering::Relaxed)
    }

    /// The cache file for `wasm` compiled by `engine`.
    #[cfg_attr(not(feature = "compiler"), allow(unused_variables))]
    fn entry(&self, engine: &Engine, wasm: &[u8]) -> PathBuf {
        use sha2::{Digest, Sha256};
        #[cfg(feature = "compiler")]
        use std::hash::Hash;
        /// Feeds what `Hash` writes into a SHA-256.
        struct ShaHasher(Sha256);
        impl std::hash::Hasher for ShaHasher {
            fn write(&mut self, bytes: &[u8]) {
                self.0.update(bytes);
            }
            fn finish(&self) -> u64 {
                0
            }
        }
        #[cfg_attr(not(feature = "compiler"), allow(unused_mut))]
        let mut h = ShaHasher(Sha256::new());
        #[cfg(feature = "compiler")]
        engine.precompile_compatibility_hash().hash(&mut h);
        let mut sha = h.0;
        sha.update(wasm);
        let key: String = sha.finalize().iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{key}.cwasm"))
    }

    /// The compiled module for the (rewritten) `wasm`, from the cache or
    /// compiled now and stored.
    pub fn module(&self, engine: &Engine, wasm: &[u8]) -> Result<Module> {
        let path = self.entry(engine, wasm);
        // Read, not mapped (`deserialize_file`): a mapped entry keeps its file
        // descriptor open for the module's lifetime, where the guest would see
        // it (its first open() would not get fd 3).
        if let Ok(code) = std::fs::read(&path) {
            // Entries are only written by `store` (complete files renamed into
            // place); `EngineOptions::cache` is off under --no-native-exec, where
            // a guest could have planted one.
            match deserialize(engine, &code) {
                Ok(m) => {
                    self.hits.fetch_add(1, Ordering::Relaxed);
                    return Ok(m);
                }
                Err(e) => tracing::warn!("{}: unusable cache entry, compiling again: {e:#}", path.display()),
            }
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let code = precompile(engine, wasm)?;
        if let Err(e) = self.store(&path, &code) {
            tracing::warn!("cannot write cache entry {}: {e:#}", path.display());
        }
        // `code` was just produced by this engine.
        deserialize(engine, &code)
    }

    fn store(&self, path: &Path, code: &[u8]) -> std::io::Result<()> {
        use std::io::Write;
        std::fs::create_dir_all(&self.dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        tmp.write_all(code)?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

const WASM_MAGIC: &[u8] = b"\0asm";

/// Load precompiled native code: the one place wali-run runs machine code it
/// did not compile in this process. Callers pass only code this engine just
/// produced, a cache entry (the cache is off under `--no-native-exec`), or a
/// `.cwasm` the user named (a guest's `execve` of one is refused under
/// `--no-native-exec`).
#[allow(unsafe_code)]
fn deserialize(engine: &Engine, code: &[u8]) -> Result<Module> {
    // SAFETY: wasmtime checks the header, version and engine settings; the code
    // itself is trusted as the callers above explain.
    unsafe { Module::deserialize(engine, code) }
}

/// Why a runtime built without the `compiler` feature cannot take a `.wasm`.
pub const NO_COMPILER: &str = "this wali-run has no compiler (built without the `compiler` feature): \
     run a .cwasm made by `wali-run compile` (`--target pulley32` for 32-bit ARM)";

/// Compile (the rewritten) `wasm` for `engine`.
pub fn compile_module(engine: &Engine, wasm: &[u8]) -> Result<Module> {
    #[cfg(feature = "compiler")]
    return compile(|| Module::new(engine, wasm));
    #[cfg(not(feature = "compiler"))]
    {
        let _ = (engine, wasm);
        bail!(NO_COMPILER)
    }
}

/// Compile (the rewritten) `wasm` for `engine` into `.cwasm` bytes.
pub fn precompile(engine: &Engine, wasm: &[u8]) -> Result<Vec<u8>> {
    #[cfg(feature = "compiler")]
    return compile(|| engine.precompile_module(wasm));
    #[cfg(not(feature = "compiler"))]
    {
        let _ = (engine, wasm);
        bail!(NO_COMPILER)
    }
}

/// Run a compilation on a thread pool of its own and wait until every one of
/// its threads has exited: the guest then starts in a process whose only
/// thread is its own (no idle compiler threads to be lost at `fork`, none
/// visible in `/proc/self/status`).
pub fn compile<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let handles = std::sync::Mutex::new(Vec::new());
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("wali-compile-{i}"))
        .spawn_handler(|thread| {
            let h = std::thread::Builder::new().name(thread.name().unwrap_or("wali-compile").to_string()).spawn(|| thread.run())?;
            handles.lock().unwrap_or_else(|e| e.into_inner()).push(h);
            Ok(())
        })
        .build();
    let Ok(pool) = pool else { return f() };
    let result = pool.install(f);
    drop(pool);
    for h in handles.into_inner().unwrap_or_else(|e| e.into_inner()) {
        let _ = h.join();
    }
    result
}

/// Rewrite a `.wasm` module's bytes for `engine`, with a clear error for
/// anything that is not a core Wasm module.
pub fn prepare(engine: &Engine, bytes: &[u8], what: &Path) -> Result<Vec<u8>> {
    if what.extension().is_some_and(|e| e == "wat") && !bytes.starts_with(WASM_MAGIC) {
        let wasm = wat::parse_bytes(bytes).map_err(|e| wasmtime::format_err!("{}: {e}", what.display()))?;
        return prepare(engine, &wasm, what);
    }
    if bytes.len() < 8 || &bytes[..4] != WASM_MAGIC {
        bail!("{}: not a WebAssembly module (no \\0asm header)", what.display());
    }
    if bytes[4..8] != [1, 0, 0, 0] {
        bail!("{}: a WebAssembly component or unknown binary version; wali-run runs core modules", what.display());
    }
    let r = rewrite::rewrite(bytes, lowerings(engine)).with_context(|| format!("{}: malformed WebAssembly module", what.display()))?;
    Ok(r.wasm)
}

/// Load a module from a `.wasm` or `.cwasm` file, compiling a `.wasm`.
pub fn load(engine: &Engine, path: &Path) -> Result<Module> {
    load_cached(engine, None, path)
}

/// Load a module from a `.wasm` or `.cwasm` file; a `.wasm` goes through
/// `cache` when there is one.
pub fn load_cached(engine: &Engine, cache: Option<&DiskCache>, path: &Path) -> Result<Module> {
    load_with(engine, cache, path, true)
}

/// [`load_cached`], refusing precompiled `.cwasm` input unless `precompiled`
/// (under `--no-native-exec`, where a `.cwasm` is native code the guest
/// could have written or swapped in).
pub fn load_with(engine: &Engine, cache: Option<&DiskCache>, path: &Path, precompiled: bool) -> Result<Module> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    match Engine::detect_precompiled(&bytes) {
        Some(Precompiled::Module) if !precompiled => {
            bail!("{}: a precompiled module is native code; --no-native-exec runs only .wasm modules", path.display())
        }
        Some(Precompiled::Module) => {
            // The user named this file (`wali-run compile` output) on the command
            // line; a guest's execve of one is refused under --no-native-exec.
            deserialize(engine, &bytes)
                .with_context(|| format!("{}: precompiled module does not fit this wali-run build", path.display()))
        }
        Some(Precompiled::Component) => bail!("{}: a precompiled component; wali-run runs core modules", path.display()),
        None => {
            let wasm = prepare(engine, &bytes, path)?;
            match cache {
                Some(c) => c.module(engine, &wasm),
                None => compile_module(engine, &wasm),
            }
            .with_context(|| format!("{}: cannot compile module", path.display()))
        }
    }
}

/// `wali-run compile`: rewrite and compile ahead of time into a `.cwasm`.
pub fn compile_to_file(engine: &Engine, input: &Path, output: &Path) -> Result<()> {
    let bytes = std::fs::read(input).with_context(|| format!("cannot read {}", input.display()))?;
    let wasm = prepare(engine, &bytes, input)?;
    let code = precompile(engine, &wasm).with_context(|| format!("{}: cannot compile module", input.display()))?;
    std::fs::write(output, code).with_context(|| format!("cannot write {}", output.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_load_comes_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let wasm_path = dir.path().join("m.wasm");
        let wasm = wat::parse_str(r#"(module (memory (export "memory") 1 2 shared) (func (export "_start")))"#).unwrap();
        std::fs::write(&wasm_path, wasm).unwrap();
        let opts = EngineOptions { cache: true, cache_dir: Some(dir.path().join("cache")), ..Default::default() };
        let (e1, c1) = engine_and_cache(&opts).unwrap();
        let c1 = c1.expect("cache enabled");
        load_cached(&e1, Some(&c1), &wasm_path).unwrap();
        assert_eq!((c1.cache_hits(), c1.cache_misses()), (0, 1));
        // A new engine, as in a second start of wali-run.
        let (e2, c2) = engine_and_cache(&opts).unwrap();
        let c2 = c2.expect("cache enabled");
        load_cached(&e2, Some(&c2), &wasm_path).unwrap();
        assert_eq!((c2.cache_hits(), c2.cache_misses()), (1, 0), "second start must not recompile");
        assert_eq!(std::fs::read_dir(dir.path().join("cache")).unwrap().count(), 1, "one entry, no temporary files left");
    }

    #[test]
    fn a_corrupt_entry_is_compiled_again_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let wasm_path = dir.path().join("m.wasm");
        std::fs::write(&wasm_path, wat::parse_str(r#"(module (func (export "_start")))"#).unwrap()).unwrap();
        let opts = EngineOptions { cache: true, cache_dir: Some(dir.path().join("cache")), ..Default::default() };
        let (e, c) = engine_and_cache(&opts).unwrap();
        let c = c.unwrap();
        load_cached(&e, Some(&c), &wasm_path).unwrap();
        let entry = std::fs::read_dir(dir.path().join("cache")).unwrap().next().unwrap().unwrap().path();
        std::fs::write(&entry, b"\x7fELF garbage").unwrap();
        load_cached(&e, Some(&c), &wasm_path).unwrap();
        assert_eq!((c.cache_hits(), c.cache_misses()), (0, 2));
        load_cached(&e, Some(&c), &wasm_path).unwrap();
        assert_eq!((c.cache_hits(), c.cache_misses()), (1, 2), "the replaced entry loads");
    }
}
