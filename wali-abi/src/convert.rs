//! Conversions between guest (x86_64-layout, wasm32) structs and host (`libc`) structs.
//!
//! Correct on x86_64, aarch64 and 32-bit ARM. On 32-bit hosts `long` and glibc's default
//! `time_t` are 32 bits wide, so the host side uses the `*64` types (`stat64`, `flock64`,
//! `rlimit64`, ...) and narrowing conversions to the host fail with an errno instead of
//! truncating. All conversions go field by field, never by reinterpreting memory.

use crate::guest::{self, consts as g};

/// Host `struct stat` matching `guest::Stat` in content: `libc::stat` on 64-bit hosts,
/// `libc::stat64` on 32-bit ones (use `fstatat64` etc. there).
#[cfg(target_pointer_width = "64")]
pub type HostStat = libc::stat;
#[cfg(target_pointer_width = "32")]
pub type HostStat = libc::stat64;

/// Host `struct statfs`. `libc::statfs64` on every host: on 64-bit glibc it has the same
/// layout as `statfs` but, unlike `libc::statfs`, exposes `f_flags`.
pub type HostStatfs = libc::statfs64;

/// Host `struct rlimit` with 64-bit limits.
#[cfg(target_pointer_width = "64")]
pub type HostRlimit = libc::rlimit;
#[cfg(target_pointer_width = "32")]
pub type HostRlimit = libc::rlimit64;

/// Host `struct flock` with 64-bit offsets; pass it to the kernel with [`HOST_SYS_FCNTL`]
/// and a command from [`host_lock_cmd`] / [`fcntl_lock_cmd_to_host`].
#[cfg(target_pointer_width = "64")]
pub type HostFlock = libc::flock;
#[cfg(target_pointer_width = "32")]
pub type HostFlock = libc::flock64;

#[cfg(target_pointer_width = "64")]
const HOST_RLIM_INFINITY: u64 = libc::RLIM_INFINITY;
#[cfg(target_pointer_width = "32")]
const HOST_RLIM_INFINITY: u64 = libc::RLIM64_INFINITY;

/// Lossless widening of host integer fields, whatever their width on this host.
trait Widen: Copy {
    /// Zero-extends the value's bits (for C `unsigned long`-like fields).
    fn zext(self) -> u64;
    /// Widens preserving the numeric value (sign-extends signed types).
    fn sext(self) -> i64;
}

macro_rules! widen {
    ($($t:ty => $u:ty),*) => {$(
        impl Widen for $t {
            fn zext(self) -> u64 {
                u64::from(self as $u)
            }
            fn sext(self) -> i64 {
                i64::from(self)
            }
        }
    )*};
}
widen!(u16 => u16, i16 => u16, u32 => u32, i32 => u32);

impl Widen for i64 {
    fn zext(self) -> u64 {
        self as u64
    }
    fn sext(self) -> i64 {
        self
    }
}

impl Widen for u64 {
    fn zext(self) -> u64 {
        self
    }
    /// Reinterprets (the guest field has the same width).
    fn sext(self) -> i64 {
        self as i64
    }
}

/// `libc` C structs made only of integers, for which all-zero bytes are a valid value.
///
/// # Safety
/// Implementors must be valid when zero-initialized.
unsafe trait HostZeroable: Sized {}

macro_rules! host_zeroable {
    ($($t:ty),* $(,)?) => { $( unsafe impl HostZeroable for $t {} )* };
}
// SAFETY: plain C structs of integers (and arrays of them).
host_zeroable!(
    libc::timespec,
    libc::timeval,
    libc::itimerval,
    libc::rusage,
    libc::sysinfo,
    libc::epoll_event,
    libc::statvfs64,
    HostStat,
    HostStatfs,
    HostRlimit,
    HostFlock,
    libc::cmsghdr,
);
// SAFETY: arrays of zero-valid types are zero-valid.
unsafe impl<T: HostZeroable, const N: usize> HostZeroable for [T; N] {}

/// A zero-initialized host struct (`libc` structs may have private padding fields, so
/// they cannot be built with struct literals).
fn host_zeroed<T: HostZeroable>() -> T {
    // SAFETY: guaranteed by `HostZeroable`.
    unsafe { core::mem::zeroed() }
}

// ---------------------------------------------------------------------------------------
// stat / statfs

/// Converts a host `stat` into the guest's x86_64 layout (nlink/blksize widened,
/// padding zeroed).
pub fn stat_from_host(h: &HostStat) -> guest::Stat {
    guest::Stat {
        st_dev: h.st_dev.zext(),
        st_ino: h.st_ino.zext(),
        st_nlink: h.st_nlink.zext(),
        st_mode: h.st_mode,
        st_uid: h.st_uid,
        st_gid: h.st_gid,
        pad0: 0,
        st_rdev: h.st_rdev.zext(),
        st_size: h.st_size.sext(),
        st_blksize: h.st_blksize.sext(),
        st_blocks: h.st_blocks.sext(),
        st_atim: guest::Timespec {
            tv_sec: h.st_atime.sext(),
            tv_nsec: h.st_atime_nsec.sext(),
        },
        st_mtim: guest::Timespec {
            tv_sec: h.st_mtime.sext(),
            tv_nsec: h.st_mtime_nsec.sext(),
        },
        st_ctim: guest::Timespec {
            tv_sec: h.st_ctime.sext(),
            tv_nsec: h.st_ctime_nsec.sext(),
        },
        unused: [0; 3],
    }
}

/// Converts a host `statfs64` into the guest's x86_64 `statfs`. Word-sized fields are
/// zero-extended (filesystem magic numbers such as btrfs' have the top bit set).
pub fn statfs_from_host(h: &HostStatfs) -> guest::Statfs {
    // SAFETY: `fsid_t` is two C ints (private fields in `libc`), same size as `[i32; 2]`.
    let f_fsid: [i32; 2] = unsafe { core::mem::transmute(h.f_fsid) };
    guest::Statfs {
        f_type: h.f_type.zext(),
        f_bsize: h.f_bsize.zext(),
        f_blocks: h.f_blocks.zext(),
        f_bfree: h.f_bfree.zext(),
        f_bavail: h.f_bavail.zext(),
        f_files: h.f_files.zext(),
        f_ffree: h.f_ffree.zext(),
        f_fsid,
        f_namelen: h.f_namelen.zext(),
        f_frsize: h.f_frsize.zext(),
        f_flags: h.f_flags.zext(),
        f_spare: [0; 4],
    }
}

// ---------------------------------------------------------------------------------------
// time

/// Narrows a guest 64-bit value to a host field type (`time_t`, `long`, ...), failing with
/// `errno` if it does not fit (only possible on 32-bit hosts).
fn narrow<T: TryFrom<i64>>(v: i64, errno: i32) -> Result<T, i32> {
    T::try_from(v).map_err(|_| errno)
}

/// Guest `timespec` to host. `Err(EOVERFLOW)` if `tv_sec` does not fit the host `time_t`,
/// `Err(EINVAL)` if `tv_nsec` does not fit a host `long` (the kernel would reject it).
pub fn timespec_to_host(t: &guest::Timespec) -> Result<libc::timespec, i32> {
    let mut h: libc::timespec = host_zeroed();
    h.tv_sec = narrow(t.tv_sec, libc::EOVERFLOW)?;
    h.tv_nsec = narrow(t.tv_nsec, libc::EINVAL)?;
    Ok(h)
}

/// Host `timespec` to guest.
pub fn timespec_from_host(h: &libc::timespec) -> guest::Timespec {
    guest::Timespec {
        tv_sec: h.tv_sec.sext(),
        tv_nsec: h.tv_nsec.sext(),
    }
}

/// Guest `timeval` to host; errors as for [`timespec_to_host`].
pub fn timeval_to_host(t: &guest::Timeval) -> Result<libc::timeval, i32> {
    let mut h: libc::timeval = host_zeroed();
    h.tv_sec = narrow(t.tv_sec, libc::EOVERFLOW)?;
    h.tv_usec = narrow(t.tv_usec, libc::EINVAL)?;
    Ok(h)
}

/// Host `timeval` to guest.
pub fn timeval_from_host(h: &libc::timeval) -> guest::Timeval {
    guest::Timeval {
        tv_sec: h.tv_sec.sext(),
        tv_usec: h.tv_usec.sext(),
    }
}

/// Guest `itimerval` to host; errors as for [`timeval_to_host`].
pub fn itimerval_to_host(t: &guest::Itimerval) -> Result<libc::itimerval, i32> {
    Ok(libc::itimerval {
        it_interval: timeval_to_host(&t.it_interval)?,
        it_value: timeval_to_host(&t.it_value)?,
    })
}

/// Host `itimerval` to guest.
pub fn itimerval_from_host(h: &libc::itimerval) -> guest::Itimerval {
    guest::Itimerval {
        it_interval: timeval_from_host(&h.it_interval),
        it_value: timeval_from_host(&h.it_value),
    }
}

/// Guest `itimerspec` to host; errors as for [`timespec_to_host`].
pub fn itimerspec_to_host(t: &guest::ItimerSpec) -> Result<libc::itimerspec, i32> {
    Ok(libc::itimerspec {
        it_interval: timespec_to_host(&t.it_interval)?,
        it_value: timespec_to_host(&t.it_value)?,
    })
}

/// Host `itimerspec` to guest.
pub fn itimerspec_from_host(h: &libc::itimerspec) -> guest::ItimerSpec {
    guest::ItimerSpec {
        it_interval: timespec_from_host(&h.it_interval),
        it_value: timespec_from_host(&h.it_value),
    }
}

// ---------------------------------------------------------------------------------------
// resources

fn rlim_to_host(v: u64) -> u64 {
    if v == g::RLIM_INFINITY {
        HOST_RLIM_INFINITY
    } else {
        v
    }
}

