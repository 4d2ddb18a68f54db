//! Process identity, credentials, limits, system information and exit.

use super::{Cx, Errno, SysResult};
use crate::kernel;
use crate::memory::{Access, AddressSpace, UserBuf};
use wali_abi::convert::{self, HostRlimit};
use wali_abi::guest;

/// Most supplementary groups a process can have (`NGROUPS_MAX`).
const NGROUPS_MAX: usize = 65536;

pub fn getpid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(kernel::process::getpid() as i64)
}
pub fn getppid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(kernel::process::getppid() as i64)
}
pub fn gettid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(kernel::process::gettid() as i64)
}
pub fn getuid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(kernel::process::getuid() as i64)
}
pub fn geteuid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(kernel::process::geteuid() as i64)
}
pub fn getgid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(kernel::process::getgid() as i64)
}
pub fn getegid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(kernel::process::getegid() as i64)
}
pub fn setuid(_cx: &mut Cx<'_, '_>, uid: u32) -> SysResult {
    kernel::process::setuid(uid)?;
    Ok(0)
}
pub fn setgid(_cx: &mut Cx<'_, '_>, gid: u32) -> SysResult {
    kernel::process::setgid(gid)?;
    Ok(0)
}
pub fn setreuid(_cx: &mut Cx<'_, '_>, ruid: u32, euid: u32) -> SysResult {
    kernel::process::setreuid(ruid, euid)?;
    Ok(0)
}
pub fn setregid(_cx: &mut Cx<'_, '_>, rgid: u32, egid: u32) -> SysResult {
    kernel::process::setregid(rgid, egid)?;
    Ok(0)
}
pub fn setresuid(_cx: &mut Cx<'_, '_>, r: u32, e: u32, s: u32) -> SysResult {
    kernel::process::setresuid(r, e, s)?;
    Ok(0)
}
pub fn setresgid(_cx: &mut Cx<'_, '_>, r: u32, e: u32, s: u32) -> SysResult {
    kernel::process::setresgid(r, e, s)?;
    Ok(0)
}

/// getgroups(size, list): with size 0 only counts. The host list holds at
/// most NGROUPS_MAX ids (no process has more), whatever size the guest gave.
pub fn getgroups(cx: &mut Cx<'_, '_>, size: i32, list: u32) -> SysResult {
    if size < 0 {
        return Err(Errno::EINVAL.into());
    }
    let mut groups = vec![0u32; (size as usize).min(NGROUPS_MAX)];
    let n = kernel::process::getgroups(&mut groups)?;
    if size > 0 {
        cx.mem().write_array(list, &groups[..n])?;
    }
    Ok(n as i64)
}

/// setgroups(size, list): gid_t is 32-bit everywhere, so the kernel reads the
/// guest array in place (or gets a rejected address, and checks the privilege
/// and the size before failing with EFAULT, as natively). Over NGROUPS_MAX,
/// the list is not looked at: the kernel refuses the size.
pub fn setgroups(cx: &mut Cx<'_, '_>, size: u32, list: u32) -> SysResult {
    let list = if size as usize > NGROUPS_MAX {
        UserBuf::rejected(0)
    } else {
        cx.mem().kernel_buf(list, size as usize * 4, Access::Read)
    };
    kernel::process::setgroups(size, list)?;
    Ok(0)
}

/// getresuid(ruid, euid, suid): three ids stored through guest pointers.
pub fn getresuid(cx: &mut Cx<'_, '_>, r: u32, e: u32, s: u32) -> SysResult {
    let ids = kernel::process::getresuid()?;
    store_ids(cx, [r, e, s], ids)
}

pub fn getresgid(cx: &mut Cx<'_, '_>, r: u32, e: u32, s: u32) -> SysResult {
    let ids = kernel::process::getresgid()?;
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
    Ok(kernel::process::setfsuid(uid) as i64)
}

pub fn setfsgid(_cx: &mut Cx<'_, '_>, gid: u32) -> SysResult {
    Ok(kernel::process::setfsgid(gid) as i64)
}

pub fn getpgrp(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(kernel::process::getpgrp() as i64)
}

/// getpriority(which, who): the kernel's value (20 - nice), which the guest
/// libc converts, not the host libc's.
pub fn getpriority(_cx: &mut Cx<'_, '_>, which: i32, who: u32) -> SysResult {
    Ok(kernel::process::getpriority(which, who)?)
}

