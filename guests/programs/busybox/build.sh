#!/usr/bin/env bash
# Builds BusyBox 1.35.0 from Debian's source package (`busybox`, upstream orig
# tarball; Debian's own patches are not applied) for WALI with guests/wali-cc,
# and natively with gcc from the same sources and the same .config:
#   ../build/busybox.wasm         the multi-call binary (name section kept, for trap messages)
#   ../build/busybox-stripped.wasm  the same after llvm-strip-22 --strip-all (size figure only)
#   ../build/native/busybox       the same with gcc (dynamic, glibc)
# Configuration: `make allnoconfig`, then the fragment `config` (next to this
# script) merged in and `make oldconfig`; every line of the fragment must
# survive Kconfig's dependency checks (else: error). patches/*.patch (if any) are
# applied to the WALI tree only.
# A no-op when the inputs are unchanged (-f forces a rebuild).
# Needs: the sysroot (guests/sysroot/build.sh, run first), clang-22/lld-22/llvm-22,
# gcc, make, bzip2, and apt access to Debian's sources (deb_orig adds deb-src entries).
set -euo pipefail
t0=$(date +%s)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag=busybox
. "$here/../lib.sh"    # $repo $build $src $WALI_CC $jobs, die, need_tools, lock_build, deb_orig, stamp_of, ...
# No build date in autoconf.h, hence in the banner: the same text in both builds.
export KCONFIG_NOTIMESTAMP=1
need_tools clang-22 wasm-ld-22 llvm-ar-22 llvm-nm-22 llvm-strip-22 llvm-objcopy-22 llvm-objdump-22 gcc make tar bzip2 flock

# The sysroot (a no-op when up to date; it also adds the deb-src entries).
"$repo/guests/sysroot/build.sh"

# Our own lock (not build.sh's .lock, so that build.sh may call this script).
lock_build .lock-busybox

# --- source ---------------------------------------------------------------------
# Pinned (bookworm main): Debian version, orig tarball, its sha256 (as in the .dsc).
tarball="$(deb_orig busybox 1:1.35.0-4+deb12u1 busybox_1.35.0.orig.tar.bz2 \
  faeeb244c35a348a334f4a59e44626ee870fb07b6884d68c10ae8bc19f83a694)"

