//! Guest (wasm32 WALI) struct layouts and constants.
//!
//! The guest C ABI has 32-bit pointers and 64-bit `long`, so kernel structs have their
//! x86_64 layouts except that pointers (and `size_t`) are 4 bytes (`spec/structs.tsv`).
//! Guest pointers are stored as `u32` offsets into linear memory.
//!
//! Every struct here has *explicit* padding fields (named `__pad*`), so no byte of a
//! guest struct is uninitialized; a compile-time check verifies that the field sizes add
//! up to the struct size. That is what makes [`Pod`] sound for them.

/// Plain old data: `Copy`, every bit pattern is a valid value, and no padding bytes.
///
/// The runtime reads and writes guest structs in linear memory only through this trait.
///
/// # Safety
/// Implementors must be inhabited by every bit pattern of `size_of::<Self>()` bytes and
/// must not contain implicit padding (so viewing a value as bytes reads no uninitialized
/// memory).
pub unsafe trait Pod: Copy + 'static {
    /// The all-zero value.
    fn zeroed() -> Self {
        // SAFETY: all-zero bytes are a valid bit pattern for any `Pod` type.
        unsafe { core::mem::zeroed() }
    }

    /// The value's bytes, in memory order.
    fn as_bytes(&self) -> &[u8] {
        // SAFETY: `Pod` types have no padding, so all `size_of::<Self>()` bytes are
        // initialized; `u8` has alignment 1.
        unsafe {
            core::slice::from_raw_parts((self as *const Self).cast::<u8>(), size_of::<Self>())
        }
    }

    /// The value's bytes, mutably.
    fn as_bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as above, and any bytes written back form a valid `Pod` value.
        unsafe {
            core::slice::from_raw_parts_mut((self as *mut Self).cast::<u8>(), size_of::<Self>())
        }
    }

    /// A slice of values as bytes.
    fn slice_as_bytes(items: &[Self]) -> &[u8] {
        // SAFETY: no padding in or between `Pod` values; `u8` has alignment 1.
        unsafe { core::slice::from_raw_parts(items.as_ptr().cast::<u8>(), core::mem::size_of_val(items)) }
    }

    /// A slice of values as bytes, mutably.
    fn slice_as_bytes_mut(items: &mut [Self]) -> &mut [u8] {
        // SAFETY: as above, and any bytes written back form valid `Pod` values.
        unsafe { core::slice::from_raw_parts_mut(items.as_mut_ptr().cast::<u8>(), core::mem::size_of_val(items)) }
    }

    /// Reads a value from the first `size_of::<Self>()` bytes of `bytes` (any alignment),
    /// or `None` if `bytes` is too short.
    fn read_from(bytes: &[u8]) -> Option<Self> {
        if bytes.len() < size_of::<Self>() {
            return None;
        }
        // SAFETY: length checked; any bit pattern is valid; `read_unaligned` has no
        // alignment requirement.
        Some(unsafe { bytes.as_ptr().cast::<Self>().read_unaligned() })
    }
}

macro_rules! pod_primitives {
    ($($t:ty),*) => { $( unsafe impl Pod for $t {} )* };
}
// SAFETY: integers accept every bit pattern and have no padding.
pod_primitives!(u8, i8, u16, i16, u32, i32, u64, i64);
// SAFETY: arrays of `Pod` have no inter-element padding (size is a multiple of align).
unsafe impl<T: Pod, const N: usize> Pod for [T; N] {}

/// Declares a guest struct: all fields `pub`, `Clone + Copy + Debug`, zeroed `Default`,
/// `Pod`, plus a compile-time check that the fields leave no implicit padding.
macro_rules! guest_struct {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident { $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)? }
    )*) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, Debug)]
        pub struct $name { $( $(#[$fmeta])* pub $field: $ty ),* }

        const _: () = assert!(
            size_of::<$name>() == 0 $(+ size_of::<$ty>())*,
            concat!("guest struct ", stringify!($name), " has implicit padding"),
        );

        // SAFETY: every field is `Pod` and the assertion above rules out padding.
        unsafe impl Pod for $name {}

        impl Default for $name {
            fn default() -> Self {
                <Self as Pod>::zeroed()
            }
        }
    )*};
}

