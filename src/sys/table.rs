//! The syscall table: every `wali.*` import wali-run implements, its Wasm
//! signature (from the parameter types) and its implementation. This one list
//! drives linking, `--strace` and the coverage report; `wali-abi`'s spec table
//! is checked against it in the tests.

use super::{Cx, Param, SysResult, finish};
use super::{aux, fd, fs, mm, net, poll, process, signal, spawn, thread, time};
use crate::host::Host;
use wali_abi::WasmType;
use wasmtime::{Caller, Func, FuncType, Store, ValType};

/// One implemented import.
pub struct Entry {
    /// Name without the `SYS_` prefix, as in `syscalls.tsv` (`"read"`), or the
    /// auxiliary import's name (`"__init"`).
    pub name: &'static str,
    /// The import name (`"SYS_read"`).
    pub import: &'static str,
    pub params: &'static [WasmType],
    pub result: Option<WasmType>,
    /// Create the typed host function in a store.
    pub make: fn(&mut Store<Host>) -> Func,
    /// Call with raw arguments (used when an import's signature differs).
    pub call: fn(&mut Cx<'_, '_>, &[u64]) -> SysResult,
}

impl Entry {
    /// Does the import type `ty` have exactly this entry's signature?
    pub fn matches(&self, ty: &FuncType) -> bool {
        let conv = |t: &WasmType| match t {
            WasmType::I32 => ValType::I32,
            WasmType::I64 => ValType::I64,
        };
        ty.params().len() == self.params.len()
            && ty.params().zip(self.params).all(|(a, b)| ValType::eq(&a, &conv(b)))
            && ty.results().len() == usize::from(self.result.is_some())
            && ty.results().zip(self.result.iter()).all(|(a, b)| ValType::eq(&a, &conv(b)))
    }

    pub fn is_syscall(&self) -> bool {
        self.import.starts_with("SYS_")
    }
}

/// Find the entry for an import name.
pub fn lookup(import: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.import == import)
}

/// How a host function hands its result back to Wasm.
pub trait Ret: wasmtime::WasmRet + Sized {
    const ABI: Option<WasmType>;
    fn from_i64(v: i64) -> Self;
}
impl Ret for i64 {
    const ABI: Option<WasmType> = Some(WasmType::I64);
    fn from_i64(v: i64) -> Self {
        v
    }
}
impl Ret for i32 {
    const ABI: Option<WasmType> = Some(WasmType::I32);
    fn from_i64(v: i64) -> Self {
        v as i32
    }
}
impl Ret for () {
    const ABI: Option<WasmType> = None;
    fn from_i64(_: i64) -> Self {}
}

/// Parameter type → spec type.
pub trait Abi {
    const ABI: WasmType;
}
impl Abi for i32 { const ABI: WasmType = WasmType::I32; }
impl Abi for u32 { const ABI: WasmType = WasmType::I32; }
impl Abi for i64 { const ABI: WasmType = WasmType::I64; }
impl Abi for u64 { const ABI: WasmType = WasmType::I64; }

macro_rules! table {
    ($( $import:literal => $name:ident ( $($arg:ident : $ty:ident),* ) -> $ret:ty = $imp:path ;)*) => {
        /// Every implemented import.
        pub static ENTRIES: &[Entry] = &[$(
            Entry {
                name: stringify!($name),
                import: $import,
                params: &[$(<$ty as Abi>::ABI),*],
                result: <$ret as Ret>::ABI,
                make: |store| Func::wrap(store, |mut caller: Caller<'_, Host>, $($arg: $ty),*| -> wasmtime::Result<$ret> {
                    let mut cx = Cx::new(&mut caller);
                    let r = $imp(&mut cx, $($arg),*);
                    let v = finish(&mut cx, stringify!($name), &[$(Param::to_raw($arg)),*], r)?;
                    Ok(<$ret as Ret>::from_i64(v))
                }),
                #[allow(unused_mut, unused_variables)]
                call: |cx, args| {
                    let mut it = args.iter().copied();
                    $(let $arg = <$ty as Param>::from_raw(it.next().unwrap_or(0));)*
                    $imp(cx, $($arg),*)
                },
            },
        )*];
    };
}

