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
use super::{Cx, Errno, SysResult};
use crate::kernel::fd as kfd;
use crate::kernel::net::{self, AddrOut, Msghdr, addr_room};
use crate::memory::{Access, In, Mem, Out, UserBuf};
use std::mem::offset_of;
use wali_abi::convert::{self, HostCmsgBuf};
use wali_abi::guest::{self, Pod, consts as g};

/// Most control-message bytes received by one recvmsg: far more than any the
/// kernel sends (SCM_RIGHTS carries at most 253 descriptors), so a larger guest
/// buffer only has room to spare.
const RECV_CONTROL_MAX: usize = 64 << 10;
/// Control messages of up to this many bytes are sent without asking the host's
/// `optmem_max` (never set lower than this by default).
const SEND_CONTROL_SMALL: usize = 10 << 10;

/// `e`, unless `fd` is not an open socket: then EBADF or ENOTSOCK, which the kernel
/// reports first.
fn sock_err(fd: i32, e: Errno) -> Errno {
    net::socket_type(fd).err().unwrap_or(e)
}

/// The guest's `(sockaddr *, socklen_t *)` pair for the kernel to fill in: the
/// address in guest memory, the length copied in (and out by [`store_len`]). Bad
/// pointers go to the kernel as rejected addresses.
fn addr_out<'a>(mem: &Mem<'a>, addr: u32, len_ptr: u32) -> AddrOut<'a> {
    let len = mem.read::<u32>(len_ptr).ok();
    AddrOut::new(mem.kernel_buf(addr, len.map_or(0, addr_room), Access::Write), len)
}

/// For calls that consume data (accept, recvfrom): `None` when `addr` is NULL (no
/// address wanted). Bad guest buffers go to the kernel as rejected addresses, so
/// it consumes the connection or datagram and then fails with EFAULT, as natively
/// (and stores nothing, with no error, when it has no address to give).
fn addr_wanted<'a>(mem: &Mem<'a>, addr: u32, len_ptr: u32) -> Option<AddrOut<'a>> {
    (addr != 0).then(|| addr_out(mem, addr, len_ptr))
}

/// Write back the address length the kernel reported.
fn store_len(mem: &Mem<'_>, len_ptr: u32, out: &AddrOut<'_>) -> Result<(), Errno> {
    mem.write(len_ptr, &out.addr_len())
}

/// socket(domain, type, protocol): SOCK_NONBLOCK/SOCK_CLOEXEC are the same on every host.
pub fn socket(_cx: &mut Cx<'_, '_>, domain: i32, ty: i32, protocol: i32) -> SysResult {
    Ok(net::socket(domain, ty, protocol)?.into())
}

/// socketpair(domain, type, protocol, sv): a connected pair stored at guest `sv`. A
/// bad `sv` goes to the kernel as a rejected address (it creates and frees the pair:
/// EFAULT after its other checks, and no descriptor is ever visible).
pub fn socketpair(cx: &mut Cx<'_, '_>, domain: i32, ty: i32, protocol: i32, sv: u32) -> SysResult {
    let mem = cx.mem();
    if !fd_pair_writable(&mem, sv) {
        net::socketpair(domain, ty, protocol, Out::Fault)?;
        return Ok(0);
    }
    let mut fds = [-1i32; 2];
    net::socketpair(domain, ty, protocol, Out::Val(&mut fds))?;
    store_fd_pair(&mem, sv, fds)
}

/// bind(fd, addr, len): give the socket a local address.
pub fn bind(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    net::bind(fd, cx.mem().kernel_buf(addr, len as usize, Access::Read))?;
    Ok(0)
}

/// connect(fd, addr, len): connect to a peer.
pub fn connect(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    net::connect(fd, cx.mem().kernel_buf(addr, len as usize, Access::Read))?;
    Ok(0)
}

/// listen(fd, backlog): accept connections.
pub fn listen(_cx: &mut Cx<'_, '_>, fd: i32, backlog: i32) -> SysResult {
    net::listen(fd, backlog)?;
    Ok(0)
}

/// accept(fd, addr, len): accept4 without flags.
pub fn accept(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    accept4(cx, fd, addr, len, 0)
}

