/* net: TCP and UDP on 127.0.0.1 (ephemeral ports), AF_UNIX socketpair with
 * SCM_RIGHTS, sendmsg/recvmsg with 2 iovecs and write-back of msg_namelen,
 * msg_controllen and msg_flags; error paths. */
#include "wali.h"

static char buf[4096];

#define SO_LINGER 13
#define SO_PASSCRED 16
#define SO_SNDTIMEO 21
#define SCM_CREDENTIALS 2
struct w_linger { i32 l_onoff; i32 l_linger; };
struct w_ucred { i32 pid; u32 uid; u32 gid; };

static u16 swap16(u16 x) { return (u16)((x >> 8) | (x << 8)); }

static void loopback(struct w_sockaddr_in *a, u16 port_host) {
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_port = swap16(port_host);
    a->sin_addr = INADDR_LOOPBACK_BE;
}

static int test(int argc, char **argv) {
    struct w_sockaddr_in addr, peer, tmp;
    unsigned alen;

    /* --- TCP server --- */
    int ls = (int)wali_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    chk_ok("socket TCP", ls);
    int one = 1, val = 0;
    chk("setsockopt SO_REUSEADDR", wali_setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, 4), 0);
    alen = 4;
    chk("getsockopt SO_REUSEADDR", wali_getsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &val, &alen), 0);
    chk("SO_REUSEADDR value", val, 1);
    chk("SO_REUSEADDR optlen", alen, 4);
    alen = 4;
    chk("getsockopt SO_TYPE", wali_getsockopt(ls, SOL_SOCKET, SO_TYPE, &val, &alen), 0);
    chk("SO_TYPE value", val, SOCK_STREAM);
    chk("setsockopt bad level", wali_setsockopt(ls, 9999, SO_REUSEADDR, &one, 4), -ENOPROTOOPT);
    chk("setsockopt short optlen", wali_setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, 1), -EINVAL);
    chk("setsockopt bad optval", wali_setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, BAD_PTR, 4), -EFAULT);
    alen = 4;
    chk("getsockopt bad optval", wali_getsockopt(ls, SOL_SOCKET, SO_TYPE, BAD_PTR, &alen), -EFAULT);
    chk("getsockopt bad optlen ptr", wali_getsockopt(ls, SOL_SOCKET, SO_TYPE, &val, BAD_PTR), -EFAULT);
    alen = 4;
    chk("getsockopt bad fd, bad optval", wali_getsockopt(9999, SOL_SOCKET, SO_TYPE, BAD_PTR, &alen), -EBADF);
    chk("setsockopt bad fd, bad optval", wali_setsockopt(9999, SOL_SOCKET, SO_REUSEADDR, BAD_PTR, 4), -EBADF);
    struct w_linger lg = {1, 5}, lg2 = {0, 0};
    chk("setsockopt SO_LINGER", wali_setsockopt(ls, SOL_SOCKET, SO_LINGER, &lg, sizeof lg), 0);
    alen = sizeof lg2;
    chk("getsockopt SO_LINGER", wali_getsockopt(ls, SOL_SOCKET, SO_LINGER, &lg2, &alen), 0);
    chk_yes("SO_LINGER round trip", lg2.l_onoff == 1 && lg2.l_linger == 5 && alen == 8);
    struct w_timeval tv = {1, 500000}, tv2 = {0, 0};
    chk("setsockopt SO_RCVTIMEO", wali_setsockopt(ls, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv), 0);
    alen = sizeof tv2;
    chk("getsockopt SO_RCVTIMEO", wali_getsockopt(ls, SOL_SOCKET, SO_RCVTIMEO, &tv2, &alen), 0);
    chk_yes("SO_RCVTIMEO round trip", tv2.tv_sec == 1 && tv2.tv_usec == 500000 && alen == 16);
    chk("setsockopt SO_SNDTIMEO short", wali_setsockopt(ls, SOL_SOCKET, SO_SNDTIMEO, &tv, 8), -EINVAL);
    tv.tv_sec = 0;
    tv.tv_usec = 0;
    chk("setsockopt SO_RCVTIMEO 0", wali_setsockopt(ls, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv), 0);
    val = -1;
    alen = 4;
    chk("getsockopt SO_ERROR", wali_getsockopt(ls, SOL_SOCKET, SO_ERROR, &val, &alen), 0);
    chk("SO_ERROR value", val, 0);

    loopback(&addr, 0);
    chk("bind 127.0.0.1:0", wali_bind(ls, &addr, sizeof addr), 0);
    chk("bind again", wali_bind(ls, &addr, sizeof addr), -EINVAL);
    alen = sizeof tmp;
    memset(&tmp, 0, sizeof tmp);
    chk("getsockname", wali_getsockname(ls, &tmp, &alen), 0);
    chk("getsockname addrlen", alen, 16);
    chk("getsockname family", tmp.sin_family, AF_INET);
    chk_yes("getsockname addr 127.0.0.1", tmp.sin_addr == INADDR_LOOPBACK_BE);
    chk_yes("getsockname port != 0", tmp.sin_port != 0);
    u16 port = tmp.sin_port;
    chk("listen", wali_listen(ls, 8), 0);

    int other = (int)wali_socket(AF_INET, SOCK_STREAM, 0);
    chk("bind port in use", wali_bind(other, &tmp, sizeof tmp), -EADDRINUSE);
    chk("bind bad addr ptr", wali_bind(other, BAD_PTR, 16), -EFAULT);
    chk("bind short addrlen", wali_bind(other, &tmp, 4), -EINVAL);
    chk("bind addrlen > sockaddr_storage", wali_bind(other, &tmp, 200), -EINVAL);
    chk("bind bad fd, bad addr", wali_bind(9999, BAD_PTR, 16), -EBADF);
    chk("connect bad addr ptr", wali_connect(other, BAD_PTR, 16), -EFAULT);
    alen = 0;
    chk("getsockname NULL addr, len 0", wali_getsockname(other, 0, &alen), 0);
    chk("getsockname NULL addr: length", alen, 16);
    alen = 16;
    chk("getsockname NULL addr, len 16", wali_getsockname(other, 0, &alen), -EFAULT);
    chk("getsockname bad addrlen ptr", wali_getsockname(other, &tmp, BAD_PTR), -EFAULT);
    chk("accept4 bad fd, bad addrlen", wali_accept4(9999, &tmp, BAD_PTR, 0), -EBADF);
    alen = sizeof tmp;
    chk("accept on unlistened socket", wali_accept4(other, &tmp, &alen, 0), -EINVAL);
    chk("getpeername unconnected", wali_getpeername(other, &peer, &alen), -ENOTCONN);
    chk("recvfrom unconnected", wali_recvfrom(other, buf, 10, 0, 0, 0), -ENOTCONN);
    chk("shutdown unconnected", wali_shutdown(other, SHUT_RDWR), -ENOTCONN);
    wali_close(other);

    /* --- TCP client --- */
    int c = (int)wali_socket(AF_INET, SOCK_STREAM, 0);
    chk_ok("socket client", c);
    chk("connect", wali_connect(c, &tmp, sizeof tmp), 0);
    chk("connect again", wali_connect(c, &tmp, sizeof tmp), -EISCONN);
    memset(&peer, 0xee, sizeof peer);
    alen = sizeof peer;
    int s = (int)wali_accept4(ls, &peer, &alen, SOCK_CLOEXEC);
    chk_ok("accept4", s);
    chk("accept4 addrlen", alen, 16);
    chk_yes("accept4 peer 127.0.0.1", peer.sin_family == AF_INET && peer.sin_addr == INADDR_LOOPBACK_BE);
    chk("accepted F_GETFD", wali_fcntl(s, F_GETFD, 0), FD_CLOEXEC);
    struct w_sockaddr_in cl;
    alen = sizeof cl;
    chk("getsockname client", wali_getsockname(c, &cl, &alen), 0);
    chk_yes("accept peer port == client port", cl.sin_port == peer.sin_port);
    alen = sizeof tmp;
    chk("getpeername client", wali_getpeername(c, &tmp, &alen), 0);
    chk_yes("client peer port == server port", tmp.sin_port == port);
    alen = 2; /* too small: truncated, real length returned */
    chk("getpeername short buffer", wali_getpeername(c, &tmp, &alen), 0);
    chk("getpeername needed len", alen, 16);
    chk("accept4 bad flags", wali_accept4(ls, 0, 0, 0x1), -EINVAL);
    chk("setsockopt TCP_NODELAY", wali_setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, 4), 0);
    val = 0;
    alen = 4;
    chk("getsockopt TCP_NODELAY", wali_getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &val, &alen), 0);
    chk_yes("TCP_NODELAY set", val != 0);

    chk("sendto connected", wali_sendto(c, "ping", 4, 0, 0, 0), 4);
    memset(buf, 0, sizeof buf);
    chk("recvfrom", wali_recvfrom(s, buf, sizeof buf, 0, 0, 0), 4);
    chk_mem("recvfrom data", buf, "ping", 4);
    chk("sendto bad buf", wali_sendto(c, BAD_PTR, 4, 0, 0, 0), -EFAULT);
    chk("recvfrom nothing DONTWAIT", wali_recvfrom(s, buf, sizeof buf, MSG_DONTWAIT, 0, 0), -EAGAIN);
    chk("recvfrom bad fd, bad addrlen", wali_recvfrom(9999, buf, 10, 0, &tmp, BAD_PTR), -EBADF);
    int efd = (int)wali_eventfd(0);
    chk("recvfrom non-socket, bad addrlen", wali_recvfrom(efd, buf, 10, 0, &tmp, BAD_PTR), -ENOTSOCK);
    wali_close(efd);
    chk("sendto 3", wali_sendto(c, "abc", 3, 0, 0, 0), 3);
    chk("recvfrom bad buf (data kept)", wali_recvfrom(s, BAD_PTR, 10, 0, 0, 0), -EFAULT);
    memset(buf, 0, sizeof buf);
    chk("recvfrom MSG_PEEK", wali_recvfrom(s, buf, sizeof buf, MSG_PEEK, 0, 0), 3);
    chk("recvfrom after peek", wali_recvfrom(s, buf + 3, sizeof buf - 3, 0, 0, 0), 3);
    chk_mem("peeked data", buf, "abcabc", 6);

    /* sendmsg / recvmsg with 2 iovecs each */
    struct w_iovec iov[2];
    struct w_msghdr msg;
    iov[0].iov_base = (void *)"hello ";
    iov[0].iov_len = 6;
    iov[1].iov_base = (void *)"world";
    iov[1].iov_len = 5;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 2;
    chk("sendmsg 2 iovecs", wali_sendmsg(c, &msg, 0), 11);
    char r1[4], r2[32];
    memset(r1, 0, sizeof r1);
    memset(r2, 0, sizeof r2);
    iov[0].iov_base = r1;
    iov[0].iov_len = 4;
    iov[1].iov_base = r2;
    iov[1].iov_len = 20;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 2;
    msg.msg_flags = 0x7fff; /* must be overwritten */
    chk("recvmsg 2 iovecs", wali_recvmsg(s, &msg, 0), 11);
    chk_mem("recvmsg iov0", r1, "hell", 4);
    chk_mem("recvmsg iov1", r2, "o world", 7);
    chk("recvmsg msg_flags", msg.msg_flags, 0);
    chk("recvmsg bad msghdr", wali_recvmsg(s, BAD_PTR, 0), -EFAULT);
    chk("sendmsg bad msghdr", wali_sendmsg(c, BAD_PTR, 0), -EFAULT);
    chk("sendmsg bad fd, bad msghdr", wali_sendmsg(9999, BAD_PTR, 0), -EBADF);
    chk("recvmsg bad fd, bad msghdr", wali_recvmsg(9999, BAD_PTR, 0), -EBADF);
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 2000;
    chk("sendmsg iovlen > UIO_MAXIOV", wali_sendmsg(c, &msg, 0), -EMSGSIZE);
    msg.msg_iov = BAD_PTR;
    msg.msg_iovlen = 2;
    chk("sendmsg bad iov array", wali_sendmsg(c, &msg, 0), -EFAULT);
    chk("recvmsg bad iov array", wali_recvmsg(s, &msg, MSG_DONTWAIT), -EFAULT);
    iov[0].iov_base = BAD_PTR;
    iov[0].iov_len = 4;
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    chk("sendmsg bad iov_base", wali_sendmsg(c, &msg, 0), -EFAULT);
    iov[0].iov_base = (void *)"x";
    iov[0].iov_len = 1;
    msg.msg_control = BAD_PTR;
    msg.msg_controllen = 16;
    chk("sendmsg bad msg_control", wali_sendmsg(c, &msg, 0), -EFAULT);

    chk("shutdown client WR", wali_shutdown(c, SHUT_WR), 0);
    chk("recv EOF", wali_recvfrom(s, buf, sizeof buf, 0, 0, 0), 0);
    chk("shutdown bad how", wali_shutdown(s, 99), -EINVAL);
    chk("shutdown bad fd", wali_shutdown(9999, SHUT_RD), -EBADF);
    wali_close(s);
    wali_close(c);

    /* connection refused: bind a port, close it, connect to it */
    int t = (int)wali_socket(AF_INET, SOCK_STREAM, 0);
    loopback(&addr, 0);
    wali_bind(t, &addr, sizeof addr);
    alen = sizeof addr;
    wali_getsockname(t, &addr, &alen);
    wali_close(t);
    t = (int)wali_socket(AF_INET, SOCK_STREAM, 0);
    chk("connect closed port", wali_connect(t, &addr, sizeof addr), -ECONNREFUSED);
    wali_close(t);
    wali_close(ls);

    /* --- UDP --- */
    int u1 = (int)wali_socket(AF_INET, SOCK_DGRAM, 0);
    int u2 = (int)wali_socket(AF_INET, SOCK_DGRAM, 0);
    chk_yes("socket UDP x2", u1 >= 0 && u2 >= 0);
    struct w_sockaddr_in ua1, ua2;
    loopback(&ua1, 0);
    loopback(&ua2, 0);
    chk("bind u1", wali_bind(u1, &ua1, sizeof ua1), 0);
    chk("bind u2", wali_bind(u2, &ua2, sizeof ua2), 0);
    alen = sizeof ua1;
    wali_getsockname(u1, &ua1, &alen);
    alen = sizeof ua2;
    wali_getsockname(u2, &ua2, &alen);
    chk("sendto u2->u1", wali_sendto(u2, "datagram", 8, 0, &ua1, sizeof ua1), 8);
    memset(&peer, 0, sizeof peer);
    alen = sizeof peer;
    memset(buf, 0, sizeof buf);
    chk("recvfrom u1", wali_recvfrom(u1, buf, sizeof buf, 0, &peer, &alen), 8);
    chk_mem("udp data", buf, "datagram", 8);
    chk("recvfrom addrlen", alen, 16);
    chk_yes("recvfrom src == u2", peer.sin_port == ua2.sin_port && peer.sin_addr == INADDR_LOOPBACK_BE);

    /* sendmsg with msg_name; recvmsg into a too-small buffer -> MSG_TRUNC, namelen written back */
    iov[0].iov_base = (void *)"0123456789";
    iov[0].iov_len = 10;
    iov[1].iov_base = (void *)"abcdef";
    iov[1].iov_len = 6;
    memset(&msg, 0, sizeof msg);
    msg.msg_name = &ua1;
    msg.msg_namelen = sizeof ua1;
    msg.msg_iov = iov;
    msg.msg_iovlen = 2;
    chk("sendmsg u2->u1 with name", wali_sendmsg(u2, &msg, 0), 16);
    char small[6];
    memset(small, 0, sizeof small);
    iov[0].iov_base = r1;
    iov[0].iov_len = 4;
    iov[1].iov_base = small;
    iov[1].iov_len = 6;
    memset(&msg, 0, sizeof msg);
    memset(&peer, 0, sizeof peer);
    msg.msg_name = &peer;
    msg.msg_namelen = 64; /* larger than needed: kernel writes back 16 */
    msg.msg_iov = iov;
    msg.msg_iovlen = 2;
    chk("recvmsg truncated datagram", wali_recvmsg(u1, &msg, 0), 10);
    chk_mem("recvmsg iov0", r1, "0123", 4);
    chk_mem("recvmsg iov1", small, "456789", 6);
    chk("recvmsg msg_namelen written back", msg.msg_namelen, 16);
    chk_yes("recvmsg msg_name port == u2", peer.sin_port == ua2.sin_port);
    chk("recvmsg msg_flags MSG_TRUNC", msg.msg_flags & MSG_TRUNC, MSG_TRUNC);
    chk("recvmsg nothing DONTWAIT", wali_recvmsg(u1, &msg, MSG_DONTWAIT), -EAGAIN);
    chk("sendto datagram crossing end of memory", wali_sendto(u2, (char *)mem_end() - 16, 64, 0, &ua1, sizeof ua1), -EFAULT);
    chk("nothing was sent", wali_recvfrom(u1, buf, sizeof buf, MSG_DONTWAIT, 0, 0), -EAGAIN);
    chk("sendto addrlen 0", wali_sendto(u2, "x", 1, 0, &ua1, 0), -EINVAL);
    chk("sendto addrlen > sockaddr_storage", wali_sendto(u2, "x", 1, 0, &ua1, 200), -EINVAL);
    chk("sendto bad addr", wali_sendto(u2, "x", 1, 0, BAD_PTR, 16), -EFAULT);
    chk("sendto unconnected UDP, no addr", wali_sendto(u2, "x", 1, 0, 0, 0), -EDESTADDRREQ);
    /* malformed control data: cmsg_len shorter than the header */
    {
        static u64 bad_ctl[4];
        struct w_cmsghdr *bc = (struct w_cmsghdr *)bad_ctl;
        memset(bad_ctl, 0, sizeof bad_ctl);
        bc->cmsg_len = 8;
        bc->cmsg_level = SOL_SOCKET;
        bc->cmsg_type = SCM_RIGHTS;
        iov[0].iov_base = (void *)"x";
        iov[0].iov_len = 1;
        memset(&msg, 0, sizeof msg);
        msg.msg_name = &ua1;
        msg.msg_namelen = sizeof ua1;
        msg.msg_iov = iov;
        msg.msg_iovlen = 1;
        msg.msg_control = bad_ctl;
        msg.msg_controllen = sizeof bad_ctl;
        chk("sendmsg malformed cmsg", wali_sendmsg(u2, &msg, 0), -EINVAL);
    }
    wali_close(u1);
    wali_close(u2);

    /* --- socketpair + SCM_RIGHTS --- */
    int sv[2] = {-1, -1};
    chk("socketpair AF_UNIX", wali_socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    chk("socketpair bad ptr", wali_socketpair(AF_UNIX, SOCK_STREAM, 0, BAD_PTR), -EFAULT);
    int sv_bad[2];
    chk("socketpair AF_INET", wali_socketpair(AF_INET, SOCK_STREAM, 0, sv_bad), -EOPNOTSUPP);
    int pp[2];
    chk("pipe", wali_pipe(pp), 0);

    static u64 cbuf_store[16]; /* 8-aligned control buffer */
    char *cbuf = (char *)cbuf_store;
    memset(cbuf, 0, 128);
    struct w_cmsghdr *cm = (struct w_cmsghdr *)cbuf;
    cm->cmsg_len = W_CMSG_LEN(sizeof(int));
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    memcpy(W_CMSG_DATA(cm), &pp[0], sizeof(int));
    iov[0].iov_base = (void *)"F";
    iov[0].iov_len = 1;
    iov[1].iov_base = (void *)"D";
    iov[1].iov_len = 1;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 2;
    msg.msg_control = cbuf;
    msg.msg_controllen = W_CMSG_SPACE(sizeof(int));
    chk("sendmsg SCM_RIGHTS", wali_sendmsg(sv[0], &msg, 0), 2);
    chk("close original pipe read end", wali_close(pp[0]), 0);

    memset(cbuf, 0xab, 128);
    memset(r2, 0, sizeof r2);
    iov[0].iov_base = r2;
    iov[0].iov_len = 1;
    iov[1].iov_base = r2 + 1;
    iov[1].iov_len = 10;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 2;
    msg.msg_control = cbuf;
    msg.msg_controllen = 128;
    msg.msg_flags = 0x7fff;
    chk("recvmsg SCM_RIGHTS", wali_recvmsg(sv[1], &msg, 0), 2);
    chk_mem("recvmsg data", r2, "FD", 2);
    chk("msg_controllen written back", msg.msg_controllen, W_CMSG_SPACE(sizeof(int)));
    chk("msg_flags written back", msg.msg_flags, 0);
    cm = (struct w_cmsghdr *)cbuf;
    chk("cmsg_len", cm->cmsg_len, W_CMSG_LEN(sizeof(int)));
    chk("cmsg_level", cm->cmsg_level, SOL_SOCKET);
    chk("cmsg_type", cm->cmsg_type, SCM_RIGHTS);
    int got = -1;
    memcpy(&got, W_CMSG_DATA(cm), sizeof(int));
    chk_yes("received fd valid", got >= 0 && wali_fcntl(got, F_GETFD, 0) >= 0);
    chk("write to pipe", wali_write(pp[1], "via passed fd", 13), 13);
    memset(buf, 0, sizeof buf);
    chk("read via received fd", wali_read(got, buf, sizeof buf), 13);
    chk_mem("received fd data", buf, "via passed fd", 13);
    wali_close(got);

    /* control buffer too small for the fd -> MSG_CTRUNC */
    memset(cbuf, 0, 128);
    cm = (struct w_cmsghdr *)cbuf;
    cm->cmsg_len = W_CMSG_LEN(sizeof(int));
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    memcpy(W_CMSG_DATA(cm), &pp[1], sizeof(int));
    iov[0].iov_base = (void *)"T";
    iov[0].iov_len = 1;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    msg.msg_control = cbuf;
    msg.msg_controllen = W_CMSG_SPACE(sizeof(int));
    chk("sendmsg SCM_RIGHTS 2", wali_sendmsg(sv[0], &msg, 0), 1);
    memset(cbuf, 0, 128);
    iov[0].iov_base = r2;
    iov[0].iov_len = 8;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    msg.msg_control = cbuf;
    msg.msg_controllen = sizeof(struct w_cmsghdr); /* no room for data */
    chk("recvmsg tiny control buffer", wali_recvmsg(sv[1], &msg, 0), 1);
    chk("msg_flags MSG_CTRUNC", msg.msg_flags & MSG_CTRUNC, MSG_CTRUNC);
    chk("msg_controllen after CTRUNC", msg.msg_controllen, 0);

    /* two descriptors, room for one: the kernel keeps what fits (musl-sized buffer) */
    int two[2] = {pp[1], pp[1]};
    memset(cbuf, 0, 128);
    cm = (struct w_cmsghdr *)cbuf;
    cm->cmsg_len = W_CMSG_LEN(2 * sizeof(int));
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    memcpy(W_CMSG_DATA(cm), two, sizeof two);
    iov[0].iov_base = (void *)"2";
    iov[0].iov_len = 1;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    msg.msg_control = cbuf;
    msg.msg_controllen = W_CMSG_SPACE(2 * sizeof(int));
    chk("sendmsg 2 fds", wali_sendmsg(sv[0], &msg, 0), 1);
    memset(cbuf, 0, 128);
    iov[0].iov_base = r2;
    iov[0].iov_len = 8;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    msg.msg_control = cbuf;
    msg.msg_controllen = W_CMSG_LEN(sizeof(int)); /* 20 */
    chk("recvmsg room for 1 fd", wali_recvmsg(sv[1], &msg, 0), 1);
    chk("msg_flags MSG_CTRUNC (1 of 2)", msg.msg_flags & MSG_CTRUNC, MSG_CTRUNC);
    chk("msg_controllen (1 fd)", msg.msg_controllen, W_CMSG_LEN(sizeof(int)));
    chk("cmsg_len (1 fd)", cm->cmsg_len, W_CMSG_LEN(sizeof(int)));
    memcpy(&got, W_CMSG_DATA(cm), sizeof(int));
    chk_yes("the one fd is valid", got >= 0 && wali_fcntl(got, F_GETFD, 0) >= 0);
    wali_close(got);

    /* SCM_CREDENTIALS (12-byte payload, padded to 16) */
    chk("setsockopt SO_PASSCRED", wali_setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, 4), 0);
    struct w_ucred cr = {(i32)wali_getpid(), (u32)wali_getuid(), (u32)wali_getgid()};
    memset(cbuf, 0, 128);
    cm = (struct w_cmsghdr *)cbuf;
    cm->cmsg_len = W_CMSG_LEN(sizeof cr);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_CREDENTIALS;
    memcpy(W_CMSG_DATA(cm), &cr, sizeof cr);
    iov[0].iov_base = (void *)"C";
    iov[0].iov_len = 1;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    msg.msg_control = cbuf;
    msg.msg_controllen = W_CMSG_SPACE(sizeof cr);
    chk("sendmsg SCM_CREDENTIALS", wali_sendmsg(sv[0], &msg, 0), 1);
    memset(cbuf, 0, 128);
    iov[0].iov_base = r2;
    iov[0].iov_len = 8;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    msg.msg_control = cbuf;
    msg.msg_controllen = 128;
    chk("recvmsg SCM_CREDENTIALS", wali_recvmsg(sv[1], &msg, 0), 1);
    chk("creds msg_controllen", msg.msg_controllen, W_CMSG_SPACE(sizeof cr));
    chk("creds cmsg_len", cm->cmsg_len, W_CMSG_LEN(sizeof cr));
    chk("creds cmsg_type", cm->cmsg_type, SCM_CREDENTIALS);
    struct w_ucred cr2;
    memcpy(&cr2, W_CMSG_DATA(cm), sizeof cr2);
    chk_yes("creds match sender", cr2.pid == cr.pid && cr2.uid == cr.uid && cr2.gid == cr.gid);
    int zero = 0;
    chk("setsockopt SO_PASSCRED 0", wali_setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &zero, 4), 0);

    /* plain data over the pair, both directions */
    chk("write sv1", wali_write(sv[1], "pong", 4), 4);
    memset(buf, 0, sizeof buf);
    chk("read sv0", wali_read(sv[0], buf, sizeof buf), 4);
    chk_mem("pair data", buf, "pong", 4);
    chk("getsockname pipe fd", wali_getsockname(pp[1], &tmp, &alen), -ENOTSOCK);
    chk("getsockname bad fd", wali_getsockname(9999, &tmp, &alen), -EBADF);
    chk("socket bad family", wali_socket(9999, SOCK_STREAM, 0), -EAFNOSUPPORT);
    chk("socket bad type", wali_socket(AF_INET, 9999, 0), -EINVAL);
    wali_close(pp[1]);
    wali_close(sv[0]);
    wali_close(sv[1]);
    return 0;
}

TEST_MAIN(test)
