// covers: getsockopt ok EBADF ENOTSOCK ENOPROTOOPT EOPNOTSUPP EINVAL EFAULT
#include "ct.h"
#include <sys/socket.h>
#include <netinet/in.h>

static void show(int s, int level, int opt, const char *name)
{
	int v = -1;
	socklen_t len = sizeof v;
	if (getsockopt(s, level, opt, &v, &len))
		SAY("%s: %s", name, ct_errname(errno));
	else
		SAY("%s = %d (len %d)", name, v, (int)len);
}
#define SHOW(s, level, opt) show(s, level, opt, #s " " #opt)

int main(void)
{
	int t = socket(AF_INET, SOCK_STREAM, 0), u = socket(AF_INET, SOCK_DGRAM, 0);
	int us = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	SHOW(t, SOL_SOCKET, SO_TYPE);
	SHOW(u, SOL_SOCKET, SO_TYPE);
	SHOW(us, SOL_SOCKET, SO_TYPE);
	SHOW(t, SOL_SOCKET, SO_DOMAIN);
	SHOW(us, SOL_SOCKET, SO_DOMAIN);
	SHOW(t, SOL_SOCKET, SO_PROTOCOL);
	SHOW(u, SOL_SOCKET, SO_PROTOCOL);
	SHOW(t, SOL_SOCKET, SO_ERROR);
	SHOW(t, SOL_SOCKET, SO_ACCEPTCONN);
	SHOW(t, SOL_SOCKET, SO_REUSEADDR);
	SHOW(u, SOL_SOCKET, SO_BROADCAST);

	/* Short buffers: an int option is truncated, len says how much was written. */
	int v = 0;
	socklen_t len = 1;
	T(getsockopt(t, SOL_SOCKET, SO_TYPE, &v, &len));
	V(len);
	V(v);
	/* Longer buffers: len comes back as the option's size. */
	long long wide = -1;
	len = sizeof wide;
	T(getsockopt(t, SOL_SOCKET, SO_TYPE, &wide, &len));
	V(len);
	len = 0;
	T(getsockopt(t, SOL_SOCKET, SO_TYPE, NULL, &len));
	V(len);

	/* A refused connect returns its error itself: SO_ERROR is clear afterwards. */
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int b = socket(AF_INET, SOCK_STREAM, 0);
	len = sizeof a;
	bind(b, (struct sockaddr *)&a, sizeof a);     /* bound, not listening */
	getsockname(b, (struct sockaddr *)&a, &len);
	int c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (struct sockaddr *)&a, sizeof a);
	SHOW(c, SOL_SOCKET, SO_ERROR);

	len = sizeof v;
	T(getsockopt(t, SOL_SOCKET, 9999, &v, &len));
	T(getsockopt(t, 9999, 1, &v, &len));
	len = -1;
	T(getsockopt(t, SOL_SOCKET, SO_TYPE, &v, &len));
	len = sizeof v;
	T(getsockopt(t, SOL_SOCKET, SO_TYPE, BADPTR, &len));
	T(getsockopt(t, SOL_SOCKET, SO_TYPE, &v, BADPTR));
	T(getsockopt(-1, SOL_SOCKET, SO_TYPE, &v, &len));
	int fd = open(".", O_RDONLY);
	T(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len));
	return 0;
}
