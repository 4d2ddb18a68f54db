//! Sockets.
//!
//! Socket addresses and option values are used in place ([`UserBuf`]); the
//! kernel never reads or writes more of an address than
//! `min(length, sizeof(struct sockaddr_storage))` bytes, nor more of an option
//! value than its length, so a wrapper only needs the buffer to cover that
//! (one that does not is handed over as an address the kernel refuses).

use super::{Errno, In, Out, UserBuf, UserIovecs, cvt_fd, cvt_size, cvt_unit, fd, fs};
use std::mem::offset_of;
use wali_abi::convert::HostCmsgBuf;

/// The largest socket address (`sizeof(struct sockaddr_storage)`); the kernel
/// never reads or writes more of an address buffer.
pub const SOCKADDR_MAX: usize = size_of::<libc::sockaddr_storage>();

/// How much of an address buffer the kernel may use for a length of `len`:
/// none for a negative one (which it refuses), at most [`SOCKADDR_MAX`].
pub fn addr_room(len: u32) -> usize {
    if (len as i32) < 0 { 0 } else { (len as usize).min(SOCKADDR_MAX) }
}

/// `buf` if it covers `need` bytes (or the kernel refuses it anyway), else an
/// address the kernel refuses.
fn covering(buf: UserBuf<'_>, need: usize) -> UserBuf<'_> {
    if buf.is_null() || buf.is_rejected() || buf.len() >= need { buf } else { UserBuf::rejected(need) }
}

/// socket(2)
pub fn socket(domain: i32, ty: i32, protocol: i32) -> Result<i32, Errno> {
    // SAFETY: makes a descriptor; no memory is touched.
    cvt_fd(unsafe { libc::socket(domain, ty, protocol) })
}

/// socketpair(2) into `sv` ([`Out::Fault`]: the kernel creates the pair, fails to
/// store it and frees it: `EFAULT` after its other checks).
pub fn socketpair(domain: i32, ty: i32, protocol: i32, mut sv: Out<'_, [i32; 2]>) -> Result<(), Errno> {
    // SAFETY: the kernel writes two ints to `sv` (a host slot, NULL or refused).
    cvt_unit(unsafe { libc::socketpair(domain, ty, protocol, sv.ptr().cast()) })
}

/// bind(2): the address is `addr`, its length `addr.len()`.
pub fn bind(fd: i32, addr: UserBuf<'_>) -> Result<(), Errno> {
    // SAFETY: the kernel reads at most `addr.len()` bytes of `addr`, valid for the call.
    cvt_unit(unsafe { libc::bind(fd, addr.cast(), addr.len() as libc::socklen_t) })
}

/// connect(2): the address is `addr`, its length `addr.len()`.
pub fn connect(fd: i32, addr: UserBuf<'_>) -> Result<(), Errno> {
    // SAFETY: as bind.
    cvt_unit(unsafe { libc::connect(fd, addr.cast(), addr.len() as libc::socklen_t) })
}

/// listen(2)
pub fn listen(fd: i32, backlog: i32) -> Result<(), Errno> {
    // SAFETY: no memory is touched.
    cvt_unit(unsafe { libc::listen(fd, backlog) })
}

/// shutdown(2)
pub fn shutdown(fd: i32, how: i32) -> Result<(), Errno> {
    // SAFETY: no memory is touched.
    cvt_unit(unsafe { libc::shutdown(fd, how) })
}

/// A `(struct sockaddr *, socklen_t *)` pair the kernel fills in: the address
/// in a buffer used in place, the length in a slot the wrapper holds.
#[derive(Debug)]
pub struct AddrOut<'a> {
    addr: UserBuf<'a>,
    /// `None`: the caller's length could not be read (the kernel gets an
    /// address it refuses).
    len: Option<libc::socklen_t>,
}

impl<'a> AddrOut<'a> {
    /// `addr` with room for `len` bytes ([`addr_room`]; a shorter buffer is
    /// handed to the kernel as a refused address).
    pub fn new(addr: UserBuf<'a>, len: Option<u32>) -> Self {
        let addr = covering(addr, len.map_or(0, addr_room));
        AddrOut { addr, len }
    }

