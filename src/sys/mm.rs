//! Memory calls inside linear memory: mmap, munmap, mremap, mprotect, madvise,
//! msync, mlockall, brk.
//!
//! Linear memory `[0, floor)` belongs to the module (data, stack, heap it
//! grew itself). Above it, this page allocator hands out host-page-aligned
//! ranges, growing the Wasm memory when needed. Mappings are real host
//! mappings placed with `MAP_FIXED` inside the linear-memory reservation, so a
//! file mapped `MAP_SHARED` is the file. Unmapped pages become inaccessible
//! (`PROT_NONE`), so a guest access traps like a native segfault and a host
//! access through a syscall is `EFAULT`.

use super::{Cx, Errno, SysResult};
use crate::host::{GuestMemory, Host};
use crate::memory::{Mem, RangeOp};
use std::collections::BTreeMap;
use wali_abi::convert;
use wali_abi::guest::consts as g;
use wasmtime::{AsContext, AsContextMut};

const WASM_PAGE: u64 = 65536;
/// Room left free above the program break for the heap to grow into: mmap
/// places mappings above it while memory allows (Linux keeps the heap and
/// the mmap area far apart too).
const BRK_ROOM: u64 = 256 << 20;
/// The guest's address space: 32-bit pointers.
const ADDRESS_SPACE: u64 = 1 << 32;

/// Allocation state of the mmap region.
#[derive(Debug, Default)]
pub struct MmState {
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
}

/// Host page size (the allocation granularity).
pub fn page_size() -> u64 {
    static PAGE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *PAGE.get_or_init(|| (unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as u64).max(4096))
}

fn align_up(x: u64, a: u64) -> u64 {
    x.div_ceil(a) * a
}

impl MmState {
    /// Start allocating above a memory of `size` bytes.
    pub fn init(&mut self, size: u64) {
        self.floor = align_up(size, page_size());
        self.seen_size = size;
    }

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

    fn is_free(&self, start: u64, end: u64) -> bool {
        start >= self.floor && !self.used.range(..end).any(|(s, (e, _))| *s < end && *e > start)
    }

    /// First free range of `len` bytes at or after `floor` (may extend past the
    /// memory end), leaving the heap room above the program break free.
    fn find(&self, len: u64) -> u64 {
        let reserve = (self.brk_start != 0).then(|| (self.brk_start, self.brk_start + BRK_ROOM));
        self.first_fit(len, reserve)
    }

    /// First free range of `len` bytes, the heap room included.
    fn find_any(&self, len: u64) -> u64 {
        self.first_fit(len, None)
    }

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

    /// Is every page of `[start, end)` mapped (module memory or an allocation)?
    fn is_mapped(&self, start: u64, end: u64) -> bool {
        let mut cursor = start.max(self.floor);
        for (s, (e, _)) in self.used.range(..end) {
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
        let hits: Vec<(u64, (u64, bool))> =
            self.used.range(..end).filter(|(s, (e, _))| **s < end && *e > start).map(|(s, v)| (*s, *v)).collect();
        for (s, (e, f)) in hits {
            self.used.remove(&s);
            if s < start {
                self.used.insert(s, (start, f));
            }
            if e > end {
                self.used.insert(end, (e, f));
            }
        }
    }

    fn is_file(&self, start: u64, end: u64) -> bool {
        self.used.range(..end).any(|(s, (e, f))| *s < end && *e > start && *f)
    }
}

/// Room for `len` new bytes: above the heap room when memory can grow that
/// far, else anywhere free. Memory is grown to cover it; pages the growth adds
/// around the range stay inaccessible, as unmapped pages are.
fn allocate(mut store: impl AsContextMut<Data = Host>, mm: &mut MmState, len: u64) -> Result<u64, Errno> {
    for start in [mm.find(len), mm.find_any(len)] {
        let end = start + len;
        let before = align_up(store_mem(&store).size(), page_size()).max(mm.floor);
        if end > ADDRESS_SPACE || grow_store_to(&mut store, end).is_err() {
            continue;
        }
        let after = store_mem(&store).size();
        mm.observe_grown_by_us(after);
        let mem = store_mem(&store);
        let none = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE;
        for (a, b) in [(before, start), (end.max(before), after)] {
            if b > a {
                mem.map_fixed(a, (b - a) as usize, libc::PROT_NONE, none, -1, 0)?;
            }
        }
        return Ok(start);
    }
    Err(Errno::ENOMEM)
}

/// Make linear memory at least `end` bytes long.
fn grow_to(cx: &mut Cx<'_, '_>, end: u64) -> Result<(), Errno> {
    grow_store_to(&mut *cx.caller, end)
}

/// [`grow_to`] for any context of the guest's store.
fn grow_store_to(mut store: impl AsContextMut<Data = Host>, end: u64) -> Result<(), Errno> {
    let size = store_mem(&store).size();
    if end <= size {
        return Ok(());
    }
    let delta = (end - size).div_ceil(WASM_PAGE);
    let r = match store.as_context().data().memory.clone() {
        GuestMemory::Shared(m) => m.grow(delta).map(|_| ()),
        GuestMemory::Local(m) => m.grow(&mut store, delta).map(|_| ()),
        GuestMemory::None => return Err(Errno::ENOMEM),
    };
    r.map_err(|_| Errno::ENOMEM)
}

fn store_mem(store: &impl AsContext<Data = Host>) -> Mem<'_> {
    store.as_context().data().mem(store)
}

