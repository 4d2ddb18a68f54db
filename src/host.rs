//! Per-process and per-instance state of a running guest.

use crate::memory::{AddressSpace, Mem};
pub use crate::memory::GuestMemory;
use std::ffi::CString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Condvar, Mutex as StdMutex};
use wasmtime::{Module, StoreContext, Table};

/// State shared by every instance (thread) of one guest process.
#[derive(Debug)]
pub struct Process {
    /// argv as the guest sees it; argv[0] is the module path as given.
    pub argv: Vec<CString>,
    /// The environment file handed to the guest by `__get_init_envfile`.
    pub env_file: Option<PathBuf>,
    /// Print one line per syscall on stderr.
    pub strace: bool,
    /// The guest's address space: allocator, protections, mapping calls.
    pub space: AddressSpace,
    pub init_called: AtomicBool,
    pub deinit_called: AtomicBool,
    /// Refuse `execve` of native executables (`-EACCES`).
    pub no_native_exec: bool,
    /// Options a re-executed wali-run (execve of a Wasm module) must get again.
    pub exec_flags: Vec<std::ffi::OsString>,
    /// The runtime's descriptor behind `env_file` (`/proc/self/fd/N`), closed
    /// once the guest opened the file, so the guest does not keep seeing it.
    pub env_fd: std::sync::atomic::AtomicI32,
    /// The module being run (absolute): what the guest's `/proc/self/exe` means
    /// to `execve`, so programs that re-execute themselves run the module again.
    pub module_path: Option<PathBuf>,
    /// Set once a thread was ever spawned: from then on `exit` ends only the
    /// calling thread and `exit_group` ends the process at once.
    pub ever_threaded: AtomicBool,
    /// Live secondary threads, and a condition signalled when one ends.
    pub threads: StdMutex<usize>,
    pub thread_ended: Condvar,
    /// Status of the last thread that ended with `exit` (the process status
    /// when every thread, the main one included, left that way).
    pub last_thread_status: AtomicI32,
    /// The guest's view of its dumpable flag (`PR_SET_DUMPABLE`); the host
    /// process itself always stays non-dumpable.
    pub dumpable: AtomicI32,
    /// The guest's stdio was flushed by the runtime (`__proc_exit`).
    pub stdio_flushed: AtomicBool,
}

impl Process {
    pub fn new(argv: Vec<CString>, env_file: Option<PathBuf>, strace: bool) -> Self {
        Process {
            argv,
            env_file,
            strace,
            space: AddressSpace::default(),
            init_called: AtomicBool::new(false),
            deinit_called: AtomicBool::new(false),
            no_native_exec: false,
            exec_flags: Vec::new(),
            module_path: None,
            env_fd: std::sync::atomic::AtomicI32::new(-1),
            ever_threaded: AtomicBool::new(false),
            threads: StdMutex::new(0),
            thread_ended: Condvar::new(),
            last_thread_status: AtomicI32::new(0),
            dumpable: AtomicI32::new(1),
            stdio_flushed: AtomicBool::new(false),
        }
    }

    /// Wait until no secondary thread is running.
    pub fn wait_for_threads(&self) {
        let mut n = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        while *n > 0 {
            n = self.thread_ended.wait(n).unwrap_or_else(|e| e.into_inner());
        }
    }

    pub fn first_init(&self) -> bool {
        !self.init_called.swap(true, Ordering::SeqCst)
    }
}

/// The data of one wasmtime store: one guest instance (thread).
pub struct Host {
    pub process: std::sync::Arc<Process>,
    pub memory: GuestMemory,
    /// The module, to instantiate it again for new threads.
    pub module: Option<Module>,
    /// Table 0 of this instance (thread start functions, signal handlers).
    pub table: Option<Table>,
    /// The `threaded` flag of the Pulley lowering, when the module has it.
    pub threaded: Option<wasmtime::Global>,
}

impl Host {
    pub fn new(process: std::sync::Arc<Process>, memory: GuestMemory, module: Option<Module>) -> Self {
        Host { process, memory, module, table: None, threaded: None }
    }
}

impl Host {
    #[inline]
    pub fn strace(&self) -> bool {
        self.process.strace
    }

    /// A view of guest memory, valid while `store` is borrowed.
    pub fn mem<'a>(&'a self, store: impl Into<StoreContext<'a, Host>>) -> Mem<'a> {
        self.memory.view(&self.process.space, store)
    }
}

/// Catch the store's memory up with growth by other guest threads (engines
/// without shared memories, where each thread's store has its own view of
/// one memory). Host calls do this first, so a guest thread sees memory
/// another grew once it synchronised with it (atomics are host calls there).
#[inline]
pub fn sync_memory(store: &mut impl wasmtime::AsContextMut<Data = Host>) {
    let lag = store.as_context().data().memory.lag(&*store);
    if let Some((m, pages)) = lag {
        // Only catches up with pages that are accessible already.
        let _ = m.grow(&mut *store, pages);
    }
}

/// A file only this process (and its children) can reach, holding `content`,
/// gone when the last of them exits. Returns a path the guest can open.
pub fn private_file(name: &str, content: &[u8]) -> anyhow::Result<PathBuf> {
    use std::io::Write;
    use std::os::fd::IntoRawFd;
    let cname = std::ffi::CString::new(name)?;
    let fd = crate::kernel::startup::memfd(&cname, 0).map_err(|e| anyhow::anyhow!("memfd_create: {e}"))?;
    let mut file = std::fs::File::from(fd);
    file.write_all(content)?;
    // Keep the descriptor open for the life of the process.
    let fd = file.into_raw_fd();
    Ok(PathBuf::from(format!("/proc/self/fd/{fd}")))
}
