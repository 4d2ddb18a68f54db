// covers: truncate ok ENOENT ENOTDIR EISDIR EINVAL EFAULT ELOOP
// setup: printf 0123456789 > file && mkdir dir && ln -s file link && ln -s loop loop
#include "ct.h"

static long size(const char *p)
{
	struct stat st;
	if (stat(p, &st)) return -1;
	return (long)st.st_size;
}

int main(void)
{
	T(truncate("file", 3));
	V(size("file"));
	T(truncate("file", 6));
	V(size("file"));
	char buf[8] = {0};
	int fd = open("file", O_RDONLY);
	V(read(fd, buf, sizeof buf));
	EXPECT(memcmp(buf, "012\0\0\0", 6) == 0);
	T(truncate("link", 1));               /* follows the link */
	V(size("file"));
	T(truncate("file", 1L << 35));        /* 64-bit length */
	V(size("file"));
	T(truncate("file", 0));
	V(size("file"));

	T(truncate("file", -1));
	T(truncate("missing", 0));
	T(truncate("", 0));
	T(truncate("file/x", 0));
	T(truncate("dir", 0));
	T(truncate("loop", 0));
	T(truncate(BADPTR, 0));
	T(truncate(NULL, 0));
	return 0;
}
