// covers: execve ok
#include "ct.h"

/* /proc/self/exe names the running program: executing it runs this
 * program again (a common way to re-execute oneself). */
int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "again") == 0) {
		SAY("running again, argv[0] \"%s\", argc %d", argv[0], argc);
		return 7;
	}
	pid_t c = fork();
	if (c == 0) {
		char *args[] = {"self", "again", NULL}, *env[] = {NULL};
		syscall(SYS_execve, "/proc/self/exe", args, env);
		SAY("execve failed: %s", ct_errname(errno));
		_exit(99);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c);
	SAY("exited: %s, status %d", WIFEXITED(st) ? "yes" : "no", WEXITSTATUS(st));
	(void)argv;
	return 0;
}
