// covers: recvmsg ok
// covers: sendmsg ok EINVAL
// covers: setsockopt ok
/* Control messages other than descriptors: SCM_CREDENTIALS and IP_PKTINFO. */
#include "ct.h"
#include <sys/socket.h>
#include <netinet/in.h>

static struct cmsghdr *first(struct msghdr *m, int level, int type)
{
	for (struct cmsghdr *c = CMSG_FIRSTHDR(m); c; c = CMSG_NXTHDR(m, c))
		if (c->cmsg_level == level && c->cmsg_type == type)
			return c;
	return NULL;
}

int main(void)
{
	int sv[2], one = 1;
	char data[8], cbuf[256];
	struct iovec iov = { data, sizeof data };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf };
	struct cmsghdr *c;

	/* The receiver asks for credentials; the kernel attaches the sender's. */
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	T(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one));
	send(sv[0], "cred", 4, 0);
	V(recvmsg(sv[1], &m, 0));
	EXPECT((c = first(&m, SOL_SOCKET, SCM_CREDENTIALS)) != NULL);
	if (c) {
		struct ucred u;
		memcpy(&u, CMSG_DATA(c), sizeof u);
		EXPECT(c->cmsg_len == CMSG_LEN(sizeof u));
		EXPECT(u.pid == getpid() && u.uid == getuid() && u.gid == getgid());
	}
	EXPECT(m.msg_controllen == CMSG_SPACE(sizeof(struct ucred)));

	/* The sender states its credentials explicitly: its own are fine. */
	struct ucred mine = { getpid(), getuid(), getgid() };
	char sbuf[CMSG_SPACE(sizeof mine)];
	memset(sbuf, 0, sizeof sbuf);
	struct iovec siov = { "x", 1 };
	struct msghdr sm = { .msg_iov = &siov, .msg_iovlen = 1, .msg_control = sbuf, .msg_controllen = sizeof sbuf };
	c = CMSG_FIRSTHDR(&sm);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_CREDENTIALS;
	c->cmsg_len = CMSG_LEN(sizeof mine);
	memcpy(CMSG_DATA(c), &mine, sizeof mine);
	V(sendmsg(sv[0], &sm, 0));
	/* A credentials message of the wrong size. */
	c->cmsg_len = CMSG_LEN(sizeof mine - 4);
	T(sendmsg(sv[0], &sm, 0));

	/* IP_PKTINFO: the local address a UDP datagram arrived on. */
	struct sockaddr_in ra = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof ra;
	int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
	bind(r, (struct sockaddr *)&ra, sizeof ra);
	getsockname(r, (struct sockaddr *)&ra, &len);
	T(setsockopt(r, IPPROTO_IP, IP_PKTINFO, &one, sizeof one));
	sendto(s, "pkt", 3, 0, (struct sockaddr *)&ra, sizeof ra);
	m.msg_controllen = sizeof cbuf;
	V(recvmsg(r, &m, 0));
	EXPECT((c = first(&m, IPPROTO_IP, IP_PKTINFO)) != NULL);
	if (c) {
		struct in_pktinfo pi;
		memcpy(&pi, CMSG_DATA(c), sizeof pi);
		EXPECT(pi.ipi_addr.s_addr == htonl(INADDR_LOOPBACK) && pi.ipi_ifindex > 0);
	}
	return 0;
}