    /// The length after the call: the full length of the address.
    pub fn addr_len(&self) -> u32 {
        self.len.unwrap_or(0)
    }

    fn ptrs(&mut self) -> (*mut libc::sockaddr, *mut libc::socklen_t) {
        let len = match &mut self.len {
            Some(l) => l as *mut libc::socklen_t,
            None => super::KERNEL_REJECTED_ADDR.cast(),
        };
        (self.addr.cast(), len)
    }
}

/// The pointers for an optional [`AddrOut`] (NULL, NULL: no address wanted).
fn addr_ptrs(addr: Option<&mut AddrOut<'_>>) -> (*mut libc::sockaddr, *mut libc::socklen_t) {
    addr.map_or((std::ptr::null_mut(), std::ptr::null_mut()), AddrOut::ptrs)
}

/// accept4(2); the peer address goes to `addr` if one is wanted.
pub fn accept4(fd: i32, addr: Option<&mut AddrOut<'_>>, flags: i32) -> Result<i32, Errno> {
    let (a, l) = addr_ptrs(addr);
    // SAFETY: the kernel writes at most min(*l, SOCKADDR_MAX) bytes to `a`, which
    // covers them (AddrOut::new), and the length to its slot.
    cvt_fd(unsafe { libc::accept4(fd, a, l, flags) })
}

/// getsockname(2)
pub fn getsockname(fd: i32, addr: &mut AddrOut<'_>) -> Result<(), Errno> {
    let (a, l) = addr.ptrs();
    // SAFETY: as accept4.
    cvt_unit(unsafe { libc::getsockname(fd, a, l) })
}

/// getpeername(2)
pub fn getpeername(fd: i32, addr: &mut AddrOut<'_>) -> Result<(), Errno> {
    let (a, l) = addr.ptrs();
    // SAFETY: as accept4.
    cvt_unit(unsafe { libc::getpeername(fd, a, l) })
}

/// sendto(2): the data is `buf`, the destination `addr` (NULL: none), of
/// length `addr.len()`.
pub fn sendto(fd: i32, buf: UserBuf<'_>, flags: i32, addr: UserBuf<'_>) -> Result<usize, Errno> {
    // SAFETY: the kernel reads `buf` and at most `addr.len()` bytes of `addr`.
    cvt_size(unsafe { libc::sendto(fd, buf.cast(), buf.len(), flags, addr.cast(), addr.len() as libc::socklen_t) })
}

/// recvfrom(2) into `buf`; the source address goes to `addr` if one is wanted.
pub fn recvfrom(fd: i32, buf: UserBuf<'_>, flags: i32, addr: Option<&mut AddrOut<'_>>) -> Result<usize, Errno> {
    let (a, l) = addr_ptrs(addr);
    // SAFETY: the kernel writes at most `buf.len()` bytes to `buf`, and the address as in accept4.
    cvt_size(unsafe { libc::recvfrom(fd, buf.cast(), buf.len(), flags, a, l) })
}

/// The type of socket `fd` (`SO_TYPE`): `EBADF` or `ENOTSOCK` if it is none.
pub fn socket_type(fd: i32) -> Result<i32, Errno> {
    let mut ty = 0i32;
    let mut len = size_of::<i32>() as libc::socklen_t;
    // SAFETY: the kernel writes at most `len` bytes to `ty`.
    cvt_unit(unsafe { libc::getsockopt(fd, libc::SOL_SOCKET, libc::SO_TYPE, (&raw mut ty).cast(), &mut len) })?;
    Ok(ty)
}

/// setsockopt(2): the value is `val`, of length `len` (negative: refused by
/// the kernel; `val` must cover the others, else it is refused too).
pub fn setsockopt(fd: i32, level: i32, name: i32, val: UserBuf<'_>, len: libc::socklen_t) -> Result<(), Errno> {
    let val = covering(val, if (len as i32) < 0 { 0 } else { len as usize });
    // SAFETY: the kernel reads at most `len` bytes of `val`, which covers them.
    cvt_unit(unsafe { libc::setsockopt(fd, level, name, val.cast(), len) })
}

