/* WALI wasm32: static TLS comes from the linker (wasm-ld): __tls_size and
 * __tls_align describe the block, __wasm_init_tls(p) copies the TLS image to p
 * and points this instance's __tls_base global (the thread pointer) at it.
 * musl's struct pthread is placed right below the TLS block (TLS_ABOVE_TP,
 * GAP_ABOVE_TP 0), so __pthread_self() == __tls_base - sizeof(struct pthread). */
#include <string.h>
#include <stddef.h>
#include <sys/mman.h>
#include "pthread_impl.h"
#include "libc.h"
#include "atomic.h"
#include "syscall.h"

volatile int __thread_list_lock;

extern void __wasm_init_tls(void *);

/* wasm-ld makes __wasm_init_tls a no-op that leaves __tls_base at 0 when the
 * module has no TLS data at all; this variable guarantees a TLS segment. */
static __thread volatile char tls_anchor = 1;

int __init_tp(void *p)
{
	pthread_t td = p;
	td->self = td;
	libc.can_do_threads = 1;
	td->detach_state = DT_JOINABLE;
	td->tid = __syscall(SYS_set_tid_address, &__thread_list_lock);
	td->locale = &libc.global_locale;
	td->robust_list.head = &td->robust_list.head;
	td->sysinfo = __sysinfo;
	td->next = td->prev = td;
	return 0;
}

#define MIN_TLS_ALIGN 16

/* Lays out [struct pthread][TLS block] in mem (libc.tls_size bytes) and
 * returns the struct pthread. The TLS image itself is copied by
 * __wasm_init_tls(TP_ADJ(td)), which must run in the thread that uses it
 * (it sets that instance's __tls_base). */
void *__copy_tls(unsigned char *mem)
{
	pthread_t td;
	mem += -((uintptr_t)mem + sizeof(struct pthread)) & (libc.tls_align-1);
	td = (pthread_t)mem;
	td->dtv = 0;
	return td;
}

static struct {
	unsigned char space[sizeof(struct pthread) + 512];
} builtin_tls __attribute__((__aligned__(MIN_TLS_ALIGN)));

static void static_init_tls(size_t *aux)
{
	void *mem;
	size_t align = __builtin_wasm_tls_align();
	if (align < MIN_TLS_ALIGN) align = MIN_TLS_ALIGN;
	libc.tls_align = align;
	libc.tls_size = sizeof(struct pthread) + __builtin_wasm_tls_size() + align
		+ MIN_TLS_ALIGN-1 & -MIN_TLS_ALIGN;
	libc.tls_cnt = 0;
	libc.tls_head = 0;

	if (libc.tls_size > sizeof builtin_tls) {
		mem = (void *)__syscall(SYS_mmap, 0, libc.tls_size, PROT_READ|PROT_WRITE,
			MAP_ANONYMOUS|MAP_PRIVATE, -1, 0);
		if ((unsigned long)mem > -4096UL) a_crash();
	} else {
		mem = &builtin_tls;
	}
	memset(mem, 0, libc.tls_size);
	pthread_t td = __copy_tls(mem);
	__wasm_init_tls(TP_ADJ(td));
	if (!tls_anchor || __get_tp() != (uintptr_t)TP_ADJ(td))
		a_crash();
	if (__init_tp(td) < 0)
		a_crash();
}

weak_alias(static_init_tls, __init_tls);
