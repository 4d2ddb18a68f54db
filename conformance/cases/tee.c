// covers: tee ok EBADF EINVAL EAGAIN
// setup: printf 'abcdef' > file
#include "ct.h"

static long tee_(int in, int out, size_t n, unsigned flags)
{
	return syscall(SYS_tee, in, out, n, flags);
}

int main(void)
{
	int p[2], q[2];
	pipe(p);
	pipe(q);
	write(p[1], "hello", 5);
	V(tee_(p[0], q[1], 3, 0));                  /* copies without consuming */
	V(tee_(p[0], q[1], 100, 0));                /* all that is there */
	char buf[16] = {0};
	V(read(q[0], buf, sizeof buf));
	SAY("  q: %s", buf);
	memset(buf, 0, sizeof buf);
	V(read(p[0], buf, sizeof buf));
	SAY("  p: %s", buf);
	V(tee_(p[0], q[1], 0, 0));
	V(tee_(p[0], q[1], 4, SPLICE_F_NONBLOCK));  /* empty pipe */
	V(tee_(p[0], q[1], 4, 0x100));              /* unknown flag */
	write(p[1], "x", 1);
	V(tee_(p[0], p[1], 4, 0));                  /* the same pipe */
	int f = open("file", O_RDWR);
	V(tee_(f, q[1], 4, 0));                     /* not pipes */
	V(tee_(p[0], f, 4, 0));
	V(tee_(p[1], q[1], 4, 0));                  /* the write end as input */
	V(tee_(p[0], q[0], 4, 0));                  /* the read end as output */
	V(tee_(-1, q[1], 4, 0));
	V(tee_(p[0], -1, 4, 0));
	close(p[1]);
	V(tee_(p[0], q[1], 4, 0));                  /* the byte that is there */
	V(read(p[0], buf, 1));
	V(tee_(p[0], q[1], 4, 0));                  /* writer gone, empty: end of file */
	return 0;
}
