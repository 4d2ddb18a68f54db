/* The three runtime functions of LLVM's Wasm setjmp/longjmp lowering
 * (WebAssemblyLowerEmscriptenEHSjLj, "Wasm setjmp / longjmp handling"),
 * for the freestanding guest tests; see include/sjlj.h. The tag they throw,
 * __c_longjmp, is defined in lib/sjlj_tag.s.
 *
 * Contract, as the generated code uses them:
 *   - setjmp(env) in function F becomes __wasm_setjmp(env, label, invocation):
 *     `label` numbers the setjmp call sites of F from 1, `invocation` is the
 *     address of a stack slot of this invocation of F (only compared, never read).
 *     The generated code itself makes setjmp "return" 0 the first time.
 *   - longjmp(env, val) becomes __wasm_longjmp(env, val): throw the __c_longjmp
 *     tag with ONE i32 payload, a pointer to {env, val} that stays valid while
 *     the exception unwinds.
 *   - a function that called setjmp catches __c_longjmp around every call that
 *     may longjmp, loads env and val from the payload and calls
 *     __wasm_setjmp_test(env, invocation): a non-zero result is the label of its
 *     setjmp to resume (which then returns val), 0 means "not mine": it calls
 *     __wasm_longjmp(env, val) again to pass the longjmp on to its callers.
 */
#include "wali.h"
#include "sjlj.h"

void __wasm_setjmp(void *env, unsigned label, void *invocation);
unsigned __wasm_setjmp_test(void *env, void *invocation);
_Noreturn void __wasm_longjmp(void *env, int val);

void __wasm_setjmp(void *env, unsigned label, void *invocation) {
    struct __w_jmp_buf *jb = env;
    jb->invocation = invocation;
    jb->label = label;
}

unsigned __wasm_setjmp_test(void *env, void *invocation) {
    const struct __w_jmp_buf *jb = env;
    return jb->invocation == invocation ? jb->label : 0;
}

_Noreturn void __wasm_longjmp(void *env, int val) {
    struct __w_jmp_buf *jb = env;
    /* The payload lives in the jmp_buf itself: it outlives the unwinding, since
     * the frame that owns env is the one the longjmp returns to. */
    jb->thrown.env = env;
    jb->thrown.val = val ? val : 1; /* longjmp(env, 0) makes setjmp return 1 */
    __builtin_wasm_throw(1, &jb->thrown); /* tag 1 = __c_longjmp */
}
