/* WALI wasm32 startup (called from crt1.o's _start):
 *   __init -> TLS (__init_libc) -> argv from __cl_* -> environment from the
 *   file named by __get_init_envfile -> constructors -> main -> __deinit ->
 *   exit() (atexit handlers, stdio flush) -> _Exit -> SYS_exit_group.
 * The WALI aux imports are described in the spec's aux.tsv. */
#include <elf.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "syscall.h"
#include "atomic.h"
#include "libc.h"

#define WALI_AUX(name) __attribute__((__import_module__("wali"), __import_name__(#name)))
WALI_AUX(__init) int __wali_init(void);
WALI_AUX(__deinit) int __wali_deinit(void);
WALI_AUX(__proc_exit) void __wali_proc_exit(int);
WALI_AUX(__cl_get_argc) unsigned __wali_cl_get_argc(void);
WALI_AUX(__cl_get_argv_len) unsigned __wali_cl_get_argv_len(unsigned);
WALI_AUX(__cl_copy_argv) int __wali_cl_copy_argv(char *, unsigned);
WALI_AUX(__get_init_envfile) int __wali_get_init_envfile(char *, unsigned);

static void dummy(void) {}
weak_alias(dummy, _init);

extern weak hidden void (*const __init_array_start)(void), (*const __init_array_end)(void);

static void dummy1(void *p) {}
weak_alias(dummy1, __init_ssp);

#define AUX_CNT 38

/* No ELF auxiliary vector: one with the page size and 16 random bytes
 * (AT_RANDOM, the stack-protector canary), filled in by __init_libc. */
static unsigned char wali_random[16];
static size_t wali_auxv[] = { AT_PAGESZ, PAGESIZE, AT_RANDOM, 0, 0, 0 };

#ifdef __GNUC__
__attribute__((__noinline__))
#endif
void __init_libc(char **envp, char *pn)
{
	size_t i, aux[AUX_CNT] = { 0 };
	__environ = envp;
	libc.auxv = wali_auxv;
	if (__syscall(SYS_getrandom, wali_random, sizeof wali_random, 0) == sizeof wali_random)
		wali_auxv[3] = (size_t)wali_random;
	for (i=0; wali_auxv[i]; i+=2) if (wali_auxv[i]<AUX_CNT) aux[wali_auxv[i]] = wali_auxv[i+1];
	libc.page_size = aux[AT_PAGESZ];

	if (!pn) pn = "";
	__progname = __progname_full = pn;
	for (i=0; pn[i]; i++) if (pn[i]=='/') __progname = pn+i+1;

	__init_tls(aux);
	__init_ssp((void *)aux[AT_RANDOM]);
}

static void libc_start_init(void)
{
	_init();
	uintptr_t a = (uintptr_t)&__init_array_start;
	for (; a<(uintptr_t)&__init_array_end; a+=sizeof(void(*)()))
		(*(void (**)(void))a)();
}

weak_alias(libc_start_init, __libc_start_init);

static char **wali_argv(int *pargc)
{
	unsigned argc = __wali_cl_get_argc(), i;
	char **argv = malloc((argc + 1) * sizeof *argv);
	if (!argv) a_crash();
	for (i = 0; i < argc; i++) {
		unsigned len = __wali_cl_get_argv_len(i);
		argv[i] = malloc(len + 1);
		if (!argv[i]) a_crash();
		__wali_cl_copy_argv(argv[i], i);
		argv[i][len] = 0;
	}
	argv[argc] = 0;
	*pargc = argc;
	return argv;
}

/* The environment file: KEY=VALUE lines; a line without '=' removes that
 * name; blank lines are skipped (the reference libc fails startup on them). */
static char *empty_env[1];

static void wali_env(void)
{
	char path[4096];
	struct stat st;
	if (!__wali_get_init_envfile(path, sizeof path) || !path[0]) return;
	path[sizeof path - 1] = 0;
	int fd = __sys_open(path, O_RDONLY|O_CLOEXEC);
	if (fd < 0) return;
	char *buf = 0;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len + 4096 + 1 > cap) {
			cap = cap ? 2*cap : 8192;
			char *nb = realloc(buf, cap);
			if (!nb) a_crash();
			buf = nb;
		}
		long r = __syscall(SYS_read, fd, buf + len, cap - len - 1);
		if (r == -EINTR) continue;
		if (r <= 0) break;
		len += r;
	}
	__syscall(SYS_close, fd);
	if (!buf) return;
	buf[len] = 0;
	size_t n = 0, i;
	for (i = 0; i < len; i++) if (buf[i] == '\n') n++;
	char **env = malloc((n + 2) * sizeof *env);
	if (!env) a_crash();
	size_t cnt = 0;
	char *line = buf, *end = buf + len;
	while (line < end) {
		char *nl = memchr(line, '\n', end - line);
		if (!nl) nl = end;
		*nl = 0;
		if (*line) {
			char *eq = strchr(line, '=');
			size_t klen = eq ? (size_t)(eq - line) : strlen(line);
			/* later lines override earlier ones */
			for (i = 0; i < cnt; i++) {
				if (!strncmp(env[i], line, klen) && env[i][klen] == '=') {
					env[i] = env[--cnt];
					break;
				}
			}
			if (eq) env[cnt++] = line;
		}
		line = nl + 1;
	}
	env[cnt] = 0;
	__environ = env;
}

/* clang names `int main(void)` __main_void and `int main(int, char **)`
 * __main_argc_argv. This calls __main_void; when the program defines
 * main with arguments, libc's __main_void (__main_void.c, its own archive
 * member) passes argc/argv on. Strong references, so a main in an archive
 * is found and a program without main fails to link. */
int __main_void(void);
hidden int __wali_argc;
hidden char **__wali_argv;

_Noreturn void __wali_start(void)
{
	int argc;
	char **argv;
	__wali_init();
	__init_libc(empty_env, 0);
	argv = wali_argv(&argc);
	if (argc > 0) {
		char *pn = argv[0];
		__progname = __progname_full = pn;
		for (size_t i=0; pn[i]; i++) if (pn[i]=='/') __progname = pn+i+1;
	}
	wali_env();
	__libc_start_init();
	__wali_argc = argc;
	__wali_argv = argv;
	int r = __main_void();
	__wali_deinit();
	exit(r);
}

int __libc_start_main(int (*main)(int,char **,char **), int argc, char **argv,
	void (*init_dummy)(), void(*fini_dummy)(), void(*ldso_dummy)())
{
	__wali_start();
}
