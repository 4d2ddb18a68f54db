/* fds: dup/dup2/dup3, fcntl (fd flags, status flags, dupfd, POSIX and OFD record
 * locks), pipe/pipe2, eventfd/eventfd2, ioctl (FIONREAD, TIOCGWINSZ, FIONBIO).
 * argv[1]: absolute path of a directory that does not exist yet (created and removed). */
#include "wali.h"

static char buf[256];

#define FL(p) ((long long)(uptr)(p)) /* pointer as the i64 fcntl argument */

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
    int d = (int)wali_dup(p[1]);
    chk_ok("dup", d);
    chk("write via dup", wali_write(d, "abc", 3), 3);
    memset(buf, 0, sizeof buf);
    chk("read pipe", wali_read(p[0], buf, sizeof buf), 3);
    chk_mem("pipe data", buf, "abc", 3);
    chk("dup bad fd", wali_dup(9999), -EBADF);
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
    wali_close(f1);
    wali_close(f2);
    chk("unlink", wali_unlink("lock.bin"), 0);
    chk("chdir /", wali_chdir("/"), 0);
    chk("rmdir", wali_rmdir(argv[1]), 0);

    chk("close p0", wali_close(p[0]), 0);
    chk("close p1", wali_close(p[1]), 0);
    return 0;
}

TEST_MAIN(test)
