//! The guest's address space: one per process, owned by the runtime.
//!
//! Linear memory is a reservation that never moves (wasmtime's static
//! reservation for shared memories, [`super::linear`] for plain ones). This
//! module owns everything that changes host mappings inside it: the page
//! allocator of the mmap family, the program break, and map, protect, remap and
//! advise. Its invariant:
//!
//! **Every page of the reservation is always mapped**, either as guest memory
//! or as an inaccessible placeholder (`PROT_NONE`, `MAP_NORESERVE`). No host
//! mapping can ever be placed inside it. After a failed host call the range is
//! covered again with a placeholder; if even that fails the process aborts
//! rather than run on with a hole.
//!
//! The bookkeeping (which pages the guest may access, which are file-backed)
//! sits behind one lock: changes hold it for writing across the host call,
//! and the runtime's own copies of guest memory ([`super::Mem`]) hold it for
//! reading across their check and copy, so another guest thread cannot unmap a
//! range between the two.
//!
//! Linear memory `[0, floor)` belongs to the module (data, stack, the heap it
//! grew itself). Above it the allocator hands out host-page-aligned ranges,
//! growing the Wasm memory when needed. Mappings are real host mappings placed
//! with `MAP_FIXED`, so a file mapped `MAP_SHARED` is the file.

use std::collections::BTreeMap;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use wali_abi::Errno;
use wali_abi::convert;
use wali_abi::guest::consts as g;

/// Room left free above the program break for the heap to grow into: mmap
/// places mappings above it while memory allows (Linux keeps the heap and the
/// mmap area far apart too).
const BRK_ROOM: u64 = 256 << 20;
/// The guest's address space: 32-bit pointers.
pub const ADDRESS_SPACE: u64 = 1 << 32;

/// `madvise` advice that changes what the host owns rather than the guest's
/// data, refused with `EINVAL`: `MADV_DONTFORK` (a forked child would lose
/// the range, a hole), `MADV_HWPOISON`, `MADV_SOFT_OFFLINE`, and guard pages
/// (`MADV_GUARD_INSTALL`/`REMOVE`), which fault on any access, the runtime's
/// included.
pub const REFUSED_ADVICE: &[i32] = &[10, 100, 101, 102, 103];

/// Host page size (the allocation granularity).
pub fn page_size() -> u64 {
    crate::kernel::mm::page_size()
}

fn align_up(x: u64, a: u64) -> u64 {
    x.div_ceil(a) * a
}

/// Which pages the guest may access and how; a missing entry is read-write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Perm {
    read: bool,
    write: bool,
}

/// The bookkeeping behind the lock.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// Lowest address the allocator may use.
    floor: u64,
    /// Memory size the allocator last saw; growth by the guest itself above
    /// this is reserved for the guest.
    seen_size: u64,
    /// Allocated ranges: start -> (end, file-backed).
    used: BTreeMap<u64, (u64, bool)>,
    /// Program break: start and current value (0 until first use).
    brk_start: u64,
    brk_cur: u64,
    /// Ranges that are not read-write: start -> (end, perm); non-overlapping.
    perms: BTreeMap<u64, (u64, Perm)>,
    /// The guest's own `RLIMIT_AS`/`RLIMIT_DATA` (soft, hard), once it set one:
    /// its view only, never applied to the host process.
    pub(crate) rlimit_as: Option<(u64, u64)>,
    pub(crate) rlimit_data: Option<(u64, u64)>,
}

/// The host range of linear memory: its base (which never moves) and size.
/// Only the memory layer makes one, from a live memory view.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    pub(super) base: *mut u8,
    pub(super) size: u64,
}

impl Region {
    /// Linear memory's size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }
}

/// Grows linear memory to at least the given size; returns the new size.
pub type Grow<'g> = dyn FnMut(u64) -> Result<u64, Errno> + 'g;

/// One process's address space.
#[derive(Debug, Default)]
pub struct AddressSpace {
    state: RwLock<State>,
}

impl AddressSpace {
    /// Start allocating above a module memory of `size` bytes.
    pub fn init(&self, size: u64) {
        let mut st = self.write();
        st.floor = align_up(size, page_size());
        st.seen_size = size;
    }

