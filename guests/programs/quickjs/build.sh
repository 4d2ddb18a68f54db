#!/usr/bin/env bash
# Builds QuickJS's `qjs` (quickjs-ng 0.8.0, as bundled by the crate rquickjs-sys
# 0.9.0 from crates.io) for WALI and natively:
#   build/qjs.wasm      guests/wali-cc
#   build/native/qjs    gcc (glibc)
# from the same patched tree (build/quickjs-src/) with the same options ($opts).
# The crate is downloaded with curl from static.crates.io, checked against a pinned
# sha256 and cached in build/src/.  Sources are those of the tree's CMakeLists.txt
# for the qjs executable: qjs.c gen/repl.c gen/standalone.c (the REPL and the
# standalone-executable support, precompiled bytecode) + quickjs.c quickjs-libc.c
# libregexp.c libunicode.c libbf.c cutils.c.
# Patches (this directory, *.patch, applied in order): fcvt-no-fenv.patch (see its
# header: toFixed/toPrecision rounding without FE_DOWNWARD).
# A no-op when the inputs are unchanged (-f forces).  Safe to run next to the
# other program builds (own lock file).
# Needs: the sysroot (guests/sysroot/build.sh, run from here), clang-22/lld-22,
# gcc, curl, tar, patch.
set -euo pipefail
t0=$(date +%s.%N)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag=quickjs
. "$here/../lib.sh"    # $repo $build $src $WALI_CC $jobs, die, need_tools, lock_build, stamp_of, ...
crate="rquickjs-sys-0.9.0"
crate_url="https://static.crates.io/crates/rquickjs-sys/$crate.crate"
# the crates.io index checksum of rquickjs-sys 0.9.0
crate_sha256="7fed0097b0b4fbb2a87f6dd3b995a7c64ca56de30007eb7e867dfdfc78324ba5"

# Options for both builds: those of the tree's CMakeLists.txt (C11 with GNU
# extensions, _GNU_SOURCE, unsigned char; CMake's Release is -O3, -O2 is used as for
# the other programs) and NDEBUG.  The os.Worker API (pthreads) is compiled in.
opts=(-O2 -DNDEBUG -std=gnu11 -D_GNU_SOURCE -funsigned-char
      -Wall -Wno-implicit-fallthrough -Wno-sign-compare -Wno-missing-field-initializers
      -Wno-unused-parameter -Wno-unused-but-set-variable -Wno-array-bounds)
srcs=(qjs.c gen/repl.c gen/standalone.c quickjs.c quickjs-libc.c libregexp.c libunicode.c
      libbf.c cutils.c)
libs=(-lm -lpthread)

need_tools clang-22 wasm-ld-22 gcc curl tar patch sha256sum flock xargs

# The sysroot (a no-op when up to date).
"$repo/guests/sysroot/build.sh" >/dev/null || die "guests/sysroot/build.sh failed"

lock_build .quickjs.lock

# --- source -------------------------------------------------------------------------
cached="$src/$crate.crate"
if [ ! -f "$cached" ]; then
  echo "quickjs: fetching $crate_url" >&2
  tmp="$(mktemp "$src/.$crate.XXXXXX")"
  curl -fsSL --retry 3 -o "$tmp" "$crate_url" || { rm -f "$tmp"; die "download of $crate_url failed"; }
  mv -f "$tmp" "$cached"
fi
check_sha256 "$cached" "$crate_sha256"

# --- up to date? ------------------------------------------------------------------------
force=0
[ "${1:-}" = "-f" ] && force=1
patches=("$here"/*.patch)
stamp="$(stamp_of "$here/build.sh" "${patches[@]}" -- "$crate_sha256")"
if up_to_date .quickjs.stamp -f "$build/qjs.wasm" -x "$build/native/qjs"; then
  echo "quickjs: up to date ($build/qjs.wasm, $build/native/qjs)"
  exit 0
fi
rm -f "$build/.quickjs.stamp"

# --- tree -------------------------------------------------------------------------------
tree="$build/quickjs-src"
extract "$cached" "$tree" 2 "$crate/quickjs" \
  || die "extracting $crate/quickjs from $cached failed"
for p in "${patches[@]}"; do
  patch -s -p1 -d "$tree" <"$p" || die "patch $(basename "$p") does not apply"
done
for f in "${srcs[@]}"; do [ -f "$tree/$f" ] || die "$tree/$f missing"; done

# --- compile ----------------------------------------------------------------------------
# compile OUT CC...: every source as its own job ($jobs at a time), then link.
compile() {
  local out="$1"; shift
  local dir; dir="$(mktemp -d "$build/.quickjs-obj.XXXXXX")"
  local log="$dir.log"
  if ! printf '%s\n' "${srcs[@]}" | (cd "$tree" && xargs -P "$jobs" -I{} sh -c \
         'o="$1/$(echo "$2" | tr / _).o"; shift 2; exec "$@" -c -o "$o" "$0"' {} "$dir" {} "$@" "${opts[@]}") \
         >"$log" 2>&1; then
    rm -rf "$dir"; grep -E 'error|Error' "$log" | head -20 >&2; die "compiling with $1 failed ($log)"
  fi
  "$@" -o "$dir/out" "$dir"/*.o "${libs[@]}" >>"$log" 2>&1 \
    || { rm -rf "$dir"; tail -20 "$log" >&2; die "linking with $1 failed ($log)"; }
  if grep -q 'warning:' "$log"; then
    echo "quickjs: $(grep -c 'warning:' "$log") warnings with $1 (kept in $build/quickjs-$(basename "$1").log)"
    cp "$log" "$build/quickjs-$(basename "$1").log"
  fi
  mv -f "$dir/out" "$out"
  rm -rf "$dir" "$log"
}
timed tw compile "$build/qjs.wasm" "$WALI_CC"
timed tn compile "$build/native/qjs" gcc

echo "$stamp" >"$build/.quickjs.stamp"
echo "quickjs: qjs.wasm $(wasm_size "$build/qjs.wasm") [wasm ${tw}s, native ${tn}s]"
echo "quickjs: done [$(elapsed "$t0")s]"
