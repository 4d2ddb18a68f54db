# Convenience targets; the scripts they call are the real entry points.
.PHONY: all test guests test-guests prebuilt conformance docs demo host-matrix bench-arm32 bench-arm32-levers ssr serve

all:
	cargo build --release

# The whole test suite, as CI runs it (installs what it needs).
test:
	scripts/test.sh

# Build the WALI sysroot and every guest program (and their native twins).
guests:
	guests/build.sh

# Run every guest against its native build.
test-guests:
	cargo build --bin wali-run
	guests/test.sh

# Refresh guests/prebuilt/*.wasm from the guest builds.
prebuilt: guests
	guests/prebuilt/update.sh

# The conformance suite against wali-run, and the compatibility page.
conformance:
	cargo build --bin wali-run -p wali-run -p wali-conformance
	guests/sysroot/build.sh
	target/debug/wali-conformance run

docs:
	cargo run -q -p wali-conformance -- docs

demo:
	scripts/demo.sh

# The conformance suite under qemu-user for aarch64 and armv7, ARMv6 smoke.
host-matrix:
	scripts/host-matrix.sh

# Guest instructions under qemu-arm: native armv7 against pulley32 .cwasm.
bench-arm32:
	cargo build --release --bin wali-run
	RUSTFLAGS="--cfg pulley_assume_llvm_makes_tail_calls" cargo build --release --bin wali-run --target armv7-unknown-linux-gnueabihf
	benches/arm32/insn.sh

# Pulley's build flags before and after (benches/arm32/README.md, "Levers").
bench-arm32-levers:
	benches/arm32/levers.sh

# The flagship from registry sources: the guest programs (for QuickJS and zlib),
# the site (npm ci + vite build), the server (native twin and wasm), and the
# committed prebuilt files refreshed.
ssr:
	guests/build.sh
	guests/programs/ssr/build-site.sh
	guests/programs/ssr/server/build.sh
	guests/prebuilt/update.sh

# The main job: serve the prebuilt site from the prebuilt server guest.
serve:
	scripts/serve.sh
