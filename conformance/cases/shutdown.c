// covers: shutdown ok EINVAL ENOTCONN EBADF ENOTSOCK
#include "ct.h"
#include <signal.h>
#include <sys/socket.h>
#include <netinet/in.h>

int main(void)
{
	int sv[2];
	char buf[8];
	signal(SIGPIPE, SIG_IGN);

	/* SHUT_WR: the peer reads end of file; we can still read. */
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "ab", 2);
	T(shutdown(sv[0], SHUT_WR));
	V(read(sv[1], buf, sizeof buf));
	V(read(sv[1], buf, sizeof buf));
	T(write(sv[0], "x", 1));
	V(write(sv[1], "back", 4));
	V(read(sv[0], buf, sizeof buf));
	T(shutdown(sv[0], SHUT_WR));       /* again: fine */
	close(sv[0]); close(sv[1]);

	/* SHUT_RD: reads return end of file at once. */
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	T(shutdown(sv[1], SHUT_RD));
	V(read(sv[1], buf, sizeof buf));
	T(write(sv[0], "x", 1));            /* unix: the peer cannot send any more */
	close(sv[0]); close(sv[1]);

	/* TCP SHUT_RDWR. */
	struct sockaddr_in la = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof la;
	int l = socket(AF_INET, SOCK_STREAM, 0);
	bind(l, (struct sockaddr *)&la, sizeof la);
	getsockname(l, (struct sockaddr *)&la, &len);
	listen(l, 1);
	int c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (struct sockaddr *)&la, sizeof la);
	int a = accept(l, NULL, NULL);
	T(shutdown(c, SHUT_RDWR));
	V(read(a, buf, sizeof buf));
	V(read(c, buf, sizeof buf));
	T(write(c, "x", 1));

	T(shutdown(a, 3));                 /* no such "how" */
	T(shutdown(a, -1));
	int t = socket(AF_INET, SOCK_STREAM, 0);
	T(shutdown(t, SHUT_RDWR));         /* not connected */
	int u = socket(AF_UNIX, SOCK_STREAM, 0);
	T(shutdown(u, SHUT_WR));
	T(shutdown(-1, SHUT_RD));
	int fd = open(".", O_RDONLY);
	T(shutdown(fd, SHUT_RD));
	return 0;
}