guest_struct! {
    /// `struct timespec` (16 B).
    #[repr(C)]
    pub struct Timespec {
        pub tv_sec: i64,
        pub tv_nsec: i64,
    }

    /// `struct timeval` (16 B).
    #[repr(C)]
    pub struct Timeval {
        pub tv_sec: i64,
        pub tv_usec: i64,
    }

    /// `struct timezone` (8 B).
    #[repr(C)]
    pub struct Timezone {
        pub tz_minuteswest: i32,
        pub tz_dsttime: i32,
    }

    /// `stack_t` (12 B) for `sigaltstack`.
    #[repr(C)]
    pub struct StackT {
        /// Guest pointer.
        pub ss_sp: u32,
        pub ss_flags: i32,
        pub ss_size: u32,
    }

    /// `struct dirent` / `linux_dirent64` (280 B with a full 256-byte name; records
    /// returned by `getdents64` are `d_reclen` bytes long, name starting at offset 19).
    #[repr(C)]
    pub struct Dirent {
        pub d_ino: u64,
        pub d_off: i64,
        pub d_reclen: u16,
        pub d_type: u8,
        pub d_name: [u8; 256],
        pub __pad: [u8; 5],
    }

    /// `struct epoll_event`: packed, 12 B (the x86_64 layout).
    #[repr(C, packed)]
    pub struct EpollEvent {
        pub events: u32,
        pub data: u64,
    }

    /// `struct iovec` (8 B).
    #[repr(C)]
    pub struct Iovec {
        /// Guest pointer.
        pub iov_base: u32,
        pub iov_len: u32,
    }

    /// `struct pollfd` (8 B).
    #[repr(C)]
    pub struct Pollfd {
        pub fd: i32,
        pub events: i16,
        pub revents: i16,
    }

    /// `struct rlimit` (16 B).
    #[repr(C)]
    pub struct Rlimit {
        pub rlim_cur: u64,
        pub rlim_max: u64,
    }

    /// The 144-byte `struct sigaction` of the WALI spec (`types_abi.py`). Note that the
    /// guest libc actually passes [`KSigaction`] to `rt_sigaction`.
    #[repr(C)]
    pub struct Sigaction {
        /// Table index (function pointer).
        pub sa_handler: u32,
        pub __pad: u32,
        pub sa_mask: [u64; 16],
        pub sa_flags: i32,
        /// Table index (function pointer).
        pub sa_restorer: u32,
    }

    /// `struct sockaddr` (16 B).
    #[repr(C)]
    pub struct Sockaddr {
        pub sa_family: u16,
        pub sa_data: [u8; 14],
    }

    /// `struct statfs` (120 B, x86_64 layout).
    #[repr(C)]
    pub struct Statfs {
        pub f_type: u64,
        pub f_bsize: u64,
        pub f_blocks: u64,
        pub f_bfree: u64,
        pub f_bavail: u64,
        pub f_files: u64,
        pub f_ffree: u64,
        pub f_fsid: [i32; 2],
        pub f_namelen: u64,
        pub f_frsize: u64,
        pub f_flags: u64,
        pub f_spare: [u64; 4],
    }

    /// `struct statx_timestamp` (16 B).
    #[repr(C)]
    pub struct StxTime {
        pub tv_sec: i64,
        pub tv_nsec: u32,
        pub pad: i32,
    }

    /// `struct sysinfo` as the guest libc declares it (368 B; the kernel writes the first
    /// 112 bytes).
    #[repr(C)]
    pub struct Sysinfo {
        pub uptime: u64,
        pub loads: [u64; 3],
        pub totalram: u64,
        pub freeram: u64,
        pub sharedram: u64,
        pub bufferram: u64,
        pub totalswap: u64,
        pub freeswap: u64,
        pub procs: u16,
        pub pad: u16,
        pub __pad1: u32,
        pub totalhigh: u64,
        pub freehigh: u64,
        pub mem_unit: u32,
        pub reserved: [u8; 256],
        pub __pad2: [u8; 4],
    }

    /// `struct utimbuf` (16 B).
    #[repr(C)]
    pub struct Utimbuf {
        pub actime: i64,
        pub modtime: i64,
    }

    /// `struct utsname` (390 B).
    #[repr(C)]
    pub struct Utsname {
        pub sysname: [u8; 65],
        pub nodename: [u8; 65],
        pub release: [u8; 65],
        pub version: [u8; 65],
        pub machine: [u8; 65],
        pub domainname: [u8; 65],
    }

    /// `fd_set` (128 B, 1024 bits).
    #[repr(C)]
    pub struct FdSet {
        pub fds_bits: [u8; 128],
    }

    /// `cpu_set_t` (128 B).
    #[repr(C)]
    pub struct CpuSet {
        pub bits: [u8; 128],
    }

    /// `struct itimerval` (32 B).
    #[repr(C)]
    pub struct Itimerval {
        pub it_interval: Timeval,
        pub it_value: Timeval,
    }

    /// `struct msghdr` (36 B; musl's x86_64 layout with 32-bit pointers).
    #[repr(C)]
    pub struct Msghdr {
        /// Guest pointer.
        pub msg_name: u32,
        pub msg_namelen: u32,
        /// Guest pointer to an array of [`Iovec`].
        pub msg_iov: u32,
        pub msg_iovlen: i32,
        pub pad1: i32,
        /// Guest pointer to [`Cmsghdr`]s.
        pub msg_control: u32,
        pub msg_controllen: u32,
        pub pad2: i32,
        pub msg_flags: i32,
    }

    /// `struct rusage` (272 B).
    #[repr(C)]
    pub struct Rusage {
        pub ru_utime: Timeval,
        pub ru_stime: Timeval,
        pub ru_maxrss: i64,
        pub ru_ixrss: i64,
        pub ru_idrss: i64,
        pub ru_isrss: i64,
        pub ru_minflt: i64,
        pub ru_majflt: i64,
        pub ru_nswap: i64,
        pub ru_inblock: i64,
        pub ru_oublock: i64,
        pub ru_msgsnd: i64,
        pub ru_msgrcv: i64,
        pub ru_nsignals: i64,
        pub ru_nvcsw: i64,
        pub ru_nivcsw: i64,
        pub reserved: [i64; 16],
    }

    /// `struct stat` (144 B, x86_64 layout).
    #[repr(C)]
    pub struct Stat {
        pub st_dev: u64,
        pub st_ino: u64,
        pub st_nlink: u64,
        pub st_mode: u32,
        pub st_uid: u32,
        pub st_gid: u32,
        pub pad0: u32,
        pub st_rdev: u64,
        pub st_size: i64,
        pub st_blksize: i64,
        pub st_blocks: i64,
        pub st_atim: Timespec,
        pub st_mtim: Timespec,
        pub st_ctim: Timespec,
        pub unused: [i64; 3],
    }

    /// `struct statx` (256 B; identical on every architecture).
    #[repr(C)]
    pub struct Statx {
        pub stx_mask: u32,
        pub stx_blksize: u32,
        pub stx_attributes: u64,
        pub stx_nlink: u32,
        pub stx_uid: u32,
        pub stx_gid: u32,
        pub stx_mode: u16,
        pub pad1: u16,
        pub stx_ino: u64,
        pub stx_size: u64,
        pub stx_blocks: u64,
        pub stx_attributes_mask: u64,
        pub stx_atime: StxTime,
        pub stx_btime: StxTime,
        pub stx_ctime: StxTime,
        pub stx_mtime: StxTime,
        pub stx_rdev_major: u32,
        pub stx_rdev_minor: u32,
        pub stx_dev_major: u32,
        pub stx_dev_minor: u32,
        pub spare: [u64; 14],
    }

    // ---- Structs that `structs.tsv` lacks but the runtime needs. ----

    /// musl's internal kernel `struct k_sigaction` as the guest passes it to
    /// `rt_sigaction`: packed, 24 B. `handler`/`restorer` are table indices or the
    /// `SIG_*` sentinels in [`consts`]. Use the accessors to read fields by value.
    #[repr(C, packed)]
    pub struct KSigaction {
        pub handler: u32,
        /// Unaligned (offset 4).
        pub flags: u64,
        pub restorer: u32,
        pub mask: [u32; 2],
    }

    /// x86_64 `struct flock` (32 B) for `fcntl` lock commands.
    #[repr(C)]
    pub struct Flock {
        pub l_type: i16,
        pub l_whence: i16,
        pub __pad0: u32,
        pub l_start: i64,
        pub l_len: i64,
        pub l_pid: i32,
        pub __pad1: u32,
    }

    /// `struct f_owner_ex` (8 B) for `F_GETOWN_EX`/`F_SETOWN_EX`.
    #[repr(C)]
    pub struct FOwnerEx {
        pub type_: i32,
        pub pid: i32,
    }

    /// musl x86_64-style `struct cmsghdr` header (16 B; data follows, `CMSG_ALIGN` is 8).
    /// The kernel's 64-bit `cmsg_len` is split into a 32-bit length and padding.
    #[repr(C)]
    pub struct Cmsghdr {
        pub cmsg_len: u32,
        pub __pad: u32,
        pub cmsg_level: i32,
        pub cmsg_type: i32,
    }

    /// The kernel's `struct termios` (36 B) that `TCGETS`/`TCSETS*` transfer: the same
    /// on x86_64, aarch64 and arm (`asm-generic/termbits.h`, `NCCS` = 19). (musl's and
    /// glibc's user-level `struct termios` are longer; the kernel reads and writes only
    /// this prefix.)
    #[repr(C)]
    pub struct Termios {
        pub c_iflag: u32,
        pub c_oflag: u32,
        pub c_cflag: u32,
        pub c_lflag: u32,
        pub c_line: u8,
        pub c_cc: [u8; 19],
    }

    /// The kernel's `struct termios2` (44 B) for `TCGETS2`/`TCSETS*2`.
    #[repr(C)]
    pub struct Termios2 {
        pub c_iflag: u32,
        pub c_oflag: u32,
        pub c_cflag: u32,
        pub c_lflag: u32,
        pub c_line: u8,
        pub c_cc: [u8; 19],
        pub c_ispeed: u32,
        pub c_ospeed: u32,
    }

    /// `struct winsize` (8 B) for `TIOCGWINSZ`/`TIOCSWINSZ`.
    #[repr(C)]
    pub struct Winsize {
        pub ws_row: u16,
        pub ws_col: u16,
        pub ws_xpixel: u16,
        pub ws_ypixel: u16,
    }

    /// `struct itimerspec` (32 B) for `timerfd_*`/`timer_*`.
    #[repr(C)]
    pub struct ItimerSpec {
        pub it_interval: Timespec,
        pub it_value: Timespec,
    }

    /// The 6th argument of `pselect6`: `{sigset pointer, sigset size}` as two
    /// 64-bit `long`s (16 B).
    #[repr(C)]
    pub struct PselectSigmask {
        /// Guest pointer to the sigset (zero-extended).
        pub ss: u64,
        pub ss_len: u64,
    }

    /// `siginfo_t` (128 B): x86_64 layout (the union at 16). The union's words hold,
    /// by kind of signal: `kill`/`tkill` `{si_pid, si_uid}`; `sigqueue` and POSIX
    /// timers `{si_pid|si_timerid, si_uid|si_overrun, si_value}` (the value's `int` at
    /// 24, where `si_status` is); `SIGCHLD` `{si_pid, si_uid, si_status, si_utime,
    /// si_stime}`. Fault addresses are host addresses and are not carried over.
    #[repr(C)]
    pub struct Siginfo {
        pub si_signo: i32,
        pub si_errno: i32,
        pub si_code: i32,
        pub __pad0: i32,
        pub si_pid: i32,
        pub si_uid: u32,
        /// `si_status` for `SIGCHLD`, else the `int` of `si_value`.
        pub si_status: i32,
        pub __pad1: i32,
        pub si_utime: i64,
        pub si_stime: i64,
        pub __rest: [u64; 10],
    }
}

