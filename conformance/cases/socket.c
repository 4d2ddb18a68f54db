// covers: socket ok EAFNOSUPPORT EINVAL EPROTONOSUPPORT ESOCKTNOSUPPORT
#include "ct.h"
#include <sys/socket.h>
#include <netinet/in.h>

static void flags_of(const char *what, int fd)
{
	SAY("%s: cloexec=%d nonblock=%d", what, !!(fcntl(fd, F_GETFD) & FD_CLOEXEC),
	    !!(fcntl(fd, F_GETFL) & O_NONBLOCK));
}

int main(void)
{
	int fd;
	T(fd = socket(AF_INET, SOCK_STREAM, 0));
	flags_of("tcp", fd);
	close(fd);
	T(fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP));
	close(fd);
	T(fd = socket(AF_UNIX, SOCK_SEQPACKET, 0));
	close(fd);
	T(fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
	flags_of("unix dgram cloexec|nonblock", fd);
	close(fd);

	int a = socket(AF_UNIX, SOCK_STREAM, 0), b = socket(AF_UNIX, SOCK_STREAM, 0);
	EXPECT(b == a + 1);  /* lowest free descriptor */
	close(a); close(b);

	T(socket(12345, SOCK_STREAM, 0));                 /* no such family */
	T(socket(AF_INET, 77, 0));                        /* no such type */
	T(socket(AF_INET, SOCK_STREAM | 0x40000000, 0));  /* unknown type flag */
	T(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP));     /* protocol not of this type */
	T(socket(AF_UNIX, SOCK_STREAM, 5));               /* unix has only protocol 0 */
	T(socket(AF_INET, SOCK_SEQPACKET, 0));            /* inet has no seqpacket */
	return 0;
}
