//! Signal delivery to guest handlers.
//!
//! A guest handler is a table-0 index. For a signal with a guest handler the
//! host gets one handler, [`on_signal`], which only records the signal (with
//! its siginfo) as pending for the guest thread the kernel interrupted and
//! bumps the engine's epoch. Recorded signals are delivered, by calling the
//! guest function on that thread's store, at two points:
//!
//! * after every syscall, before the guest sees its result ([`after_syscall`]):
//!   `kill(getpid(), sig)` runs the handler before `kill` returns, and a
//!   blocking call the signal interrupted returns `-EINTR` after the handler
//!   ran (with `SA_RESTART` the host kernel restarts the call instead, and the
//!   handler runs when it completes or at the next epoch check);
//! * at the next epoch check of running Wasm code (function entries, loop
//!   headers), through the store's epoch-deadline callback ([`arm_store`]), so
//!   a guest spinning in a loop is interrupted too.
//!
//! Each guest thread's signal mask is its host thread's mask (without the
//! signals the runtime needs, [`NEVER_BLOCKED`]) plus a guest-visible copy that
//! delivery honours. While a handler runs, its `sa_mask` and the signal itself
//! (unless `SA_NODEFER`) are blocked; the previous mask is back when it
//! returns, as after `sigreturn`. `SA_RESETHAND` resets the action before the
//! handler runs. Standard and real-time signals alike coalesce while pending.
//!
//! Actions are process-wide, pending signals and masks per thread, as in the
//! kernel; the state is global, so one guest runs per host process.

use crate::host::Host;
use crate::memory::Mem;
use crate::sys::{Cx, Errno};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicI64, AtomicU8, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use wali_abi::convert;
use wali_abi::guest::consts::{self as g, SIG_DFL, SIG_IGN};
use wali_abi::guest::{KSigaction, Siginfo, StackT};
use wasmtime::{AsContext, AsContextMut, Engine, Func, Ref, Store, Trap, UpdateDeadline};

/// Signal numbers run from 1 to 64 (the same numbers in the guest and on every host).
const NSIG: usize = 65;

const fn bit(sig: i32) -> u64 {
    1u64 << (sig - 1)
}

fn valid(sig: i32) -> bool {
    (1..NSIG as i32).contains(&sig)
}

/// Signals wasmtime handles itself (Wasm traps): a guest action for them is
/// recorded and reported, but the host handler stays wasmtime's. They reach a
/// guest handler only when the guest sends them to itself (see
/// [`send_runtime_signal_to_self`]).
pub const RUNTIME_SIGNALS: u64 = bit(libc::SIGSEGV) | bit(libc::SIGBUS) | bit(libc::SIGILL) | bit(libc::SIGFPE);

/// Signals never blocked on the host: the runtime's, the two the kernel does
/// not let block, and glibc's internal 32 and 33 (its `pthread_sigmask` leaves
/// them out too).
pub const NEVER_BLOCKED: u64 = RUNTIME_SIGNALS | bit(libc::SIGKILL) | bit(libc::SIGSTOP) | bit(32) | bit(33);

/// What no mask can hold.
const UNBLOCKABLE: u64 = bit(libc::SIGKILL) | bit(libc::SIGSTOP);

/// Size of the guest `ucontext_t` area a 3-argument handler gets (zeroed).
const UCONTEXT_LEN: u32 = 1024;
/// Per-thread area for handler arguments: the ucontext, then one siginfo per
/// signal (a handler never runs nested for its own signal unless SA_NODEFER).
const SCRATCH_LEN: u64 = UCONTEXT_LEN as u64 + NSIG as u64 * size_of::<Siginfo>() as u64;

// ---------------------------------------------------------------------------
// State the host handler touches: atomics only.

/// One recorded siginfo.
struct Slot {
    errno: AtomicI32,
    code: AtomicI32,
    pid: AtomicI32,
    uid: AtomicU32,
    status: AtomicI32,
    utime: AtomicI64,
    stime: AtomicI64,
}

