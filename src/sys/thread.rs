//! Threads: `__wasm_thread_spawn`, futex on linear memory, thread exit,
//! scheduling calls.
//!
//! A guest thread is a new instance of the same module in its own store, on
//! the same shared memory, on a real host thread; its thread id is the host
//! thread id. `futex` is the host futex on the linear-memory address.

use super::{Cx, Errno, Fault, SysResult, ThreadExit, cvt};
use crate::host::{GuestMemory, Host};
use crate::memory::Access;
use crate::run;
use std::sync::atomic::Ordering;
use std::time::Duration;
use wali_abi::{convert, guest};
use wasmtime::{Ref, TypedFunc};

/// Host stack for guest threads: the Wasm stack limit plus the runtime's margin.
const THREAD_STACK: usize = crate::engine::GUEST_THREAD_STACK;

/// End the whole process immediately with `status & 0xff`, whatever the other
/// threads are doing (blocked in syscalls included).
pub fn exit_process_now(status: i32) -> ! {
    // SAFETY: _exit ends the process without running anything else; the guest
    // flushed its own buffers and the host keeps none.
    unsafe { libc::_exit(status & 0xff) }
}

/// `__wasm_thread_spawn(start, arg)`: run table entry `start` as
/// `start(tid, arg)` on a new thread; returns the tid, or `-EAGAIN`.
pub fn wasm_thread_spawn(cx: &mut Cx<'_, '_>, start: u32, arg: u32) -> SysResult {
    let host = cx.host();
    let (GuestMemory::Shared(_), Some(module)) = (&host.memory, host.module.clone()) else {
        // Threads need a shared memory.
        return Err(Errno::EAGAIN.into());
    };
    let process = host.process.clone();
    let memory = host.memory.clone();
    let engine = cx.caller.engine().clone();
    let (tx, rx) = std::sync::mpsc::channel::<Result<i32, String>>();

    process.ever_threaded.store(true, Ordering::SeqCst);
    *process.threads.lock().unwrap_or_else(|e| e.into_inner()) += 1;
    let thread_process = process.clone();
    let spawned = std::thread::Builder::new().name("wali-guest".into()).stack_size(THREAD_STACK).spawn(move || {
        let process = thread_process;
        let mut store = run::new_store(&engine, Host::new(process.clone(), memory, Some(module.clone())));
        let entry = run::instantiate_in(&mut store, &module).and_then(|_| {
            let table = store.data().table.ok_or_else(|| wasmtime::format_err!("module has no table"))?;
            match table.get(&mut store, start as u64) {
                Some(Ref::Func(Some(f))) => f.typed::<(i32, i32), ()>(&store),
                _ => wasmtime::bail!("table index {start} is not a function"),
            }
        });
        let outcome = match entry {
            Err(e) => {
                let _ = tx.send(Err(format!("{e:#}")));
                Ok(())
            }
            Ok(f) => {
                let tid = unsafe { libc::gettid() };
                let _ = tx.send(Ok(tid));
                call_start(&mut store, &f, tid, arg)
            }
        };
        clear_child_tid(&store);
        if let Err(e) = outcome {
            // A trap in any thread ends the process, as a crash would natively.
            let status = run::exit_status(&e).unwrap_or(run::status::ABRT);
            exit_process_now(status);
        }
        let mut n = process.threads.lock().unwrap_or_else(|e| e.into_inner());
        // A child forked by this thread counts it nowhere (fork resets the count).
        *n = n.saturating_sub(1);
        process.thread_ended.notify_all();
        drop(n);
        // SAFETY: plain id queries.
        if unsafe { libc::gettid() == libc::getpid() } {
            // This thread forked: in the child it is the only (main) thread,
            // and the process ends with it.
            exit_process_now(process.last_thread_status.load(Ordering::SeqCst));
        }
    });
    let fail = |process: &crate::host::Process| {
        let mut n = process.threads.lock().unwrap_or_else(|e| e.into_inner());
        *n -= 1;
        Err(Errno::EAGAIN.into())
    };
    if spawned.is_err() {
        return fail(&process);
    }
    match rx.recv_timeout(Duration::from_secs(5)) {
        Ok(Ok(tid)) => Ok(tid as i64),
        Ok(Err(why)) => {
            if process.strace {
                eprintln!("[{}] __wasm_thread_spawn: {why}", std::process::id());
            }
            // The thread reported its failure and counts itself out.
            Err(Errno::EAGAIN.into())
        }
        Err(_) => Err(Errno::EAGAIN.into()),
    }
}

