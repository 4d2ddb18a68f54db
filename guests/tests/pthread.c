/* pthreads: create/join with a mutex-protected counter, per-thread TLS,
 * pthread_once, condition variable handoff, a detached thread, return values,
 * pthread_self/equal, thread-specific data with destructors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include <stdatomic.h>

#define NT 8
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static _Thread_local int tls_val = 7;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int once_runs;
static pthread_key_t key;
static atomic_int dtor_runs;

static void once_fn(void) { once_runs++; }
static void dtor(void *p) { dtor_runs++; free(p); }

static void *worker(void *arg)
{
	long id = (long)arg;
	pthread_once(&once, once_fn);
	tls_val = (int)id * 100;
	pthread_setspecific(key, malloc(16));
	for (int i = 0; i < 20000; i++) {
		pthread_mutex_lock(&mu);
		counter++;
		pthread_mutex_unlock(&mu);
	}
	if (tls_val != (int)id * 100) return (void *)-1;
	char *buf = malloc(1000 + id);
	memset(buf, (int)id, 1000 + id);
	free(buf);
	return (void *)(id * id);
}

static pthread_mutex_t cm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int stage;

static void *ping(void *arg)
{
	for (int i = 0; i < 100; i++) {
		pthread_mutex_lock(&cm);
		while (stage % 2 == 0) pthread_cond_wait(&cv, &cm);
		stage++;
		pthread_cond_signal(&cv);
		pthread_mutex_unlock(&cm);
	}
	return 0;
}

static atomic_int detached_done;
static void *detached(void *arg) { detached_done = 1; return 0; }

int main(void)
{
	pthread_key_create(&key, dtor);
	pthread_t t[NT];
	for (long i = 0; i < NT; i++)
		if (pthread_create(&t[i], 0, worker, (void *)i)) { printf("create failed\n"); return 1; }
	long sum = 0;
	for (int i = 0; i < NT; i++) {
		void *r;
		pthread_join(t[i], &r);
		sum += (long)r;
	}
	printf("counter %ld (expected %d), sum of returns %ld\n", counter, NT * 20000, sum);
	printf("once ran %d time(s), tsd destructors %d, main tls %d\n", (int)once_runs, (int)dtor_runs, tls_val);

	pthread_t p;
	pthread_create(&p, 0, ping, 0);
	for (int i = 0; i < 100; i++) {
		pthread_mutex_lock(&cm);
		while (stage % 2 == 1) pthread_cond_wait(&cv, &cm);
		stage++;
		pthread_cond_signal(&cv);
		pthread_mutex_unlock(&cm);
	}
	pthread_join(p, 0);
	printf("condvar ping-pong stage %d\n", stage);

	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	pthread_t d;
	printf("detached create %d\n", pthread_create(&d, &a, detached, 0));
	for (int i = 0; i < 500 && !detached_done; i++) usleep(10000);
	printf("detached ran %d\n", (int)detached_done);
	printf("self equal %d\n", pthread_equal(pthread_self(), pthread_self()));

	/* many short-lived threads */
	int ok = 0;
	for (int i = 0; i < 200; i++) {
		pthread_t x;
		void *r;
		if (pthread_create(&x, 0, worker, (void *)3L) == 0 && pthread_join(x, &r) == 0 && r == (void *)9L) ok++;
	}
	printf("200 create/join cycles ok %d\n", ok);
	return 0;
}
