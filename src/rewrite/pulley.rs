//! The Pulley lowering: makes a WALI module valid for wasmtime's interpreter
//! (which has no threads proposal) and still atomic across guest threads.
//!
//! * Shared memories become plain memory imports (named `shared-memory`, so
//!   the runtime knows to share them between thread instances).
//! * Every `0xFE` instruction becomes a call to a small helper function added
//!   to the module, one per (operation, offset). A helper tests the imported
//!   global `threaded`: while the guest has one thread (0) it does the
//!   operation with plain loads and stores; once a thread was spawned (1) it
//!   calls a host import that does the operation atomically on the memory
//!   every thread instance shares. `wait`/`notify` always go to the host.
//! * `memory.size` and `memory.grow` call the host, which sees the size all
//!   threads share.
//!
//! The plain path does not check alignment (a misaligned atomic in a
//! single-threaded guest does not trap); the host path does.

use wasm_encoder::{BlockType, Function, Instruction, MemArg, ValType};
use wasmparser::Operator;

/// What an atomic instruction does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Load,
    Store,
    Rmw(Rmw),
    Cmpxchg,
    Wait,
    Notify,
    Fence,
}

/// Read-modify-write operations, with the code the host import takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rmw {
    Add = 0,
    Sub = 1,
    And = 2,
    Or = 3,
    Xor = 4,
    Xchg = 5,
}

impl Rmw {
    pub fn from_code(code: u32) -> Option<Rmw> {
        Some(match code {
            0 => Rmw::Add,
            1 => Rmw::Sub,
            2 => Rmw::And,
            3 => Rmw::Or,
            4 => Rmw::Xor,
            5 => Rmw::Xchg,
            _ => return None,
        })
    }
}

/// One atomic instruction with its static operands: the key of its helper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Atomic {
    pub kind: Kind,
    /// Bytes accessed: 1, 2, 4 or 8.
    pub width: u8,
    /// The value type is i64 (else i32).
    pub wide: bool,
    /// The memarg offset.
    pub offset: u64,
}

impl Atomic {
    /// The atomic instruction `op` is, if it is one.
    pub fn of(op: &Operator<'_>) -> Option<Atomic> {
        use Kind::*;
        use Operator as O;
        let a = |kind, width, wide, m: &wasmparser::MemArg| Some(Atomic { kind, width, wide, offset: m.offset });
        let r = |op, width, wide, m: &wasmparser::MemArg| a(Rmw(op), width, wide, m);
        use self::Rmw::*;
        match op {
            O::AtomicFence => Some(Atomic { kind: Fence, width: 0, wide: false, offset: 0 }),
            O::MemoryAtomicNotify { memarg } => a(Notify, 4, false, memarg),
            O::MemoryAtomicWait32 { memarg } => a(Wait, 4, false, memarg),
            O::MemoryAtomicWait64 { memarg } => a(Wait, 8, true, memarg),
            O::I32AtomicLoad { memarg } => a(Load, 4, false, memarg),
            O::I64AtomicLoad { memarg } => a(Load, 8, true, memarg),
            O::I32AtomicLoad8U { memarg } => a(Load, 1, false, memarg),
            O::I32AtomicLoad16U { memarg } => a(Load, 2, false, memarg),
            O::I64AtomicLoad8U { memarg } => a(Load, 1, true, memarg),
            O::I64AtomicLoad16U { memarg } => a(Load, 2, true, memarg),
            O::I64AtomicLoad32U { memarg } => a(Load, 4, true, memarg),
            O::I32AtomicStore { memarg } => a(Store, 4, false, memarg),
            O::I64AtomicStore { memarg } => a(Store, 8, true, memarg),
            O::I32AtomicStore8 { memarg } => a(Store, 1, false, memarg),
            O::I32AtomicStore16 { memarg } => a(Store, 2, false, memarg),
            O::I64AtomicStore8 { memarg } => a(Store, 1, true, memarg),
            O::I64AtomicStore16 { memarg } => a(Store, 2, true, memarg),
            O::I64AtomicStore32 { memarg } => a(Store, 4, true, memarg),
            O::I32AtomicRmwAdd { memarg } => r(Add, 4, false, memarg),
            O::I64AtomicRmwAdd { memarg } => r(Add, 8, true, memarg),
            O::I32AtomicRmw8AddU { memarg } => r(Add, 1, false, memarg),
            O::I32AtomicRmw16AddU { memarg } => r(Add, 2, false, memarg),
            O::I64AtomicRmw8AddU { memarg } => r(Add, 1, true, memarg),
            O::I64AtomicRmw16AddU { memarg } => r(Add, 2, true, memarg),
            O::I64AtomicRmw32AddU { memarg } => r(Add, 4, true, memarg),
            O::I32AtomicRmwSub { memarg } => r(Sub, 4, false, memarg),
            O::I64AtomicRmwSub { memarg } => r(Sub, 8, true, memarg),
            O::I32AtomicRmw8SubU { memarg } => r(Sub, 1, false, memarg),
            O::I32AtomicRmw16SubU { memarg } => r(Sub, 2, false, memarg),
            O::I64AtomicRmw8SubU { memarg } => r(Sub, 1, true, memarg),
            O::I64AtomicRmw16SubU { memarg } => r(Sub, 2, true, memarg),
            O::I64AtomicRmw32SubU { memarg } => r(Sub, 4, true, memarg),
            O::I32AtomicRmwAnd { memarg } => r(And, 4, false, memarg),
            O::I64AtomicRmwAnd { memarg } => r(And, 8, true, memarg),
            O::I32AtomicRmw8AndU { memarg } => r(And, 1, false, memarg),
            O::I32AtomicRmw16AndU { memarg } => r(And, 2, false, memarg),
            O::I64AtomicRmw8AndU { memarg } => r(And, 1, true, memarg),
            O::I64AtomicRmw16AndU { memarg } => r(And, 2, true, memarg),
            O::I64AtomicRmw32AndU { memarg } => r(And, 4, true, memarg),
            O::I32AtomicRmwOr { memarg } => r(Or, 4, false, memarg),
            O::I64AtomicRmwOr { memarg } => r(Or, 8, true, memarg),
            O::I32AtomicRmw8OrU { memarg } => r(Or, 1, false, memarg),
            O::I32AtomicRmw16OrU { memarg } => r(Or, 2, false, memarg),
            O::I64AtomicRmw8OrU { memarg } => r(Or, 1, true, memarg),
            O::I64AtomicRmw16OrU { memarg } => r(Or, 2, true, memarg),
            O::I64AtomicRmw32OrU { memarg } => r(Or, 4, true, memarg),
            O::I32AtomicRmwXor { memarg } => r(Xor, 4, false, memarg),
            O::I64AtomicRmwXor { memarg } => r(Xor, 8, true, memarg),
            O::I32AtomicRmw8XorU { memarg } => r(Xor, 1, false, memarg),
            O::I32AtomicRmw16XorU { memarg } => r(Xor, 2, false, memarg),
            O::I64AtomicRmw8XorU { memarg } => r(Xor, 1, true, memarg),
            O::I64AtomicRmw16XorU { memarg } => r(Xor, 2, true, memarg),
            O::I64AtomicRmw32XorU { memarg } => r(Xor, 4, true, memarg),
            O::I32AtomicRmwXchg { memarg } => r(Xchg, 4, false, memarg),
            O::I64AtomicRmwXchg { memarg } => r(Xchg, 8, true, memarg),
            O::I32AtomicRmw8XchgU { memarg } => r(Xchg, 1, false, memarg),
            O::I32AtomicRmw16XchgU { memarg } => r(Xchg, 2, false, memarg),
            O::I64AtomicRmw8XchgU { memarg } => r(Xchg, 1, true, memarg),
            O::I64AtomicRmw16XchgU { memarg } => r(Xchg, 2, true, memarg),
            O::I64AtomicRmw32XchgU { memarg } => r(Xchg, 4, true, memarg),
            O::I32AtomicRmwCmpxchg { memarg } => a(Cmpxchg, 4, false, memarg),
            O::I64AtomicRmwCmpxchg { memarg } => a(Cmpxchg, 8, true, memarg),
            O::I32AtomicRmw8CmpxchgU { memarg } => a(Cmpxchg, 1, false, memarg),
            O::I32AtomicRmw16CmpxchgU { memarg } => a(Cmpxchg, 2, false, memarg),
            O::I64AtomicRmw8CmpxchgU { memarg } => a(Cmpxchg, 1, true, memarg),
            O::I64AtomicRmw16CmpxchgU { memarg } => a(Cmpxchg, 2, true, memarg),
            O::I64AtomicRmw32CmpxchgU { memarg } => a(Cmpxchg, 4, true, memarg),
            _ => None,
        }
    }

