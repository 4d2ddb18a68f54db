// covers: socketpair ok EOPNOTSUPP EAFNOSUPPORT EFAULT EINVAL EPROTONOSUPPORT
#include "ct.h"
#include <sys/socket.h>

int main(void)
{
	int sv[2];
	char buf[16] = {0};

	T(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	EXPECT(sv[0] >= 0 && sv[1] >= 0 && sv[0] != sv[1]);
	V(write(sv[0], "ping", 4));
	V(read(sv[1], buf, sizeof buf));
	SAY("got %s", buf);
	V(write(sv[1], "pong", 4));   /* both ends are bidirectional */
	V(read(sv[0], buf, sizeof buf));
	SAY("got %s", buf);
	close(sv[0]);
	V(read(sv[1], buf, sizeof buf));  /* peer closed: end of file */
	close(sv[1]);

	T(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	V(send(sv[0], "a", 1, 0));
	V(send(sv[0], "bc", 2, 0));
	V(recv(sv[1], buf, sizeof buf, 0));   /* datagram boundaries kept */
	V(recv(sv[1], buf, sizeof buf, 0));
	close(sv[0]); close(sv[1]);

	T(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv));
	EXPECT(fcntl(sv[0], F_GETFD) & FD_CLOEXEC);
	EXPECT(fcntl(sv[1], F_GETFL) & O_NONBLOCK);
	T(recv(sv[1], buf, sizeof buf, 0));    /* nothing queued */
	close(sv[0]); close(sv[1]);

	T(socketpair(AF_INET, SOCK_STREAM, 0, sv));   /* inet has no pairs */
	T(socketpair(12345, SOCK_STREAM, 0, sv));
	T(socketpair(AF_UNIX, 77, 0, sv));
	T(socketpair(AF_UNIX, SOCK_STREAM, 9, sv));
	T(socketpair(AF_UNIX, SOCK_STREAM, 0, BADPTR));
	return 0;
}
