#!/usr/bin/env bash
# The main job: the flagship server. Builds wali-run (release) and runs the
# committed guest guests/prebuilt/ssr-server.wasm, an HTTP server with QuickJS
# inside that renders the committed React + MDX site guests/prebuilt/ssr-site
# (server-side rendering, static files, one hydrating island). No npm, no guest
# toolchain. It prints the URL to open; Ctrl-C (or SIGTERM) stops it.
#   scripts/serve.sh [--port P] [--host H] [--workers N]     (default 127.0.0.1:8080)
# WALI_RUN=path uses that wali-run instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${WALI_RUN:-}" ]; then
  cargo build --release --quiet --bin wali-run
  WALI_RUN=target/release/wali-run
fi
exec "$WALI_RUN" guests/prebuilt/ssr-server.wasm "$@" guests/prebuilt/ssr-site
