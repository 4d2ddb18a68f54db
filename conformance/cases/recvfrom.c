// covers: recvfrom ok EAGAIN ENOTCONN EBADF ENOTSOCK EFAULT
#include "ct.h"
#include <sys/socket.h>
#include <netinet/in.h>

int main(void)
{
	struct sockaddr_in ra = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in sa = ra, from, want;
	socklen_t len = sizeof ra, flen;
	char buf[64];

	int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
	bind(r, (struct sockaddr *)&ra, sizeof ra);
	getsockname(r, (struct sockaddr *)&ra, &len);
	bind(s, (struct sockaddr *)&sa, sizeof sa);
	len = sizeof want;
	getsockname(s, (struct sockaddr *)&want, &len);

	sendto(s, "datagram", 8, 0, (struct sockaddr *)&ra, sizeof ra);
	memset(&from, 0, sizeof from);
	flen = sizeof from;
	V(recvfrom(r, buf, sizeof buf, MSG_PEEK, (struct sockaddr *)&from, &flen));
	V(flen);
	EXPECT(from.sin_port == want.sin_port && from.sin_addr.s_addr == want.sin_addr.s_addr);
	V(recvfrom(r, buf, 3, MSG_TRUNC | MSG_PEEK, NULL, NULL));   /* full datagram length */
	V(recvfrom(r, buf, 3, 0, NULL, NULL));    /* rest of the datagram is dropped */
	SAY("got %.3s", buf);
	T(recvfrom(r, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL));

	sendto(s, "", 0, 0, (struct sockaddr *)&ra, sizeof ra);
	V(recvfrom(r, buf, sizeof buf, 0, NULL, NULL));    /* empty datagram: 0 */

	/* A bad buffer: EFAULT (the datagram stays queued on Linux 6). */
	sendto(s, "lost", 4, 0, (struct sockaddr *)&ra, sizeof ra);
	T(recvfrom(r, BADPTR, sizeof buf, 0, NULL, NULL));
	T(recvfrom(r, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL));

	/* Stream: partial reads, end of file is 0. */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "abcdef", 6);
	V(recvfrom(sv[1], buf, 4, 0, NULL, NULL));
	V(recvfrom(sv[1], buf, sizeof buf, MSG_WAITALL | MSG_DONTWAIT, NULL, NULL));
	flen = sizeof from;
	write(sv[0], "g", 1);
	V(recvfrom(sv[1], buf, sizeof buf, 0, (struct sockaddr *)&from, &flen));
	V(flen);                                 /* connected stream: no address */
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
	T(recvfrom(sv[1], buf, sizeof buf, 0, NULL, NULL));
	close(sv[0]);
	V(recvfrom(sv[1], buf, sizeof buf, 0, NULL, NULL));

	int t = socket(AF_INET, SOCK_STREAM, 0);
	T(recvfrom(t, buf, sizeof buf, 0, NULL, NULL));   /* TCP, not connected */
	T(recvfrom(-1, buf, sizeof buf, 0, NULL, NULL));
	int fd = open(".", O_RDONLY);
	T(recvfrom(fd, buf, sizeof buf, 0, NULL, NULL));
	return 0;
}
