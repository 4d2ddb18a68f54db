// covers: sendmsg ok EBADF
// covers: recvmsg ok
/* Passing descriptors over a unix socket pair with SCM_RIGHTS. */
#include "ct.h"
#include <sys/socket.h>

static int send_fds(int s, const int *fds, int n, const char *data)
{
	char cbuf[CMSG_SPACE(4 * sizeof(int))];
	struct iovec iov = { (void *)data, strlen(data) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			    .msg_controllen = CMSG_SPACE(n * sizeof(int)) };
	memset(cbuf, 0, sizeof cbuf);
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(n * sizeof(int));
	memcpy(CMSG_DATA(c), fds, n * sizeof(int));
	return sendmsg(s, &m, 0);
}

/* Receive up to `room` descriptors into fds; returns the count, -1 on error. */
static int recv_fds(int s, int *fds, int room, int flags, int *mflags)
{
	char cbuf[CMSG_SPACE(4 * sizeof(int))], data[16];
	struct iovec iov = { data, sizeof data };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			    .msg_controllen = room ? CMSG_LEN(room * sizeof(int)) : 0 };
	long r = recvmsg(s, &m, flags);
	if (r < 0)
		return -1;
	*mflags = m.msg_flags;
	int n = 0;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) {
			SAY("unexpected cmsg");
			continue;
		}
		int k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		memcpy(fds + n, CMSG_DATA(c), k * sizeof(int));
		n += k;
	}
	return n;
}

int main(void)
{
	int sv[2], p[2], got[4], fl;
	char buf[16] = {0};
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pipe(p);

	/* Send a pipe's write end; write through the received copy. */
	V(send_fds(sv[0], &p[1], 1, "fd"));
	V(recv_fds(sv[1], got, 1, 0, &fl));
	EXPECT(got[0] != p[1] && got[0] >= 0);
	EXPECT(!(fcntl(got[0], F_GETFD) & FD_CLOEXEC));
	V(write(got[0], "via", 3));
	V(read(p[0], buf, sizeof buf));
	SAY("pipe got %s", buf);
	close(got[0]);

	/* A file: the received descriptor shares the file offset. */
	int f = open("file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(f, "0123456789", 10);
	lseek(f, 4, SEEK_SET);
	int two[2] = { f, p[0] };
	V(send_fds(sv[0], two, 2, "two"));
	V(recv_fds(sv[1], got, 2, MSG_CMSG_CLOEXEC, &fl));
	EXPECT(fcntl(got[0], F_GETFD) & FD_CLOEXEC);
	V(lseek(got[0], 0, SEEK_CUR));
	V(read(got[0], buf, 3));
	V(lseek(f, 0, SEEK_CUR));
	write(p[1], "z", 1);
	V(read(got[1], buf, 1));
	close(got[0]); close(got[1]);

	/* Too little control space: descriptors are dropped, MSG_CTRUNC set. */
	V(send_fds(sv[0], two, 2, "ct"));
	V(recv_fds(sv[1], got, 1, 0, &fl));
	EXPECT(fl & MSG_CTRUNC);
	V(send_fds(sv[0], two, 2, "none"));
	V(recv_fds(sv[1], got, 0, 0, &fl));
	EXPECT(fl & MSG_CTRUNC);

	/* Bad descriptors in the message. */
	int bad[1] = { 1 << 20 };
	T(send_fds(sv[0], bad, 1, "bad"));
	close(sv[1]);
	return 0;
}
