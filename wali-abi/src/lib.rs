//! The WebAssembly Linux Interface (WALI) ABI, as seen from a host runtime.
//!
//! A WALI guest is a wasm32 module that imports Linux syscalls by name from the `wali`
//! module (`wali.SYS_read`, ...) and a few auxiliary functions (`wali.__init`, ...). Its C
//! ABI has 32-bit pointers but a 64-bit `long`, so the structs it passes to syscalls have
//! the x86_64 kernel layouts with 4-byte pointers. This crate describes that ABI, from the
//! spec tables in `spec/` (copied from the shared WALI spec):
//!
//! * [`table`]: every syscall and auxiliary import with its wasm signature, C arguments and
//!   per-architecture syscall numbers (generated at build time from the TSV files);
//! * [`guest`]: `#[repr(C)]` definitions of the guest structs and guest constants, plus the
//!   [`guest::Pod`] trait through which they are copied in and out of linear memory;
//! * [`convert`]: field-by-field conversions between guest structs and the host's `libc`
//!   structs on x86_64, aarch64 and 32-bit ARM, open-flag translation and errno names.

pub mod convert;
pub mod errno;
pub mod guest;
pub mod table;

pub use errno::Errno;
pub use table::*;
