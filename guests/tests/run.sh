#!/usr/bin/env bash
# Differential tests of the WALI sysroot: every guests/tests/*.c is built with
# guests/wali-cc (wasm) and with gcc (native), both are run with the same
# arguments (a fresh scratch directory, then "one" "two words"), the same
# stdin (three lines) and the same
# environment (FOO=bar, WALI_TEST=1 and nothing else; TZ unset = UTC), and
# stdout + exit status must be identical. Also: the import check of every
# module and of guests/prebuilt/*.wasm (check_imports.py) and the struct
# layouts of structs.tsv (layout).
# Usage: guests/tests/run.sh [name...]      WALI_RUN overrides the runtime.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
spec="${WALI_SPEC:-$repo/wali-abi/spec}"
wali_run="${WALI_RUN:-$repo/target/debug/wali-run}"
out="$here/build"
mkdir -p "$out"

"$repo/guests/sysroot/build.sh" || exit 1
[ -x "$wali_run" ] || { echo "run.sh: $wali_run not found (cargo build first)" >&2; exit 1; }

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/*.c; do names+=("$(basename "$f" .c)"); done
fi

pass=0 fail=0
failed=()
for n in "${names[@]}"; do
  src="$here/$n.c"
  if ! "$repo/guests/wali-cc" -O2 -Wall -o "$out/$n.wasm" "$src" -lm 2>"$out/$n.wasm.log"; then
    echo "FAIL $n: wali-cc failed"; sed 's/^/    /' "$out/$n.wasm.log" | head -20
    fail=$((fail+1)); failed+=("$n"); continue
  fi
  if ! gcc -O2 -Wall -pthread -o "$out/$n.native" "$src" -lm 2>"$out/$n.native.log"; then
    echo "FAIL $n: gcc failed"; sed 's/^/    /' "$out/$n.native.log" | head -20
    fail=$((fail+1)); failed+=("$n"); continue
  fi
  dn="$(mktemp -d)"; dw="$(mktemp -d)"
  printf 'first line\nsecond line\nthird\n' >"$out/stdin.txt"
  (cd "$dn" && timeout 60 env -i FOO=bar WALI_TEST=1 "$out/$n.native" "$dn" one "two words" \
     <"$out/stdin.txt" >"$out/$n.native.out" 2>"$out/$n.native.err"; echo "exit $?" >>"$out/$n.native.out")
  (cd "$dw" && timeout 60 "$wali_run" --env FOO=bar --env WALI_TEST=1 "$out/$n.wasm" "$dw" one "two words" \
     <"$out/stdin.txt" >"$out/$n.wasm.out" 2>"$out/$n.wasm.err"; echo "exit $?" >>"$out/$n.wasm.out")
  rm -rf "$dn" "$dw"
  if cmp -s "$out/$n.native.out" "$out/$n.wasm.out"; then
    echo "ok   $n ($(stat -c %s "$out/$n.wasm") bytes)"
    pass=$((pass+1))
  else
    echo "FAIL $n: output differs (native < > wasm)"
    diff "$out/$n.native.out" "$out/$n.wasm.out" | head -20 | sed 's/^/    /'
    sed 's/^/    stderr: /' "$out/$n.wasm.err" | head -5
    fail=$((fail+1)); failed+=("$n")
  fi
done

# struct layouts of the spec (structs.tsv) as the sysroot's headers define them
python3 "$here/gen_layout.py" "$spec/structs.tsv" "$out/layout.c" "$out/layout.expected"
if "$repo/guests/wali-cc" -O2 -o "$out/layout.wasm" "$out/layout.c" 2>"$out/layout.log" \
   && "$wali_run" "$out/layout.wasm" >"$out/layout.out" 2>&1 \
   && cmp -s "$out/layout.expected" "$out/layout.out"; then
  echo "ok   layout ($(wc -l <"$out/layout.expected") fields of structs.tsv)"
  pass=$((pass+1))
else
  echo "FAIL layout"; cat "$out/layout.log" | head; diff "$out/layout.expected" "$out/layout.out" | head -20
  fail=$((fail+1)); failed+=(layout)
fi

# every installed header compiles, as C and as C++ (but the three that need
# Linux kernel headers, as in any musl without them)
sysinc="$repo/guests/sysroot/build/sysroot/include"
{ echo '#define _GNU_SOURCE'
  (cd "$sysinc" && find . -name '*.h' ! -path './bits/*' | sed 's|^\./||' | LC_ALL=C sort) \
    | grep -v -x -e sys/kd.h -e sys/vt.h -e sys/soundcard.h | sed 's/.*/#include <&>/'
  echo 'int main(void) { return 0; }'; } >"$out/headers.c"
if "$repo/guests/wali-cc" -w -o "$out/headers.wasm" "$out/headers.c" 2>"$out/headers.log" \
   && "$repo/guests/wali-cc" -x c++ -w -fsyntax-only "$out/headers.c" 2>>"$out/headers.log"; then
  echo "ok   headers ($(grep -c '^#include' "$out/headers.c") headers, C and C++)"
  pass=$((pass+1))
else
  echo "FAIL headers"; head -20 "$out/headers.log"
  fail=$((fail+1)); failed+=(headers)
fi

# every module imports only wali.* with the spec's signatures
mods=("$out"/*.wasm "$repo"/guests/prebuilt/*.wasm)
if python3 "$here/check_imports.py" "$spec" "${mods[@]}" >"$out/imports.out"; then
  echo "ok   imports (${#mods[@]} modules, prebuilt ones included)"
  pass=$((pass+1))
else
  echo "FAIL imports"; grep -v '^ok' "$out/imports.out"
  fail=$((fail+1)); failed+=(imports)
fi

echo "guests: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || { echo "failed: ${failed[*]}"; exit 1; }
