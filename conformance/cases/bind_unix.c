// covers: bind ok EADDRINUSE ENOENT ENOTDIR EINVAL
#include "ct.h"
#include <sys/socket.h>
#include <sys/un.h>
#include <stddef.h>

static socklen_t path_addr(struct sockaddr_un *a, const char *path)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	strcpy(a->sun_path, path);
	return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

int main(void)
{
	struct sockaddr_un a, got;
	socklen_t len, glen;
	struct stat st;
	int s1 = socket(AF_UNIX, SOCK_STREAM, 0), s2 = socket(AF_UNIX, SOCK_STREAM, 0);

	len = path_addr(&a, "sock");
	T(bind(s1, (struct sockaddr *)&a, len));
	T(stat("sock", &st));
	EXPECT(S_ISSOCK(st.st_mode));
	glen = sizeof got;
	T(getsockname(s1, (struct sockaddr *)&got, &glen));
	SAY("name %s, len matches %d", got.sun_path, glen == len);

	T(bind(s2, (struct sockaddr *)&a, len));     /* the file exists */
	close(s1);
	T(bind(s2, (struct sockaddr *)&a, len));     /* still exists after close */
	unlink("sock");
	T(bind(s2, (struct sockaddr *)&a, len));     /* free again */
	close(s2);

	s2 = socket(AF_UNIX, SOCK_DGRAM, 0);
	close(open("file", O_CREAT | O_WRONLY, 0644));
	len = path_addr(&a, "file");
	T(bind(s2, (struct sockaddr *)&a, len));     /* any existing file */
	len = path_addr(&a, "nodir/sock");
	T(bind(s2, (struct sockaddr *)&a, len));
	len = path_addr(&a, "file/sock");
	T(bind(s2, (struct sockaddr *)&a, len));
	T(bind(s2, (struct sockaddr *)&a, sizeof a + 1));   /* longer than sockaddr_un */
	a.sun_family = AF_INET;
	T(bind(s2, (struct sockaddr *)&a, len));

	/* Abstract namespace: leading NUL, no file, name length from addrlen. */
	char name[64];
	int n = snprintf(name, sizeof name, "ct-bind-unix-%d", getpid());
	memset(&a, 0, sizeof a);
	a.sun_family = AF_UNIX;
	memcpy(a.sun_path + 1, name, n);
	len = offsetof(struct sockaddr_un, sun_path) + 1 + n;
	int s3 = socket(AF_UNIX, SOCK_STREAM, 0), s4 = socket(AF_UNIX, SOCK_STREAM, 0);
	T(bind(s3, (struct sockaddr *)&a, len));
	T(bind(s4, (struct sockaddr *)&a, len));
	glen = sizeof got;
	T(getsockname(s3, (struct sockaddr *)&got, &glen));
	EXPECT(glen == len && got.sun_path[0] == 0 && memcmp(got.sun_path + 1, name, n) == 0);
	close(s3);
	T(bind(s4, (struct sockaddr *)&a, len));     /* gone with its socket */

	/* Autobind: only the family given. */
	int s5 = socket(AF_UNIX, SOCK_DGRAM, 0);
	T(bind(s5, (struct sockaddr *)&a, sizeof(sa_family_t)));
	glen = sizeof got;
	T(getsockname(s5, (struct sockaddr *)&got, &glen));
	V(glen);
	EXPECT(got.sun_path[0] == 0);
	return 0;
}
