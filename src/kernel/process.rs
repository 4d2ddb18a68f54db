//! Process identity, credentials, limits, system information, prctl and exit.

use super::{Errno, KERNEL_REJECTED_ADDR, UserBuf, cvt, cvt_long, cvt_size, cvt_unit};
use std::ffi::CStr;
use wali_abi::convert::HostRlimit;

/// getpid(2)
#[inline]
pub fn getpid() -> i32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::getpid() }
}

/// getppid(2)
pub fn getppid() -> i32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::getppid() }
}

/// gettid(2)
pub fn gettid() -> i32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::gettid() }
}

/// getuid(2)
pub fn getuid() -> u32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::getuid() }
}

/// geteuid(2)
pub fn geteuid() -> u32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::geteuid() }
}

/// getgid(2)
pub fn getgid() -> u32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::getgid() }
}

/// getegid(2)
pub fn getegid() -> u32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::getegid() }
}

/// setuid(2) (the C library applies it to every thread).
pub fn setuid(uid: u32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::setuid(uid) })
}

/// setgid(2)
pub fn setgid(gid: u32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::setgid(gid) })
}

/// setreuid(2)
pub fn setreuid(ruid: u32, euid: u32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::setreuid(ruid, euid) })
}

/// setregid(2)
pub fn setregid(rgid: u32, egid: u32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::setregid(rgid, egid) })
}

/// setresuid(2)
pub fn setresuid(r: u32, e: u32, s: u32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::setresuid(r, e, s) })
}

/// setresgid(2)
pub fn setresgid(r: u32, e: u32, s: u32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::setresgid(r, e, s) })
}

/// getresuid(2): (real, effective, saved).
pub fn getresuid() -> Result<[u32; 3], Errno> {
    let mut ids: [libc::uid_t; 3] = [0; 3];
    let [r, e, s] = &mut ids;
    // SAFETY: the kernel writes the three local ids.
    cvt_unit(unsafe { libc::getresuid(r, e, s) })?;
    Ok(ids)
}

/// getresgid(2): (real, effective, saved).
pub fn getresgid() -> Result<[u32; 3], Errno> {
    let mut ids: [libc::gid_t; 3] = [0; 3];
    let [r, e, s] = &mut ids;
    // SAFETY: the kernel writes the three local ids.
    cvt_unit(unsafe { libc::getresgid(r, e, s) })?;
    Ok(ids)
}

/// getgroups(2) into `list` (its length is the size passed; empty: only
/// count). Returns the number of groups.
pub fn getgroups(list: &mut [u32]) -> Result<usize, Errno> {
    let size = libc::c_int::try_from(list.len()).map_err(|_| Errno::EINVAL)?;
    // SAFETY: the kernel writes at most `size` ids into the borrowed slice.
    cvt(unsafe { libc::getgroups(size, list.as_mut_ptr()) }).map(|n| n as usize)
}

/// setgroups(2) with `size` ids read from `list` (`gid_t` is 32-bit on every
/// host, as in the guest). A `list` shorter than `size` ids is passed as a
/// rejected address, so the kernel checks the privilege and the size and then
/// fails with `EFAULT`.
pub fn setgroups(size: u32, list: UserBuf<'_>) -> Result<(), Errno> {
    let covered = (size as usize).checked_mul(size_of::<libc::gid_t>()).is_some_and(|n| n <= list.len());
    let ptr = if covered { list.ptr() } else { KERNEL_REJECTED_ADDR };
    // SAFETY: the kernel reads `size` ids from `ptr`, which covers them or is refused.
    cvt_unit(unsafe { libc::setgroups(size as libc::size_t, ptr.cast()) })
}

/// setfsuid(2): returns the previous fsuid (it has no error result).
pub fn setfsuid(uid: u32) -> i32 {
    // SAFETY: no memory arguments.
    unsafe { libc::setfsuid(uid) }
}

/// setfsgid(2): returns the previous fsgid.
pub fn setfsgid(gid: u32) -> i32 {
    // SAFETY: no memory arguments.
    unsafe { libc::setfsgid(gid) }
}

/// getpgrp(2)
pub fn getpgrp() -> i32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { libc::getpgrp() }
}

/// getpgid(2)
pub fn getpgid(pid: i32) -> Result<i32, Errno> {
    // SAFETY: no memory arguments.
    cvt(unsafe { libc::getpgid(pid) })
}

/// setpgid(2)
pub fn setpgid(pid: i32, pgid: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_unit(unsafe { libc::setpgid(pid, pgid) })
}

/// getsid(2)
pub fn getsid(pid: i32) -> Result<i32, Errno> {
    // SAFETY: no memory arguments.
    cvt(unsafe { libc::getsid(pid) })
}

/// setsid(2): the new session id.
pub fn setsid() -> Result<i32, Errno> {
    // SAFETY: no memory arguments.
    cvt(unsafe { libc::setsid() })
}

