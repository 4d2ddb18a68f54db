# Entry point of every guest thread started by w_thread_start() (lib/thread.c).
#
# wali-run's __wasm_thread_spawn(fnidx, arg) runs table entry `fnidx` as
# fnidx(tid, arg) in a NEW instance of the module, whose __stack_pointer global
# is the module's initial value: the main thread's stack. So before any C code
# runs, this entry switches to the private stack the parent allocated (like
# musl's __wasm_thread_start_libc), then calls the C part, then ends the
# thread the way musl's pthread_exit does:
#   - store 0 into t->ctid and FUTEX_WAKE it (musl's emulation of
#     CLONE_CHILD_CLEARTID: the host does not clear any tid word itself),
#   - SYS_exit(0), which ends only this thread.
# That last part is written here, not in C, so that it provably touches no
# shadow-stack memory: the joiner may hand the stack to the next thread as
# soon as ctid reads 0.
#
# struct w_thread (include/wali.h) offsets used here:
#   0 stack_top   12 ctid

	.globaltype	__stack_pointer, i32

	.functype	w_thread_main (i32, i32) -> ()
	.functype	wali_futex (i32, i32, i32, i32, i32, i32) -> (i64)
	.import_module	wali_futex, wali
	.import_name	wali_futex, SYS_futex
	.functype	wali_exit (i32) -> (i64)
	.import_module	wali_exit, wali
	.import_name	wali_exit, SYS_exit

	.section	.text.wali_thread_entry,"",@
	.globl	wali_thread_entry
	.type	wali_thread_entry,@function
wali_thread_entry:
	.functype	wali_thread_entry (i32, i32) -> ()
	# __stack_pointer = t->stack_top
	local.get	1
	i32.load	0
	global.set	__stack_pointer
	# w_thread_main(tid, t): records the ids and runs t->fn(t->arg)
	local.get	0
	local.get	1
	call	w_thread_main
	# __atomic_store_n(&t->ctid, 0, __ATOMIC_SEQ_CST)
	local.get	1
	i32.const	0
	i32.atomic.store	12
	# futex(&t->ctid, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, INT_MAX, 0, 0, 0)
	local.get	1
	i32.const	12
	i32.add
	i32.const	129
	i32.const	2147483647
	i32.const	0
	i32.const	0
	i32.const	0
	call	wali_futex
	drop
	# exit(0): ends this thread only
	i32.const	0
	call	wali_exit
	drop
	unreachable
	end_function
