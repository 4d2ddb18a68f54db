// covers: getpeername ok ENOTCONN EBADF ENOTSOCK EFAULT EINVAL
#include "ct.h"
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

int main(void)
{
	struct sockaddr_in la = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, got, mine;
	socklen_t len;

	int l = socket(AF_INET, SOCK_STREAM, 0);
	len = sizeof got;
	T(getpeername(l, (struct sockaddr *)&got, &len));   /* not connected */
	bind(l, (struct sockaddr *)&la, sizeof la);
	len = sizeof la;
	getsockname(l, (struct sockaddr *)&la, &len);
	listen(l, 1);
	len = sizeof got;
	T(getpeername(l, (struct sockaddr *)&got, &len));   /* listening is not connected */

	int c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (struct sockaddr *)&la, sizeof la);
	int a = accept(l, NULL, NULL);
	len = sizeof got;
	T(getpeername(c, (struct sockaddr *)&got, &len));
	V(len);
	EXPECT(got.sin_port == la.sin_port && got.sin_addr.s_addr == la.sin_addr.s_addr);
	len = sizeof got;
	T(getpeername(a, (struct sockaddr *)&got, &len));
	socklen_t ml = sizeof mine;
	getsockname(c, (struct sockaddr *)&mine, &ml);
	EXPECT(got.sin_port == mine.sin_port);
	len = 4;
	memset(&got, 0, sizeof got);
	T(getpeername(c, (struct sockaddr *)&got, &len));  /* truncated */
	V(len);
	EXPECT(got.sin_port == la.sin_port && got.sin_addr.s_addr == 0);

	/* After the peer closes, a TCP socket still has its peer name. */
	close(a);
	len = sizeof got;
	T(getpeername(c, (struct sockaddr *)&got, &len));

	/* Unix pairs have unnamed peers; a named listener shows up on the client. */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	struct sockaddr_un ua;
	len = sizeof ua;
	T(getpeername(sv[0], (struct sockaddr *)&ua, &len));
	V(len);
	struct sockaddr_un path = { .sun_family = AF_UNIX, .sun_path = "srv" };
	int ul = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(ul, (struct sockaddr *)&path, sizeof path);
	listen(ul, 1);
	int uc = socket(AF_UNIX, SOCK_STREAM, 0);
	connect(uc, (struct sockaddr *)&path, sizeof path);
	len = sizeof ua;
	T(getpeername(uc, (struct sockaddr *)&ua, &len));
	SAY("peer %s", ua.sun_path);

	len = sizeof got;
	T(getpeername(-1, (struct sockaddr *)&got, &len));
	int fd = open(".", O_RDONLY);
	T(getpeername(fd, (struct sockaddr *)&got, &len));
	T(getpeername(c, BADPTR, &len));
	T(getpeername(c, (struct sockaddr *)&got, BADPTR));
	len = -1;
	T(getpeername(c, (struct sockaddr *)&got, &len));
	return 0;
}