/// accept4(fd, addr, len, flags): take a connection; the peer address is stored at
/// `addr` (truncated to `*len`) and its full length at `len`.
pub fn accept4(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32, flags: i32) -> SysResult {
    let mem = cx.mem();
    let mut out = addr_wanted(&mem, addr, len);
    let conn = net::accept4(fd, out.as_mut(), flags)?;
    if let Some(o) = &out
        && let Err(e) = store_len(&mem, len, o)
    {
        let _ = kfd::close(conn);
        return Err(e.into());
    }
    Ok(conn.into())
}

/// getsockname(fd, addr, len): the socket's local address (like accept's).
pub fn getsockname(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    let mem = cx.mem();
    let mut out = addr_out(&mem, addr, len);
    net::getsockname(fd, &mut out)?;
    store_len(&mem, len, &out)?;
    Ok(0)
}

/// getpeername(fd, addr, len): the connected peer's address.
pub fn getpeername(cx: &mut Cx<'_, '_>, fd: i32, addr: u32, len: u32) -> SysResult {
    let mem = cx.mem();
    let mut out = addr_out(&mem, addr, len);
    net::getpeername(fd, &mut out)?;
    store_len(&mem, len, &out)?;
    Ok(0)
}

/// sendto(fd, buf, len, flags, addr, addrlen): send, to `addr` if it is not NULL.
pub fn sendto(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, len: u32, flags: i32, addr: u32, addrlen: u32) -> SysResult {
    let mem = cx.mem();
    let b = mem.kernel_buf(buf, len as usize, Access::Read);
    let a = if addr == 0 { UserBuf::NULL } else { mem.kernel_buf(addr, addrlen as usize, Access::Read) };
    Ok(net::sendto(fd, b, flags, a)? as i64)
}

/// recvfrom(fd, buf, len, flags, addr, addrlen): receive; the source address is
/// stored like accept's.
pub fn recvfrom(cx: &mut Cx<'_, '_>, fd: i32, buf: u32, len: u32, flags: i32, addr: u32, addrlen: u32) -> SysResult {
    let mem = cx.mem();
    let b = mem.kernel_buf(buf, len as usize, Access::Write);
    let mut out = addr_wanted(&mem, addr, addrlen);
    let n = net::recvfrom(fd, b, flags, out.as_mut())?;
    if let Some(o) = &out {
        store_len(&mem, addrlen, o)?;
    }
    Ok(n as i64)
}

/// The parts of a guest `msghdr` the kernel uses in place: name and iovecs
/// (`access` is the kernel's access to the data); no control messages yet.
fn host_msghdr<'a>(mem: &Mem<'a>, hdr: &guest::Msghdr, access: Access) -> Msghdr<'a> {
    let name = match hdr.msg_name {
        0 => UserBuf::NULL,
        p => mem.kernel_buf(p, addr_room(hdr.msg_namelen), access),
    };
    Msghdr::new(name, hdr.msg_namelen, mem.kernel_iovecs(hdr.msg_iov, hdr.msg_iovlen, access))
}

/// sendmsg(fd, msg, flags): send from a guest `msghdr` (36 B): name and data used in
/// place, iovecs and control messages converted.
pub fn sendmsg(cx: &mut Cx<'_, '_>, fd: i32, msg: u32, flags: i32) -> SysResult {
    let mem = cx.mem();
    let Some(hdr) = mem.read_opt::<guest::Msghdr>(msg).ok().flatten() else {
        return Ok(net::sendmsg(fd, None, flags)? as i64);
    };
    let m = host_msghdr(&mem, &hdr, Access::Read);
    let mut m = match (hdr.msg_control, hdr.msg_controllen as usize) {
        (_, 0) => m,
        // Unreadable (EFAULT), or more than the kernel allocates (ENOBUFS: over
        // INT_MAX or optmem_max): left for the kernel to refuse.
        (0, n) | (_, n @ 0x8000_0000..) => m.with_rejected_control(n),
        (_, n) if n > SEND_CONTROL_SMALL && n >= net::optmem_max() => m.with_rejected_control(n),
        (p, n) => match mem.read_bytes(p, n) {
            Ok(b) => m.with_control(convert::cmsgs_to_host(&b).unwrap_or_else(|_| HostCmsgBuf::malformed())),
            Err(_) => m.with_rejected_control(n),
        },
    };
    Ok(net::sendmsg(fd, Some(&mut m), flags)? as i64)
}