    pub(crate) fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Hold the lock for writing, e.g. across `fork`, so the child gets it unlocked.
    pub fn hold(&self) -> impl Drop + '_ {
        struct Held<'a>(#[allow(dead_code)] RwLockWriteGuard<'a, State>);
        impl Drop for Held<'_> {
            fn drop(&mut self) {}
        }
        Held(self.write())
    }

    /// The guest's view of `RLIMIT_AS` (`as_limit`) or `RLIMIT_DATA`.
    pub fn guest_rlimit(&self, as_limit: bool) -> Option<(u64, u64)> {
        let st = self.read();
        if as_limit { st.rlimit_as } else { st.rlimit_data }
    }

    /// Record the guest's `RLIMIT_AS` or `RLIMIT_DATA`.
    pub fn set_guest_rlimit(&self, as_limit: bool, v: (u64, u64)) {
        let mut st = self.write();
        if as_limit { st.rlimit_as = Some(v) } else { st.rlimit_data = Some(v) }
    }

    /// mmap: returns the guest address.
    #[allow(clippy::too_many_arguments)]
    pub fn mmap(&self, r: Region, addr: u32, len: u32, prot: i32, flags: i32, fd: i32, offset: i64, grow: &mut Grow<'_>) -> Result<u64, Errno> {
        let page = page_size();
        let kind = flags & 0x3;
        if len == 0 || offset < 0 || offset % 4096 != 0 || !(1..=3).contains(&kind) {
            return Err(Errno::EINVAL);
        }
        let len = align_up(len as u64, page);
        let fixed = flags & (g::MAP_FIXED | g::MAP_FIXED_NOREPLACE) != 0;
        if fixed && addr as u64 % page != 0 {
            return Err(Errno::EINVAL);
        }
        let mut st = self.write();
        st.observe(r.size);
        let start = if fixed {
            let (s, e) = (addr as u64, addr as u64 + len);
            if s < st.floor || e > ADDRESS_SPACE {
                return Err(Errno::ENOMEM);
            }
            if flags & g::MAP_FIXED_NOREPLACE != 0 && !st.is_free(s, e) {
                return Err(Errno::EEXIST);
            }
            s
        } else if addr != 0 && addr as u64 % page == 0 && st.is_free(addr as u64, addr as u64 + len) && addr as u64 + len <= r.size {
            addr as u64
        } else {
            st.check_as_limit(len)?;
            st.allocate(r, len, grow)?
        };
        let end = start + len;
        if end > ADDRESS_SPACE {
            return Err(Errno::ENOMEM);
        }
        let r = st.grow(r, end, grow)?;
        st.place(r, start, len, prot, flags, fd, offset)?;
        st.mark(start, end, flags & g::MAP_ANONYMOUS == 0);
        Ok(start)
    }

    /// munmap
    pub fn munmap(&self, r: Region, addr: u32, len: u32) -> Result<(), Errno> {
        let page = page_size();
        if addr as u64 % page != 0 || len == 0 {
            return Err(Errno::EINVAL);
        }
        let mut st = self.write();
        st.observe(r.size);
        let start = addr as u64;
        let end = start + align_up(len as u64, page);
        // Beyond the address space: EINVAL, as past TASK_SIZE natively.
        if start < st.floor || end > ADDRESS_SPACE {
            return Err(Errno::EINVAL);
        }
        let end = end.min(r.size);
        if start < end {
            st.unmap(r, start, end);
        }
        Ok(())
    }

    /// mremap: returns the new guest address.
    pub fn mremap(&self, r: Region, old: u32, old_size: u32, new_size: u32, flags: i32, new: u32, grow: &mut Grow<'_>) -> Result<u64, Errno> {
        let page = page_size();
        let may_move = flags & g::MREMAP_MAYMOVE != 0;
        let fixed = flags & g::MREMAP_FIXED != 0;
        if old as u64 % page != 0 || new_size == 0 || flags & !(g::MREMAP_MAYMOVE | g::MREMAP_FIXED | 4) != 0 || (fixed && !may_move) {
            return Err(Errno::EINVAL);
        }
        let mut st = self.write();
        st.observe(r.size);
        let old = old as u64;
        let old_len = align_up(old_size as u64, page);
        let new_len = align_up(new_size as u64, page);
        if old < st.floor || old + old_len > r.size || old_len == 0 || !st.is_mapped(old, old + old_len) {
            return Err(Errno::EFAULT);
        }
        let file = st.is_file(old, old + old_len);
        if new_len <= old_len && !fixed {
            if new_len < old_len {
                st.unmap(r, old + new_len, old + old_len);
            }
            return Ok(old);
        }
        // Grow in place when the pages after the mapping are free.
        if !fixed && !file && st.is_free(old + old_len, old + new_len) && old + new_len <= ADDRESS_SPACE {
            st.check_as_limit(new_len - old_len)?;
            let r = st.grow(r, old + new_len, grow)?;
            let rw = libc::PROT_READ | libc::PROT_WRITE;
            st.map(r, old + old_len, new_len - old_len, rw, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0)?;
            st.mark(old, old + new_len, false);
            return Ok(old);
        }
        if !may_move {
            return Err(Errno::ENOMEM);
        }
        let dest = if fixed {
            let d = new as u64;
            if d % page != 0 || d < st.floor || (d < old + old_len && old < d + new_len) {
                return Err(Errno::EINVAL);
            }
            d
        } else {
            st.check_as_limit(new_len)?;
            // Find room that does not overlap the old range.
            st.mark(old, old + old_len, file);
            st.allocate(r, new_len, grow)?
        };
        if dest + new_len > ADDRESS_SPACE {
            return Err(Errno::ENOMEM);
        }
        let r = st.grow(r, dest + new_len, grow)?;
        st.remap(r, old, old_len, dest, new_len)?;
        st.mark(dest, dest + new_len, file);
        Ok(dest)
    }

    /// The page range of mprotect, madvise, msync and mlock: `addr`
    /// page-aligned (EINVAL); every page mapped, else ENOMEM. A range past the
    /// address space is `beyond`'s error (ENOMEM for mprotect and msync, EINVAL
    /// for madvise). Page 0 is the guest's NULL page, never mapped, as on Linux.
    fn check_range(st: &mut State, r: Region, addr: u32, len: u32, beyond: Errno) -> Result<(u64, u64), Errno> {
        let page = page_size();
        if addr as u64 % page != 0 {
            return Err(Errno::EINVAL);
        }
        let (start, len) = (addr as u64, align_up(len as u64, page));
        if start + len > ADDRESS_SPACE {
            return Err(beyond);
        }
        st.observe(r.size);
        if len > 0 && (start < page || start + len > r.size || !st.is_mapped(start, start + len)) {
            return Err(Errno::ENOMEM);
        }
        Ok((start, len))
    }

    /// mprotect (never host-executable).
    pub fn mprotect(&self, r: Region, addr: u32, len: u32, prot: i32) -> Result<(), Errno> {
        let mut st = self.write();
        let (start, len) = Self::check_range(&mut st, r, addr, len, Errno::ENOMEM)?;
        st.protect(r, start, len, prot)
    }

    /// madvise; advice that would change what the host owns is refused.
    pub fn madvise(&self, r: Region, addr: u32, len: u32, advice: i32) -> Result<(), Errno> {
        let mut st = self.write();
        let (start, len) = Self::check_range(&mut st, r, addr, len, Errno::EINVAL)?;
        if REFUSED_ADVICE.contains(&advice) {
            return Err(Errno::EINVAL);
        }
        // SAFETY: the range lies inside linear memory; the advice allowed only
        // changes the contents of guest pages (MADV_DONTNEED zeroes them), never
        // whether they are mapped.
        unsafe { crate::kernel::mm::madvise(r.base.add(start as usize), len as usize, advice) }
    }

    /// msync
    pub fn msync(&self, r: Region, addr: u32, len: u32, flags: i32) -> Result<(), Errno> {
        let mut st = self.write();
        let (start, len) = Self::check_range(&mut st, r, addr, len, Errno::ENOMEM)?;
        // SAFETY: range inside linear memory; msync changes no mapping.
        unsafe { crate::kernel::mm::msync(r.base.add(start as usize), len as usize, flags) }
    }

    /// mlock2 / munlock (`lock` None): `addr` rounded down to a page, as the kernel does.
    pub fn mlock(&self, r: Region, addr: u32, len: u32, lock: Option<u32>) -> Result<(), Errno> {
        let skew = addr as u64 % page_size();
        let len = u32::try_from(len as u64 + skew).map_err(|_| Errno::ENOMEM)?;
        let mut st = self.write();
        let (start, len) = Self::check_range(&mut st, r, addr - skew as u32, len, Errno::ENOMEM)?;
        // SAFETY: range inside linear memory; locking changes no mapping.
        unsafe { crate::kernel::mm::mlock(r.base.add(start as usize), len as usize, lock) }
    }

    /// brk: the break starts at the first free page above the module's memory
    /// and moves while the pages after it are free; a request that cannot be
    /// met returns the current break, as Linux does.
    pub fn brk(&self, r: Region, addr: u32, grow: &mut Grow<'_>) -> u64 {
        let page = page_size();
        let mut st = self.write();
        st.observe(r.size);
        if st.brk_start == 0 {
            let start = st.first_fit(page, None);
            st.brk_start = start;
            st.brk_cur = start;
        }
        let want = addr as u64;
        if want < st.brk_start {
            return st.brk_cur;
        }
        let (cur_end, new_end) = (align_up(st.brk_cur, page), align_up(want, page));
        if new_end > cur_end {
            if !st.is_free(cur_end, new_end) || new_end > ADDRESS_SPACE || st.check_data_limit(new_end - st.brk_start).is_err() {
                return st.brk_cur;
            }
            let Ok(r) = st.grow(r, new_end, grow) else { return st.brk_cur };
            let rw = libc::PROT_READ | libc::PROT_WRITE;
            if st.map(r, cur_end, new_end - cur_end, rw, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0).is_err() {
                return st.brk_cur;
            }
            let start = st.brk_start;
            st.mark(start, new_end, false);
        } else if new_end < cur_end {
            st.unmap(r, new_end, cur_end);
        }
        st.brk_cur = want;
        want
    }

    /// Fresh zeroed read-write pages (at least `len` bytes) for the runtime's
    /// own use inside linear memory (the `siginfo_t` a signal handler gets),
    /// allocated like an anonymous `mmap`. Returns the guest address.
    pub fn alloc_pages(&self, r: Region, len: u64, grow: &mut Grow<'_>) -> Result<u32, Errno> {
        let len = align_up(len.max(1), page_size());
        let mut st = self.write();
        st.observe(r.size);
        let start = st.allocate(r, len, grow)?;
        let r = st.grow(r, start + len, grow)?;
        let rw = libc::PROT_READ | libc::PROT_WRITE;
        st.map(r, start, len, rw, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0)?;
        st.mark(start, start + len, false);
        Ok(start as u32)
    }
}