/// Run the thread's start function; `exit` from it is a normal end.
fn call_start(store: &mut wasmtime::Store<Host>, f: &TypedFunc<(i32, i32), ()>, tid: i32, arg: u32) -> wasmtime::Result<()> {
    match f.call(&mut *store, (tid, arg as i32)) {
        Ok(()) => Ok(()),
        Err(e) => match e.downcast_ref::<ThreadExit>() {
            Some(ThreadExit(status)) => {
                store.data().process.last_thread_status.store(*status, Ordering::SeqCst);
                Ok(())
            }
            None => Err(e),
        },
    }
}

/// exit(status): ends the calling thread once threads exist, else the process.
pub fn exit(cx: &mut Cx<'_, '_>, status: i32) -> SysResult {
    let process = &cx.host().process;
    if process.ever_threaded.load(Ordering::SeqCst) {
        process.last_thread_status.store(status, Ordering::SeqCst);
        Err(Fault::ExitThread(status))
    } else {
        Err(Fault::Exit(status))
    }
}

/// exit_group(status): ends the process, from any thread.
pub fn exit_group(_cx: &mut Cx<'_, '_>, status: i32) -> SysResult {
    Err(Fault::Exit(status))
}

/// set_tid_address(tidptr): musl emulates CLONE_CHILD_CLEARTID itself; the
/// result is the caller's thread id.
pub fn set_tid_address(_cx: &mut Cx<'_, '_>, tidptr: u32) -> SysResult {
    CLEAR_CHILD_TID.with(|c| c.set(tidptr));
    Ok(unsafe { libc::gettid() } as i64)
}