fn rlim_from_host(v: u64) -> u64 {
    if v == HOST_RLIM_INFINITY {
        g::RLIM_INFINITY
    } else {
        v
    }
}

/// Guest `rlimit` to host (`RLIM_INFINITY` is all-ones on both sides).
pub fn rlimit_to_host(r: &guest::Rlimit) -> HostRlimit {
    let mut h: HostRlimit = host_zeroed();
    h.rlim_cur = rlim_to_host(r.rlim_cur);
    h.rlim_max = rlim_to_host(r.rlim_max);
    h
}

/// Host `rlimit` to guest.
pub fn rlimit_from_host(h: &HostRlimit) -> guest::Rlimit {
    guest::Rlimit {
        rlim_cur: rlim_from_host(h.rlim_cur),
        rlim_max: rlim_from_host(h.rlim_max),
    }
}

/// Host `rusage` to guest (`long`s widened).
pub fn rusage_from_host(h: &libc::rusage) -> guest::Rusage {
    guest::Rusage {
        ru_utime: timeval_from_host(&h.ru_utime),
        ru_stime: timeval_from_host(&h.ru_stime),
        ru_maxrss: h.ru_maxrss.sext(),
        ru_ixrss: h.ru_ixrss.sext(),
        ru_idrss: h.ru_idrss.sext(),
        ru_isrss: h.ru_isrss.sext(),
        ru_minflt: h.ru_minflt.sext(),
        ru_majflt: h.ru_majflt.sext(),
        ru_nswap: h.ru_nswap.sext(),
        ru_inblock: h.ru_inblock.sext(),
        ru_oublock: h.ru_oublock.sext(),
        ru_msgsnd: h.ru_msgsnd.sext(),
        ru_msgrcv: h.ru_msgrcv.sext(),
        ru_nsignals: h.ru_nsignals.sext(),
        ru_nvcsw: h.ru_nvcsw.sext(),
        ru_nivcsw: h.ru_nivcsw.sext(),
        reserved: [0; 16],
    }
}

/// Host `sysinfo` to guest (`long`s widened; on 32-bit hosts `mem_unit` is kept, so the
/// memory sizes stay in the host's units).
pub fn sysinfo_from_host(h: &libc::sysinfo) -> guest::Sysinfo {
    guest::Sysinfo {
        uptime: h.uptime.zext(),
        loads: h.loads.map(Widen::zext),
        totalram: h.totalram.zext(),
        freeram: h.freeram.zext(),
        sharedram: h.sharedram.zext(),
        bufferram: h.bufferram.zext(),
        totalswap: h.totalswap.zext(),
        freeswap: h.freeswap.zext(),
        procs: h.procs,
        pad: 0,
        __pad1: 0,
        totalhigh: h.totalhigh.zext(),
        freehigh: h.freehigh.zext(),
        mem_unit: h.mem_unit,
        reserved: [0; 256],
        __pad2: [0; 4],
    }
}

// ---------------------------------------------------------------------------------------
// fcntl locks, epoll

/// The host syscall to issue lock commands with a [`HostFlock`]: `SYS_fcntl64` on 32-bit
/// hosts (glibc's `fcntl` symbol expects a 32-bit `struct flock` for some commands there),
/// `SYS_fcntl` on 64-bit hosts. Use it through `libc::syscall`.
#[cfg(target_pointer_width = "64")]
pub const HOST_SYS_FCNTL: libc::c_long = libc::SYS_fcntl;
#[cfg(target_pointer_width = "32")]
pub const HOST_SYS_FCNTL: libc::c_long = libc::SYS_fcntl64;

// The host calls taking a `libc::timespec`, for `libc::syscall`: on 32-bit hosts built
// with a 64-bit `time_t` these are the *_time64 calls (numbered alike on every 32-bit
// architecture; `libc` does not name them on all of them).

/// `ppoll` (`ppoll_time64` where needed, see above).
#[cfg(target_pointer_width = "64")]
pub const HOST_SYS_PPOLL: libc::c_long = libc::SYS_ppoll;
#[cfg(target_pointer_width = "32")]
pub const HOST_SYS_PPOLL: libc::c_long = if size_of::<libc::time_t>() == 8 { 414 } else { libc::SYS_ppoll };

/// `pselect6` (`pselect6_time64` where needed, see above).
#[cfg(target_pointer_width = "64")]
pub const HOST_SYS_PSELECT6: libc::c_long = libc::SYS_pselect6;
#[cfg(target_pointer_width = "32")]
pub const HOST_SYS_PSELECT6: libc::c_long = if size_of::<libc::time_t>() == 8 { 413 } else { libc::SYS_pselect6 };

/// `clock_nanosleep` (`clock_nanosleep_time64` where needed, see above).
#[cfg(target_pointer_width = "64")]
pub const HOST_SYS_CLOCK_NANOSLEEP: libc::c_long = libc::SYS_clock_nanosleep;
#[cfg(target_pointer_width = "32")]
pub const HOST_SYS_CLOCK_NANOSLEEP: libc::c_long =
    if size_of::<libc::time_t>() == 8 { 407 } else { libc::SYS_clock_nanosleep };

/// `utimensat` taking the kernel's `struct __kernel_timespec` (two 64-bit fields on
/// every host, whatever `time_t` is): `utimensat_time64` (412) on every 32-bit host.
#[cfg(target_pointer_width = "64")]
pub const HOST_SYS_UTIMENSAT: libc::c_long = libc::SYS_utimensat;
#[cfg(target_pointer_width = "32")]
pub const HOST_SYS_UTIMENSAT: libc::c_long = 412;

/// Host `fcntl` commands that take a [`HostFlock`] (with [`HOST_SYS_FCNTL`]): the
/// `F_*LK64` ones on 32-bit hosts (`libc` lacks those constants), plain
/// `F_GETLK`/`F_SETLK`/`F_SETLKW` on 64-bit hosts. OFD commands are the same everywhere.
pub mod host_lock_cmd {
    #[cfg(target_pointer_width = "64")]
    pub const F_GETLK: i32 = libc::F_GETLK;
    #[cfg(target_pointer_width = "64")]
    pub const F_SETLK: i32 = libc::F_SETLK;
    #[cfg(target_pointer_width = "64")]
    pub const F_SETLKW: i32 = libc::F_SETLKW;
    /// `F_GETLK64`.
    #[cfg(target_pointer_width = "32")]
    pub const F_GETLK: i32 = 12;
    /// `F_SETLK64`.
    #[cfg(target_pointer_width = "32")]
    pub const F_SETLK: i32 = 13;
    /// `F_SETLKW64`.
    #[cfg(target_pointer_width = "32")]
    pub const F_SETLKW: i32 = 14;
    pub const F_OFD_GETLK: i32 = libc::F_OFD_GETLK;
    pub const F_OFD_SETLK: i32 = libc::F_OFD_SETLK;
    pub const F_OFD_SETLKW: i32 = libc::F_OFD_SETLKW;
}

/// If guest `fcntl` command `cmd` takes a `struct flock*`, the host command to use with a
/// [`HostFlock`] (via [`HOST_SYS_FCNTL`]); `None` for every other command.
pub fn fcntl_lock_cmd_to_host(cmd: i32) -> Option<i32> {
    match cmd {
        g::F_GETLK => Some(host_lock_cmd::F_GETLK),
        g::F_SETLK => Some(host_lock_cmd::F_SETLK),
        g::F_SETLKW => Some(host_lock_cmd::F_SETLKW),
        g::F_OFD_GETLK => Some(host_lock_cmd::F_OFD_GETLK),
        g::F_OFD_SETLK => Some(host_lock_cmd::F_OFD_SETLK),
        g::F_OFD_SETLKW => Some(host_lock_cmd::F_OFD_SETLKW),
        _ => None,
    }
}

/// Guest x86_64 `flock` to host.
pub fn flock_to_host(f: &guest::Flock) -> HostFlock {
    let mut h: HostFlock = host_zeroed();
    h.l_type = f.l_type;
    h.l_whence = f.l_whence;
    h.l_start = f.l_start;
    h.l_len = f.l_len;
    h.l_pid = f.l_pid;
    h
}

/// Host `flock` to guest.
pub fn flock_from_host(h: &HostFlock) -> guest::Flock {
    guest::Flock {
        l_type: h.l_type,
        l_whence: h.l_whence,
        __pad0: 0,
        l_start: h.l_start.sext(),
        l_len: h.l_len.sext(),
        l_pid: h.l_pid,
        __pad1: 0,
    }
}

/// Guest packed `epoll_event` to host (packed on x86_64, 16-byte aligned elsewhere).
pub fn epoll_event_to_host(e: &guest::EpollEvent) -> libc::epoll_event {
    // Copy out of the packed struct by value; never take references to its fields.
    let (events, data) = (e.events, e.data);
    libc::epoll_event { events, u64: data }
}

/// Host `epoll_event` to guest.
pub fn epoll_event_from_host(h: &libc::epoll_event) -> guest::EpollEvent {
    let (events, data) = (h.events, h.u64);
    guest::EpollEvent { events, data }
}

// ---------------------------------------------------------------------------------------
// ioctl requests

/// Guest `ioctl` request to host. Terminal and file ioctl numbers are the same on the
/// three hosts except `FIOQSIZE` (0x545E on arm); everything else is passed unchanged.
pub fn ioctl_request_to_host(request: u32) -> u32 {
    match request {
        g::FIOQSIZE => libc::FIOQSIZE as u32,
        r => r,
    }
}

// ---------------------------------------------------------------------------------------
// socket control messages (msg_control of sendmsg/recvmsg)

/// A host control-message buffer, aligned for `struct cmsghdr`.
pub struct HostCmsgBuf {
    words: Vec<u64>,
    len: usize,
}