/// Stop the process: the reservation has a hole that could not be covered, so
/// the next host mapping could land inside guest memory.
#[cold]
fn abort_with_hole(start: u64, len: u64, e: Errno) -> ! {
    eprintln!(
        "wali-run: fatal: cannot cover guest pages {start:#x}..{:#x} after a failed mapping call ({e:?}); aborting",
        start + len
    );
    std::process::abort()
}

/// The host protection for guest pages: never PROT_EXEC (Wasm code does not
/// run from linear memory, and guest data must never be host code); other
/// bits go to the kernel, which rejects unknown ones with EINVAL.
fn host_prot(prot: i32) -> i32 {
    prot & !libc::PROT_EXEC
}

impl State {
    /// Reserve for the guest whatever it grew by itself since we last looked.
    fn observe(&mut self, size: u64) {
        if size > self.seen_size {
            let start = align_up(self.seen_size.max(self.floor), page_size());
            let end = align_up(size, page_size());
            if end > start {
                self.used.insert(start, (end, false));
            }
            self.seen_size = size;
        }
    }

    /// Make linear memory at least `end` bytes long (memory grown because we
    /// asked reserves nothing for the guest).
    fn grow(&mut self, r: Region, end: u64, grow: &mut Grow<'_>) -> Result<Region, Errno> {
        if end <= r.size {
            return Ok(r);
        }
        let size = grow(end)?;
        if size < end {
            return Err(Errno::ENOMEM);
        }
        self.seen_size = self.seen_size.max(size);
        Ok(Region { base: r.base, size })
    }

