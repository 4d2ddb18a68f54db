/* Process exit from a secondary thread ends the whole process at once with its
 * status, while the other threads are blocked: two in FUTEX_WAIT on words
 * nobody wakes, one in read() on a pipe nobody writes, and the main thread in
 * FUTEX_WAIT too. The harness requires the status within 5 s.
 *   (no argument)  the 4th thread calls SYS_exit_group(42)     -> status 42
 *   proc_exit      the 4th thread calls __proc_exit(43)        -> status 43
 *                  (natively: exit_group)
 *   main_exit      the main thread calls SYS_exit(7) while a worker runs on; the
 *                  worker prints, then ends with SYS_exit(9): the process ends
 *                  with its last thread, with that thread's status 9 (what this
 *                  kernel reports natively; the harness compares the two runs)
 */
//@ src lib/thread.c
//@ wasm-src lib/thread_start.s
#include "wali.h"

#define STACK_SIZE (64 * 1024)
static char stacks[4][STACK_SIZE] __attribute__((aligned(16)));
static struct w_thread th[4];
static int started;
static int never_a, never_b, never_main;
static int pipefd[2];

static void mark_started(void) {
    __atomic_fetch_add(&started, 1, __ATOMIC_SEQ_CST);
    w_futex_wake(&started, W_INT_MAX);
}

static void block_futex(void *word) {
    mark_started();
    for (;;) w_futex_wait(word, 0, 0);
}

static void block_read(void *arg) {
    char c;
    mark_started();
    long long r = wali_read(pipefd[0], &c, 1);
    say("read returned %E [MISMATCH: nobody writes]\n", r);
    wali_exit_group(3);
}

static void exiter(void *arg) {
    mark_started();
    w_sleep_ms(50); /* let the others reach their blocking calls */
    if (arg)
        wali_aux_proc_exit(43);
    else
        wali_exit_group(42);
    say("exit returned [MISMATCH]\n");
    for (;;) w_futex_wait(&never_main, 0, 0);
}

static void outliver(void *arg) {
    w_sleep_ms(100); /* the main thread has long called SYS_exit(7) */
    say("worker runs on after the main thread's exit\n");
    wali_exit(9);
}

static int main_exit(void) {
    static char stack[STACK_SIZE] __attribute__((aligned(16)));
    static struct w_thread t;
    say("main thread exits with 7\n");
    chk("start worker", w_thread_start(&t, outliver, 0, stack, STACK_SIZE), 0);
    wali_exit(7);
    say("exit returned [MISMATCH]\n");
    return 1;
}

static int test(int argc, char **argv) {
    if (argc > 1 && streq(argv[1], "main_exit")) return main_exit();
    int proc_exit = argc > 1 && streq(argv[1], "proc_exit");
    chk("pipe", wali_pipe2(pipefd, O_CLOEXEC), 0);
    void (*fns[3])(void *) = {block_futex, block_futex, block_read};
    void *args[3] = {&never_a, &never_b, 0};
    for (int i = 0; i < 3; i++)
        chk("start blocked thread", w_thread_start(&th[i], fns[i], args[i], stacks[i], STACK_SIZE), 0);
    int s;
    while ((s = __atomic_load_n(&started, __ATOMIC_SEQ_CST)) < 3) w_futex_wait(&started, s, 0);
    say("3 threads blocking\n");
    chk(proc_exit ? "start the __proc_exit(43) thread" : "start the exit_group(42) thread",
        w_thread_start(&th[3], exiter, proc_exit ? (void *)1 : 0, stacks[3], STACK_SIZE), 0);
    for (;;) w_futex_wait(&never_main, 0, 0);
    return 1;
}

TEST_MAIN(test)