impl HostCmsgBuf {
    /// A zero-filled buffer of `len` bytes (for `recvmsg`).
    pub fn zeroed(len: usize) -> Self {
        HostCmsgBuf {
            words: vec![0; len.div_ceil(8)],
            len,
        }
    }

    /// A buffer holding one `SOL_SOCKET`/`SCM_RIGHTS` header with `cmsg_len` 0,
    /// which the host kernel rejects with EINVAL when it parses it (for guest
    /// control data that does not parse, so that the kernel still reports its
    /// earlier errors first). The level and type are a kind every layer knows:
    /// qemu-user copies an unknown kind's payload with the negative length
    /// `cmsg_len - header` and crashes.
    pub fn malformed() -> Self {
        let mut buf = HostCmsgBuf::zeroed(host_cmsg_space(0));
        let mut h: libc::cmsghdr = host_zeroed();
        h.cmsg_level = libc::SOL_SOCKET;
        h.cmsg_type = libc::SCM_RIGHTS;
        // SAFETY: `libc::cmsghdr` is `size_t` + two `int`s: no padding bytes.
        let hb = unsafe { core::slice::from_raw_parts((&h as *const libc::cmsghdr).cast::<u8>(), size_of::<libc::cmsghdr>()) };
        buf.as_bytes_mut()[..hb.len()].copy_from_slice(hb);
        buf
    }

    /// Length in bytes (the host `msg_controllen`).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The buffer for the host `msg_control` (NULL when empty).
    pub fn as_mut_ptr(&mut self) -> *mut libc::c_void {
        if self.len == 0 {
            core::ptr::null_mut()
        } else {
            self.words.as_mut_ptr().cast()
        }
    }

    /// The first `len` bytes.
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: `words` holds at least `len` initialized bytes.
        unsafe { core::slice::from_raw_parts(self.words.as_ptr().cast::<u8>(), self.len) }
    }

    fn as_bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as above; any bytes are valid `u64`s.
        unsafe { core::slice::from_raw_parts_mut(self.words.as_mut_ptr().cast::<u8>(), self.len) }
    }

    /// Shrinks the buffer to the `msg_controllen` the host kernel reported.
    pub fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
}

/// Size of the guest `cmsghdr` (data starts right after it).
const GUEST_CMSG_HDR: usize = size_of::<guest::Cmsghdr>();

fn guest_cmsg_align(len: usize) -> usize {
    (len + g::CMSG_ALIGN - 1) & !(g::CMSG_ALIGN - 1)
}

fn host_cmsg_align(len: usize) -> usize {
    (len + size_of::<usize>() - 1) & !(size_of::<usize>() - 1)
}

/// Host `CMSG_LEN(n)`.
fn host_cmsg_len(n: usize) -> usize {
    // SAFETY: pure arithmetic.
    unsafe { libc::CMSG_LEN(n as libc::c_uint) as usize }
}

/// Host `CMSG_SPACE(n)`.
fn host_cmsg_space(n: usize) -> usize {
    // SAFETY: pure arithmetic.
    unsafe { libc::CMSG_SPACE(n as libc::c_uint) as usize }
}

/// Guest control messages to host, as the kernel parses them for `sendmsg`: headers at
/// 8-byte-aligned offsets while a whole header fits; a header whose `cmsg_len` is
/// shorter than the header or runs past the buffer is `Err(EINVAL)`. The padding word
/// after `cmsg_len` is ignored (musl zeroes it before `sendmsg` anyway). Payloads are copied unchanged (the
/// ones the kernel accepts from user space, `SCM_RIGHTS`, `SCM_CREDENTIALS`, `IP_*`,
/// have the same layout on every host).
pub fn cmsgs_to_host(guest_buf: &[u8]) -> Result<HostCmsgBuf, i32> {
    use guest::Pod;
    let mut msgs = Vec::new();
    let mut off = 0usize;
    while off + GUEST_CMSG_HDR <= guest_buf.len() {
        let h = guest::Cmsghdr::read_from(&guest_buf[off..]).expect("length checked");
        let len = h.cmsg_len as usize;
        if len < GUEST_CMSG_HDR || len > guest_buf.len() - off {
            return Err(libc::EINVAL);
        }
        msgs.push((h.cmsg_level, h.cmsg_type, &guest_buf[off + GUEST_CMSG_HDR..off + len]));
        off += guest_cmsg_align(len);
    }
    let total = msgs.iter().map(|(_, _, d)| host_cmsg_space(d.len())).sum();
    let mut buf = HostCmsgBuf::zeroed(total);
    let bytes = buf.as_bytes_mut();
    let hdr = host_cmsg_len(0);
    let mut off = 0;
    for (level, ty, data) in msgs {
        let mut h: libc::cmsghdr = host_zeroed();
        h.cmsg_len = host_cmsg_len(data.len()) as _;
        h.cmsg_level = level;
        h.cmsg_type = ty;
        // SAFETY: `libc::cmsghdr` is `size_t` + two `int`s: no padding bytes.
        let hb = unsafe {
            core::slice::from_raw_parts((&h as *const libc::cmsghdr).cast::<u8>(), size_of::<libc::cmsghdr>())
        };
        bytes[off..off + hb.len()].copy_from_slice(hb);
        bytes[off + hdr..off + hdr + data.len()].copy_from_slice(data);
        off += host_cmsg_space(data.len());
    }
    Ok(buf)
}

/// Guest control messages built from what the host kernel returned by `recvmsg`.
#[derive(Debug, Default)]
pub struct GuestCmsgs {
    /// The bytes to store at the guest's `msg_control`; their length is the new
    /// `msg_controllen`.
    pub bytes: Vec<u8>,
    /// Something did not fit: the caller sets `MSG_CTRUNC` in `msg_flags`.
    pub truncated: bool,
    /// Descriptors received with `SCM_RIGHTS` that did not fit in the guest buffer; the
    /// caller must close them (the kernel would not have installed them).
    pub dropped_fds: Vec<i32>,
}

/// Converts a timestamp payload (an array of host `timeval`s or `timespec`s) to the
/// guest's 16-byte form. Identity on 64-bit hosts.
fn timestamps_from_host<H: Copy, G: guest::Pod>(data: &[u8], conv: impl Fn(&H) -> G) -> Vec<u8> {
    data.chunks_exact(size_of::<H>())
        .flat_map(|c| {
            // SAFETY: `c` has exactly `size_of::<H>()` bytes; `H` is a libc time struct of
            // integers, valid for any bytes.
            let h: H = unsafe { core::ptr::read_unaligned(c.as_ptr().cast::<H>()) };
            conv(&h).as_bytes().to_vec()
        })
        .collect()
}

/// The guest payload for a host control message: timestamps (`SCM_TIMESTAMP`,
/// `SCM_TIMESTAMPNS`, `SCM_TIMESTAMPING`) are widened on 32-bit hosts, everything else
/// (`SCM_RIGHTS`, `SCM_CREDENTIALS`, `IP_PKTINFO`, ...) is copied.
fn cmsg_payload_from_host(level: i32, ty: i32, data: &[u8]) -> Vec<u8> {
    if level != g::SOL_SOCKET {
        return data.to_vec();
    }
    match ty {
        g::SO_TIMESTAMP => timestamps_from_host(data, timeval_from_host),
        g::SO_TIMESTAMPNS | g::SO_TIMESTAMPING => timestamps_from_host(data, timespec_from_host),
        _ => data.to_vec(),
    }
}

fn push_guest_cmsg(out: &mut Vec<u8>, cap: usize, level: i32, ty: i32, payload: &[u8]) {
    use guest::Pod;
    let cmsg_len = GUEST_CMSG_HDR + payload.len();
    let room = cap - out.len();
    let written = cmsg_len.min(room);
    let h = guest::Cmsghdr {
        cmsg_len: written as u32,
        __pad: 0,
        cmsg_level: level,
        cmsg_type: ty,
    };
    out.extend_from_slice(h.as_bytes());
    out.extend_from_slice(&payload[..written - GUEST_CMSG_HDR]);
    let space = guest_cmsg_align(cmsg_len).min(room);
    out.resize(out.len() + space - written, 0);
}

/// Host control messages (`host`: the first `msg_controllen` bytes after `recvmsg`) to
/// the guest layout, in at most `guest_cap` bytes, truncating like the kernel's
/// `put_cmsg`/`scm_detach_fds` (a message without room for its header is dropped, a
/// partial payload is cut, `SCM_RIGHTS` keeps the descriptors that fit).
pub fn cmsgs_from_host(host: &[u8], guest_cap: usize) -> GuestCmsgs {
    let mut r = GuestCmsgs::default();
    let hdr = host_cmsg_len(0);
    let mut off = 0usize;
    while off + size_of::<libc::cmsghdr>() <= host.len() {
        // SAFETY: a whole header lies inside `host`; any bytes are a valid `cmsghdr`.
        let h: libc::cmsghdr = unsafe { core::ptr::read_unaligned(host[off..].as_ptr().cast()) };
        let len = h.cmsg_len as usize;
        if len < hdr {
            break;
        }
        let data = &host[off + hdr..(off + len).min(host.len())];
        off = off.saturating_add(host_cmsg_align(len));
        let room = guest_cap - r.bytes.len();
        if h.cmsg_level == g::SOL_SOCKET && h.cmsg_type == g::SCM_RIGHTS {
            let fds: Vec<i32> = data
                .chunks_exact(4)
                .map(|c| i32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            let fit = if room <= GUEST_CMSG_HDR { 0 } else { (room - GUEST_CMSG_HDR) / 4 };
            let keep = fit.min(fds.len());
            if keep < fds.len() {
                r.truncated = true;
                r.dropped_fds.extend_from_slice(&fds[keep..]);
            }
            if keep > 0 {
                let payload: Vec<u8> = fds[..keep].iter().flat_map(|fd| fd.to_ne_bytes()).collect();
                push_guest_cmsg(&mut r.bytes, guest_cap, h.cmsg_level, h.cmsg_type, &payload);
            }
            continue;
        }
        if room < GUEST_CMSG_HDR {
            r.truncated = true;
            continue;
        }
        let payload = cmsg_payload_from_host(h.cmsg_level, h.cmsg_type, data);
        if GUEST_CMSG_HDR + payload.len() > room {
            r.truncated = true;
        }
        push_guest_cmsg(&mut r.bytes, guest_cap, h.cmsg_level, h.cmsg_type, &payload);
    }
    r
}

// ---------------------------------------------------------------------------------------
// open flags

#[cfg(not(any(
    target_arch = "x86_64",
    target_arch = "aarch64",
    target_arch = "arm",
    target_arch = "riscv64"
)))]
compile_error!("wali-abi supports x86_64, aarch64, arm and riscv64 hosts only");

