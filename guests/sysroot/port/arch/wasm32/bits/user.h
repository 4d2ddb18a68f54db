/* No registers in WebAssembly: opaque ELF register sets (x86_64 sizes) so
 * that <sys/procfs.h> and <sys/user.h> compile. */
#define ELF_NGREG 27
typedef unsigned long long elf_greg_t, elf_gregset_t[ELF_NGREG];
typedef struct { unsigned char __fpregs[512]; } elf_fpregset_t;