/// getsockopt(2): the value goes to `val` (at most `*len` bytes, which `val`
/// must cover, else it is refused), its length to `len`.
pub fn getsockopt(fd: i32, level: i32, name: i32, val: UserBuf<'_>, mut len: Out<'_, libc::socklen_t>) -> Result<(), Errno> {
    let need = match &len {
        Out::Val(l) if (**l as i32) >= 0 => **l as usize,
        _ => 0,
    };
    let val = covering(val, need);
    // SAFETY: the kernel writes at most `*len` bytes to `val`, which covers them.
    cvt_unit(unsafe { libc::getsockopt(fd, level, name, val.cast(), len.ptr()) })
}

/// setsockopt(2) with a host `timeval` (`SO_RCVTIMEO`, `SO_SNDTIMEO`).
pub fn setsockopt_timeval(fd: i32, level: i32, name: i32, tv: In<'_, libc::timeval>) -> Result<(), Errno> {
    let len = size_of::<libc::timeval>() as libc::socklen_t;
    // SAFETY: the kernel reads at most one timeval from `tv`.
    cvt_unit(unsafe { libc::setsockopt(fd, level, name, tv.ptr().cast(), len) })
}

/// getsockopt(2) of a host `timeval` (`SO_RCVTIMEO`, `SO_SNDTIMEO`).
pub fn getsockopt_timeval(fd: i32, level: i32, name: i32) -> Result<libc::timeval, Errno> {
    let mut tv = libc::timeval { tv_sec: 0, tv_usec: 0 };
    let mut len = size_of::<libc::timeval>() as libc::socklen_t;
    // SAFETY: the kernel writes at most `len` bytes to `tv`.
    cvt_unit(unsafe { libc::getsockopt(fd, level, name, (&raw mut tv).cast(), &mut len) })?;
    Ok(tv)
}

/// `msg_control` of a [`Msghdr`].
enum Control {
    /// Host control messages the msghdr owns (to send, or room to receive into).
    Host(HostCmsgBuf),
    /// NULL, or (`rejected`) an address the kernel refuses, with the given length.
    Absent { rejected: bool, len: usize },
}

impl std::fmt::Debug for Control {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Control::Host(b) => write!(f, "Host({} bytes)", b.len()),
            Control::Absent { rejected, len } => write!(f, "Absent {{ rejected: {rejected}, len: {len} }}"),
        }
    }
}

/// A `struct msghdr` for [`sendmsg`] and [`recvmsg`]: the name and the data
/// used in place ([`UserBuf`], [`UserIovecs`]), the control messages in a host
/// buffer it owns (or NULL, or refused). After [`recvmsg`] it holds what the
/// kernel returned: the name's length, the flags and the control messages.
#[derive(Debug)]
pub struct Msghdr<'a> {
    name: UserBuf<'a>,
    namelen: libc::socklen_t,
    iov: UserIovecs<'a>,
    control: Control,
    /// After recvmsg: `msg_flags`.
    flags: i32,
    /// After recvmsg: the control messages received (host layout).
    received: Vec<u8>,
}

impl<'a> Msghdr<'a> {
    /// The name `name` with `msg_namelen` `namelen` (the kernel uses at most
    /// [`addr_room`]`(namelen)` bytes of it: a shorter buffer is refused), the
    /// data `iov`, no control messages.
    pub fn new(name: UserBuf<'a>, namelen: u32, iov: UserIovecs<'a>) -> Self {
        let name = covering(name, addr_room(namelen));
        let control = Control::Absent { rejected: false, len: 0 };
        Msghdr { name, namelen, iov, control, flags: 0, received: Vec::new() }
    }