pub fn setpriority(_cx: &mut Cx<'_, '_>, which: i32, who: u32, prio: i32) -> SysResult {
    kernel::process::setpriority(which, who, prio)?;
    Ok(0)
}

/// personality(persona): queries (0xffffffff) and setting the current value
/// only; other execution domains (e.g. READ_IMPLIES_EXEC, which would make
/// the runtime's own mappings executable) are refused with EINVAL.
pub fn personality(_cx: &mut Cx<'_, '_>, persona: u64) -> SysResult {
    const QUERY: u64 = 0xffff_ffff;
    let current = i64::from(kernel::process::personality()?);
    if persona == QUERY || persona == current as u64 {
        Ok(current)
    } else {
        Err(Errno::EINVAL.into())
    }
}

/// times(buf): the guest's `struct tms` is four 64-bit clock_t.
pub fn times(cx: &mut Cx<'_, '_>, buf: u32) -> SysResult {
    let (r, t) = kernel::process::times();
    if buf != 0 {
        let v = [t.tms_utime as i64, t.tms_stime as i64, t.tms_cutime as i64, t.tms_cstime as i64];
        cx.mem().write_array(buf, &v)?;
    }
    Ok(r)
}

/// getcpu(cpu, node, tcache): the ids stored where the guest asked.
pub fn getcpu(cx: &mut Cx<'_, '_>, cpu: u32, node: u32, _tcache: u32) -> SysResult {
    let (c, n) = kernel::process::getcpu()?;
    let mem = cx.mem();
    mem.write_opt(cpu, &c)?;
    mem.write_opt(node, &n)?;
    Ok(0)
}

pub fn getpgid(_cx: &mut Cx<'_, '_>, pid: i32) -> SysResult {
    Ok(kernel::process::getpgid(pid)? as i64)
}
pub fn setpgid(_cx: &mut Cx<'_, '_>, pid: i32, pgid: i32) -> SysResult {
    kernel::process::setpgid(pid, pgid)?;
    Ok(0)
}
pub fn getsid(_cx: &mut Cx<'_, '_>, pid: i32) -> SysResult {
    Ok(kernel::process::getsid(pid)? as i64)
}
pub fn setsid(_cx: &mut Cx<'_, '_>) -> SysResult {
    Ok(kernel::process::setsid()? as i64)
}

const RLIMIT_DATA: i32 = libc::RLIMIT_DATA as i32;
const RLIMIT_STACK: i32 = libc::RLIMIT_STACK as i32;
const RLIMIT_AS: i32 = libc::RLIMIT_AS as i32;

/// prlimit64(pid, resource, new, old): the one call behind all rlimit calls.
/// The calling process's stack, data and address-space limits are the
/// guest's own view (see below); the rest are the host's.
pub fn prlimit64(cx: &mut Cx<'_, '_>, pid: i32, resource: i32, new: u32, old: u32) -> SysResult {
    let mem = cx.mem();
    let new = mem.read_opt::<guest::Rlimit>(new)?.map(|r| convert::rlimit_to_host(&r));
    // Check the output pointer before changing anything.
    if old != 0 {
        mem.buf(old, size_of::<guest::Rlimit>(), Access::Write)?;
    }
    let own = pid == 0 || pid == kernel::process::getpid();
    let out = match resource {
        // wali-run raises its own stack limit for Wasm code; the guest sees
        // (and sets) the limit it would have natively.
        RLIMIT_STACK if own => {
            let view = crate::engine::guest_stack_limit();
            let out = kernel::process::prlimit(pid, resource, new.as_ref())?;
            if let Some(n) = &new {
                crate::engine::set_guest_stack_limit(n.rlim_cur, n.rlim_max);
            }
            view.map_or(out, |v| with_limit(out, v))
        }
        RLIMIT_AS | RLIMIT_DATA if own => guest_memory_limit(&cx.host().process.space, resource, new)?,
        _ => kernel::process::prlimit(pid, resource, new.as_ref())?,
    };
    if old != 0 {
        mem.write(old, &convert::rlimit_from_host(&out))?;
    }
    Ok(0)
}

/// `r` with the limits `(cur, max)`.
fn with_limit(mut r: HostRlimit, (cur, max): (u64, u64)) -> HostRlimit {
    r.rlim_cur = cur as _;
    r.rlim_max = max as _;
    r
}