table! {
    // Auxiliary imports (aux.tsv).
    "__init" => __init() -> i32 = aux::init;
    "__deinit" => __deinit() -> i32 = aux::deinit;
    "__proc_exit" => __proc_exit(status: i32) -> () = aux::proc_exit;
    "__cl_get_argc" => __cl_get_argc() -> i32 = aux::cl_get_argc;
    "__cl_get_argv_len" => __cl_get_argv_len(idx: u32) -> i32 = aux::cl_get_argv_len;
    "__cl_copy_argv" => __cl_copy_argv(buf: u32, idx: u32) -> i32 = aux::cl_copy_argv;
    "__get_init_envfile" => __get_init_envfile(buf: u32, size: u32) -> i32 = aux::get_init_envfile;
    "__wasm_thread_spawn" => __wasm_thread_spawn(func: u32, arg: u32) -> i32 = thread::wasm_thread_spawn;
    "setjmp" => setjmp(env: u32) -> i32 = aux::setjmp;
    "sigsetjmp" => sigsetjmp(env: u32, savesigs: i32) -> i32 = aux::sigsetjmp;
    "longjmp" => longjmp(env: u32, val: i32) -> () = aux::longjmp;

    // Files, directories, links.
    "SYS_read" => read(fd: i32, buf: u32, count: u32) -> i64 = fs::read;
    "SYS_write" => write(fd: i32, buf: u32, count: u32) -> i64 = fs::write;
    "SYS_open" => open(path: u32, flags: i32, mode: u32) -> i64 = fs::open;
    "SYS_openat" => openat(dirfd: i32, path: u32, flags: i32, mode: u32) -> i64 = fs::openat;
    "SYS_close" => close(fd: i32) -> i64 = fs::close;
    "SYS_stat" => stat(path: u32, buf: u32) -> i64 = fs::stat;
    "SYS_fstat" => fstat(fd: i32, buf: u32) -> i64 = fs::fstat;
    "SYS_lstat" => lstat(path: u32, buf: u32) -> i64 = fs::lstat;
    "SYS_newfstatat" => newfstatat(dirfd: i32, path: u32, buf: u32, flags: i32) -> i64 = fs::newfstatat;
    "SYS_statx" => statx(dirfd: i32, path: u32, flags: i32, mask: u32, buf: u32) -> i64 = fs::statx;
    "SYS_lseek" => lseek(fd: i32, offset: i64, whence: i32) -> i64 = fs::lseek;
    "SYS_pread64" => pread64(fd: i32, buf: u32, count: u32, offset: i64) -> i64 = fs::pread64;
    "SYS_pwrite64" => pwrite64(fd: i32, buf: u32, count: u32, offset: i64) -> i64 = fs::pwrite64;
    "SYS_readv" => readv(fd: i32, iov: u32, iovcnt: i32) -> i64 = fs::readv;
    "SYS_writev" => writev(fd: i32, iov: u32, iovcnt: i32) -> i64 = fs::writev;
    "SYS_preadv" => preadv(fd: i32, iov: u32, iovcnt: i32, pos_l: u64, pos_h: u64) -> i64 = fs::preadv;
    "SYS_pwritev" => pwritev(fd: i32, iov: u32, iovcnt: i32, pos_l: u64, pos_h: u64) -> i64 = fs::pwritev;
    "SYS_sendfile" => sendfile(out_fd: i32, in_fd: i32, offset: u32, count: u32) -> i64 = fs::sendfile;
    "SYS_copy_file_range" => copy_file_range(fd_in: i32, off_in: u32, fd_out: i32, off_out: u32, len: u32, flags: u32) -> i64 = fs::copy_file_range;
    "SYS_splice" => splice(fd_in: i32, off_in: u32, fd_out: i32, off_out: u32, len: u32, flags: u32) -> i64 = fs::splice;
    "SYS_tee" => tee(fd_in: i32, fd_out: i32, len: u32, flags: u32) -> i64 = fs::tee;
    "SYS_readahead" => readahead(fd: i32, offset: i64, count: u32) -> i64 = fs::readahead;
    "SYS_access" => access(path: u32, mode: i32) -> i64 = fs::access;
    "SYS_faccessat" => faccessat(dirfd: i32, path: u32, mode: i32, flags: i32) -> i64 = fs::faccessat;
    "SYS_faccessat2" => faccessat2(dirfd: i32, path: u32, mode: i32, flags: i32) -> i64 = fs::faccessat2;
    "SYS_ftruncate" => ftruncate(fd: i32, length: i64) -> i64 = fs::ftruncate;
    "SYS_truncate" => truncate(path: u32, length: i64) -> i64 = fs::truncate;
    "SYS_fsync" => fsync(fd: i32) -> i64 = fs::fsync;
    "SYS_fdatasync" => fdatasync(fd: i32) -> i64 = fs::fdatasync;
    "SYS_fallocate" => fallocate(fd: i32, mode: i32, offset: i64, len: i64) -> i64 = fs::fallocate;
    "SYS_sync" => sync() -> i64 = fs::sync;
    "SYS_syncfs" => syncfs(fd: i32) -> i64 = fs::syncfs;
    "SYS_fadvise" => fadvise(fd: i32, offset: i64, len: i64, advice: i32) -> i64 = fs::fadvise;
    "SYS_getcwd" => getcwd(buf: u32, size: u32) -> i64 = fs::getcwd;
    "SYS_chdir" => chdir(path: u32) -> i64 = fs::chdir;
    "SYS_fchdir" => fchdir(fd: i32) -> i64 = fs::fchdir;
    "SYS_chroot" => chroot(path: u32) -> i64 = fs::chroot;
    "SYS_rename" => rename(old: u32, new: u32) -> i64 = fs::rename;
    "SYS_renameat2" => renameat2(olddirfd: i32, old: u32, newdirfd: i32, new: u32, flags: u32) -> i64 = fs::renameat2;
    "SYS_renameat" => renameat(olddirfd: i32, old: u32, newdirfd: i32, new: u32) -> i64 = fs::renameat;
    "SYS_mkdir" => mkdir(path: u32, mode: u32) -> i64 = fs::mkdir;
    "SYS_mkdirat" => mkdirat(dirfd: i32, path: u32, mode: u32) -> i64 = fs::mkdirat;
    "SYS_rmdir" => rmdir(path: u32) -> i64 = fs::rmdir;
    "SYS_unlink" => unlink(path: u32) -> i64 = fs::unlink;
    "SYS_unlinkat" => unlinkat(dirfd: i32, path: u32, flags: i32) -> i64 = fs::unlinkat;
    "SYS_link" => link(old: u32, new: u32) -> i64 = fs::link;
    "SYS_linkat" => linkat(olddirfd: i32, old: u32, newdirfd: i32, new: u32, flags: i32) -> i64 = fs::linkat;
    "SYS_symlink" => symlink(target: u32, linkpath: u32) -> i64 = fs::symlink;
    "SYS_symlinkat" => symlinkat(target: u32, newdirfd: i32, linkpath: u32) -> i64 = fs::symlinkat;
    "SYS_readlink" => readlink(path: u32, buf: u32, size: u32) -> i64 = fs::readlink;
    "SYS_readlinkat" => readlinkat(dirfd: i32, path: u32, buf: u32, size: u32) -> i64 = fs::readlinkat;
    "SYS_chmod" => chmod(path: u32, mode: u32) -> i64 = fs::chmod;
    "SYS_fchmod" => fchmod(fd: i32, mode: u32) -> i64 = fs::fchmod;
    "SYS_fchmodat" => fchmodat(dirfd: i32, path: u32, mode: u32, flags: i32) -> i64 = fs::fchmodat;
    "SYS_chown" => chown(path: u32, uid: u32, gid: u32) -> i64 = fs::chown;
    "SYS_fchown" => fchown(fd: i32, uid: u32, gid: u32) -> i64 = fs::fchown;
    "SYS_fchownat" => fchownat(dirfd: i32, path: u32, uid: u32, gid: u32, flags: i32) -> i64 = fs::fchownat;
    "SYS_lchown" => lchown(path: u32, uid: u32, gid: u32) -> i64 = fs::lchown;
    "SYS_mknod" => mknod(path: u32, mode: u32, dev: u32) -> i64 = fs::mknod;
    "SYS_mknodat" => mknodat(dirfd: i32, path: u32, mode: u32, dev: u32) -> i64 = fs::mknodat;
    "SYS_creat" => creat(path: u32, mode: u32) -> i64 = fs::creat;
    "SYS_memfd_create" => memfd_create(name: u32, flags: u32) -> i64 = fs::memfd_create;
    "SYS_inotify_init" => inotify_init() -> i64 = fs::inotify_init;
    "SYS_inotify_init1" => inotify_init1(flags: i32) -> i64 = fs::inotify_init1;
    "SYS_inotify_add_watch" => inotify_add_watch(fd: i32, path: u32, mask: u32) -> i64 = fs::inotify_add_watch;
    "SYS_inotify_rm_watch" => inotify_rm_watch(fd: i32, wd: i32) -> i64 = fs::inotify_rm_watch;
    "SYS_umask" => umask(mask: u32) -> i64 = fs::umask;
    "SYS_utimensat" => utimensat(dirfd: i32, path: u32, times: u32, flags: i32) -> i64 = fs::utimensat;
    "SYS_utimes" => utimes(path: u32, times: u32) -> i64 = fs::utimes;
    "SYS_futimesat" => futimesat(dirfd: i32, path: u32, times: u32) -> i64 = fs::futimesat;
    "SYS_getdents64" => getdents64(fd: i32, dirp: u32, count: u32) -> i64 = fs::getdents64;
    "SYS_statfs" => statfs(path: u32, buf: u32) -> i64 = fs::statfs;
    "SYS_fstatfs" => fstatfs(fd: i32, buf: u32) -> i64 = fs::fstatfs;
    "SYS_flock" => flock(fd: i32, op: i32) -> i64 = fs::flock;

    // File descriptors.
    "SYS_dup" => dup(fd: i32) -> i64 = fd::dup;
    "SYS_dup2" => dup2(oldfd: i32, newfd: i32) -> i64 = fd::dup2;
    "SYS_dup3" => dup3(oldfd: i32, newfd: i32, flags: i32) -> i64 = fd::dup3;
    "SYS_fcntl" => fcntl(fd: i32, cmd: i32, arg: u64) -> i64 = fd::fcntl;
    "SYS_ioctl" => ioctl(fd: i32, request: u32, arg: u32) -> i64 = fd::ioctl;
    "SYS_pipe" => pipe(fds: u32) -> i64 = fd::pipe;
    "SYS_pipe2" => pipe2(fds: u32, flags: i32) -> i64 = fd::pipe2;
    "SYS_eventfd" => eventfd(initval: u32) -> i64 = fd::eventfd;
    "SYS_eventfd2" => eventfd2(initval: u32, flags: i32) -> i64 = fd::eventfd2;

    // Sockets.
    "SYS_socket" => socket(domain: i32, ty: i32, protocol: i32) -> i64 = net::socket;
    "SYS_socketpair" => socketpair(domain: i32, ty: i32, protocol: i32, sv: u32) -> i64 = net::socketpair;
    "SYS_bind" => bind(fd: i32, addr: u32, len: u32) -> i64 = net::bind;
    "SYS_connect" => connect(fd: i32, addr: u32, len: u32) -> i64 = net::connect;
    "SYS_listen" => listen(fd: i32, backlog: i32) -> i64 = net::listen;
    "SYS_accept" => accept(fd: i32, addr: u32, len: u32) -> i64 = net::accept;
    "SYS_accept4" => accept4(fd: i32, addr: u32, len: u32, flags: i32) -> i64 = net::accept4;
    "SYS_getsockname" => getsockname(fd: i32, addr: u32, len: u32) -> i64 = net::getsockname;
    "SYS_getpeername" => getpeername(fd: i32, addr: u32, len: u32) -> i64 = net::getpeername;
    "SYS_sendto" => sendto(fd: i32, buf: u32, len: u32, flags: i32, addr: u32, addrlen: u32) -> i64 = net::sendto;
    "SYS_recvfrom" => recvfrom(fd: i32, buf: u32, len: u32, flags: i32, addr: u32, addrlen: u32) -> i64 = net::recvfrom;
    "SYS_sendmsg" => sendmsg(fd: i32, msg: u32, flags: i32) -> i64 = net::sendmsg;
    "SYS_recvmsg" => recvmsg(fd: i32, msg: u32, flags: i32) -> i64 = net::recvmsg;
    "SYS_shutdown" => shutdown(fd: i32, how: i32) -> i64 = net::shutdown;
    "SYS_setsockopt" => setsockopt(fd: i32, level: i32, name: i32, val: u32, len: u32) -> i64 = net::setsockopt;
    "SYS_getsockopt" => getsockopt(fd: i32, level: i32, name: i32, val: u32, len: u32) -> i64 = net::getsockopt;

    // Waiting for events.
    "SYS_poll" => poll(fds: u32, nfds: u64, timeout: i32) -> i64 = poll::poll;
    "SYS_ppoll" => ppoll(fds: u32, nfds: u64, tmo: u32, sigmask: u32, sigsetsize: u32) -> i64 = poll::ppoll;
    "SYS_select" => select(nfds: i32, r: u32, w: u32, e: u32, timeout: u32) -> i64 = poll::select;
    "SYS_pselect6" => pselect6(nfds: i32, r: u32, w: u32, e: u32, timeout: u32, sig: u32) -> i64 = poll::pselect6;
    "SYS_epoll_create" => epoll_create(size: i32) -> i64 = poll::epoll_create;
    "SYS_epoll_create1" => epoll_create1(flags: i32) -> i64 = poll::epoll_create1;
    "SYS_epoll_ctl" => epoll_ctl(epfd: i32, op: i32, fd: i32, event: u32) -> i64 = poll::epoll_ctl;
    "SYS_epoll_wait" => epoll_wait(epfd: i32, events: u32, maxevents: i32, timeout: i32) -> i64 = poll::epoll_wait;
    "SYS_epoll_pwait" => epoll_pwait(epfd: i32, events: u32, maxevents: i32, timeout: i32, sigmask: u32, sigsetsize: u32) -> i64 = poll::epoll_pwait;
    "SYS_timerfd_create" => timerfd_create(clockid: i32, flags: i32) -> i64 = poll::timerfd_create;
    "SYS_timerfd_settime" => timerfd_settime(fd: i32, flags: i32, new: u32, old: u32) -> i64 = poll::timerfd_settime;
    "SYS_timerfd_gettime" => timerfd_gettime(fd: i32, cur: u32) -> i64 = poll::timerfd_gettime;

    // Clocks and sleeping.
    "SYS_clock_gettime" => clock_gettime(clockid: i32, tp: u32) -> i64 = time::clock_gettime;
    "SYS_clock_getres" => clock_getres(clockid: i32, res: u32) -> i64 = time::clock_getres;
    "SYS_clock_nanosleep" => clock_nanosleep(clockid: i32, flags: i32, req: u32, rem: u32) -> i64 = time::clock_nanosleep;
    "SYS_nanosleep" => nanosleep(req: u32, rem: u32) -> i64 = time::nanosleep;
    "SYS_gettimeofday" => gettimeofday(tv: u32, tz: u32) -> i64 = time::gettimeofday;

    // Memory.
    "SYS_mmap" => mmap(addr: u32, len: u32, prot: i32, flags: i32, fd: i32, offset: i64) -> i64 = mm::mmap;
    "SYS_munmap" => munmap(addr: u32, len: u32) -> i64 = mm::munmap;
    "SYS_mremap" => mremap(old: u32, old_size: u32, new_size: u32, flags: i32, new: u32) -> i64 = mm::mremap;
    "SYS_mprotect" => mprotect(addr: u32, len: u32, prot: i32) -> i64 = mm::mprotect;
    "SYS_madvise" => madvise(addr: u32, len: u32, advice: i32) -> i64 = mm::madvise;
    "SYS_msync" => msync(addr: u32, len: u32, flags: i32) -> i64 = mm::msync;
    "SYS_mlockall" => mlockall(flags: i32) -> i64 = mm::mlockall;
    "SYS_mlock" => mlock(addr: u32, len: u32) -> i64 = mm::mlock;
    "SYS_mlock2" => mlock2(addr: u32, len: u32, flags: u32) -> i64 = mm::mlock2;
    "SYS_munlock" => munlock(addr: u32, len: u32) -> i64 = mm::munlock;
    "SYS_munlockall" => munlockall() -> i64 = mm::munlockall;
    "SYS_brk" => brk(addr: u32) -> i64 = mm::brk;

    // Process identity, limits, system information, exit.
    "SYS_getpid" => getpid() -> i64 = process::getpid;
    "SYS_getppid" => getppid() -> i64 = process::getppid;
    "SYS_gettid" => gettid() -> i64 = process::gettid;
    "SYS_getuid" => getuid() -> i64 = process::getuid;
    "SYS_geteuid" => geteuid() -> i64 = process::geteuid;
    "SYS_getgid" => getgid() -> i64 = process::getgid;
    "SYS_getegid" => getegid() -> i64 = process::getegid;
    "SYS_setuid" => setuid(uid: u32) -> i64 = process::setuid;
    "SYS_setgid" => setgid(gid: u32) -> i64 = process::setgid;
    "SYS_setreuid" => setreuid(ruid: u32, euid: u32) -> i64 = process::setreuid;
    "SYS_setregid" => setregid(rgid: u32, egid: u32) -> i64 = process::setregid;
    "SYS_setresuid" => setresuid(ruid: u32, euid: u32, suid: u32) -> i64 = process::setresuid;
    "SYS_setresgid" => setresgid(rgid: u32, egid: u32, sgid: u32) -> i64 = process::setresgid;
    "SYS_getgroups" => getgroups(size: i32, list: u32) -> i64 = process::getgroups;
    "SYS_setgroups" => setgroups(size: u32, list: u32) -> i64 = process::setgroups;
    "SYS_getresuid" => getresuid(ruid: u32, euid: u32, suid: u32) -> i64 = process::getresuid;
    "SYS_getresgid" => getresgid(rgid: u32, egid: u32, sgid: u32) -> i64 = process::getresgid;
    "SYS_setfsuid" => setfsuid(uid: u32) -> i64 = process::setfsuid;
    "SYS_setfsgid" => setfsgid(gid: u32) -> i64 = process::setfsgid;
    "SYS_getpgrp" => getpgrp() -> i64 = process::getpgrp;
    "SYS_getpriority" => getpriority(which: i32, who: u32) -> i64 = process::getpriority;
    "SYS_setpriority" => setpriority(which: i32, who: u32, prio: i32) -> i64 = process::setpriority;
    "SYS_personality" => personality(persona: u64) -> i64 = process::personality;
    "SYS_times" => times(buf: u32) -> i64 = process::times;
    "SYS_getcpu" => getcpu(cpu: u32, node: u32, tcache: u32) -> i64 = process::getcpu;
    "SYS_getpgid" => getpgid(pid: i32) -> i64 = process::getpgid;
    "SYS_setpgid" => setpgid(pid: i32, pgid: i32) -> i64 = process::setpgid;
    "SYS_getsid" => getsid(pid: i32) -> i64 = process::getsid;
    "SYS_setsid" => setsid() -> i64 = process::setsid;
    "SYS_getrlimit" => getrlimit(resource: i32, rlim: u32) -> i64 = process::getrlimit;
    "SYS_setrlimit" => setrlimit(resource: i32, rlim: u32) -> i64 = process::setrlimit;
    "SYS_prlimit64" => prlimit64(pid: i32, resource: i32, new: u32, old: u32) -> i64 = process::prlimit64;
    "SYS_getrusage" => getrusage(who: i32, usage: u32) -> i64 = process::getrusage;
    "SYS_uname" => uname(buf: u32) -> i64 = process::uname;
    "SYS_sysinfo" => sysinfo(info: u32) -> i64 = process::sysinfo;
    "SYS_getrandom" => getrandom(buf: u32, len: u32, flags: u32) -> i64 = process::getrandom;
    "SYS_prctl" => prctl(option: i32, a2: u64, a3: u64, a4: u64, a5: u64) -> i64 = process::prctl;
    "SYS_sched_yield" => sched_yield() -> i64 = process::sched_yield;
    "SYS_sched_getaffinity" => sched_getaffinity(pid: i32, size: u32, mask: u32) -> i64 = process::sched_getaffinity;

    // Threads.
    "SYS_set_tid_address" => set_tid_address(tidptr: u32) -> i64 = thread::set_tid_address;
    "SYS_set_robust_list" => set_robust_list(head: u32, len: u32) -> i64 = thread::set_robust_list;
    "SYS_futex" => futex(uaddr: u32, op: i32, val: u32, timeout: u32, uaddr2: u32, val3: u32) -> i64 = thread::futex;
    "SYS_sched_setscheduler" => sched_setscheduler(pid: i32, policy: i32, param: u32) -> i64 = thread::sched_setscheduler;
    "SYS_sched_getscheduler" => sched_getscheduler(pid: i32) -> i64 = thread::sched_getscheduler;
    "SYS_sched_setparam" => sched_setparam(pid: i32, param: u32) -> i64 = thread::sched_setparam;
    "SYS_sched_getparam" => sched_getparam(pid: i32, param: u32) -> i64 = thread::sched_getparam;
    "SYS_sched_get_priority_max" => sched_get_priority_max(policy: i32) -> i64 = thread::sched_get_priority_max;
    "SYS_sched_get_priority_min" => sched_get_priority_min(policy: i32) -> i64 = thread::sched_get_priority_min;
    "SYS_sched_rr_get_interval" => sched_rr_get_interval(pid: i32, tp: u32) -> i64 = thread::sched_rr_get_interval;
    "SYS_sched_setaffinity" => sched_setaffinity(pid: i32, size: u32, mask: u32) -> i64 = thread::sched_setaffinity;
    "SYS_exit" => exit(status: i32) -> i64 = thread::exit;
    "SYS_exit_group" => exit_group(status: i32) -> i64 = thread::exit_group;

    // Signals.
    "SYS_rt_sigaction" => rt_sigaction(sig: i32, act: u32, oldact: u32, sigsetsize: u32) -> i64 = signal::rt_sigaction;
    "SYS_rt_sigprocmask" => rt_sigprocmask(how: i32, set: u32, oldset: u32, sigsetsize: u32) -> i64 = signal::rt_sigprocmask;
    "SYS_rt_sigpending" => rt_sigpending(set: u32, sigsetsize: u32) -> i64 = signal::rt_sigpending;
    "SYS_rt_sigsuspend" => rt_sigsuspend(mask: u32, sigsetsize: u32) -> i64 = signal::rt_sigsuspend;
    "SYS_rt_sigtimedwait" => rt_sigtimedwait(set: u32, info: u32, timeout: u32, sigsetsize: u32) -> i64 = signal::rt_sigtimedwait;
    "SYS_rt_sigreturn" => rt_sigreturn(unused: i64) -> i64 = signal::rt_sigreturn;
    "SYS_sigaltstack" => sigaltstack(ss: u32, old: u32) -> i64 = signal::sigaltstack;
    "SYS_kill" => kill(pid: i32, sig: i32) -> i64 = signal::kill;
    "SYS_tkill" => tkill(tid: i32, sig: i32) -> i64 = signal::tkill;
    "SYS_tgkill" => tgkill(tgid: i32, tid: i32, sig: i32) -> i64 = signal::tgkill;
    "SYS_pause" => pause() -> i64 = signal::pause;
    "SYS_alarm" => alarm(seconds: u32) -> i64 = signal::alarm;
    "SYS_setitimer" => setitimer(which: i32, new: u32, old: u32) -> i64 = signal::setitimer;
    "SYS_getitimer" => getitimer(which: i32, cur: u32) -> i64 = signal::getitimer;
    "SYS_signalfd" => signalfd(fd: i32, mask: u32, sigsetsize: u32) -> i64 = signal::signalfd;
    "SYS_signalfd4" => signalfd4(fd: i32, mask: u32, sigsetsize: u32, flags: i32) -> i64 = signal::signalfd4;

    // Processes.
    "SYS_fork" => fork() -> i64 = spawn::fork;
    "SYS_vfork" => vfork() -> i64 = spawn::vfork;
    "SYS_execve" => execve(path: u32, argv: u32, envp: u32) -> i64 = spawn::execve;
    "SYS_wait4" => wait4(pid: i32, status: u32, options: i32, rusage: u32) -> i64 = spawn::wait4;
    "SYS_waitid" => waitid(idtype: i32, id: i32, info: u32, options: i32, rusage: u32) -> i64 = spawn::waitid;
}

