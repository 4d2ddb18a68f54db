# The exception tag that __wasm_longjmp (lib/sjlj_rt.c) throws and that the
# code LLVM generates for setjmp (-mllvm -wasm-enable-sjlj) catches. The
# compiler only references it; the runtime library must define it once.
	.tagtype	__c_longjmp i32
	.globl	__c_longjmp
__c_longjmp:
