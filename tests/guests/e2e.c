/* e2e: a small "application": copies a file to stdout, lists a directory, edits a
 * file through a MAP_SHARED mapping, then serves ONE HTTP/1.0 request on 127.0.0.1.
 *   argv[1]: directory prepared by the harness (input.txt, list/, map.bin)
 *   argv[2]: path of a file to which the listening port is written (decimal + "\n")
 * Nothing about the port goes to stdout. */
#include "wali.h"

static char buf[65536];

static int fail(const char *what, long long r) {
    say("FAILED: %s: %E\n", what, r);
    return 1;
}

static int cat_file(const char *path) {
    int fd = (int)wali_open(path, O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0) return fail("open input", fd);
    for (;;) {
        long long n = wali_read(fd, buf, sizeof buf);
        if (n < 0) return fail("read input", n);
        if (n == 0) break;
        long long w = write_all(1, buf, (size_t)n);
        if (w < 0) return fail("write stdout", w);
    }
    wali_close(fd);
    return 0;
}

static int list_dir(const char *path) {
    static char dbuf[4096];
    static char names[128][256];
    char *v[128];
    int n = 0;
    int fd = (int)wali_open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0) return fail("open dir", fd);
    for (;;) {
        long long r = wali_getdents64(fd, dbuf, sizeof dbuf);
        if (r < 0) return fail("getdents64", r);
        if (r == 0) break;
        for (long long off = 0; off < r;) {
            struct w_dirent64 *d = (struct w_dirent64 *)(dbuf + off);
            off += d->d_reclen;
            if (streq(d->d_name, ".") || streq(d->d_name, "..")) continue;
            if (n < 128) {
                fmt(names[n], sizeof names[n], "%s%s", d->d_name, d->d_type == DT_DIR ? "/" : "");
                v[n] = names[n];
                n++;
            }
        }
    }
    wali_close(fd);
    sort_strings(v, n);
    say("== ls %d entries ==\n", n);
    for (int i = 0; i < n; i++) say("%s\n", v[i]);
    return 0;
}

static int edit_mapped(const char *path) {
    int fd = (int)wali_open(path, O_RDWR | O_CLOEXEC, 0);
    if (fd < 0) return fail("open map file", fd);
    struct w_stat st;
    long long r = wali_fstat(fd, &st);
    if (r < 0) return fail("fstat", r);
    unsigned size = (unsigned)st.st_size;
    long long p = wali_mmap(0, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p < 0) return fail("mmap", p);
    char *m = (char *)(uptr)p;
    int changed = 0;
    for (unsigned i = 0; i < size; i++)
        if (m[i] >= 'a' && m[i] <= 'z') {
            m[i] = (char)(m[i] - 'a' + 'A');
            changed++;
        }
    if ((r = wali_msync(m, size, MS_SYNC)) < 0) return fail("msync", r);
    if ((r = wali_munmap(m, size)) < 0) return fail("munmap", r);
    wali_close(fd);
    say("== mmap: uppercased %d bytes of %u ==\n", changed, size);
    fd = (int)wali_open(path, O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0) return fail("reopen map file", fd);
    long long n = read_all(fd, buf, sizeof buf);
    wali_close(fd);
    if (n < 0) return fail("read map file", n);
    out_n(buf, (size_t)n);
    return 0;
}

static int wait_readable(int fd, int ms) {
    struct w_pollfd pf;
    pf.fd = fd;
    pf.events = POLLIN;
    pf.revents = 0;
    long long r;
    do {
        r = wali_poll(&pf, 1, ms);
    } while (r == -EINTR);
    return (int)r;
}

static int serve_one(const char *portfile) {
    long long r;
    int ls = (int)wali_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (ls < 0) return fail("socket", ls);
    int one = 1;
    wali_setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, 4);
    struct w_sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr = INADDR_LOOPBACK_BE;
    if ((r = wali_bind(ls, &a, sizeof a)) < 0) return fail("bind", r);
    if ((r = wali_listen(ls, 4)) < 0) return fail("listen", r);
    unsigned alen = sizeof a;
    if ((r = wali_getsockname(ls, &a, &alen)) < 0) return fail("getsockname", r);
    unsigned port = (unsigned)(((a.sin_port & 0xff) << 8) | (a.sin_port >> 8));

    /* publish the port atomically: write a temp file, then rename it */
    char tmp[1024], num[16];
    fmt(tmp, sizeof tmp, "%s.tmp", portfile);
    int pf = (int)wali_open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (pf < 0) return fail("open port file", pf);
    int len = fmt(num, sizeof num, "%u\n", port);
    write_all(pf, num, (size_t)len);
    wali_close(pf);
    if ((r = wali_rename(tmp, portfile)) < 0) return fail("rename port file", r);
    out("== listening ==\n");

    if (wait_readable(ls, 10000) <= 0) return fail("no client within 10 s", -ETIMEDOUT);
    struct w_sockaddr_in peer;
    alen = sizeof peer;
    int c = (int)wali_accept4(ls, &peer, &alen, SOCK_CLOEXEC);
    if (c < 0) return fail("accept4", c);
    say("client from 127.0.0.1: %s\n", peer.sin_addr == INADDR_LOOPBACK_BE ? "yes" : "no");

    size_t got = 0;
    char *end = 0;
    while (!end) {
        if (wait_readable(c, 10000) <= 0) return fail("request timeout", -ETIMEDOUT);
        long long n = wali_read(c, buf + got, (unsigned)(sizeof buf - 1 - got));
        if (n < 0) return fail("read request", n);
        if (n == 0) break;
        got += (size_t)n;
        buf[got] = 0;
        for (size_t i = 0; i + 3 < got; i++)
            if (memcmp(buf + i, "\r\n\r\n", 4) == 0) {
                end = buf + i;
                break;
            }
        if (got >= sizeof buf - 1) break;
    }
    char *eol = strchr(buf, '\r');
    if (eol) *eol = 0;
    say("request: %s\n", buf);
    const char *body = streq(buf, "GET / HTTP/1.0") ? "hello from a WALI guest\n" : "bad request\n";
    char resp[512];
    int rl = fmt(resp, sizeof resp,
                 "HTTP/1.0 %s\r\nContent-Type: text/plain\r\nContent-Length: %u\r\nConnection: close\r\n\r\n%s",
                 streq(buf, "GET / HTTP/1.0") ? "200 OK" : "400 Bad Request", (unsigned)strlen(body), body);
    if ((r = write_all(c, resp, (size_t)rl)) < 0) return fail("write response", r);
    wali_shutdown(c, SHUT_WR);
    /* drain until the client closes (bounded) so the close is orderly */
    while (wait_readable(c, 10000) > 0 && wali_read(c, buf, sizeof buf) > 0) {
    }
    wali_close(c);
    wali_close(ls);
    out("== served 1 request ==\n");
    return 0;
}

static int test(int argc, char **argv) {
    if (argc < 3) {
        out("usage: e2e <dir> <portfile>\n");
        return 2;
    }
    long long r = wali_chdir(argv[1]);
    if (r < 0) return fail("chdir", r);
    out("== input.txt ==\n");
    if (cat_file("input.txt")) return 1;
    if (list_dir("list")) return 1;
    if (edit_mapped("map.bin")) return 1;
    return serve_one(argv[2]);
}

TEST_MAIN(test)
