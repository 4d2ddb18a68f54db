// covers: prctl ok EINVAL EFAULT
#include "ct.h"
#include <signal.h>
#include <sys/prctl.h>

/* Options beyond names and integer flags: results through an int pointer,
 * capability bounding set, seccomp mode, THP. */
int main(void)
{
	int v = -1;
	T(prctl(PR_SET_PDEATHSIG, SIGUSR2, 0, 0, 0));
	T(prctl(PR_GET_PDEATHSIG, &v, 0, 0, 0));
	EXPECT(v == SIGUSR2);
	T(prctl(PR_GET_PDEATHSIG, BADPTR, 0, 0, 0));

	v = -1;
	T(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0));
	T(prctl(PR_GET_CHILD_SUBREAPER, &v, 0, 0, 0));
	EXPECT(v == 1);

	V(prctl(PR_GET_SECCOMP, 0, 0, 0, 0));
	EXPECT(prctl(PR_CAPBSET_READ, 0, 0, 0, 0) >= 0);   /* CAP_CHOWN: 0 or 1 */
	T(prctl(PR_CAPBSET_READ, 9999, 0, 0, 0));
	V(prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0));
	return 0;
}
