#include <features.h>

/* The kernel sigaction as WALI passes it to SYS_rt_sigaction: x86_64's
 * layout with 4-byte pointers, packed to 24 bytes
 * (handler u32 @0, flags u64 @4, restorer u32 @12, mask u32[2] @16).
 * The handler is a table-0 index; SIG_IGN is -2 (see include/signal.h). */
struct k_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned mask[2];
} __attribute__((__packed__));

hidden void __restore_rt();
#define __restore __restore_rt

_Static_assert(sizeof(struct k_sigaction) == 24, "k_sigaction is 24 bytes");
_Static_assert(__builtin_offsetof(struct k_sigaction, flags) == 4, "flags at 4");
_Static_assert(__builtin_offsetof(struct k_sigaction, restorer) == 12, "restorer at 12");
_Static_assert(__builtin_offsetof(struct k_sigaction, mask) == 16, "mask at 16");
