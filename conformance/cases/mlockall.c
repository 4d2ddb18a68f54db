// covers: mlockall ok EINVAL
#include "ct.h"

int main(void)
{
	T(mlockall(0));                        /* no flags */
	T(mlockall(0x100));                    /* unknown flag */
	T(mlockall(MCL_ONFAULT));              /* ONFAULT alone means nothing */
	T(mlockall(MCL_CURRENT | 0x100));

	/* MCL_FUTURE only (MCL_CURRENT would count the runtime's large reservations
	 * against RLIMIT_MEMLOCK for non-root users); ONFAULT: lock pages as they
	 * are touched. New mappings still work. */
	T(mlockall(MCL_FUTURE | MCL_ONFAULT));
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p != MAP_FAILED);
	p[0] = 1;
	EXPECT(p[0] == 1);
	return 0;
}
