//! Sockets.
//!
//! Socket addresses (`sockaddr_in`, `sockaddr_in6`, `sockaddr_un`, ...) and nearly all
//! option values have the same bytes in the guest and on every host, so the kernel
//! reads and writes them in guest memory, through [`Mem::kernel_buf`] (an inaccessible
//! guest range becomes an address the kernel rejects with EFAULT, in the native order).
//! Lengths (`socklen_t *`) are copied in and out, so the kernel never writes more than
//! the checked range. `msghdr`, `iovec` and control messages contain guest pointers or
//! `size_t`s and are rebuilt for the host (control messages through
//! `wali_abi::convert::cmsgs_*`).
//!
//! Where data would be consumed (accept, recvfrom, recvmsg), the buffers that
//! wali-run itself writes afterwards are checked first, so a bad one costs no data:
//! EFAULT, after EBADF/ENOTSOCK like the kernel.

use super::fd::{fd_pair_writable, store_fd_pair};
use super::{Cx, Errno, SysResult, cvt};
use crate::memory::{Access, KERNEL_REJECTED_ADDR, Mem};
use std::mem::offset_of;
use wali_abi::convert;
use wali_abi::guest::{self, Pod, consts as g};

/// The largest socket address (`sizeof(struct sockaddr_storage)`); the kernel
/// never reads or writes more of an address buffer.
const SOCKADDR_MAX: u32 = size_of::<libc::sockaddr_storage>() as u32;

/// `e`, unless `fd` is not an open socket: then EBADF or ENOTSOCK, which the kernel
/// reports first.
fn sock_err(fd: i32, e: Errno) -> Errno {
    let mut ty = 0i32;
    let mut len = size_of::<i32>() as libc::socklen_t;
    let ty_ptr: *mut i32 = &mut ty;
    let r = unsafe { libc::getsockopt(fd, libc::SOL_SOCKET, libc::SO_TYPE, ty_ptr.cast(), &mut len) };
    if r == -1 { Errno::last() } else { e }
}

/// How much of a guest address buffer of `len` bytes the kernel may write.
fn addr_room(len: u32) -> usize {
    if (len as i32) < 0 { 0 } else { len.min(SOCKADDR_MAX) as usize }
}

/// A `(sockaddr *, socklen_t *)` pair the kernel fills in: the address in guest
/// memory, the length in a local copy written back by [`AddrOut::store`].
struct AddrOut {
    addr: *mut libc::sockaddr,
    len: libc::socklen_t,
    len_ptr: u32,
    /// The guest length could not be read: the kernel gets a rejected pointer.
    bad_len: bool,
}

impl AddrOut {
    /// For calls without side effects (getsockname, getpeername): bad pointers go to
    /// the kernel as rejected addresses.
    fn lazy(mem: &Mem<'_>, addr: u32, len_ptr: u32) -> AddrOut {
        match mem.read::<u32>(len_ptr) {
            Ok(len) => AddrOut { addr: mem.kernel_buf(addr, addr_room(len), Access::Write).ptr.cast(), len, len_ptr, bad_len: false },
            Err(_) => AddrOut { addr: mem.kernel_buf(addr, 0, Access::Write).ptr.cast(), len: 0, len_ptr, bad_len: true },
        }
    }

    /// For calls that consume data (accept, recvfrom): `None` when `addr` is NULL (no
    /// address wanted). Bad guest buffers go to the kernel as rejected addresses, so
    /// it consumes the connection or datagram and then fails with EFAULT, as natively
    /// (and stores nothing, with no error, when it has no address to give).
    fn wanted(mem: &Mem<'_>, addr: u32, len_ptr: u32) -> Option<AddrOut> {
        (addr != 0).then(|| AddrOut::lazy(mem, addr, len_ptr))
    }

    fn len_ptr(&mut self) -> *mut libc::socklen_t {
        if self.bad_len { KERNEL_REJECTED_ADDR.cast() } else { &mut self.len }
    }

    /// Write back the address length the kernel reported.
    fn store(&self, mem: &Mem<'_>) -> Result<(), Errno> {
        mem.write(self.len_ptr, &self.len)
    }
}

/// socket(domain, type, protocol): SOCK_NONBLOCK/SOCK_CLOEXEC are the same on every host.
pub fn socket(_cx: &mut Cx<'_, '_>, domain: i32, ty: i32, protocol: i32) -> SysResult {
    cvt(unsafe { libc::socket(domain, ty, protocol) })
}

