/* setjmp/longjmp (Wasm EH lowering on WALI): longjmp across frames, from
 * deep recursion, nested buffers, longjmp(env, 0), volatile locals, repeated
 * jumps to one setjmp, sigsetjmp/siglongjmp restoring the signal mask, and
 * _setjmp/_longjmp. */
#define _GNU_SOURCE
#include <stdio.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>

static jmp_buf top;
static int depth_reached;

static void recurse(int n)
{
	char pad[64];
	memset(pad, n, sizeof pad);
	if (n == 0) longjmp(top, 42);
	depth_reached++;
	recurse(n - 1);
	printf("not reached %d\n", pad[0]);
}

static jmp_buf inner;
static void thrower(int v) { longjmp(inner, v); }

static int nested(void)
{
	jmp_buf saved;
	memcpy(saved, inner, sizeof saved);
	int r = setjmp(inner);
	if (r == 0) thrower(7);
	memcpy(inner, saved, sizeof saved);
	return r;
}

int main(void)
{
	volatile int counter = 0;
	int r = setjmp(top);
	if (r == 0) {
		recurse(1000);
	}
	printf("setjmp returned %d after depth %d\n", r, depth_reached);

	r = setjmp(inner);
	if (r == 0) {
		printf("nested gave %d\n", nested());
		thrower(0);
	}
	printf("longjmp(env, 0) makes setjmp return %d\n", r);

	jmp_buf loop;
	r = setjmp(loop);
	counter++;
	if (counter < 5) longjmp(loop, counter);
	printf("looped %d times, last value %d\n", counter, r);

	sigjmp_buf sj;
	sigset_t set, cur;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	if (sigsetjmp(sj, 1) == 0) {
		sigprocmask(SIG_BLOCK, &set, 0);
		sigprocmask(SIG_SETMASK, 0, &cur);
		printf("blocked before siglongjmp %d\n", sigismember(&cur, SIGUSR1));
		siglongjmp(sj, 3);
	}
	sigprocmask(SIG_SETMASK, 0, &cur);
	printf("mask restored by siglongjmp: blocked %d\n", sigismember(&cur, SIGUSR1));

	if (sigsetjmp(sj, 0) == 0) {
		sigprocmask(SIG_BLOCK, &set, 0);
		siglongjmp(sj, 1);
	}
	sigprocmask(SIG_SETMASK, 0, &cur);
	printf("mask kept without savemask: blocked %d\n", sigismember(&cur, SIGUSR1));

	jmp_buf u;
	if ((r = _setjmp(u)) == 0) _longjmp(u, 9);
	printf("_setjmp/_longjmp %d\n", r);
	return 0;
}
