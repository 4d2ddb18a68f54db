//! The serving hot path: 1-byte `write` + `read` on a pipe, `epoll_pwait` on a
//! ready descriptor, and `accept` + `close` of a queued loopback connection,
//! each inside a guest against the same calls natively, in one run. Each guest
//! case runs twice: as is, and with 1000 munmapped holes in linear memory below
//! its buffers (the buffer checks must not scan the protected ranges).
//! Besides the criterion report, `cargo bench --bench io_hot_path` prints the
//! guest/native ratios.

use criterion::{Criterion, criterion_group};
use std::os::fd::RawFd;
use std::time::{Duration, Instant};
use wali_run::{engine, host::Process, run};
use wasmtime::{Store, TypedFunc};

const GUEST: &str = r#"(module
  (import "wali" "SYS_read" (func $read (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_write" (func $write (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_epoll_pwait" (func $epoll (param i32 i32 i32 i32 i32 i32) (result i64)))
  (import "wali" "SYS_accept" (func $accept (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_close" (func $close (param i32) (result i64)))
  (import "wali" "SYS_mmap" (func $mmap (param i32 i32 i32 i32 i32 i64) (result i64)))
  (import "wali" "SYS_munmap" (func $munmap (param i32 i32) (result i64)))
  (memory (export "memory") 1 65536 shared)
  (func (export "_start"))
  ;; n times: write one byte from buf to w, read it back from r into buf
  (func (export "rw") (param $n i32) (param $w i32) (param $r i32) (param $buf i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (drop (call $write (local.get $w) (local.get $buf) (i32.const 1)))
      (drop (call $read (local.get $r) (local.get $buf) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next))))
  ;; n times: epoll_pwait(ep, buf, 8, 0, NULL, 8)
  (func (export "epoll") (param $n i32) (param $ep i32) (param $buf i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (drop (call $epoll (local.get $ep) (local.get $buf) (i32.const 8) (i32.const 0) (i32.const 0) (i32.const 8)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next))))
  ;; n times: close(accept(l, NULL, NULL))
  (func (export "accept") (param $n i32) (param $l i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (drop (call $close (i32.wrap_i64 (call $accept (local.get $l) (i32.const 0) (i32.const 0)))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next))))
  ;; map 2001 pages, unmap every other one of the first 2000: 1000 holes
  ;; below the last page, whose address is returned
  (func (export "holes") (result i32)
    (local $p i32) (local $i i32)
    (local.set $p (i32.wrap_i64 (call $mmap (i32.const 0) (i32.const 8196096) (i32.const 3) (i32.const 0x22) (i32.const -1) (i64.const 0))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (i32.const 1000)))
      (drop (call $munmap (i32.add (local.get $p) (i32.mul (i32.add (i32.mul (local.get $i) (i32.const 2)) (i32.const 1)) (i32.const 4096))) (i32.const 4096)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (i32.add (local.get $p) (i32.const 8192000))))"#;

struct Guest {
    store: Store<wali_run::host::Host>,
    rw: TypedFunc<(i32, i32, i32, i32), ()>,
    epoll: TypedFunc<(i32, i32, i32), ()>,
    accept: TypedFunc<(i32, i32), ()>,
    /// A buffer at a low address, and one above 1000 holes (after `holes`).
    low: i32,
    high: Option<i32>,
}

fn guest(holes: bool) -> Guest {
    let engine = engine::engine(&engine::EngineOptions { cache: false, ..Default::default() }).expect("engine");
    let wasm = engine::prepare(&engine, &wat::parse_str(GUEST).expect("wat"), "bench.wasm".as_ref()).expect("rewrite");
    let module = wasmtime::Module::new(&engine, wasm).expect("compile");
    let process = Process::new(vec![c"bench.wasm".into()], None, false);
    let (mut store, instance) = run::instantiate(&engine, &module, process, &Default::default()).expect("instantiate");
    let rw = instance.get_typed_func(&mut store, "rw").expect("rw");
    let epoll = instance.get_typed_func(&mut store, "epoll").expect("epoll");
    let accept = instance.get_typed_func(&mut store, "accept").expect("accept");
    let high = holes.then(|| {
        let f: TypedFunc<(), i32> = instance.get_typed_func(&mut store, "holes").expect("holes");
        let at = f.call(&mut store, ()).expect("holes");
        assert!(at > 0x7d_0000, "mmap for the holes failed: {at}");
        at
    });
    Guest { store, rw, epoll, accept, low: 1024, high }
}

/// The host side: a pipe, an epoll set with the pipe's write end (always
/// ready), and a listening loopback socket.
struct Fds {
    r: RawFd,
    w: RawFd,
    ep: RawFd,
    listener: std::net::TcpListener,
}

fn fds() -> Fds {
    let mut p = [0; 2];
    // SAFETY: pipe(2) into a local array; epoll_create1 and epoll_ctl on fds we own.
    unsafe {
        assert_eq!(libc::pipe(p.as_mut_ptr()), 0);
        let ep = libc::epoll_create1(0);
        assert!(ep >= 0);
        let mut ev = libc::epoll_event { events: libc::EPOLLOUT as u32, u64: 7 };
        assert_eq!(libc::epoll_ctl(ep, libc::EPOLL_CTL_ADD, p[1], &mut ev), 0);
        Fds { r: p[0], w: p[1], ep, listener: std::net::TcpListener::bind("127.0.0.1:0").expect("bind") }
    }
}

/// Queue `n` connections on the listener (not timed); the clients are
/// returned so that they stay open until accepted.
fn connect(f: &Fds, n: u64) -> Vec<std::net::TcpStream> {
    let addr = f.listener.local_addr().unwrap();
    (0..n).map(|_| std::net::TcpStream::connect(addr).expect("connect")).collect()
}

/// Accepts go in batches the listen backlog holds.
const BATCH: u64 = 64;

fn guest_run(g: &mut Guest, f: &Fds, which: &str, high: bool, iters: u64) -> Duration {
    let buf = if high { g.high.expect("holes") } else { g.low };
    let mut spent = Duration::ZERO;
    let mut left = iters;
    while left > 0 {
        let n = left.min(if which == "accept" { BATCH } else { 1 << 30 });
        let clients = if which == "accept" { connect(f, n) } else { Vec::new() };
        let start = Instant::now();
        match which {
            "rw" => g.rw.call(&mut g.store, (n as i32, f.w, f.r, buf)),
            "epoll" => g.epoll.call(&mut g.store, (n as i32, f.ep, buf)),
            _ => g.accept.call(&mut g.store, (n as i32, std::os::fd::AsRawFd::as_raw_fd(&f.listener))),
        }
        .expect("guest loop");
        spent += start.elapsed();
        drop(clients);
        left -= n;
    }
    spent
}

fn native_run(f: &Fds, which: &str, iters: u64) -> Duration {
    let mut spent = Duration::ZERO;
    let mut left = iters;
    let mut byte = [0u8; 1];
    let mut evs = [libc::epoll_event { events: 0, u64: 0 }; 8];
    let l = std::os::fd::AsRawFd::as_raw_fd(&f.listener);
    while left > 0 {
        let n = left.min(if which == "accept" { BATCH } else { 1 << 30 });
        let clients = if which == "accept" { connect(f, n) } else { Vec::new() };
        let start = Instant::now();
        for _ in 0..n {
            // SAFETY: plain syscalls on fds this bench owns, into local buffers.
            unsafe {
                match which {
                    "rw" => {
                        std::hint::black_box(libc::write(f.w, byte.as_ptr().cast(), 1));
                        std::hint::black_box(libc::read(f.r, byte.as_mut_ptr().cast(), 1));
                    }
                    "epoll" => {
                        std::hint::black_box(libc::epoll_pwait(f.ep, evs.as_mut_ptr(), 8, 0, std::ptr::null()));
                    }
                    _ => {
                        libc::close(libc::accept(l, std::ptr::null_mut(), std::ptr::null_mut()));
                    }
                }
            }
        }
        spent += start.elapsed();
        drop(clients);
        left -= n;
    }
    spent
}

const CASES: [&str; 3] = ["rw", "epoll", "accept"];

fn bench(c: &mut Criterion) {
    let f = fds();
    let mut g = guest(true);
    for which in CASES {
        let mut group = c.benchmark_group(which);
        group.bench_function("native", |b| b.iter_custom(|iters| native_run(&f, which, iters)));
        group.bench_function("wali", |b| b.iter_custom(|iters| guest_run(&mut g, &f, which, false, iters)));
        group.bench_function("wali, 1000 holes below", |b| b.iter_custom(|iters| guest_run(&mut g, &f, which, true, iters)));
        group.finish();
    }
}

/// Interleaved rounds, best of each side: robust on a noisy shared machine.
fn ratios(rounds: usize, iters: u64) {
    let f = fds();
    let mut g = guest(true);
    for which in CASES {
        let iters = if which == "accept" { iters / 20 } else { iters };
        let (mut n, mut w, mut h) = (Duration::MAX, Duration::MAX, Duration::MAX);
        for _ in 0..rounds {
            n = n.min(native_run(&f, which, iters));
            w = w.min(guest_run(&mut g, &f, which, false, iters));
            h = h.min(guest_run(&mut g, &f, which, true, iters));
        }
        let per = |d: Duration| d.as_nanos() as f64 / iters as f64;
        println!(
            "ratio {which}: native {:.0} ns, wali {:.0} ns ({:.2}x), with 1000 holes below {:.0} ns ({:.2}x)",
            per(n),
            per(w),
            per(w) / per(n),
            per(h),
            per(h) / per(n)
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    benches();
    Criterion::default().configure_from_args().final_summary();
    if full { ratios(10, 100_000) } else { ratios(1, 1_000) }
}
