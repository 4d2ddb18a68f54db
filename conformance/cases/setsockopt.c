// covers: setsockopt ok EBADF ENOTSOCK ENOPROTOOPT EOPNOTSUPP EINVAL EFAULT
#include "ct.h"
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

static int geti(int s, int level, int opt)
{
	int v = -1;
	socklen_t len = sizeof v;
	if (getsockopt(s, level, opt, &v, &len))
		return -1000 - errno;
	return v;
}

int main(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0), one = 1, zero = 0;

	T(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
	V(geti(s, SOL_SOCKET, SO_REUSEADDR));
	T(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &zero, sizeof zero));
	V(geti(s, SOL_SOCKET, SO_REUSEADDR));
	int seven = 7;
	T(setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &seven, sizeof seven));  /* any non-zero */
	V(geti(s, SOL_SOCKET, SO_KEEPALIVE));
	T(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
	V(geti(s, IPPROTO_TCP, TCP_NODELAY));
	int ttl = 33;
	T(setsockopt(s, IPPROTO_IP, IP_TTL, &ttl, sizeof ttl));
	V(geti(s, IPPROTO_IP, IP_TTL));

	/* The kernel doubles buffer sizes (room for its bookkeeping). */
	int rcv = 8192;
	T(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof rcv));
	V(geti(s, SOL_SOCKET, SO_RCVBUF));

	/* A struct option. */
	struct linger lg = { 1, 5 }, got = { 0, 0 };
	T(setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
	socklen_t len = sizeof got;
	T(getsockopt(s, SOL_SOCKET, SO_LINGER, &got, &len));
	SAY("linger %d %d", got.l_onoff, got.l_linger);

	/* A longer option value is fine; a shorter one is not. */
	long long wide = 1;
	T(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &wide, sizeof wide));
	T(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, 2));
	T(setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg - 1));
	T(setsockopt(s, IPPROTO_IP, IP_TTL, &(int){ 256 }, sizeof(int)));  /* TTL range */
	T(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, BADPTR, sizeof one));
	T(setsockopt(s, SOL_SOCKET, 9999, &one, sizeof one));
	T(setsockopt(s, IPPROTO_TCP, 9999, &one, sizeof one));
	T(setsockopt(s, 9999, 1, &one, sizeof one));
	int u = socket(AF_UNIX, SOCK_STREAM, 0);
	T(setsockopt(u, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));  /* not TCP */
	T(setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
	int fd = open(".", O_RDONLY);
	T(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
	return 0;
}
