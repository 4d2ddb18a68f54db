// covers: kill ok
// covers: rt_sigaction ok
#include "ct.h"
#include <signal.h>
#include <time.h>

static void status_of(const char *what, pid_t c)
{
	int st;
	if (waitpid(c, &st, WUNTRACED) != c)
		SAY("%s: waitpid failed", what);
	else if (WIFEXITED(st))
		SAY("%s: exited with %d", what, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		SAY("%s: killed by signal %d", what, WTERMSIG(st));
	else if (WIFSTOPPED(st)) {
		SAY("%s: stopped by signal %d", what, WSTOPSIG(st));
		kill(c, SIGKILL);
		waitpid(c, &st, 0);
	}
}

/* A child sends itself `sig` with action `act` and reports what happened. */
static void try(const char *what, int sig, void (*act)(int))
{
	pid_t c = fork();
	if (c == 0) {
		signal(sig, act);
		kill(getpid(), sig);
		_exit(0);
	}
	status_of(what, c);
}

static void handler(int sig) { (void)sig; }

int main(void)
{
	/* terminate */
	try("SIGTERM default", SIGTERM, SIG_DFL);
	try("SIGUSR1 default", SIGUSR1, SIG_DFL);
	try("SIGHUP default", SIGHUP, SIG_DFL);
	try("SIGPIPE default", SIGPIPE, SIG_DFL);
	try("SIGALRM default", SIGALRM, SIG_DFL);
	try("real-time 40 default", 40, SIG_DFL);
	/* ignored by default */
	try("SIGCHLD default", SIGCHLD, SIG_DFL);
	try("SIGWINCH default", SIGWINCH, SIG_DFL);
	try("SIGURG default", SIGURG, SIG_DFL);
	try("SIGCONT default", SIGCONT, SIG_DFL);
	/* stop */
	try("SIGTSTP default", SIGTSTP, SIG_DFL);
	try("SIGSTOP", SIGSTOP, SIG_DFL);
	/* ignored or handled */
	try("SIGTERM ignored", SIGTERM, SIG_IGN);
	try("SIGTERM handled", SIGTERM, handler);
	try("real-time 40 handled", 40, handler);

	/* SIGKILL cannot be ignored */
	pid_t c = fork();
	if (c == 0) {
		signal(SIGKILL, SIG_IGN);
		kill(getpid(), SIGKILL);
		_exit(0);
	}
	status_of("SIGKILL", c);

	/* a write to a pipe without readers: SIGPIPE */
	c = fork();
	if (c == 0) {
		int p[2];
		pipe(p);
		close(p[0]);
		write(p[1], "x", 1);
		_exit(0);
	}
	status_of("write to a closed pipe", c);
	c = fork();
	if (c == 0) {
		signal(SIGPIPE, SIG_IGN);
		int p[2];
		pipe(p);
		close(p[0]);
		T(write(p[1], "x", 1));
		_exit(0);
	}
	status_of("the same, SIGPIPE ignored", c);
	return 0;
}