/// socketpair(domain, type, protocol, sv): a connected pair stored at guest `sv`. A
/// bad `sv` goes to the kernel as a rejected address (it creates and frees the pair:
/// EFAULT after its other checks, and no descriptor is ever visible).
pub fn socketpair(cx: &mut Cx<'_, '_>, domain: i32, ty: i32, protocol: i32, sv: u32) -> SysResult {
    let mem = cx.mem();
    if !fd_pair_writable(&mem, sv) {
        return cvt(unsafe { libc::socketpair(domain, ty, protocol, KERNEL_REJECTED_ADDR.cast()) });
    }
    let mut fds = [-1i32; 2];
    cvt(unsafe { libc::socketpair(domain, ty, protocol, fds.as_mut_ptr()) })?;
    store_fd_pair(&mem, sv, fds)
}

/// bind(fd, addr, len): give the socket a local address.
pub fn bind(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    let a = cx.mem().kernel_buf(addr, len as usize, Access::Read).ptr;
    cvt(unsafe { libc::bind(fd, a.cast(), len) })
}

/// connect(fd, addr, len): connect to a peer.
pub fn connect(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    let a = cx.mem().kernel_buf(addr, len as usize, Access::Read).ptr;
    cvt(unsafe { libc::connect(fd, a.cast(), len) })
}

/// listen(fd, backlog): accept connections.
pub fn listen(_cx: &mut Cx<'_, '_>, fd: i32, backlog: i32) -> SysResult {
    cvt(unsafe { libc::listen(fd, backlog) })
}

/// accept(fd, addr, len): accept4 without flags.
pub fn accept(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    accept4(cx, fd, addr, len, 0)
}

/// accept4(fd, addr, len, flags): take a connection; the peer address is stored at
/// `addr` (truncated to `*len`) and its full length at `len`.
pub fn accept4(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32, flags: i32) -> SysResult {
    let mem = cx.mem();
    let mut out = AddrOut::wanted(&mem, addr, len);
    let (a, l) = match &mut out {
        Some(o) => (o.addr, o.len_ptr()),
        None => (std::ptr::null_mut(), std::ptr::null_mut()),
    };
    let r = cvt(unsafe { libc::accept4(fd, a, l, flags) })?;
    if let Some(o) = &out
        && let Err(e) = o.store(&mem)
    {
        unsafe { libc::close(r as i32) };
        return Err(e.into());
    }
    Ok(r)
}

/// getsockname(fd, addr, len): the socket's local address (like accept's).
pub fn getsockname(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    let mem = cx.mem();
    let mut out = AddrOut::lazy(&mem, addr, len);
    let r = cvt(unsafe { libc::getsockname(fd, out.addr, out.len_ptr()) })?;
    out.store(&mem)?;
    Ok(r)
}

/// getpeername(fd, addr, len): the connected peer's address.
pub fn getpeername(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    let mem = cx.mem();
    let mut out = AddrOut::lazy(&mem, addr, len);
    let r = cvt(unsafe { libc::getpeername(fd, out.addr, out.len_ptr()) })?;
    out.store(&mem)?;
    Ok(r)
}

/// sendto(fd, buf, len, flags, addr, addrlen): send, to `addr` if it is not NULL.
pub fn sendto(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, len: u32, flags: i32, addr: u32, addrlen: u32) -> SysResult {
    let mem = cx.mem();
    let b = mem.kernel_buf(buf, len as usize, Access::Read).ptr;
    let a = if addr == 0 { std::ptr::null_mut() } else { mem.kernel_buf(addr, addrlen as usize, Access::Read).ptr };
    cvt(unsafe { libc::sendto(fd, b.cast(), len as usize, flags, a.cast(), addrlen) } as i64)
}

/// recvfrom(fd, buf, len, flags, addr, addrlen): receive; the source address is
/// stored like accept's.
pub fn recvfrom(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, len: u32, flags: i32, addr: u32, addrlen: u32) -> SysResult {
    let mem = cx.mem();
    let b = mem.kernel_buf(buf, len as usize, Access::Write).ptr;
    let mut out = AddrOut::wanted(&mem, addr, addrlen);
    let (a, l) = match &mut out {
        Some(o) => (o.addr, o.len_ptr()),
        None => (std::ptr::null_mut(), std::ptr::null_mut()),
    };
    let r = cvt(unsafe { libc::recvfrom(fd, b.cast(), len as usize, flags, a, l) } as i64)?;
    if let Some(o) = &out {
        o.store(&mem)?;
    }
    Ok(r)
}

/// A guest `msghdr` rebuilt for the host: iovecs and control messages converted, the
/// name used in place.
struct HostMsg {
    hdr: guest::Msghdr,
    /// `None`: a count the kernel refuses before reading the array (EMSGSIZE), or an
    /// unreadable array; the kernel gets a rejected address.
    iov: Option<Vec<libc::iovec>>,
    control: convert::HostCmsgBuf,
    /// Host `msg_control` when it is not `control` (guest NULL, or a rejected address).
    control_ptr: Option<*mut libc::c_void>,
    name: *mut libc::c_void,
}

