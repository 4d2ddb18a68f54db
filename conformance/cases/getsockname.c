// covers: getsockname ok EBADF ENOTSOCK EFAULT EINVAL
#include "ct.h"
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, got;
	socklen_t len;

	int s = socket(AF_INET, SOCK_DGRAM, 0);
	len = sizeof got;
	T(getsockname(s, (struct sockaddr *)&got, &len));   /* unbound: 0.0.0.0:0 */
	V(len);
	EXPECT(got.sin_family == AF_INET && got.sin_port == 0 && got.sin_addr.s_addr == 0);
	bind(s, (struct sockaddr *)&a, sizeof a);
	len = sizeof got;
	T(getsockname(s, (struct sockaddr *)&got, &len));
	EXPECT(got.sin_port != 0 && got.sin_addr.s_addr == htonl(INADDR_LOOPBACK));

	/* A larger buffer: only the address is written, len says how much. */
	char big[64];
	memset(big, 0x5a, sizeof big);
	len = sizeof big;
	T(getsockname(s, (struct sockaddr *)big, &len));
	V(len);
	EXPECT(big[16] == 0x5a);

	/* A short buffer: truncated, len says the full size. */
	memset(big, 0x5a, sizeof big);
	len = 2;
	T(getsockname(s, (struct sockaddr *)big, &len));
	V(len);
	EXPECT(big[2] == 0x5a);
	len = 0;
	T(getsockname(s, NULL, &len));      /* nothing written at all */
	V(len);

	int u = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un ua;
	len = sizeof ua;
	T(getsockname(u, (struct sockaddr *)&ua, &len));    /* unbound unix: family only */
	V(len);
	V(ua.sun_family);

	len = sizeof got;
	T(getsockname(-1, (struct sockaddr *)&got, &len));
	int fd = open(".", O_RDONLY);
	T(getsockname(fd, (struct sockaddr *)&got, &len));
	T(getsockname(s, BADPTR, &len));
	T(getsockname(s, (struct sockaddr *)&got, BADPTR));
	len = -1;
	T(getsockname(s, (struct sockaddr *)&got, &len));
	return 0;
}
