//! Threads: `__wasm_thread_spawn`, futex on linear memory, thread exit,
//! scheduling calls.
//!
//! A guest thread is a new instance of the same module in its own store, on
//! the same shared memory, on a real host thread; its thread id is the host
//! thread id. `futex` is the host futex on the linear-memory address.

use super::{Cx, Errno, Fault, SysResult, ThreadExit};
use crate::host::{GuestMemory, Host};
use crate::kernel::thread::{
    FUTEX_CMD_MASK, FUTEX_CMP_REQUEUE, FUTEX_CMP_REQUEUE_PI, FUTEX_FD, FUTEX_LOCK_PI, FUTEX_LOCK_PI2, FUTEX_REQUEUE,
    FUTEX_TRYLOCK_PI, FUTEX_UNLOCK_PI, FUTEX_WAIT, FUTEX_WAIT_BITSET, FUTEX_WAIT_REQUEUE_PI, FUTEX_WAKE, FUTEX_WAKE_BITSET,
    FUTEX_WAKE_OP,
};
use crate::kernel::{self, UserBuf};
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
    kernel::process::exit_now(status)
}

/// `__wasm_thread_spawn(start, arg)`: run table entry `start` as
/// `start(tid, arg)` on a new thread; returns the tid, or `-EAGAIN`.
pub fn wasm_thread_spawn(cx: &mut Cx<'_, '_>, start: u32, arg: u32) -> SysResult {
    let host = cx.host();
    let (GuestMemory::Shared(_) | GuestMemory::Aliased(..), Some(module)) = (&host.memory, host.module.clone()) else {
        // Threads need a shared memory.
        return Err(Errno::EAGAIN.into());
    };
    let process = host.process.clone();
    let memory = host.memory.clone();
    let threaded = host.threaded;
    let engine = cx.caller.engine().clone();
    let (tx, rx) = std::sync::mpsc::channel::<Result<i32, String>>();

    process.ever_threaded.store(true, Ordering::SeqCst);
    if let Some(flag) = threaded {
        // From now on this instance's atomics are the host's (the new
        // thread's instance starts with the flag set).
        flag.set(&mut *cx.caller, wasmtime::Val::I32(1)).map_err(Fault::Trap)?;
    }
    *process.threads.lock().unwrap_or_else(|e| e.into_inner()) += 1;
    let thread_process = process.clone();
    let spawned = std::thread::Builder::new().name("wali-guest".into()).stack_size(THREAD_STACK).spawn(move || {
        let process = thread_process;
        // A shared memory of the engine's is imported again; a reservation
        // the instances share (Pulley) is defined again as a view of it.
        let alias = run::thread_alias(&memory).cloned();
        let imported = if alias.is_some() { GuestMemory::None } else { memory };
        let mut store = run::new_store(&engine, Host::new(process.clone(), imported, Some(module.clone())));
        let entry = run::instantiate_in(&mut store, &module, alias.as_ref(), None)
            .and_then(|_| {
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
                let tid = kernel::process::gettid();
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
        if kernel::process::gettid() == kernel::process::getpid() {
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
    Ok(kernel::process::gettid() as i64)
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
    let word = mem.kernel_buf(ptr, 4, Access::Write);
    for op in [FUTEX_WAKE, FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG] {
        let _ = kernel::thread::futex(word, op, 1, None, 0, UserBuf::NULL, 0);
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

/// futex(uaddr, op, val, timeout|val2, uaddr2, val3): the host futex on the
/// linear-memory word. Only the arguments that are pointers for `op` are
/// translated: `timeout` is a timespec for the waits and an integer (val2)
/// for requeue and wake-op.
pub fn futex(cx: &mut Cx<'_, '_>, uaddr: u32, op: i32, val: u32, timeout: u32, uaddr2: u32, val3: u32) -> SysResult {
    if uaddr % 4 != 0 {
        return Err(Errno::EINVAL.into());
    }
    let mem = cx.mem();
    let word = |p: u32| -> Result<UserBuf<'_>, Errno> {
        if p % 4 != 0 {
            return Err(Errno::EINVAL);
        }
        mem.buf(p, 4, Access::Read)
    };
    let addr = word(uaddr)?;
    let ts = |p: u32| -> Result<Option<libc::timespec>, Errno> {
        match mem.read_opt::<guest::Timespec>(p)? {
            None => Ok(None),
            Some(t) => convert::timespec_to_host(&t).map(Some).map_err(Errno),
        }
    };
    // (timeout, val2, uaddr2), as the command takes them.
    let (t, val2, addr2) = match op & FUTEX_CMD_MASK {
        FUTEX_WAIT | FUTEX_WAIT_BITSET | FUTEX_LOCK_PI | FUTEX_LOCK_PI2 => (ts(timeout)?, 0, UserBuf::NULL),
        FUTEX_WAIT_REQUEUE_PI => (ts(timeout)?, 0, word(uaddr2)?),
        FUTEX_WAKE | FUTEX_WAKE_BITSET | FUTEX_UNLOCK_PI | FUTEX_TRYLOCK_PI => (None, 0, UserBuf::NULL),
        FUTEX_REQUEUE | FUTEX_CMP_REQUEUE | FUTEX_WAKE_OP | FUTEX_CMP_REQUEUE_PI => (None, timeout, word(uaddr2)?),
        FUTEX_FD => return Err(Errno::EINVAL.into()),
        _ => return Err(Errno::ENOSYS.into()),
    };
    Ok(kernel::thread::futex(addr, op, val, t.as_ref(), val2, addr2, val3)?)
}

pub fn sched_setscheduler(cx: &mut Cx<'_, '_>, pid: i32, policy: i32, param: u32) -> SysResult {
    no_param(pid, param)?;
    let p: i32 = cx.mem().read(param)?;
    Ok(kernel::thread::sched_setscheduler(pid, policy, p)?)
}

pub fn sched_getscheduler(_cx: &mut Cx<'_, '_>, pid: i32) -> SysResult {
    Ok(kernel::thread::sched_getscheduler(pid)?)
}

/// The kernel refuses a NULL `sched_param` or a negative pid before anything else.
fn no_param(pid: i32, param: u32) -> Result<(), Errno> {
    if param == 0 || pid < 0 { Err(Errno::EINVAL) } else { Ok(()) }
}

pub fn sched_setparam(cx: &mut Cx<'_, '_>, pid: i32, param: u32) -> SysResult {
    no_param(pid, param)?;
    let p: i32 = cx.mem().read(param)?;
    Ok(kernel::thread::sched_setparam(pid, p)?)
}

pub fn sched_getparam(cx: &mut Cx<'_, '_>, pid: i32, param: u32) -> SysResult {
    no_param(pid, param)?;
    let priority = kernel::thread::sched_getparam(pid)?;
    cx.mem().write(param, &priority)?;
    Ok(0)
}

/// sched_rr_get_interval(pid, tp): the SCHED_RR quantum as a guest timespec.
pub fn sched_rr_get_interval(cx: &mut Cx<'_, '_>, pid: i32, tp: u32) -> SysResult {
    let ts = kernel::thread::sched_rr_get_interval(pid)?;
    cx.mem().write(tp, &convert::timespec_from_host(&ts))?;
    Ok(0)
}

pub fn sched_get_priority_max(_cx: &mut Cx<'_, '_>, policy: i32) -> SysResult {
    Ok(kernel::thread::sched_get_priority_max(policy)? as i64)
}

pub fn sched_get_priority_min(_cx: &mut Cx<'_, '_>, policy: i32) -> SysResult {
    Ok(kernel::thread::sched_get_priority_min(policy)? as i64)
}

/// sched_setaffinity(pid, size, mask): the kernel reads the guest's mask in
/// place (no host copy sized by the guest).
pub fn sched_setaffinity(cx: &mut Cx<'_, '_>, pid: i32, size: u32, mask: u32) -> SysResult {
    let b = cx.mem().buf(mask, size as usize, Access::Read)?;
    kernel::thread::sched_setaffinity(pid, b)?;
    Ok(0)
}
