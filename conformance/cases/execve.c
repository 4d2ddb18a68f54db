// covers: execve ok ENOENT EACCES ENOTDIR ENOEXEC ELOOP ENAMETOOLONG EFAULT
// setup: printf '#!/bin/sh\nexit 0\n' > noexec && chmod 644 noexec
// setup: printf 'not a program\n' > garbage && chmod 755 garbage
// setup: ln -s loop loop
// env: CT_PARENT=yes
#include "ct.h"
#include <signal.h>

extern char **environ;

/* The re-executed program: report what it got. */
static int child(int argc, char **argv)
{
	SAY("child: argc %d, argv[2] \"%s\"", argc, argv[2]);
	SAY("child: same pid: %s", atoi(argv[3]) == getpid() ? "yes" : "no");
	int n = 0;
	for (char **e = environ; *e; e++)
		SAY("child: env[%d] %s", n++, *e);
	struct sigaction sa;
	sigaction(SIGUSR1, NULL, &sa);
	SAY("child: SIGUSR1 handler reset to default: %s", sa.sa_handler == SIG_DFL ? "yes" : "no");
	sigaction(SIGUSR2, NULL, &sa);
	SAY("child: SIGUSR2 still ignored: %s", sa.sa_handler == SIG_IGN ? "yes" : "no");
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	SAY("child: SIGTERM still blocked: %s", sigismember(&now, SIGTERM) ? "yes" : "no");
	SAY("child: inherited fd open: %s", fcntl(atoi(argv[4]), F_GETFD) >= 0 ? "yes" : "no");
	return 23;
}

static void handler(int sig) { (void)sig; }

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "child") == 0)
		return child(argc, argv);

	signal(SIGUSR1, handler);
	signal(SIGUSR2, SIG_IGN);
	sigset_t term;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, NULL);
	int keep = open(".", O_RDONLY);

	pid_t c = fork();
	if (c == 0) {
		char pid[16], fd1[16];
		snprintf(pid, sizeof pid, "%d", getpid());
		snprintf(fd1, sizeof fd1, "%d", keep);
		char *args[] = {argv[0], "child", "two words", pid, fd1, NULL};
		char *env[] = {"CT_X=42", "CT_Y=a=b", NULL};
		syscall(SYS_execve, argv[0], args, env);
		SAY("execve failed: %s", ct_errname(errno));
		_exit(99);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st));
	SAY("exit status of the new program: %d", WEXITSTATUS(st));

	/* a native program, with an empty environment */
	c = fork();
	if (c == 0) {
		char *args[] = {"sh", "-c", "echo \"sh: ${CT_PARENT:-unset} $0\"; exit 4", NULL};
		char *env[] = {NULL};
		syscall(SYS_execve, "/bin/sh", args, env);
		_exit(99);
	}
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st));
	SAY("exit status of sh: %d", WEXITSTATUS(st));

	char *args[] = {"x", NULL}, *env[] = {NULL};
	char longname[5000];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	T(syscall(SYS_execve, "./missing", args, env));
	T(syscall(SYS_execve, "", args, env));
	T(syscall(SYS_execve, "./noexec", args, env));     /* no execute permission */
	T(syscall(SYS_execve, ".", args, env));            /* a directory */
	T(syscall(SYS_execve, "./noexec/x", args, env));
	T(syscall(SYS_execve, "./garbage", args, env));    /* not a known format */
	T(syscall(SYS_execve, "./loop", args, env));
	T(syscall(SYS_execve, longname, args, env));
	T(syscall(SYS_execve, BADPTR, args, env));
	T(syscall(SYS_execve, argv[0], BADPTR, env));
	T(syscall(SYS_execve, argv[0], args, BADPTR));
	char *badarg[] = {"x", BADPTR, NULL};
	T(syscall(SYS_execve, argv[0], badarg, env));
	return 0;
}
