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
//!
//! `unsafe` code lives only in [`kernel`] (one safe wrapper per host call),
//! [`memory`] (guest memory and the address space) and [`signals`] (the
//! host signal handlers), plus `engine::deserialize` (loading precompiled
//! code); everything else, the syscall handlers included, is safe code.

#![deny(unsafe_code)]

pub mod engine;
pub mod host;
#[allow(unsafe_code)]
pub mod kernel;
#[allow(unsafe_code)]
pub mod memory;
pub mod rewrite;
pub mod run;
#[allow(unsafe_code)]
pub mod signals;
pub mod strace;
pub mod sys;