impl Slot {
    const fn new() -> Self {
        Slot {
            errno: AtomicI32::new(0),
            code: AtomicI32::new(0),
            pid: AtomicI32::new(0),
            uid: AtomicU32::new(0),
            status: AtomicI32::new(0),
            utime: AtomicI64::new(0),
            stime: AtomicI64::new(0),
        }
    }

    fn store(&self, i: &Siginfo) {
        let r = Ordering::Relaxed;
        self.errno.store(i.si_errno, r);
        self.code.store(i.si_code, r);
        self.pid.store(i.si_pid, r);
        self.uid.store(i.si_uid, r);
        self.status.store(i.si_status, r);
        self.utime.store(i.si_utime, r);
        self.stime.store(i.si_stime, r);
    }

    fn load(&self, sig: i32) -> Siginfo {
        let r = Ordering::Relaxed;
        Siginfo {
            si_signo: sig,
            si_errno: self.errno.load(r),
            si_code: self.code.load(r),
            si_pid: self.pid.load(r),
            si_uid: self.uid.load(r),
            si_status: self.status.load(r),
            si_utime: self.utime.load(r),
            si_stime: self.stime.load(r),
            ..Default::default()
        }
    }
}

/// Signals recorded and not yet delivered, each with its latest siginfo.
struct Pending {
    bits: AtomicU64,
    info: [Slot; NSIG],
}

impl Pending {
    const fn new() -> Self {
        Pending { bits: AtomicU64::new(0), info: [const { Slot::new() }; NSIG] }
    }

    fn record(&self, i: &Siginfo) {
        if valid(i.si_signo) {
            self.info[i.si_signo as usize].store(i);
            self.bits.fetch_or(bit(i.si_signo), Ordering::Release);
        }
    }

    /// Take the lowest-numbered pending signal in `allowed`.
    fn take(&self, allowed: u64) -> Option<Siginfo> {
        loop {
            let ready = self.bits.load(Ordering::Acquire) & allowed;
            if ready == 0 {
                return None;
            }
            let sig = ready.trailing_zeros() as i32 + 1;
            if self.bits.fetch_and(!bit(sig), Ordering::AcqRel) & bit(sig) != 0 {
                return Some(self.info[sig as usize].load(sig));
            }
        }
    }
}

/// The signal state of one host thread.
struct ThreadSignals {
    /// The thread runs a guest store ([`arm_store`] was called on it).
    guest: AtomicBool,
    pending: Pending,
    /// The guest-visible signal mask.
    mask: AtomicU64,
}

thread_local! {
    static THREAD: ThreadSignals = const {
        ThreadSignals { guest: AtomicBool::new(false), pending: Pending::new(), mask: AtomicU64::new(0) }
    };
}

/// Signals that reached no guest thread (fallback of [`forward`]).
static PROCESS: Pending = Pending::new();

/// The engine whose epoch the host handler bumps.
static ENGINE: OnceLock<Engine> = OnceLock::new();

// ---------------------------------------------------------------------------
// State only ordinary code touches.

/// The guest's actions by signal number; `None` until the guest sets one (the
/// disposition the process started with applies).
static ACTIONS: Mutex<[Option<KSigaction>; NSIG]> = Mutex::new([None; NSIG]);

fn actions() -> MutexGuard<'static, [Option<KSigaction>; NSIG]> {
    ACTIONS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Guest memory for handler arguments, per thread: (process, address).
struct Scratch(Cell<Option<(usize, u32)>>);

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Some(area) = self.0.get() {
            SCRATCH_POOL.lock().unwrap_or_else(|e| e.into_inner()).push(area);
        }
    }
}

/// Areas of threads that ended, for the next threads.
static SCRATCH_POOL: Mutex<Vec<(usize, u32)>> = Mutex::new(Vec::new());

