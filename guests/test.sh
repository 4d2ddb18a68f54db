#!/usr/bin/env bash
# Every guest test: the sysroot's differential tests (guests/tests/run.sh) and
# each real program against its native build (Lua, zlib, SQLite, qjs, BusyBox).
# Builds first (guests/build.sh, a no-op when up to date). Needs target/debug/wali-run
# (WALI_RUN overrides). Exit 1 if any suite fails; all suites run.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/build.sh" || exit 1
export NO_BUILD=1
failed=()
for t in tests/run.sh programs/test.sh programs/sqlite/test.sh programs/quickjs/test.sh programs/busybox/test.sh; do
  echo "== guests/$t"
  "$here/$t" || failed+=("$t")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "guests: FAILED: ${failed[*]}"
  exit 1
fi
echo "guests: all guest suites passed"
