// covers: getdents64 ok EBADF ENOTDIR EINVAL EFAULT
// setup: mkdir -p dir/subdir && touch dir/alpha dir/beta dir/a-rather-longer-file-name-for-padding && ln -s alpha dir/link && mkfifo dir/fifo && mkdir empty
#include "ct.h"
#include <dirent.h>

struct ct_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static long gd(int fd, void *buf, size_t n)
{
	return syscall(SYS_getdents64, fd, buf, n);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* list a directory with small reads, names sorted (the order is the file system's) */
static void list(int fd, size_t bufsize)
{
	char buf[4096] __attribute__((aligned(8)));
	char *names[64];
	int n = 0, calls = 0, aligned = 1;
	long r;
	while ((r = gd(fd, buf, bufsize)) > 0) {
		calls++;
		for (long off = 0; off < r;) {
			struct ct_dirent64 *e = (void *)(buf + off);
			if (e->d_reclen % 8) aligned = 0;
			char t = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f' : e->d_type == DT_LNK ? 'l' :
				 e->d_type == DT_FIFO ? 'p' : '?';
			if (n < 64) {
				names[n] = malloc(strlen(e->d_name) + 3);
				sprintf(names[n++], "%c %s", t, e->d_name);
			}
			off += e->d_reclen;
		}
	}
	if (r < 0) SAY("  error %s", ct_errname(errno));
	qsort(names, n, sizeof *names, cmp);
	for (int i = 0; i < n; i++) SAY("  %s", names[i]);
	SAY("  entries %d, several calls %d, reclen aligned %d", n, calls > 1, aligned);
}

int main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	int d = open("dir", O_RDONLY | O_DIRECTORY);
	list(d, sizeof buf);
	V(gd(d, buf, sizeof buf));               /* at the end */
	lseek(d, 0, SEEK_SET);                   /* rewind */
	list(d, 64);                             /* one or two entries per call */
	int e = open("empty", O_RDONLY | O_DIRECTORY);
	list(e, sizeof buf);

	lseek(d, 0, SEEK_SET);
	V(gd(d, buf, 10));                       /* too small for any entry */
	V(gd(d, buf, 0));
	V(gd(d, BADPTR, sizeof buf));
	V(gd(d, NULL, sizeof buf));
	int f = open("dir/alpha", O_RDONLY);
	V(gd(f, buf, sizeof buf));
	int p = open("dir", O_PATH);
	V(gd(p, buf, sizeof buf));               /* O_PATH cannot be read */
	V(gd(-1, buf, sizeof buf));
	close(d);
	V(gd(d, buf, sizeof buf));

	/* readdir() sits on top of it */
	DIR *dp = opendir("dir");
	struct dirent *de;
	int count = 0;
	while ((de = readdir(dp))) count++;
	closedir(dp);
	V(count);
	return 0;
}