thread_local! {
    static SCRATCH: Scratch = const { Scratch(Cell::new(None)) };
    static ALTSTACK: Cell<StackT> = const { Cell::new(StackT { ss_sp: 0, ss_flags: g::SS_DISABLE, ss_size: 0 }) };
}

// ---------------------------------------------------------------------------
// Host signal sets and masks.

/// A host `sigset_t` holding the signals of a kernel mask (bit n-1 = signal n).
pub fn host_set(mask: u64) -> libc::sigset_t {
    // SAFETY: sigset_t is plain data and sigemptyset initialises it; sigaddset
    // refuses (and we skip) numbers the C library keeps for itself.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in 1..NSIG as i32 {
            if mask & bit(sig) != 0 {
                libc::sigaddset(&mut set, sig);
            }
        }
        set
    }
}

fn mask_of(set: &libc::sigset_t) -> u64 {
    // SAFETY: sigismember only reads the set.
    (1..NSIG as i32).filter(|&s| unsafe { libc::sigismember(set, s) } == 1).fold(0, |m, s| m | bit(s))
}

/// pthread_sigmask on the calling thread; returns the previous host mask.
fn host_sigmask(how: libc::c_int, set: Option<u64>) -> Result<u64, Errno> {
    let new = set.map(host_set);
    let mut old = host_set(0);
    // SAFETY: both sets are valid host sigsets; only this thread's mask changes.
    let r = unsafe { libc::pthread_sigmask(how, new.as_ref().map_or(std::ptr::null(), |s| s), &mut old) };
    if r != 0 {
        return Err(Errno(r));
    }
    Ok(mask_of(&old))
}

/// The calling guest thread's signal mask.
pub fn thread_mask() -> u64 {
    THREAD.with(|t| t.mask.load(Ordering::Relaxed))
}

/// Make `mask` the calling thread's mask, guest-visible and on the host (where
/// the runtime's signals stay unblocked).
fn set_thread_mask(mask: u64) {
    THREAD.with(|t| t.mask.store(mask, Ordering::Relaxed));
    // Cannot fail with a valid `how`.
    let _ = host_sigmask(libc::SIG_SETMASK, Some(mask & !NEVER_BLOCKED));
}

/// rt_sigprocmask on the calling thread: change the mask as `how` says (when
/// `set` is given) and return the previous one. `EINVAL` for an unknown `how`.
pub fn sigprocmask(how: i32, set: Option<u64>) -> Result<u64, Errno> {
    let old = thread_mask();
    if let Some(set) = set {
        let set = set & !UNBLOCKABLE;
        let new = match how {
            g::SIG_BLOCK => old | set,
            g::SIG_UNBLOCK => old & !set,
            g::SIG_SETMASK => set,
            _ => return Err(Errno::EINVAL),
        };
        set_thread_mask(new);
    }
    Ok(old)
}

/// The signals pending for the calling thread and blocked by its mask: the
/// host's and those recorded but not delivered yet.
pub fn pending() -> u64 {
    let mut set = host_set(0);
    // SAFETY: writes the host sigset only.
    let host = if unsafe { libc::sigpending(&mut set) } == 0 { mask_of(&set) } else { 0 };
    let recorded = THREAD.with(|t| t.pending.bits.load(Ordering::Acquire)) | PROCESS.bits.load(Ordering::Acquire);
    (host | recorded) & thread_mask()
}

/// Take one recorded, undelivered signal of `set` (for sigtimedwait).
pub fn take_pending_in(set: u64) -> Option<Siginfo> {
    THREAD.with(|t| t.pending.take(set)).or_else(|| PROCESS.take(set))
}

// ---------------------------------------------------------------------------
// Actions.

