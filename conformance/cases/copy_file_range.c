// covers: copy_file_range ok EBADF EINVAL EISDIR EFAULT EOVERFLOW
// setup: printf 'abcdefghijklmnop' > in && touch out && mkdir dir
#include "ct.h"

/* musl 1.2.3 has no wrapper */
static long cfr(int in, off_t *oin, int out, off_t *oout, size_t n, unsigned flags)
{
	return syscall(SYS_copy_file_range, in, oin, out, oout, n, flags);
}

int main(void)
{
	int in = open("in", O_RDONLY), out = open("out", O_WRONLY);
	V(cfr(in, NULL, out, NULL, 4, 0));         /* both file offsets move */
	V(lseek(in, 0, SEEK_CUR));
	V(lseek(out, 0, SEEK_CUR));
	off_t oi = 10, oo = 2;
	V(cfr(in, &oi, out, &oo, 3, 0));           /* explicit offsets move instead */
	SAY("  oi %ld oo %ld", (long)oi, (long)oo);
	V(lseek(in, 0, SEEK_CUR));
	V(lseek(out, 0, SEEK_CUR));
	ct_show_file("out");
	oo = 8;
	V(cfr(in, NULL, out, &oo, 100, 0));        /* short at the end of in */
	SAY("  oo %ld", (long)oo);
	V(cfr(in, NULL, out, &oo, 100, 0));        /* at the end */
	oi = 100;
	V(cfr(in, &oi, out, NULL, 4, 0));          /* past the end */
	SAY("  oi %ld", (long)oi);
	V(cfr(in, NULL, out, NULL, 0, 0));
	ct_show_file("out");
	int rw = open("out", O_RDWR);
	oi = 0, oo = 4;
	V(cfr(rw, &oi, rw, &oo, 4, 0));            /* within one file, not overlapping */
	ct_show_file("out");

	oi = 0, oo = 2;
	V(cfr(rw, &oi, rw, &oo, 4, 0));            /* overlapping ranges of one file */
	V(cfr(in, NULL, out, NULL, 4, 1));         /* flags must be 0 */
	oi = -1;
	V(cfr(in, &oi, out, NULL, 4, 0));          /* negative offset: the end overflows */
	int p[2];
	pipe(p);
	write(p[1], "xyz", 3);
	V(cfr(p[0], NULL, out, NULL, 4, 0));       /* pipes are not regular files */
	V(cfr(in, NULL, p[1], NULL, 4, 0));
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	V(cfr(d, NULL, out, NULL, 4, 0));
	V(cfr(in, BADPTR, out, NULL, 4, 0));
	V(cfr(in, NULL, out, BADPTR, 4, 0));
	V(cfr(out, NULL, rw, NULL, 4, 0));         /* in not open for reading */
	V(cfr(in, NULL, in, NULL, 4, 0));          /* out not open for writing */
	int a = open("out", O_WRONLY | O_APPEND);
	V(cfr(in, NULL, a, NULL, 4, 0));           /* out is O_APPEND */
	V(cfr(-1, NULL, out, NULL, 4, 0));
	V(cfr(in, NULL, -1, NULL, 4, 0));
	V(cfr(-1, BADPTR, out, NULL, 4, 0));       /* the descriptors are checked first */
	ct_show_file("out");
	return 0;
}
