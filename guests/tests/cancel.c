/* pthread_cancel: a thread blocked in read() (a cancellation point) is
 * cancelled and its cleanup handler runs; deferred cancellation at
 * pthread_testcancel; cancellation disabled then re-enabled; join results. */
#include <stdio.h>
#include <unistd.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int cleaned, started;
static int pfd[2];

static void cleanup(void *arg) { cleaned += (int)(long)arg; }

static void *blocker(void *arg)
{
	pthread_cleanup_push(cleanup, (void *)1);
	char c;
	started = 1;
	read(pfd[0], &c, 1);     /* blocks: nobody writes */
	printf("read returned?\n");
	pthread_cleanup_pop(0);
	return 0;
}

static void *spinner(void *arg)
{
	pthread_cleanup_push(cleanup, (void *)10);
	started = 2;
	for (;;) pthread_testcancel();
	pthread_cleanup_pop(0);
	return 0;
}

static void *disabled(void *arg)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	started = 3;
	while (started == 3) usleep(1000);   /* main cancels meanwhile */
	usleep(20000);
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
	pthread_testcancel();
	return (void *)42;
}

int main(void)
{
	pipe(pfd);
	pthread_t t;
	void *r;
	pthread_create(&t, 0, blocker, 0);
	while (started != 1) usleep(1000);
	usleep(50000);
	printf("cancel blocked reader %d\n", pthread_cancel(t));
	pthread_join(t, &r);
	printf("joined: canceled %d cleanup %d\n", r == PTHREAD_CANCELED, (int)cleaned);

	pthread_create(&t, 0, spinner, 0);
	while (started != 2) usleep(1000);
	pthread_cancel(t);
	pthread_join(t, &r);
	printf("spinner canceled %d cleanup %d\n", r == PTHREAD_CANCELED, (int)cleaned);

	pthread_create(&t, 0, disabled, 0);
	while (started != 3) usleep(1000);
	pthread_cancel(t);
	started = 4;
	pthread_join(t, &r);
	printf("disabled thread canceled after re-enable %d\n", r == PTHREAD_CANCELED);
	return 0;
}
