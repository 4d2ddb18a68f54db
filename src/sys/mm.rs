//! Memory calls inside linear memory: mmap, munmap, mremap, mprotect, madvise,
//! msync, mlock, brk. The address space ([`crate::memory::space`]) does the
//! work and keeps its invariant (no holes); these handlers hand it the memory
//! view and a way to grow the Wasm memory.

use super::{Cx, Errno, SysResult};
use crate::host::{GuestMemory, Host};
use crate::kernel;
use crate::memory::Region;
use wasmtime::{AsContext, AsContextMut};

const WASM_PAGE: u64 = 65536;

/// Make linear memory at least `end` bytes long; returns its new size.
fn grow_store_to(mut store: impl AsContextMut<Data = Host>, end: u64) -> Result<u64, Errno> {
    crate::host::sync_memory(&mut store);
    let size = region_of(&store).size();
    if end <= size {
        return Ok(size);
    }
    let delta = (end - size).div_ceil(WASM_PAGE);
    let r = match store.as_context().data().memory.clone() {
        GuestMemory::Shared(m) => m.grow(delta).map(|_| ()),
        GuestMemory::Local(m) | GuestMemory::Aliased(m, _) => m.grow(&mut store, delta).map(|_| ()),
        GuestMemory::None => return Err(Errno::ENOMEM),
    };
    r.map_err(|_| Errno::ENOMEM)?;
    Ok(region_of(&store).size())
}

fn region_of(store: &impl AsContext<Data = Host>) -> Region {
    store.as_context().data().mem(store).region()
}

/// Run `f` with the address space, the current region, and a grower.
fn with_space<R>(cx: &mut Cx<'_, '_>, f: impl FnOnce(&crate::memory::AddressSpace, Region, &mut crate::memory::space::Grow<'_>) -> R) -> R {
    let process = cx.host().process.clone();
    let region = cx.mem().region();
    let caller = &mut *cx.caller;
    f(&process.space, region, &mut |end| grow_store_to(&mut *caller, end))
}

/// Fresh zeroed read-write pages (at least `len` bytes) for the runtime's own
/// use inside linear memory (the `siginfo_t` a signal handler is given).
/// Returns the guest address.
pub fn alloc_pages(mut store: impl AsContextMut<Data = Host>, len: u64) -> Result<u32, Errno> {
    let process = store.as_context().data().process.clone();
    let region = region_of(&store);
    process.space.alloc_pages(region, len, &mut |end| grow_store_to(&mut store, end))
}

/// mmap(addr, length, prot, flags, fd, offset): returns the guest address.
pub fn mmap(cx: &mut Cx<'_, '_>, addr: u32, len: u32, prot: i32, flags: i32, fd: i32, offset: i64) -> SysResult {
    let start = with_space(cx, |space, r, grow| space.mmap(r, addr, len, prot, flags, fd, offset, grow))?;
    Ok(start as i64)
}

/// munmap(addr, length)
pub fn munmap(cx: &mut Cx<'_, '_>, addr: u32, len: u32) -> SysResult {
    let mem = cx.mem();
    cx.host().process.space.munmap(mem.region(), addr, len)?;
    Ok(0)
}

/// mremap(old_address, old_size, new_size, flags, new_address)
pub fn mremap(cx: &mut Cx<'_, '_>, old: u32, old_size: u32, new_size: u32, flags: i32, new: u32) -> SysResult {
    let dest = with_space(cx, |space, r, grow| space.mremap(r, old, old_size, new_size, flags, new, grow))?;
    Ok(dest as i64)
}

/// mprotect(addr, len, prot)
pub fn mprotect(cx: &mut Cx<'_, '_>, addr: u32, len: u32, prot: i32) -> SysResult {
    cx.host().process.space.mprotect(cx.mem().region(), addr, len, prot)?;
    Ok(0)
}

/// madvise(addr, length, advice): advice that changes what the host owns
/// (`MADV_DONTFORK`, guard pages, hwpoison) is refused with EINVAL.
pub fn madvise(cx: &mut Cx<'_, '_>, addr: u32, len: u32, advice: i32) -> SysResult {
    cx.host().process.space.madvise(cx.mem().region(), addr, len, advice)?;
    Ok(0)
}

/// msync(addr, length, flags)
pub fn msync(cx: &mut Cx<'_, '_>, addr: u32, len: u32, flags: i32) -> SysResult {
    cx.host().process.space.msync(cx.mem().region(), addr, len, flags)?;
    Ok(0)
}

/// mlockall(flags): locks the whole host process, which includes the guest.
pub fn mlockall(_cx: &mut Cx<'_, '_>, flags: i32) -> SysResult {
    kernel::mm::mlockall(flags)?;
    Ok(0)
}

/// mlock2(addr, len, flags): `addr` rounded down to a page, as the kernel
/// does; ENOMEM if a page of the range is not mapped.
pub fn mlock2(cx: &mut Cx<'_, '_>, addr: u32, len: u32, flags: u32) -> SysResult {
    const MLOCK_ONFAULT: u32 = 1;
    if flags & !MLOCK_ONFAULT != 0 {
        return Err(Errno::EINVAL.into());
    }
    cx.host().process.space.mlock(cx.mem().region(), addr, len, Some(flags))?;
    Ok(0)
}

pub fn mlock(cx: &mut Cx<'_, '_>, addr: u32, len: u32) -> SysResult {
    mlock2(cx, addr, len, 0)
}

pub fn munlock(cx: &mut Cx<'_, '_>, addr: u32, len: u32) -> SysResult {
    cx.host().process.space.mlock(cx.mem().region(), addr, len, None)?;
    Ok(0)
}

pub fn munlockall(_cx: &mut Cx<'_, '_>) -> SysResult {
    kernel::mm::munlockall()?;
    Ok(0)
}

/// brk(addr): a request that cannot be met returns the current break, as Linux does.
pub fn brk(cx: &mut Cx<'_, '_>, addr: u32) -> SysResult {
    Ok(with_space(cx, |space, r, grow| space.brk(r, addr, grow)) as i64)
}