/// The host kernel's `O_LARGEFILE`. (64-bit glibc, and so `libc`, defines it as 0 because
/// it is implied there, but `F_GETFL` still reports the kernel bit.)
const HOST_O_LARGEFILE: i32 = if cfg!(any(target_arch = "aarch64", target_arch = "arm")) {
    0o400000
} else {
    0o100000
};

/// `(guest bit, host bit)` for the open flags whose values are architecture-specific.
/// The guest bits and the host bits are the same set of four bits, permuted.
const OPEN_FLAG_MAP: [(i32, i32); 4] = [
    (g::O_DIRECT, libc::O_DIRECT),
    (g::O_LARGEFILE, HOST_O_LARGEFILE),
    (g::O_DIRECTORY, libc::O_DIRECTORY),
    (g::O_NOFOLLOW, libc::O_NOFOLLOW),
];

/// Moves each `from` bit of `flags` to its `to` bit; other bits are kept.
fn remap_bits(flags: i32, pairs: impl Iterator<Item = (i32, i32)> + Clone) -> i32 {
    let from_mask = pairs.clone().fold(0, |m, (from, _)| m | from);
    pairs.fold(flags & !from_mask, |out, (from, to)| {
        if flags & from != 0 { out | to } else { out }
    })
}

/// Guest (x86_64) mmap flags to the host flags of a mapping that wali-run
/// places itself (`MAP_FIXED` inside linear memory): the placement flags
/// (`MAP_FIXED`, `MAP_FIXED_NOREPLACE`, x86_64's `MAP_32BIT`) are dropped; the
/// others have the same values on every Linux host (asm-generic) and go to the
/// kernel as they are, so it validates them (`MAP_SHARED_VALIDATE` with an
/// unknown flag is EOPNOTSUPP, as natively).
pub fn mmap_flags_to_host(flags: i32) -> i32 {
    flags & !(g::MAP_FIXED | g::MAP_FIXED_NOREPLACE | g::MAP_32BIT)
}

/// Guest (x86_64) open/`F_SETFL` flags to host flags. Identity on x86_64; swaps
/// `O_DIRECTORY`/`O_DIRECT`/`O_NOFOLLOW`/`O_LARGEFILE` on ARM.
pub fn open_flags_to_host(flags: i32) -> i32 {
    remap_bits(flags, OPEN_FLAG_MAP.iter().copied())
}

/// Host open/`F_GETFL` flags to guest (x86_64) flags.
pub fn open_flags_from_host(flags: i32) -> i32 {
    remap_bits(
        flags,
        OPEN_FLAG_MAP.iter().map(|&(guest, host)| (host, guest)),
    )
}

// ---------------------------------------------------------------------------------------
// errno

/// Linux errno names, indexed by number (identical on x86_64, aarch64, arm and in the
/// guest). 0, 41 and 58 are not errnos.
const ERRNO_NAMES: [&str; 134] = [
    "EUNKNOWN",
    "EPERM",
    "ENOENT",
    "ESRCH",
    "EINTR",
    "EIO",
    "ENXIO",
    "E2BIG",
    "ENOEXEC",
    "EBADF",
    "ECHILD",
    "EAGAIN",
    "ENOMEM",
    "EACCES",
    "EFAULT",
    "ENOTBLK",
    "EBUSY",
    "EEXIST",
    "EXDEV",
    "ENODEV",
    "ENOTDIR",
    "EISDIR",
    "EINVAL",
    "ENFILE",
    "EMFILE",
    "ENOTTY",
    "ETXTBSY",
    "EFBIG",
    "ENOSPC",
    "ESPIPE",
    "EROFS",
    "EMLINK",
    "EPIPE",
    "EDOM",
    "ERANGE",
    "EDEADLK",
    "ENAMETOOLONG",
    "ENOLCK",
    "ENOSYS",
    "ENOTEMPTY",
    "ELOOP",
    "EUNKNOWN",
    "ENOMSG",
    "EIDRM",
    "ECHRNG",
    "EL2NSYNC",
    "EL3HLT",
    "EL3RST",
    "ELNRNG",
    "EUNATCH",
    "ENOCSI",
    "EL2HLT",
    "EBADE",
    "EBADR",
    "EXFULL",
    "ENOANO",
    "EBADRQC",
    "EBADSLT",
    "EUNKNOWN",
    "EBFONT",
    "ENOSTR",
    "ENODATA",
    "ETIME",
    "ENOSR",
    "ENONET",
    "ENOPKG",
    "EREMOTE",
    "ENOLINK",
    "EADV",
    "ESRMNT",
    "ECOMM",
    "EPROTO",
    "EMULTIHOP",
    "EDOTDOT",
    "EBADMSG",
    "EOVERFLOW",
    "ENOTUNIQ",
    "EBADFD",
    "EREMCHG",
    "ELIBACC",
    "ELIBBAD",
    "ELIBSCN",
    "ELIBMAX",
    "ELIBEXEC",
    "EILSEQ",
    "ERESTART",
    "ESTRPIPE",
    "EUSERS",
    "ENOTSOCK",
    "EDESTADDRREQ",
    "EMSGSIZE",
    "EPROTOTYPE",
    "ENOPROTOOPT",
    "EPROTONOSUPPORT",
    "ESOCKTNOSUPPORT",
    "EOPNOTSUPP",
    "EPFNOSUPPORT",
    "EAFNOSUPPORT",
    "EADDRINUSE",
    "EADDRNOTAVAIL",
    "ENETDOWN",
    "ENETUNREACH",
    "ENETRESET",
    "ECONNABORTED",
    "ECONNRESET",
    "ENOBUFS",
    "EISCONN",
    "ENOTCONN",
    "ESHUTDOWN",
    "ETOOMANYREFS",
    "ETIMEDOUT",
    "ECONNREFUSED",
    "EHOSTDOWN",
    "EHOSTUNREACH",
    "EALREADY",
    "EINPROGRESS",
    "ESTALE",
    "EUCLEAN",
    "ENOTNAM",
    "ENAVAIL",
    "EISNAM",
    "EREMOTEIO",
    "EDQUOT",
    "ENOMEDIUM",
    "EMEDIUMTYPE",
    "ECANCELED",
    "ENOKEY",
    "EKEYEXPIRED",
    "EKEYREVOKED",
    "EKEYREJECTED",
    "EOWNERDEAD",
    "ENOTRECOVERABLE",
    "ERFKILL",
    "EHWPOISON",
];

