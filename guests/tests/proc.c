/* Processes and fds: fork + waitpid with exit statuses, pipes between
 * processes, epoll on a pipe (packed 12-byte epoll_event), dup2, getpid vs
 * getppid, exec of a native /bin/echo through fork+execv, posix_spawn,
 * popen and system (process-style __clone = fork). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/epoll.h>
#include <spawn.h>

extern char **environ;

int main(void)
{
	int p[2];
	if (pipe(p)) { perror("pipe"); return 1; }
	pid_t parent = getpid();
	fflush(stdout);
	pid_t c = fork();
	if (c == 0) {
		close(p[0]);
		char msg[64];
		int n = snprintf(msg, sizeof msg, "child sees parent %d", getppid() == parent);
		write(p[1], msg, n);
		_exit(7);
	}
	close(p[1]);
	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1122334455667788ULL };
	printf("sizeof epoll_event %zu\n", sizeof ev);
	epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	struct epoll_event out[4];
	int n = epoll_wait(ep, out, 4, 5000);
	printf("epoll_wait %d data ok %d\n", n, n == 1 && out[0].data.u64 == 0x1122334455667788ULL);
	char buf[64] = {0};
	read(p[0], buf, sizeof buf - 1);
	printf("from child: %s\n", buf);
	int st;
	printf("waitpid same pid %d\n", waitpid(c, &st, 0) == c);
	printf("exited %d status %d\n", WIFEXITED(st), WEXITSTATUS(st));
	close(p[0]);
	close(ep);

	fflush(stdout);
	c = fork();
	if (c == 0) {
		char *argv[] = { "echo", "exec'd", "native", "echo", 0 };
		execv("/bin/echo", argv);
		_exit(127);
	}
	waitpid(c, &st, 0);
	printf("exec child exited %d status %d\n", WIFEXITED(st), WEXITSTATUS(st));

	fflush(stdout);
	c = fork();
	if (c == 0) { raise(SIGTERM); _exit(0); }
	waitpid(c, &st, 0);
	printf("signaled %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));

	pid_t sp;
	char *sargv[] = { "sh", "-c", "echo spawned sh; exit 3", 0 };
	fflush(stdout);
	int e = posix_spawn(&sp, "/bin/sh", 0, 0, sargv, environ);
	waitpid(sp, &st, 0);
	printf("posix_spawn %d exited %d status %d\n", e, WIFEXITED(st), WEXITSTATUS(st));
	char *bad[] = { "nope", 0 };
	e = posix_spawn(&sp, "/nonexistent/program", 0, 0, bad, environ);
	printf("posix_spawn of a missing program: %s\n", e ? strerror(e) : "0");
	if (!e) waitpid(sp, &st, 0);

	FILE *pp = popen("printf 'a\\nbb\\nccc\\n' | wc -l", "r");
	char line[64] = {0};
	fgets(line, sizeof line, pp);
	printf("popen read [%.*s] pclose %d\n", (int)strcspn(line, "\n"), line, pclose(pp));
	fflush(stdout);
	st = system("exit 5");
	printf("system %d %d\n", WIFEXITED(st), WEXITSTATUS(st));

	int fd = dup(1);
	printf("dup2 %d\n", dup2(fd, 10));
	dprintf(10, "via dup2'd fd\n");
	close(10);
	close(fd);
	return 0;
}
