// covers: setsockopt ok EINVAL EDOM
// covers: getsockopt ok
// covers: recvfrom EAGAIN
/* SO_RCVTIMEO / SO_SNDTIMEO take a struct timeval. */
#include "ct.h"
#include <time.h>
#include <sys/socket.h>
#include <sys/time.h>

static long ms_since(struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

int main(void)
{
	int sv[2];
	char buf[8];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);

	struct timeval tv = { 0, 50000 }, got = { -1, -1 };
	socklen_t len = sizeof got;
	T(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
	T(getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &got, &len));
	EXPECT(len == sizeof got);
	SAY("rcvtimeo %lld.%06lld", (long long)got.tv_sec, (long long)got.tv_usec);

	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	T(recv(sv[0], buf, sizeof buf, 0));   /* times out */
	long ms = ms_since(&t0);
	EXPECT(ms >= 45 && ms < 2000);

	tv.tv_sec = 3;
	tv.tv_usec = 250000;
	T(setsockopt(sv[0], SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv));
	len = sizeof got;
	T(getsockopt(sv[0], SOL_SOCKET, SO_SNDTIMEO, &got, &len));
	SAY("sndtimeo %lld.%06lld", (long long)got.tv_sec, (long long)got.tv_usec);

	tv.tv_usec = 1000000;                  /* out of range */
	T(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
	tv.tv_usec = 0;
	T(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv - 1));
	return 0;
}