impl KSigaction {
    /// The handler (table index or `SIG_DFL`/`SIG_IGN`/`SIG_ERR`).
    pub fn handler(&self) -> u32 {
        self.handler
    }

    /// `sa_flags`, read from its unaligned slot.
    pub fn flags(&self) -> u64 {
        self.flags
    }

    /// The restorer (table index).
    pub fn restorer(&self) -> u32 {
        self.restorer
    }

    /// The signal mask as one 64-bit kernel sigset.
    pub fn mask(&self) -> u64 {
        let [lo, hi] = self.mask;
        u64::from(lo) | (u64::from(hi) << 32)
    }

    /// Sets the signal mask from a 64-bit kernel sigset.
    pub fn set_mask(&mut self, mask: u64) {
        self.mask = [mask as u32, (mask >> 32) as u32];
    }
}

/// Guest constants (x86_64 values) that the runtime needs where they may differ from the
/// host's.
pub mod consts {
    // ---- open(2) flags (x86_64 values, octal like the C headers) ----
    pub const O_RDONLY: i32 = 0;
    pub const O_WRONLY: i32 = 0o1;
    pub const O_RDWR: i32 = 0o2;
    pub const O_ACCMODE: i32 = 0o3;
    pub const O_CREAT: i32 = 0o100;
    pub const O_EXCL: i32 = 0o200;
    pub const O_NOCTTY: i32 = 0o400;
    pub const O_TRUNC: i32 = 0o1000;
    pub const O_APPEND: i32 = 0o2000;
    pub const O_NONBLOCK: i32 = 0o4000;
    pub const O_DSYNC: i32 = 0o10000;
    pub const O_ASYNC: i32 = 0o20000;
    pub const O_DIRECT: i32 = 0o40000;
    pub const O_LARGEFILE: i32 = 0o100000;
    pub const O_DIRECTORY: i32 = 0o200000;
    pub const O_NOFOLLOW: i32 = 0o400000;
    pub const O_NOATIME: i32 = 0o1000000;
    pub const O_CLOEXEC: i32 = 0o2000000;
    pub const O_SYNC: i32 = 0o4010000;
    pub const O_PATH: i32 = 0o10000000;
    pub const O_TMPFILE: i32 = 0o20200000;

