#include <stdlib.h>
#include "syscall.h"

#define WALI_AUX(name) __attribute__((__import_module__("wali"), __import_name__(#name)))
WALI_AUX(__proc_exit) void __wali_proc_exit(int);

/* SYS_exit_group ends the process; __proc_exit only if it ever returns. */
_Noreturn void _Exit(int ec)
{
	__syscall(SYS_exit_group, ec);
	__wali_proc_exit(ec);
	__builtin_trap();
}
