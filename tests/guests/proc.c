/* proc: process information — ids (as relations), credentials, rlimits, uname,
 * sysinfo, getrandom, getrusage, umask, sched_getaffinity, prctl names, getgroups. */
#include "wali.h"

static int test(int argc, char **argv) {
    long long r;

    long long pid = wali_getpid(), tid = wali_gettid(), ppid = wali_getppid();
    chk_yes("getpid > 0", pid > 0);
    chk_yes("gettid == getpid", tid == pid);
    chk_yes("getppid > 0", ppid > 0);
    chk_yes("getppid != getpid", ppid != pid);
    say("getuid: %lld\n", wali_getuid());
    say("geteuid: %lld\n", wali_geteuid());
    say("getgid: %lld\n", wali_getgid());
    say("getegid: %lld\n", wali_getegid());

    /* --- rlimits --- */
    struct w_rlimit rl, rl2, old;
    chk("getrlimit NOFILE", wali_getrlimit(RLIMIT_NOFILE, &rl), 0);
    chk_yes("NOFILE cur <= max", rl.rlim_cur <= rl.rlim_max);
    chk_yes("NOFILE cur > 0", rl.rlim_cur > 0);
    chk("getrlimit CORE", wali_getrlimit(RLIMIT_CORE, &rl), 0);
    rl2.rlim_cur = 0;
    rl2.rlim_max = rl.rlim_max;
    chk("setrlimit CORE cur=0", wali_setrlimit(RLIMIT_CORE, &rl2), 0);
    memset(&rl2, 0x55, sizeof rl2);
    chk("getrlimit CORE again", wali_getrlimit(RLIMIT_CORE, &rl2), 0);
    chk("CORE cur", (long long)rl2.rlim_cur, 0);
    chk_yes("CORE max unchanged", rl2.rlim_max == rl.rlim_max);
    rl2.rlim_cur = 4096;
    rl2.rlim_max = 1024;
    chk("setrlimit cur > max", wali_setrlimit(RLIMIT_CORE, &rl2), -EINVAL);
    chk("getrlimit bad resource", wali_getrlimit(999, &rl2), -EINVAL);
    chk("getrlimit bad ptr", wali_getrlimit(RLIMIT_CORE, BAD_PTR), -EFAULT);
    chk("setrlimit bad ptr", wali_setrlimit(RLIMIT_CORE, BAD_PTR), -EFAULT);
    memset(&old, 0x55, sizeof old);
    chk("prlimit64 get", wali_prlimit64(0, RLIMIT_CORE, 0, &old), 0);
    chk("prlimit64 old cur", (long long)old.rlim_cur, 0);
    rl2.rlim_cur = 512;
    rl2.rlim_max = rl.rlim_max;
    chk("prlimit64 set+get", wali_prlimit64(0, RLIMIT_CORE, &rl2, &old), 0);
    chk("prlimit64 old cur (before set)", (long long)old.rlim_cur, 0);
    chk("getrlimit after prlimit64", (wali_getrlimit(RLIMIT_CORE, &rl2), (long long)rl2.rlim_cur), 512);
    chk("prlimit64 own pid", wali_prlimit64((int)pid, RLIMIT_CORE, 0, &old), 0);
    chk("prlimit64 no such pid", wali_prlimit64(0x3ffffff0, RLIMIT_CORE, 0, &old), -ESRCH);
    chk("prlimit64 bad resource", wali_prlimit64(0, 999, 0, &old), -EINVAL);
    chk("restore CORE", wali_setrlimit(RLIMIT_CORE, &rl), 0);

    /* --- uname / sysinfo --- */
    static struct w_utsname u;
    chk("uname", wali_uname(&u), 0);
    chk_str("sysname", u.sysname, "Linux");
    chk_yes("release non-empty", u.release[0] != 0);
    chk_yes("nodename non-empty", u.nodename[0] != 0);
    chk("uname bad ptr", wali_uname(BAD_PTR), -EFAULT);
    chk("uname struct crossing end of memory", wali_uname((struct w_utsname *)((char *)mem_end() - 100)), -EFAULT);
    static struct w_sysinfo si;
    chk("sysinfo", wali_sysinfo(&si), 0);
    chk_yes("sysinfo uptime > 0", si.uptime > 0);
    chk_yes("sysinfo totalram > 0", si.totalram > 0);
    chk_yes("sysinfo freeram <= totalram", si.freeram <= si.totalram);
    chk_yes("sysinfo procs > 0", si.procs > 0);
    chk_yes("sysinfo mem_unit >= 1", si.mem_unit >= 1);
    chk("sysinfo bad ptr", wali_sysinfo(BAD_PTR), -EFAULT);

    /* --- getrandom --- */
    unsigned char rnd[16];
    memset(rnd, 0, sizeof rnd);
    chk("getrandom 16", wali_getrandom(rnd, 16, 0), 16);
    int nz = 0;
    for (int i = 0; i < 16; i++)
        if (rnd[i]) nz = 1;
    chk_yes("random bytes not all zero", nz);
    chk("getrandom NONBLOCK", wali_getrandom(rnd, 16, GRND_NONBLOCK), 16);
    chk("getrandom 0 bytes", wali_getrandom(rnd, 0, 0), 0);
    chk("getrandom bad flags", wali_getrandom(rnd, 16, 0x100), -EINVAL);
    chk("getrandom bad ptr", wali_getrandom(BAD_PTR, 16, 0), -EFAULT);

    /* --- getrusage --- */
    static struct w_rusage ru;
    chk("getrusage SELF", wali_getrusage(RUSAGE_SELF, &ru), 0);
    chk_yes("ru_maxrss > 0", ru.ru_maxrss > 0);
    chk_yes("ru_utime sane", ru.ru_utime.tv_sec >= 0 && ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000);
    chk("getrusage CHILDREN", wali_getrusage(RUSAGE_CHILDREN, &ru), 0);
    chk("getrusage bad who", wali_getrusage(99, &ru), -EINVAL);
    chk("getrusage bad ptr", wali_getrusage(RUSAGE_SELF, BAD_PTR), -EFAULT);

    /* --- umask --- */
    wali_umask(022);
    chk("umask(027) old", wali_umask(027), 022);
    chk("umask(0777|01000) old", wali_umask(07777), 027);
    chk("umask is masked to 0777", wali_umask(022), 0777);

    /* --- sched_getaffinity --- */
    u64 cpus[16];
    memset(cpus, 0, sizeof cpus);
    r = wali_sched_getaffinity(0, sizeof cpus, cpus);
    chk_yes("sched_getaffinity returns size > 0", r > 0 && r <= (long long)sizeof cpus && r % 8 == 0);
    int count = 0;
    for (int i = 0; i < 16; i++)
        for (int b = 0; b < 64; b++)
            if ((cpus[i] >> b) & 1) count++;
    chk_yes("at least one cpu in mask", count >= 1);
    chk("sched_getaffinity size 1", wali_sched_getaffinity(0, 1, cpus), -EINVAL);
    chk("sched_getaffinity bad ptr", wali_sched_getaffinity(0, sizeof cpus, BAD_PTR), -EFAULT);
    chk("sched_getaffinity no such pid", wali_sched_getaffinity(0x3ffffff0, sizeof cpus, cpus), -ESRCH);

    /* --- prctl --- */
    char name[32];
    chk("prctl PR_SET_NAME", wali_prctl(PR_SET_NAME, (long long)(uptr) "wali-proc-test", 0, 0, 0), 0);
    memset(name, 0, sizeof name);
    chk("prctl PR_GET_NAME", wali_prctl(PR_GET_NAME, (long long)(uptr)name, 0, 0, 0), 0);
    chk_str("thread name (15 chars max)", name, "wali-proc-test");
    chk("prctl PR_SET_NAME long", wali_prctl(PR_SET_NAME, (long long)(uptr) "0123456789abcdefghij", 0, 0, 0), 0);
    memset(name, 0, sizeof name);
    wali_prctl(PR_GET_NAME, (long long)(uptr)name, 0, 0, 0);
    chk_str("truncated name", name, "0123456789abcde");
    chk("prctl PR_GET_NAME bad ptr", wali_prctl(PR_GET_NAME, (long long)(uptr)BAD_PTR, 0, 0, 0), -EFAULT);
    chk("prctl bad option", wali_prctl(0x7fff0000, 0, 0, 0, 0), -EINVAL);

    /* --- getgroups --- */
    unsigned groups[256];
    long long ng = wali_getgroups(0, 0);
    chk_yes("getgroups(0) >= 0", ng >= 0);
    say("getgroups count: %lld\n", ng);
    if (ng >= 0 && ng <= 256) {
        chk("getgroups(n)", wali_getgroups((int)ng, groups), ng);
        say("groups:");
        for (int i = 0; i < ng; i++) say(" %u", groups[i]);
        say("\n");
    }
    chk("getgroups negative", wali_getgroups(-1, groups), -EINVAL);
    if (ng > 0) {
        chk("getgroups too small", wali_getgroups((int)ng - 1, groups), -EINVAL);
        chk("getgroups bad ptr", wali_getgroups((int)ng, BAD_PTR), -EFAULT);
    }
    return 0;
}

TEST_MAIN(test)