/// The action of a signal the guest never set: what the process started with
/// (ignored or default; the runtime's own handlers count as default).
fn initial_action(sig: i32) -> KSigaction {
    let mut handler = SIG_DFL;
    if bit(sig) & RUNTIME_SIGNALS == 0 {
        // SAFETY: only reads the current disposition into a zeroed struct.
        let cur = unsafe {
            let mut cur: libc::sigaction = std::mem::zeroed();
            libc::sigaction(sig, std::ptr::null(), &mut cur);
            cur
        };
        if cur.sa_sigaction == libc::SIG_IGN {
            handler = SIG_IGN;
        }
    }
    KSigaction { handler, flags: 0, restorer: 0, mask: [0, 0] }
}

/// Give the host the disposition matching a guest action: SIG_DFL and SIG_IGN
/// as such, a guest handler as [`on_signal`] with the guest's SA_RESETHAND.
/// Never SA_RESTART: the interrupted host call must come back with EINTR so the
/// guest handler runs now; the syscall is then restarted by wali-run when the
/// handler asked for it ([`crate::sys::finish`]). Never SA_ONSTACK: handlers run
/// on the guest's own stack.
fn install_host(sig: i32, act: &KSigaction) -> Result<(), Errno> {
    let flags = act.flags();
    let pick = |guest: u64, host: libc::c_int| if flags & guest != 0 { host } else { 0 };
    // SAFETY: a zeroed sigaction is valid; sigemptyset initialises its mask.
    let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut sa.sa_mask) };
    sa.sa_flags = pick(g::SA_NOCLDSTOP, libc::SA_NOCLDSTOP) | pick(g::SA_NOCLDWAIT, libc::SA_NOCLDWAIT);
    sa.sa_sigaction = match act.handler() {
        SIG_DFL => libc::SIG_DFL,
        SIG_IGN => libc::SIG_IGN,
        _ => {
            sa.sa_flags |= libc::SA_SIGINFO | pick(g::SA_RESETHAND, libc::SA_RESETHAND);
            on_signal as *const () as usize
        }
    };
    // SAFETY: installs a valid disposition; on_signal is async-signal-safe.
    if unsafe { libc::sigaction(sig, &sa, std::ptr::null_mut()) } != 0 {
        return Err(Errno::last());
    }
    Ok(())
}

/// The `sa_flags` the kernel keeps (and reports back); it drops others, so a
/// program can probe for support (`SA_UNSUPPORTED`).
const KNOWN_SA_FLAGS: u64 = g::SA_NOCLDSTOP
    | g::SA_NOCLDWAIT
    | g::SA_SIGINFO
    | 0x800 // SA_EXPOSE_TAGBITS
    | g::SA_RESTORER
    | g::SA_ONSTACK
    | g::SA_RESTART
    | g::SA_NODEFER
    | g::SA_RESETHAND;

/// The guest's disposition of each reserved signal, readable from a signal
/// handler: 0 default, 1 ignore, 2 a guest handler.
static RESERVED_DISPOSITION: [AtomicU8; NSIG] = [const { AtomicU8::new(0) }; NSIG];

/// Make SIGSEGV, SIGBUS, SIGILL and SIGFPE sent by another process (`kill`)
/// behave as natively: wasmtime owns these signals and hands what is not a
/// trap of Wasm code to the handler installed before it, which is this one.
/// Call before the first engine is created.
pub fn install_reserved_fallbacks() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for sig in [libc::SIGSEGV, libc::SIGBUS, libc::SIGILL, libc::SIGFPE] {
            // SAFETY: a zeroed sigaction is valid; the handler is async-signal-safe.
            let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
            unsafe { libc::sigemptyset(&mut sa.sa_mask) };
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_NODEFER;
            sa.sa_sigaction = reserved_fallback as *const () as usize;
            unsafe { libc::sigaction(sig, &sa, std::ptr::null_mut()) };
        }
    });
}

