// covers: sched_yield ok
#include "ct.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

static atomic_int turn;

/* Two threads hand a counter back and forth, yielding while they wait. */
static void *player(void *arg)
{
	int me = (int)(intptr_t)arg;
	for (int i = 0; i < 50; i++) {
		while (atomic_load(&turn) % 2 != me)
			syscall(SYS_sched_yield);
		atomic_fetch_add(&turn, 1);
	}
	return NULL;
}

int main(void)
{
	T(syscall(SYS_sched_yield));
	T(sched_yield());
	pthread_t t;
	EXPECT(pthread_create(&t, NULL, player, (void *)1) == 0);
	player((void *)0);
	pthread_join(t, NULL);
	V(atomic_load(&turn));
	return 0;
}