#[cfg(test)]
mod tests {
    use super::ENTRIES;

    /// `status.tsv` (the data behind docs/syscalls.md) lists exactly the
    /// syscalls of this table, each once, in the table's order.
    #[test]
    fn status_table_matches_registration() {
        let status: Vec<&str> = include_str!("status.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        let table: Vec<&str> = ENTRIES.iter().filter(|e| e.is_syscall()).map(|e| e.name).collect();
        assert_eq!(status, table, "src/sys/status.tsv is out of step with the syscall table");
    }

    /// Every entry's Wasm signature is the spec's (`syscalls.tsv`, `aux.tsv`):
    /// a drift would route every call of that import through the slow adapter.
    /// Syscalls the spec leaves unsigned (not in the reference engine, no C
    /// arguments given) are checked against the spec's rule: every syscall
    /// returns i64.
    #[test]
    fn signatures_match_the_spec() {
        use wali_abi::WasmType;
        let mut checked = 0;
        for e in ENTRIES {
            if e.is_syscall() {
                let desc = wali_abi::syscall_by_import(e.import)
                    .unwrap_or_else(|| panic!("{} is not a syscall of syscalls.tsv", e.import));
                assert_eq!(e.result, Some(desc.result), "{}: result type", e.import);
                if desc.has_signature() {
                    assert_eq!(e.params, desc.params, "{}: parameter types differ from syscalls.tsv", e.import);
                    checked += 1;
                }
            } else {
                let desc = wali_abi::aux(e.import).unwrap_or_else(|| panic!("{} is not in aux.tsv", e.import));
                assert_eq!((e.params, e.result), (desc.params, desc.result), "{}: signature differs from aux.tsv", e.import);
                checked += 1;
            }
        }
        assert!(checked > 150, "only {checked} signatures checked");
        assert_eq!(wali_abi::syscall("read").map(|d| d.params), Some(&[WasmType::I32, WasmType::I32, WasmType::I32][..]));
    }
}
