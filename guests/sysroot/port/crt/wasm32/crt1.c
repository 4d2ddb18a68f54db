/* WALI entry point: _start (exported by wali-cc) hands over to the libc
 * startup in src/env/wasm32/__libc_start_main.c. Also defines the
 * __wasm_memory_size/__wasm_memory_grow helpers of the reference modules. */
_Noreturn void __wali_start(void);

void _start(void)
{
	__wali_start();
}

__attribute__((__export_name__("__wasm_memory_size")))
unsigned __wasm_memory_size(void)
{
	return __builtin_wasm_memory_size(0);
}

__attribute__((__export_name__("__wasm_memory_grow")))
unsigned __wasm_memory_grow(unsigned delta)
{
	return __builtin_wasm_memory_grow(0, delta);
}
