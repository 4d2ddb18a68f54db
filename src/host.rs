//! Per-process and per-instance state of a running guest.

use crate::memory::{Mem, Protections};
use std::ffi::CString;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use wasmtime::{Memory, SharedMemory, StoreContext};

/// State shared by every instance (thread) of one guest process.
#[derive(Debug)]
pub struct Process {
    /// argv as the guest sees it; argv[0] is the module path as given.
    pub argv: Vec<CString>,
    /// The environment file handed to the guest by `__get_init_envfile`.
    pub env_file: Option<PathBuf>,
    /// Print one line per syscall on stderr.
    pub strace: bool,
    /// Host-inaccessible ranges of linear memory.
    pub prot: Protections,
    /// The mmap/brk allocator of linear memory.
    pub mm: Mutex<crate::sys::mm::MmState>,
    pub init_called: AtomicBool,
    pub deinit_called: AtomicBool,
}

impl Process {
    pub fn new(argv: Vec<CString>, env_file: Option<PathBuf>, strace: bool) -> Self {
        Process {
            argv,
            env_file,
            strace,
            prot: Protections::default(),
            mm: Mutex::new(Default::default()),
            init_called: AtomicBool::new(false),
            deinit_called: AtomicBool::new(false),
        }
    }

    pub fn first_init(&self) -> bool {
        !self.init_called.swap(true, Ordering::SeqCst)
    }
}

/// The guest's linear memory, owned by the host.
#[derive(Clone)]
pub enum GuestMemory {
    None,
    Shared(SharedMemory),
    Local(Memory),
}

/// The data of one wasmtime store: one guest instance (thread).
pub struct Host {
    pub process: std::sync::Arc<Process>,
    pub memory: GuestMemory,
}

impl Host {
    #[inline]
    pub fn strace(&self) -> bool {
        self.process.strace
    }

    /// A view of guest memory, valid while `store` is borrowed.
    pub fn mem<'a>(&'a self, store: impl Into<StoreContext<'a, Host>>) -> Mem<'a> {
        let prot = &self.process.prot;
        match &self.memory {
            GuestMemory::None => Mem::empty(prot),
            GuestMemory::Shared(m) => {
                let data = m.data();
                // SAFETY: a shared memory never moves or shrinks; the slice
                // covers its current size.
                unsafe { Mem::new(data.as_ptr() as *mut u8, data.len(), prot) }
            }
            GuestMemory::Local(m) => {
                let store = store.into();
                // SAFETY: the memory belongs to this store, which the caller
                // borrows for 'a; it can only move when grown through the store.
                unsafe { Mem::new(m.data_ptr(&store), m.data_size(&store), prot) }
            }
        }
    }
}

/// A file only this process (and its children) can reach, holding `content`,
/// gone when the last of them exits. Returns a path the guest can open.
pub fn private_file(name: &str, content: &[u8]) -> anyhow::Result<PathBuf> {
    use std::io::Write;
    use std::os::fd::{FromRawFd, IntoRawFd};
    let cname = std::ffi::CString::new(name)?;
    // SAFETY: plain syscall; the returned fd is owned by the File below.
    let fd = unsafe { libc::memfd_create(cname.as_ptr(), 0) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error()).map_err(|e| anyhow::anyhow!("memfd_create: {e}"));
    }
    // SAFETY: fd is a fresh descriptor we own.
    let mut file = unsafe { std::fs::File::from_raw_fd(fd) };
    file.write_all(content)?;
    // Keep the descriptor open for the life of the process.
    let fd = file.into_raw_fd();
    Ok(PathBuf::from(format!("/proc/self/fd/{fd}")))
}