    // ---- *at(2) ----
    pub const AT_FDCWD: i32 = -100;
    pub const AT_SYMLINK_NOFOLLOW: i32 = 0x100;
    pub const AT_REMOVEDIR: i32 = 0x200;
    pub const AT_SYMLINK_FOLLOW: i32 = 0x400;
    pub const AT_EMPTY_PATH: i32 = 0x1000;

    // ---- fcntl(2) commands ----
    pub const F_DUPFD: i32 = 0;
    pub const F_GETFD: i32 = 1;
    pub const F_SETFD: i32 = 2;
    pub const F_GETFL: i32 = 3;
    pub const F_SETFL: i32 = 4;
    pub const F_GETLK: i32 = 5;
    pub const F_SETLK: i32 = 6;
    pub const F_SETLKW: i32 = 7;
    pub const F_SETOWN: i32 = 8;
    pub const F_GETOWN: i32 = 9;
    pub const F_SETOWN_EX: i32 = 15;
    pub const F_GETOWN_EX: i32 = 16;
    pub const F_SETSIG: i32 = 10;
    pub const F_GETSIG: i32 = 11;
    pub const F_OFD_GETLK: i32 = 36;
    pub const F_OFD_SETLK: i32 = 37;
    pub const F_OFD_SETLKW: i32 = 38;
    pub const F_SETLEASE: i32 = 1024;
    pub const F_GETLEASE: i32 = 1025;
    pub const F_NOTIFY: i32 = 1026;
    pub const F_DUPFD_CLOEXEC: i32 = 1030;
    pub const F_SETPIPE_SZ: i32 = 1031;
    pub const F_GETPIPE_SZ: i32 = 1032;
    pub const F_DUPFD_QUERY: i32 = 1027;
    pub const F_CREATED_QUERY: i32 = 1028;
    pub const F_ADD_SEALS: i32 = 1033;
    pub const F_GET_SEALS: i32 = 1034;

