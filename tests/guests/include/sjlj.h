/*
 * sjlj.h — setjmp/longjmp for the guest tests.
 *
 * wasm: there is no libc. A test built with
 *     //@ wasm-src lib/sjlj_rt.c lib/sjlj_tag.s
 *     //@ wasm-cflags -mllvm -wasm-enable-sjlj -mllvm -wasm-use-legacy-eh=false
 * gets LLVM's Wasm-EH lowering of setjmp/longjmp: every setjmp call becomes
 * __wasm_setjmp(env, label, invocation), every longjmp __wasm_longjmp(env, val)
 * (which throws the __c_longjmp tag), and the calls that may longjmp are wrapped
 * in try_table blocks that catch it and ask __wasm_setjmp_test(env, invocation)
 * which setjmp (if any) of the current function invocation to resume.
 * lib/sjlj_rt.c implements those three functions; jmp_buf below is their record.
 *
 * native: glibc's setjmp/longjmp.
 */
#ifndef WALI_SJLJ_H
#define WALI_SJLJ_H

#ifdef __wasm__
struct __w_jmp_buf {
    void *invocation;     /* identifies the function invocation that called setjmp */
    unsigned label;       /* which setjmp call site in that function (never 0) */
    struct {              /* what __wasm_longjmp throws a pointer to */
        void *env;
        int val;
    } thrown;
};
typedef struct __w_jmp_buf jmp_buf[1];
int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);
#else
#include <setjmp.h>
#endif

#endif /* WALI_SJLJ_H */