    fn val(&self) -> ValType {
        if self.wide { ValType::I64 } else { ValType::I32 }
    }

    /// The helper's (and the instruction's) signature.
    pub fn signature(&self) -> (Vec<ValType>, Vec<ValType>) {
        use ValType::*;
        let t = self.val();
        match self.kind {
            Kind::Load => (vec![I32], vec![t]),
            Kind::Store => (vec![I32, t], vec![]),
            Kind::Rmw(_) => (vec![I32, t], vec![t]),
            Kind::Cmpxchg => (vec![I32, t, t], vec![t]),
            Kind::Wait => (vec![I32, t, I64], vec![I32]),
            Kind::Notify => (vec![I32, I32], vec![I32]),
            Kind::Fence => (vec![], vec![]),
        }
    }

    /// The plain (single-threaded) memory access of this width.
    fn plain_load(&self) -> Instruction<'static> {
        let m = self.memarg();
        match (self.wide, self.width) {
            (false, 1) => Instruction::I32Load8U(m),
            (false, 2) => Instruction::I32Load16U(m),
            (false, _) => Instruction::I32Load(m),
            (true, 1) => Instruction::I64Load8U(m),
            (true, 2) => Instruction::I64Load16U(m),
            (true, 4) => Instruction::I64Load32U(m),
            (true, _) => Instruction::I64Load(m),
        }
    }

    fn plain_store(&self) -> Instruction<'static> {
        let m = self.memarg();
        match (self.wide, self.width) {
            (false, 1) => Instruction::I32Store8(m),
            (false, 2) => Instruction::I32Store16(m),
            (false, _) => Instruction::I32Store(m),
            (true, 1) => Instruction::I64Store8(m),
            (true, 2) => Instruction::I64Store16(m),
            (true, 4) => Instruction::I64Store32(m),
            (true, _) => Instruction::I64Store(m),
        }
    }

    fn memarg(&self) -> MemArg {
        MemArg { offset: self.offset, align: self.width.max(1).trailing_zeros(), memory_index: 0 }
    }
}

/// The host imports the lowering calls (module [`super::RUNTIME_MODULE`]),
/// in the order they are appended to the import section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostFn {
    /// `(addr, offset, width) -> i64`
    Load,
    /// `(addr, offset, width, value i64)`
    Store,
    /// `(addr, offset, width | op << 8, value i64) -> i64` (the old value)
    Rmw,
    /// `(addr, offset, width, expected i64, replacement i64) -> i64`
    Cmpxchg,
    /// `(addr, offset, width, expected i64, timeout_ns i64) -> i32`
    Wait,
    /// `(addr, offset, count) -> i32`
    Notify,
    /// `()`
    Fence,
    /// `() -> i32` pages
    MemorySize,
    /// `(delta pages) -> i32` old size in pages, or -1
    MemoryGrow,
}

