// covers: accept EAGAIN EFAULT EINVAL
// covers: recvfrom ok EAGAIN EFAULT EINVAL
/* accept(2) and recvfrom(2) with a bad address buffer or length fail after the
 * kernel took the connection or datagram off the queue: it is lost, not left for
 * the next call. An address buffer the kernel does not need is not checked. */
#include "ct.h"
#include <sys/socket.h>
#include <netinet/in.h>

static struct sockaddr_in la;

static int listener(int flags)
{
	socklen_t len = sizeof la;
	int l = socket(AF_INET, SOCK_STREAM | flags, 0);
	memset(&la, 0, sizeof la);
	la.sin_family = AF_INET;
	la.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(l, (struct sockaddr *)&la, sizeof la);
	getsockname(l, (struct sockaddr *)&la, &len);
	listen(l, 8);
	return l;
}

static int dial(void)
{
	int c = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&la, sizeof la))
		SAY("connect failed");
	return c;
}

int main(void)
{
	struct sockaddr_in peer;
	socklen_t len;
	int l = listener(SOCK_NONBLOCK);

	dial();
	len = sizeof peer;
	T(accept(l, BADPTR, &len));
	T(accept(l, NULL, NULL));
	dial();
	T(accept(l, (struct sockaddr *)&peer, BADPTR));
	T(accept(l, NULL, NULL));
	dial();
	len = -1;
	T(accept(l, (struct sockaddr *)&peer, &len));
	T(accept(l, NULL, NULL));

	struct sockaddr_in ra = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	char buf[16];
	int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
	len = sizeof ra;
	bind(r, (struct sockaddr *)&ra, sizeof ra);
	getsockname(r, (struct sockaddr *)&ra, &len);
	sendto(s, "a", 1, 0, (struct sockaddr *)&ra, sizeof ra);
	T(recvfrom(r, buf, sizeof buf, 0, BADPTR, &len));
	T(recvfrom(r, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL));
	sendto(s, "b", 1, 0, (struct sockaddr *)&ra, sizeof ra);
	T(recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&peer, BADPTR));
	T(recvfrom(r, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL));
	sendto(s, "c", 1, 0, (struct sockaddr *)&ra, sizeof ra);
	len = -1;
	T(recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&peer, &len));
	T(recvfrom(r, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL));

	/* A connected stream has no address to store: the buffer is not used. */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "xyz", 3);
	len = sizeof peer;
	V(recvfrom(sv[1], buf, 1, 0, BADPTR, &len));
	V(len);
	V(recvfrom(sv[1], buf, sizeof buf, MSG_DONTWAIT, NULL, NULL));
	return 0;
}