    /// Control messages in a host buffer: the ones to send, or the room to
    /// receive into (an empty buffer is NULL with length 0).
    pub fn with_control(mut self, buf: HostCmsgBuf) -> Self {
        self.control = Control::Host(buf);
        self
    }

    /// `msg_control` NULL with `msg_controllen` `len`.
    pub fn with_null_control(mut self, len: usize) -> Self {
        self.control = Control::Absent { rejected: false, len };
        self
    }

    /// `msg_control` an address the kernel refuses (`EFAULT`, or `ENOBUFS` for a
    /// length it will not allocate), with `msg_controllen` `len`.
    pub fn with_rejected_control(mut self, len: usize) -> Self {
        self.control = Control::Absent { rejected: true, len };
        self
    }

    /// After [`recvmsg`]: `msg_namelen`.
    pub fn namelen(&self) -> u32 {
        self.namelen
    }

    /// After [`recvmsg`]: `msg_flags`.
    pub fn flags(&self) -> i32 {
        self.flags
    }

    /// After [`recvmsg`]: the control messages received (host layout), if they
    /// went to a non-empty host buffer ([`Msghdr::with_control`]).
    pub fn received_control(&self) -> Option<&[u8]> {
        match &self.control {
            Control::Host(b) if !b.is_empty() => Some(&self.received),
            _ => None,
        }
    }

    /// The host `struct msghdr` pointing into `self`.
    fn host(&mut self) -> libc::msghdr {
        // SAFETY: msghdr is plain integers and pointers (and padding on some
        // hosts), for which all zeroes is valid.
        let mut m: libc::msghdr = unsafe { std::mem::zeroed() };
        m.msg_name = self.name.cast();
        m.msg_namelen = self.namelen;
        m.msg_iov = self.iov.ptr().cast_mut();
        // The count as the caller gave it, zero-extended (the kernel refuses
        // counts over UIO_MAXIOV with EMSGSIZE before reading the array).
        m.msg_iovlen = self.iov.cnt() as u32 as _;
        let (control, len) = match &mut self.control {
            Control::Host(b) => (b.as_mut_ptr(), b.len()),
            Control::Absent { rejected: false, len } => (std::ptr::null_mut(), *len),
            Control::Absent { rejected: true, len } => (super::KERNEL_REJECTED_ADDR.cast(), *len),
        };
        m.msg_control = control;
        m.msg_controllen = len as _;
        m
    }
}

/// sendmsg(2); `None`: the caller's msghdr could not be read (the kernel gets
/// an address it refuses: `EFAULT` after checking the descriptor).
pub fn sendmsg(fd: i32, msg: Option<&mut Msghdr<'_>>, flags: i32) -> Result<usize, Errno> {
    let m = msg.map(Msghdr::host);
    let p: *const libc::msghdr = m.as_ref().map_or(super::KERNEL_REJECTED_ADDR.cast(), |m| m);
    // SAFETY: the kernel reads the msghdr, at most `msg_namelen` bytes of the name
    // (Msghdr::new), the iovecs (valid UserBufs) and `msg_controllen` bytes of
    // the control buffer (owned by `msg`), or fails on a refused address.
    cvt_size(unsafe { libc::sendmsg(fd, p, flags) })
}

/// recvmsg(2); `None` as for [`sendmsg`].
///
/// Descriptors received with `SCM_RIGHTS` that are process-memory files
/// ([`fs::is_proc_mem`]) are closed and taken out of the control messages
/// (a message left without descriptors is dropped), with `MSG_CTRUNC` in the
/// flags: what Linux does when a security module refuses a passed file.
pub fn recvmsg(fd: i32, msg: Option<&mut Msghdr<'_>>, flags: i32) -> Result<usize, Errno> {
    let Some(msg) = msg else {
        // SAFETY: the kernel refuses the address.
        return cvt_size(unsafe { libc::recvmsg(fd, super::KERNEL_REJECTED_ADDR.cast(), flags) });
    };
    let mut m = msg.host();
    // SAFETY: the kernel writes at most `msg_namelen` bytes of the name (which
    // covers them), the iovecs' buffers (valid UserBufs), at most
    // `msg_controllen` bytes of the control buffer (owned by `msg`) and `m`.
    let n = cvt_size(unsafe { libc::recvmsg(fd, &mut m, flags) })?;
    msg.namelen = m.msg_namelen;
    msg.flags = m.msg_flags;
    if let Control::Host(b) = &mut msg.control {
        #[allow(clippy::unnecessary_cast)] // socklen_t with musl
        b.truncate(m.msg_controllen as usize);
        let (kept, refused) = refuse_fds(b.as_bytes(), fs::is_proc_mem);
        if refused {
            msg.flags |= libc::MSG_CTRUNC;
        }
        msg.received = kept;
    }
    Ok(n)
}