/// What wasmtime did not take as a trap: a reserved signal sent with `kill`
/// (si_code <= 0) goes to the guest's handler or is ignored as the guest
/// asked; anything else (its default action, or a real fault outside Wasm
/// code) kills the process by the signal, as natively.
extern "C" fn reserved_fallback(sig: libc::c_int, info: *mut libc::siginfo_t, uc: *mut libc::c_void) {
    // SAFETY: with SA_SIGINFO the kernel (or wasmtime, passing it on) gives a valid siginfo.
    let sent = unsafe { (*info).si_code } <= 0;
    if sent {
        match RESERVED_DISPOSITION[sig as usize].load(Ordering::Relaxed) {
            1 => return,
            2 => return on_signal(sig, info, uc),
            _ => {}
        }
    }
    // SAFETY: signal, sigprocmask and raise are async-signal-safe.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(sig);
    }
}

/// rt_sigaction: set the guest action of `sig` (when `new` is given) and
/// return the previous one. Signals the runtime relies on are recorded only.
pub fn sigaction(sig: i32, new: Option<KSigaction>) -> Result<KSigaction, Errno> {
    if !valid(sig) || (new.is_some() && bit(sig) & UNBLOCKABLE != 0) {
        return Err(Errno::EINVAL);
    }
    let mut actions = actions();
    let old = actions[sig as usize].unwrap_or_else(|| initial_action(sig));
    if let Some(act) = new {
        let act = KSigaction { flags: act.flags() & KNOWN_SA_FLAGS, ..act };
        if bit(sig) & RUNTIME_SIGNALS == 0 {
            install_host(sig, &act)?;
        } else {
            let d = match act.handler() {
                SIG_DFL => 0,
                SIG_IGN => 1,
                _ => 2,
            };
            RESERVED_DISPOSITION[sig as usize].store(d, Ordering::Relaxed);
        }
        actions[sig as usize] = Some(act);
    }
    Ok(old)
}

/// The action to deliver `sig` with; applies SA_RESETHAND.
fn action_for_delivery(sig: i32) -> KSigaction {
    let mut actions = actions();
    let act = actions[sig as usize].unwrap_or_else(|| initial_action(sig));
    if act.flags() & g::SA_RESETHAND != 0 && !matches!(act.handler(), SIG_DFL | SIG_IGN) {
        let reset = KSigaction { handler: SIG_DFL, ..act };
        actions[sig as usize] = Some(reset);
        if bit(sig) & RUNTIME_SIGNALS == 0 {
            // The host kernel reset its side already (SA_RESETHAND); repeat it
            // for signals recorded by other paths.
            let _ = install_host(sig, &reset);
        }
    }
    act
}

/// A signal delivered with action SIG_DFL: ignored for those the kernel
/// ignores by default, else the process dies of it (or stops) as natively.
fn default_action(sig: i32) {
    if matches!(sig, libc::SIGCHLD | libc::SIGURG | libc::SIGWINCH | libc::SIGCONT) {
        return;
    }
    let set = host_set(bit(sig));
    // SAFETY: sets the default disposition (for the runtime's signals this
    // drops wasmtime's handler: the process ends now), unblocks the signal and
    // raises it on this thread.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(sig);
    }
}

/// kill/tkill/tgkill of one of [`RUNTIME_SIGNALS`] to the calling process or
/// thread. wasmtime's handler would take it for a Wasm trap and, finding none,
/// drop its own handler; instead the guest gets what the kernel would give it:
/// its handler runs (after the call returns), SIG_IGN ignores the signal,
/// SIG_DFL ends the process. Returns false for any other signal (send it).
pub fn send_runtime_signal_to_self(sig: i32, code: i32) -> bool {
    if !valid(sig) || bit(sig) & RUNTIME_SIGNALS == 0 {
        return false;
    }
    if actions()[sig as usize].is_some_and(|a| a.handler() == SIG_IGN) {
        return true;
    }
    // SAFETY: plain id queries.
    let (pid, uid) = unsafe { (libc::getpid(), libc::getuid()) };
    let info = Siginfo { si_signo: sig, si_code: code, si_pid: pid, si_uid: uid, ..Default::default() };
    THREAD.with(|t| t.pending.record(&info));
    true
}