/// recvmsg(fd, msg, flags): receive into a guest `msghdr`, then write back
/// `msg_namelen` (if `msg_name` is set), `msg_controllen` (of the guest-layout control
/// messages) and `msg_flags`, like the kernel. Descriptors received with SCM_RIGHTS
/// that do not fit the guest's control buffer are closed, with MSG_CTRUNC; so are
/// process-memory files ([`net::recvmsg`] refuses them).
pub fn recvmsg(cx: &mut Cx<'_, '_>, fd: i32, msg: u32, flags: i32) -> SysResult {
    let mem = cx.mem();
    let Some(hdr) = mem.read_opt::<guest::Msghdr>(msg).ok().flatten() else {
        return Ok(net::recvmsg(fd, None, flags)? as i64);
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
    let m = host_msghdr(&mem, &hdr, Access::Write);
    let mut m = match hdr.msg_control {
        0 => m.with_null_control(hdr.msg_controllen as usize),
        _ => m.with_control(HostCmsgBuf::zeroed((hdr.msg_controllen as usize).min(RECV_CONTROL_MAX))),
    };
    let n = net::recvmsg(fd, Some(&mut m), flags)?;
    let mut out_flags = m.flags();
    if hdr.msg_name != 0 {
        mem.write(msg + offset_of!(guest::Msghdr, msg_namelen) as u32, &m.namelen())?;
    }
    let mut controllen = 0u32;
    if let Some(host) = m.received_control() {
        let cm = convert::cmsgs_from_host(host, hdr.msg_controllen as usize);
        for &fd in &cm.dropped_fds {
            let _ = kfd::close(fd);
        }
        if cm.truncated {
            out_flags |= g::MSG_CTRUNC;
        }
        mem.write_bytes(hdr.msg_control, &cm.bytes)?;
        controllen = cm.bytes.len() as u32;
    }
    mem.write(msg + offset_of!(guest::Msghdr, msg_controllen) as u32, &controllen)?;
    mem.write(msg + offset_of!(guest::Msghdr, msg_flags) as u32, &out_flags)?;
    Ok(n as i64)
}

/// shutdown(fd, how): shut down reading, writing or both.
pub fn shutdown(_cx: &mut Cx<'_, '_>, fd: i32, how: i32) -> SysResult {
    net::shutdown(fd, how)?;
    Ok(0)
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
        let readable = matches!(mem.kernel_in(val, &mut gtv), In::Val(_));
        let tv = convert::timeval_to_host(&gtv).map_err(Errno)?;
        net::setsockopt_timeval(fd, level, name, if readable { In::Val(&tv) } else { In::Fault })?;
        return Ok(0);
    }
    let v = mem.kernel_buf(val, if (len as i32) < 0 { 0 } else { len as usize }, Access::Read);
    net::setsockopt(fd, level, name, v, len)?;
    Ok(0)
}

/// getsockopt(fd, level, name, val, len): the value is written to `val` (at most
/// `*len` bytes) and its length to `len`; timeouts widened on 32-bit hosts.
pub fn getsockopt(cx: &mut Cx<'_, '_>, fd: i32, level: i32, name: i32, val: u32, len: u32) -> SysResult {
    let mem = cx.mem();
    let cap = mem.read::<u32>(len).ok();
    let room = match cap {
        Some(l) if (l as i32) >= 0 => l as usize,
        _ => 0,
    };
    if is_host_timeval_opt(level, name) && cap.is_some() {
        let tv = net::getsockopt_timeval(fd, level, name)?;
        let gtv = convert::timeval_from_host(&tv);
        let n = size_of::<guest::Timeval>().min(room);
        // Nothing to copy is always fine, as in the kernel.
        if n > 0 {
            mem.write_bytes(val, &gtv.as_bytes()[..n])?;
        }
        mem.write(len, &(n as u32))?;
        return Ok(0);
    }
    let v = mem.kernel_buf(val, room, Access::Write);
    let mut l = cap.unwrap_or(0);
    net::getsockopt(fd, level, name, v, if cap.is_some() { Out::Val(&mut l) } else { Out::Fault })?;
    mem.write(len, &l)?;
    Ok(0)
}
