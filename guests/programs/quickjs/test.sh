#!/usr/bin/env bash
# Differential test of QuickJS's qjs (build.sh): each case runs natively
# (build/native/qjs, gcc/glibc) and under wali-run (build/qjs.wasm), each in a
# fresh directory at the same path (holding this directory's test inputs), with a
# controlled environment: PATH, TZ=Europe/Berlin, QJS_TEST=yes and QJS = this same
# build (the native binary, or the .wasm module itself: the guest's execve of a
# module re-executes wali-run on it).  Per case, stdout, stderr and the exit status
# must be identical, and so must the files the case leaves behind.
# Exit 1 on any mismatch.  Runs build.sh first unless NO_BUILD=1.
#   WALI_RUN   the runtime (default target/debug/wali-run)
#   TIMEOUT    seconds per case (default 120)
#   KEEP=1     keep the scratch directory (outputs per case) for inspection
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag=quickjs
. "$here/../lib.sh"    # $repo $build, test_init, new_scratch, ok/bad/summary, compare, guest_run, ...
tmo="${TIMEOUT:-120}"
test_init              # $wali_run; build.sh unless NO_BUILD=1
native="$build/native/qjs" wasm="$build/qjs.wasm"
need_built "$native" "$wasm"

new_scratch -k
cwd="$scratch/cwd"

guest_env=(PATH=/usr/bin:/bin TZ=Europe/Berlin QJS_TEST=yes)

# run SIDE OUT STDIN ARGS...: one qjs invocation in a fresh $cwd.
run() {
  local side="$1" out="$2" in="$3"; shift 3
  rm -rf "$cwd"; mkdir -p "$cwd"
  cp "$here"/*.mjs "$here"/*.js "$here"/*.txt "$cwd/"
  if [ -n "$setup" ]; then (cd "$cwd" && eval "$setup"); fi
  case "$in" in /*) ;; *) in="$cwd/$in" ;; esac
  local self="$native"
  if [ "$side" = wasm ]; then self="$wasm"; fi
  guest_run "$side" "$out" "$in" QJS="$self" "$@"
  sed -i -e "s|$native|QJS|g" -e "s|$wasm|QJS|g" "$out.stdout" "$out.stderr"
  # the files left behind (inputs included): name, size, sha256; text outputs in full
  (cd "$cwd" && find . \( -type f -o -type l \) | LC_ALL=C sort | while read -r f; do
     if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"; continue; fi
     echo "$f $(stat -c '%s %a' "$f") $(sha256sum <"$f" | cut -d' ' -f1)"
     case "$f" in *.out|*.err|*.txt) sed 's/^/    /' "$f" ;; esac
   done) >"$out.files"
}

# same NAME STDIN ARGS...: run both sides, compare.  $setup (shell code) runs in
# the fresh directory before each side.
n=0 setup=
same() {
  local name="$1" in="$2"; shift 2
  local o="$scratch/$n"; n=$((n + 1))
  run native "$o.n" "$in" "$@"
  run wasm "$o.w" "$in" "$@"
  last_native_stdout="$o.n.stdout" last_native_rc="$(cat "$o.n.rc")"
  compare "$name" "$o.n" "$o.w"
}
# expect WHAT: the native reference itself must look right (not two equal failures)
expect_rc() { if [ "$last_native_rc" = "$1" ]; then ok "  native exit status is $1"; else bad "  native exit status $last_native_rc, expected $1"; fi; }
expect_out() { if grep -qF -- "$1" "$last_native_stdout"; then ok "  native output has '$1'"; else bad "  native output lacks '$1'"; fi; }

echo "quickjs: running natively and under $(basename "$wali_run")"
same "test.mjs (language, std, os, Worker, processes)" /dev/null test.mjs a1 'a 2'
expect_rc 0; expect_out 'end of test.mjs'
same "-e one-liner" /dev/null -e 'print(6 * 7, "ab".repeat(3), [3, 1, 2].sort(), (0.5).toFixed(0), 2n ** 70n, scriptArgs.slice(1))' x 'y z'
expect_out '42 ababab 1,2,3 1 1180591620717411303424'
same "-e uncaught exception (exit 1)" /dev/null -e 'function thrower() { throw new TypeError("bad thing"); } thrower()'
same "-e syntax error" /dev/null -e 'let = ;'
same "-e unhandled promise rejection" /dev/null -e 'Promise.reject(new Error("nobody catches this")); print("after")'
same "-e error thrown in a timer" /dev/null -e 'import("qjs:os").then((os) => os.setTimeout(() => { throw new RangeError("in timer") }, 5)); print("scheduled")'
same "std.exit(3) from a module" /dev/null exit.mjs
expect_rc 3
# --std makes std/os/bjson global by evaluating a module named "<input>", whose
# import.meta setup calls realpath("<input>"): it only works where such a file exists.
same "--std -e 'std.exit(3)' without a file named <input>" /dev/null --std -e 'std.exit(3)'
setup=': >"<input>"'
same "--std -e 'std.exit(3)' with a file named <input>" /dev/null --std -e 'print(typeof std, typeof os, typeof bjson); std.exit(3)'
expect_rc 3; expect_out 'object object object'
setup=
same "-I include file, then a module" /dev/null -I script.js exit.mjs
same "script on stdin via /dev/stdin" script.js /dev/stdin p q
expect_out 'sum of squares 338350'
same "std.in reads stdin" stdin-data.txt stdin.mjs
same "deep recursion: RangeError, not a crash" /dev/null stack.js
expect_out 'still running'
same "missing script file" /dev/null no-such-file.js
same "--memory-limit: out of memory is an exception" /dev/null --memory-limit 4m -e 'let a = []; try { for (;;) a.push(new Array(4096).fill(1.5)); } catch (e) { a = null; print(e.constructor.name, e.message); }'
same "--help" /dev/null --help

check_imports "$wasm"

summary
