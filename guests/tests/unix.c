/* AF_UNIX: socketpair, sendmsg/recvmsg with SCM_RIGHTS (cmsg layout and
 * CMSG_* macros as on x86_64), a datagram pair, msg_flags write-back. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/uio.h>

int main(void)
{
	printf("CMSG_SPACE(4) %zu CMSG_LEN(4) %zu CMSG_SPACE(8) %zu sizeof cmsghdr %zu\n",
	       (size_t)CMSG_SPACE(4), (size_t)CMSG_LEN(4), (size_t)CMSG_SPACE(8), sizeof(struct cmsghdr));
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) { perror("socketpair"); return 1; }
	int p[2];
	pipe(p);
	write(p[1], "through passed fd", 17);
	close(p[1]);

	char data[] = "hello";
	struct iovec iov = { data, 5 };
	union { char buf[CMSG_SPACE(2 * sizeof(int))]; struct cmsghdr align; } u;
	memset(&u, 0, sizeof u);
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = CMSG_SPACE(2 * sizeof(int)) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	int fds[2] = { p[0], 0 };
	memcpy(CMSG_DATA(c), fds, sizeof fds);
	printf("sendmsg %zd\n", sendmsg(sv[0], &m, 0));
	close(p[0]);

	char rbuf[16] = {0};
	struct iovec riov = { rbuf, sizeof rbuf - 1 };
	union { char buf[CMSG_SPACE(2 * sizeof(int))]; struct cmsghdr align; } ru;
	struct msghdr rm = { .msg_iov = &riov, .msg_iovlen = 1, .msg_control = ru.buf, .msg_controllen = sizeof ru.buf };
	ssize_t n = recvmsg(sv[1], &rm, 0);
	printf("recvmsg %zd [%s] controllen %zu flags %d\n", n, rbuf, (size_t)rm.msg_controllen, rm.msg_flags);
	int nfds = 0;
	for (struct cmsghdr *rc = CMSG_FIRSTHDR(&rm); rc; rc = CMSG_NXTHDR(&rm, rc)) {
		if (rc->cmsg_level == SOL_SOCKET && rc->cmsg_type == SCM_RIGHTS) {
			int got[2];
			nfds = (rc->cmsg_len - CMSG_LEN(0)) / sizeof(int);
			memcpy(got, CMSG_DATA(rc), nfds * sizeof(int));
			char b[32] = {0};
			read(got[0], b, sizeof b - 1);
			printf("received %d fds, first reads [%s]\n", nfds, b);
			for (int i = 0; i < nfds; i++) close(got[i]);
		}
	}

	int dv[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, dv);
	send(dv[0], "0123456789", 10, 0);
	char small[4];
	struct iovec siov = { small, sizeof small };
	struct msghdr sm = { .msg_iov = &siov, .msg_iovlen = 1 };
	n = recvmsg(dv[1], &sm, 0);
	printf("truncated datagram %zd flags MSG_TRUNC %d\n", n, !!(sm.msg_flags & MSG_TRUNC));
	return 0;
}