    /// The guest's RLIMIT_AS, applied to its own mappings.
    fn check_as_limit(&self, more: u64) -> Result<(), Errno> {
        match self.rlimit_as {
            Some((cur, _)) if self.mapped_bytes().saturating_add(more) > cur => Err(Errno::ENOMEM),
            _ => Ok(()),
        }
    }

    /// The guest's RLIMIT_DATA, applied to its program break.
    fn check_data_limit(&self, brk_len: u64) -> Result<(), Errno> {
        match self.rlimit_data {
            Some((cur, _)) if brk_len > cur => Err(Errno::ENOMEM),
            _ => Ok(()),
        }
    }

    fn mapped_bytes(&self) -> u64 {
        self.floor + self.used.iter().map(|(s, (e, _))| e - s).sum::<u64>()
    }

    fn is_free(&self, start: u64, end: u64) -> bool {
        start >= self.floor && overlapping(&self.used, start, end).next().is_none()
    }

    /// First free range of `len` bytes at or after `floor` (may extend past the
    /// memory end), leaving `reserve` free.
    fn first_fit(&self, len: u64, reserve: Option<(u64, u64)>) -> u64 {
        let mut cursor = self.floor;
        let taken = self.used.iter().map(|(s, (e, _))| (*s, *e));
        let mut ranges: Vec<(u64, u64)> = taken.chain(reserve).collect();
        ranges.sort_unstable();
        for (s, e) in ranges {
            if s >= cursor + len {
                break;
            }
            cursor = cursor.max(e);
        }
        cursor
    }

