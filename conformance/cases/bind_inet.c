// covers: bind ok EADDRINUSE EINVAL EBADF ENOTSOCK EFAULT EAFNOSUPPORT EADDRNOTAVAIL
#include "ct.h"
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static struct sockaddr_in loop(int port)
{
	struct sockaddr_in a = {0};
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

int main(void)
{
	struct sockaddr_in a = loop(0), got;
	socklen_t len = sizeof got;
	int s1 = socket(AF_INET, SOCK_STREAM, 0);
	int s2 = socket(AF_INET, SOCK_STREAM, 0);

	T(bind(s1, (struct sockaddr *)&a, sizeof a));   /* port 0: the kernel picks one */
	T(getsockname(s1, (struct sockaddr *)&got, &len));
	EXPECT(got.sin_port != 0);
	EXPECT(got.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
	T(listen(s1, 1));

	T(bind(s2, (struct sockaddr *)&got, sizeof got));  /* same port, listening */
	T(bind(s1, (struct sockaddr *)&a, sizeof a));      /* already bound */
	T(bind(s2, (struct sockaddr *)&a, sizeof a - 2));  /* address too short */
	struct sockaddr_in other = a;
	other.sin_family = AF_UNIX;
	T(bind(s2, (struct sockaddr *)&other, sizeof other));
	struct sockaddr_in far = loop(0);
	inet_pton(AF_INET, "192.0.2.1", &far.sin_addr);     /* not a local address */
	T(bind(s2, (struct sockaddr *)&far, sizeof far));
	T(bind(s2, BADPTR, sizeof a));
	T(bind(-1, (struct sockaddr *)&a, sizeof a));
	T(bind(1 << 20, (struct sockaddr *)&a, sizeof a));
	int fd = open(".", O_RDONLY);
	T(bind(fd, (struct sockaddr *)&a, sizeof a));       /* not a socket */

	/* SO_REUSEADDR lets a new socket bind a port that is only bound, not listening. */
	int s3 = socket(AF_INET, SOCK_STREAM, 0), s4 = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	T(bind(s3, (struct sockaddr *)&a, sizeof a));
	len = sizeof got;
	getsockname(s3, (struct sockaddr *)&got, &len);
	T(setsockopt(s3, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
	T(setsockopt(s4, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
	T(bind(s4, (struct sockaddr *)&got, sizeof got));
	return 0;
}
