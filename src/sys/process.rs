//! Process identity, credentials, limits, system information and exit.

use super::{Cx, Errno, SysResult, cvt};
use crate::memory::{Access, KERNEL_REJECTED_ADDR};
use wali_abi::{convert, guest};

pub fn getpid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(unsafe { libc::getpid() } as i64)
}
pub fn getppid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(unsafe { libc::getppid() } as i64)
}
pub fn gettid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(unsafe { libc::gettid() } as i64)
}
pub fn getuid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(unsafe { libc::getuid() } as i64)
}
pub fn geteuid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(unsafe { libc::geteuid() } as i64)
}
pub fn getgid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(unsafe { libc::getgid() } as i64)
}
pub fn getegid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(unsafe { libc::getegid() } as i64)
}
pub fn setuid(_cx: &mut Cx<'_, '_>, uid: u32) -> SysResult {
    cvt(unsafe { libc::setuid(uid) })
}
pub fn setgid(_cx: &mut Cx<'_, '_>, gid: u32) -> SysResult {
    cvt(unsafe { libc::setgid(gid) })
}
pub fn setreuid(_cx: &mut Cx<'_, '_>, ruid: u32, euid: u32) -> SysResult {
    cvt(unsafe { libc::setreuid(ruid, euid) })
}
pub fn setregid(_cx: &mut Cx<'_, '_>, rgid: u32, egid: u32) -> SysResult {
    cvt(unsafe { libc::setregid(rgid, egid) })
}
pub fn setresuid(_cx: &mut Cx<'_, '_>, r: u32, e: u32, s: u32) -> SysResult {
    cvt(unsafe { libc::setresuid(r, e, s) })
}
pub fn setresgid(_cx: &mut Cx<'_, '_>, r: u32, e: u32, s: u32) -> SysResult {
    cvt(unsafe { libc::setresgid(r, e, s) })
}

/// getgroups(size, list): with size 0 only counts.
pub fn getgroups(cx: &mut Cx<'_, '_>, size: i32, list: u32) -> SysResult {
    if size < 0 {
        return Err(Errno::EINVAL.into());
    }
    let mut groups = vec![0 as libc::gid_t; size as usize];
    let n = cvt(unsafe { libc::getgroups(size, groups.as_mut_ptr()) })?;
    if size > 0 {
        cx.mem().write_array(list, &groups[..n as usize])?;
    }
    Ok(n)
}

/// setgroups(size, list): gid_t is 32-bit everywhere, so the kernel reads the
/// guest array in place (or gets a rejected address, and checks the privilege
/// and the size before failing with EFAULT, as natively).
pub fn setgroups(cx: &mut Cx<'_, '_>, size: u32, list: u32) -> SysResult {
    const NGROUPS_MAX: u32 = 65536;
    if size > NGROUPS_MAX {
        return cvt(unsafe { libc::setgroups(size as usize, KERNEL_REJECTED_ADDR.cast()) });
    }
    let b = cx.mem().kernel_buf(list, size as usize * 4, Access::Read);
    cvt(unsafe { libc::setgroups(size as usize, b.ptr.cast()) })
}

/// getresuid(ruid, euid, suid): three ids stored through guest pointers.
pub fn getresuid(cx: &mut Cx<'_, '_>, r: u32, e: u32, s: u32) -> SysResult {
    let mut ids: [libc::uid_t; 3] = [0; 3];
    cvt(unsafe { libc::getresuid(&mut ids[0], &mut ids[1], &mut ids[2]) })?;
    store_ids(cx, [r, e, s], ids)
}

pub fn getresgid(cx: &mut Cx<'_, '_>, r: u32, e: u32, s: u32) -> SysResult {
    let mut ids: [libc::gid_t; 3] = [0; 3];
    cvt(unsafe { libc::getresgid(&mut ids[0], &mut ids[1], &mut ids[2]) })?;
    store_ids(cx, [r, e, s], ids)
}

fn store_ids(cx: &Cx<'_, '_>, ptrs: [u32; 3], ids: [u32; 3]) -> SysResult {
    let mem = cx.mem();
    for (p, id) in ptrs.iter().zip(ids) {
        mem.write(*p, &id)?;
    }
    Ok(0)
}

pub fn setfsuid(_cx: &mut Cx<'_, '_>, uid: u32) -> SysResult {
    Ok(unsafe { libc::setfsuid(uid) } as i64)
}

pub fn setfsgid(_cx: &mut Cx<'_, '_>, gid: u32) -> SysResult {
    Ok(unsafe { libc::setfsgid(gid) } as i64)
}

pub fn getpgrp(_cx: &mut Cx<'_, '_>) -> SysResult {
    cvt(unsafe { libc::getpgrp() })
}

