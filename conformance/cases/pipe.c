// covers: pipe ok EFAULT EMFILE
#include "ct.h"
#include <sys/resource.h>

int main(void)
{
	int p[2] = {-1, -1};
	T(pipe(p));
	EXPECT(p[0] >= 0 && p[1] == p[0] + 1);   /* the two lowest free numbers */
	V(fcntl(p[0], F_GETFL) & 3);
	V(fcntl(p[1], F_GETFL) & 3);
	V(fcntl(p[0], F_GETFD));
	V(write(p[1], "through", 7));
	char buf[16] = {0};
	V(read(p[0], buf, sizeof buf));
	SAY("  \"%s\"", buf);
	V(read(p[0], buf, 0));
	T(write(p[0], "x", 1));                   /* wrong end */
	T(read(p[1], buf, 1));
	struct stat st;
	fstat(p[0], &st);
	EXPECT(S_ISFIFO(st.st_mode));

	/* data survives a fork; end of file when every writer is gone */
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		write(p[1], "from child", 10);
		_exit(0);
	}
	close(p[1]);
	memset(buf, 0, sizeof buf);
	int got = 0, r;
	while ((r = read(p[0], buf + got, sizeof buf - 1 - got)) > 0) got += r;
	SAY("  \"%s\" then %d", buf, r);
	waitpid(pid, NULL, 0);
	close(p[0]);

	T(pipe(BADPTR));
	T(pipe(NULL));
	int q[2];
	T(pipe(q));                               /* no descriptor was leaked by the failures */
	EXPECT(q[0] == p[0]);

	struct rlimit rl = {8, 8};
	setrlimit(RLIMIT_NOFILE, &rl);
	int n = 0;
	while (pipe(q) == 0 && n < 10) n++;
	T(pipe(q));
	return 0;
}