# --- up to date? ---------------------------------------------------------------
patches=()
if [ -d "$here/patches" ]; then
  while IFS= read -r p; do patches+=("$p"); done < <(ls "$here"/patches/*.patch 2>/dev/null | sort)
fi
force=0
[ "${1:-}" = "-f" ] && force=1
stamp="$(stamp_of "$here/build.sh" "$here/config" "$tarball" ${patches[@]+"${patches[@]}"})"
if up_to_date .stamp-busybox -f "$build/busybox.wasm" -x "$build/native/busybox"; then
  echo "busybox: up to date ($build) [$(( $(date +%s) - t0 ))s]"
  exit 0
fi
rm -f "$build/.stamp-busybox"

# --- configuration ---------------------------------------------------------------
# Busybox's Kconfig ignores KCONFIG_ALLCONFIG with allnoconfig (it resets every
# bool to n), so: allnoconfig, merge the fragment into .config (replacing the
# symbol's line, or appending it), `make oldconfig` (newly visible symbols get
# their defaults), and turn off again any symbol that oldconfig newly set to y
# without the fragment asking for it; repeat until nothing changes.
syms() { sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*/\1/p' -e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1/p' "$1" | sort -u; }
configure() { # configure TREE LOG
  local d="$1" log="$2" i
  grep -E '^CONFIG_[A-Za-z0-9_]+=|^# CONFIG_[A-Za-z0-9_]+ is not set$' "$here/config" >"$d/.frag"
  (cd "$d" && make allnoconfig) >"$log" 2>&1 || { tail -20 "$log" >&2; die "make allnoconfig failed ($log)"; }
  awk 'NR==FNR { s = $0; sub(/^# /, "", s); sub(/[= ].*/, "", s); want[s] = $0; next }
       { s = $0; sub(/^# /, "", s); sub(/[= ].*/, "", s) }
       (s in want) { print want[s]; done[s] = 1; next }
       { print }
       END { for (k in want) if (!(k in done)) print want[k] }' "$d/.frag" "$d/.config" >"$d/.config.new"
  mv "$d/.config.new" "$d/.config"
  for i in 1 2 3 4 5 6 7 8 9 10; do
    syms "$d/.config" >"$d/.syms.before"
    { yes '' || :; } | (cd "$d" && make oldconfig) >>"$log" 2>&1 \
      || { tail -20 "$log" >&2; die "make oldconfig failed ($log)"; }
    syms "$d/.config" | comm -13 "$d/.syms.before" - >"$d/.syms.new"
    grep -E '^CONFIG_[A-Za-z0-9_]+=y$' "$d/.config" | cut -d= -f1 | sort | comm -12 "$d/.syms.new" - \
      | comm -23 - <(syms "$d/.frag") >"$d/.syms.off" || true
    [ -s "$d/.syms.off" ] || break
    [ "$i" != 10 ] || die "configuration does not settle (last: $(tr '\n' ' ' <"$d/.syms.off"))"
    awk 'NR==FNR { off[$0] = 1; next } { s = $0; sub(/=.*/, "", s) } (s in off) { print "# " s " is not set"; next } { print }' \
      "$d/.syms.off" "$d/.config" >"$d/.config.new"
    mv "$d/.config.new" "$d/.config"
  done
  local missing
  missing="$(grep -E '^CONFIG_' "$d/.frag" | grep -vxF -f "$d/.config" || true)"
  [ -z "$missing" ] || die "config lines rejected by Kconfig (unmet dependencies?): $(echo $missing)"
}

echo "busybox: $(basename "$tarball")"
# --- WALI build ------------------------------------------------------------------
# Kbuild details:
# - LD is used for `ld -r` (built-in.o): clang as the driver of wasm-ld, without
#   wali-cc's crt1.o/libc (wali-cc would add them to a relocatable link);
# - scripts/trylink links with $CC and GNU ld options wasm-ld does not know:
#   --start-group/--end-group (wasm-ld resolves archive members in any order
#   anyway) and --warn-common; a small wrapper around wali-cc drops exactly those
#   (trylink itself probes and omits --sort-common and --sort-section);
# - HOSTCC=gcc for the Kconfig and applet-table host tools.
wasm="$build/busybox-wasm"
tw=$(date +%s)
extract "$tarball" "$wasm"
: >"$wasm.patch.log"
for p in ${patches[@]+"${patches[@]}"}; do
  patch -d "$wasm" -p1 --no-backup-if-mismatch <"$p" >>"$wasm.patch.log" 2>&1 \
    || die "patch $(basename "$p") failed ($wasm.patch.log)"
done
configure "$wasm" "$wasm.config.log"
cat >"$wasm/wali-cc-link" <<EOF
#!/bin/sh
# wali-cc without the GNU ld options that wasm-ld rejects (see busybox/build.sh)
for a do shift; case "\$a" in -Wl,--start-group|-Wl,--end-group|-Wl,--warn-common) ;; *) set -- "\$@" "\$a" ;; esac; done
exec "$WALI_CC" "\$@"
EOF
chmod +x "$wasm/wali-cc-link"
make -C "$wasm" -j"$jobs" CC="$wasm/wali-cc-link" HOSTCC=gcc \
  LD="clang-22 --target=wasm32-linux-muslwali -fuse-ld=lld" \
  AR=llvm-ar-22 NM=llvm-nm-22 STRIP=llvm-strip-22 OBJCOPY=llvm-objcopy-22 OBJDUMP=llvm-objdump-22 \
  busybox >"$wasm.log" 2>&1 \
  || { grep -E 'error|Error' "$wasm.log" | head -20 >&2; tail -5 "$wasm.log" >&2; [ -f "$wasm/busybox_unstripped.out" ] && grep -v Loading "$wasm/busybox_unstripped.out" | tail -10 >&2; die "WALI build failed ($wasm.log)"; }
[ -f "$wasm/busybox_unstripped" ] || die "WALI build produced no busybox_unstripped ($wasm.log)"
head -c 4 "$wasm/busybox_unstripped" | cmp -s - <(printf '\0asm') || die "busybox_unstripped is not a wasm module"
cp "$wasm/busybox_unstripped" "$build/busybox.wasm"
tw=$(( $(date +%s) - tw ))

# --- native build ----------------------------------------------------------------
native="$build/busybox-native"
tn=$(date +%s)
extract "$tarball" "$native"
cp "$wasm/.config" "$native/.config"
(cd "$native" && make oldconfig </dev/null) >"$native.log" 2>&1 || die "native make oldconfig failed ($native.log)"
cmp -s "$wasm/.config" "$native/.config" || die "native .config differs from the WALI one"
make -C "$native" -j"$jobs" CC=gcc HOSTCC=gcc busybox >>"$native.log" 2>&1 \
  || { grep -E 'error|Error' "$native.log" | head -20 >&2; die "native build failed ($native.log)"; }
cp "$native/busybox" "$build/native/busybox"
tn=$(( $(date +%s) - tn ))

echo "$stamp" >"$build/.stamp-busybox"
llvm-strip-22 --strip-all -o "$build/busybox-stripped.wasm" "$build/busybox.wasm"
printf 'busybox: %-22s %8d bytes (WALI build %ds)\n' busybox.wasm "$(stat -c %s "$build/busybox.wasm")" "$tw"
printf 'busybox: %-22s %8d bytes (llvm-strip-22 --strip-all)\n' busybox-stripped.wasm "$(stat -c %s "$build/busybox-stripped.wasm")"
printf 'busybox: %-22s %8d bytes (native build %ds)\n' native/busybox "$(stat -c %s "$build/native/busybox")" "$tn"
echo "busybox: $(grep -c '^CONFIG_.*=y$' "$wasm/.config") options on; applets: $("$build/native/busybox" --list | tr '\n' ' ')"
echo "busybox: done [$(( $(date +%s) - t0 ))s]"