    /// Room for `len` new bytes: above the heap room when memory can grow that
    /// far, else anywhere free. Memory is grown to cover it; pages the growth
    /// adds stay inaccessible (placeholders), as unmapped pages are.
    fn allocate(&mut self, r: Region, len: u64, grow: &mut Grow<'_>) -> Result<u64, Errno> {
        let heap = (self.brk_start != 0).then(|| (self.brk_start, self.brk_start + BRK_ROOM));
        for start in [self.first_fit(len, heap), self.first_fit(len, None)] {
            let end = start + len;
            let before = align_up(r.size, page_size()).max(self.floor);
            if end > ADDRESS_SPACE {
                continue;
            }
            let Ok(grown) = self.grow(r, end, grow) else { continue };
            for (a, b) in [(before, start), (end.max(before), grown.size)] {
                if b > a {
                    self.cover(grown, a, b - a);
                }
            }
            return Ok(start);
        }
        Err(Errno::ENOMEM)
    }

    /// Is every page of `[start, end)` mapped (module memory or an allocation)?
    fn is_mapped(&self, start: u64, end: u64) -> bool {
        let mut cursor = start.max(self.floor);
        for (s, (e, _)) in overlapping(&self.used, cursor, end) {
            if *e <= cursor {
                continue;
            }
            if *s > cursor {
                return false;
            }
            cursor = *e;
        }
        cursor >= end
    }

    fn mark(&mut self, start: u64, end: u64, file: bool) {
        self.release(start, end);
        self.used.insert(start, (end, file));
    }

    /// Forget `[start, end)`, splitting ranges that straddle it.
    fn release(&mut self, start: u64, end: u64) {
        split_out(&mut self.used, start, end);
    }

    /// Does `[start, end)` touch a file-backed mapping (whose pages fault
    /// with SIGBUS past the end of the file)?
    pub(crate) fn is_file(&self, start: u64, end: u64) -> bool {
        overlapping(&self.used, start, end).any(|(_, (_, f))| *f)
    }

    /// Record the guest's protection of `[start, end)`.
    fn set_perm(&mut self, start: u64, end: u64, read: bool, write: bool) {
        split_out(&mut self.perms, start, end);
        if !(read && write) {
            self.perms.insert(start, (end, Perm { read, write }));
        }
    }

    /// The end of the accessible prefix of `[start, end)` for `write` or read
    /// access: the first address the runtime may not touch, or `end`.
    pub(crate) fn accessible_until(&self, start: u64, end: u64, write: bool) -> u64 {
        overlapping(&self.perms, start, end)
            .find(|(_, (_, p))| !if write { p.write } else { p.read })
            .map_or(end, |(s, _)| (*s).max(start))
    }

    // --- host mapping primitives: each keeps the invariant -------------------

    /// Replace `[addr, addr+len)` with a host mapping (`fd == -1`: anonymous)
    /// with the guest's protection. On failure the range is covered by a
    /// placeholder and freed: a failed `MAP_FIXED` mmap may have removed the
    /// old pages, as on Linux.
    #[allow(clippy::too_many_arguments)]
    fn map(&mut self, r: Region, addr: u64, len: u64, prot: i32, flags: i32, fd: i32, off: i64) -> Result<(), Errno> {
        debug_assert!(addr + len <= r.size);
        // SAFETY: the range lies inside the linear-memory reservation, which
        // this runtime owns; MAP_FIXED replaces only those pages.
        let res = unsafe { crate::kernel::mm::mmap_fixed(r.base.add(addr as usize), len as usize, host_prot(prot), flags, fd, off) };
        match res {
            Ok(()) => {
                self.set_perm(addr, addr + len, prot & libc::PROT_READ != 0, prot & libc::PROT_WRITE != 0);
                Ok(())
            }
            Err(e) => {
                self.cover(r, addr, len);
                self.release(addr, addr + len);
                Err(e)
            }
        }
    }