/// sigaltstack: record the guest's alternate stack (`new`, validated as the
/// kernel does) and return the previous one. Handlers run on the guest's
/// normal stack whatever is recorded.
pub fn altstack(new: Option<StackT>) -> Result<StackT, Errno> {
    let cur = ALTSTACK.with(Cell::get);
    if let Some(s) = new {
        let mode = s.ss_flags & !g::SS_AUTODISARM;
        let next = match mode {
            g::SS_DISABLE => StackT { ss_sp: 0, ss_flags: g::SS_DISABLE, ss_size: 0 },
            0 | g::SS_ONSTACK if s.ss_size < g::MINSIGSTKSZ => return Err(Errno::ENOMEM),
            0 | g::SS_ONSTACK => StackT { ss_sp: s.ss_sp, ss_flags: s.ss_flags & g::SS_AUTODISARM, ss_size: s.ss_size },
            _ => return Err(Errno::EINVAL),
        };
        ALTSTACK.with(|a| a.set(next));
    }
    Ok(cur)
}

// ---------------------------------------------------------------------------
// The host handler.

/// The host handler of every signal that has a guest handler. Async-signal-safe:
/// it touches atomics, this thread's const-initialised state and raw syscalls
/// only (no allocation, no lock).
extern "C" fn on_signal(sig: libc::c_int, info: *mut libc::siginfo_t, uc: *mut libc::c_void) {
    // SAFETY: errno is this thread's; restored below.
    let saved_errno = unsafe { *libc::__errno_location() };
    // SAFETY: with SA_SIGINFO the kernel passes a valid siginfo.
    let guest_info = convert::siginfo_from_host(unsafe { &*info });
    let recorded = THREAD.with(|t| {
        let guest = t.guest.load(Ordering::Relaxed);
        if guest {
            t.pending.record(&guest_info);
        }
        guest
    });
    if !recorded {
        forward(sig, info, uc, &guest_info);
    }
    if let Some(engine) = ENGINE.get() {
        // An atomic add: running Wasm reaches its next epoch check.
        engine.increment_epoch();
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved_errno };
}

/// A process-directed signal landed on a thread that runs no guest (e.g. a
/// compiler worker): block the guest's signals on that thread from now on
/// (through the mask `sigreturn` restores) and queue the signal to the process
/// again, with its siginfo, for a guest thread that does not block it.
fn forward(sig: libc::c_int, info: *mut libc::siginfo_t, uc: *mut libc::c_void, guest_info: &Siginfo) {
    // SAFETY: `uc` is the ucontext the kernel passed with SA_SIGINFO; its
    // uc_sigmask becomes the thread's mask at sigreturn. sigaddset and
    // rt_sigqueueinfo (to our own pid, any si_code allowed) are async-signal-safe.
    let requeued = unsafe {
        let uc = uc.cast::<libc::ucontext_t>();
        for s in 1..NSIG as i32 {
            if bit(s) & NEVER_BLOCKED == 0 {
                libc::sigaddset(&mut (*uc).uc_sigmask, s);
            }
        }
        libc::syscall(libc::SYS_rt_sigqueueinfo, libc::getpid(), sig, info) == 0
    };
    if !requeued {
        PROCESS.record(guest_info);
    }
}

// ---------------------------------------------------------------------------
// Delivery.