/// Fresh zeroed read-write pages (at least `len` bytes) for the runtime's own
/// use inside linear memory, e.g. the `siginfo_t` a signal handler is given;
/// allocated like an anonymous `mmap` of the guest, so the guest's own
/// mappings never overlap them. Returns the guest address.
pub fn alloc_pages(mut store: impl AsContextMut<Data = Host>, len: u64) -> Result<u32, Errno> {
    let len = align_up(len.max(1), page_size());
    let process = store.as_context().data().process.clone();
    let mut mm = process.mm.lock().unwrap_or_else(|e| e.into_inner());
    mm.observe(store_mem(&store).size());
    let start = allocate(&mut store, &mut mm, len)?;
    let end = start + len;
    place(&store_mem(&store), start, len, g::PROT_READ | g::PROT_WRITE, g::MAP_PRIVATE | g::MAP_ANONYMOUS, -1, 0)?;
    mm.mark(start, end, false);
    Ok(start as u32)
}

/// Map `[addr, addr+len)` as the guest asked, after the range is allocated and
/// memory is large enough.
fn place(mem: &Mem<'_>, addr: u64, len: u64, prot: i32, flags: i32, fd: i32, off: i64) -> Result<(), Errno> {
    let anon = flags & g::MAP_ANONYMOUS != 0;
    let shared = flags & 0x3 != g::MAP_PRIVATE;
    let host_flags = convert::mmap_flags_to_host(flags);
    if anon {
        return mem.map_fixed(addr, len as usize, prot, host_flags, -1, 0);
    }
    if off as u64 % page_size() == 0 {
        return mem.map_fixed(addr, len as usize, prot, host_flags, fd, off);
    }
    // Offset aligned for the guest (4 KiB) but not for a host with larger
    // pages: a private mapping can be emulated by reading the file.
    if shared {
        return Err(Errno::EINVAL);
    }
    mem.map_fixed(addr, len as usize, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0)?;
    let buf = mem.buf(addr as u32, len as usize, crate::memory::Access::Write)?;
    let n = unsafe { libc::pread(fd, buf.ptr.cast(), buf.len, off as libc::off_t) };
    if n < 0 {
        return Err(Errno::last());
    }
    mem.protect(addr, len as usize, prot)
}

