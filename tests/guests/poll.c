/* poll: poll/ppoll/select/pselect6, epoll_create/epoll_create1/epoll_ctl/
 * epoll_wait/epoll_pwait (3 ready fds in one call), timerfd, clocks and sleeps. */
#include "wali.h"

static char buf[256];

static long long now_ns(int clk) {
    struct w_timespec t;
    if (wali_clock_gettime(clk, &t) != 0) return -1;
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void show_events(const char *label, struct w_epoll_event *ev, int n) {
    /* sort by data so the output does not depend on the kernel's order */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && ev[j - 1].data > ev[j].data; j--) {
            struct w_epoll_event t = ev[j];
            ev[j] = ev[j - 1];
            ev[j - 1] = t;
        }
    say("%s:", label);
    for (int i = 0; i < n; i++) say(" {events=0x%x data=0x%llx}", ev[i].events, ev[i].data);
    say("\n");
}

static int test(int argc, char **argv) {
    long long r;
    int a[2], b[2];
    chk("pipe a", wali_pipe(a), 0);
    chk("pipe b", wali_pipe(b), 0);

    /* --- poll / ppoll --- */
    struct w_pollfd pf[3];
    pf[0].fd = a[0];
    pf[0].events = POLLIN;
    pf[1].fd = a[1];
    pf[1].events = POLLOUT;
    pf[2].fd = b[0];
    pf[2].events = POLLIN;
    for (int i = 0; i < 3; i++) pf[i].revents = 0x5555;
    chk("poll: only write end ready", wali_poll(pf, 3, 0), 1);
    say("revents: 0x%x 0x%x 0x%x\n", pf[0].revents, pf[1].revents, pf[2].revents);
    chk("write a", wali_write(a[1], "x", 1), 1);
    chk("write b", wali_write(b[1], "y", 1), 1);
    chk("poll: 3 ready", wali_poll(pf, 3, 0), 3);
    say("revents: 0x%x 0x%x 0x%x\n", pf[0].revents, pf[1].revents, pf[2].revents);
    struct w_pollfd one;
    one.fd = 9999;
    one.events = POLLIN;
    one.revents = 0;
    chk("poll bad fd -> POLLNVAL", wali_poll(&one, 1, 0), 1);
    chk("POLLNVAL revents", one.revents, POLLNVAL);
    one.fd = -1;
    one.revents = 0x77;
    chk("poll negative fd ignored", wali_poll(&one, 1, 0), 0);
    chk("negative fd revents cleared", one.revents, 0);
    chk("poll bad ptr", wali_poll(BAD_PTR, 1, 0), -EFAULT);
    wali_read(a[0], buf, 1);
    wali_read(b[0], buf, 1);
    long long t0 = now_ns(CLOCK_MONOTONIC);
    pf[0].fd = a[0];
    chk("poll timeout 20ms", wali_poll(pf, 1, 20), 0);
    chk_yes("poll waited >= 15ms", now_ns(CLOCK_MONOTONIC) - t0 >= 15000000LL);

    struct w_timespec ts;
    ts.tv_sec = 0;
    ts.tv_nsec = 1000000;
    chk("ppoll nothing ready (1ms)", wali_ppoll(pf, 1, &ts, 0, 8), 0);
    wali_write(a[1], "x", 1);
    chk("ppoll ready", wali_ppoll(pf, 2, &ts, 0, 8), 2);
    say("ppoll revents: 0x%x 0x%x\n", pf[0].revents, pf[1].revents);
    u64 mask = 0;
    chk("ppoll with empty sigmask", wali_ppoll(pf, 2, 0, &mask, 8), 2);
    chk("ppoll bad sigsetsize", wali_ppoll(pf, 2, &ts, &mask, 4), -EINVAL);
    ts.tv_nsec = -1;
    chk("ppoll bad timeout", wali_ppoll(pf, 2, &ts, 0, 8), -EINVAL);
    chk("ppoll bad fds ptr", wali_ppoll(BAD_PTR, 2, 0, 0, 8), -EFAULT);

    /* --- select / pselect6 (a[0] readable, a[1], b[1] writable, b[0] not readable) --- */
    int maxfd = a[0];
    if (a[1] > maxfd) maxfd = a[1];
    if (b[0] > maxfd) maxfd = b[0];
    if (b[1] > maxfd) maxfd = b[1];
    w_fd_set rs, ws;
    w_fd_zero(&rs);
    w_fd_zero(&ws);
    w_fd_set_bit(a[0], &rs);
    w_fd_set_bit(b[0], &rs);
    w_fd_set_bit(a[1], &ws);
    w_fd_set_bit(b[1], &ws);
    struct w_timeval tv;
    tv.tv_sec = 0;
    tv.tv_usec = 0;
    chk("select", wali_select(maxfd + 1, &rs, &ws, 0, &tv), 3);
    say("select: a0=%d b0=%d a1=%d b1=%d\n", w_fd_isset(a[0], &rs), w_fd_isset(b[0], &rs), w_fd_isset(a[1], &ws),
        w_fd_isset(b[1], &ws));
    w_fd_zero(&rs);
    w_fd_set_bit(b[0], &rs);
    tv.tv_sec = 0;
    tv.tv_usec = 10000;
    chk("select timeout", wali_select(maxfd + 1, &rs, 0, 0, &tv), 0);
    chk_yes("select cleared set on timeout", !w_fd_isset(b[0], &rs));
    chk_yes("select updated timeval to 0", tv.tv_sec == 0 && tv.tv_usec == 0);
    tv.tv_usec = -1;
    chk("select bad timeval", wali_select(maxfd + 1, &rs, 0, 0, &tv), -EINVAL);
    chk("select negative nfds", wali_select(-1, 0, 0, 0, 0), -EINVAL);
    chk("select bad set ptr", wali_select(maxfd + 1, BAD_PTR, 0, 0, 0), -EFAULT);
    int c[2];
    wali_pipe(c);
    int closed = c[0];
    wali_close(c[0]);
    w_fd_zero(&rs);
    w_fd_set_bit(closed, &rs);
    tv.tv_sec = 0;
    tv.tv_usec = 0;
    chk("select closed fd", wali_select(closed + 1, &rs, 0, 0, &tv), -EBADF);
    wali_close(c[1]);

    w_fd_zero(&rs);
    w_fd_zero(&ws);
    w_fd_set_bit(a[0], &rs);
    w_fd_set_bit(b[0], &rs);
    w_fd_set_bit(b[1], &ws);
    ts.tv_sec = 0;
    ts.tv_nsec = 0;
    struct w_pselect_sigmask psm;
    psm.ss = (u64)(uptr)&mask;
    psm.ss_len = 8;
    chk("pselect6 with sigmask", wali_pselect6(maxfd + 1, &rs, &ws, 0, &ts, &psm), 2);
    say("pselect6: a0=%d b0=%d b1=%d\n", w_fd_isset(a[0], &rs), w_fd_isset(b[0], &rs), w_fd_isset(b[1], &ws));
    w_fd_zero(&rs);
    w_fd_set_bit(a[0], &rs);
    chk("pselect6 no sigmask, no timeout", wali_pselect6(maxfd + 1, &rs, 0, 0, 0, 0), 1);
    ts.tv_nsec = 5000000;
    w_fd_zero(&rs);
    w_fd_set_bit(b[0], &rs);
    chk("pselect6 timeout 5ms", wali_pselect6(maxfd + 1, &rs, 0, 0, &ts, &psm), 0);
    psm.ss_len = 4;
    chk("pselect6 bad sigset size", wali_pselect6(maxfd + 1, &rs, 0, 0, &ts, &psm), -EINVAL);
    wali_read(a[0], buf, 1);

    /* --- limits, NULL-with-size, write-back of the time left --- */
    chk("poll nfds beyond RLIMIT_NOFILE", wali_poll(pf, 0x7fffffff, 0), -EINVAL);
    chk("poll nfds is an unsigned int", wali_poll(pf, 1LL << 40, 0), 0);
    chk("poll nfds 0, bad ptr", wali_poll(BAD_PTR, 0, 0), 0);
    wali_write(a[1], "x", 1);
    pf[0].fd = a[0];
    pf[0].events = POLLIN;
    ts.tv_sec = 5;
    ts.tv_nsec = 0;
    chk("ppoll ready, 5s timeout", wali_ppoll(pf, 1, &ts, 0, 8), 1);
    chk_yes("ppoll wrote back the time left", ts.tv_sec == 4 && ts.tv_nsec > 0);
    chk("ppoll NULL sigmask ignores size", wali_ppoll(pf, 1, 0, 0, 4), 1);
    chk("ppoll bad sigmask ptr", wali_ppoll(pf, 1, 0, BAD_PTR, 8), -EFAULT);
    ts.tv_sec = -1;
    ts.tv_nsec = 0;
    chk("ppoll negative timeout", wali_ppoll(pf, 1, &ts, 0, 8), -EINVAL);
    chk("ppoll bad timeout ptr", wali_ppoll(pf, 1, BAD_PTR, 0, 8), -EFAULT);
    w_fd_zero(&rs);
    w_fd_set_bit(a[0], &rs);
    tv.tv_sec = 0;
    tv.tv_usec = 2500000;
    chk("select ready, tv_usec over 1s", wali_select(a[0] + 1, &rs, 0, 0, &tv), 1);
    chk_yes("select normalized the time left", tv.tv_sec == 2 && tv.tv_usec > 400000 && tv.tv_usec < 1000000);
    w_fd_zero(&rs);
    w_fd_set_bit(a[0], &rs);
    chk("select nfds beyond FD_SETSIZE", wali_select(5000, &rs, 0, 0, 0), 1);
    chk_yes("select kept a0", w_fd_isset(a[0], &rs));
    chk("select bad timeval ptr", wali_select(a[0] + 1, &rs, 0, 0, BAD_PTR), -EFAULT);
    struct w_pselect_sigmask psm2;
    psm2.ss = 0;
    psm2.ss_len = 4;
    w_fd_zero(&rs);
    w_fd_set_bit(a[0], &rs);
    chk("pselect6 NULL sigset ignores size", wali_pselect6(a[0] + 1, &rs, 0, 0, 0, &psm2), 1);
    chk("pselect6 bad sigmask struct ptr", wali_pselect6(a[0] + 1, &rs, 0, 0, 0, BAD_PTR), -EFAULT);
    psm2.ss = (u64)(uptr)BAD_PTR;
    psm2.ss_len = 8;
    chk("pselect6 bad sigset ptr", wali_pselect6(a[0] + 1, &rs, 0, 0, 0, &psm2), -EFAULT);
    ts.tv_sec = 0;
    ts.tv_nsec = 1000000000;
    chk("pselect6 bad timeout", wali_pselect6(a[0] + 1, &rs, 0, 0, &ts, 0), -EINVAL);
    chk("pselect6 negative nfds", wali_pselect6(-1, 0, 0, 0, 0, 0), -EINVAL);
    wali_read(a[0], buf, 1);

    /* --- epoll --- */
    int ep0 = (int)wali_epoll_create(1);
    chk_ok("epoll_create(1)", ep0);
    chk("epoll_create(0)", wali_epoll_create(0), -EINVAL);
    wali_close(ep0);
    int ep = (int)wali_epoll_create1(EPOLL_CLOEXEC);
    chk_ok("epoll_create1(CLOEXEC)", ep);
    chk("epoll F_GETFD", wali_fcntl(ep, F_GETFD, 0), FD_CLOEXEC);
    chk("epoll_create1 bad flags", wali_epoll_create1(1), -EINVAL);
    int e = (int)wali_eventfd2(3, EFD_NONBLOCK);
    chk_ok("eventfd2", e);
    struct w_epoll_event ev, evs[8];
    ev.events = EPOLLIN;
    ev.data = 0x1111000000000001ULL;
    chk("epoll_ctl ADD a[0]", wali_epoll_ctl(ep, EPOLL_CTL_ADD, a[0], &ev), 0);
    ev.data = 0x2222000000000002ULL;
    chk("epoll_ctl ADD b[0]", wali_epoll_ctl(ep, EPOLL_CTL_ADD, b[0], &ev), 0);
    ev.data = 0x3333000000000003ULL;
    chk("epoll_ctl ADD eventfd", wali_epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev), 0);
    chk("epoll_ctl ADD again", wali_epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev), -EEXIST);
    chk("epoll_ctl MOD not added", wali_epoll_ctl(ep, EPOLL_CTL_MOD, a[1], &ev), -ENOENT);
    chk("epoll_ctl ADD self", wali_epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), -EINVAL);
    chk("epoll_ctl bad epfd", wali_epoll_ctl(9999, EPOLL_CTL_ADD, a[0], &ev), -EBADF);
    chk("epoll_ctl bad event ptr", wali_epoll_ctl(ep, EPOLL_CTL_ADD, a[1], BAD_PTR), -EFAULT);
    chk("epoll_ctl bad op", wali_epoll_ctl(ep, 99, a[0], &ev), -EINVAL);
    chk("epoll_wait: only eventfd ready", wali_epoll_wait(ep, evs, 8, 0), 1);
    show_events("epoll_wait events", evs, 1);
    wali_write(a[1], "1", 1);
    wali_write(b[1], "2", 1);
    memset(evs, 0xcc, sizeof evs);
    r = wali_epoll_wait(ep, evs, 8, 0);
    chk("epoll_wait: 3 ready", r, 3);
    if (r == 3) show_events("epoll_wait events", evs, 3);
    chk_yes("epoll_wait left evs[3] untouched", evs[3].events == 0xccccccccu);
    memset(evs, 0xcc, sizeof evs);
    r = wali_epoll_pwait(ep, evs, 8, 0, 0, 8);
    chk("epoll_pwait: 3 ready", r, 3);
    if (r == 3) show_events("epoll_pwait events", evs, 3);
    memset(evs, 0, sizeof evs);
    r = wali_epoll_pwait(ep, evs, 8, 0, &mask, 8);
    chk("epoll_pwait with sigmask: 3 ready", r, 3);
    if (r == 3) show_events("epoll_pwait events", evs, 3);
    r = wali_epoll_wait(ep, evs, 2, 0);
    chk("epoll_wait maxevents 2", r, 2);
    chk("epoll_wait maxevents 0", wali_epoll_wait(ep, evs, 0, 0), -EINVAL);
    chk("epoll_wait bad events ptr", wali_epoll_wait(ep, BAD_PTR, 8, 0), -EFAULT);
    chk("epoll_wait bad epfd", wali_epoll_wait(9999, evs, 8, 0), -EBADF);
    chk("epoll_wait non-epoll fd", wali_epoll_wait(a[0], evs, 8, 0), -EINVAL);
    chk("epoll_pwait bad sigsetsize", wali_epoll_pwait(ep, evs, 8, 0, &mask, 4), -EINVAL);
    ev.events = EPOLLOUT;
    ev.data = 0x4444000000000004ULL;
    chk("epoll_ctl MOD eventfd -> EPOLLOUT", wali_epoll_ctl(ep, EPOLL_CTL_MOD, e, &ev), 0);
    chk("epoll_ctl DEL a[0]", wali_epoll_ctl(ep, EPOLL_CTL_DEL, a[0], 0), 0);
    chk("epoll_ctl DEL again", wali_epoll_ctl(ep, EPOLL_CTL_DEL, a[0], 0), -ENOENT);
    r = wali_epoll_wait(ep, evs, 8, 0);
    chk("epoll_wait after MOD/DEL", r, 2);
    if (r == 2) show_events("epoll_wait events", evs, 2);
    wali_read(b[0], buf, 1);
    r = wali_epoll_wait(ep, evs, 8, 0);
    chk("epoll_wait after drain b", r, 1);
    t0 = now_ns(CLOCK_MONOTONIC);
    ev.events = EPOLLIN;
    ev.data = 5;
    wali_epoll_ctl(ep, EPOLL_CTL_DEL, e, 0);
    chk("epoll_wait timeout 20ms", wali_epoll_wait(ep, evs, 8, 20), 0);
    chk_yes("epoll_wait waited >= 15ms", now_ns(CLOCK_MONOTONIC) - t0 >= 15000000LL);
    chk("epoll_wait maxevents too large", wali_epoll_wait(ep, evs, 0x7fffffff, 0), -EINVAL);
    chk("epoll_pwait bad sigmask ptr", wali_epoll_pwait(ep, evs, 8, 0, BAD_PTR, 8), -EFAULT);
    chk("epoll_pwait NULL sigmask ignores size", wali_epoll_pwait(ep, evs, 8, 0, 0, 4), 0);
    chk("epoll_ctl DEL with bad event ptr", wali_epoll_ctl(ep, EPOLL_CTL_DEL, b[0], BAD_PTR), 0);
    wali_close(e);
    wali_close(ep);

    /* --- timerfd --- */
    int tf = (int)wali_timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    chk_ok("timerfd_create", tf);
    chk("timerfd_create bad clock", wali_timerfd_create(999, 0), -EINVAL);
    chk("timerfd_create bad flags", wali_timerfd_create(CLOCK_MONOTONIC, 1), -EINVAL);
    struct w_itimerspec its, old;
    memset(&its, 0, sizeof its);
    its.it_value.tv_nsec = 20000000;
    memset(&old, 0x55, sizeof old);
    t0 = now_ns(CLOCK_MONOTONIC);
    chk("timerfd_settime 20ms", wali_timerfd_settime(tf, 0, &its, &old), 0);
    chk_yes("old value was disarmed", old.it_value.tv_sec == 0 && old.it_value.tv_nsec == 0);
    u64 ticks = 0;
    chk("read timerfd (blocks)", wali_read(tf, &ticks, 8), 8);
    chk("timer expirations", (long long)ticks, 1);
    chk_yes("timer fired after >= 15ms", now_ns(CLOCK_MONOTONIC) - t0 >= 15000000LL);
    its.it_value.tv_nsec = 2000000000;
    chk("timerfd_settime bad nsec", wali_timerfd_settime(tf, 0, &its, 0), -EINVAL);
    chk("timerfd_settime bad ptr", wali_timerfd_settime(tf, 0, BAD_PTR, 0), -EFAULT);
    chk("timerfd_settime not a timerfd", wali_timerfd_settime(a[0], 0, &its, 0), -EINVAL);
    its.it_value.tv_nsec = 0;
    chk("timerfd_settime bad old ptr", wali_timerfd_settime(tf, 0, &its, BAD_PTR), -EFAULT);
    chk("timerfd_settime bad fd", wali_timerfd_settime(9999, 0, &its, 0), -EBADF);
    wali_close(tf);

    /* --- clocks --- */
    long long m1 = now_ns(CLOCK_MONOTONIC), m2 = now_ns(CLOCK_MONOTONIC);
    chk_yes("monotonic non-decreasing", m1 > 0 && m2 >= m1);
    struct w_timespec rt;
    chk("clock_gettime REALTIME", wali_clock_gettime(CLOCK_REALTIME, &rt), 0);
    chk_yes("realtime after 2020", rt.tv_sec > 1577836800LL);
    chk_yes("realtime nsec in range", rt.tv_nsec >= 0 && rt.tv_nsec < 1000000000LL);
    chk("clock_gettime BOOTTIME", wali_clock_gettime(CLOCK_BOOTTIME, &ts), 0);
    chk("clock_gettime PROCESS_CPUTIME", wali_clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts), 0);
    chk("clock_gettime bad clock", wali_clock_gettime(999, &ts), -EINVAL);
    chk("clock_gettime bad ptr", wali_clock_gettime(CLOCK_MONOTONIC, BAD_PTR), -EFAULT);
    chk("clock_gettime timespec crossing end of memory",
        wali_clock_gettime(CLOCK_MONOTONIC, (struct w_timespec *)((char *)mem_end() - 8)), -EFAULT);
    chk("clock_getres MONOTONIC", wali_clock_getres(CLOCK_MONOTONIC, &ts), 0);
    chk_yes("monotonic resolution <= 1ms", ts.tv_sec == 0 && ts.tv_nsec > 0 && ts.tv_nsec <= 1000000);
    chk("clock_getres bad clock", wali_clock_getres(999, &ts), -EINVAL);
    chk("clock_getres NULL res", wali_clock_getres(CLOCK_REALTIME, 0), 0);
    struct w_timeval gtv;
    struct w_timezone tz;
    chk("gettimeofday", wali_gettimeofday(&gtv, &tz), 0);
    wali_clock_gettime(CLOCK_REALTIME, &rt);
    chk_yes("gettimeofday close to CLOCK_REALTIME", gtv.tv_sec <= rt.tv_sec && rt.tv_sec - gtv.tv_sec <= 2);
    chk_yes("gettimeofday usec in range", gtv.tv_usec >= 0 && gtv.tv_usec < 1000000);
    chk("gettimeofday NULL tz", wali_gettimeofday(&gtv, 0), 0);
    chk("gettimeofday bad ptr", wali_gettimeofday(BAD_PTR, 0), -EFAULT);

    /* --- sleeps --- */
    struct w_timespec req, rem;
    req.tv_sec = 0;
    req.tv_nsec = 10000000;
    t0 = now_ns(CLOCK_MONOTONIC);
    chk("nanosleep 10ms", wali_nanosleep(&req, &rem), 0);
    chk_yes("nanosleep slept >= 10ms", now_ns(CLOCK_MONOTONIC) - t0 >= 10000000LL);
    req.tv_nsec = 1000000000;
    chk("nanosleep bad nsec", wali_nanosleep(&req, 0), -EINVAL);
    chk("nanosleep bad ptr", wali_nanosleep(BAD_PTR, 0), -EFAULT);
    req.tv_nsec = 10000000;
    t0 = now_ns(CLOCK_MONOTONIC);
    chk("clock_nanosleep MONOTONIC 10ms", wali_clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem), 0);
    chk_yes("clock_nanosleep slept >= 10ms", now_ns(CLOCK_MONOTONIC) - t0 >= 10000000LL);
    long long target = now_ns(CLOCK_MONOTONIC) + 10000000LL;
    req.tv_sec = target / 1000000000LL;
    req.tv_nsec = target % 1000000000LL;
    chk("clock_nanosleep ABSTIME +10ms", wali_clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, 0), 0);
    chk_yes("reached absolute target", now_ns(CLOCK_MONOTONIC) >= target);
    req.tv_sec = 1;
    req.tv_nsec = 0;
    chk("clock_nanosleep ABSTIME in the past", wali_clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, 0), 0);
    chk("clock_nanosleep bad clock", wali_clock_nanosleep(999, 0, &req, 0), -EINVAL);
    req.tv_nsec = -5;
    chk("clock_nanosleep bad nsec", wali_clock_nanosleep(CLOCK_MONOTONIC, 0, &req, 0), -EINVAL);

    chk("clock_nanosleep bad req ptr", wali_clock_nanosleep(CLOCK_MONOTONIC, 0, BAD_PTR, 0), -EFAULT);
    chk("clock_nanosleep bad clock, bad req ptr", wali_clock_nanosleep(999, 0, BAD_PTR, 0), -EINVAL);
    req.tv_sec = 0;
    req.tv_nsec = 1000;
    chk("clock_nanosleep THREAD_CPUTIME", wali_clock_nanosleep(3 /* CLOCK_THREAD_CPUTIME_ID */, 0, &req, 0), -EOPNOTSUPP);
    req.tv_sec = -1;
    chk("nanosleep negative sec", wali_nanosleep(&req, 0), -EINVAL);
    chk("clock_getres bad ptr", wali_clock_getres(CLOCK_MONOTONIC, BAD_PTR), -EFAULT);
    chk("gettimeofday bad tz ptr", wali_gettimeofday(&gtv, BAD_PTR), -EFAULT);
    chk("gettimeofday NULL, NULL", wali_gettimeofday(0, 0), 0);
    chk("gettimeofday tz only", wali_gettimeofday(0, &tz), 0);

    wali_close(a[0]);
    wali_close(a[1]);
    wali_close(b[0]);
    wali_close(b[1]);
    return 0;
}

TEST_MAIN(test)
