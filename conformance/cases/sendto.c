// covers: sendto ok EDESTADDRREQ EPIPE ENOTCONN EISCONN EMSGSIZE EAGAIN EBADF ENOTSOCK EFAULT EINVAL EAFNOSUPPORT
#include "ct.h"
#include <signal.h>
#include <sys/socket.h>
#include <netinet/in.h>

int main(void)
{
	struct sockaddr_in ua = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof ua;
	char buf[64] = {0};

	int r = socket(AF_INET, SOCK_DGRAM, 0), u = socket(AF_INET, SOCK_DGRAM, 0);
	bind(r, (struct sockaddr *)&ua, sizeof ua);
	getsockname(r, (struct sockaddr *)&ua, &len);
	V(sendto(u, "hello", 5, 0, (struct sockaddr *)&ua, sizeof ua));
	V(recv(r, buf, sizeof buf, 0));
	SAY("got %s", buf);
	V(sendto(u, "", 0, 0, (struct sockaddr *)&ua, sizeof ua));   /* empty datagram */
	V(recv(r, buf, sizeof buf, 0));
	T(sendto(u, "x", 1, 0, NULL, 0));                  /* no destination */
	T(sendto(u, "x", 1, 0, (struct sockaddr *)&ua, 4)); /* address too short */
	struct sockaddr_in bad = ua;
	bad.sin_family = AF_UNIX;
	T(sendto(u, "x", 1, 0, (struct sockaddr *)&bad, sizeof bad));
	T(sendto(u, "x", 1, 0, BADPTR, sizeof ua));
	T(sendto(u, BADPTR, 1, 0, (struct sockaddr *)&ua, sizeof ua));
	static char huge[70000];
	T(sendto(u, huge, sizeof huge, 0, (struct sockaddr *)&ua, sizeof ua));  /* over 64 KiB */
	T(sendto(-1, "x", 1, 0, NULL, 0));
	int fd = open(".", O_RDONLY);
	T(sendto(fd, "x", 1, 0, NULL, 0));

	/* Stream sockets. */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	V(sendto(sv[0], "abc", 3, 0, NULL, 0));
	V(recv(sv[1], buf, sizeof buf, 0));
	T(sendto(sv[0], "abc", 3, 0, (struct sockaddr *)&ua, sizeof ua));  /* connected already */
	int us = socket(AF_UNIX, SOCK_STREAM, 0);
	T(sendto(us, "x", 1, 0, NULL, 0));

	/* Fill a non-blocking pair. */
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	long total = 0, n;
	while ((n = sendto(sv[0], huge, 4096, 0, NULL, 0)) > 0)
		total += n;
	SAY("filled: %s", n == -1 && errno == EAGAIN && total > 0 ? "EAGAIN" : "no");
	T(sendto(sv[0], "x", 1, MSG_DONTWAIT, NULL, 0));

	/* Peer gone: EPIPE, and SIGPIPE unless MSG_NOSIGNAL. */
	close(sv[1]);
	T(sendto(sv[0], "x", 1, MSG_NOSIGNAL, NULL, 0));
	pid_t pid = fork();
	if (pid == 0) {
		sendto(sv[0], "x", 1, 0, NULL, 0);
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	SAY("child killed by SIGPIPE: %s", WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE ? "yes" : "no");
	signal(SIGPIPE, SIG_IGN);
	T(sendto(sv[0], "x", 1, 0, NULL, 0));
	return 0;
}
