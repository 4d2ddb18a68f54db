//! Syscall round-trip cost: a `getpid` loop and a `close(-1)` loop inside a
//! guest against the same loops natively, measured in one run. Besides the
//! criterion report, `cargo bench` prints the guest/native ratios (goal:
//! at most 1.15x).

use criterion::{Criterion, criterion_group};
use std::time::{Duration, Instant};
use wali_run::{engine, host::Process, run};
use wasmtime::{Store, TypedFunc};

const GUEST: &str = r#"(module
  (import "wali" "SYS_getpid" (func $getpid (result i64)))
  (import "wali" "SYS_close" (func $close (param i32) (result i64)))
  (memory (export "memory") 1 16 shared)
  (func (export "_start"))
  (func (export "loop_getpid") (param $n i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (drop (call $getpid))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next))))
  (func (export "loop_close") (param $n i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (drop (call $close (i32.const -1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next)))))"#;

struct Guest {
    store: Store<wali_run::host::Host>,
    getpid: TypedFunc<i32, ()>,
    close: TypedFunc<i32, ()>,
}

fn guest() -> Guest {
    let engine = engine::engine(&engine::EngineOptions { cache: false, ..Default::default() }).expect("engine");
    let wasm = engine::prepare(&engine, &wat::parse_str(GUEST).expect("wat"), "bench.wasm".as_ref()).expect("rewrite");
    let module = wasmtime::Module::new(&engine, wasm).expect("compile");
    let process = Process::new(vec![c"bench.wasm".into()], None, false);
    let (mut store, instance) = run::instantiate(&engine, &module, process, &Default::default()).expect("instantiate");
    let getpid = instance.get_typed_func(&mut store, "loop_getpid").expect("loop_getpid");
    let close = instance.get_typed_func(&mut store, "loop_close").expect("loop_close");
    Guest { store, getpid, close }
}

fn guest_loop(g: &mut Guest, which: &str, iters: u64) -> Duration {
    let f = if which == "getpid" { g.getpid.clone() } else { g.close.clone() };
    let start = Instant::now();
    let mut left = iters;
    while left > 0 {
        let n = left.min(i32::MAX as u64);
        f.call(&mut g.store, n as i32).expect("guest loop");
        left -= n;
    }
    start.elapsed()
}

fn native_loop(which: &str, iters: u64) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        // SAFETY: plain syscalls without memory arguments.
        unsafe {
            if which == "getpid" {
                std::hint::black_box(libc::getpid());
            } else {
                std::hint::black_box(libc::close(std::hint::black_box(-1)));
            }
        }
    }
    start.elapsed()
}

fn bench(c: &mut Criterion) {
    let mut g = guest();
    for which in ["getpid", "close"] {
        let mut group = c.benchmark_group(which);
        group.bench_function("native", |b| b.iter_custom(|iters| native_loop(which, iters)));
        group.bench_function("wali", |b| b.iter_custom(|iters| guest_loop(&mut g, which, iters)));
        group.finish();
    }
}

/// Interleaved rounds, best of each side: robust on a noisy shared machine.
fn ratios(rounds: usize, iters: u64) {
    let mut g = guest();
    for which in ["getpid", "close"] {
        let (mut best_native, mut best_guest) = (Duration::MAX, Duration::MAX);
        for _ in 0..rounds {
            best_native = best_native.min(native_loop(which, iters));
            best_guest = best_guest.min(guest_loop(&mut g, which, iters));
        }
        let per = |d: Duration| d.as_nanos() as f64 / iters as f64;
        println!(
            "ratio {which}: wali {:.1} ns/call, native {:.1} ns/call, {:.3}x native",
            per(best_guest),
            per(best_native),
            per(best_guest) / per(best_native)
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    benches();
    Criterion::default().configure_from_args().final_summary();
    if full { ratios(15, 1_000_000) } else { ratios(1, 1_000) }
}
