// covers: accept4 ok EINVAL EAGAIN EBADF ENOTSOCK
#include "ct.h"
#include <sys/socket.h>
#include <sys/un.h>

/* The raw call: musl's accept4() retries EINVAL as accept(), and flags 0 go to accept. */
#define accept4(...) syscall(SYS_accept4, __VA_ARGS__)

int main(void)
{
	char name[64];
	struct sockaddr_un a = { .sun_family = AF_UNIX }, peer;
	int n = snprintf(name, sizeof name, "ct-accept4-%d", getpid());
	memcpy(a.sun_path + 1, name, n);   /* abstract address */
	socklen_t alen = sizeof(sa_family_t) + 1 + n, len;

	int l = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(l, (struct sockaddr *)&a, alen);
	listen(l, 4);
	int c1 = socket(AF_UNIX, SOCK_STREAM, 0), c2 = socket(AF_UNIX, SOCK_STREAM, 0);
	connect(c1, (struct sockaddr *)&a, alen);
	connect(c2, (struct sockaddr *)&a, alen);

	int s;
	T(s = accept4(l, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC));
	EXPECT(fcntl(s, F_GETFL) & O_NONBLOCK);
	EXPECT(fcntl(s, F_GETFD) & FD_CLOEXEC);
	char buf[4];
	T(read(s, buf, sizeof buf));       /* non-blocking, nothing sent */
	len = sizeof peer;
	T(s = accept4(l, (struct sockaddr *)&peer, &len, 0));
	V(len);                            /* the client is unnamed: family only */
	EXPECT(!(fcntl(s, F_GETFL) & O_NONBLOCK) && !(fcntl(s, F_GETFD) & FD_CLOEXEC));

	T(accept4(l, NULL, NULL, O_APPEND));   /* only NONBLOCK and CLOEXEC are flags */
	int nb = fcntl(l, F_GETFL);
	fcntl(l, F_SETFL, nb | O_NONBLOCK);
	T(accept4(l, NULL, NULL, SOCK_CLOEXEC));
	T(accept4(-1, NULL, NULL, 0));
	int fd = open(".", O_RDONLY);
	T(accept4(fd, NULL, NULL, 0));
	return 0;
}
