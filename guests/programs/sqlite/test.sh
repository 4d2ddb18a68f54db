#!/usr/bin/env bash
# Differential test of the SQLite shell (build.sh): the same sequence of sqlite3
# invocations runs natively (build/native/sqlite3, gcc/glibc) and under wali-run
# (build/sqlite3.wasm), each sequence in a fresh directory at the same path (so paths
# printed by .databases etc. agree) with a controlled environment (PATH, TZ=Europe/Berlin,
# SQLITE = how to start this build from .system, HOME with a .sqliterc that must not
# be read: the shell takes the home directory from getpwuid(getuid()) first).
# Per step, stdout, stderr and the exit status must be identical; at the end the
# files left in the directory (databases byte for byte, outputs of .output/.once and
# of the second processes started by .system) must be identical too.
# Exit 1 on any mismatch.  Runs build.sh first unless NO_BUILD=1.
#   WALI_RUN   the runtime (default target/debug/wali-run)
#   TIMEOUT    seconds per invocation (default 120)
#   KEEP=1     keep the scratch directory (outputs per step) for inspection
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag=sqlite
. "$here/../lib.sh"    # $repo $build, test_init, new_scratch, ok/bad/summary, compare, guest_run, ...
tmo="${TIMEOUT:-120}"
test_init              # $wali_run; build.sh unless NO_BUILD=1
native="$build/native/sqlite3" wasm="$build/sqlite3.wasm"
need_built "$native" "$wasm"

new_scratch -k
cwd="$scratch/cwd"          # the guests' working directory (recreated for each side)
# wali-run keeps its compilation cache under $XDG_CACHE_HOME or ~/.cache; the nested
# wali-run started through .system must find the same one (the guest's HOME is $cwd/home).
cache="${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}"

guest_env=(PATH=/usr/bin:/bin HOME="$cwd/home" TZ=Europe/Berlin LC_ALL=C)

# run SIDE OUT STDIN ARGS...: one sqlite3 invocation in $cwd; SQLITE = how .system
# starts this same build (natively, or a nested wali-run).
run() {
  local side="$1" out="$2" in="$3"; shift 3
  local self="$native" envs
  if [ "$side" = wasm ]; then
    wali_env_flags envs "${guest_env[@]}"
    self="env XDG_CACHE_HOME=$cache $wali_run ${envs[*]} $wasm"
  fi
  guest_run "$side" "$out" "$in" SQLITE="$self" "$@"
  # the program's own path differs between the two (usage messages)
  sed -i -e "s|$native|SQLITE3|g" -e "s|$wasm|SQLITE3|g" "$out.stdout" "$out.stderr"
}

# The steps, in order; each is "NAME|STDIN|ARGS..." (ARGS as a bash array literal).
steps=(
  "main script (.read test.sql, on-disk main.db)|/dev/null|-batch main.db '.read test.sql'"
  "reopen main.db, SQL from stdin|reopen.sql|main.db"
  "-cmd/-batch/-header/-csv args|/dev/null|-batch -header -csv -cmd 'PRAGMA foreign_keys=ON' -cmd '.print from -cmd' main.db 'SELECT id, name FROM dept ORDER BY id' 'SELECT count(*) AS n FROM emp'"
  "-json -readonly|/dev/null|-json -readonly main.db 'SELECT * FROM kv' 'SELECT name, salary FROM emp WHERE id < 3 ORDER BY id'"
  "-readonly: a write is refused|/dev/null|-readonly main.db 'DELETE FROM emp'"
  "-line -nullvalue, in memory|/dev/null|-line -nullvalue NIL :memory: \"SELECT NULL AS a, 1 AS b, x'00' AS c\""
  "-separator -newline -noheader|/dev/null|-list -noheader -separator ';' -newline '#' main.db 'SELECT id, who FROM ledger ORDER BY id'"
  "-box (~/.sqliterc: home from getpwuid, not \$HOME)|/dev/null|-box :memory: \"SELECT NULL AS n, 'ï' AS s, 12.5 AS r\""
  "-init file|/dev/null|-init included.sql main.db 'SELECT 42'"
  "-bail stops at the first error (stdin)|bail.sql|-bail :memory:"
  "no -bail: errors reported, exit status (stdin)|bail.sql|:memory:"
  "-version|/dev/null|-version"
  "unknown option|/dev/null|-no-such-option"
  "missing directory|/dev/null|nodir/x.db 'SELECT 1'"
  "WAL and locks with a second process (.system)|wal.sql|-batch wal.db"
  ".system exit status|/dev/null|-batch :memory: '.system exit 3' '.system echo via-shell >shell.out' 'SELECT 1'"
)

# side SIDE: the whole sequence in a fresh $cwd, results in $scratch/SIDE/.
side() {
  local s="$1" i=0 st name in argstr
  rm -rf "$cwd" "$scratch/$s"; mkdir -p "$cwd/home" "$scratch/$s"
  cp "$here/test.sql" "$here/reopen.sql" "$here/wal.sql" "$here/bail.sql" "$here/included.sql" "$here/people.csv" "$cwd/"
  printf -- '-- read at startup\n.nullvalue (rc-null)\n' >"$cwd/home/.sqliterc"
  for st in "${steps[@]}"; do
    IFS='|' read -r name in argstr <<<"$st"
    eval "local args=($argstr)"
    case "$in" in /*) ;; *) in="$cwd/$in" ;; esac
    run "$s" "$scratch/$s/$i" "$in" "${args[@]}"
    i=$((i + 1))
  done
  # the files left behind: name, size, sha256; text outputs in full
  (cd "$cwd" && find . -type f | LC_ALL=C sort | while read -r f; do
     echo "$f $(stat -c %s "$f") $(sha256sum <"$f" | cut -d' ' -f1)"
     case "$f" in *.out|*.txt) sed 's/^/    /' "$f" ;; esac
   done) >"$scratch/$s/files"
}

echo "sqlite: running natively and under $(basename "$wali_run")"
side native
side wasm
i=0
for st in "${steps[@]}"; do
  compare "${st%%|*}" "$scratch/native/$i" "$scratch/wasm/$i"
  i=$((i + 1))
done
# the main script must really have run (not two identical early failures)
if grep -q '^end of main script$' "$scratch/native/0.stdout" && grep -q 'end of stdin' "$scratch/native/1.stdout"; then
  ok "native reference ran to the end ($(wc -l <"$scratch/native/0.stdout") lines of main output)"
else
  bad "native reference did not complete (see build/native/sqlite3)"
fi
if cmp -s "$scratch/native/files" "$scratch/wasm/files"; then
  ok "files left behind identical ($(grep -c '^\./' "$scratch/native/files") files: databases, .output/.once, second-process outputs)"
else
  bad "files left behind differ"
  diff "$scratch/native/files" "$scratch/wasm/files" | head -30 | sed 's/^/        /'
fi

check_imports "$wasm"

summary