/// Prepare a new store (one per guest thread, created on its thread) for
/// signal delivery.
pub fn arm_store(store: &mut Store<Host>) {
    ENGINE.get_or_init(|| store.engine().clone());
    // The thread starts with the mask it inherited, the runtime's signals unblocked.
    let _ = host_sigmask(libc::SIG_UNBLOCK, Some(RUNTIME_SIGNALS));
    let mask = host_sigmask(libc::SIG_BLOCK, None).unwrap_or(0);
    THREAD.with(|t| {
        t.mask.store(mask, Ordering::Relaxed);
        t.guest.store(true, Ordering::Release);
    });
    store.set_epoch_deadline(1);
    store.epoch_deadline_callback(|mut cx| {
        if deliverable() {
            // wasmtime takes this callback out of the store while it runs, and a
            // deadline reached again meanwhile would trap: no epoch interruption
            // inside handlers run from here (a signal arriving meanwhile is
            // delivered at the handler's next syscall, or after it returns).
            cx.set_epoch_deadline(u64::MAX / 4);
            deliver(&mut cx)?;
        }
        Ok(UpdateDeadline::Continue(1))
    });
}

/// Called after every syscall returns, before the guest sees the result:
/// runs the handlers of signals that arrived meanwhile.
#[inline]
pub fn after_syscall(cx: &mut Cx<'_, '_>) -> wasmtime::Result<()> {
    let recorded = THREAD.with(|t| t.pending.bits.load(Ordering::Relaxed)) | PROCESS.bits.load(Ordering::Relaxed);
    if recorded == 0 {
        return Ok(());
    }
    deliver(&mut *cx.caller).map(drop)
}

/// After a call failed with EINTR: run the pending handlers and say whether
/// the call is to be restarted (SA_RESTART).
pub fn after_interrupted(cx: &mut Cx<'_, '_>) -> wasmtime::Result<bool> {
    deliver(&mut *cx.caller)
}

/// Deliver what a wait's temporary mask (ppoll, pselect6, epoll_pwait) lets
/// through, with that mask in effect, then restore the thread's mask: the
/// kernel runs those handlers before the wait returns EINTR.
pub fn deliver_with_mask(cx: &mut Cx<'_, '_>, mask: u64) -> wasmtime::Result<()> {
    let old = thread_mask();
    THREAD.with(|t| t.mask.store(mask & !NEVER_BLOCKED, Ordering::Relaxed));
    let r = deliver(&mut *cx.caller);
    set_thread_mask(old);
    r.map(drop)
}

/// Is a recorded signal not blocked by the calling thread's mask?
fn deliverable() -> bool {
    THREAD.with(|t| {
        let allowed = !t.mask.load(Ordering::Relaxed);
        (t.pending.bits.load(Ordering::Acquire) | PROCESS.bits.load(Ordering::Acquire)) & allowed != 0
    })
}

/// Run the handlers of every recorded signal the thread's mask lets through.
/// Returns whether a call they interrupted is to be restarted: at least one
/// handler ran and all that ran have SA_RESTART.
fn deliver<S: AsContextMut<Data = Host>>(store: &mut S) -> wasmtime::Result<bool> {
    let (mut ran, mut restart) = (false, true);
    loop {
        let next = THREAD.with(|t| {
            let allowed = !t.mask.load(Ordering::Relaxed);
            t.pending.take(allowed).or_else(|| PROCESS.take(allowed))
        });
        match next {
            Some(info) => {
                if let Some(r) = run_handler(store, &info)? {
                    ran = true;
                    restart &= r;
                }
            }
            None => return Ok(ran && restart),
        }
    }
}

/// sigsuspend (and pause, with the current mask): wait with `mask` as the
/// thread's mask until a signal is caught, and run its handlers with `mask`
/// still in effect, as natively; then restore the mask.
pub fn suspend(cx: &mut Cx<'_, '_>, mask: u64) -> wasmtime::Result<()> {
    let old = thread_mask();
    THREAD.with(|t| t.mask.store(mask, Ordering::Relaxed));
    if !deliverable() {
        let set = host_set(mask & !NEVER_BLOCKED);
        // SAFETY: waits for a caught signal; the kernel restores the host mask.
        unsafe { libc::sigsuspend(&set) };
    }
    let r = deliver(&mut *cx.caller);
    set_thread_mask(old);
    r.map(drop)
}

