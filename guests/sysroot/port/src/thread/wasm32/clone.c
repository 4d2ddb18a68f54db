/* __clone for WALI: threads are new instances of the module started by the
 * host through wali.__wasm_thread_spawn(table index of
 * __wasm_thread_start_libc, args); the host calls
 * __wasm_thread_start_libc(tid, args) in the new instance (see
 * thread_start.s), which switches to the new stack, sets up TLS and runs
 * func(arg). Thread-style clones need CLONE_VM|CLONE_THREAD|CLONE_SETTLS;
 * process-style ones (posix_spawn) are a fork. CLONE_PARENT_SETTID and CLONE_CHILD_CLEARTID are emulated
 * (the host clears no tid word: thread_start.s stores 0 and FUTEX_WAKEs). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <sched.h>
#include <stdint.h>
#include <signal.h>
#include "pthread_impl.h"
#include "syscall.h"

#define WALI_AUX(name) __attribute__((__import_module__("wali"), __import_name__(#name)))
WALI_AUX(__wasm_thread_spawn) int __wali_thread_spawn(int fnidx, void *args);

extern void __wasm_init_tls(void *);
void __wasm_thread_start_libc(int tid, void *args);

struct wali_clone {
	void *sp;       /* offset 0: read by thread_start.s */
	void *tls;      /* offset 4 */
	int (*func)(void *);
	void *arg;
	int *ptid;
	int *ctid;
	int flags;
};

hidden int *__wali_thread_start_c(int tid, struct wali_clone *c)
{
	__wasm_init_tls(c->tls);
	if (c->flags & CLONE_PARENT_SETTID) *c->ptid = tid;
	c->func(c->arg);
	return (c->flags & CLONE_CHILD_CLEARTID) ? c->ctid : 0;
}

int __clone(int (*func)(void *), void *stack, int flags, void *arg, ...)
{
	va_list ap;
	int *ptid, *ctid;
	void *tls;
	va_start(ap, arg);
	ptid = va_arg(ap, int *);
	tls = va_arg(ap, void *);
	ctid = va_arg(ap, int *);
	va_end(ap);

	if (!(flags & CLONE_THREAD)) {
		/* Process-style clone, as posix_spawn (CLONE_VM|CLONE_VFORK) and
		 * _Fork use it: a fork whose child runs func(arg) on a copy of the
		 * parent's memory and stack and exits with its result. The parent
		 * does not wait: posix_spawn's child reports through a CLOEXEC
		 * pipe, not through the shared memory CLONE_VM would give. */
		if ((flags & 0xff) != SIGCHLD ||
		    (flags & ~(0xff|CLONE_VM|CLONE_VFORK)))
			return -ENOSYS;
		long pid = __syscall(SYS_fork);
		if (pid == 0)
			for (;;) __syscall(SYS_exit_group, func(arg));
		return pid;
	}
	if ((flags & (CLONE_VM|CLONE_SETTLS)) != (CLONE_VM|CLONE_SETTLS) || !stack)
		return -ENOSYS;

	uintptr_t sp = (uintptr_t)stack - sizeof(struct wali_clone);
	sp &= -16;
	struct wali_clone *c = (void *)sp;
	c->sp = (void *)sp;
	c->tls = tls;
	c->func = func;
	c->arg = arg;
	c->ptid = ptid;
	c->ctid = ctid;
	c->flags = flags;
	int tid = __wali_thread_spawn((int)(uintptr_t)__wasm_thread_start_libc, c);
	if (tid <= 0) return -EAGAIN;
	if (flags & CLONE_PARENT_SETTID) *ptid = tid;
	return tid;
}
