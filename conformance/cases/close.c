// covers: close ok EBADF
#include "ct.h"

int main(void)
{
	int fd = open(".", O_RDONLY | O_DIRECTORY);
	EXPECT(fd >= 0);
	T(close(fd));
	T(close(fd));       /* already closed */
	T(close(-1));
	T(close(1 << 20));  /* beyond any fd limit */
	return 0;
}