/// The raw getpriority(2) system call: the kernel's value (20 - nice), not
/// the C library's nice value.
pub fn getpriority(which: i32, who: u32) -> Result<i64, Errno> {
    // SAFETY: no memory arguments.
    cvt_long(unsafe { libc::syscall(libc::SYS_getpriority, which, who) })
}

/// setpriority(2)
pub fn setpriority(which: i32, who: u32, prio: i32) -> Result<(), Errno> {
    // SAFETY: no memory arguments.
    cvt_long(unsafe { libc::syscall(libc::SYS_setpriority, which, who, prio) }).map(drop)
}

/// personality(0xffffffff): the current execution domain (only queried: other
/// domains could change how the runtime's own memory is mapped).
pub fn personality() -> Result<i32, Errno> {
    // SAFETY: the query changes nothing.
    cvt(unsafe { libc::personality(0xffff_ffff) })
}

/// times(2): the clock ticks since an arbitrary point, and the process times.
pub fn times() -> (i64, libc::tms) {
    let mut t = libc::tms { tms_utime: 0, tms_stime: 0, tms_cutime: 0, tms_cstime: 0 };
    // SAFETY: the kernel writes the local struct.
    let r = unsafe { libc::times(&mut t) } as i64;
    (r, t)
}

/// getcpu(2): (cpu, node).
pub fn getcpu() -> Result<(u32, u32), Errno> {
    let (mut cpu, mut node) = (0u32, 0u32);
    // SAFETY: the kernel writes the two local integers; tcache is unused (NULL).
    cvt_long(unsafe { libc::syscall(libc::SYS_getcpu, &mut cpu, &mut node, 0usize) })?;
    Ok((cpu, node))
}

/// prlimit(2) with 64-bit limits (`prlimit64` on 32-bit hosts): sets `new`
/// if given, returns the previous limit.
pub fn prlimit(pid: i32, resource: i32, new: Option<&HostRlimit>) -> Result<HostRlimit, Errno> {
    let newp = new.map_or(std::ptr::null(), |r| r as *const HostRlimit);
    // SAFETY: all-zero is a valid rlimit (two integers).
    let mut old: HostRlimit = unsafe { std::mem::zeroed() };
    #[cfg(target_pointer_width = "64")]
    // SAFETY: the kernel reads `*newp` (live or NULL) and writes the local `old`.
    let r = unsafe { libc::prlimit(pid, resource as _, newp, &mut old) };
    #[cfg(target_pointer_width = "32")]
    // SAFETY: as above.
    let r = unsafe { libc::prlimit64(pid, resource as _, newp, &mut old) };
    cvt_unit(r)?;
    Ok(old)
}

/// `CAP_SYS_RESOURCE`: overriding resource limits (raising a hard limit).
pub const CAP_SYS_RESOURCE: u32 = 24;

/// Is capability `cap` in the calling thread's effective set (capget(2))?
/// `false` if it cannot be read.
pub fn has_capability(cap: u32) -> bool {
    #[repr(C)]
    struct Header {
        version: u32,
        pid: i32,
    }
    #[repr(C)]
    #[derive(Clone, Copy, Default)]
    struct Data {
        effective: u32,
        permitted: u32,
        inheritable: u32,
    }
    const LINUX_CAPABILITY_VERSION_3: u32 = 0x2008_0522;
    let mut header = Header { version: LINUX_CAPABILITY_VERSION_3, pid: 0 };
    let mut data = [Data::default(); 2];
    // SAFETY: version 3 makes the kernel write two Data structs, which `data` holds.
    let r = unsafe { libc::syscall(libc::SYS_capget, &mut header, data.as_mut_ptr()) };
    r == 0 && cap < 64 && data[(cap / 32) as usize].effective & (1 << (cap % 32)) != 0
}

/// getrusage(2)
pub fn getrusage(who: i32) -> Result<libc::rusage, Errno> {
    // SAFETY: rusage is made of integers; all-zero is valid.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the kernel writes the local struct.
    cvt_unit(unsafe { libc::getrusage(who, &mut ru) })?;
    Ok(ru)
}

/// uname(2)
pub fn uname() -> Result<libc::utsname, Errno> {
    // SAFETY: utsname is made of char arrays; all-zero is valid.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: the kernel writes the local struct.
    cvt_unit(unsafe { libc::uname(&mut u) })?;
    Ok(u)
}

/// sysinfo(2)
pub fn sysinfo() -> Result<libc::sysinfo, Errno> {
    // SAFETY: sysinfo is made of integers; all-zero is valid.
    let mut si: libc::sysinfo = unsafe { std::mem::zeroed() };
    // SAFETY: the kernel writes the local struct.
    cvt_unit(unsafe { libc::sysinfo(&mut si) })?;
    Ok(si)
}

/// getrandom(2) into `buf`.
pub fn getrandom(buf: UserBuf<'_>, flags: u32) -> Result<usize, Errno> {
    // SAFETY: buf is memory the kernel may write for this call.
    cvt_size(unsafe { libc::getrandom(buf.ptr().cast(), buf.len(), flags) })
}

/// prctl(PR_SET_NAME, name): the kernel copies at most 16 bytes.
pub fn set_name(name: &CStr) -> Result<(), Errno> {
    super::startup::set_name(name)
}

