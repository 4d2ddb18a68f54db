/* TCP echo on 127.0.0.1 within one process (listen, connect, accept, send,
 * recv, poll, shutdown), plus inet_pton/ntop and getaddrinfo on a numeric host. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

int main(void)
{
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	int one = 1;
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0 };
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	if (bind(ls, (struct sockaddr *)&a, sizeof a) || listen(ls, 4)) { perror("bind/listen"); return 1; }
	socklen_t al = sizeof a;
	getsockname(ls, (struct sockaddr *)&a, &al);
	printf("listening, port assigned %d, len %u\n", ntohs(a.sin_port) != 0, (unsigned)al);

	int c = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&a, sizeof a)) { perror("connect"); return 1; }
	setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	struct sockaddr_in peer;
	socklen_t pl = sizeof peer;
	int s = accept(ls, (struct sockaddr *)&peer, &pl);
	char ip[INET_ADDRSTRLEN];
	printf("accepted %d from %s\n", s >= 0, inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof ip));

	long total = 0;
	for (int i = 0; i < 100; i++) {
		char msg[64], buf[64];
		int n = snprintf(msg, sizeof msg, "message %d", i);
		if (send(c, msg, n, 0) != n) { perror("send"); return 1; }
		struct pollfd pf = { .fd = s, .events = POLLIN };
		if (poll(&pf, 1, 5000) != 1) { printf("poll timeout\n"); return 1; }
		int r = recv(s, buf, sizeof buf, 0);
		if (send(s, buf, r, 0) != r) { perror("echo"); return 1; }
		int got = 0;
		while (got < n) { int k = read(c, buf + got, n - got); if (k <= 0) break; got += k; }
		if (got != n || memcmp(buf, msg, n)) { printf("mismatch at %d\n", i); return 1; }
		total += got;
	}
	printf("echoed 100 messages, %ld bytes\n", total);
	shutdown(c, SHUT_WR);
	char b;
	printf("server sees EOF %zd\n", recv(s, &b, 1, 0));
	close(c); close(s); close(ls);

	struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICHOST }, *res;
	int e = getaddrinfo("127.0.0.1", "8080", &hints, &res);
	if (e) { printf("getaddrinfo %s\n", gai_strerror(e)); return 1; }
	struct sockaddr_in *sa = (struct sockaddr_in *)res->ai_addr;
	printf("getaddrinfo %s:%d\n", inet_ntop(AF_INET, &sa->sin_addr, ip, sizeof ip), ntohs(sa->sin_port));
	freeaddrinfo(res);
	return 0;
}