/// Host `CMSG_ALIGN`.
fn cmsg_align(len: usize) -> usize {
    len.next_multiple_of(size_of::<usize>())
}

/// Host `CMSG_LEN(0)`: where a control message's data starts.
const CMSG_HDR: usize = size_of::<libc::cmsghdr>().next_multiple_of(size_of::<usize>());

/// Host control messages (as the kernel wrote them: a `size_t` length, then
/// level and type) with the `SCM_RIGHTS` descriptors that `refuse` rejects
/// closed and taken out, and a message left with none dropped; and whether any
/// was refused. Parsed like `convert::cmsgs_from_host`: headers at aligned
/// offsets while a whole one fits, up to the first with a short length.
fn refuse_fds(host: &[u8], refuse: impl Fn(i32) -> bool) -> (Vec<u8>, bool) {
    const W: usize = size_of::<usize>();
    let int_at = |off: usize| i32::from_ne_bytes(host[off..off + 4].try_into().expect("4 bytes"));
    let mut out = Vec::with_capacity(host.len());
    let mut refused_any = false;
    let mut off = 0usize;
    while off + size_of::<libc::cmsghdr>() <= host.len() {
        let len = usize::from_ne_bytes(host[off..off + W].try_into().expect("a size_t"));
        if len < CMSG_HDR {
            break;
        }
        let end = off.saturating_add(len).min(host.len());
        let next = off.saturating_add(cmsg_align(len)).min(host.len());
        let level = int_at(off + offset_of!(libc::cmsghdr, cmsg_level));
        let ty = int_at(off + offset_of!(libc::cmsghdr, cmsg_type));
        if level == libc::SOL_SOCKET && ty == libc::SCM_RIGHTS {
            let fds = host[off + CMSG_HDR..end].chunks_exact(4).map(|c| i32::from_ne_bytes(c.try_into().expect("4 bytes")));
            let (refused, kept): (Vec<i32>, Vec<i32>) = fds.partition(|&fd| refuse(fd));
            for &fd in &refused {
                let _ = fd::close(fd);
            }
            if refused.is_empty() {
                out.extend_from_slice(&host[off..next]);
            } else {
                refused_any = true;
                if !kept.is_empty() {
                    let start = out.len();
                    let new_len = CMSG_HDR + 4 * kept.len();
                    out.extend_from_slice(&new_len.to_ne_bytes());
                    out.extend_from_slice(&host[off + W..off + CMSG_HDR]);
                    kept.iter().for_each(|fd| out.extend_from_slice(&fd.to_ne_bytes()));
                    out.resize(start + cmsg_align(new_len), 0);
                }
            }
        } else {
            out.extend_from_slice(&host[off..next]);
        }
        off = next;
    }
    if refused_any { (out, true) } else { (host.to_vec(), false) }
}

