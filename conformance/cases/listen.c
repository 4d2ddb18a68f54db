// covers: listen ok EBADF ENOTSOCK EOPNOTSUPP EINVAL
#include "ct.h"
#include <sys/socket.h>
#include <netinet/in.h>

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof a;
	int acc = -1;

	int s = socket(AF_INET, SOCK_STREAM, 0);
	bind(s, (struct sockaddr *)&a, sizeof a);
	T(listen(s, 5));
	T(listen(s, 10));              /* again: only changes the backlog */
	len = sizeof acc;
	T(getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &acc, &len));
	V(acc);

	int s2 = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_port = 0;
	bind(s2, (struct sockaddr *)&a, sizeof a);
	T(listen(s2, -1));             /* negative backlog is allowed */
	close(s2);

	int u = socket(AF_INET, SOCK_DGRAM, 0);
	T(listen(u, 1));               /* datagram sockets do not listen */
	int ud = socket(AF_UNIX, SOCK_DGRAM, 0);
	T(listen(ud, 1));
	int us = socket(AF_UNIX, SOCK_STREAM, 0);
	T(listen(us, 1));              /* unbound unix stream socket */

	/* Connected sockets cannot listen. */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	T(listen(sv[0], 1));

	T(listen(-1, 1));
	T(listen(1 << 20, 1));
	int fd = open(".", O_RDONLY);
	T(listen(fd, 1));
	return 0;
}
