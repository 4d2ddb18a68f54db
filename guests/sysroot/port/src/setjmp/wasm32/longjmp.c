/* setjmp/longjmp through WebAssembly exception handling, as LLVM lowers them
 * (-mllvm -wasm-enable-sjlj, which wali-cc and the sysroot build always pass):
 *   - setjmp(env) in a function F becomes __wasm_setjmp(env, label, invocation):
 *     `label` numbers F's setjmp call sites from 1, `invocation` identifies this
 *     invocation of F; the generated code makes setjmp return 0 the first time.
 *   - longjmp(env, val) becomes __wasm_longjmp(env, val), which throws the tag
 *     __c_longjmp (c_longjmp.s) with one i32 payload: a pointer to {env, val}.
 *   - F catches __c_longjmp around calls that may longjmp and asks
 *     __wasm_setjmp_test(env, invocation) which of its setjmps to resume
 *     (0: not its own, rethrow via __wasm_longjmp).
 * There is no `setjmp` function: code that calls setjmp without the lowering
 * fails to link instead of misbehaving. longjmp/_longjmp exist as functions
 * for calls through pointers and from code built without the lowering. */
#include <setjmp.h>

struct wali_jmp {
	void *invocation;
	unsigned label;
	struct {
		void *env;
		int val;
	} thrown;
};

_Static_assert(sizeof(struct wali_jmp) <= sizeof(__jmp_buf), "jmp_buf too small");

void __wasm_setjmp(void *env, unsigned label, void *invocation)
{
	struct wali_jmp *jb = env;
	jb->invocation = invocation;
	jb->label = label;
}

unsigned __wasm_setjmp_test(void *env, void *invocation)
{
	const struct wali_jmp *jb = env;
	return jb->invocation == invocation ? jb->label : 0;
}

_Noreturn void __wasm_longjmp(void *env, int val)
{
	struct wali_jmp *jb = env;
	/* The payload lives in the jmp_buf: it outlives the unwinding, since the
	 * frame owning env is the one the longjmp returns to. */
	jb->thrown.env = env;
	jb->thrown.val = val ? val : 1;
	__builtin_wasm_throw(1, &jb->thrown); /* tag 1: __c_longjmp */
}

_Noreturn void longjmp(jmp_buf env, int val)
{
	__wasm_longjmp(env, val);
}

_Noreturn void _longjmp(jmp_buf env, int val)
{
	__wasm_longjmp(env, val);
}
