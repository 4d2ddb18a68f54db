/* Host page size (WALI mmap works in host pages; wasm pages are 64 KiB). */
#define PAGESIZE 4096