/// Call the guest's handler for one signal. `Some(restart)` when a handler ran
/// (`restart`: it has SA_RESTART), `None` for an ignored or default action.
fn run_handler<S: AsContextMut<Data = Host>>(store: &mut S, info: &Siginfo) -> wasmtime::Result<Option<bool>> {
    let sig = info.si_signo;
    let act = action_for_delivery(sig);
    let index = act.handler();
    match index {
        SIG_IGN => return Ok(None),
        SIG_DFL => {
            default_action(sig);
            return Ok(None);
        }
        _ => {}
    }
    let func = handler_func(store, index)?;
    let old = thread_mask();
    let mut during = old | act.mask();
    if act.flags() & g::SA_NODEFER == 0 {
        during |= bit(sig);
    }
    set_thread_mask(during & !UNBLOCKABLE);
    let r = call_handler(store, func, index, info);
    set_thread_mask(old);
    r.map(|()| Some(act.flags() & g::SA_RESTART != 0))
}

/// The function at table-0 `index`; calling anything else traps as a call
/// through a bad function pointer does.
fn handler_func<S: AsContextMut<Data = Host>>(store: &mut S, index: u32) -> wasmtime::Result<Func> {
    let table = store.as_context().data().table;
    match table.and_then(|t| t.get(&mut *store, u64::from(index))) {
        Some(Ref::Func(Some(f))) => Ok(f),
        _ => Err(Trap::IndirectCallToNull.into()),
    }
}

/// Call `func` as `(signo)` or, when that is its type, `(signo, siginfo, ucontext)`.
fn call_handler<S: AsContextMut<Data = Host>>(store: &mut S, func: Func, index: u32, info: &Siginfo) -> wasmtime::Result<()> {
    let sig = info.si_signo;
    if let Ok(f) = func.typed::<i32, ()>(&*store) {
        return f.call(&mut *store, sig);
    }
    if let Ok(f) = func.typed::<(i32, i32, i32), ()>(&*store) {
        let area = scratch(store)?;
        let (uc, si) = (area, area + UCONTEXT_LEN + sig as u32 * size_of::<Siginfo>() as u32);
        {
            let mem = mem_of(&*store);
            mem.write_bytes(uc, &[0; UCONTEXT_LEN as usize])
                .and_then(|()| mem.write(si, info))
                .map_err(|e| wasmtime::format_err!("cannot write the siginfo for signal {sig}: {e:?}"))?;
        }
        return f.call(&mut *store, (sig, si as i32, uc as i32));
    }
    let ty = func.ty(&*store);
    Err(wasmtime::format_err!(
        "the handler of signal {sig} (table index {index}) has type {ty:?}; expected (i32) or (i32, i32, i32)"
    ))
}

fn mem_of<S: AsContext<Data = Host>>(store: &S) -> Mem<'_> {
    store.as_context().data().mem(store)
}

/// The calling thread's area for handler arguments, allocated on first use.
fn scratch<S: AsContextMut<Data = Host>>(store: &mut S) -> wasmtime::Result<u32> {
    let key = Arc::as_ptr(&store.as_context().data().process) as usize;
    if let Some((k, area)) = SCRATCH.with(|s| s.0.get())
        && k == key
    {
        return Ok(area);
    }
    let reused = {
        let mut pool = SCRATCH_POOL.lock().unwrap_or_else(|e| e.into_inner());
        pool.iter().position(|(k, _)| *k == key).map(|i| pool.swap_remove(i).1)
    };
    let area = match reused {
        Some(a) => a,
        None => crate::sys::mm::alloc_pages(&mut *store, SCRATCH_LEN)
            .map_err(|e| wasmtime::format_err!("no memory for a signal handler's siginfo: {e:?}"))?,
    };
    SCRATCH.with(|s| s.0.set(Some((key, area))));
    Ok(area)
}