thread_local! {
    /// The calling thread's `set_tid_address` pointer (guest address, 0: none).
    static CLEAR_CHILD_TID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A guest thread ends: as the kernel does for `clear_child_tid`, store 0 at
/// the `set_tid_address` pointer and wake one waiter (shared and private
/// futexes, whichever the waiter used).
fn clear_child_tid(store: &wasmtime::Store<Host>) {
    let ptr = CLEAR_CHILD_TID.with(|c| c.replace(0));
    if ptr == 0 {
        return;
    }
    let mem = store.data().mem(store);
    if mem.write(ptr, &0u32).is_err() {
        return;
    }
    let word = mem.kernel_buf(ptr, 4, Access::Write).ptr;
    for op in [FUTEX_WAKE, FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG] {
        // SAFETY: FUTEX_WAKE only compares addresses; `word` is in linear memory.
        unsafe { libc::syscall(libc::SYS_futex, word, op, 1, 0usize, 0usize, 0) };
    }
}

/// set_robust_list(head, len): accepted and recorded nowhere. The list holds
/// guest pointers, which the host kernel cannot walk; a thread dying while
/// holding a robust mutex ends the whole process here anyway.
pub fn set_robust_list(_cx: &mut Cx<'_, '_>, _head: u32, len: u32) -> SysResult {
    // The kernel takes exactly its `struct robust_list_head`: three longs,
    // which WALI's libc passes as `3 * sizeof(long)` = 24.
    if len != 24 {
        return Err(Errno::EINVAL.into());
    }
    Ok(0)
}

const FUTEX_WAIT: i32 = 0;
const FUTEX_WAKE: i32 = 1;
const FUTEX_FD: i32 = 2;
const FUTEX_REQUEUE: i32 = 3;
const FUTEX_CMP_REQUEUE: i32 = 4;
const FUTEX_WAKE_OP: i32 = 5;
const FUTEX_LOCK_PI: i32 = 6;
const FUTEX_UNLOCK_PI: i32 = 7;
const FUTEX_TRYLOCK_PI: i32 = 8;
const FUTEX_WAIT_BITSET: i32 = 9;
const FUTEX_WAKE_BITSET: i32 = 10;
const FUTEX_WAIT_REQUEUE_PI: i32 = 11;
const FUTEX_CMP_REQUEUE_PI: i32 = 12;
const FUTEX_LOCK_PI2: i32 = 13;
const FUTEX_CMD_MASK: i32 = 0x7f;

/// futex(uaddr, op, val, timeout|val2, uaddr2, val3): the host futex on the
/// linear-memory word. Only the arguments that are pointers for `op` are
/// translated: `timeout` is a timespec for the waits and an integer (val2)
/// for requeue and wake-op.
pub fn futex(cx: &mut Cx<'_, '_>, uaddr: u32, op: i32, val: u32, timeout: u32, uaddr2: u32, val3: u32) -> SysResult {
    if uaddr % 4 != 0 {
        return Err(Errno::EINVAL.into());
    }
    let mem = cx.mem();
    let word = |p: u32| -> Result<*mut u32, Errno> {
        if p % 4 != 0 {
            return Err(Errno::EINVAL);
        }
        Ok(mem.buf(p, 4, Access::Read)?.cast())
    };
    let addr = word(uaddr)?;
    let ts = |p: u32| -> Result<Option<libc::timespec>, Errno> {
        match mem.read_opt::<guest::Timespec>(p)? {
            None => Ok(None),
            Some(t) => convert::timespec_to_host(&t).map(Some).map_err(Errno),
        }
    };
    let null = std::ptr::null_mut::<u32>();
    let (arg4, arg5): (usize, *mut u32) = match op & FUTEX_CMD_MASK {
        FUTEX_WAIT | FUTEX_WAIT_BITSET | FUTEX_LOCK_PI | FUTEX_LOCK_PI2 => {
            let t = ts(timeout)?;
            // The timespec lives until the call below returns.
            return raw_futex(addr, op, val, t.as_ref().map_or(std::ptr::null(), |t| t as *const _) as usize, null, val3);
        }
        FUTEX_WAIT_REQUEUE_PI => {
            let t = ts(timeout)?;
            let a2 = word(uaddr2)?;
            return raw_futex(addr, op, val, t.as_ref().map_or(std::ptr::null(), |t| t as *const _) as usize, a2, val3);
        }
        FUTEX_WAKE | FUTEX_WAKE_BITSET | FUTEX_UNLOCK_PI | FUTEX_TRYLOCK_PI => (0, null),
        FUTEX_REQUEUE | FUTEX_CMP_REQUEUE | FUTEX_WAKE_OP | FUTEX_CMP_REQUEUE_PI => (timeout as usize, word(uaddr2)?),
        FUTEX_FD => return Err(Errno::EINVAL.into()),
        _ => return Err(Errno::ENOSYS.into()),
    };
    raw_futex(addr, op, val, arg4, arg5, val3)
}

fn raw_futex(addr: *mut u32, op: i32, val: u32, arg4: usize, uaddr2: *mut u32, val3: u32) -> SysResult {
    // SAFETY: addr/uaddr2 are checked guest words; arg4 is an integer or a
    // pointer to a live host timespec.
    cvt(unsafe { libc::syscall(libc::SYS_futex, addr, op, val, arg4, uaddr2, val3) } as i64)
}

pub fn sched_setscheduler(cx: &mut Cx<'_, '_>, pid: i32, policy: i32, param: u32) -> SysResult {
    no_param(pid, param)?;
    let p: i32 = cx.mem().read(param)?;
    let sp = libc::sched_param { sched_priority: p };
    cvt(unsafe { libc::syscall(libc::SYS_sched_setscheduler, pid, policy, &sp) } as i64)
}

pub fn sched_getscheduler(_cx: &mut Cx<'_, '_>, pid: i32) -> SysResult {
    cvt(unsafe { libc::syscall(libc::SYS_sched_getscheduler, pid) } as i64)
}

/// The kernel refuses a NULL `sched_param` or a negative pid before anything else.
fn no_param(pid: i32, param: u32) -> Result<(), Errno> {
    if param == 0 || pid < 0 { Err(Errno::EINVAL) } else { Ok(()) }
}

pub fn sched_setparam(cx: &mut Cx<'_, '_>, pid: i32, param: u32) -> SysResult {
    no_param(pid, param)?;
    let p: i32 = cx.mem().read(param)?;
    let sp = libc::sched_param { sched_priority: p };
    cvt(unsafe { libc::syscall(libc::SYS_sched_setparam, pid, &sp) } as i64)
}

pub fn sched_getparam(cx: &mut Cx<'_, '_>, pid: i32, param: u32) -> SysResult {
    no_param(pid, param)?;
    let mut sp = libc::sched_param { sched_priority: 0 };
    cvt(unsafe { libc::syscall(libc::SYS_sched_getparam, pid, &mut sp) } as i64)?;
    cx.mem().write(param, &sp.sched_priority)?;
    Ok(0)
}

/// sched_rr_get_interval(pid, tp): the SCHED_RR quantum as a guest timespec.
pub fn sched_rr_get_interval(cx: &mut Cx<'_, '_>, pid: i32, tp: u32) -> SysResult {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    cvt(unsafe { libc::sched_rr_get_interval(pid, &mut ts) })?;
    cx.mem().write(tp, &convert::timespec_from_host(&ts))?;
    Ok(0)
}

pub fn sched_get_priority_max(_cx: &mut Cx<'_, '_>, policy: i32) -> SysResult {
    cvt(unsafe { libc::sched_get_priority_max(policy) })
}

pub fn sched_get_priority_min(_cx: &mut Cx<'_, '_>, policy: i32) -> SysResult {
    cvt(unsafe { libc::sched_get_priority_min(policy) })
}

pub fn sched_setaffinity(cx: &mut Cx<'_, '_>, pid: i32, size: u32, mask: u32) -> SysResult {
    let bytes = cx.mem().read_bytes(mask, size as usize)?;
    cvt(unsafe { libc::syscall(libc::SYS_sched_setaffinity, pid, bytes.len(), bytes.as_ptr()) } as i64)
}