/// The host's `net.core.optmem_max`: a socket allocates no larger control
/// buffer for sendmsg (`ENOBUFS`). 20480 (the default before Linux 6.7) if it
/// cannot be read.
pub fn optmem_max() -> usize {
    std::fs::read_to_string("/proc/sys/net/core/optmem_max").ok().and_then(|s| s.trim().parse().ok()).unwrap_or(20480)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A host control message.
    fn cmsg(level: i32, ty: i32, data: &[u8]) -> Vec<u8> {
        let len = CMSG_HDR + data.len();
        let mut v = len.to_ne_bytes().to_vec();
        v.resize(offset_of!(libc::cmsghdr, cmsg_level), 0);
        v.extend_from_slice(&level.to_ne_bytes());
        v.extend_from_slice(&ty.to_ne_bytes());
        v.resize(CMSG_HDR, 0);
        v.extend_from_slice(data);
        v.resize(cmsg_align(len), 0);
        v
    }

    fn fds(f: &[i32]) -> Vec<u8> {
        f.iter().flat_map(|fd| fd.to_ne_bytes()).collect()
    }

    #[test]
    fn refused_descriptors_are_taken_out() {
        let open = || fs::open(c"/dev/null", libc::O_RDONLY | libc::O_CLOEXEC, 0).unwrap();
        let (a, b, c) = (open(), open(), open());
        let cred = cmsg(libc::SOL_SOCKET, libc::SCM_CREDENTIALS, &[7; 12]);
        let mut host = cred.clone();
        host.extend(cmsg(libc::SOL_SOCKET, libc::SCM_RIGHTS, &fds(&[a, b, c])));
        // Nothing refused: unchanged.
        assert_eq!(refuse_fds(&host, |_| false), (host.clone(), false));
        let (out, refused) = refuse_fds(&host, |fd| fd == b);
        assert!(refused);
        let mut want = cred.clone();
        want.extend(cmsg(libc::SOL_SOCKET, libc::SCM_RIGHTS, &fds(&[a, c])));
        assert_eq!(out, want);
        // All refused: the message is gone.
        let (out, refused) = refuse_fds(&want, |_| true);
        assert!(refused);
        assert_eq!(out, cred);
    }

    #[test]
    fn a_received_proc_mem_descriptor_never_arrives() {
        let mut sv = [-1; 2];
        socketpair(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0, Out::Val(&mut sv)).unwrap();
        let mem = fs::open(c"/proc/self/mem", libc::O_RDONLY | libc::O_CLOEXEC, 0).unwrap();
        let null = fs::open(c"/dev/null", libc::O_RDONLY | libc::O_CLOEXEC, 0).unwrap();
        // One SCM_RIGHTS message in the guest layout (16-byte header), converted.
        let mut guest = (16 + 8u32).to_ne_bytes().to_vec();
        guest.extend_from_slice(&0u32.to_ne_bytes());
        guest.extend_from_slice(&libc::SOL_SOCKET.to_ne_bytes());
        guest.extend_from_slice(&libc::SCM_RIGHTS.to_ne_bytes());
        guest.extend(fds(&[mem, null]));
        let cbuf = wali_abi::convert::cmsgs_to_host(&guest).unwrap();
        let mut data = [1u8];
        let mut send = Msghdr::new(UserBuf::NULL, 0, UserIovecs::new([UserBuf::host_mut(&mut data)])).with_control(cbuf);
        assert_eq!(sendmsg(sv[0], Some(&mut send), 0), Ok(1));
        fd::close(mem).unwrap();
        fd::close(null).unwrap();
        let mut got = [0u8; 1];
        let mut recv = Msghdr::new(UserBuf::NULL, 0, UserIovecs::new([UserBuf::host_mut(&mut got)])).with_control(HostCmsgBuf::zeroed(64));
        assert_eq!(recvmsg(sv[1], Some(&mut recv), libc::MSG_CMSG_CLOEXEC), Ok(1));
        assert_ne!(recv.flags() & libc::MSG_CTRUNC, 0);
        let ctl = recv.received_control().unwrap().to_vec();
        assert_eq!(ctl.len(), cmsg_align(CMSG_HDR + 4));
        let kept = i32::from_ne_bytes(ctl[CMSG_HDR..CMSG_HDR + 4].try_into().unwrap());
        assert!(!fs::is_proc_mem(kept));
        fd::close(kept).unwrap();
        fd::close(sv[0]).unwrap();
        fd::close(sv[1]).unwrap();
    }
}
