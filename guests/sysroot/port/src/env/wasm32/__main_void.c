#include "libc.h"

/* Linked only when the program's main takes arguments (clang then names it
 * __main_argc_argv and defines no __main_void). */
int __main_argc_argv(int, char **);
extern hidden int __wali_argc;
extern hidden char **__wali_argv;

int __main_void(void)
{
	return __main_argc_argv(__wali_argc, __wali_argv);
}
