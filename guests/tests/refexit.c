/* The reference toolchain's `_start` ends a program whose `main` returned with
 * `__deinit` and `__proc_exit`, without `exit()`: stdout buffered for a pipe or
 * file must still come out whole (wali-run flushes musl's stdio at
 * `__proc_exit`). The native build flushes and leaves with `_exit`. */
#include <stdio.h>
#include <unistd.h>

#ifdef __wasm__
__attribute__((import_module("wali"), import_name("__deinit"))) int wali_deinit(void);
__attribute__((import_module("wali"), import_name("__proc_exit"))) void wali_proc_exit(int);
#endif

int main(void)
{
	/* Well over one stdio buffer, so a lost tail shows. */
	for (int i = 0; i < 2000; i++)
		printf("line %d of a buffered stdout\n", i);
	fputs("last line, still in the buffer\n", stdout);
#ifdef __wasm__
	wali_deinit();
	wali_proc_exit(3);
#else
	fflush(stdout);
	_exit(3);
#endif
	return 0;
}