impl HostFn {
    pub const ALL: [HostFn; 9] = [
        HostFn::Load,
        HostFn::Store,
        HostFn::Rmw,
        HostFn::Cmpxchg,
        HostFn::Wait,
        HostFn::Notify,
        HostFn::Fence,
        HostFn::MemorySize,
        HostFn::MemoryGrow,
    ];

    pub fn name(self) -> &'static str {
        match self {
            HostFn::Load => "atomic_load",
            HostFn::Store => "atomic_store",
            HostFn::Rmw => "atomic_rmw",
            HostFn::Cmpxchg => "atomic_cmpxchg",
            HostFn::Wait => "atomic_wait",
            HostFn::Notify => "atomic_notify",
            HostFn::Fence => "atomic_fence",
            HostFn::MemorySize => "memory_size",
            HostFn::MemoryGrow => "memory_grow",
        }
    }

    pub fn signature(self) -> (Vec<ValType>, Vec<ValType>) {
        use ValType::*;
        match self {
            HostFn::Load => (vec![I32, I32, I32], vec![I64]),
            HostFn::Store => (vec![I32, I32, I32, I64], vec![]),
            HostFn::Rmw => (vec![I32, I32, I32, I64], vec![I64]),
            HostFn::Cmpxchg => (vec![I32, I32, I32, I64, I64], vec![I64]),
            HostFn::Wait => (vec![I32, I32, I32, I64, I64], vec![I32]),
            HostFn::Notify => (vec![I32, I32, I32], vec![I32]),
            HostFn::Fence => (vec![], vec![]),
            HostFn::MemorySize => (vec![], vec![I32]),
            HostFn::MemoryGrow => (vec![I32], vec![I32]),
        }
    }
}

/// Name of the imported global that says whether the guest has threads.
pub const THREADED_GLOBAL: &str = "threaded";

/// The body of the helper for `a`: `host(f)` is the function index of host
/// import `f`, `threaded` the global index of the flag.
pub fn helper(a: &Atomic, host: impl Fn(HostFn) -> u32, threaded: u32) -> Function {
    use Instruction as I;
    let t = a.val();
    // Locals after the parameters: one scratch of the value type.
    let nparams = a.signature().0.len() as u32;
    let scratch = nparams;
    let mut f = Function::new([(1, t)]);
    let ext = |f: &mut Function, wide: bool| {
        if !wide {
            f.instruction(&I::I64ExtendI32U);
        }
    };
    let wrap = |f: &mut Function, wide: bool| {
        if !wide {
            f.instruction(&I::I32WrapI64);
        }
    };
    let off = I::I32Const(a.offset as u32 as i32);
    let width = I::I32Const(a.width as i32);
    let result = match a.signature().1.first() {
        Some(r) => BlockType::Result(*r),
        None => BlockType::Empty,
    };
    match a.kind {
        Kind::Wait => {
            f.instruction(&I::LocalGet(0)).instruction(&off).instruction(&width).instruction(&I::LocalGet(1));
            ext(&mut f, a.wide);
            f.instruction(&I::LocalGet(2)).instruction(&I::Call(host(HostFn::Wait)));
        }
        Kind::Notify => {
            f.instruction(&I::LocalGet(0)).instruction(&off).instruction(&I::LocalGet(1)).instruction(&I::Call(host(HostFn::Notify)));
        }
        Kind::Fence => {
            f.instruction(&I::GlobalGet(threaded)).instruction(&I::If(BlockType::Empty));
            f.instruction(&I::Call(host(HostFn::Fence)));
            f.instruction(&I::End);
        }
        Kind::Load | Kind::Store | Kind::Rmw(_) | Kind::Cmpxchg => {
            f.instruction(&I::GlobalGet(threaded)).instruction(&I::If(result));
            // Threaded: the host does it atomically.
            f.instruction(&I::LocalGet(0)).instruction(&off);
            match a.kind {
                Kind::Load => {
                    f.instruction(&width).instruction(&I::Call(host(HostFn::Load)));
                    wrap(&mut f, a.wide);
                }
                Kind::Store => {
                    f.instruction(&width).instruction(&I::LocalGet(1));
                    ext(&mut f, a.wide);
                    f.instruction(&I::Call(host(HostFn::Store)));
                }
                Kind::Rmw(op) => {
                    f.instruction(&I::I32Const(a.width as i32 | (op as i32) << 8)).instruction(&I::LocalGet(1));
                    ext(&mut f, a.wide);
                    f.instruction(&I::Call(host(HostFn::Rmw)));
                    wrap(&mut f, a.wide);
                }
                Kind::Cmpxchg => {
                    f.instruction(&width).instruction(&I::LocalGet(1));
                    ext(&mut f, a.wide);
                    f.instruction(&I::LocalGet(2));
                    ext(&mut f, a.wide);
                    f.instruction(&I::Call(host(HostFn::Cmpxchg)));
                    wrap(&mut f, a.wide);
                }
                _ => unreachable!("handled above"),
            }
            f.instruction(&I::Else);
            // One thread: plain loads and stores.
            plain(&mut f, a, scratch);
            f.instruction(&I::End);
        }
    }
    f.instruction(&I::End);
    f
}