    // ---- ioctl(2) requests (x86_64 values; the same on aarch64 and arm except
    // FIOQSIZE, see `convert::ioctl_request_to_host`) ----
    pub const TCGETS: u32 = 0x5401;
    pub const TCSETS: u32 = 0x5402;
    pub const TCSETSW: u32 = 0x5403;
    pub const TCSETSF: u32 = 0x5404;
    pub const TCSBRK: u32 = 0x5409;
    pub const TCXONC: u32 = 0x540A;
    pub const TCFLSH: u32 = 0x540B;
    pub const TIOCEXCL: u32 = 0x540C;
    pub const TIOCNXCL: u32 = 0x540D;
    pub const TIOCSCTTY: u32 = 0x540E;
    pub const TIOCGPGRP: u32 = 0x540F;
    pub const TIOCSPGRP: u32 = 0x5410;
    pub const TIOCOUTQ: u32 = 0x5411;
    pub const TIOCSTI: u32 = 0x5412;
    pub const TIOCGWINSZ: u32 = 0x5413;
    pub const TIOCSWINSZ: u32 = 0x5414;
    pub const TIOCMGET: u32 = 0x5415;
    pub const TIOCMBIS: u32 = 0x5416;
    pub const TIOCMBIC: u32 = 0x5417;
    pub const TIOCMSET: u32 = 0x5418;
    pub const FIONREAD: u32 = 0x541B;
    pub const TIOCINQ: u32 = FIONREAD;
    pub const TIOCCONS: u32 = 0x541D;
    pub const TIOCPKT: u32 = 0x5420;
    pub const FIONBIO: u32 = 0x5421;
    pub const TIOCNOTTY: u32 = 0x5422;
    pub const TIOCSETD: u32 = 0x5423;
    pub const TIOCGETD: u32 = 0x5424;
    pub const TCSBRKP: u32 = 0x5425;
    pub const TIOCSBRK: u32 = 0x5427;
    pub const TIOCCBRK: u32 = 0x5428;
    pub const TIOCGSID: u32 = 0x5429;
    pub const TCGETS2: u32 = 0x802C_542A;
    pub const TCSETS2: u32 = 0x402C_542B;
    pub const TCSETSW2: u32 = 0x402C_542C;
    pub const TCSETSF2: u32 = 0x402C_542D;
    pub const TIOCGPTN: u32 = 0x8004_5430;
    pub const TIOCSPTLCK: u32 = 0x4004_5431;
    pub const TIOCGPTPEER: u32 = 0x5441;
    pub const FIONCLEX: u32 = 0x5450;
    pub const FIOCLEX: u32 = 0x5451;
    pub const FIOASYNC: u32 = 0x5452;
    pub const FIOQSIZE: u32 = 0x5460;