impl HostMsg {
    /// The parts of `hdr` the kernel reads in place: name and iovecs (`access` is the
    /// kernel's access to the data).
    fn new(mem: &Mem<'_>, hdr: guest::Msghdr, access: Access) -> HostMsg {
        let name = match hdr.msg_name {
            0 => std::ptr::null_mut(),
            p => mem.kernel_buf(p, addr_room(hdr.msg_namelen), access).ptr.cast(),
        };
        let iov = mem.kernel_iovecs(hdr.msg_iov, hdr.msg_iovlen as u32, access);
        HostMsg { hdr, iov, control: convert::HostCmsgBuf::zeroed(0), control_ptr: None, name }
    }

    /// The host `msghdr` pointing into `self`.
    fn host(&mut self) -> libc::msghdr {
        let mut m: libc::msghdr = unsafe { std::mem::zeroed() };
        m.msg_name = self.name;
        m.msg_namelen = self.hdr.msg_namelen;
        m.msg_iov = self.iov.as_mut().map_or(KERNEL_REJECTED_ADDR.cast(), |v| v.as_mut_ptr());
        m.msg_iovlen = self.hdr.msg_iovlen as u32 as _;
        match self.control_ptr {
            Some(p) => {
                m.msg_control = p;
                m.msg_controllen = self.hdr.msg_controllen as _;
            }
            None => {
                m.msg_control = self.control.as_mut_ptr();
                m.msg_controllen = self.control.len() as _;
            }
        }
        m
    }
}

/// sendmsg(fd, msg, flags): send from a guest `msghdr` (36 B): name and data used in
/// place, iovecs and control messages converted.
pub fn sendmsg(cx: &mut Cx<'_, '_>, fd: i32, msg: u32, flags: i32) -> SysResult {
    let mem = cx.mem();
    let Some(hdr) = mem.read_opt::<guest::Msghdr>(msg).ok().flatten() else {
        return cvt(unsafe { libc::sendmsg(fd, KERNEL_REJECTED_ADDR.cast(), flags) } as i64);
    };
    let mut hm = HostMsg::new(&mem, hdr, Access::Read);
    let len = hdr.msg_controllen;
    let bytes = match (hdr.msg_control, len) {
        (_, 0) => None,
        // Too long (ENOBUFS) or unreadable (EFAULT): left for the kernel to refuse.
        (_, 0x8000_0000..) | (0, _) => Some(Err(Errno::EFAULT)),
        (p, n) => Some(mem.read_bytes(p, n as usize)),
    };
    match bytes {
        None => {}
        Some(Ok(b)) => hm.control = convert::cmsgs_to_host(&b).unwrap_or_else(|_| convert::HostCmsgBuf::malformed()),
        Some(Err(_)) => hm.control_ptr = Some(KERNEL_REJECTED_ADDR.cast()),
    }
    let m = hm.host();
    cvt(unsafe { libc::sendmsg(fd, &m, flags) } as i64)
}

/// recvmsg(fd, msg, flags): receive into a guest `msghdr`, then write back
/// `msg_namelen` (if `msg_name` is set), `msg_controllen` (of the guest-layout control
/// messages) and `msg_flags`, like the kernel. Descriptors received with SCM_RIGHTS
/// that do not fit the guest's control buffer are closed, with MSG_CTRUNC.
pub fn recvmsg(cx: &mut Cx<'_, '_>, fd: i32, msg: u32, flags: i32) -> SysResult {
    let mem = cx.mem();
    let Some(hdr) = mem.read_opt::<guest::Msghdr>(msg).ok().flatten() else {
        return cvt(unsafe { libc::recvmsg(fd, KERNEL_REJECTED_ADDR.cast(), flags) } as i64);
    };
    // What wali-run writes after the call must be writable before data is consumed.
    let fault = || sock_err(fd, Errno::EFAULT);
    let writable = |p: u32, n: usize| n == 0 || mem.buf(p, n, Access::Write).is_ok();
    if !writable(msg, size_of::<guest::Msghdr>())
        || (hdr.msg_name != 0 && !writable(hdr.msg_name, addr_room(hdr.msg_namelen)))
        || (hdr.msg_control != 0 && !writable(hdr.msg_control, hdr.msg_controllen as usize))
    {
        return Err(fault().into());
    }
    let mut hm = HostMsg::new(&mem, hdr, Access::Write);
    if hdr.msg_control == 0 {
        hm.control_ptr = Some(std::ptr::null_mut());
    } else {
        hm.control = convert::HostCmsgBuf::zeroed(hdr.msg_controllen as usize);
    }
    let mut m = hm.host();
    let r = cvt(unsafe { libc::recvmsg(fd, &mut m, flags) } as i64)?;
    let mut out_flags = m.msg_flags;
    if hdr.msg_name != 0 {
        mem.write(msg + offset_of!(guest::Msghdr, msg_namelen) as u32, &m.msg_namelen)?;
    }
    let mut controllen = 0u32;
    if hm.control_ptr.is_none() && !hm.control.is_empty() {
        hm.control.truncate(m.msg_controllen);
        let cm = convert::cmsgs_from_host(hm.control.as_bytes(), hdr.msg_controllen as usize);
        for fd in &cm.dropped_fds {
            unsafe { libc::close(*fd) };
        }
        if cm.truncated {
            out_flags |= g::MSG_CTRUNC;
        }
        mem.write_bytes(hdr.msg_control, &cm.bytes)?;
        controllen = cm.bytes.len() as u32;
    }
    mem.write(msg + offset_of!(guest::Msghdr, msg_controllen) as u32, &controllen)?;
    mem.write(msg + offset_of!(guest::Msghdr, msg_flags) as u32, &out_flags)?;
    Ok(r)
}