/// The symbolic name of a Linux errno (`2` or `-2` → `"ENOENT"`); `"EUNKNOWN"` for
/// numbers that are not errnos.
pub fn errno_name(e: i32) -> &'static str {
    usize::try_from(e.unsigned_abs())
        .ok()
        .and_then(|n| ERRNO_NAMES.get(n))
        .copied()
        .unwrap_or("EUNKNOWN")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guest::Pod;
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::{Path, PathBuf};

    /// A scratch file under the temp dir, removed on drop.
    struct TempFile(PathBuf);

    impl TempFile {
        fn new(tag: &str, contents: &[u8]) -> Self {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos();
            let p =
                std::env::temp_dir().join(format!("wali-abi-{tag}-{}-{nanos}", std::process::id()));
            std::fs::write(&p, contents).unwrap();
            TempFile(p)
        }
    }

    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    fn cpath(p: &Path) -> CString {
        CString::new(p.as_os_str().as_bytes()).unwrap()
    }

    fn errno() -> i32 {
        std::io::Error::last_os_error().raw_os_error().unwrap()
    }

    fn host_stat(path: &CString) -> HostStat {
        let mut st: HostStat = host_zeroed();
        #[cfg(target_pointer_width = "64")]
        let r = unsafe { libc::stat(path.as_ptr(), &mut st) };
        #[cfg(target_pointer_width = "32")]
        let r = unsafe { libc::stat64(path.as_ptr(), &mut st) };
        assert_eq!(r, 0, "stat failed: errno {}", errno());
        st
    }

    #[test]
    fn stat_matches_host() {
        let f = TempFile::new("stat", &[7u8; 5000]);
        let h = host_stat(&cpath(&f.0));
        let s = stat_from_host(&h);
        let md = std::fs::metadata(&f.0).unwrap();
        use std::os::unix::fs::MetadataExt;
        assert_eq!(s.st_dev, md.dev());
        assert_eq!(s.st_ino, md.ino());
        assert_eq!(s.st_nlink, md.nlink());
        assert_eq!(s.st_mode, md.mode());
        assert_eq!(s.st_uid, md.uid());
        assert_eq!(s.st_gid, md.gid());
        assert_eq!(s.st_rdev, md.rdev());
        assert_eq!(s.st_size, 5000);
        assert_eq!(s.st_blksize as u64, md.blksize());
        assert_eq!(s.st_blocks as u64, md.blocks());
        assert_eq!(
            (s.st_atim.tv_sec, s.st_atim.tv_nsec),
            (md.atime(), md.atime_nsec())
        );
        assert_eq!(
            (s.st_mtim.tv_sec, s.st_mtim.tv_nsec),
            (md.mtime(), md.mtime_nsec())
        );
        assert_eq!(
            (s.st_ctim.tv_sec, s.st_ctim.tv_nsec),
            (md.ctime(), md.ctime_nsec())
        );
        assert_eq!((s.pad0, s.unused), (0, [0; 3]));
        // Also a well-known file, if present.
        if Path::new("/etc/passwd").exists() {
            let s = stat_from_host(&host_stat(&cpath(Path::new("/etc/passwd"))));
            assert_eq!(s.st_mode & libc::S_IFMT, libc::S_IFREG);
            assert_eq!(s.st_uid, 0);
        }
    }

    #[test]
    fn statfs_matches_host() {
        let dir = cpath(&std::env::temp_dir());
        let mut h: HostStatfs = host_zeroed();
        assert_eq!(unsafe { libc::statfs64(dir.as_ptr(), &mut h) }, 0);
        let s = statfs_from_host(&h);
        assert_eq!(s.f_type, h.f_type as u32 as u64);
        assert_eq!(s.f_bsize, h.f_bsize.zext());
        assert_eq!(s.f_blocks, h.f_blocks);
        assert_eq!(s.f_bfree, h.f_bfree);
        assert_eq!(s.f_bavail, h.f_bavail);
        assert_eq!(s.f_files, h.f_files);
        assert_eq!(s.f_ffree, h.f_ffree);
        assert_eq!(s.f_namelen, h.f_namelen.zext());
        assert_eq!(s.f_frsize, h.f_frsize.zext());
        assert_eq!(s.f_flags, h.f_flags.zext());
        assert!(s.f_bsize > 0 && s.f_namelen > 0);
        let raw: [i32; 2] = unsafe { core::mem::transmute(h.f_fsid) };
        assert_eq!(s.f_fsid, raw);
        // Cross-check with statvfs, which reports the same numbers through another path.
        let mut v: libc::statvfs64 = host_zeroed();
        assert_eq!(unsafe { libc::statvfs64(dir.as_ptr(), &mut v) }, 0);
        assert_eq!(s.f_blocks, v.f_blocks);
        assert_eq!(s.f_namelen, v.f_namemax.zext());
    }

    #[test]
    fn timespec_roundtrip_and_errors() {
        let mut h: libc::timespec = host_zeroed();
        assert_eq!(
            unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut h) },
            0
        );
        let g = timespec_from_host(&h);
        assert_eq!(g.tv_sec, h.tv_sec.sext());
        assert_eq!(g.tv_nsec, h.tv_nsec.sext());
        let back = timespec_to_host(&g).unwrap();
        assert_eq!((back.tv_sec, back.tv_nsec), (h.tv_sec, h.tv_nsec));
        for (sec, nsec) in [(0, 0), (-1, 999_999_999), (1 << 30, (1 << 30) - 1)] {
            let g = guest::Timespec {
                tv_sec: sec,
                tv_nsec: nsec,
            };
            let r = timespec_from_host(&timespec_to_host(&g).unwrap());
            assert_eq!((r.tv_sec, r.tv_nsec), (sec, nsec));
        }
        let big = guest::Timespec {
            tv_sec: i64::MAX,
            tv_nsec: 0,
        };
        if size_of::<libc::time_t>() == 4 {
            assert_eq!(timespec_to_host(&big).err(), Some(libc::EOVERFLOW));
        } else {
            assert!(timespec_to_host(&big).is_ok());
        }
    }

    #[test]
    fn timeval_itimerval_roundtrip() {
        let mut tv: libc::timeval = host_zeroed();
        assert_eq!(
            unsafe { libc::gettimeofday(&mut tv, core::ptr::null_mut()) },
            0
        );
        let g = timeval_from_host(&tv);
        let back = timeval_to_host(&g).unwrap();
        assert_eq!((back.tv_sec, back.tv_usec), (tv.tv_sec, tv.tv_usec));
        assert!(g.tv_sec > 1_600_000_000);

        let it = guest::Itimerval {
            it_interval: guest::Timeval {
                tv_sec: 1,
                tv_usec: 2,
            },
            it_value: guest::Timeval {
                tv_sec: 3,
                tv_usec: 4,
            },
        };
        let h = itimerval_to_host(&it).unwrap();
        assert_eq!((h.it_interval.tv_sec, h.it_value.tv_usec), (1, 4));
        let r = itimerval_from_host(&h);
        assert_eq!(r.it_interval.tv_usec, 2);
        assert_eq!(r.it_value.tv_sec, 3);
        // A real round trip through the kernel: an unarmed ITIMER_PROF reads back zero.
        let mut cur: libc::itimerval = host_zeroed();
        assert_eq!(unsafe { libc::getitimer(libc::ITIMER_PROF, &mut cur) }, 0);
        let g = itimerval_from_host(&cur);
        assert_eq!(g.it_value.tv_sec, cur.it_value.tv_sec.sext());

        let ts = guest::ItimerSpec {
            it_interval: guest::Timespec {
                tv_sec: 5,
                tv_nsec: 6,
            },
            it_value: guest::Timespec {
                tv_sec: 7,
                tv_nsec: 8,
            },
        };
        let r = itimerspec_from_host(&itimerspec_to_host(&ts).unwrap());
        assert_eq!(r.it_interval.tv_nsec, 6);
        assert_eq!(r.it_value.tv_sec, 7);
    }

    #[test]
    fn rlimit_roundtrip() {
        let mut h: HostRlimit = host_zeroed();
        #[cfg(target_pointer_width = "64")]
        let r = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut h) };
        #[cfg(target_pointer_width = "32")]
        let r = unsafe { libc::getrlimit64(libc::RLIMIT_NOFILE, &mut h) };
        assert_eq!(r, 0);
        let g = rlimit_from_host(&h);
        assert_eq!((g.rlim_cur, g.rlim_max), (h.rlim_cur, h.rlim_max));
        let back = rlimit_to_host(&g);
        assert_eq!((back.rlim_cur, back.rlim_max), (h.rlim_cur, h.rlim_max));
        for v in [0, 1, 1 << 40, g::RLIM_INFINITY] {
            let g = guest::Rlimit {
                rlim_cur: v,
                rlim_max: g::RLIM_INFINITY,
            };
            let h = rlimit_to_host(&g);
            assert_eq!(h.rlim_max, HOST_RLIM_INFINITY);
            let r = rlimit_from_host(&h);
            assert_eq!((r.rlim_cur, r.rlim_max), (v, g::RLIM_INFINITY));
        }
    }

    #[test]
    fn rusage_and_sysinfo_match_host() {
        let mut ru: libc::rusage = host_zeroed();
        assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) }, 0);
        let g = rusage_from_host(&ru);
        assert_eq!(g.ru_maxrss, ru.ru_maxrss.sext());
        assert_eq!(g.ru_minflt, ru.ru_minflt.sext());
        assert_eq!(g.ru_nvcsw, ru.ru_nvcsw.sext());
        assert_eq!(g.ru_utime.tv_sec, ru.ru_utime.tv_sec.sext());
        assert_eq!(g.ru_stime.tv_usec, ru.ru_stime.tv_usec.sext());
        assert!(g.ru_maxrss > 0);

        let mut si: libc::sysinfo = host_zeroed();
        assert_eq!(unsafe { libc::sysinfo(&mut si) }, 0);
        let g = sysinfo_from_host(&si);
        assert_eq!(g.uptime, si.uptime.zext());
        assert_eq!(g.loads, si.loads.map(Widen::zext));
        assert_eq!(g.totalram, si.totalram.zext());
        assert_eq!(g.freeswap, si.freeswap.zext());
        assert_eq!(g.procs, si.procs);
        assert_eq!(g.mem_unit, si.mem_unit);
        assert!(g.totalram > 0 && g.mem_unit > 0);
        assert!(g.reserved.iter().all(|&b| b == 0));
    }

    #[test]
    fn host_time_syscall_numbers_are_the_kernel_calls() {
        use libc::{c_long, syscall};
        let null = std::ptr::null::<u8>();
        // SAFETY: timespec is plain integers.
        let zero: libc::timespec = unsafe { std::mem::zeroed() };
        let mut left = zero;
        // ppoll/pselect6 with nothing to wait for and a zero timeout return at once.
        let r = unsafe { syscall(HOST_SYS_PPOLL, null, 0 as c_long, &zero, null, 8 as c_long) };
        assert_eq!(r, 0, "ppoll: errno {}", errno());
        let r = unsafe { syscall(HOST_SYS_PSELECT6, 0 as c_long, null, null, null, &zero, null) };
        assert_eq!(r, 0, "pselect6: errno {}", errno());
        let r = unsafe { syscall(HOST_SYS_CLOCK_NANOSLEEP, libc::CLOCK_MONOTONIC as c_long, 0 as c_long, &zero, &mut left) };
        assert_eq!(r, 0, "clock_nanosleep: errno {}", errno());
        // utimensat takes `struct __kernel_timespec` (two i64): with UTIME_OMIT in both
        // (as read that way) the kernel succeeds before it looks at the descriptor.
        #[allow(clippy::unnecessary_cast)] // a `long`: i32 on 32-bit hosts
        let omit: [i64; 4] = [0, libc::UTIME_OMIT as i64, 0, libc::UTIME_OMIT as i64];
        let r = unsafe { syscall(HOST_SYS_UTIMENSAT, -1 as c_long, null, omit.as_ptr(), 0 as c_long) };
        assert_eq!(r, 0, "utimensat: errno {}", errno());
    }

    #[test]
    fn flock_roundtrip_and_kernel() {
        let g = guest::Flock {
            l_type: libc::F_WRLCK as i16,
            l_whence: libc::SEEK_SET as i16,
            l_start: 1 << 33,
            l_len: 12345,
            l_pid: 42,
            ..Default::default()
        };
        let h = flock_to_host(&g);
        let r = flock_from_host(&h);
        assert_eq!(
            (r.l_type, r.l_whence, r.l_start, r.l_len, r.l_pid),
            (g.l_type, g.l_whence, g.l_start, g.l_len, g.l_pid)
        );
        assert_eq!(r.as_bytes(), g.as_bytes());

        // Through the kernel: F_GETLK on an unlocked file reports F_UNLCK.
        let f = TempFile::new("flock", b"x");
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&f.0)
            .unwrap();
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        let getlk = fcntl_lock_cmd_to_host(g::F_GETLK).unwrap();
        let mut h = flock_to_host(&guest::Flock { l_len: 1, ..g });
        let fcntl = |fd: i32, cmd: i32, h: &mut HostFlock| unsafe {
            libc::syscall(HOST_SYS_FCNTL, fd, cmd, h as *mut HostFlock)
        };
        assert_eq!(fcntl(fd, getlk, &mut h), 0);
        let r = flock_from_host(&h);
        assert_eq!(r.l_type, libc::F_UNLCK as i16);
        // Take an OFD lock on bytes [2^33, 2^33+10) (beyond 32-bit offsets) and see it
        // reported through a second open file description.
        let ofd = fcntl_lock_cmd_to_host(g::F_OFD_SETLK).unwrap();
        let mut h = flock_to_host(&guest::Flock {
            l_len: 10,
            l_pid: 0,
            ..g
        });
        assert_eq!(fcntl(fd, ofd, &mut h), 0, "errno {}", errno());
        let other = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&f.0)
            .unwrap();
        let mut h = flock_to_host(&guest::Flock {
            l_start: 0,
            l_len: 0,
            l_pid: 0,
            ..g
        });
        assert_eq!(fcntl(other.as_raw_fd(), getlk, &mut h), 0);
        let r = flock_from_host(&h);
        assert_eq!(
            (r.l_type, r.l_start, r.l_len),
            (libc::F_WRLCK as i16, 1 << 33, 10)
        );
        assert_eq!(fcntl_lock_cmd_to_host(g::F_GETFL), None);
    }

    #[test]
    fn epoll_event_roundtrip_and_kernel() {
        for (ev, data) in [
            (0u32, 0u64),
            (libc::EPOLLIN as u32, u64::MAX),
            (0x8000_0001, 1 << 40),
        ] {
            let g = guest::EpollEvent { events: ev, data };
            let h = epoll_event_to_host(&g);
            let r = epoll_event_from_host(&h);
            let (re, rd) = (r.events, r.data);
            assert_eq!((re, rd), (ev, data));
        }
        // Through the kernel: a readable pipe end reports EPOLLIN with our data.
        let mut fds = [0i32; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let ep = unsafe { libc::epoll_create1(0) };
        assert!(ep >= 0);
        let g = guest::EpollEvent {
            events: libc::EPOLLIN as u32,
            data: 0xdead_beef_0bad_cafe,
        };
        let mut h = epoll_event_to_host(&g);
        assert_eq!(
            unsafe { libc::epoll_ctl(ep, libc::EPOLL_CTL_ADD, fds[0], &mut h) },
            0
        );
        assert_eq!(unsafe { libc::write(fds[1], b"!".as_ptr().cast(), 1) }, 1);
        let mut out: [libc::epoll_event; 2] = host_zeroed();
        assert_eq!(
            unsafe { libc::epoll_wait(ep, out.as_mut_ptr(), 2, 1000) },
            1
        );
        let r = epoll_event_from_host(&out[0]);
        let (re, rd) = (r.events, r.data);
        assert_eq!((re, rd), (libc::EPOLLIN as u32, 0xdead_beef_0bad_cafe));
        unsafe {
            libc::close(ep);
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }

    #[test]
    fn open_flags_every_bit_roundtrips() {
        for bit in 0..32 {
            let f = 1i32 << bit;
            assert_eq!(open_flags_from_host(open_flags_to_host(f)), f, "bit {bit}");
            assert_eq!(open_flags_to_host(open_flags_from_host(f)), f, "bit {bit}");
        }
        let all = g::O_DIRECT | g::O_LARGEFILE | g::O_DIRECTORY | g::O_NOFOLLOW | g::O_CLOEXEC;
        assert_eq!(open_flags_from_host(open_flags_to_host(all)), all);
        assert_eq!(open_flags_to_host(-1), -1);
    }

    #[test]
    fn open_flags_host_values() {
        assert_eq!(open_flags_to_host(g::O_DIRECT), libc::O_DIRECT);
        assert_eq!(open_flags_to_host(g::O_DIRECTORY), libc::O_DIRECTORY);
        assert_eq!(open_flags_to_host(g::O_NOFOLLOW), libc::O_NOFOLLOW);
        assert_eq!(open_flags_to_host(g::O_TMPFILE), libc::O_TMPFILE);
        if cfg!(target_pointer_width = "32") {
            assert_eq!(HOST_O_LARGEFILE, libc::O_LARGEFILE);
        }
        // Flags with arch-independent values pass through unchanged.
        for (gf, hf) in [
            (g::O_WRONLY, libc::O_WRONLY),
            (g::O_RDWR, libc::O_RDWR),
            (g::O_CREAT, libc::O_CREAT),
            (g::O_EXCL, libc::O_EXCL),
            (g::O_NOCTTY, libc::O_NOCTTY),
            (g::O_TRUNC, libc::O_TRUNC),
            (g::O_APPEND, libc::O_APPEND),
            (g::O_NONBLOCK, libc::O_NONBLOCK),
            (g::O_DSYNC, libc::O_DSYNC),
            (g::O_ASYNC, libc::O_ASYNC),
            (g::O_NOATIME, libc::O_NOATIME),
            (g::O_CLOEXEC, libc::O_CLOEXEC),
            (g::O_SYNC, libc::O_SYNC),
            (g::O_PATH, libc::O_PATH),
        ] {
            assert_eq!(open_flags_to_host(gf), hf);
            assert_eq!(open_flags_from_host(hf), gf);
        }
        if cfg!(target_arch = "x86_64") {
            for bit in 0..32 {
                assert_eq!(open_flags_to_host(1 << bit), 1 << bit);
            }
        } else {
            assert_eq!(open_flags_to_host(g::O_DIRECTORY), 0o40000);
            assert_eq!(open_flags_to_host(g::O_NOFOLLOW), 0o100000);
            assert_eq!(open_flags_to_host(g::O_DIRECT), 0o200000);
            assert_eq!(open_flags_to_host(g::O_LARGEFILE), 0o400000);
        }
    }

    #[test]
    fn open_flags_against_kernel() {
        let open = |p: &Path, guest_flags: i32| -> Result<i32, i32> {
            let c = cpath(p);
            let fd = unsafe { libc::open(c.as_ptr(), open_flags_to_host(guest_flags)) };
            if fd < 0 { Err(errno()) } else { Ok(fd) }
        };
        // Guest O_DIRECTORY must mean "directory" to the host kernel.
        let f = TempFile::new("oflags", b"data");
        assert_eq!(open(&f.0, g::O_RDONLY | g::O_DIRECTORY), Err(libc::ENOTDIR));
        let fd = open(&std::env::temp_dir(), g::O_RDONLY | g::O_DIRECTORY).unwrap();
        unsafe { libc::close(fd) };
        // Guest O_NOFOLLOW must refuse a symlink.
        let link = std::env::temp_dir().join(format!(
            "wali-abi-link-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(&f.0, &link).unwrap();
        let r = open(&link, g::O_RDONLY | g::O_NOFOLLOW);
        let _ = std::fs::remove_file(&link);
        assert_eq!(r, Err(libc::ELOOP));
        // F_GETFL reports guest flags after translation back.
        let fd = open(
            &f.0,
            g::O_RDWR | g::O_APPEND | g::O_NONBLOCK | g::O_LARGEFILE,
        )
        .unwrap();
        let raw = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        let fl = open_flags_from_host(raw);
        unsafe { libc::close(fd) };
        assert_eq!(fl & g::O_ACCMODE, g::O_RDWR);
        assert_ne!(fl & g::O_APPEND, 0);
        assert_ne!(fl & g::O_NONBLOCK, 0);
        // (64-bit kernels report O_LARGEFILE; qemu-user may not.)
        assert_eq!(fl & g::O_LARGEFILE != 0, raw & HOST_O_LARGEFILE != 0);
        assert_eq!(fl & (g::O_DIRECT | g::O_DIRECTORY | g::O_NOFOLLOW), 0);
    }

    #[test]
    fn errno_names() {
        macro_rules! check {
            ($($e:ident),* $(,)?) => {$(
                assert_eq!(errno_name(libc::$e), stringify!($e));
                assert_eq!(errno_name(-libc::$e), stringify!($e));
            )*};
        }
        check!(
            EPERM,
            ENOENT,
            ESRCH,
            EINTR,
            EIO,
            ENXIO,
            E2BIG,
            ENOEXEC,
            EBADF,
            ECHILD,
            EAGAIN,
            ENOMEM,
            EACCES,
            EFAULT,
            ENOTBLK,
            EBUSY,
            EEXIST,
            EXDEV,
            ENODEV,
            ENOTDIR,
            EISDIR,
            EINVAL,
            ENFILE,
            EMFILE,
            ENOTTY,
            ETXTBSY,
            EFBIG,
            ENOSPC,
            ESPIPE,
            EROFS,
            EMLINK,
            EPIPE,
            EDOM,
            ERANGE,
            EDEADLK,
            ENAMETOOLONG,
            ENOLCK,
            ENOSYS,
            ENOTEMPTY,
            ELOOP,
            ENOMSG,
            EIDRM,
            ECHRNG,
            EL2NSYNC,
            EL3HLT,
            EL3RST,
            ELNRNG,
            EUNATCH,
            ENOCSI,
            EL2HLT,
            EBADE,
            EBADR,
            EXFULL,
            ENOANO,
            EBADRQC,
            EBADSLT,
            EBFONT,
            ENOSTR,
            ENODATA,
            ETIME,
            ENOSR,
            ENONET,
            ENOPKG,
            EREMOTE,
            ENOLINK,
            EADV,
            ESRMNT,
            ECOMM,
            EPROTO,
            EMULTIHOP,
            EDOTDOT,
            EBADMSG,
            EOVERFLOW,
            ENOTUNIQ,
            EBADFD,
            EREMCHG,
            ELIBACC,
            ELIBBAD,
            ELIBSCN,
            ELIBMAX,
            ELIBEXEC,
            EILSEQ,
            ERESTART,
            ESTRPIPE,
            EUSERS,
            ENOTSOCK,
            EDESTADDRREQ,
            EMSGSIZE,
            EPROTOTYPE,
            ENOPROTOOPT,
            EPROTONOSUPPORT,
            ESOCKTNOSUPPORT,
            EOPNOTSUPP,
            EPFNOSUPPORT,
            EAFNOSUPPORT,
            EADDRINUSE,
            EADDRNOTAVAIL,
            ENETDOWN,
            ENETUNREACH,
            ENETRESET,
            ECONNABORTED,
            ECONNRESET,
            ENOBUFS,
            EISCONN,
            ENOTCONN,
            ESHUTDOWN,
            ETOOMANYREFS,
            ETIMEDOUT,
            ECONNREFUSED,
            EHOSTDOWN,
            EHOSTUNREACH,
            EALREADY,
            EINPROGRESS,
            ESTALE,
            EUCLEAN,
            ENOTNAM,
            ENAVAIL,
            EISNAM,
            EREMOTEIO,
            EDQUOT,
            ENOMEDIUM,
            EMEDIUMTYPE,
            ECANCELED,
            ENOKEY,
            EKEYEXPIRED,
            EKEYREVOKED,
            EKEYREJECTED,
            EOWNERDEAD,
            ENOTRECOVERABLE,
            ERFKILL,
            EHWPOISON,
        );
        assert_eq!(errno_name(libc::EWOULDBLOCK), "EAGAIN");
        assert_eq!(errno_name(libc::EDEADLOCK), "EDEADLK");
        assert_eq!(errno_name(0), "EUNKNOWN");
        assert_eq!(errno_name(41), "EUNKNOWN");
        assert_eq!(errno_name(134), "EUNKNOWN");
        assert_eq!(errno_name(i32::MIN), "EUNKNOWN");
        // The spec's guest numbers are the generic Linux ones.
        assert_eq!((libc::ENOENT, libc::ENOSYS, libc::EHWPOISON), (2, 38, 133));
    }
}

#[cfg(test)]
mod cmsg_ioctl_tests {
    use super::*;
    use crate::guest::Pod;

    fn guest_cmsg(level: i32, ty: i32, payload: &[u8]) -> Vec<u8> {
        let h = guest::Cmsghdr {
            cmsg_len: (16 + payload.len()) as u32,
            __pad: 0,
            cmsg_level: level,
            cmsg_type: ty,
        };
        let mut v = h.as_bytes().to_vec();
        v.extend_from_slice(payload);
        v
    }

    #[test]
    fn ioctl_numbers_match_host() {
        macro_rules! same {
            ($($c:ident),* $(,)?) => {$( assert_eq!(g::$c, libc::$c as u32, stringify!($c)); )*};
        }
        same!(
            TCGETS, TCSETS, TCSETSW, TCSETSF, TCSBRK, TCXONC, TCFLSH, TIOCEXCL, TIOCNXCL,
            TIOCSCTTY, TIOCGPGRP, TIOCSPGRP, TIOCOUTQ, TIOCSTI, TIOCGWINSZ, TIOCSWINSZ,
            TIOCMGET, TIOCMBIS, TIOCMBIC, TIOCMSET, FIONREAD, TIOCINQ, TIOCCONS, TIOCPKT,
            FIONBIO, TIOCNOTTY, TIOCSETD, TIOCGETD, TCSBRKP, TIOCSBRK, TIOCCBRK, TIOCGSID,
            TCGETS2, TCSETS2, TCSETSW2, TCSETSF2, TIOCGPTN, TIOCSPTLCK, TIOCGPTPEER,
            FIONCLEX, FIOCLEX, FIOASYNC,
        );
        assert_eq!(ioctl_request_to_host(g::FIOQSIZE), libc::FIOQSIZE as u32);
        assert_eq!(ioctl_request_to_host(g::TCGETS), g::TCGETS);
        assert_eq!(size_of::<guest::Winsize>(), size_of::<libc::winsize>());
        assert_eq!(size_of::<guest::Termios2>(), size_of::<libc::termios2>());
        // Socket constants the conversions rely on.
        assert_eq!(
            (g::SOL_SOCKET, g::SCM_RIGHTS, g::SCM_CREDENTIALS, g::MSG_CTRUNC),
            (libc::SOL_SOCKET, libc::SCM_RIGHTS, libc::SCM_CREDENTIALS, libc::MSG_CTRUNC)
        );
        assert_eq!((g::SO_RCVTIMEO, g::SO_SNDTIMEO), (20, 21));
    }

    #[test]
    fn cmsg_parse_errors() {
        // Empty or shorter than a header: no messages.
        assert_eq!(cmsgs_to_host(&[]).unwrap().len(), 0);
        assert_eq!(cmsgs_to_host(&[0; 15]).unwrap().len(), 0);
        // cmsg_len shorter than the header, or past the buffer.
        let mut m = guest_cmsg(1, 1, &[0; 4]);
        m[0] = 8;
        assert_eq!(cmsgs_to_host(&m).err(), Some(libc::EINVAL));
        let mut m = guest_cmsg(1, 1, &[0; 4]);
        m[0] = 21;
        assert_eq!(cmsgs_to_host(&m).err(), Some(libc::EINVAL));
        // The padding word is ignored.
        let mut m = guest_cmsg(1, 1, &[0; 4]);
        m[4] = 1;
        assert_eq!(cmsgs_to_host(&m).unwrap().len(), host_cmsg_space(4));
    }

    #[test]
    fn cmsg_layout_to_host() {
        // Two messages; the first's 4-byte payload is padded to 8 in the guest buffer;
        // the last one ends without padding (musl's CMSG_SPACE aligns to size_t = 4).
        let mut g1 = guest_cmsg(1, 1, &7i32.to_ne_bytes());
        g1.resize(24, 0xee);
        g1.extend(guest_cmsg(0, 8, &[1, 2, 3, 4, 5]));
        let h = cmsgs_to_host(&g1).unwrap();
        let hdr = host_cmsg_len(0);
        assert_eq!(h.len(), host_cmsg_space(4) + host_cmsg_space(5));
        let b = h.as_bytes();
        let h0: libc::cmsghdr = unsafe { core::ptr::read_unaligned(b.as_ptr().cast()) };
        assert_eq!((h0.cmsg_len as usize, h0.cmsg_level, h0.cmsg_type), (hdr + 4, 1, 1));
        assert_eq!(&b[hdr..hdr + 4], &7i32.to_ne_bytes());
        let o = host_cmsg_space(4);
        let h1: libc::cmsghdr = unsafe { core::ptr::read_unaligned(b[o..].as_ptr().cast()) };
        assert_eq!((h1.cmsg_len as usize, h1.cmsg_level, h1.cmsg_type), (hdr + 5, 0, 8));
        assert_eq!(&b[o + hdr..o + hdr + 5], &[1, 2, 3, 4, 5]);

        // And back: same messages, guest layout (padding of the last one included).
        let r = cmsgs_from_host(b, 128);
        assert!(!r.truncated && r.dropped_fds.is_empty());
        let mut want = guest_cmsg(1, 1, &7i32.to_ne_bytes());
        want.resize(24, 0);
        want.extend(guest_cmsg(0, 8, &[1, 2, 3, 4, 5]));
        want.resize(48, 0);
        assert_eq!(r.bytes, want);
        // Room for the first message and a truncated second one.
        let r = cmsgs_from_host(b, 24 + 18);
        assert!(r.truncated);
        assert_eq!(r.bytes.len(), 42);
        assert_eq!(&r.bytes[24..28], &18u32.to_ne_bytes());
        assert_eq!(&r.bytes[40..42], &[1, 2]);
        // No room for the second header: dropped.
        let r = cmsgs_from_host(b, 30);
        assert!(r.truncated);
        assert_eq!(r.bytes.len(), 24);
    }

    #[test]
    fn malformed_control_is_einval() {
        let sv = socketpair();
        let mut ctl = HostCmsgBuf::malformed();
        let mut byte = [b'x'];
        let mut iov = libc::iovec { iov_base: byte.as_mut_ptr().cast(), iov_len: 1 };
        let mut msg: libc::msghdr = unsafe { core::mem::zeroed() };
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = ctl.as_mut_ptr();
        msg.msg_controllen = ctl.len() as _;
        assert_eq!(unsafe { libc::sendmsg(sv[0], &msg, 0) }, -1);
        assert_eq!(std::io::Error::last_os_error().raw_os_error(), Some(libc::EINVAL));
        unsafe {
            libc::close(sv[0]);
            libc::close(sv[1]);
        }
    }

    fn socketpair() -> [i32; 2] {
        let mut sv = [0i32; 2];
        assert_eq!(
            unsafe { libc::socketpair(libc::AF_UNIX, libc::SOCK_STREAM, 0, sv.as_mut_ptr()) },
            0
        );
        sv
    }

    /// Sends `fds` with SCM_RIGHTS (guest layout converted to host), receives with a
    /// guest control buffer of `cap` bytes.
    fn pass_fds(fds: &[i32], cap: usize) -> GuestCmsgs {
        let sv = socketpair();
        let payload: Vec<u8> = fds.iter().flat_map(|f| f.to_ne_bytes()).collect();
        let mut ctl = cmsgs_to_host(&guest_cmsg(libc::SOL_SOCKET, libc::SCM_RIGHTS, &payload)).unwrap();
        let mut byte = [b'x'];
        let mut iov = libc::iovec { iov_base: byte.as_mut_ptr().cast(), iov_len: 1 };
        let mut msg: libc::msghdr = unsafe { core::mem::zeroed() };
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = ctl.as_mut_ptr();
        msg.msg_controllen = ctl.len() as _;
        assert_eq!(unsafe { libc::sendmsg(sv[0], &msg, 0) }, 1);
        let mut rctl = HostCmsgBuf::zeroed(cap);
        let mut msg: libc::msghdr = unsafe { core::mem::zeroed() };
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = rctl.as_mut_ptr();
        msg.msg_controllen = rctl.len() as _;
        assert_eq!(unsafe { libc::recvmsg(sv[1], &mut msg, 0) }, 1);
        rctl.truncate(msg.msg_controllen as usize);
        let mut r = cmsgs_from_host(rctl.as_bytes(), cap);
        r.truncated |= msg.msg_flags & libc::MSG_CTRUNC != 0;
        unsafe {
            libc::close(sv[0]);
            libc::close(sv[1]);
        }
        r
    }

    fn received_fds(r: &GuestCmsgs) -> Vec<i32> {
        if r.bytes.is_empty() {
            return vec![];
        }
        let h = guest::Cmsghdr::read_from(&r.bytes).unwrap();
        assert_eq!((h.cmsg_level, h.cmsg_type, h.__pad), (libc::SOL_SOCKET, libc::SCM_RIGHTS, 0));
        r.bytes[16..h.cmsg_len as usize]
            .chunks_exact(4)
            .map(|c| i32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    }

    #[test]
    fn scm_rights_through_kernel() {
        let mut p = [0i32; 2];
        assert_eq!(unsafe { libc::pipe(p.as_mut_ptr()) }, 0);
        // Plenty of room: both descriptors arrive, controllen = guest CMSG_SPACE(8) = 24.
        let r = pass_fds(&p, 128);
        assert!(!r.truncated);
        assert_eq!(r.bytes.len(), 24);
        let got = received_fds(&r);
        assert_eq!(got.len(), 2);
        for fd in got {
            assert!(unsafe { libc::fcntl(fd, libc::F_GETFD) } >= 0);
            unsafe { libc::close(fd) };
        }
        // Room for one descriptor (musl's CMSG_SPACE(4) = 20).
        let r = pass_fds(&p, 20);
        assert!(r.truncated);
        assert_eq!(r.bytes.len(), 20);
        let got = received_fds(&r);
        assert_eq!(got.len(), 1);
        for fd in got.iter().chain(&r.dropped_fds) {
            unsafe { libc::close(*fd) };
        }
        // Header only: nothing delivered.
        let r = pass_fds(&p, 16);
        assert!(r.truncated);
        assert!(r.bytes.is_empty());
        for fd in &r.dropped_fds {
            unsafe { libc::close(*fd) };
        }
        unsafe {
            libc::close(p[0]);
            libc::close(p[1]);
        }
    }

    #[test]
    fn timestamp_payload_is_guest_sized() {
        let tv = libc::timeval { tv_sec: 1_700_000_000, tv_usec: 123_456 };
        // SAFETY: timeval is plain integers without padding on Linux hosts.
        let bytes = unsafe {
            core::slice::from_raw_parts((&tv as *const libc::timeval).cast::<u8>(), size_of::<libc::timeval>())
        };
        let g = cmsg_payload_from_host(g::SOL_SOCKET, g::SO_TIMESTAMP, bytes);
        let gt = guest::Timeval::read_from(&g).unwrap();
        assert_eq!((g.len(), gt.tv_sec, gt.tv_usec), (16, 1_700_000_000, 123_456));
        assert_eq!(cmsg_payload_from_host(0, g::SO_TIMESTAMP, &[1, 2, 3]), vec![1, 2, 3]);
    }
}

// ---------------------------------------------------------------------------------------
// signals

/// `rt_sigtimedwait` taking a host `libc::timespec` (`rt_sigtimedwait_time64` where
/// `time_t` is 64-bit on a 32-bit host). Called raw: glibc's wrapper turns the kernel's
/// `SI_TKILL` into `SI_USER`.
#[cfg(target_pointer_width = "64")]
pub const HOST_SYS_RT_SIGTIMEDWAIT: libc::c_long = libc::SYS_rt_sigtimedwait;
#[cfg(target_pointer_width = "32")]
pub const HOST_SYS_RT_SIGTIMEDWAIT: libc::c_long =
    if size_of::<libc::time_t>() == 8 { 421 } else { libc::SYS_rt_sigtimedwait };

/// Host `siginfo_t` to guest ([`guest::Siginfo`]): number, errno, code and the union
/// words a guest can use. Fault addresses (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP from
/// the hardware) are host addresses and become 0. Reads integers only, allocates
/// nothing: callable from a signal handler.
pub fn siginfo_from_host(h: &libc::siginfo_t) -> guest::Siginfo {
    const SI_QUEUE: i32 = -1;
    const SI_TIMER: i32 = -2;
    const SI_MESGQ: i32 = -3;
    const SI_ASYNCIO: i32 = -4;
    let mut g = guest::Siginfo {
        si_signo: h.si_signo,
        si_errno: h.si_errno,
        si_code: h.si_code,
        ..Default::default()
    };
    let fault = matches!(h.si_signo, libc::SIGSEGV | libc::SIGBUS | libc::SIGILL | libc::SIGFPE | libc::SIGTRAP);
    if h.si_code > 0 && fault {
        return g;
    }
    // SAFETY: every variant of the union the accessors read starts with two 32-bit
    // integers followed by an int-sized word (the kernel zero-fills the rest).
    unsafe {
        g.si_pid = h.si_pid();
        g.si_uid = h.si_uid();
        if h.si_signo == libc::SIGCHLD && h.si_code > 0 {
            g.si_status = h.si_status();
            g.si_utime = h.si_utime().sext();
            g.si_stime = h.si_stime().sext();
        } else if h.si_signo == libc::SIGIO && h.si_code > 0 {
            // {long si_band; int si_fd}, the band one host long.
            #[cfg(target_pointer_width = "64")]
            let (band, fd) = ((u64::from(h.si_uid()) << 32 | u64::from(h.si_pid() as u32)) as i64, h.si_status());
            #[cfg(target_pointer_width = "32")]
            let (band, fd) = (i64::from(h.si_pid()), h.si_uid() as i32);
            g.si_pid = band as i32;
            g.si_uid = (band >> 32) as u32;
            g.si_status = fd;
        } else if matches!(h.si_code, SI_QUEUE | SI_TIMER | SI_MESGQ | SI_ASYNCIO) {
            g.si_status = h.si_value().sival_ptr as usize as i32;
        }
    }
    g
}

#[cfg(test)]
mod signal_tests {
    use super::*;

    /// Send `sig` to this thread with `send` while it is blocked, and take it back with
    /// sigtimedwait: a real siginfo from the kernel.
    fn round_trip(sig: i32, send: impl FnOnce()) -> libc::siginfo_t {
        // SAFETY: plain signal-mask calls on this thread; the signal stays blocked until
        // sigtimedwait takes it, so no handler ever runs.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            let mut old: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, sig);
            assert_eq!(libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old), 0);
            send();
            let mut info: libc::siginfo_t = std::mem::zeroed();
            let t = libc::timespec { tv_sec: 5, tv_nsec: 0 };
            let kset: u64 = 1 << (sig - 1);
            let r = libc::syscall(HOST_SYS_RT_SIGTIMEDWAIT, &kset, &mut info, &t, 8);
            libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
            assert_eq!(r, sig as libc::c_long);
            info
        }
    }

    #[test]
    fn siginfo_of_tkill_and_sigqueue() {
        use crate::guest::Pod;
        let (pid, tid, uid) = unsafe { (libc::getpid(), libc::gettid(), libc::getuid()) };
        let h = round_trip(libc::SIGUSR1, || {
            assert_eq!(unsafe { libc::syscall(libc::SYS_tgkill, pid, tid, libc::SIGUSR1) }, 0);
        });
        let g = siginfo_from_host(&h);
        assert_eq!((g.si_signo, g.si_code, g.si_pid, g.si_uid), (libc::SIGUSR1, g::SI_TKILL, pid, uid));
        let b = g.as_bytes();
        assert_eq!(b.len(), 128);
        assert_eq!(&b[16..20], &pid.to_le_bytes());

        // A queued signal carries a value: its int is at offset 24.
        let h = round_trip(libc::SIGUSR2, || {
            // SAFETY: a zeroed siginfo filled with the fields rt_tgsigqueueinfo reads.
            let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
            info.si_signo = libc::SIGUSR2;
            info.si_code = -1; // SI_QUEUE
            let words = &mut info as *mut libc::siginfo_t as *mut i32;
            let union = if cfg!(target_pointer_width = "64") { 4 } else { 3 };
            // SAFETY: in bounds of the 128-byte siginfo: pid, uid, value.
            unsafe {
                *words.add(union) = pid;
                *words.add(union + 1) = uid as i32;
                *words.add(union + 2) = 4242;
            }
            let r = unsafe { libc::syscall(libc::SYS_rt_tgsigqueueinfo, pid, tid, libc::SIGUSR2, &info) };
            assert_eq!(r, 0);
        });
        let g = siginfo_from_host(&h);
        assert_eq!((g.si_code, g.si_pid, g.si_status), (-1, pid, 4242));
        assert_eq!(&g.as_bytes()[24..28], &4242i32.to_le_bytes());
    }
}
