// covers: setgroups EINVAL
#include "ct.h"

/* More than NGROUPS_MAX (65536) groups is EINVAL, checked before the list
 * is read (here the list is short: reading 65537 entries would fault). */
int main(void)
{
	gid_t set[2] = {5, 6};
	T(syscall(SYS_setgroups, 65537, set));
	T(syscall(SYS_setgroups, -1, set));
	return 0;
}
