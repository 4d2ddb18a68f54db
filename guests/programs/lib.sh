# Shared by the build and test scripts of guests/programs (sourced, not run):
#   tag=NAME; . lib.sh      NAME prefixes every message ("NAME: ERROR: ...").
# Paths: $repo, $build (guests/programs/build), $src ($build/src, the cached
# sources), $WALI_CC, $jobs.
# Builds: die, check_sha256, deb_orig (from ../fetch.sh: pinned Debian sources),
#         need_tools, lock_build, stamp_of, up_to_date, extract, elapsed, timed,
#         wasm_size.
# Tests:  test_init, need_built, new_scratch, ok, bad, summary, compare,
#         wali_env_flags, guest_run, check_imports.
# Sets no shell options: the build scripts run with -euo pipefail, the tests
# with -uo pipefail.

lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$lib_dir/../.." && pwd)"
build="$lib_dir/build"
src="$build/src"
WALI_CC="$repo/guests/wali-cc"
jobs="$(nproc 2>/dev/null || echo 2)"

# die, check_sha256, ensure_deb_src, deb_orig PKG VERSION ORIG SHA256 (into $src)
. "$repo/guests/fetch.sh"

# ==== builds =====================================================================

# need_tools TOOL...: die unless every TOOL is on PATH.  $tools_hint says where
# to get them (default: scripts/setup.sh).
need_tools() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null 2>&1 || die "$t not found (${tools_hint:-run scripts/setup.sh})"
  done
}

# lock_build NAME: create $build, $src, $build/native and hold the lock file
# $build/NAME (fd 9) until the script ends.  Each build has its own lock, so the
# builds can run side by side.
lock_build() {
  mkdir -p "$build" "$src" "$build/native"
  exec 9>"$build/$1"
  flock 9
}

