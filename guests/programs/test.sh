#!/usr/bin/env bash
# Runs the programs of build.sh under wali-run and compares them with the
# native (gcc) builds of the same sources.  Exit 1 on any mismatch.
#   Lua:   tests/test.lua (strings, tables, io, coroutines, pcall(error, ...) =
#          longjmp), plus uncaught errors, os.exit status and a chunk from stdin:
#          stdout, stderr and exit status must be identical.
#   zpipe: compressed output byte-identical to native (levels default/1/9), round
#          trips of several files, cross decompression, a corrupt stream.
#   Both modules import only wali.* with the spec's signatures (check_imports.py).
# Runs build.sh first unless NO_BUILD=1.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag=programs
. "$here/lib.sh"    # $repo $build, test_init, new_scratch, ok/bad/summary, compare, check_imports
test_init           # $wali_run; build.sh unless NO_BUILD=1
new_scratch

# same CMD... : run natively and under wali-run (same cwd, args, stdin from
# $stdin_file), compare stdout, stderr and exit status.
stdin_file=/dev/null
same() { # same NAME NATIVE_BIN WASM ARGS...
  local name="$1" nat="$2" wasm="$3"; shift 3
  local o="$scratch/out"; mkdir -p "$o"
  (cd "$here" && "$nat" "$@" <"$stdin_file" >"$o/n.stdout" 2>"$o/n.stderr"); echo $? >"$o/n.rc"
  (cd "$here" && "$wali_run" "$wasm" "$@" <"$stdin_file" >"$o/w.stdout" 2>"$o/w.stderr"); echo $? >"$o/w.rc"
  # the interpreter's own name differs (build/native/lua vs build/lua.wasm) in messages
  sed -i "s|$nat|PROG|g" "$o/n.stderr"; sed -i "s|$wasm|PROG|g" "$o/w.stderr"
  compare "$name" "$o/n" "$o/w"
}

echo "programs: lua"
nlua="$build/native/lua" wlua="$build/lua.wasm"
mkdir -p "$scratch/lua"
same "test.lua" "$nlua" "$wlua" tests/test.lua "$scratch/lua"
same "uncaught error" "$nlua" "$wlua" -e "local t = {} ; error('boom: ' .. #t)"
same "error object" "$nlua" "$wlua" -e "error(setmetatable({}, {__tostring = function() return 'E!' end}))"
same "os.exit(7)" "$nlua" "$wlua" -e "io.write('before exit') os.exit(7)"
same "syntax error" "$nlua" "$wlua" -e "x = = 1"
same "missing script" "$nlua" "$wlua" "$scratch/lua/none.lua"
printf 'local s = 0\nfor l in io.lines() do s = s + #l end\nprint(s)\n' >"$scratch/lines.lua"
printf 'alpha\nbeta\ngamma\n' >"$scratch/stdin.txt"; stdin_file="$scratch/stdin.txt"
same "io.lines() on stdin" "$nlua" "$wlua" "$scratch/lines.lua"
printf 'print(arg[0], ...)\nprint(io.read("a"):upper())\n' >"$scratch/chunk.lua"; stdin_file="$scratch/chunk.lua"
same "chunk from stdin (lua -)" "$nlua" "$wlua" - one "two words"
stdin_file=/dev/null

echo "programs: zpipe"
nz="$build/native/zpipe" wz="$build/zpipe.wasm"
inputs="$scratch/in"; mkdir -p "$inputs"
: >"$inputs/empty"
printf 'hello, zlib\n' >"$inputs/small.txt"
cp "$here/tests/test.lua" "$inputs/test.lua"
cp "$build/lua.wasm" "$inputs/lua.wasm"
ls "$build"/src/zlib_*.orig.tar.* >/dev/null 2>&1 && cp "$(ls "$build"/src/zlib_*.orig.tar.* | head -1)" "$inputs/zlib.tar"
head -c 300000 /dev/urandom >"$inputs/random.bin"
for i in $(seq 1 20000); do echo "row $i $((i * i % 977)) the same words again and again"; done >"$inputs/rows.txt"
z="$scratch/z"; mkdir -p "$z"
for f in "$inputs"/*; do
  b="$(basename "$f")"
  for lv in default 1 9; do
    if [ "$lv" = default ]; then args=(-c); else args=(-c -L "$lv"); fi
    "$nz" "${args[@]}" <"$f" >"$z/$b.$lv.n"; nrc=$?
    "$wali_run" "$wz" "${args[@]}" <"$f" >"$z/$b.$lv.w"; wrc=$?
    if [ $nrc = 0 ] && [ $wrc = 0 ] && cmp -s "$z/$b.$lv.n" "$z/$b.$lv.w"; then
      ok "compress $b level $lv: identical ($(stat -c %s "$f") -> $(stat -c %s "$z/$b.$lv.w") bytes)"
    else
      bad "compress $b level $lv: exit native $nrc, wasm $wrc; $(cmp "$z/$b.$lv.n" "$z/$b.$lv.w" 2>&1 | head -1)"
    fi
  done
  # round trip under wali-run, and wasm decompressing the native stream
  "$wali_run" "$wz" -d <"$z/$b.default.w" >"$z/$b.rt"; rc1=$?
  "$wali_run" "$wz" -d <"$z/$b.9.n" >"$z/$b.x"; rc2=$?
  "$nz" -d <"$z/$b.1.w" >"$z/$b.y"; rc3=$?
  if [ $rc1$rc2$rc3 = 000 ] && cmp -s "$f" "$z/$b.rt" && cmp -s "$f" "$z/$b.x" && cmp -s "$f" "$z/$b.y"; then
    ok "round trip $b (wasm->wasm, native->wasm, wasm->native)"
  else
    bad "round trip $b: exits $rc1 $rc2 $rc3"
  fi
done
# corrupt and truncated streams: same exit status and message
head -c 100 "$z/rows.txt.default.n" >"$z/trunc"
{ head -c 50 "$z/rows.txt.default.n"; printf 'garbage-garbage-garbage'; tail -c +74 "$z/rows.txt.default.n"; } >"$z/corrupt"
for c in trunc corrupt; do
  stdin_file="$z/$c"
  same "decompress $c stream" "$nz" "$wz" -d
done
stdin_file=/dev/null
same "usage" "$nz" "$wz" -x

check_imports "$build/lua.wasm" "$build/zpipe.wasm"

summary