/// prctl(PR_GET_NAME, buf): the kernel writes 16 bytes; a shorter buffer is
/// refused with `EFAULT` without calling it.
pub fn get_name(buf: UserBuf<'_>) -> Result<(), Errno> {
    if buf.len() < 16 {
        return Err(Errno::EFAULT);
    }
    // SAFETY: the kernel writes 16 bytes of `buf`.
    cvt_unit(unsafe { libc::prctl(libc::PR_GET_NAME, buf.ptr()) })
}

/// The prctl options whose arguments are all plain integers (none is a
/// pointer), which [`prctl`] passes to the kernel. `PR_SET_DUMPABLE` is not
/// one: the runtime stays non-dumpable ([`super::startup::set_not_dumpable`]).
pub const PRCTL_INTEGER_OPTIONS: &[i32] = &[
    libc::PR_SET_PDEATHSIG,
    libc::PR_GET_DUMPABLE,
    libc::PR_SET_NO_NEW_PRIVS,
    libc::PR_GET_NO_NEW_PRIVS,
    libc::PR_SET_KEEPCAPS,
    libc::PR_GET_KEEPCAPS,
    libc::PR_SET_TIMERSLACK,
    libc::PR_GET_TIMERSLACK,
    libc::PR_SET_CHILD_SUBREAPER,
    libc::PR_GET_SECCOMP,
    libc::PR_CAPBSET_READ,
    libc::PR_GET_THP_DISABLE,
    libc::PR_SET_THP_DISABLE,
    libc::PR_MCE_KILL_GET,
];

/// prctl(option, a2, a3, a4, a5) for an option of [`PRCTL_INTEGER_OPTIONS`];
/// any other option is refused with `EINVAL` without calling the kernel.
pub fn prctl(option: i32, a2: u64, a3: u64, a4: u64, a5: u64) -> Result<i32, Errno> {
    if !PRCTL_INTEGER_OPTIONS.contains(&option) {
        return Err(Errno::EINVAL);
    }
    let l = |v: u64| v as libc::c_ulong;
    // SAFETY: the option takes integers only; the kernel dereferences nothing.
    cvt(unsafe { libc::prctl(option, l(a2), l(a3), l(a4), l(a5)) })
}

/// prctl(option, &int) for the options that store an `int` through their
/// second argument (`PR_GET_PDEATHSIG`, `PR_GET_CHILD_SUBREAPER`): returns
/// (the call's result, the int). Other options: `EINVAL`.
pub fn prctl_get_int(option: i32) -> Result<(i32, i32), Errno> {
    if option != libc::PR_GET_PDEATHSIG && option != libc::PR_GET_CHILD_SUBREAPER {
        return Err(Errno::EINVAL);
    }
    let mut v: libc::c_int = 0;
    // SAFETY: the kernel writes one int to the local.
    let r = cvt(unsafe { libc::prctl(option, &mut v as *mut libc::c_int) })?;
    Ok((r, v))
}

/// _exit(2): end the whole process now with `status & 0xff`, whatever the
/// other threads are doing (blocked in system calls included).
pub fn exit_now(status: i32) -> ! {
    // SAFETY: _exit ends the process without running anything else; the guest
    // flushed its own buffers and the host keeps none.
    unsafe { libc::_exit(status & 0xff) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn getgroups_counts_then_fills() {
        let n = getgroups(&mut []).unwrap();
        let mut list = vec![0u32; n];
        assert_eq!(getgroups(&mut list), Ok(n));
        if n > 0 {
            assert_eq!(getgroups(&mut list[..n - 1]), Err(Errno::EINVAL));
        }
    }

    #[test]
    fn short_setgroups_list_is_refused() {
        // Unprivileged: EPERM before the list is looked at; as root: EFAULT.
        let r = setgroups(2, UserBuf::host_mut(&mut [0; 4]));
        assert!(matches!(r, Err(Errno::EPERM) | Err(Errno::EFAULT)), "{r:?}");
    }

    #[test]
    fn prctl_refuses_pointer_options() {
        assert_eq!(prctl(libc::PR_SET_MM, 0, 0, 0, 0), Err(Errno::EINVAL));
        assert_eq!(prctl_get_int(libc::PR_GET_NAME), Err(Errno::EINVAL));
        assert_eq!(get_name(UserBuf::host_mut(&mut [0; 8])), Err(Errno::EFAULT));
        let mut name = [0u8; 16];
        assert_eq!(get_name(UserBuf::host_mut(&mut name)), Ok(()));
        assert!(name.contains(&0));
    }

    #[test]
    fn capabilities_are_read() {
        // Whoever runs the tests, a capability past the last one is never held.
        assert!(!has_capability(63));
        let _ = has_capability(CAP_SYS_RESOURCE);
    }

    #[test]
    fn prlimit_reads_own_limit() {
        let l = prlimit(0, libc::RLIMIT_NOFILE as i32, None).unwrap();
        assert!(l.rlim_cur <= l.rlim_max);
    }
}