/// The single-threaded body of `a` (params: address, operands; `scratch` a
/// local of the value type).
fn plain(f: &mut Function, a: &Atomic, scratch: u32) {
    use Instruction as I;
    let (add, sub, and, or, xor, eq, konst_mask) = if a.wide {
        (I::I64Add, I::I64Sub, I::I64And, I::I64Or, I::I64Xor, I::I64Eq, a.width < 8)
    } else {
        (I::I32Add, I::I32Sub, I::I32And, I::I32Or, I::I32Xor, I::I32Eq, a.width < 4)
    };
    match a.kind {
        Kind::Load => {
            f.instruction(&I::LocalGet(0)).instruction(&a.plain_load());
        }
        Kind::Store => {
            f.instruction(&I::LocalGet(0)).instruction(&I::LocalGet(1)).instruction(&a.plain_store());
        }
        Kind::Rmw(op) => {
            f.instruction(&I::LocalGet(0));
            f.instruction(&I::LocalGet(0)).instruction(&a.plain_load()).instruction(&I::LocalTee(scratch));
            match op {
                Rmw::Xchg => {
                    f.instruction(&I::Drop).instruction(&I::LocalGet(1));
                }
                _ => {
                    f.instruction(&I::LocalGet(1));
                    f.instruction(&match op {
                        Rmw::Add => add,
                        Rmw::Sub => sub,
                        Rmw::And => and,
                        Rmw::Or => or,
                        _ => xor,
                    });
                }
            }
            f.instruction(&a.plain_store()).instruction(&I::LocalGet(scratch));
        }
        Kind::Cmpxchg => {
            // old = load; if old == expected (wrapped to the width) store replacement.
            f.instruction(&I::LocalGet(0)).instruction(&a.plain_load()).instruction(&I::LocalTee(scratch));
            f.instruction(&I::LocalGet(1));
            if konst_mask {
                let mask = (1u64 << (8 * a.width as u32)) - 1;
                if a.wide {
                    f.instruction(&I::I64Const(mask as i64)).instruction(&I::I64And);
                } else {
                    f.instruction(&I::I32Const(mask as u32 as i32)).instruction(&I::I32And);
                }
            }
            f.instruction(&eq).instruction(&I::If(BlockType::Empty));
            f.instruction(&I::LocalGet(0)).instruction(&I::LocalGet(2)).instruction(&a.plain_store());
            f.instruction(&I::End).instruction(&I::LocalGet(scratch));
        }
        Kind::Wait | Kind::Notify | Kind::Fence => unreachable!("always the host's"),
    }
}
