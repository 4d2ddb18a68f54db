/* fds: dup/dup2/dup3, fcntl (fd flags, status flags, dupfd, POSIX and OFD record
 * locks), pipe/pipe2, eventfd/eventfd2, ioctl (FIONREAD, TIOCGWINSZ, FIONBIO).
 * argv[1]: absolute path of a directory that does not exist yet (created and removed). */
#include "wali.h"

static char buf[256];

#define FL(p) ((long long)(uptr)(p)) /* pointer as the i64 fcntl argument */

/* More fcntl commands and ioctl requests (x86-64 values; identical for the guest). */
#define F_SETOWN 8
#define F_GETOWN 9
#define F_SETSIG 10
#define F_GETSIG 11
#define F_SETOWN_EX 15
#define F_GETOWN_EX 16
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#define F_ADD_SEALS 1033
#define F_GET_SEALS 1034
#define F_OWNER_PID 1
#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSBRK 0x5409
#define TIOCSWINSZ 0x5414
#define FIONCLEX 0x5450
#define FIOCLEX 0x5451
#define FIOQSIZE 0x5460
#define TIOCGPTN 0x80045430u
#define TIOCSPTLCK 0x40045431u
#define ECHO 0x8
#define IOCTL_INT(v) ((void *)(uptr)(v)) /* an integer ioctl argument */

struct w_f_owner_ex { i32 type; i32 pid; };
/* The kernel's struct termios (what TCGETS/TCSETS transfer). */
struct w_termios { u32 c_iflag, c_oflag, c_cflag, c_lflag; u8 c_line; u8 c_cc[19]; };

static void show_lock(const char *label, const struct w_flock *l) {
    say("%s: type=%s start=%lld len=%lld\n", label,
        l->l_type == F_RDLCK ? "RDLCK" : l->l_type == F_WRLCK ? "WRLCK" : l->l_type == F_UNLCK ? "UNLCK" : "?",
        l->l_start, l->l_len);
}

static void set_lock(struct w_flock *l, int type, long long start, long long len) {
    memset(l, 0, sizeof *l);
    l->l_type = (i16)type;
    l->l_whence = SEEK_SET;
    l->l_start = start;
    l->l_len = len;
    l->l_pid = 0;
}

