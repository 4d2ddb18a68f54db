//! wali-run: run WebAssembly Linux Interface (WALI) programs on wasmtime.
//!
//! Embedding:
//! ```no_run
//! use wali_run::{engine, host::Process, run};
//! let engine = engine::engine(&Default::default())?;
//! let module = engine::load(&engine, "app.wasm".as_ref())?;
//! let process = Process::new(vec![c"app.wasm".into()], None, false);
//! let status = run::run(&engine, &module, process, &Default::default())?;
//! # Ok::<(), anyhow::Error>(())
//! ```

pub mod engine;
pub mod host;
pub mod memory;
pub mod rewrite;
pub mod run;
pub mod signals;
pub mod strace;
pub mod sys;
