/* With -mbulk-memory, LLVM lowers a memcpy intrinsic of unknown size to one
 * memory.copy instruction: far faster than musl's generic C loop. */
#include <string.h>

void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
	return __builtin_memcpy(dest, src, n);
}