static int test(int argc, char **argv) {
    if (argc < 2) {
        out("usage: fds <fresh-dir>\n");
        return 2;
    }
    long long r;
    int p[2] = {-1, -1};

    /* --- pipe, dup family --- */
    chk("pipe", wali_pipe(p), 0);
    chk_yes("pipe fds distinct", p[0] >= 0 && p[1] >= 0 && p[0] != p[1]);
    chk("pipe bad ptr", wali_pipe(BAD_PTR), -EFAULT);
    chk("pipe int[2] crossing end of memory", wali_pipe((int *)((char *)mem_end() - 4)), -EFAULT);
    int d = (int)wali_dup(p[1]);
    chk_ok("dup", d);
    chk("write via dup", wali_write(d, "abc", 3), 3);
    memset(buf, 0, sizeof buf);
    chk("read pipe", wali_read(p[0], buf, sizeof buf), 3);
    chk_mem("pipe data", buf, "abc", 3);
    chk("dup bad fd", wali_dup(9999), -EBADF);
    chk("lseek on pipe", wali_lseek(p[0], 0, SEEK_SET), -ESPIPE);
    chk("pread64 on pipe", wali_pread64(p[0], buf, 1, 0), -ESPIPE);
    static struct w_stat pst;
    chk("fstat pipe", wali_fstat(p[0], &pst), 0);
    chk("pipe is S_IFIFO", pst.st_mode & S_IFMT, S_IFIFO);
    chk("dup2 to 777", wali_dup2(p[1], 777), 777);
    chk("write via 777", wali_write(777, "x", 1), 1);
    chk("read 1", wali_read(p[0], buf, sizeof buf), 1);
    chk_yes("dup2 same fd returns fd", wali_dup2(d, d) == d);
    chk("dup2 bad oldfd", wali_dup2(9999, 778), -EBADF);
    chk("dup2 same bad fd", wali_dup2(9999, 9999), -EBADF);
    chk("dup3 to 779 CLOEXEC", wali_dup3(p[1], 779, O_CLOEXEC), 779);
    chk("F_GETFD 779", wali_fcntl(779, F_GETFD, 0), FD_CLOEXEC);
    chk("F_GETFD 777", wali_fcntl(777, F_GETFD, 0), 0);
    chk("dup3 same fd", wali_dup3(d, d, 0), -EINVAL);
    chk("dup3 bad flags", wali_dup3(d, 780, 0x1), -EINVAL);
    chk("close 777", wali_close(777), 0);
    chk("close 779", wali_close(779), 0);
    chk("close dup", wali_close(d), 0);

    /* --- fcntl fd / status flags --- */
    chk("F_GETFD", wali_fcntl(p[0], F_GETFD, 0), 0);
    chk("F_SETFD CLOEXEC", wali_fcntl(p[0], F_SETFD, FD_CLOEXEC), 0);
    chk("F_GETFD after", wali_fcntl(p[0], F_GETFD, 0), FD_CLOEXEC);
    chk("F_SETFD 0", wali_fcntl(p[0], F_SETFD, 0), 0);
    r = wali_fcntl(p[0], F_GETFL, 0);
    chk("F_GETFL read end (ACCMODE|NONBLOCK|APPEND)", r < 0 ? r : r & (O_ACCMODE | O_NONBLOCK | O_APPEND), O_RDONLY);
    r = wali_fcntl(p[1], F_GETFL, 0);
    chk("F_GETFL write end", r < 0 ? r : r & (O_ACCMODE | O_NONBLOCK | O_APPEND), O_WRONLY);
    chk("F_SETFL NONBLOCK", wali_fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
    r = wali_fcntl(p[0], F_GETFL, 0);
    chk("F_GETFL has NONBLOCK", r < 0 ? r : r & O_NONBLOCK, O_NONBLOCK);
    chk("read empty nonblocking pipe", wali_read(p[0], buf, 1), -EAGAIN);
    chk("F_SETFL 0", wali_fcntl(p[0], F_SETFL, 0), 0);
    r = wali_fcntl(p[0], F_DUPFD_CLOEXEC, 500);
    chk_yes("F_DUPFD_CLOEXEC >= 500", r >= 500);
    if (r >= 0) {
        chk("F_GETFD dupfd", wali_fcntl((int)r, F_GETFD, 0), FD_CLOEXEC);
        wali_close((int)r);
    }
    r = wali_fcntl(p[0], F_DUPFD, 600);
    chk_yes("F_DUPFD >= 600", r >= 600);
    if (r >= 0) {
        chk("F_GETFD F_DUPFD", wali_fcntl((int)r, F_GETFD, 0), 0);
        wali_close((int)r);
    }
    chk("F_DUPFD negative min", wali_fcntl(p[0], F_DUPFD, -1), -EINVAL);
    chk("fcntl bad fd", wali_fcntl(9999, F_GETFD, 0), -EBADF);
    chk("fcntl bad cmd", wali_fcntl(p[0], 9999, 0), -EINVAL);

    /* --- pipe2 --- */
    int q[2] = {-1, -1};
    chk("pipe2 CLOEXEC|NONBLOCK", wali_pipe2(q, O_CLOEXEC | O_NONBLOCK), 0);
    chk("pipe2 F_GETFD", wali_fcntl(q[0], F_GETFD, 0), FD_CLOEXEC);
    r = wali_fcntl(q[1], F_GETFL, 0);
    chk("pipe2 F_GETFL NONBLOCK", r < 0 ? r : r & O_NONBLOCK, O_NONBLOCK);
    chk("pipe2 read empty", wali_read(q[0], buf, 1), -EAGAIN);
    chk("pipe2 bad flags", wali_pipe2(q, 0x1), -EINVAL);
    chk("pipe2 bad ptr", wali_pipe2(BAD_PTR, 0), -EFAULT);
    chk("pipe2 bad ptr and bad flags (flags checked first)", wali_pipe2(BAD_PTR, 0x1), -EINVAL);

    /* --- more fcntl commands --- */
    chk("F_SETPIPE_SZ 131072", wali_fcntl(q[0], F_SETPIPE_SZ, 131072), 131072);
    chk("F_GETPIPE_SZ", wali_fcntl(q[1], F_GETPIPE_SZ, 0), 131072);
    chk("F_SETOWN getpid", wali_fcntl(q[0], F_SETOWN, wali_getpid()), 0);
    chk_yes("F_GETOWN == getpid", wali_fcntl(q[0], F_GETOWN, 0) == wali_getpid());
    struct w_f_owner_ex ox = {-1, -1};
    chk("F_GETOWN_EX", wali_fcntl(q[0], F_GETOWN_EX, FL(&ox)), 0);
    chk("F_GETOWN_EX type", ox.type, F_OWNER_PID);
    chk_yes("F_GETOWN_EX pid == getpid", ox.pid == (i32)wali_getpid());
    ox.type = F_OWNER_PID;
    ox.pid = 0;
    chk("F_SETOWN_EX pid 0", wali_fcntl(q[0], F_SETOWN_EX, FL(&ox)), 0);
    chk("F_GETOWN after F_SETOWN_EX", wali_fcntl(q[0], F_GETOWN, 0), 0);
    chk("F_GETOWN_EX bad ptr", wali_fcntl(q[0], F_GETOWN_EX, FL(BAD_PTR)), -EFAULT);
    chk("F_SETOWN_EX bad ptr", wali_fcntl(q[0], F_SETOWN_EX, FL(BAD_PTR)), -EFAULT);
    chk("F_SETOWN_EX bad fd, bad ptr", wali_fcntl(9999, F_SETOWN_EX, FL(BAD_PTR)), -EBADF);
    chk("F_SETSIG 10", wali_fcntl(q[0], F_SETSIG, 10), 0);
    chk("F_GETSIG", wali_fcntl(q[0], F_GETSIG, 0), 10);
    chk("F_SETSIG bad signal", wali_fcntl(q[0], F_SETSIG, 999), -EINVAL);
    chk("F_GET_SEALS on pipe", wali_fcntl(q[0], F_GET_SEALS, 0), -EINVAL);
    show("F_ADD_SEALS on pipe", wali_fcntl(q[0], F_ADD_SEALS, 1)); /* EINVAL or EPERM by kernel version */

    /* --- ioctl --- */
    chk("write 7 to pipe", wali_write(p[1], "1234567", 7), 7);
    int nread = -1;
    chk("ioctl FIONREAD", wali_ioctl(p[0], FIONREAD, &nread), 0);
    chk("FIONREAD value", nread, 7);
    struct w_winsize ws;
    chk("ioctl TIOCGWINSZ on pipe", wali_ioctl(p[0], TIOCGWINSZ, &ws), -ENOTTY);
    int one = 1, zero = 0;
    chk("ioctl FIONBIO 0", wali_ioctl(q[0], FIONBIO, &zero), 0);
    r = wali_fcntl(q[0], F_GETFL, 0);
    chk("FIONBIO 0 clears NONBLOCK", r < 0 ? r : r & O_NONBLOCK, 0);
    chk("ioctl FIONBIO 1", wali_ioctl(q[0], FIONBIO, &one), 0);
    r = wali_fcntl(q[0], F_GETFL, 0);
    chk("FIONBIO 1 sets NONBLOCK", r < 0 ? r : r & O_NONBLOCK, O_NONBLOCK);
    chk("read after FIONBIO", wali_read(q[0], buf, 1), -EAGAIN);
    chk("ioctl FIONBIO bad ptr", wali_ioctl(q[0], FIONBIO, BAD_PTR), -EFAULT);
    chk("ioctl FIONBIO bad fd, bad ptr", wali_ioctl(9999, FIONBIO, BAD_PTR), -EBADF);
    chk("ioctl FIOCLEX", wali_ioctl(q[0], FIOCLEX, 0), 0);
    chk("FIOCLEX sets FD_CLOEXEC", wali_fcntl(q[0], F_GETFD, 0), FD_CLOEXEC);
    chk("ioctl FIONCLEX", wali_ioctl(q[0], FIONCLEX, 0), 0);
    chk("FIONCLEX clears FD_CLOEXEC", wali_fcntl(q[0], F_GETFD, 0), 0);
    chk("ioctl TIOCGWINSZ bad ptr on pipe (ENOTTY first)", wali_ioctl(p[0], TIOCGWINSZ, BAD_PTR), -ENOTTY);
    chk("ioctl TCSETS bad ptr on pipe (ENOTTY first)", wali_ioctl(p[0], TCSETS, BAD_PTR), -ENOTTY);
    chk("ioctl TCSBRK (int arg) on pipe", wali_ioctl(p[0], TCSBRK, IOCTL_INT(1)), -ENOTTY);
    chk("ioctl FIOQSIZE on pipe", wali_ioctl(p[0], FIOQSIZE, buf), -ENOTTY);
    chk("ioctl unknown request", wali_ioctl(p[0], 0x7fff, 0), -ENOTTY);
    chk("ioctl unknown request, bad fd", wali_ioctl(9999, 0x7fff, 0), -EBADF);
    chk("ioctl bad fd", wali_ioctl(9999, FIONREAD, &nread), -EBADF);
    chk("ioctl FIONREAD bad ptr", wali_ioctl(p[0], FIONREAD, BAD_PTR), -EFAULT);
    chk("read 7", wali_read(p[0], buf, sizeof buf), 7);
    wali_close(q[0]);
    wali_close(q[1]);

    /* --- eventfd --- */
    int e = (int)wali_eventfd(5);
    chk_ok("eventfd(5)", e);
    u64 v = 0;
    chk("read eventfd", wali_read(e, &v, 8), 8);
    chk("eventfd value", (long long)v, 5);
    chk("read eventfd short buffer", wali_read(e, &v, 4), -EINVAL);
    wali_close(e);
    e = (int)wali_eventfd2(0, EFD_NONBLOCK | EFD_CLOEXEC);
    chk_ok("eventfd2 NONBLOCK|CLOEXEC", e);
    chk("eventfd2 F_GETFD", wali_fcntl(e, F_GETFD, 0), FD_CLOEXEC);
    chk("read empty eventfd2", wali_read(e, &v, 8), -EAGAIN);
    v = 3;
    chk("write eventfd2 3", wali_write(e, &v, 8), 8);
    v = 4;
    chk("write eventfd2 4", wali_write(e, &v, 8), 8);
    v = 0;
    chk("read eventfd2", wali_read(e, &v, 8), 8);
    chk("eventfd2 value", (long long)v, 7);
    wali_close(e);
    e = (int)wali_eventfd2(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    chk_ok("eventfd2 SEMAPHORE", e);
    chk("sem read 1", (wali_read(e, &v, 8), (long long)v), 1);
    chk("sem read 2", (wali_read(e, &v, 8), (long long)v), 1);
    chk("sem read 3", wali_read(e, &v, 8), -EAGAIN);
    wali_close(e);
    chk("eventfd2 bad flags", wali_eventfd2(0, 0x2), -EINVAL);

    /* --- record locks --- */
    chk("mkdir dir", wali_mkdir(argv[1], 0700), 0);
    chk("chdir dir", wali_chdir(argv[1]), 0);
    int f1 = (int)wali_open("lock.bin", O_CREAT | O_RDWR, 0600);
    int f2 = (int)wali_open("lock.bin", O_RDWR, 0);
    chk_yes("open lock file twice", f1 >= 0 && f2 >= 0);
    chk("write 100", wali_write(f1, buf, 100), 100);
    struct w_flock l;
    set_lock(&l, F_WRLCK, 0, 10);
    chk("F_SETLK WRLCK 0..10", wali_fcntl(f1, F_SETLK, FL(&l)), 0);
    set_lock(&l, F_WRLCK, 0, 10);
    chk("F_GETLK own lock", wali_fcntl(f1, F_GETLK, FL(&l)), 0);
    show_lock("F_GETLK own lock result", &l);
    set_lock(&l, F_WRLCK, 5, 10);
    chk("F_OFD_GETLK vs POSIX lock", wali_fcntl(f2, F_OFD_GETLK, FL(&l)), 0);
    show_lock("F_OFD_GETLK result", &l);
    chk_yes("F_OFD_GETLK l_pid == getpid", l.l_pid == (i32)wali_getpid());
    set_lock(&l, F_WRLCK, 5, 10);
    chk("F_OFD_SETLK conflicting", wali_fcntl(f2, F_OFD_SETLK, FL(&l)), -EAGAIN);
    set_lock(&l, F_WRLCK, 20, 10);
    chk("F_SETLKW WRLCK 20..30", wali_fcntl(f1, F_SETLKW, FL(&l)), 0);
    set_lock(&l, F_RDLCK, 40, 10);
    chk("F_OFD_SETLKW RDLCK 40..50", wali_fcntl(f2, F_OFD_SETLKW, FL(&l)), 0);
    set_lock(&l, F_WRLCK, 0, 100);
    chk("F_GETLK sees OFD lock", wali_fcntl(f1, F_GETLK, FL(&l)), 0);
    show_lock("F_GETLK result", &l);
    chk_yes("F_GETLK OFD holder l_pid == -1", l.l_pid == -1);
    set_lock(&l, F_WRLCK, 25, 1);
    chk("F_OFD_SETLK vs POSIX 20..30", wali_fcntl(f2, F_OFD_SETLK, FL(&l)), -EAGAIN);
    set_lock(&l, F_UNLCK, 0, 0);
    chk("F_SETLK UNLCK all", wali_fcntl(f1, F_SETLK, FL(&l)), 0);
    set_lock(&l, F_WRLCK, 25, 1);
    chk("F_OFD_SETLK after unlock", wali_fcntl(f2, F_OFD_SETLK, FL(&l)), 0);
    set_lock(&l, F_WRLCK, 25, 1);
    l.l_pid = 1234;
    chk("F_OFD_SETLK with l_pid != 0", wali_fcntl(f2, F_OFD_SETLK, FL(&l)), -EINVAL);
    set_lock(&l, 99, 0, 1);
    chk("F_SETLK bad type", wali_fcntl(f1, F_SETLK, FL(&l)), -EINVAL);
    chk("F_SETLK bad ptr", wali_fcntl(f1, F_SETLK, FL(BAD_PTR)), -EFAULT);
    chk("F_GETLK bad ptr", wali_fcntl(f1, F_GETLK, FL(BAD_PTR)), -EFAULT);
    chk("F_OFD_GETLK bad ptr", wali_fcntl(f1, F_OFD_GETLK, FL(BAD_PTR)), -EFAULT);
    set_lock(&l, F_RDLCK, 0, 1);
    chk("F_SETLK RDLCK on write-only fd", wali_fcntl(p[1], F_SETLK, FL(&l)), -EBADF);
    chk("F_SETLK bad fd, bad ptr", wali_fcntl(9999, F_SETLK, FL(BAD_PTR)), -EBADF);
    chk("F_GETLK pointer above 4 GiB", wali_fcntl(f1, F_GETLK, FL(&l) + 0x100000000ll), -EFAULT);
    long long qsize = -1;
    chk("ioctl FIOQSIZE on file", wali_ioctl(f1, FIOQSIZE, &qsize), 0);
    chk_yes("FIOQSIZE value (allocated bytes) set", qsize >= 0);
    chk("lseek 40", wali_lseek(f1, 40, SEEK_SET), 40);
    chk("ioctl FIONREAD on file", wali_ioctl(f1, FIONREAD, &nread), 0);
    chk("FIONREAD file value", nread, 60);
    chk("ioctl TCGETS on file", wali_ioctl(f1, TCGETS, buf), -ENOTTY);
    wali_close(f1);
    wali_close(f2);
    chk("unlink", wali_unlink("lock.bin"), 0);
    chk("chdir /", wali_chdir("/"), 0);
    chk("rmdir", wali_rmdir(argv[1]), 0);

    /* --- a pseudo-terminal: termios and winsize --- */
    int m = (int)wali_open("/dev/ptmx", O_RDWR | O_NOCTTY, 0);
    if (m < 0) {
        show("open /dev/ptmx (skipping pty checks)", m);
    } else {
        u32 ptn = 0xffffffffu;
        chk("ioctl TIOCGPTN", wali_ioctl(m, TIOCGPTN, &ptn), 0);
        chk_yes("pty number set", ptn != 0xffffffffu);
        int unlock = 0;
        chk("ioctl TIOCSPTLCK 0", wali_ioctl(m, TIOCSPTLCK, &unlock), 0);
        struct w_winsize w = {24, 80, 640, 480}, w2;
        chk("ioctl TIOCSWINSZ", wali_ioctl(m, TIOCSWINSZ, &w), 0);
        memset(&w2, 0, sizeof w2);
        chk("ioctl TIOCGWINSZ", wali_ioctl(m, TIOCGWINSZ, &w2), 0);
        chk_yes("winsize round trip", w2.ws_row == 24 && w2.ws_col == 80 && w2.ws_xpixel == 640 && w2.ws_ypixel == 480);
        chk("ioctl TIOCGWINSZ bad ptr on tty", wali_ioctl(m, TIOCGWINSZ, BAD_PTR), -EFAULT);
        struct w_termios t;
        memset(&t, 0xee, sizeof t);
        chk("ioctl TCGETS", wali_ioctl(m, TCGETS, &t), 0);
        chk_yes("TCGETS filled c_line", t.c_line != 0xee);
        say("TCGETS ECHO: %s\n", (t.c_lflag & ECHO) ? "on" : "off");
        t.c_lflag ^= ECHO;
        chk("ioctl TCSETS toggled ECHO", wali_ioctl(m, TCSETS, &t), 0);
        struct w_termios t2;
        memset(&t2, 0, sizeof t2);
        chk("ioctl TCGETS again", wali_ioctl(m, TCGETS, &t2), 0);
        chk_yes("ECHO toggled", (t2.c_lflag & ECHO) == (t.c_lflag & ECHO));
        chk("ioctl TCSETS bad ptr on tty", wali_ioctl(m, TCSETS, BAD_PTR), -EFAULT);
        chk("close ptmx", wali_close(m), 0);
    }

    chk("close p0", wali_close(p[0]), 0);
    chk("close p1", wali_close(p[1]), 0);
    return 0;
}

TEST_MAIN(test)
