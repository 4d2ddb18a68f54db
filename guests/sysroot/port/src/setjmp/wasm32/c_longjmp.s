# The exception tag thrown by __wasm_longjmp (longjmp.c) and caught by the
# code LLVM generates for setjmp (-mllvm -wasm-enable-sjlj).
	.tagtype	__c_longjmp i32
	.globl	__c_longjmp
__c_longjmp:
