;; A plain (non-shared) guest: maps data.bin MAP_SHARED, then grows linear
;; memory by 64 MiB of anonymous mappings, then writes the file mapping again.
;; The file must hold both writes: linear memory never moved, so the file
;; mapping stayed the file (tests/arm32/run.sh checks it under qemu-arm).
(module
  (import "wali" "SYS_open" (func $open (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_mmap" (func $mmap (param i32 i32 i32 i32 i32 i64) (result i64)))
  (import "wali" "SYS_msync" (func $msync (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_write" (func $write (param i32 i32 i32) (result i64)))
  (import "wali" "SYS_exit_group" (func $exit (param i32) (result i64)))
  (memory (export "memory") 2 2048)
  (data (i32.const 16) "data.bin\00")
  (data (i32.const 32) "grown\0a")
  (func (export "_start")
    (local $fd i32) (local $p i32) (local $q i64) (local $i i32)
    ;; fd = open("data.bin", O_RDWR)
    (local.set $fd (i32.wrap_i64 (call $open (i32.const 16) (i32.const 2) (i32.const 0))))
    (if (i32.lt_s (local.get $fd) (i32.const 0)) (then (drop (call $exit (i32.const 10)))))
    ;; p = mmap(0, 65536, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
    (local.set $q (call $mmap (i32.const 0) (i32.const 65536) (i32.const 3) (i32.const 1) (local.get $fd) (i64.const 0)))
    (if (i64.lt_s (local.get $q) (i64.const 0)) (then (drop (call $exit (i32.const 11)))))
    (local.set $p (i32.wrap_i64 (local.get $q)))
    ;; "HELLO" at p
    (i64.store (local.get $p) (i64.const 0x4f4c4c4548))
    ;; 64 x mmap(0, 1 MiB, RW, MAP_PRIVATE|MAP_ANONYMOUS): memory grows by >= 64 MiB
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $i) (i32.const 64)))
        (local.set $q (call $mmap (i32.const 0) (i32.const 1048576) (i32.const 3) (i32.const 0x22) (i32.const -1) (i64.const 0)))
        (if (i64.lt_s (local.get $q) (i64.const 0)) (then (drop (call $exit (i32.const 12)))))
        (i32.store8 (i32.add (i32.wrap_i64 (local.get $q)) (i32.const 4095)) (i32.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (if (i32.lt_u (i32.mul (memory.size) (i32.const 65536)) (i32.const 67108864)) (then (drop (call $exit (i32.const 13)))))
    ;; "WORLD" at p + 8, then msync
    (i64.store (i32.add (local.get $p) (i32.const 8)) (i64.const 0x444c524f57))
    (if (i64.ne (call $msync (local.get $p) (i32.const 65536) (i32.const 4)) (i64.const 0)) (then (drop (call $exit (i32.const 14)))))
    (drop (call $write (i32.const 1) (i32.const 32) (i32.const 6)))
    (drop (call $exit (i32.const 0)))))