/// getpriority(which, who): the kernel's value (20 - nice), which the guest
/// libc converts, not the host libc's.
pub fn getpriority(_cx: &mut Cx<'_, '_>, which: i32, who: u32) -> SysResult {
    cvt(unsafe { libc::syscall(libc::SYS_getpriority, which, who) })
}

pub fn setpriority(_cx: &mut Cx<'_, '_>, which: i32, who: u32, prio: i32) -> SysResult {
    cvt(unsafe { libc::syscall(libc::SYS_setpriority, which, who, prio) })
}

/// personality(persona): queries (0xffffffff) and setting the current value
/// only; other execution domains (e.g. READ_IMPLIES_EXEC, which would make
/// the runtime's own mappings executable) are refused with EINVAL.
pub fn personality(_cx: &mut Cx<'_, '_>, persona: u64) -> SysResult {
    const QUERY: u64 = 0xffff_ffff;
    let current = cvt(unsafe { libc::personality(QUERY as libc::c_ulong) } as i64)?;
    if persona == QUERY || persona == current as u64 {
        Ok(current)
    } else {
        Err(Errno::EINVAL.into())
    }
}

/// times(buf): the guest's `struct tms` is four 64-bit clock_t.
pub fn times(cx: &mut Cx<'_, '_>, buf: u32) -> SysResult {
    // SAFETY: plain integers.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::times(&mut t) } as i64;
    if buf != 0 {
        let v = [t.tms_utime as i64, t.tms_stime as i64, t.tms_cutime as i64, t.tms_cstime as i64];
        cx.mem().write_array(buf, &v)?;
    }
    Ok(r)
}

/// getcpu(cpu, node, tcache): the ids stored where the guest asked.
pub fn getcpu(cx: &mut Cx<'_, '_>, cpu: u32, node: u32, _tcache: u32) -> SysResult {
    let (mut c, mut n) = (0u32, 0u32);
    cvt(unsafe { libc::syscall(libc::SYS_getcpu, &mut c, &mut n, 0usize) })?;
    let mem = cx.mem();
    mem.write_opt(cpu, &c)?;
    mem.write_opt(node, &n)?;
    Ok(0)
}

pub fn getpgid(_cx: &mut Cx<'_, '_>, pid: i32) -> SysResult {
    cvt(unsafe { libc::getpgid(pid) })
}
pub fn setpgid(_cx: &mut Cx<'_, '_>, pid: i32, pgid: i32) -> SysResult {
    cvt(unsafe { libc::setpgid(pid, pgid) })
}
pub fn getsid(_cx: &mut Cx<'_, '_>, pid: i32) -> SysResult {
    cvt(unsafe { libc::getsid(pid) })
}
pub fn setsid(_cx: &mut Cx<'_, '_>) -> SysResult {
    cvt(unsafe { libc::setsid() })
}

/// prlimit64(pid, resource, new, old): the one host call behind all rlimit calls.
pub fn prlimit64(cx: &mut Cx<'_, '_>, pid: i32, resource: i32, new: u32, old: u32) -> SysResult {
    let mem = cx.mem();
    let new = mem.read_opt::<guest::Rlimit>(new)?.map(|r| convert::rlimit_to_host(&r));
    let mut out: convert::HostRlimit = unsafe { std::mem::zeroed() };
    // Check the output pointer before changing anything.
    if old != 0 {
        mem.buf(old, size_of::<guest::Rlimit>(), Access::Write)?;
    }
    let newp = new.as_ref().map_or(std::ptr::null(), |r| r as *const _);
    // wali-run raises its own stack limit for Wasm code; the guest sees (and
    // sets) the limit it would have natively.
    let own_stack = resource == libc::RLIMIT_STACK as i32 && (pid == 0 || pid == unsafe { libc::getpid() });
    let view = if own_stack { crate::engine::guest_stack_limit() } else { None };
    cvt(unsafe { host_prlimit(pid, resource, newp, &mut out) })?;
    if let Some((cur, max)) = view {
        out.rlim_cur = cur as _;
        out.rlim_max = max as _;
    }
    if own_stack && let Some(n) = &new {
        crate::engine::set_guest_stack_limit(n.rlim_cur as u64, n.rlim_max as u64);
    }
    if old != 0 {
        mem.write(old, &convert::rlimit_from_host(&out))?;
    }
    Ok(0)
}

#[cfg(target_pointer_width = "64")]
unsafe fn host_prlimit(pid: i32, res: i32, new: *const convert::HostRlimit, old: *mut convert::HostRlimit) -> i32 {
    unsafe { libc::prlimit(pid, res as _, new, old) }
}
#[cfg(target_pointer_width = "32")]
unsafe fn host_prlimit(pid: i32, res: i32, new: *const convert::HostRlimit, old: *mut convert::HostRlimit) -> i32 {
    unsafe { libc::prlimit64(pid, res as _, new, old) }
}