    // ---- sockets ----
    pub const SOL_SOCKET: i32 = 1;
    pub const SCM_RIGHTS: i32 = 1;
    pub const SCM_CREDENTIALS: i32 = 2;
    pub const SO_RCVTIMEO: i32 = 20;
    pub const SO_SNDTIMEO: i32 = 21;
    /// Also `SCM_TIMESTAMP` (a `timeval` control message).
    pub const SO_TIMESTAMP: i32 = 29;
    /// Also `SCM_TIMESTAMPNS` (a `timespec` control message).
    pub const SO_TIMESTAMPNS: i32 = 35;
    /// Also `SCM_TIMESTAMPING` (three `timespec`s).
    pub const SO_TIMESTAMPING: i32 = 37;
    pub const MSG_CTRUNC: i32 = 0x8;
    /// Alignment of guest control messages (`CMSG_NXTHDR` steps by `sizeof(long)`).
    pub const CMSG_ALIGN: usize = 8;

    // ---- mmap(2) ----
    pub const PROT_NONE: i32 = 0;
    pub const PROT_READ: i32 = 1;
    pub const PROT_WRITE: i32 = 2;
    pub const PROT_EXEC: i32 = 4;
    pub const MAP_SHARED: i32 = 0x01;
    pub const MAP_PRIVATE: i32 = 0x02;
    pub const MAP_SHARED_VALIDATE: i32 = 0x03;
    pub const MAP_TYPE: i32 = 0x0f;
    pub const MAP_FIXED: i32 = 0x10;
    pub const MAP_ANONYMOUS: i32 = 0x20;
    pub const MAP_32BIT: i32 = 0x40;
    pub const MAP_NORESERVE: i32 = 0x4000;
    pub const MAP_FIXED_NOREPLACE: i32 = 0x100000;
    /// `(void*)-1` as a guest pointer.
    pub const MAP_FAILED: u32 = u32::MAX;
    pub const MREMAP_MAYMOVE: i32 = 1;
    pub const MREMAP_FIXED: i32 = 2;

    // ---- signal handler sentinels (table indices otherwise) ----
    pub const SIG_DFL: u32 = 0;
    /// `-2`, since table index 1 is a real function.
    pub const SIG_IGN: u32 = -2i32 as u32;
    pub const SIG_ERR: u32 = -1i32 as u32;

