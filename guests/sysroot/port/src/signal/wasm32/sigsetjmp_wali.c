#include <setjmp.h>
#include <signal.h>
#include "syscall.h"

/* sigsetjmp(b, save) is the macro __wali_sigsetjmp_tail(b, save, setjmp(b))
 * (include/setjmp.h, wasm only): on the first return (ret 0) the signal mask
 * is saved into the buffer, on the return from siglongjmp it is restored. */
int __wali_sigsetjmp_tail(sigjmp_buf jb, int save, int ret)
{
	jb->__fl = save;
	if (!save) return ret;
	void *p = jb->__ss;
	__syscall(SYS_rt_sigprocmask, SIG_SETMASK, ret?p:0, ret?0:p, _NSIG/8);
	return ret;
}
