# WALI thread entry and exits, written in assembly so that they touch no
# shadow-stack memory after the thread's stack may have been released.
#
# __wasm_thread_start_libc(tid, args): run by the host in a new instance
# (whose __stack_pointer is the module's initial value) as the target of
# __wasm_thread_spawn. args is clone.c's struct wali_clone (sp at 0).
#
# __wali_thread_exit(ctid): emulated CLONE_CHILD_CLEARTID then SYS_exit(0):
# store 0 to *ctid, FUTEX_WAKE it (shared, as the kernel does), exit.
#
# __wali_unmapself(base, size, ctid): munmap the thread's own stack/TLS
# mapping (detached threads), then as __wali_thread_exit.

	.globaltype	__stack_pointer, i32

	.functype	__wali_thread_start_c (i32, i32) -> (i32)
	.functype	__wali_thread_exit (i32) -> ()
	.functype	__wali_sys_futex (i32, i32, i32, i32, i32, i32) -> (i64)
	.import_module	__wali_sys_futex, wali
	.import_name	__wali_sys_futex, SYS_futex
	.functype	__wali_sys_exit (i32) -> (i64)
	.import_module	__wali_sys_exit, wali
	.import_name	__wali_sys_exit, SYS_exit
	.functype	__wali_sys_munmap (i32, i32) -> (i64)
	.import_module	__wali_sys_munmap, wali
	.import_name	__wali_sys_munmap, SYS_munmap

	.section	.text.__wasm_thread_start_libc,"",@
	.globl	__wasm_thread_start_libc
	.type	__wasm_thread_start_libc,@function
	.export_name	__wasm_thread_start_libc, __wasm_thread_start_libc
__wasm_thread_start_libc:
	.functype	__wasm_thread_start_libc (i32, i32) -> ()
	local.get	1
	i32.load	0
	global.set	__stack_pointer
	local.get	0
	local.get	1
	call	__wali_thread_start_c
	call	__wali_thread_exit
	end_function

	.section	.text.__wali_thread_exit,"",@
	.globl	__wali_thread_exit
	.hidden	__wali_thread_exit
	.type	__wali_thread_exit,@function
__wali_thread_exit:
	.functype	__wali_thread_exit (i32) -> ()
	block
	local.get	0
	i32.eqz
	br_if	0
	local.get	0
	i32.const	0
	i32.atomic.store	0
	local.get	0
	i32.const	1
	i32.const	2147483647
	i32.const	0
	i32.const	0
	i32.const	0
	call	__wali_sys_futex
	drop
	end_block
	loop
	i32.const	0
	call	__wali_sys_exit
	drop
	br	0
	end_loop
	end_function

	.section	.text.__wali_unmapself,"",@
	.globl	__wali_unmapself
	.hidden	__wali_unmapself
	.type	__wali_unmapself,@function
__wali_unmapself:
	.functype	__wali_unmapself (i32, i32, i32) -> ()
	local.get	0
	local.get	1
	call	__wali_sys_munmap
	drop
	local.get	2
	call	__wali_thread_exit
	end_function