/// mmap(addr, length, prot, flags, fd, offset): returns the guest address.
pub fn mmap(cx: &mut Cx<'_, '_>, addr: u32, len: u32, prot: i32, flags: i32, fd: i32, offset: i64) -> SysResult {
    let page = page_size();
    let kind = flags & 0x3;
    if len == 0 || offset < 0 || offset % 4096 != 0 || !(1..=3).contains(&kind) {
        return Err(Errno::EINVAL.into());
    }
    let len = align_up(len as u64, page);
    let fixed = flags & (g::MAP_FIXED | g::MAP_FIXED_NOREPLACE) != 0;
    if fixed && addr as u64 % page != 0 {
        return Err(Errno::EINVAL.into());
    }
    let process = cx.host().process.clone();
    let mut mm = process.mm.lock().unwrap_or_else(|e| e.into_inner());
    mm.observe(cx.mem().size());
    let start = if fixed {
        let (s, e) = (addr as u64, addr as u64 + len);
        if s < mm.floor || e > u32::MAX as u64 + 1 {
            return Err(Errno::ENOMEM.into());
        }
        if flags & g::MAP_FIXED_NOREPLACE != 0 && !mm.is_free(s, e) {
            return Err(Errno::EEXIST.into());
        }
        s
    } else if addr != 0 && addr as u64 % page == 0 && mm.is_free(addr as u64, addr as u64 + len) && (addr as u64 + len) <= cx.mem().size() {
        addr as u64
    } else {
        allocate(&mut *cx.caller, &mut mm, len)?
    };
    let end = start + len;
    if end > ADDRESS_SPACE {
        return Err(Errno::ENOMEM.into());
    }
    grow_to(cx, end)?;
    mm.observe_grown_by_us(cx.mem().size());
    place(&cx.mem(), start, len, prot, flags, fd, offset)?;
    mm.mark(start, end, flags & g::MAP_ANONYMOUS == 0);
    Ok(start as i64)
}

impl MmState {
    /// Memory grew because we asked: nothing to reserve for the guest.
    fn observe_grown_by_us(&mut self, size: u64) {
        self.seen_size = self.seen_size.max(size);
    }
}

/// Make `[start, end)` inaccessible and free it.
fn unmap_range(mem: &Mem<'_>, mm: &mut MmState, start: u64, end: u64) -> Result<(), Errno> {
    mem.map_fixed(start, (end - start) as usize, libc::PROT_NONE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE, -1, 0)?;
    mm.release(start, end);
    Ok(())
}

/// munmap(addr, length)
pub fn munmap(cx: &mut Cx<'_, '_>, addr: u32, len: u32) -> SysResult {
    let page = page_size();
    if addr as u64 % page != 0 || len == 0 {
        return Err(Errno::EINVAL.into());
    }
    let process = cx.host().process.clone();
    let mut mm = process.mm.lock().unwrap_or_else(|e| e.into_inner());
    let mem = cx.mem();
    mm.observe(mem.size());
    let start = addr as u64;
    let end = start + align_up(len as u64, page);
    // Beyond the address space: EINVAL, as past TASK_SIZE natively.
    if start < mm.floor || end > ADDRESS_SPACE {
        return Err(Errno::EINVAL.into());
    }
    let end = end.min(mem.size());
    if start < end {
        unmap_range(&mem, &mut mm, start, end)?;
    }
    Ok(0)
}