# stamp_of FILE... [-- LINE...]: print a hash of a build's inputs: the FILEs'
# contents (with their base names), the LINEs, and what every build here depends
# on: this file, wali-cc, the sysroot's stamp, the clang-22 and gcc versions.
stamp_of() {
  local files=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do files+=("$1"); shift; done
  if [ $# -gt 0 ]; then shift; fi
  ( sha256sum "${files[@]}" "$lib_dir/lib.sh" "$WALI_CC" | sed 's|  .*/|  |'
    if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi
    cat "$repo/guests/sysroot/build/sysroot/.stamp" 2>/dev/null; clang-22 --version | head -1
    gcc --version | head -1 ) | sha256sum | cut -d' ' -f1
}

# up_to_date STAMP [-f|-x FILE]...: true unless forced ($force = 1), when
# $build/STAMP holds $stamp and each FILE passes its test (-f exists, -x executable).
up_to_date() {
  local s="$build/$1"; shift
  [ "$force" = 0 ] && [ -f "$s" ] && [ "$(cat "$s")" = "$stamp" ] || return 1
  while [ $# -ge 2 ]; do
    test "$1" "$2" || return 1
    shift 2
  done
}

# extract TARBALL DEST [STRIP [MEMBER...]]: DEST = a fresh tree of TARBALL (of its
# MEMBERs only, if given) with the top STRIP directories (default 1) stripped.
extract() {
  local tarball="$1" dest="$2" strip="${3:-1}"
  shift 2; [ $# = 0 ] || shift
  rm -rf "$dest"; mkdir -p "$dest"
  tar -xf "$tarball" -C "$dest" --strip-components="$strip" "$@"
}

# elapsed T0: seconds since T0 (a `date +%s.%N`), one decimal.
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# timed VAR CMD...: run CMD; VAR = how long it took (elapsed).
timed() {
  local _var="$1" _t0; shift
  _t0=$(date +%s.%N)
  "$@"
  printf -v "$_var" '%s' "$(elapsed "$_t0")"
}

# wasm_size FILE: "N bytes (M stripped)", M the size after llvm-strip-22.
wasm_size() {
  local size stripped
  size="$(stat -c %s "$1")"
  stripped="$(llvm-strip-22 -o - "$1" 2>/dev/null | wc -c || true)"
  echo "$size bytes ($stripped stripped)"
}

# ==== tests ======================================================================

# test_init: $wali_run (WALI_RUN, default target/debug/wali-run) must exist; runs
# $here/build.sh first unless NO_BUILD=1.
test_init() {
  wali_run="${WALI_RUN:-$repo/target/debug/wali-run}"
  [ -x "$wali_run" ] || { echo "$tag: ERROR: $wali_run not found (cargo build)" >&2; exit 1; }
  if [ "${NO_BUILD:-0}" != 1 ]; then "$here/build.sh" || exit 1; fi
}

# need_built NATIVE WASM: exit 1 unless the native binary and the module exist.
need_built() {
  [ -x "$1" ] && [ -f "$2" ] || { echo "$tag: ERROR: $1 or $2 missing (build.sh)" >&2; exit 1; }
}

# new_scratch [-k] [TEMPLATE]: $scratch = a new directory (mktemp -d [TEMPLATE]),
# removed at exit; with -k, KEEP=1 keeps it (and says where).
new_scratch() {
  local keep=0
  if [ "${1:-}" = -k ]; then keep=1; shift; fi
  scratch="$(mktemp -d "$@")"
  if [ "$keep" = 1 ] && [ "${KEEP:-0}" = 1 ]; then
    echo "$tag: keeping $scratch"
  else
    trap 'rm -rf "$scratch"' EXIT
  fi
}

# ok TEXT / bad TEXT: one check passed / failed; summary: the counts, and false
# if anything failed (the last command of a test script: its exit status).
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "  ok    $1"; }
bad() { fail=$((fail + 1)); echo "  FAIL  $1"; }
summary() {
  echo "$tag: $pass passed, $fail failed"
  [ "$fail" = 0 ]
}

# compare NAME N W [MAXOUT [MAXERR]]: one check NAME on a native run and a WALI
# run of the same thing, each recorded as PREFIX.stdout, PREFIX.stderr, PREFIX.rc
# (exit status) and optionally PREFIX.files (a listing of the files left behind):
# all must be identical.  On a mismatch, the diffs (at most MAXOUT lines of the
# stdout diff, MAXERR of the others; default 20).  Returns the check's result.
compare() {
  local name="$1" n="$2" w="$3" maxout="${4:-20}" maxerr="${5:-20}" nrc wrc files=0
  nrc="$(cat "$n.rc")" wrc="$(cat "$w.rc")"
  if [ -e "$n.files" ] || [ -e "$w.files" ]; then files=1; fi
  if [ "$nrc" = "$wrc" ] && cmp -s "$n.stdout" "$w.stdout" && cmp -s "$n.stderr" "$w.stderr" \
     && { [ "$files" = 0 ] || cmp -s "$n.files" "$w.files"; }; then
    ok "$name (exit $nrc, $(wc -l <"$n.stdout") lines)"
    return 0
  fi
  bad "$name: exit native $nrc, wasm $wrc"
  diff "$n.stdout" "$w.stdout" | head -"$maxout" | sed 's/^/        stdout /'
  diff "$n.stderr" "$w.stderr" | head -"$maxerr" | sed 's/^/        stderr /'
  if [ "$files" = 1 ]; then diff "$n.files" "$w.files" | head -"$maxerr" | sed 's/^/        files  /'; fi
  return 1
}

# wali_env_flags ARRAY K=V...: ARRAY = (--env K=V ...), wali-run's options for
# that environment.
wali_env_flags() {
  local -n _flags="$1"; shift
  local _e
  _flags=()
  for _e in "$@"; do _flags+=(--env "$_e"); done
}

# guest_run SIDE OUT STDIN K=V ARGS...: in $cwd, at most $tmo seconds, with stdin
# from STDIN, run `$native ARGS` (SIDE native: `env -i` with $guest_env and K=V)
# or `$wali_run $wasm ARGS` (SIDE wasm: the same environment through --env):
# OUT.stdout, OUT.stderr, OUT.rc.
guest_run() {
  local side="$1" out="$2" in="$3" self="$4"; shift 4
  if [ "$side" = native ]; then
    (cd "$cwd" && timeout "$tmo" env -i "${guest_env[@]}" "$self" "$native" "$@" \
       <"$in" >"$out.stdout" 2>"$out.stderr")
  else
    local envs=()
    wali_env_flags envs "${guest_env[@]}"
    (cd "$cwd" && timeout "$tmo" "$wali_run" "${envs[@]}" --env "$self" "$wasm" "$@" \
       <"$in" >"$out.stdout" 2>"$out.stderr")
  fi
  echo $? >"$out.rc"
}

# check_imports WASM...: one check: the modules import only wali.* functions, with
# the signatures of the spec (WALI_SPEC, default the repository's wali-abi/spec).
check_imports() {
  local spec="${WALI_SPEC:-$repo/wali-abi/spec}" out f names= verb=imports
  for f in "$@"; do names="${names:+$names, }$(basename "$f")"; done
  [ $# = 1 ] || verb=import
  echo "$tag: imports"
  if out="$(python3 "$repo/guests/tests/check_imports.py" "$spec" "$@" 2>&1)"; then
    ok "$names $verb only wali.* with the spec's signatures"
  else
    bad "imports: $out"
  fi
}
