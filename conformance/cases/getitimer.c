// covers: getitimer ok EINVAL EFAULT
#include "ct.h"
#include <signal.h>
#include <sys/time.h>

static void show(const char *what, int which)
{
	struct itimerval v;
	memset(&v, 0x55, sizeof v);
	if (syscall(SYS_getitimer, which, &v) != 0) {
		SAY("%s: %s", what, ct_errname(errno));
		return;
	}
	SAY("%s: value %s, interval %ld.%06ld", what,
	    v.it_value.tv_sec == 0 && v.it_value.tv_usec == 0 ? "0" :
	    v.it_value.tv_sec >= 4 && v.it_value.tv_sec <= 5 ? "4..5 s" : "other",
	    (long)v.it_interval.tv_sec, (long)v.it_interval.tv_usec);
}

int main(void)
{
	signal(SIGALRM, SIG_IGN);
	signal(SIGVTALRM, SIG_IGN);
	show("real, unset", ITIMER_REAL);
	show("virtual, unset", ITIMER_VIRTUAL);
	show("prof, unset", ITIMER_PROF);

	struct itimerval it = {{1, 250000}, {5, 0}};
	setitimer(ITIMER_REAL, &it, NULL);
	setitimer(ITIMER_VIRTUAL, &it, NULL);
	show("real, set", ITIMER_REAL);
	show("virtual, set", ITIMER_VIRTUAL);
	show("prof, still unset", ITIMER_PROF);

	/* not inherited by a child */
	pid_t c = fork();
	if (c == 0) {
		show("real, in the child", ITIMER_REAL);
		show("virtual, in the child", ITIMER_VIRTUAL);
		_exit(0);
	}
	int st;
	waitpid(c, &st, 0);

	struct itimerval v;
	T(syscall(SYS_getitimer, 99, &v));
	T(syscall(SYS_getitimer, -1, &v));
	T(syscall(SYS_getitimer, ITIMER_REAL, BADPTR));
	T(getitimer(ITIMER_REAL, &v));
	return 0;
}
