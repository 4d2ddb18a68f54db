// covers: splice ok EBADF EINVAL ESPIPE EFAULT EAGAIN
// setup: printf 'abcdefghijklmnop' > in && touch out && mkdir dir
#include "ct.h"

static long sp(int in, off_t *oin, int out, off_t *oout, size_t n, unsigned flags)
{
	return syscall(SYS_splice, in, oin, out, oout, n, flags);
}

int main(void)
{
	int in = open("in", O_RDONLY), out = open("out", O_WRONLY);
	int p[2], q[2];
	pipe(p);
	pipe(q);
	V(sp(in, NULL, p[1], NULL, 4, 0));          /* file to pipe, moving in's offset */
	V(lseek(in, 0, SEEK_CUR));
	off_t off = 10;
	V(sp(in, &off, p[1], NULL, 3, 0));          /* from an explicit offset */
	SAY("  off %ld", (long)off);
	V(lseek(in, 0, SEEK_CUR));
	V(sp(p[0], NULL, q[1], NULL, 5, 0));        /* pipe to pipe */
	V(sp(q[0], NULL, out, NULL, 100, 0));       /* pipe to file: what is there */
	V(lseek(out, 0, SEEK_CUR));
	off = 8;
	V(sp(p[0], NULL, out, &off, 100, 0));       /* to an explicit offset */
	SAY("  off %ld", (long)off);
	V(lseek(out, 0, SEEK_CUR));
	ct_show_file("out");
	off = 16;
	V(sp(in, &off, p[1], NULL, 4, 0));          /* at the end of in */
	V(sp(in, NULL, p[1], NULL, 0, 0));
	write(p[1], "x", 1);
	close(p[1]);
	V(sp(p[0], NULL, out, NULL, 10, 0));
	V(sp(p[0], NULL, out, NULL, 10, 0));        /* writer gone, empty: end of file */
	ct_show_file("out");

	pipe(p);
	V(sp(p[0], NULL, out, NULL, 4, SPLICE_F_NONBLOCK));   /* empty pipe */
	V(sp(in, NULL, out, NULL, 4, 0));           /* no pipe at all */
	V(sp(in, NULL, p[1], NULL, 4, 0x100));      /* unknown flag */
	off = -1;
	V(sp(in, &off, p[1], NULL, 4, 0));          /* negative offset */
	off = 0;
	V(sp(p[0], &off, out, NULL, 4, 0));         /* an offset on the pipe side */
	V(sp(in, NULL, p[1], &off, 4, 0));
	V(sp(in, BADPTR, p[1], NULL, 4, 0));
	write(p[1], "abc", 3);
	V(sp(p[0], NULL, out, BADPTR, 4, 0));
	V(sp(p[1], NULL, out, NULL, 4, 0));         /* the write end as input */
	V(sp(in, NULL, p[0], NULL, 4, 0));          /* the read end as output */
	V(sp(out, NULL, p[1], NULL, 4, 0));         /* in not open for reading */
	V(sp(p[0], NULL, in, NULL, 4, 0));          /* out not open for writing */
	int a = open("out", O_WRONLY | O_APPEND);
	V(sp(p[0], NULL, a, NULL, 4, 0));           /* out is O_APPEND */
	V(sp(-1, NULL, p[1], NULL, 4, 0));
	V(sp(p[0], NULL, -1, NULL, 4, 0));
	V(sp(-1, BADPTR, p[1], NULL, 4, 0));        /* the descriptors are checked first */
	V(sp(-1, NULL, -1, NULL, 0, 0));            /* nothing to move: nothing checked */
	V(sp(p[0], NULL, p[1], BADPTR, 0, 0));
	ct_show_file("out");
	return 0;
}