pub fn getrlimit(cx: &mut Cx<'_, '_>, resource: i32, rlim: u32) -> SysResult {
    if rlim == 0 {
        return Err(Errno::EFAULT.into());
    }
    prlimit64(cx, 0, resource, 0, rlim)
}

pub fn setrlimit(cx: &mut Cx<'_, '_>, resource: i32, rlim: u32) -> SysResult {
    if rlim == 0 {
        return Err(Errno::EFAULT.into());
    }
    prlimit64(cx, 0, resource, rlim, 0)
}

pub fn getrusage(cx: &mut Cx<'_, '_>, who: i32, usage: u32) -> SysResult {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    cvt(unsafe { libc::getrusage(who, &mut ru) })?;
    cx.mem().write(usage, &convert::rusage_from_host(&ru))?;
    Ok(0)
}

pub fn uname(cx: &mut Cx<'_, '_>, buf: u32) -> SysResult {
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    cvt(unsafe { libc::uname(&mut u) })?;
    let mut g = guest::Utsname::default();
    let copy = |dst: &mut [u8; 65], src: &[libc::c_char]| {
        for (d, s) in dst.iter_mut().zip(src) {
            *d = *s as u8;
        }
    };
    copy(&mut g.sysname, &u.sysname);
    copy(&mut g.nodename, &u.nodename);
    copy(&mut g.release, &u.release);
    copy(&mut g.version, &u.version);
    copy(&mut g.machine, &u.machine);
    copy(&mut g.domainname, &u.domainname);
    cx.mem().write(buf, &g)?;
    Ok(0)
}

pub fn sysinfo(cx: &mut Cx<'_, '_>, info: u32) -> SysResult {
    let mut si: libc::sysinfo = unsafe { std::mem::zeroed() };
    cvt(unsafe { libc::sysinfo(&mut si) })?;
    cx.mem().write(info, &convert::sysinfo_from_host(&si))?;
    Ok(0)
}

pub fn getrandom(cx: &mut Cx<'_, '_>, buf: u32, len: u32, flags: u32) -> SysResult {
    let b = cx.mem().buf(buf, len as usize, Access::Write)?;
    cvt(unsafe { libc::getrandom(b.ptr.cast(), b.len, flags) } as i64)
}

/// prctl: the name options take a 16-byte buffer; options whose arguments are
/// plain integers are passed through; others are refused with EINVAL.
pub fn prctl(cx: &mut Cx<'_, '_>, option: i32, a2: u64, a3: u64, a4: u64, a5: u64) -> SysResult {
    match option {
        libc::PR_SET_NAME => {
            let name = cx.mem().cstring_max(a2 as u32, 4096)?;
            cvt(unsafe { libc::prctl(option, name.as_ptr()) })
        }
        libc::PR_GET_NAME => {
            let b = cx.mem().buf(a2 as u32, 16, Access::Write)?;
            cvt(unsafe { libc::prctl(option, b.ptr) })
        }
        libc::PR_SET_PDEATHSIG | libc::PR_SET_DUMPABLE | libc::PR_GET_DUMPABLE | libc::PR_SET_NO_NEW_PRIVS
        | libc::PR_GET_NO_NEW_PRIVS | libc::PR_SET_KEEPCAPS | libc::PR_GET_KEEPCAPS | libc::PR_SET_TIMERSLACK
        | libc::PR_GET_TIMERSLACK | libc::PR_SET_CHILD_SUBREAPER | libc::PR_GET_SECCOMP | libc::PR_CAPBSET_READ
        | libc::PR_GET_THP_DISABLE | libc::PR_SET_THP_DISABLE | libc::PR_MCE_KILL_GET => {
            let l = |v: u64| v as libc::c_ulong;
            cvt(unsafe { libc::prctl(option, l(a2), l(a3), l(a4), l(a5)) })
        }
        // An int result stored through the pointer in arg2.
        libc::PR_GET_PDEATHSIG | libc::PR_GET_CHILD_SUBREAPER => {
            let mut v: libc::c_int = 0;
            let r = cvt(unsafe { libc::prctl(option, &mut v as *mut libc::c_int) })?;
            cx.mem().write(a2 as u32, &v)?;
            Ok(r)
        }
        _ => Err(Errno::EINVAL.into()),
    }
}

pub fn sched_yield(_cx: &mut Cx<'_, '_>) -> SysResult {
    cvt(unsafe { libc::sched_yield() })
}

/// sched_getaffinity(pid, size, mask): returns the size of the kernel mask written.
pub fn sched_getaffinity(cx: &mut Cx<'_, '_>, pid: i32, size: u32, mask: u32) -> SysResult {
    let b = cx.mem().buf(mask, size as usize, Access::Write)?;
    cvt(unsafe { libc::syscall(libc::SYS_sched_getaffinity, pid, b.len, b.ptr) } as i64)
}
