// covers: personality ok
#include "ct.h"

/* Only queries (0xffffffff) and setting the current value are tested: wali-run
 * refuses other execution domains with EINVAL by design (READ_IMPLIES_EXEC
 * would make the runtime's own mappings executable; see src/sys/status.tsv). */
#define QUERY 0xffffffffL

int main(void)
{
	long cur = syscall(SYS_personality, QUERY);
	EXPECT(cur != -1);
	SAY("domain PER_LINUX: %s", (cur & 0xff) == 0 ? "yes" : "no");
	EXPECT(syscall(SYS_personality, QUERY) == cur);      /* a query changes nothing */
	EXPECT(syscall(SYS_personality, cur) == cur);        /* set: returns the previous one */
	EXPECT(syscall(SYS_personality, QUERY) == cur);
	pid_t c = fork();
	if (c == 0) {
		EXPECT(syscall(SYS_personality, QUERY) == cur);  /* inherited */
		_exit(0);
	}
	int st;
	EXPECT(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
