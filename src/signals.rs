//! Signal delivery to guest handlers.
//!
//! (Skeleton: the guest-visible signal calls live in `sys/signal.rs`.)

use crate::host::Host;
use crate::sys::Cx;
use wasmtime::Store;

/// Prepare a new store (one per guest thread) for signal delivery.
pub fn arm_store(_store: &mut Store<Host>) {}

/// Called after every syscall returns, before the guest sees the result:
/// runs the handlers of signals that arrived meanwhile.
#[inline]
pub fn after_syscall(_cx: &mut Cx<'_, '_>) -> wasmtime::Result<()> {
    Ok(())
}
