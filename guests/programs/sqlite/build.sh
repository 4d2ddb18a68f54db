#!/usr/bin/env bash
# Builds the SQLite 3.40.1 command-line shell for WALI and natively, from Debian's
# source package `sqlite3` 3.40.1-2+deb12u2 (the orig tarball is the full upstream
# source tree; fetched with `apt-get source --download-only`, sha256-checked, cached
# in ../build/src/):
#   1. the amalgamation (sqlite3.c, sqlite3.h, shell.c) is generated natively with
#      the tree's own configure + Makefile (needs tclsh and gcc), in build/sqlite-amalg/;
#   2. shell.c + sqlite3.c are compiled with guests/wali-cc -> build/sqlite3.wasm
#      and with gcc (glibc)                                  -> build/native/sqlite3
#      with the same options ($opts below).
# Debian's packaging patches are not applied.  A no-op when the inputs are unchanged
# (-f forces).  Safe to run next to the other program builds (own lock file).
# Needs: the sysroot (guests/sysroot/build.sh, run from here), clang-22/lld-22, gcc,
# make, tar, xz, tclsh (package tcl), apt access to Debian's sources (deb_orig adds
# deb-src entries).
set -euo pipefail
t0=$(date +%s.%N)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag=sqlite
. "$here/../lib.sh"    # $repo $build $src $WALI_CC, die, need_tools, lock_build, deb_orig, stamp_of, ...
# Pinned (bookworm main): Debian version, orig tarball, its sha256 (as in the .dsc;
# every Debian revision of 3.40.1 ships the same orig tarball).
deb_version="3.40.1-2+deb12u2"
orig_name="sqlite3_3.40.1.orig.tar.xz"
orig_sha256="aaa776260ab4dc976db34aa7891819484c8676b5b2783123ebc6301e2ca5d655"

# Compile options, the same for both builds.
#  - THREADSAFE=1: the default (pthread mutexes; the shell itself is single-threaded);
#  - OMIT_LOAD_EXTENSION: no dlopen on WALI (static musl), so no .load;
#  - FTS5, RTREE, DBSTAT_VTAB, MATH_FUNCTIONS: cheap extensions the test uses (JSON is
#    built in since 3.38);
#  - HAVE_*: what configure detects on glibc, all also true for musl; no readline,
#    no zlib (the shell's zipfile/sqlar support is left out).
opts=(-O2 -DNDEBUG
      -DSQLITE_THREADSAFE=1 -DSQLITE_OMIT_LOAD_EXTENSION
      -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_DBSTAT_VTAB
      -DSQLITE_ENABLE_MATH_FUNCTIONS
      -DHAVE_USLEEP=1 -DHAVE_LOCALTIME_R=1 -DHAVE_GMTIME_R=1 -DHAVE_FDATASYNC=1
      -DHAVE_STRCHRNUL=1 -DHAVE_MALLOC_H=1 -DHAVE_MALLOC_USABLE_SIZE=1 -DHAVE_ISNAN=1
      -DHAVE_UTIME=1)
libs=(-lm -lpthread)

tools_hint="run scripts/setup.sh; tclsh is in package tcl"
need_tools clang-22 wasm-ld-22 gcc make tar xz tclsh sha256sum flock apt-get

# The sysroot (a no-op when up to date; it also adds the deb-src entries).
"$repo/guests/sysroot/build.sh" >/dev/null || die "guests/sysroot/build.sh failed"

lock_build .sqlite.lock

# --- source -----------------------------------------------------------------------
tarball="$(deb_orig sqlite3 "$deb_version" "$orig_name" "$orig_sha256")"

# --- up to date? ---------------------------------------------------------------------
force=0
[ "${1:-}" = "-f" ] && force=1
tcl_version="$(echo 'puts [info patchlevel]' | tclsh)"
stamp="$(stamp_of "$here/build.sh" -- "$orig_sha256" "$tcl_version")"
if up_to_date .sqlite.stamp -f "$build/sqlite3.wasm" -x "$build/native/sqlite3"; then
  echo "sqlite: up to date ($build/sqlite3.wasm, $build/native/sqlite3)"
  exit 0
fi
rm -f "$build/.sqlite.stamp"

# --- amalgamation (native tools: lemon, mkkeywordhash, tclsh scripts) ----------------------
t1=$(date +%s.%N)
tree="$build/sqlite-src" amalg="$build/sqlite-amalg"
extract "$tarball" "$tree"
rm -rf "$amalg"; mkdir -p "$amalg"
log="$build/sqlite-amalg.log"
( cd "$amalg" && CC=gcc CFLAGS=-O2 "$tree/configure" --disable-tcl --disable-readline \
      --disable-load-extension >"$log" 2>&1 \
  && make sqlite3.c shell.c >>"$log" 2>&1 ) \
  || { tail -30 "$log" >&2; die "generating the amalgamation failed ($log)"; }
for f in sqlite3.c sqlite3.h shell.c; do [ -s "$amalg/$f" ] || die "$amalg/$f missing"; done
echo "sqlite: amalgamation ($(wc -l <"$amalg/sqlite3.c") lines sqlite3.c, $(wc -l <"$amalg/shell.c") lines shell.c) [$(elapsed "$t1")s]"

# --- compile ----------------------------------------------------------------------------
# compile OUT CC...: sqlite3.c and shell.c as two parallel jobs, then link.
compile() {
  local out="$1"; shift
  local dir; dir="$(mktemp -d "$build/.sqlite-obj.XXXXXX")"
  local log="$dir.log"
  ( "$@" "${opts[@]}" -I"$amalg" -c -o "$dir/sqlite3.o" "$amalg/sqlite3.c" >"$log.1" 2>&1 ) & local p1=$!
  ( "$@" "${opts[@]}" -I"$amalg" -c -o "$dir/shell.o" "$amalg/shell.c" >"$log.2" 2>&1 ) & local p2=$!
  local rc=0
  wait "$p1" || rc=1
  wait "$p2" || rc=1
  cat "$log.1" "$log.2" >"$log"; rm -f "$log.1" "$log.2"
  if [ "$rc" = 0 ]; then
    "$@" -o "$dir/out" "$dir/shell.o" "$dir/sqlite3.o" "${libs[@]}" >>"$log" 2>&1 || rc=1
  fi
  if [ "$rc" != 0 ]; then
    rm -rf "$dir"; tail -30 "$log" >&2; die "compiling with $1 failed ($log)"
  fi
  mv -f "$dir/out" "$out"
  rm -rf "$dir"; rm -f "$log"
}
timed tw compile "$build/sqlite3.wasm" "$WALI_CC"
timed tn compile "$build/native/sqlite3" gcc

echo "$stamp" >"$build/.sqlite.stamp"
echo "sqlite: sqlite3.wasm $(wasm_size "$build/sqlite3.wasm") [wasm ${tw}s, native ${tn}s]"
echo "sqlite: done [$(elapsed "$t0")s]"
