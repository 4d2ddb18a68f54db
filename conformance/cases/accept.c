// covers: accept ok EAGAIN EINVAL EOPNOTSUPP EBADF ENOTSOCK EFAULT
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
	struct sockaddr_in peer, mine;
	socklen_t len;
	int l = listener(SOCK_NONBLOCK);

	T(accept(l, NULL, NULL));            /* nothing pending */
	int c = dial();
	len = sizeof peer;
	int a;
	T(a = accept(l, (struct sockaddr *)&peer, &len));
	V(len);
	socklen_t ml = sizeof mine;
	getsockname(c, (struct sockaddr *)&mine, &ml);
	EXPECT(peer.sin_port == mine.sin_port && peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
	EXPECT(!(fcntl(a, F_GETFL) & O_NONBLOCK));   /* flags are not inherited */
	EXPECT(!(fcntl(a, F_GETFD) & FD_CLOEXEC));
	V(write(c, "abc", 3));
	char buf[8];
	V(read(a, buf, sizeof buf));

	/* A short buffer gets a truncated address and the full length. */
	dial();
	memset(&peer, 0xee, sizeof peer);
	len = 4;
	T(accept(l, (struct sockaddr *)&peer, &len));
	V(len);
	EXPECT(peer.sin_family == AF_INET && ((unsigned char *)&peer)[4] == 0xee);

	int l2 = socket(AF_INET, SOCK_STREAM, 0);
	T(accept(l2, NULL, NULL));           /* not listening */
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	T(accept(u, NULL, NULL));
	T(accept(-1, NULL, NULL));
	T(accept(1 << 20, NULL, NULL));
	int fd = open(".", O_RDONLY);
	T(accept(fd, NULL, NULL));

	/* A bad address buffer: EFAULT (sock_efault.c: what happens to the connection). */
	dial();
	T(accept(l, BADPTR, &len));
	return 0;
}