/// mremap(old_address, old_size, new_size, flags, new_address)
pub fn mremap(cx: &mut Cx<'_, '_>, old: u32, old_size: u32, new_size: u32, flags: i32, new: u32) -> SysResult {
    let page = page_size();
    let may_move = flags & g::MREMAP_MAYMOVE != 0;
    let fixed = flags & g::MREMAP_FIXED != 0;
    if old as u64 % page != 0 || new_size == 0 || flags & !(g::MREMAP_MAYMOVE | g::MREMAP_FIXED | 4) != 0 || (fixed && !may_move) {
        return Err(Errno::EINVAL.into());
    }
    let process = cx.host().process.clone();
    let mut mm = process.mm.lock().unwrap_or_else(|e| e.into_inner());
    mm.observe(cx.mem().size());
    let old = old as u64;
    let old_len = align_up(old_size as u64, page);
    let new_len = align_up(new_size as u64, page);
    if old < mm.floor || old + old_len > cx.mem().size() || old_len == 0 || !mm.is_mapped(old, old + old_len) {
        return Err(Errno::EFAULT.into());
    }
    let file = mm.is_file(old, old + old_len);
    if new_len <= old_len && !fixed {
        if new_len < old_len {
            unmap_range(&cx.mem(), &mut mm, old + new_len, old + old_len)?;
        }
        return Ok(old as i64);
    }
    // Grow in place when the pages after the mapping are free.
    if !fixed && !file && mm.is_free(old + old_len, old + new_len) && old + new_len <= u32::MAX as u64 + 1 {
        grow_to(cx, old + new_len)?;
        mm.observe_grown_by_us(cx.mem().size());
        let mem = cx.mem();
        mem.map_fixed(old + old_len, (new_len - old_len) as usize, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0)?;
        mm.mark(old, old + new_len, false);
        return Ok(old as i64);
    }
    if !may_move {
        return Err(Errno::ENOMEM.into());
    }
    let dest = if fixed {
        let d = new as u64;
        if d % page != 0 || d < mm.floor || (d < old + old_len && old < d + new_len) {
            return Err(Errno::EINVAL.into());
        }
        d
    } else {
        // Find room that does not overlap the old range.
        mm.mark(old, old + old_len, file);
        allocate(&mut *cx.caller, &mut mm, new_len)?
    };
    if dest + new_len > ADDRESS_SPACE {
        return Err(Errno::ENOMEM.into());
    }
    grow_to(cx, dest + new_len)?;
    mm.observe_grown_by_us(cx.mem().size());
    let mem = cx.mem();
    mem.remap(old, old_len as usize, dest, new_len as usize)?;
    // The old range is a hole in the reservation now: make it inaccessible again.
    unmap_range(&mem, &mut mm, old, old + old_len)?;
    mm.mark(dest, dest + new_len, file);
    Ok(dest as i64)
}

/// The page range of mprotect, madvise and msync: `addr` page-aligned
/// (EINVAL); every page mapped, else ENOMEM (a range past the address space
/// is `beyond`'s error: ENOMEM for mprotect and msync, EINVAL for madvise).
fn check_range(cx: &Cx<'_, '_>, addr: u32, len: u32, beyond: Errno) -> Result<(u64, usize), Errno> {
    if addr as u64 % page_size() != 0 {
        return Err(Errno::EINVAL);
    }
    let (start, len) = (addr as u64, align_up(len as u64, page_size()));
    if start + len > ADDRESS_SPACE {
        return Err(beyond);
    }
    let process = cx.host().process.clone();
    let mut mm = process.mm.lock().unwrap_or_else(|e| e.into_inner());
    mm.observe(cx.mem().size());
    if start + len > cx.mem().size() || !mm.is_mapped(start, start + len) {
        return Err(Errno::ENOMEM);
    }
    Ok((start, len as usize))
}

/// mprotect(addr, len, prot)
pub fn mprotect(cx: &mut Cx<'_, '_>, addr: u32, len: u32, prot: i32) -> SysResult {
    let (a, l) = check_range(cx, addr, len, Errno::ENOMEM)?;
    cx.mem().protect(a, l, prot)?;
    Ok(0)
}

/// madvise(addr, length, advice)
pub fn madvise(cx: &mut Cx<'_, '_>, addr: u32, len: u32, advice: i32) -> SysResult {
    let (a, l) = check_range(cx, addr, len, Errno::EINVAL)?;
    cx.mem().range_op(a, l, RangeOp::Madvise(advice))?;
    Ok(0)
}

/// msync(addr, length, flags)
pub fn msync(cx: &mut Cx<'_, '_>, addr: u32, len: u32, flags: i32) -> SysResult {
    let (a, l) = check_range(cx, addr, len, Errno::ENOMEM)?;
    cx.mem().range_op(a, l, RangeOp::Msync(flags))?;
    Ok(0)
}

/// mlockall(flags): locks the whole host process, which includes the guest.
pub fn mlockall(_cx: &mut Cx<'_, '_>, flags: i32) -> SysResult {
    super::cvt(unsafe { libc::mlockall(flags) })
}

