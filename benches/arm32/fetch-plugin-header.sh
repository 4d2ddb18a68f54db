#!/usr/bin/env bash
# Prints the path of QEMU's TCG plugin API header (include/qemu/qemu-plugin.h),
# taken from the Debian source package of the installed qemu-user (7.2): the orig
# tarball is fetched once with `apt-get source --download-only`, checked against
# a pinned sha256, cached in benches/arm32/build/src/, and only the header is
# extracted (to benches/arm32/build/qemu-plugin/qemu/qemu-plugin.h).
# Pinned in bookworm main (1:7.2+dfsg-7+deb12u18; the security suite's source
# versions, e.g. deb12u15, answer 404 on the mirror).  Every Debian revision of
# 7.2 ships the same orig tarball (same sha256), and so the same plugin API.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tag=fetch-plugin-header
. "$repo/guests/fetch.sh"    # die, check_sha256, ensure_deb_src, deb_orig

deb_version="1:7.2+dfsg-7+deb12u18"
orig_name="qemu_7.2+dfsg.orig.tar.xz"
orig_sha256="91aca71520040edc40b8d437aa3004dae614f58e286cf653ee8996c07af2962f"

build="$here/build"
header="$build/qemu-plugin/qemu/qemu-plugin.h"
stamp="$build/qemu-plugin/.sha256"

if [ -f "$header" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$orig_sha256" ]; then
  echo "$header"
  exit 0
fi

for t in apt-get tar xz sha256sum; do
  command -v "$t" >/dev/null 2>&1 || die "$t not found (apt-get install apt tar xz-utils coreutils)"
done

tarball="$(deb_orig qemu "$deb_version" "$orig_name" "$orig_sha256" "$build/src")"
rm -rf "$build/qemu-plugin"
mkdir -p "$build/qemu-plugin/qemu"
tar -xJf "$tarball" -O --wildcards '*/include/qemu/qemu-plugin.h' >"$header.tmp" \
  || { rm -f "$header.tmp"; die "include/qemu/qemu-plugin.h not found in $tarball"; }
[ -s "$header.tmp" ] || { rm -f "$header.tmp"; die "include/qemu/qemu-plugin.h is empty in $tarball"; }
mv -f "$header.tmp" "$header"
echo "$orig_sha256" >"$stamp"
echo "$header"
