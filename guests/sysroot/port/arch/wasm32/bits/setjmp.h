/* setjmp/longjmp: not ported yet (planned: LLVM's Wasm EH SjLj lowering). */
typedef unsigned long long __jmp_buf[8];
