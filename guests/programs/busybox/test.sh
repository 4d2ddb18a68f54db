#!/usr/bin/env bash
# Runs BusyBox (build.sh: ../build/busybox.wasm) under wali-run and compares it
# with the native gcc build of the same tree and .config. Exit 1 on any mismatch.
#
# Every run gets a fresh, empty work directory and a fresh bin directory of
# applet symlinks (to busybox.wasm for the WALI run, to the native busybox for
# the native one) at the same paths, PATH set to that bin directory only (so
# every external command a script runs is a BusyBox applet: a real fork +
# execve of the module, never a host tool), and the same small environment
# (natively `env -i`, under wali-run `--env`). stdout, stderr and the exit status
# must be identical.
#   tests/script.sh   the main ash script (pipes, loops, functions, subshells,
#                     command substitution, here-docs, arithmetic, redirections,
#                     signals, background jobs, ~60 applets), must end with status 3
#   one-liners        applets called directly: ls -l, sort -n, sed, grep, awk, ...
#   exec paths        argv[0] dispatch through a symlink, #! scripts whose
#                     interpreter is the module, ash's ENOEXEC fallback (re-exec of
#                     /proc/self/exe), readlink /proc/self/exe, death by a signal
# Runs build.sh first unless NO_BUILD=1. WALI_RUN overrides target/debug/wali-run;
# BUSYBOX_TIMEOUT (seconds, default 120) bounds each run.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag=busybox
. "$here/../lib.sh"    # $repo $build, test_init, new_scratch, ok/bad/summary, compare, check_imports
tmo="${BUSYBOX_TIMEOUT:-120}"
test_init              # $wali_run; build.sh unless NO_BUILD=1
nbb="$build/native/busybox" wbb="$build/busybox.wasm"
need_built "$nbb" "$wbb"

new_scratch /tmp/bbtest.XXXXXX
bin="$scratch/bin" work="$scratch/work" res="$scratch/res"
mkdir -p "$res"

applets="$("$nbb" --list)"
env_vars=(PATH="$bin" HOME="$work" WORK="$work" BINDIR="$bin" TZ=UTC LC_ALL=C LANG=C TERM=dumb)
wali_env_flags env_flags "${env_vars[@]}"

# prep SIDE: fresh work dir and bin dir of applet symlinks to SIDE's busybox
prep() {
  local target="$nbb" a
  [ "$1" = wasm ] && target="$wbb"
  chmod -R u+w "$work" 2>/dev/null; rm -rf "$bin" "$work"
  mkdir -p "$bin" "$work"
  ln -s "$target" "$bin/busybox"
  for a in $applets; do ln -s "$target" "$bin/$a"; done
}
# run SIDE STDIN SETUP CMD...: in a fresh work dir, after `sh -c SETUP` (same
# side), run CMD (its first word is a program in $bin) -> $res/SIDE.{stdout,stderr,rc}
run() {
  local side="$1" stdin="$2" setup="$3"; shift 3
  prep "$side"
  local pre=(env -i "${env_vars[@]}")
  [ "$side" = wasm ] && pre=("$wali_run" "${env_flags[@]}")
  if [ -n "$setup" ]; then
    (cd "$work" && timeout -k 5 "$tmo" "${pre[@]}" "$bin/sh" -c "$setup" </dev/null >"$res/$side.setup" 2>&1) \
      || { echo "setup failed on $side: $(head -5 "$res/$side.setup")" >"$res/$side.stderr"; echo setup >"$res/$side.rc"; : >"$res/$side.stdout"; return; }
  fi
  (cd "$work" && timeout -k 5 "$tmo" "${pre[@]}" "$@" <"$stdin" >"$res/$side.stdout" 2>"$res/$side.stderr"); echo $? >"$res/$side.rc"
}
# same NAME STDIN SETUP CMD...: run both sides, compare stdout, stderr and status
same() {
  local name="$1"; shift
  run native "$@"; run wasm "$@"
  compare "$name" "$res/native" "$res/wasm" 30 10
}
# expect NAME WHAT: the native side of the last `same` must satisfy WHAT (a
# command on $res/native.*), so that a comparison of two equally broken runs
# cannot pass.
expect() { if eval "$2"; then ok "$1"; else bad "$1 (native run: $2 is false)"; fi; }

printf 'x\n' >"$scratch/x.txt"
printf '10\n9\n-3\n100\n2.5\n0x10\n7\n9\n' >"$scratch/nums.txt"
printf 'alpha\nbeta\ngamma\nbeta\n' >"$scratch/words.txt"
seq 1 300000 | awk '{ print ($1 * 7919) % 300007 }' >"$scratch/big.txt"   # host tools: input only
nul=/dev/null

