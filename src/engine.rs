//! Engine configuration and module loading: `.wasm` (rewritten, compiled,
//! cached) and precompiled `.cwasm`.

use crate::rewrite::{self, Lowering};
use wasmtime::error::Context;
use wasmtime::{Result, bail};
use std::path::{Path, PathBuf};
use wasmtime::{Cache, CacheConfig, Config, Engine, Module, Precompiled};

/// How to build the engine.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Cache compiled code on disk (`$XDG_CACHE_HOME/wali-run`).
    pub cache: bool,
    /// Cache directory (defaults to `$XDG_CACHE_HOME/wali-run` or `~/.cache/wali-run`).
    pub cache_dir: Option<PathBuf>,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions { cache: true, cache_dir: None }
    }
}

/// The lowerings this host needs (more come with hosts whose engine lacks features).
pub fn host_lowerings() -> &'static [Lowering] {
    &[Lowering::ImportMemories, Lowering::ExportTable0]
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

/// Build the engine and return its compilation cache too (for statistics).
pub fn engine_and_cache(opts: &EngineOptions) -> Result<(Engine, Option<Cache>)> {
    let mut cache_used = None;
    let mut config = Config::new();
    config.wasm_exceptions(true);
    if cfg!(target_arch = "arm") {
        // wasmtime runs 32-bit ARM through Pulley, which has neither threads nor
        // shared memories: plain (non-shared) WALI modules run; the lowering of
        // shared-memory modules for this host belongs in the rewriting pass.
        config.wasm_threads(false).shared_memory(false);
    } else {
        config.wasm_threads(true).shared_memory(true);
    }
    config.cranelift_opt_level(wasmtime::OptLevel::Speed);
    if cfg!(target_pointer_width = "32") {
        // A 32-bit host cannot reserve 4 GiB per memory: bounds-check instead.
        config.memory_reservation(0).memory_guard_size(0);
    }
    if opts.cache {
        if let Some(dir) = opts.cache_dir.clone().or_else(default_cache_dir) {
            let mut cc = CacheConfig::new();
            cc.with_directory(dir);
            match Cache::new(cc) {
                Ok(cache) => {
                    config.cache(Some(cache.clone()));
                    cache_used = Some(cache);
                }
                Err(e) => tracing::warn!("compilation cache disabled: {e:#}"),
            }
        }
    }
    let engine = Engine::new(&config).context("configuring the wasm engine")?;
    Ok((engine, cache_used))
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
        let opts = EngineOptions { cache: true, cache_dir: Some(dir.path().join("cache")) };
        let (e1, c1) = engine_and_cache(&opts).unwrap();
        load(&e1, &wasm_path).unwrap();
        let c1 = c1.expect("cache enabled");
        assert_eq!((c1.cache_hits(), c1.cache_misses()), (0, 1));
        // A new engine, as in a second start of wali-run.
        let (e2, c2) = engine_and_cache(&opts).unwrap();
        load(&e2, &wasm_path).unwrap();
        let c2 = c2.expect("cache enabled");
        assert_eq!((c2.cache_hits(), c2.cache_misses()), (1, 0), "second start must not recompile");
    }
}

const WASM_MAGIC: &[u8] = b"\0asm";

/// Rewrite a `.wasm` module's bytes for this host, with a clear error for
/// anything that is not a core Wasm module.
pub fn prepare(bytes: &[u8], what: &Path) -> Result<Vec<u8>> {
    if what.extension().is_some_and(|e| e == "wat") && !bytes.starts_with(WASM_MAGIC) {
        let wasm = wat::parse_bytes(bytes).map_err(|e| wasmtime::format_err!("{}: {e}", what.display()))?;
        return prepare(&wasm, what);
    }
    if bytes.len() < 8 || &bytes[..4] != WASM_MAGIC {
        bail!("{}: not a WebAssembly module (no \\0asm header)", what.display());
    }
    if bytes[4..8] != [1, 0, 0, 0] {
        bail!("{}: a WebAssembly component or unknown binary version; wali-run runs core modules", what.display());
    }
    let r = rewrite::rewrite(bytes, host_lowerings()).with_context(|| format!("{}: malformed WebAssembly module", what.display()))?;
    Ok(r.wasm)
}

/// Load a module from a `.wasm` or `.cwasm` file.
pub fn load(engine: &Engine, path: &Path) -> Result<Module> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    match Engine::detect_precompiled(&bytes) {
        Some(Precompiled::Module) => {
            // SAFETY: the file is produced by `wali-run compile` for this engine
            // configuration; wasmtime checks the header, version and settings.
            unsafe { Module::deserialize(engine, &bytes) }
                .with_context(|| format!("{}: precompiled module does not fit this wali-run build", path.display()))
        }
        Some(Precompiled::Component) => bail!("{}: a precompiled component; wali-run runs core modules", path.display()),
        None => {
            let wasm = prepare(&bytes, path)?;
            Module::new(engine, &wasm).with_context(|| format!("{}: cannot compile module", path.display()))
        }
    }
}

/// `wali-run compile`: rewrite and compile ahead of time into a `.cwasm`.
pub fn compile_to_file(engine: &Engine, input: &Path, output: &Path) -> Result<()> {
    let bytes = std::fs::read(input).with_context(|| format!("cannot read {}", input.display()))?;
    let wasm = prepare(&bytes, input)?;
    let code = engine.precompile_module(&wasm).with_context(|| format!("{}: cannot compile module", input.display()))?;
    std::fs::write(output, code).with_context(|| format!("cannot write {}", output.display()))
}
