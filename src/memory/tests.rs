//! Tests of the memory view over plain host buffers.

use super::*;

/// A view over `backing` with its own address space.
fn view<'a>(space: &'a AddressSpace, backing: &'a mut [u8]) -> Mem<'a> {
    // SAFETY: the Vec outlives the view and is not touched otherwise.
    unsafe { Mem::from_raw(space, backing.as_mut_ptr(), backing.len()) }
}

fn protect(space: &AddressSpace, start: u64, end: u64, read: bool, write: bool) {
    space.write().set_perm_for_test(start, end, read, write);
}

#[test]
fn bounds_and_null() {
    let space = AddressSpace::default();
    let mut backing = vec![0u8; 64];
    let mem = view(&space, &mut backing);
    assert!(mem.buf(1, 63, Access::Read).is_ok());
    assert_eq!(mem.buf(0, 1, Access::Read).unwrap_err(), Errno::EFAULT);
    assert_eq!(mem.buf(1, 64, Access::Read).unwrap_err(), Errno::EFAULT);
    assert_eq!(mem.buf(u32::MAX, 2, Access::Read).unwrap_err(), Errno::EFAULT);
    assert!(mem.opt_buf(0, 100, Access::Write).unwrap().is_null());
    mem.write(8, &0x1122_3344u32).unwrap();
    assert_eq!(mem.read::<u32>(8).unwrap(), 0x1122_3344);
    assert_eq!(mem.read::<u64>(60).unwrap_err(), Errno::EFAULT);
    assert_eq!(mem.read_bytes(1, 1 << 30).unwrap_err(), Errno::EFAULT, "no host allocation sized by the guest");
}

#[test]
fn strings_are_bounded() {
    let space = AddressSpace::default();
    let mut backing = b"\0hello\0world".to_vec();
    let mem = view(&space, &mut backing);
    assert_eq!(mem.cstring(1).unwrap().as_bytes(), b"hello");
    // NULL is never a string.
    assert_eq!(mem.cstring(0).unwrap_err(), Errno::EFAULT);
    assert!(mem.opt_cstring(0).unwrap().is_none());
    // "world" runs into the end of memory without a NUL.
    assert_eq!(mem.cstring(7).unwrap_err(), Errno::EFAULT);
    assert_eq!(mem.cstring_max(1, 3).unwrap_err(), Errno::ENAMETOOLONG);
    assert_eq!(mem.cstring(0xffff_0000).unwrap_err(), Errno::EFAULT);
}

#[test]
fn long_strings_cross_chunks() {
    let space = AddressSpace::default();
    let mut backing = vec![b'a'; 2000];
    backing[0] = 0;
    backing[1999] = 0;
    let mem = view(&space, &mut backing);
    assert_eq!(mem.cstring(1).unwrap().as_bytes().len(), 1998);
}

#[test]
fn protections_block_host_access() {
    let space = AddressSpace::default();
    let mut backing = vec![0u8; 0x4000];
    let mem = view(&space, &mut backing);
    protect(&space, 0x1000, 0x2000, false, false);
    protect(&space, 0x3000, 0x4000, true, false);
    assert_eq!(mem.buf(0xff0, 0x20, Access::Read).unwrap_err(), Errno::EFAULT);
    assert!(mem.buf(0x2000, 0x10, Access::Read).is_ok());
    assert!(mem.buf(0x3000, 0x10, Access::Read).is_ok());
    assert_eq!(mem.buf(0x3000, 0x10, Access::Write).unwrap_err(), Errno::EFAULT);
    assert_eq!(mem.write(0x3000, &1u32).unwrap_err(), Errno::EFAULT);
    // Re-protecting part of a range splits it.
    protect(&space, 0x1000, 0x1800, true, true);
    assert!(mem.buf(0x1000, 0x800, Access::Write).is_ok());
    assert_eq!(mem.buf(0x1800, 1, Access::Read).unwrap_err(), Errno::EFAULT);
    protect(&space, 0x0, 0x4000, true, true);
    assert!(mem.buf(1, 0x3fff, Access::Write).is_ok());
}

