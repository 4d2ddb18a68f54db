// covers: sendto ok ENOENT ECONNREFUSED EMSGSIZE EPERM
// covers: recvfrom ok
/* Unix datagram sockets addressed by path. */
#include "ct.h"
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>

static socklen_t path_addr(struct sockaddr_un *a, const char *path)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	strcpy(a->sun_path, path);
	return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

int main(void)
{
	struct sockaddr_un ra, sa, from;
	socklen_t rl = path_addr(&ra, "recv"), sl = path_addr(&sa, "send"), fl;
	char buf[32] = {0};
	int r = socket(AF_UNIX, SOCK_DGRAM, 0), s = socket(AF_UNIX, SOCK_DGRAM, 0);
	bind(r, (struct sockaddr *)&ra, rl);
	bind(s, (struct sockaddr *)&sa, sl);

	V(sendto(s, "hello", 5, 0, (struct sockaddr *)&ra, rl));
	fl = sizeof from;
	V(recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl));
	SAY("from %s (len ok %d)", from.sun_path, fl == sl);

	/* An unbound sender has no address. */
	int anon = socket(AF_UNIX, SOCK_DGRAM, 0);
	V(sendto(anon, "x", 1, 0, (struct sockaddr *)&ra, rl));
	fl = sizeof from;
	V(recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl));
	V(fl);

	/* A receiver connected to someone else refuses other senders. */
	int other = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un oa;
	socklen_t ol = path_addr(&oa, "other");
	bind(other, (struct sockaddr *)&oa, ol);
	connect(r, (struct sockaddr *)&oa, ol);
	T(sendto(s, "x", 1, 0, (struct sockaddr *)&ra, rl));
	V(sendto(other, "y", 1, 0, (struct sockaddr *)&ra, rl));

	struct sockaddr_un na;
	socklen_t nl = path_addr(&na, "nobody");
	T(sendto(s, "x", 1, 0, (struct sockaddr *)&na, nl));
	close(other);
	T(sendto(s, "x", 1, 0, (struct sockaddr *)&oa, ol));   /* socket closed, file left */
	close(open("plain", O_CREAT | O_WRONLY, 0644));
	nl = path_addr(&na, "plain");
	T(sendto(s, "x", 1, 0, (struct sockaddr *)&na, nl));   /* not a socket */

	int sndbuf = 4096;
	setsockopt(s, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
	static char big[300000];
	T(sendto(s, big, sizeof big, 0, (struct sockaddr *)&ra, rl));
	return 0;
}
