// covers: sendmsg ok EBADF ENOTSOCK EFAULT EMSGSIZE EINVAL EPIPE EDESTADDRREQ ENOTCONN EAGAIN
#include "ct.h"
#include <limits.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>

int main(void)
{
	int sv[2];
	char buf[64] = {0};
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);

	/* Gather three pieces into one stream write. */
	struct iovec iov[3] = { { "one ", 4 }, { "two ", 4 }, { "three", 5 } };
	struct msghdr m = { .msg_iov = iov, .msg_iovlen = 3 };
	V(sendmsg(sv[0], &m, 0));
	V(read(sv[1], buf, sizeof buf));
	SAY("got %s", buf);
	m.msg_iovlen = 0;
	V(sendmsg(sv[0], &m, 0));        /* nothing to send */

	/* A datagram to msg_name. */
	struct sockaddr_in ra = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof ra;
	int r = socket(AF_INET, SOCK_DGRAM, 0), u = socket(AF_INET, SOCK_DGRAM, 0);
	bind(r, (struct sockaddr *)&ra, sizeof ra);
	getsockname(r, (struct sockaddr *)&ra, &len);
	struct msghdr dm = { .msg_name = &ra, .msg_namelen = sizeof ra, .msg_iov = iov, .msg_iovlen = 2 };
	V(sendmsg(u, &dm, 0));
	V(recv(r, buf, sizeof buf, 0));   /* one datagram of both pieces */
	dm.msg_name = NULL;
	dm.msg_namelen = 0;
	T(sendmsg(u, &dm, 0));
	dm.msg_name = BADPTR;
	dm.msg_namelen = sizeof ra;
	T(sendmsg(u, &dm, 0));

	/* Bad message headers and iovecs. */
	m.msg_iovlen = 1;
	T(syscall(SYS_sendmsg, sv[0], BADPTR, 0));   /* musl's wrapper reads the header */
	struct iovec biov = { BADPTR, 8 };
	struct msghdr bm = { .msg_iov = &biov, .msg_iovlen = 1 };
	T(sendmsg(sv[0], &bm, 0));
	bm.msg_iov = BADPTR;
	T(sendmsg(sv[0], &bm, 0));
	bm.msg_iov = iov;
	bm.msg_iovlen = IOV_MAX + 1;      /* too many iovecs */
	T(sendmsg(sv[0], &bm, 0));

	/* A control message whose length is shorter than its header. */
	char cbuf[CMSG_SPACE(sizeof(int))];
	memset(cbuf, 0, sizeof cbuf);
	struct msghdr cm = { .msg_iov = iov, .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf };
	struct cmsghdr *c = CMSG_FIRSTHDR(&cm);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = 2;
	T(sendmsg(sv[0], &cm, 0));
	c->cmsg_len = CMSG_LEN(sizeof(int));
	c->cmsg_type = 99;                 /* unknown SOL_SOCKET message */
	T(sendmsg(sv[0], &cm, 0));

	T(sendmsg(-1, &m, 0));
	int fd = open(".", O_RDONLY);
	T(sendmsg(fd, &m, 0));
	int us = socket(AF_UNIX, SOCK_STREAM, 0);
	T(sendmsg(us, &m, 0));

	/* Full non-blocking socket. */
	static char big[4096];
	struct iovec bigv = { big, sizeof big };
	struct msghdr fm = { .msg_iov = &bigv, .msg_iovlen = 1 };
	long n;
	while ((n = sendmsg(sv[0], &fm, MSG_DONTWAIT)) > 0)
		;
	T(sendmsg(sv[0], &fm, MSG_DONTWAIT));

	close(sv[1]);
	T(sendmsg(sv[0], &m, MSG_NOSIGNAL));
	return 0;
}