/// mlock2(addr, len, flags): `addr` rounded down to a page, as the kernel
/// does; ENOMEM if a page of the range is not mapped.
pub fn mlock2(cx: &mut Cx<'_, '_>, addr: u32, len: u32, flags: u32) -> SysResult {
    const MLOCK_ONFAULT: u32 = 1;
    if flags & !MLOCK_ONFAULT != 0 {
        return Err(Errno::EINVAL.into());
    }
    let (a, l) = page_range(cx, addr, len)?;
    cx.mem().range_op(a, l, RangeOp::Mlock(flags))?;
    Ok(0)
}

pub fn mlock(cx: &mut Cx<'_, '_>, addr: u32, len: u32) -> SysResult {
    mlock2(cx, addr, len, 0)
}

pub fn munlock(cx: &mut Cx<'_, '_>, addr: u32, len: u32) -> SysResult {
    let (a, l) = page_range(cx, addr, len)?;
    cx.mem().range_op(a, l, RangeOp::Munlock)?;
    Ok(0)
}

pub fn munlockall(_cx: &mut Cx<'_, '_>) -> SysResult {
    super::cvt(unsafe { libc::munlockall() })
}

/// The pages holding `[addr, addr+len)` (mlock's rounding), checked as mprotect's.
fn page_range(cx: &Cx<'_, '_>, addr: u32, len: u32) -> Result<(u64, usize), Errno> {
    let skew = addr as u64 % page_size();
    let len = u32::try_from(len as u64 + skew).map_err(|_| Errno::ENOMEM)?;
    check_range(cx, addr - skew as u32, len, Errno::ENOMEM)
}

/// brk(addr): the break starts at the first free page above the module's
/// memory and moves while the pages after it are free; a request that cannot
/// be met returns the current break, as Linux does.
pub fn brk(cx: &mut Cx<'_, '_>, addr: u32) -> SysResult {
    let page = page_size();
    let process = cx.host().process.clone();
    let mut mm = process.mm.lock().unwrap_or_else(|e| e.into_inner());
    mm.observe(cx.mem().size());
    if mm.brk_start == 0 {
        let start = mm.find_any(page);
        mm.brk_start = start;
        mm.brk_cur = start;
    }
    let want = addr as u64;
    if want < mm.brk_start {
        return Ok(mm.brk_cur as i64);
    }
    let (cur_end, new_end) = (align_up(mm.brk_cur, page), align_up(want, page));
    if new_end > cur_end {
        if !mm.is_free(cur_end, new_end) || new_end > u32::MAX as u64 + 1 {
            return Ok(mm.brk_cur as i64);
        }
        if grow_to(cx, new_end).is_err() {
            return Ok(mm.brk_cur as i64);
        }
        mm.observe_grown_by_us(cx.mem().size());
        let rw = libc::PROT_READ | libc::PROT_WRITE;
        if cx.mem().map_fixed(cur_end, (new_end - cur_end) as usize, rw, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0).is_err() {
            return Ok(mm.brk_cur as i64);
        }
        let start = mm.brk_start;
        mm.mark(start, new_end, false);
    } else if new_end < cur_end {
        unmap_range(&cx.mem(), &mut mm, new_end, cur_end)?;
    }
    mm.brk_cur = want;
    Ok(want as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocator_first_fit_and_release() {
        let p = page_size();
        let mut mm = MmState::default();
        mm.init(3 * 65536 + 1);
        let floor = align_up(3 * 65536 + 1, p);
        assert_eq!(mm.find(p), floor);
        mm.mark(floor, floor + 2 * p, false);
        assert_eq!(mm.find(p), floor + 2 * p);
        mm.mark(floor + 2 * p, floor + 3 * p, false);
        mm.observe_grown_by_us(floor + 3 * p);
        mm.release(floor, floor + p);
        assert_eq!(mm.find(p), floor);
        assert_eq!(mm.find(2 * p), floor + 3 * p);
        assert!(!mm.is_free(floor - p, floor));
        // The guest growing memory itself reserves the new pages.
        mm.observe(floor + 10 * p);
        assert_eq!(mm.find(p), floor);
        assert_eq!(mm.find(2 * p), align_up(floor + 10 * p, p));
    }
}