    /// Put an inaccessible placeholder over `[addr, addr+len)`; abort if even
    /// that fails.
    fn cover(&mut self, r: Region, addr: u64, len: u64) {
        let none = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE;
        // SAFETY: as in `map`: the range is inside the reservation.
        let res = unsafe { crate::kernel::mm::mmap_fixed(r.base.add(addr as usize), len as usize, libc::PROT_NONE, none, -1, 0) };
        if let Err(e) = res {
            abort_with_hole(addr, len, e);
        }
        self.set_perm(addr, addr + len, false, false);
    }

    /// Make `[start, end)` inaccessible and free it.
    fn unmap(&mut self, r: Region, start: u64, end: u64) {
        self.cover(r, start, end - start);
        self.release(start, end);
    }

    /// mprotect inside linear memory. If the host call fails part-way, the
    /// pages may have either protection: the range becomes inaccessible to
    /// the runtime (never more than the host allows).
    fn protect(&mut self, r: Region, addr: u64, len: u64, prot: i32) -> Result<(), Errno> {
        // SAFETY: range inside the reservation; mprotect never unmaps.
        match unsafe { crate::kernel::mm::mprotect(r.base.add(addr as usize), len as usize, host_prot(prot)) } {
            Ok(()) => {
                self.set_perm(addr, addr + len, prot & libc::PROT_READ != 0, prot & libc::PROT_WRITE != 0);
                Ok(())
            }
            Err(e) => {
                self.set_perm(addr, addr + len, false, false);
                Err(e)
            }
        }
    }

    /// Move the mapping at `[old, old+old_len)` to `[new, new+new_len)`
    /// (contents and file backing go with it), then cover the old range.
    fn remap(&mut self, r: Region, old: u64, old_len: u64, new: u64, new_len: u64) -> Result<(), Errno> {
        // SAFETY: both ranges lie inside the reservation; MREMAP_FIXED replaces
        // only the destination pages.
        let res = unsafe { crate::kernel::mm::mremap_fixed(r.base.add(old as usize), old_len as usize, r.base.add(new as usize), new_len as usize) };
        match res {
            Ok(()) => {
                let perm = self.perms.range(..=old).next_back().filter(|(_, (e, _))| *e > old).map(|(_, (_, p))| *p);
                let (rd, wr) = perm.map_or((true, true), |p| (p.read, p.write));
                self.set_perm(new, new + new_len, rd, wr);
                // The old range is a hole in the reservation now.
                self.unmap(r, old, old + old_len);
                Ok(())
            }
            Err(e) => {
                // The kernel may have unmapped the destination: cover both.
                self.cover(r, new, new_len);
                self.release(new, new + new_len);
                Err(e)
            }
        }
    }

    /// Map `[addr, addr+len)` as the guest asked (guest flags).
    #[allow(clippy::too_many_arguments)]
    fn place(&mut self, r: Region, addr: u64, len: u64, prot: i32, flags: i32, fd: i32, off: i64) -> Result<(), Errno> {
        let anon = flags & g::MAP_ANONYMOUS != 0;
        let shared = flags & 0x3 != g::MAP_PRIVATE;
        let host_flags = convert::mmap_flags_to_host(flags);
        if anon {
            return self.map(r, addr, len, prot, host_flags, -1, 0);
        }
        if off as u64 % page_size() == 0 {
            return self.map(r, addr, len, prot, host_flags, fd, off);
        }
        // Offset aligned for the guest (4 KiB) but not for a host with larger
        // pages: a private mapping can be emulated by reading the file.
        if shared {
            return Err(Errno::EINVAL);
        }
        let rw = libc::PROT_READ | libc::PROT_WRITE;
        self.map(r, addr, len, rw, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0)?;
        // SAFETY: fresh anonymous read-write pages inside the reservation.
        let buf = unsafe { crate::kernel::UserBuf::from_raw(r.base.add(addr as usize), len as usize) };
        if let Err(e) = crate::kernel::fs::pread(fd, buf, off) {
            self.unmap(r, addr, addr + len);
            return Err(e);
        }
        self.protect(r, addr, len, prot)
    }
}

