/* args: command line through __cl_get_argc/__cl_get_argv_len/__cl_copy_argv, and
 * the environment through __get_init_envfile (a path to a KEY=VALUE-per-line file,
 * read by the guest itself). argv[0] differs between the runs and is not printed. */
#include "wali.h"

static char envbuf[65536];
static char argbuf[4096];

static int test(int argc, char **argv) {
    unsigned n = wali_cl_get_argc();
    chk("argc (TEST_MAIN)", argc, (long long)n);
    say("args: %u\n", n > 0 ? n - 1 : 0);
    for (unsigned i = 1; i < n; i++) {
        unsigned len = wali_cl_get_argv_len(i);
        if (len >= sizeof argbuf) {
            say("argv[%u]: too long (%u)\n", i, len);
            continue;
        }
        memset(argbuf, 0x7f, sizeof argbuf);
        chk("__cl_copy_argv", wali_cl_copy_argv(argbuf, i), 0);
        chk_yes("copy is NUL-terminated at len", argbuf[len] == 0);
        say("argv[%u] (len %u): \"%s\"\n", i, len, argbuf);
        chk_yes("matches TEST_MAIN argv", (int)i < argc && streq(argbuf, argv[i]));
    }
    chk_yes("argv[0] non-empty", n > 0 && wali_cl_get_argv_len(0) > 0);

    char path[512];
    memset(path, 0, sizeof path);
    int has = wali_get_init_envfile(path, sizeof path);
    if (!has) {
        say("env file: none\n");
        return 0;
    }
    chk_yes("env file path non-empty", path[0] != 0);
    int fd = (int)wali_open(path, O_RDONLY | O_CLOEXEC, 0);
    chk_ok("open env file", fd);
    if (fd < 0) return 1;
    long long len = read_all(fd, envbuf, sizeof envbuf - 1);
    wali_close(fd);
    if (len < 0) {
        show("read env file", len);
        return 1;
    }
    envbuf[len] = 0;
    char *lines[1024];
    int nl = 0;
    char *p = envbuf;
    while (*p && nl < 1024) {
        char *e = strchr(p, '\n');
        if (e) *e = 0;
        if (*p) lines[nl++] = p; /* blank lines are not variables */
        if (!e) break;
        p = e + 1;
    }
    sort_strings(lines, nl);
    say("env: %d variables\n", nl);
    for (int i = 0; i < nl; i++) say("env %s\n", lines[i]);
    return 0;
}

TEST_MAIN(test)
