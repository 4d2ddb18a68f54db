/*
 * insn.so: a QEMU TCG plugin (plugin API version 1, QEMU 7.2) that counts the
 * guest instructions executed by all threads of a qemu-user process and reports
 * the total when the process exits.
 *
 *   qemu-arm -plugin ./insn.so,out=FILE prog args...
 *
 * Each process appends one line "insns: N pid: P" to FILE (a guest that forks
 * gives one line per process: add them up); without out=FILE, the line goes to
 * stderr, mixed with the guest's own.
 *
 * How: at translation, every translation block (TB) gets an exec callback whose
 * user data is its instruction count.  The callback adds it to a counter of the
 * calling host thread (qemu-user runs each guest thread on its own host thread),
 * so there are no shared writes; every thread's counter is linked into a global
 * list, which is summed at exit (threads that already ended are included).
 * A TB left early (a fault in its middle) counts in full: an error of a few
 * instructions per fault.  After fork(), the child's counters start at zero, so
 * the lines of parent and child add up to the instructions of both.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

struct counter {
    uint64_t n;              /* written by its thread only, read at exit */
    struct counter *next;
};

static struct counter *counters;            /* every thread's, under lock */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static __thread struct counter *mine;
static char *out_path;

static struct counter *new_counter(void)
{
    struct counter *c = calloc(1, sizeof(*c));
    if (!c) {
        abort();
    }
    pthread_mutex_lock(&lock);
    c->next = counters;
    counters = c;
    pthread_mutex_unlock(&lock);
    return c;
}

static void tb_exec(unsigned int vcpu_index, void *udata)
{
    struct counter *c = mine;
    (void)vcpu_index;
    if (!c) {
        c = mine = new_counter();
    }
    __atomic_store_n(&c->n, c->n + (uintptr_t)udata, __ATOMIC_RELAXED);
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec, QEMU_PLUGIN_CB_NO_REGS,
                                         (void *)(uintptr_t)qemu_plugin_tb_n_insns(tb));
}

/* In a forked child only the forking thread goes on: count from zero. */
static void after_fork_child(void)
{
    struct counter *c;
    pthread_mutex_init(&lock, NULL);
    for (c = counters; c; c = c->next) {
        c->n = 0;
    }
}

static void at_exit(qemu_plugin_id_t id, void *udata)
{
    uint64_t total = 0;
    struct counter *c;
    char line[80];
    int len;
    (void)id;
    (void)udata;

    pthread_mutex_lock(&lock);
    for (c = counters; c; c = c->next) {
        total += __atomic_load_n(&c->n, __ATOMIC_RELAXED);
    }
    pthread_mutex_unlock(&lock);

    len = snprintf(line, sizeof(line), "insns: %" PRIu64 " pid: %d\n", total, (int)getpid());
    if (out_path) {
        int fd = open(out_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd < 0 || write(fd, line, len) != len) {
            fprintf(stderr, "insn.so: cannot write %s\n", out_path);
        }
        if (fd >= 0) {
            close(fd);
        }
    } else if (write(2, line, len) != len) {
        /* nowhere left to report it */
    }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
                                           int argc, char **argv)
{
    int i;
    (void)info;
    for (i = 0; i < argc; i++) {
        if (strncmp(argv[i], "out=", 4) == 0 && argv[i][4]) {
            out_path = strdup(argv[i] + 4);
        } else {
            fprintf(stderr, "insn.so: unknown argument '%s' (only out=FILE)\n", argv[i]);
            return -1;
        }
    }
    pthread_atfork(NULL, NULL, after_fork_child);
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