/// shutdown(fd, how): shut down reading, writing or both.
pub fn shutdown(_cx: &mut Cx<'_, '_>, fd: i32, how: i32) -> SysResult {
    cvt(unsafe { libc::shutdown(fd, how) })
}

/// SO_RCVTIMEO/SO_SNDTIMEO on a 32-bit host, whose `timeval` differs from the guest's.
fn is_host_timeval_opt(level: i32, name: i32) -> bool {
    cfg!(target_pointer_width = "32") && level == g::SOL_SOCKET && (name == g::SO_RCVTIMEO || name == g::SO_SNDTIMEO)
}

/// setsockopt(fd, level, name, val, len): the option value is used in place (its
/// layout is the host's), except timeouts on 32-bit hosts (guest 16-byte `timeval`).
pub fn setsockopt(cx: &mut Cx<'_, '_>, fd: i32, level: i32, name: i32, val: u32, len: u32) -> SysResult {
    let mem = cx.mem();
    if is_host_timeval_opt(level, name) && len as usize >= size_of::<guest::Timeval>() {
        let mut gtv = guest::Timeval::default();
        let p = mem.kernel_in(val, &mut gtv);
        let tv = convert::timeval_to_host(&gtv).map_err(Errno)?;
        let tv_ptr: *const libc::timeval = if p == KERNEL_REJECTED_ADDR.cast() { KERNEL_REJECTED_ADDR.cast() } else { &tv };
        return cvt(unsafe { libc::setsockopt(fd, level, name, tv_ptr.cast(), size_of::<libc::timeval>() as u32) });
    }
    let v = mem.kernel_buf(val, if (len as i32) < 0 { 0 } else { len as usize }, Access::Read).ptr;
    cvt(unsafe { libc::setsockopt(fd, level, name, v.cast(), len) })
}

/// getsockopt(fd, level, name, val, len): the value is written to `val` (at most
/// `*len` bytes) and its length to `len`; timeouts widened on 32-bit hosts.
pub fn getsockopt(cx: &mut Cx<'_, '_>, fd: i32, level: i32, name: i32, val: u32, len: u32) -> SysResult {
    let mem = cx.mem();
    let (cap, len_ok) = match mem.read::<u32>(len) {
        Ok(l) => (l, true),
        Err(_) => (0, false),
    };
    let room = if (cap as i32) < 0 { 0 } else { cap as usize };
    if is_host_timeval_opt(level, name) && len_ok {
        let mut tv: libc::timeval = unsafe { std::mem::zeroed() };
        let mut hlen = size_of::<libc::timeval>() as libc::socklen_t;
        let tv_ptr: *mut libc::timeval = &mut tv;
        let r = cvt(unsafe { libc::getsockopt(fd, level, name, tv_ptr.cast(), &mut hlen) })?;
        let gtv = convert::timeval_from_host(&tv);
        let n = size_of::<guest::Timeval>().min(room);
        // Nothing to copy is always fine, as in the kernel.
        if n > 0 {
            mem.write_bytes(val, &gtv.as_bytes()[..n])?;
        }
        mem.write(len, &(n as u32))?;
        return Ok(r);
    }
    let v = mem.kernel_buf(val, room, Access::Write).ptr;
    let mut l: libc::socklen_t = cap;
    let lp: *mut libc::socklen_t = if len_ok { &mut l } else { KERNEL_REJECTED_ADDR.cast() };
    let r = cvt(unsafe { libc::getsockopt(fd, level, name, v.cast(), lp) })?;
    mem.write(len, &l)?;
    Ok(r)
}
