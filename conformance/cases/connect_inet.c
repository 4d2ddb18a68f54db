// covers: connect ok ECONNREFUSED EISCONN EBADF ENOTSOCK EFAULT EINVAL EAFNOSUPPORT EINPROGRESS
#include "ct.h"
#include <poll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

/* A socket bound to 127.0.0.1 on a port the kernel picks; *addr gets the address. */
static int bound(int type, struct sockaddr_in *addr)
{
	socklen_t len = sizeof *addr;
	int s = socket(AF_INET, type, 0);
	memset(addr, 0, sizeof *addr);
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)addr, sizeof *addr) || getsockname(s, (struct sockaddr *)addr, &len))
		SAY("setup failed");
	return s;
}

int main(void)
{
	struct sockaddr_in la, peer;
	socklen_t len;
	int l = bound(SOCK_STREAM, &la);
	listen(l, 4);

	int c = socket(AF_INET, SOCK_STREAM, 0);
	T(connect(c, (struct sockaddr *)&la, sizeof la));
	len = sizeof peer;
	T(getpeername(c, (struct sockaddr *)&peer, &len));
	EXPECT(peer.sin_port == la.sin_port && peer.sin_addr.s_addr == la.sin_addr.s_addr);
	T(connect(c, (struct sockaddr *)&la, sizeof la));   /* already connected */
	int a = accept(l, NULL, NULL);
	V(write(c, "hi", 2));
	char buf[8];
	V(read(a, buf, sizeof buf));

	/* A bound but not listening port refuses. */
	struct sockaddr_in na;
	int nl = bound(SOCK_STREAM, &na);
	int c2 = socket(AF_INET, SOCK_STREAM, 0);
	T(connect(c2, (struct sockaddr *)&na, sizeof na));
	int err = -1;
	len = sizeof err;
	getsockopt(c2, SOL_SOCKET, SO_ERROR, &err, &len);
	V(err);                                   /* reported by connect, then cleared */

	int c3 = socket(AF_INET, SOCK_STREAM, 0);
	T(connect(c3, (struct sockaddr *)&la, sizeof la - 1));
	struct sockaddr_in bad = la;
	bad.sin_family = AF_UNIX;
	T(connect(c3, (struct sockaddr *)&bad, sizeof bad));
	T(connect(c3, BADPTR, sizeof la));
	T(connect(-1, (struct sockaddr *)&la, sizeof la));
	T(connect(1 << 20, (struct sockaddr *)&la, sizeof la));
	int fd = open(".", O_RDONLY);
	T(connect(fd, (struct sockaddr *)&la, sizeof la));

	/* Non-blocking: the handshake completes later; poll says writable, SO_ERROR 0. */
	int c4 = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	T(connect(c4, (struct sockaddr *)&la, sizeof la));
	struct pollfd p = { c4, POLLOUT, 0 };
	V(poll(&p, 1, 2000));
	EXPECT(p.revents & POLLOUT);
	err = -1;
	len = sizeof err;
	T(getsockopt(c4, SOL_SOCKET, SO_ERROR, &err, &len));
	V(err);
	T(connect(c4, (struct sockaddr *)&la, sizeof la));   /* now established */

	/* UDP: connect sets the default peer; AF_UNSPEC dissolves it. */
	struct sockaddr_in ua;
	int u = bound(SOCK_DGRAM, &ua);
	int uc = socket(AF_INET, SOCK_DGRAM, 0);
	T(connect(uc, (struct sockaddr *)&ua, sizeof ua));
	V(send(uc, "x", 1, 0));
	V(recv(u, buf, sizeof buf, 0));
	struct sockaddr unspec = { .sa_family = AF_UNSPEC };
	T(connect(uc, &unspec, sizeof unspec));
	len = sizeof peer;
	T(getpeername(uc, (struct sockaddr *)&peer, &len));
	close(nl);
	return 0;
}
