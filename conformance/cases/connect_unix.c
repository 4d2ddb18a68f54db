// covers: connect ok ENOENT ECONNREFUSED EPROTOTYPE EAGAIN EINVAL ENOTDIR
#include "ct.h"
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>

static socklen_t path_addr(struct sockaddr_un *a, const char *path)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	strcpy(a->sun_path, path);
	return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

int main(void)
{
	struct sockaddr_un a;
	socklen_t len;
	char buf[8];

	int l = socket(AF_UNIX, SOCK_STREAM, 0);
	len = path_addr(&a, "srv");
	bind(l, (struct sockaddr *)&a, len);
	listen(l, 1);
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	T(connect(c, (struct sockaddr *)&a, len));
	int s = accept(l, NULL, NULL);
	V(write(s, "yo", 2));
	V(read(c, buf, sizeof buf));

	/* Backlog full: a non-blocking connect does not wait. */
	int c1 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	int c2 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	int c3 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	T(connect(c1, (struct sockaddr *)&a, len));
	T(connect(c2, (struct sockaddr *)&a, len));
	T(connect(c3, (struct sockaddr *)&a, len));

	c = socket(AF_UNIX, SOCK_STREAM, 0);
	len = path_addr(&a, "missing");
	T(connect(c, (struct sockaddr *)&a, len));
	len = path_addr(&a, "srv/x");
	T(connect(c, (struct sockaddr *)&a, len));

	/* A socket file nobody listens on. */
	int b = socket(AF_UNIX, SOCK_STREAM, 0);
	len = path_addr(&a, "bound");
	bind(b, (struct sockaddr *)&a, len);
	T(connect(c, (struct sockaddr *)&a, len));
	close(b);
	T(connect(c, (struct sockaddr *)&a, len));    /* file left behind */

	/* Stream socket to a datagram socket. */
	int d = socket(AF_UNIX, SOCK_DGRAM, 0);
	len = path_addr(&a, "dgram");
	bind(d, (struct sockaddr *)&a, len);
	T(connect(c, (struct sockaddr *)&a, len));
	int dc = socket(AF_UNIX, SOCK_DGRAM, 0);
	T(connect(dc, (struct sockaddr *)&a, len));   /* datagram: sets the peer */
	V(send(dc, "dg", 2, 0));
	V(recv(d, buf, sizeof buf, 0));

	T(connect(c, (struct sockaddr *)&a, 1));     /* shorter than the family */
	return 0;
}
