// covers: waitid ok ECHILD EINVAL EFAULT
#include "ct.h"
#include <signal.h>
#include <sys/resource.h>

static const char *code(int c)
{
	switch (c) {
	case CLD_EXITED: return "CLD_EXITED";
	case CLD_KILLED: return "CLD_KILLED";
	case CLD_DUMPED: return "CLD_DUMPED";
	case CLD_STOPPED: return "CLD_STOPPED";
	case CLD_CONTINUED: return "CLD_CONTINUED";
	case 0: return "0";
	}
	return "other";
}

static long w(int type, int id, siginfo_t *si, int options)
{
	memset(si, 0x55, sizeof *si);
	return syscall(SYS_waitid, type, id, si, options, NULL);
}

static void show(const char *what, long r, const siginfo_t *si, pid_t c)
{
	if (r != 0) {
		SAY("%s: %s", what, ct_errname(errno));
		return;
	}
	SAY("%s: si_signo %d si_code %s si_status %d, si_pid %s, si_uid %s", what,
	    si->si_signo, code(si->si_code), si->si_status,
	    si->si_pid == c ? "the child" : si->si_pid == 0 ? "0" : "other",
	    si->si_uid == getuid() ? "ours" : "other");
}

int main(void)
{
	siginfo_t si;
	int p[2];
	pipe(p);

	pid_t c = fork();
	if (c == 0)
		_exit(5);
	/* WNOWAIT: look without reaping; then reap */
	show("exited, WNOWAIT", w(P_PID, c, &si, WEXITED | WNOWAIT), &si, c);
	show("exited", w(P_PID, c, &si, WEXITED), &si, c);
	T(w(P_PID, c, &si, WEXITED));

	/* WNOHANG with nothing to report: 0, and a zeroed si_pid/si_signo */
	c = fork();
	if (c == 0) {
		char x;
		read(p[0], &x, 1);
		_exit(0);
	}
	show("running, WNOHANG", w(P_ALL, 0, &si, WEXITED | WNOHANG), &si, c);

	kill(c, SIGSTOP);
	show("stopped", w(P_PID, c, &si, WSTOPPED), &si, c);
	kill(c, SIGCONT);
	show("continued", w(P_PID, c, &si, WCONTINUED), &si, c);
	kill(c, SIGKILL);
	show("killed", w(P_PGID, 0, &si, WEXITED), &si, c);

	/* the raw call's fifth argument: the child's rusage */
	c = fork();
	if (c == 0)
		_exit(0);
	struct rusage ru;
	memset(&ru, 0xff, sizeof ru);
	T(syscall(SYS_waitid, P_PID, c, &si, WEXITED, &ru));
	EXPECT(ru.ru_maxrss > 0 && ru.ru_utime.tv_usec < 1000000);
	/* libc's waitid */
	c = fork();
	if (c == 0)
		_exit(8);
	T(waitid(P_ALL, 0, &si, WEXITED));
	EXPECT(si.si_pid == c && si.si_status == 8);

	T(w(P_ALL, 0, &si, WEXITED));                 /* no children */
	T(w(P_PID, getppid(), &si, WEXITED));
	c = fork();
	if (c == 0)
		_exit(0);
	T(w(P_ALL, 0, &si, 0));                       /* nothing to wait for */
	T(w(99, 0, &si, WEXITED));                    /* unknown id type */
	T(w(P_ALL, 0, &si, WEXITED | 0x10000000));
	T(syscall(SYS_waitid, P_PID, c, BADPTR, WEXITED | WNOWAIT, NULL));
	show("still there", w(P_PID, c, &si, WEXITED), &si, c);
	return 0;
}
