// covers: sendfile ok EBADF EINVAL ESPIPE EFAULT
// setup: printf 'abcdefghijklmnop' > in && touch out && mkdir dir
#include "ct.h"

static long sf(int out, int in, off_t *off, size_t n)
{
	return syscall(SYS_sendfile, out, in, off, n);
}

static void show(const char *p)
{
	char buf[64] = {0};
	int fd = open(p, O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	SAY("  %s: %zd \"%s\"", p, n, buf);
}

int main(void)
{
	int in = open("in", O_RDONLY), out = open("out", O_WRONLY);
	V(sf(out, in, NULL, 4));                   /* from and moving in's offset */
	V(lseek(in, 0, SEEK_CUR));
	V(lseek(out, 0, SEEK_CUR));
	off_t off = 10;
	V(sf(out, in, &off, 3));                   /* from off; in's offset stays */
	SAY("  off %ld", (long)off);
	V(lseek(in, 0, SEEK_CUR));
	V(sf(out, in, &off, 100));                 /* short at the end */
	SAY("  off %ld", (long)off);
	V(sf(out, in, &off, 100));                 /* at the end */
	SAY("  off %ld", (long)off);
	off = 100;
	V(sf(out, in, &off, 4));                   /* past the end */
	SAY("  off %ld", (long)off);
	V(sf(out, in, NULL, 0));
	show("out");

	int p[2];
	pipe(p);
	off = 1;
	V(sf(p[1], in, &off, 5));                  /* into a pipe */
	char buf[8] = {0};
	V(read(p[0], buf, sizeof buf));
	SAY("  pipe: %s", buf);

	off = -1;
	V(sf(out, in, &off, 4));                   /* negative offset */
	V(sf(out, p[0], &off, 4));                 /* offset on a pipe */
	write(p[1], "xyz", 3);
	V(sf(out, p[0], NULL, 4));                 /* from a pipe */
	V(sf(out, in, BADPTR, 4));
	V(sf(out, -1, NULL, 4));
	V(sf(-1, in, NULL, 4));
	V(sf(in, in, NULL, 4));                    /* out not open for writing */
	V(sf(out, out, NULL, 4));                  /* in not open for reading */
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	V(sf(out, d, NULL, 4));
	int a = open("out", O_WRONLY | O_APPEND);
	V(sf(a, in, NULL, 4));
	close(in);
	V(sf(out, in, NULL, 4));
	show("out");
	return 0;
}