echo "busybox: applets"
if [ "$(timeout -k 5 60 "$wali_run" "$wbb" --list 2>&1)" = "$applets" ]; then
  ok "busybox.wasm --list = native --list ($(echo "$applets" | wc -l) applets)"
else
  bad "busybox.wasm --list differs from native"
fi

echo "busybox: script.sh"
cp "$here/tests/script.sh" "$scratch/script.sh"
same "busybox sh script.sh" $nul "" "$bin/busybox" sh "$scratch/script.sh"
expect "script.sh ran to the end natively (exit 3, 'end of script')" \
  '[ "$(cat "$res/native.rc")" = 3 ] && grep -qx "end of script" "$res/native.stdout" && ! grep -q "NOT an applet" "$res/native.stdout"'

printf 'echo "args: $*"\nread -r first\necho "read: $first"\ncat\necho "end"\n' >"$scratch/stdin-script.sh"
same "busybox sh -s a b < script (script and data on one stdin)" "$scratch/stdin-script.sh" "" "$bin/busybox" sh -s a b

echo "busybox: one-liners"
lsdir='mkdir -p d/sub && echo hello >d/a.txt && printf "%05000d" 0 >d/big && ln -s a.txt d/link && chmod 640 d/a.txt && touch -d "2020-01-02 03:04:05" d/a.txt d/big d/sub && touch -h -d "2019-12-31 23:59:59" d/link'
same "busybox ls -l" $nul "$lsdir" "$bin/busybox" ls -l d
same "busybox ls -lan" $nul "$lsdir" "$bin/busybox" ls -lan d
same "busybox ls -lR" $nul "$lsdir" "$bin/busybox" ls -lR d
same "busybox sort -n" "$scratch/nums.txt" "" "$bin/busybox" sort -n
same "busybox sort -rn big (300000 lines)" "$scratch/big.txt" "" "$bin/busybox" sort -rn
same "echo x | busybox sed s/x/y/" "$scratch/x.txt" "" "$bin/busybox" sed s/x/y/
same "busybox grep -c beta" "$scratch/words.txt" "" "$bin/busybox" grep -c beta
same "busybox grep nomatch (exit 1)" "$scratch/words.txt" "" "$bin/busybox" grep nomatch
same "busybox wc" "$scratch/big.txt" "" "$bin/busybox" wc
same "busybox uniq -c after sort" "$scratch/words.txt" "" "$bin/busybox" sh -c 'sort | uniq -c'
same "busybox awk sum" "$scratch/big.txt" "" "$bin/busybox" awk '{ s += $1 } END { printf "%.0f %.4f\n", s, s / NR }'
same "busybox md5sum of stdin" "$scratch/big.txt" "" "$bin/busybox" md5sum
same "busybox od of the native binary head" $nul "" "$bin/busybox" od -A x -t x1 -N 64 "$nbb"
same "busybox date -u -d @0" $nul "" "$bin/busybox" date -u -d @0
same "busybox printf" $nul "" "$bin/busybox" printf '%s=%d %x %.3e\n' a 42 255 31415.9
same "busybox expr" $nul "" "$bin/busybox" expr 6 \* 7
same "busybox test (false, exit 1)" $nul "" "$bin/busybox" test 1 -gt 2
same "busybox false" $nul "" "$bin/busybox" false
same "busybox no such applet" $nul "" "$bin/busybox" no-such-applet
same "busybox (no arguments: help)" $nul "" "$bin/busybox"
same "busybox ls /nonexistent (error message)" $nul "" "$bin/busybox" ls /nonexistent
same "busybox cat of a directory (EISDIR)" $nul "mkdir dir" "$bin/busybox" cat dir
same "busybox rm -r then ls" $nul "$lsdir" "$bin/sh" -c 'rm -r d/sub d/link; ls -a d'
# Descriptors: a program's first open gets 3, and fd 3 is the program's own.
same "busybox ls /proc/self/fd (no descriptor of the runtime)" $nul "" "$bin/busybox" ls /proc/self/fd
same "sh: exec 3>file, write, exec 3>&- (close fd 3)" $nul "" "$bin/sh" -c 'exec 3>f3; echo three >&3; exec 3>&-; cat f3; (exit 2); echo "subshell $?"'
same "sh -c ulimit -a" $nul "" "$bin/sh" -c 'ulimit -a'
# Limits a native program inherits through guests (sh -> sh -> the native busybox).
same "ulimit -s of a native program started by a guest started by a guest" $nul "" \
  "$bin/sh" -c "ulimit -s; sh -c '$nbb sh -c \"ulimit -s\"'; $nbb sh -c 'ulimit -s'"
same "sh -c umask; id -u; whoami; pwd" $nul "" "$bin/sh" -c 'umask; id -u; id -un; whoami; pwd'

echo "busybox: exec paths"
same "argv[0] dispatch: bin/echo (symlink)" $nul "" "$bin/echo" via symlink
same "argv[0] dispatch: execve of applet symlinks from sh" $nul "" "$bin/sh" -c 'echo $(basename $(which ls)); ls -d .; seq 3 | wc -l'
same "#! script with the module as interpreter" $nul \
  "printf '#!$bin/sh\necho shebang ok \"\$@\"\nexit 4\n' >s.sh && chmod +x s.sh" "$bin/sh" -c './s.sh a b; echo "status $?"'
# The kernel cannot run a #! script whose interpreter is a Wasm module, so this
# only works if wali-run's execve handles #! itself: with a shell interpreter
# ash's ENOEXEC fallback hides that (the check above), with awk it does not.
same "#! script with awk (the module) as interpreter: #!BIN/awk -f" $nul \
  "printf '#!$bin/awk -f\nBEGIN { print \"awk script ran\", ARGV[1] }\n' >a.awk && chmod +x a.awk" "$bin/sh" -c './a.awk x; echo "status $?"'
same "script without #! (ash's ENOEXEC fallback execs /proc/self/exe)" $nul \
  "printf 'echo no-shebang script \"\$1\"\nexit 5\n' >n.sh && chmod +x n.sh" "$bin/sh" -c './n.sh arg; echo "status $?"'
same "exec of a symlink to /proc/self/exe (argv[0] 's/echo')" $nul \
  "mkdir s && ln -s /proc/self/exe s/echo" "$bin/sh" -c 's/echo via proc self exe; echo "status $?"'
same "exec /proc/self/exe (argv[0] '/proc/self/exe': no such applet)" $nul "" "$bin/sh" -c 'exec /proc/self/exe'
# `busybox --install -s DIR` links DIR/<applet> to readlink("/proc/self/exe").
same "busybox --install -s, then run an installed link" $nul "mkdir inst" \
  "$bin/sh" -c 'busybox --install -s inst; echo "install $?"; ls inst | wc -l; inst/echo installed-ok; echo "status $?"'
run native $nul "" "$bin/readlink" /proc/self/exe; n_exe="$(cat "$res/native.stdout")"
run wasm $nul "" "$bin/readlink" /proc/self/exe; w_exe="$(cat "$res/wasm.stdout")"
if [ "$n_exe" = "$(readlink -f "$nbb")" ] && [ "$w_exe" = "$(readlink -f "$wbb")" ]; then
  ok "readlink /proc/self/exe names the program (native: $n_exe, wasm: $w_exe)"
else
  bad "readlink /proc/self/exe: native '$n_exe' (want $(readlink -f "$nbb")), wasm '$w_exe' (want $(readlink -f "$wbb"))"
fi
# Death by a signal must reach the parent as such (WIFSIGNALED: python's
# returncode -N), not as exit 128+N.
sig_status() { # sig_status SIDE -> python's returncode of `sh -c 'kill -SIG $$'`
  prep "$1"
  local pre=(env -i "${env_vars[@]}")
  [ "$1" = wasm ] && pre=("$wali_run" "${env_flags[@]}")
  (cd "$work" && timeout -k 5 "$tmo" python3 -c 'import subprocess, sys; print(subprocess.run(sys.argv[1:]).returncode)' \
    "${pre[@]}" "$bin/sh" -c "kill -$2 \$\$; echo not killed >&2" 2>/dev/null)
}
# SIGSEGV/SIGBUS/SIGILL/SIGFPE belong to the engine (conformance/by-design.md: a
# trap ends the guest with status 128+N), so for those exit 128+N is accepted too;
# surviving is not. The signal comes from another process (the kill applet) while
# the shell waits for it.
for s in TERM KILL SEGV BUS; do
  n="$(sig_status native $s)" w="$(sig_status wasm $s)"
  [[ "$n" =~ ^-?[0-9]+$ ]] || n=999; [[ "$w" =~ ^-?[0-9]+$ ]] || w=999
  if [ "$n" = "$w" ] && [ "$n" -lt 0 ]; then ok "sh killed by SIG$s from another process: parent sees signal $((-n))"
  elif [ "$n" -lt 0 ] && { [ $s = SEGV ] || [ $s = BUS ]; } && [ "$w" = $((128 - n)) ]; then
    ok "sh killed by SIG$s from another process: exit $w (signal $((-n)) natively; by design)"
  else bad "sh killed by SIG$s from another process: native returncode $n, wasm $w (0: the guest survived)"; fi
done

check_imports "$wbb"

summary
