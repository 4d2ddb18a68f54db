// covers: setfsuid ok
// covers: setfsgid ok
// setup: chmod 755 . && mkdir -m 755 private && mkdir -m 1777 public
#include "ct.h"

/* setfsuid/setfsgid never fail: they return the previous id, and an id that
 * is not allowed (or -1) leaves it unchanged, which makes -1 a query. */
static void owner(const char *p)
{
	struct stat st;
	if (stat(p, &st) == 0)
		SAY("  %s: uid %u gid %u", p, st.st_uid, st.st_gid);
}

int main(void)
{
	uid_t u = geteuid();
	gid_t g = getegid();
	EXPECT(syscall(SYS_setfsuid, -1) == u);       /* fsuid follows the euid */
	EXPECT(syscall(SYS_setfsgid, -1) == g);
	EXPECT(syscall(SYS_setfsuid, u) == u);
	EXPECT(syscall(SYS_setfsgid, g) == g);
	int root = u == 0;
	SAY("running as root: %s", root ? "yes" : "no");
	pid_t c = fork();
	if (c == 0) {
		/* root may take any fsuid; others only their real, effective or saved ids */
		long prev = syscall(SYS_setfsuid, 4321);
		EXPECT(prev == u);
		long now = syscall(SYS_setfsuid, -1);
		EXPECT(root ? now == 4321 : now == u);
		prev = syscall(SYS_setfsgid, 8765);
		EXPECT(prev == g);
		now = syscall(SYS_setfsgid, -1);
		EXPECT(root ? now == 8765 : now == g);
		EXPECT(geteuid() == u && getegid() == g);   /* only the fs ids change */
		if (root) {
			/* new files belong to the fs ids, which also lose root's
			 * file capabilities (no writing into root's 755 directory) */
			int fd;
			T(fd = open("public/new", O_CREAT | O_WRONLY, 0644));
			close(fd);
			owner("public/new");
			T(open("private/new", O_CREAT | O_WRONLY, 0644));
			EXPECT(syscall(SYS_setfsuid, 0) == 4321);
			EXPECT(syscall(SYS_setfsgid, 0) == 8765);
		}
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	EXPECT(syscall(SYS_setfsuid, -1) == u);      /* the parent's are unchanged */
	return 0;
}