/// RLIMIT_AS and RLIMIT_DATA of the calling process: checked as Linux checks
/// them and recorded by the address space, which applies them to the guest's
/// mappings and program break, but never applied to the host process (the
/// runtime's own allocations must not fail because the guest lowered them).
/// Returns the previous limit: the guest's, or the host's until it set one.
fn guest_memory_limit(space: &AddressSpace, resource: i32, new: Option<HostRlimit>) -> Result<HostRlimit, Errno> {
    let as_limit = resource == RLIMIT_AS;
    let host = kernel::process::prlimit(0, resource, None)?;
    let old = space.guest_rlimit(as_limit).map_or(host, |v| with_limit(host, v));
    if let Some(n) = new {
        if n.rlim_cur > n.rlim_max {
            return Err(Errno::EINVAL);
        }
        // Raising the hard limit takes CAP_SYS_RESOURCE (which root may lack,
        // in a container).
        if n.rlim_max > old.rlim_max && !kernel::process::has_capability(kernel::process::CAP_SYS_RESOURCE) {
            return Err(Errno::EPERM);
        }
        space.set_guest_rlimit(as_limit, (n.rlim_cur, n.rlim_max));
    }
    Ok(old)
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
    let ru = kernel::process::getrusage(who)?;
    cx.mem().write(usage, &convert::rusage_from_host(&ru))?;
    Ok(0)
}

pub fn uname(cx: &mut Cx<'_, '_>, buf: u32) -> SysResult {
    let u = kernel::process::uname()?;
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
    let si = kernel::process::sysinfo()?;
    cx.mem().write(info, &convert::sysinfo_from_host(&si))?;
    Ok(0)
}

pub fn getrandom(cx: &mut Cx<'_, '_>, buf: u32, len: u32, flags: u32) -> SysResult {
    let b = cx.mem().buf(buf, len as usize, Access::Write)?;
    Ok(kernel::process::getrandom(b, flags)? as i64)
}

/// prctl: the name options take a 16-byte buffer; options whose arguments are
/// plain integers are passed through; others are refused with EINVAL.
pub fn prctl(cx: &mut Cx<'_, '_>, option: i32, a2: u64, a3: u64, a4: u64, a5: u64) -> SysResult {
    match option {
        libc::PR_SET_NAME => {
            let name = cx.mem().cstring_max(a2 as u32, 4096)?;
            kernel::process::set_name(&name)?;
            Ok(0)
        }
        libc::PR_GET_NAME => {
            let b = cx.mem().buf(a2 as u32, 16, Access::Write)?;
            kernel::process::get_name(b)?;
            Ok(0)
        }
        // wali-run made itself non-dumpable at startup, so that other
        // processes cannot open its memory or trace it; the guest cannot undo
        // that. Its dumpable flag is its own view: set (0 or 1, other values
        // are invalid as natively) and read back, never applied to the host.
        libc::PR_SET_DUMPABLE => match a2 {
            0 | 1 => {
                cx.host().process.dumpable.store(a2 as i32, std::sync::atomic::Ordering::Relaxed);
                Ok(0)
            }
            _ => Err(Errno::EINVAL.into()),
        },
        libc::PR_GET_DUMPABLE => Ok(i64::from(cx.host().process.dumpable.load(std::sync::atomic::Ordering::Relaxed))),
        // An int result stored through the pointer in arg2.
        libc::PR_GET_PDEATHSIG | libc::PR_GET_CHILD_SUBREAPER => {
            let (r, v) = kernel::process::prctl_get_int(option)?;
            cx.mem().write(a2 as u32, &v)?;
            Ok(r as i64)
        }
        o if kernel::process::PRCTL_INTEGER_OPTIONS.contains(&o) => {
            Ok(kernel::process::prctl(option, a2, a3, a4, a5)? as i64)
        }
        _ => Err(Errno::EINVAL.into()),
    }
}

pub fn sched_yield(_cx: &mut Cx<'_, '_>) -> SysResult {
    kernel::thread::sched_yield()?;
    Ok(0)
}

/// sched_getaffinity(pid, size, mask): returns the size of the kernel mask
/// written. The kernel writes the guest's mask in place.
/// The mask is an array of the guest's 8-byte `unsigned long`s, so a size that
/// is not a multiple of 8 is EINVAL as on x86_64, even where the host's long
/// is 4 bytes.
pub fn sched_getaffinity(cx: &mut Cx<'_, '_>, pid: i32, size: u32, mask: u32) -> SysResult {
    if size % 8 != 0 {
        return Err(Errno::EINVAL.into());
    }
    let b = cx.mem().buf(mask, size as usize, Access::Write)?;
    Ok(kernel::thread::sched_getaffinity(pid, b)? as i64)
}
