// covers: execve ok ENOEXEC
// covers: readlink ok
/* A `#!` script whose interpreter is this very program (natively an ELF file,
 * under WALI the module: the kernel cannot run a Wasm interpreter, so the
 * runtime does what binfmt_script would). Also: /proc/self/exe names this
 * program (the module under WALI). */
#include "ct.h"
#include <limits.h>

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "-x") == 0) {
		/* Run as an interpreter: argv = interp, "-x", script, args... */
		SAY("interpreted: argc %d", argc);
		for (int i = 3; i < argc; i++)
			SAY("  arg %s", argv[i]);
		const char *script = strrchr(argv[2], '/');
		SAY("  script %s", script ? script + 1 : argv[2]);
		return 3;
	}
	char self[PATH_MAX], link[PATH_MAX];
	EXPECT(realpath(argv[0], self) != NULL);
	ssize_t n = readlink("/proc/self/exe", link, sizeof link - 1);
	link[n > 0 ? n : 0] = 0;
	EXPECT(n > 0 && strcmp(link, self) == 0);

	FILE *f = fopen("script", "w");
	fprintf(f, "#!%s -x\nthis line is never read\n", self);
	fclose(f);
	T(chmod("script", 0755));
	FILE *g = fopen("noexec", "w");
	fprintf(g, "plain text, no #!\n");
	fclose(g);
	T(chmod("noexec", 0755));

	pid_t c = fork();
	if (c == 0) {
		char *args[] = {"./script", "one", "two words", NULL};
		char *env[] = {NULL};
		execve("./script", args, env);
		_exit(99);
	}
	int st;
	waitpid(c, &st, 0);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 3);

	char *args[] = {"./noexec", NULL};
	T(syscall(SYS_execve, "./noexec", args, NULL));
	return 0;
}
