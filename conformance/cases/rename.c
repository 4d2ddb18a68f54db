// covers: rename ok ENOENT EISDIR ENOTDIR ENOTEMPTY EINVAL EFAULT EBUSY
// setup: echo a > a && echo b > b && mkdir d1 d2 full && touch full/x && ln -s a link
#include "ct.h"

static void cat(const char *p)
{
	char buf[32] = {0};
	int fd = open(p, O_RDONLY);
	if (fd < 0) { SAY("  %s: %s", p, ct_errname(errno)); return; }
	read(fd, buf, sizeof buf - 1);
	close(fd);
	SAY("  %s: %s", p, strtok(buf, "\n"));
}

int main(void)
{
	T(rename("a", "c"));
	cat("a");
	cat("c");
	T(rename("c", "b"));                   /* replaces b */
	cat("b");
	T(rename("b", "b"));                   /* same file: nothing happens */
	cat("b");
	link("b", "b2");
	T(rename("b", "b2"));                  /* hard links to one file: nothing happens */
	cat("b");
	T(rename("d1", "d3"));                 /* directories */
	T(rename("d3", "d2"));                 /* replaces an empty directory */
	T(access("d3", F_OK));
	T(rename("b", "d2/moved"));            /* into another directory */
	cat("d2/moved");
	T(rename("link", "link2"));            /* the symlink, not its target */
	struct stat st;
	T(lstat("link2", &st));
	EXPECT(S_ISLNK(st.st_mode));

	T(rename("missing", "x"));
	T(rename("d2/moved", "nodir/x"));
	T(rename("", "x"));
	T(rename("b2", "d2"));                 /* file over a directory */
	T(rename("d2", "b2"));                 /* directory over a file */
	T(rename("d2", "full"));               /* over a non-empty directory */
	T(rename("d2", "d2/sub"));             /* into itself */
	T(rename("b2/x", "y"));
	T(rename("b2", "d2/moved/x"));
	T(rename(".", "dot"));
	T(rename("b2", "."));
	T(rename(BADPTR, "x"));
	T(rename("b2", BADPTR));
	T(rename("b2", NULL));
	cat("b2");                             /* untouched */
	return 0;
}