    // ---- sigaction flags, sigaltstack, siginfo codes (the same on x86_64, aarch64, arm) ----
    pub const SA_NOCLDSTOP: u64 = 1;
    pub const SA_NOCLDWAIT: u64 = 2;
    pub const SA_SIGINFO: u64 = 4;
    pub const SA_RESTORER: u64 = 0x0400_0000;
    pub const SA_ONSTACK: u64 = 0x0800_0000;
    pub const SA_RESTART: u64 = 0x1000_0000;
    pub const SA_NODEFER: u64 = 0x4000_0000;
    pub const SA_RESETHAND: u64 = 0x8000_0000;
    pub const SIG_BLOCK: i32 = 0;
    pub const SIG_UNBLOCK: i32 = 1;
    pub const SIG_SETMASK: i32 = 2;
    pub const SS_ONSTACK: i32 = 1;
    pub const SS_DISABLE: i32 = 2;
    pub const SS_AUTODISARM: i32 = 1 << 31;
    pub const MINSIGSTKSZ: u32 = 2048;
    /// `si_code` of a signal sent by `kill`.
    pub const SI_USER: i32 = 0;
    /// `si_code` of a signal sent by `tkill`/`tgkill`.
    pub const SI_TKILL: i32 = -6;
    /// `signalfd4` flags: the values of `O_NONBLOCK` and `O_CLOEXEC`.
    pub const SFD_NONBLOCK: i32 = O_NONBLOCK;
    pub const SFD_CLOEXEC: i32 = O_CLOEXEC;

    /// Guest `RLIM_INFINITY`.
    pub const RLIM_INFINITY: u64 = u64::MAX;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ksigaction_accessors() {
        let bytes: [u8; 24] = [
            7, 0, 0, 0, // handler
            0x04, 0, 0, 0x04, 0, 0, 0, 0x80, // flags
            9, 0, 0, 0, // restorer
            1, 2, 0, 0, 3, 0, 0, 0, // mask
        ];
        let mut k = KSigaction::read_from(&bytes).unwrap();
        assert_eq!(k.handler(), 7);
        assert_eq!(k.flags(), 0x8000_0000_0400_0004);
        assert_eq!(k.restorer(), 9);
        assert_eq!(k.mask(), 0x0000_0003_0000_0201);
        k.set_mask(0x1234_5678_9abc_def0);
        assert_eq!(k.mask(), 0x1234_5678_9abc_def0);
        assert_eq!(&k.as_bytes()[..4], &[7, 0, 0, 0]);
        assert_eq!(
            &k.as_bytes()[16..],
            &[0xf0, 0xde, 0xbc, 0x9a, 0x78, 0x56, 0x34, 0x12]
        );
        assert_eq!(consts::SIG_IGN, 0xFFFF_FFFE);
        assert_eq!(consts::SIG_ERR, 0xFFFF_FFFF);
    }

    #[test]
    fn siginfo_layout() {
        assert_eq!(size_of::<Siginfo>(), 128);
        assert_eq!(core::mem::offset_of!(Siginfo, si_code), 8);
        assert_eq!(core::mem::offset_of!(Siginfo, si_pid), 16);
        assert_eq!(core::mem::offset_of!(Siginfo, si_uid), 20);
        assert_eq!(core::mem::offset_of!(Siginfo, si_status), 24);
        assert_eq!(core::mem::offset_of!(Siginfo, si_utime), 32);
        assert_eq!(core::mem::offset_of!(Siginfo, si_stime), 40);
    }

    #[test]
    fn tty_struct_layouts() {
        assert_eq!(size_of::<Termios>(), 36);
        assert_eq!(core::mem::offset_of!(Termios, c_line), 16);
        assert_eq!(core::mem::offset_of!(Termios, c_cc), 17);
        assert_eq!(size_of::<Termios2>(), 44);
        assert_eq!(core::mem::offset_of!(Termios2, c_ispeed), 36);
        assert_eq!(size_of::<Winsize>(), 8);
        assert_eq!(size_of::<Cmsghdr>(), 16);
        assert_eq!(size_of::<Msghdr>(), 36);
        assert_eq!(core::mem::offset_of!(Msghdr, msg_controllen), 24);
        assert_eq!(core::mem::offset_of!(Msghdr, msg_flags), 32);
    }

    #[test]
    fn pod_helpers() {
        let t = Timespec {
            tv_sec: 1,
            tv_nsec: 2,
        };
        let b = t.as_bytes().to_vec();
        assert_eq!(b.len(), 16);
        let u = Timespec::read_from(&b).unwrap();
        assert_eq!((u.tv_sec, u.tv_nsec), (1, 2));
        assert!(Timespec::read_from(&b[..15]).is_none());
        let z = Stat::default();
        assert!(z.as_bytes().iter().all(|&x| x == 0));
        let mut e = EpollEvent::default();
        e.as_bytes_mut()[4] = 0xAA;
        let data = e.data;
        assert_eq!(data, 0xAA);
    }
}