/// The ranges of `map` (non-overlapping, keyed by their start) that meet
/// `[start, end)`, in order: the one that begins at or before `start` and
/// those that begin inside. A lookup, not a scan from the lowest range, so a
/// guest with thousands of mappings does not slow every buffer check.
fn overlapping<V>(map: &BTreeMap<u64, (u64, V)>, start: u64, end: u64) -> impl Iterator<Item = (&u64, &(u64, V))> {
    let before = map.range(..=start).next_back();
    let inside = map.range(start.saturating_add(1)..end.max(start.saturating_add(1)));
    before.into_iter().chain(inside).filter(move |(s, (e, _))| **s < end && *e > start)
}

/// Remove `[start, end)` from a map of non-overlapping ranges, splitting the
/// ranges that straddle it.
fn split_out<V: Copy>(map: &mut BTreeMap<u64, (u64, V)>, start: u64, end: u64) {
    let hits: Vec<(u64, (u64, V))> = overlapping(map, start, end).map(|(s, v)| (*s, *v)).collect();
    for (s, (e, v)) in hits {
        map.remove(&s);
        if s < start {
            map.insert(s, (start, v));
        }
        if e > end {
            map.insert(end, (e, v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocator_first_fit_and_release() {
        let p = page_size();
        let mut st = State::default();
        st.floor = align_up(3 * 65536 + 1, p);
        st.seen_size = 3 * 65536 + 1;
        let floor = st.floor;
        assert_eq!(st.first_fit(p, None), floor);
        st.mark(floor, floor + 2 * p, false);
        assert_eq!(st.first_fit(p, None), floor + 2 * p);
        st.mark(floor + 2 * p, floor + 3 * p, false);
        st.seen_size = floor + 3 * p;
        st.release(floor, floor + p);
        assert_eq!(st.first_fit(p, None), floor);
        assert_eq!(st.first_fit(2 * p, None), floor + 3 * p);
        assert!(!st.is_free(floor - p, floor));
        // The guest growing memory itself reserves the new pages.
        st.observe(floor + 10 * p);
        assert_eq!(st.first_fit(p, None), floor);
        assert_eq!(st.first_fit(2 * p, None), align_up(floor + 10 * p, p));
    }

    #[test]
    fn perms_split_and_merge() {
        let mut st = State::default();
        st.set_perm(0x1000, 0x2000, false, false);
        st.set_perm(0x3000, 0x4000, true, false);
        assert_eq!(st.accessible_until(0xff0, 0x1010, false), 0x1000);
        assert_eq!(st.accessible_until(0x2000, 0x2010, false), 0x2010);
        assert_eq!(st.accessible_until(0x3000, 0x3010, false), 0x3010);
        assert_eq!(st.accessible_until(0x3000, 0x3010, true), 0x3000);
        st.set_perm(0x1000, 0x1800, true, true);
        assert_eq!(st.accessible_until(0x1000, 0x1800, true), 0x1800);
        assert_eq!(st.accessible_until(0x1800, 0x1801, false), 0x1800);
        st.set_perm(0, 0x4000, true, true);
        assert!(st.perms.is_empty());
    }

    /// The lookup agrees with a scan of every range, on many ranges of every
    /// kind and on queries that start inside, before and between them.
    #[test]
    fn accessible_until_matches_a_scan() {
        let mut st = State::default();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..400 {
            let start = next() % 0x40_0000 & !0xfff;
            let len = (next() % 8 + 1) * 0x1000;
            st.set_perm(start, start + len, next() % 2 == 0, next() % 2 == 0);
        }
        let scan = |st: &State, start: u64, end: u64, write: bool| {
            st.perms
                .iter()
                .filter(|(s, (e, p))| **s < end && *e > start && !if write { p.write } else { p.read })
                .map(|(s, _)| (*s).max(start))
                .min()
                .unwrap_or(end)
        };
        for _ in 0..20_000 {
            let start = next() % 0x41_0000;
            let end = start + next() % 0x8000 + 1;
            let write = next() % 2 == 0;
            assert_eq!(st.accessible_until(start, end, write), scan(&st, start, end, write), "[{start:#x}, {end:#x}) write={write}");
        }
    }
}

#[cfg(test)]
impl State {
    pub(super) fn set_perm_for_test(&mut self, start: u64, end: u64, read: bool, write: bool) {
        self.set_perm(start, end, read, write);
    }
}
