/* The thread pointer is the linker's __tls_base global (the start of this
 * thread's static TLS block). musl's struct pthread sits right below it
 * (TLS_ABOVE_TP with no gap), so __pthread_self() is tp - sizeof(struct pthread). */
static inline uintptr_t __get_tp()
{
	return (uintptr_t)__builtin_thread_pointer();
}

#define TLS_ABOVE_TP
#define GAP_ABOVE_TP 0

#define MC_PC __space[0]