#[test]
fn kernel_buf_rejects_inaccessible_ranges() {
    let space = AddressSpace::default();
    let mut backing = vec![0u8; 0x2000];
    let base = backing.as_mut_ptr() as usize;
    let mem = view(&space, &mut backing);
    let ok = mem.kernel_buf(0x10, 0x20, Access::Write);
    assert_eq!((ok.addr(), ok.len()), (base + 0x10, 0x20));
    assert!(mem.kernel_buf(0x1ff0, 0x20, Access::Write).is_rejected());
    assert!(mem.kernel_buf(0xffff_fff0, 10, Access::Read).is_rejected());
    let null = mem.kernel_buf(0, 10, Access::Read);
    assert!(null.is_rejected());
    assert_eq!(null.len(), 10);
    // Empty ranges are never checked (the kernel does not touch them); NULL stays NULL.
    let empty = mem.kernel_buf(0xffff_fff0, 0, Access::Read);
    assert!(!empty.is_rejected() && !empty.is_null() && empty.is_empty());
    assert!(mem.kernel_buf(0, 0, Access::Write).is_null());
    protect(&space, 0x1000, 0x2000, true, false);
    assert!(mem.kernel_buf(0x1000, 4, Access::Write).is_rejected());
    assert!(!mem.kernel_buf(0x1000, 4, Access::Read).is_rejected());
}

#[test]
fn kernel_in_copies_readable_structs() {
    let space = AddressSpace::default();
    let mut backing = vec![0u8; 0x2000];
    let mem = view(&space, &mut backing);
    mem.write(0x1000, &0x1122_3344u32).unwrap();
    protect(&space, 0x1000, 0x2000, true, false);
    let mut slot = 0u32;
    assert!(matches!(mem.kernel_in(0x1000, &mut slot), In::Val(&0x1122_3344)));
    let mut slot = 7u32;
    assert!(matches!(mem.kernel_in(0, &mut slot), In::Null));
    for ptr in [0x1ffe, 0xffff_fffe] {
        assert!(matches!(mem.kernel_in(ptr, &mut slot), In::Fault));
    }
    assert_eq!(slot, 7);
    protect(&space, 0x1000, 0x2000, false, false);
    assert!(matches!(mem.kernel_in(0x1000, &mut slot), In::Fault));
}

#[test]
fn kernel_iovecs_check_count_array_and_bases() {
    let space = AddressSpace::default();
    let mut backing = vec![0u8; 0x1000];
    let base = backing.as_mut_ptr() as usize;
    let mem = view(&space, &mut backing);
    let iov = [
        guest::Iovec { iov_base: 0x100, iov_len: 4 },
        guest::Iovec { iov_base: 0xfff0, iov_len: 8 },
        guest::Iovec { iov_base: 0, iov_len: 0 },
    ];
    mem.write_array(0x40, &iov).unwrap();
    let host = mem.kernel_iovecs(0x40, 3, Access::Write);
    assert_eq!(host.cnt(), 3);
    // SAFETY: reading back the array the view built (3 entries).
    let v = unsafe { std::slice::from_raw_parts(host.ptr(), 3) };
    let got: Vec<(usize, usize)> = v.iter().map(|v| (v.iov_base as usize, v.iov_len)).collect();
    // A bad buffer goes to the kernel with length 1, whatever the guest's length.
    assert_eq!(got, [(base + 0x100, 4), (KERNEL_REJECTED_ADDR as usize, 1), (0, 0)]);
    for (addr, cnt) in [(0x40, UIO_MAXIOV as i32 + 1), (0x40, -1), (0xff8, 2), (0, 1)] {
        let v = mem.kernel_iovecs(addr, cnt, Access::Read);
        assert_eq!((v.ptr() as usize, v.cnt()), (KERNEL_REJECTED_ADDR as usize, cnt));
    }
    // An empty array is not read.
    assert_eq!(mem.kernel_iovecs(0xffff_fff0, 0, Access::Read).cnt(), 0);
}

#[test]
fn strings_end_before_inaccessible_memory() {
    let space = AddressSpace::default();
    let mut backing = vec![0u8; 0x3000];
    backing[0xff0..0xff6].copy_from_slice(b"path\0x");
    backing[0x1ffc..0x2000].copy_from_slice(b"abcd");
    let mem = view(&space, &mut backing);
    protect(&space, 0x2000, 0x3000, false, false);
    // The NUL comes before the inaccessible page: fine.
    assert_eq!(mem.cstring(0xff0).unwrap().as_bytes(), b"path");
    // The string runs into it: EFAULT, even when that is past `max`.
    assert_eq!(mem.cstring(0x1ffc).unwrap_err(), Errno::EFAULT);
    assert_eq!(mem.cstring_max(0x1ffc, 4).unwrap_err(), Errno::EFAULT);
    assert_eq!(mem.cstring_max(0x1ffc, 2).unwrap_err(), Errno::ENAMETOOLONG);
    assert_eq!(mem.cstring(0x2000).unwrap_err(), Errno::EFAULT);
}
