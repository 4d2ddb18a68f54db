// covers: recvmsg ok EAGAIN EBADF ENOTSOCK EFAULT EMSGSIZE ENOTCONN
#include "ct.h"
#include <limits.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>

int main(void)
{
	struct sockaddr_in ra = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in sa = ra, from, want;
	socklen_t len = sizeof ra;
	int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
	bind(r, (struct sockaddr *)&ra, sizeof ra);
	getsockname(r, (struct sockaddr *)&ra, &len);
	bind(s, (struct sockaddr *)&sa, sizeof sa);
	len = sizeof want;
	getsockname(s, (struct sockaddr *)&want, &len);

	/* Scatter one datagram over two buffers; the sender's address comes back. */
	char a[4] = {0}, b[8] = {0};
	char name[64];
	struct iovec iov[2] = { { a, 3 }, { b, 7 } };
	struct msghdr m = { .msg_name = name, .msg_namelen = sizeof name, .msg_iov = iov, .msg_iovlen = 2,
			    .msg_flags = -1 };
	sendto(s, "abcdefgh", 8, 0, (struct sockaddr *)&ra, sizeof ra);
	V(recvmsg(r, &m, 0));
	SAY("%s|%s", a, b);
	V(m.msg_namelen);
	memcpy(&from, name, sizeof from);
	EXPECT(from.sin_port == want.sin_port && from.sin_addr.s_addr == want.sin_addr.s_addr);
	V(m.msg_flags);                    /* cleared */
	V(m.msg_controllen);               /* no control data */

	/* A datagram bigger than the buffers: MSG_TRUNC in msg_flags. */
	sendto(s, "0123456789abcdef", 16, 0, (struct sockaddr *)&ra, sizeof ra);
	m.msg_namelen = sizeof name;
	V(recvmsg(r, &m, MSG_PEEK));
	EXPECT(m.msg_flags & MSG_TRUNC);
	V(recvmsg(r, &m, MSG_TRUNC));      /* returns the real size */
	m.msg_name = NULL;
	T(recvmsg(r, &m, MSG_DONTWAIT));

	/* Stream: MSG_WAITALL fills both buffers from two writes. */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "xyz", 3);
	write(sv[0], "1234567", 7);
	memset(a, 0, sizeof a); memset(b, 0, sizeof b);
	struct msghdr sm = { .msg_iov = iov, .msg_iovlen = 2 };
	V(recvmsg(sv[1], &sm, MSG_WAITALL));
	SAY("%s|%s", a, b);
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
	T(recvmsg(sv[1], &sm, 0));
	write(sv[0], "q", 1);
	struct iovec biov = { BADPTR, 8 };
	struct msghdr bm = { .msg_iov = &biov, .msg_iovlen = 1 };
	T(recvmsg(sv[1], &bm, 0));
	bm.msg_iov = BADPTR;
	T(recvmsg(sv[1], &bm, 0));
	T(syscall(SYS_recvmsg, sv[1], BADPTR, 0));   /* musl's wrapper reads the header */
	bm.msg_iov = iov;
	bm.msg_iovlen = IOV_MAX + 1;
	T(recvmsg(sv[1], &bm, 0));
	V(recvmsg(sv[1], &sm, 0));                   /* the byte is still there */
	close(sv[0]);
	V(recvmsg(sv[1], &sm, 0));                   /* end of file */

	int t = socket(AF_INET, SOCK_STREAM, 0);
	T(recvmsg(t, &sm, 0));
	T(recvmsg(-1, &sm, 0));
	int fd = open(".", O_RDONLY);
	T(recvmsg(fd, &sm, 0));
	return 0;
}
