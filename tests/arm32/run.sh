#!/usr/bin/env bash
# ARM32 host check under qemu-user: the armv7 build of wali-run runs a plain
# (non-shared) guest that maps a file MAP_SHARED, grows linear memory by 64 MiB
# of anonymous mappings, and writes the file mapping again; the file must hold
# both writes (linear memory never moves, so the mapping stays the file).
# Usage: tests/arm32/run.sh WALI_RUN_ARMV7
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$(realpath "$1")"
command -v qemu-arm >/dev/null || { echo "arm32: qemu-arm not found (apt-get install qemu-user)" >&2; exit 1; }
sysroot=/usr/arm-linux-gnueabihf
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
head -c 65536 /dev/zero >data.bin
out="$(qemu-arm -L "$sysroot" "$bin" --no-cache "$here/filemap_grow.wat")" || { echo "arm32: guest failed with status $?" >&2; exit 1; }
[ "$out" = grown ] || { echo "arm32: unexpected output '$out'" >&2; exit 1; }
got="$(head -c 13 data.bin | tr '\0' '.')"
[ "$got" = "HELLO...WORLD" ] || { echo "arm32: data.bin starts with '$got', want 'HELLO...WORLD'" >&2; exit 1; }
echo "arm32: file mapping still the file after 64 MiB of growth (armv7, qemu-arm)"
