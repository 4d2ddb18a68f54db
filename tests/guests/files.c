/* files: file and directory syscalls, success and error paths.
 * argv[1]: absolute path of a directory that does not exist yet; the program
 * creates it, works inside it and removes it. */
#include "wali.h"

static char buf[8192];
static struct w_stat st;

static i64 size_of(const char *path) {
    long long r = wali_stat(path, &st);
    return r < 0 ? r : st.st_size;
}

static void read_dir_sorted(int dfd, const char *label) {
    static char dbuf[4096];
    static char names[64][64];
    char *v[64];
    int n = 0;
    for (;;) {
        long long r = wali_getdents64(dfd, dbuf, sizeof dbuf);
        if (r < 0) {
            show("getdents64", r);
            return;
        }
        if (r == 0) break;
        for (long long off = 0; off < r;) {
            struct w_dirent64 *d = (struct w_dirent64 *)(dbuf + off);
            if (n < 64) {
                fmt(names[n], sizeof names[n], "%s(%s)", d->d_name,
                    d->d_type == DT_DIR ? "dir" : d->d_type == DT_REG ? "reg" : d->d_type == DT_LNK ? "lnk" : "?");
                v[n] = names[n];
                n++;
            }
            off += d->d_reclen;
        }
    }
    sort_strings(v, n);
    say("%s:", label);
    for (int i = 0; i < n; i++) say(" %s", v[i]);
    say("\n");
}

static int test(int argc, char **argv) {
    if (argc < 2) {
        out("usage: files <fresh-dir>\n");
        return 2;
    }
    const char *dir = argv[1];
    long long r;

    wali_umask(022);
    chk("umask(077) returns old 022", wali_umask(077), 022);
    wali_umask(022);

    /* --- directory setup, cwd --- */
    chk("mkdir dir", wali_mkdir(dir, 0755), 0);
    chk("mkdir dir again", wali_mkdir(dir, 0755), -EEXIST);
    chk("mkdir missing parent", wali_mkdir("/nonexistent-wali/x/y", 0755), -ENOENT);
    chk("mkdir bad ptr", wali_mkdir(BAD_PTR, 0755), -EFAULT);
    chk("chdir dir", wali_chdir(dir), 0);
    chk("chdir missing", wali_chdir("no-such-dir"), -ENOENT);
    chk("chdir bad ptr", wali_chdir(BAD_PTR), -EFAULT);
    r = wali_getcwd(buf, sizeof buf);
    chk("getcwd returns len+1", r, (long long)strlen(dir) + 1);
    chk_yes("getcwd matches argv[1]", r > 0 && streq(buf, dir));
    chk("getcwd size 1", wali_getcwd(buf, 1), -ERANGE);
    chk("getcwd bad ptr", wali_getcwd(BAD_PTR, 4096), -EFAULT);

    /* --- create, write, read --- */
    int fd = (int)wali_open("a.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    chk_ok("open a.txt O_CREAT", fd);
    chk("write 12", wali_write(fd, "hello world\n", 12), 12);
    chk("read on O_WRONLY fd", wali_read(fd, buf, 4), -EBADF);
    chk("close", wali_close(fd), 0);
    chk("close again", wali_close(fd), -EBADF);
    chk("open missing", wali_open("missing.txt", O_RDONLY, 0), -ENOENT);
    chk("open O_EXCL existing", wali_open("a.txt", O_CREAT | O_EXCL | O_WRONLY, 0644), -EEXIST);
    chk("open bad ptr", wali_open(BAD_PTR, O_RDONLY, 0), -EFAULT);
    chk("open dir O_WRONLY", wali_open(".", O_WRONLY, 0), -EISDIR);
    chk("open file O_DIRECTORY", wali_open("a.txt", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);

    int dfd = (int)wali_open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    chk_ok("open . O_DIRECTORY", dfd);
    fd = (int)wali_openat(AT_FDCWD, "a.txt", O_RDWR, 0);
    chk_ok("openat AT_FDCWD a.txt", fd);
    int fd3 = (int)wali_openat(dfd, "a.txt", O_RDONLY | O_CLOEXEC, 0);
    chk_ok("openat dirfd a.txt", fd3);
    chk("openat bad dirfd", wali_openat(9999, "a.txt", O_RDONLY, 0), -EBADF);
    chk("openat missing", wali_openat(dfd, "nope", O_RDONLY, 0), -ENOENT);
    chk("close fd3", wali_close(fd3), 0);

    memset(buf, 0, sizeof buf);
    chk("read 5", wali_read(fd, buf, 5), 5);
    chk_mem("read data", buf, "hello", 5);
    chk("lseek CUR", wali_lseek(fd, 0, SEEK_CUR), 5);
    chk("lseek END-3", wali_lseek(fd, -3, SEEK_END), 9);
    chk("lseek bad whence", wali_lseek(fd, 0, 99), -EINVAL);
    chk("lseek negative", wali_lseek(fd, -100, SEEK_SET), -EINVAL);
    chk("lseek bad fd", wali_lseek(9999, 0, SEEK_SET), -EBADF);
    chk("lseek 2^33", wali_lseek(fd, 1LL << 33, SEEK_SET), 1LL << 33);
    chk("lseek back to 9", wali_lseek(fd, 9, SEEK_SET), 9);
    memset(buf, 0, sizeof buf);
    chk("pread64 5@6", wali_pread64(fd, buf, 5, 6), 5);
    chk_mem("pread64 data", buf, "world", 5);
    chk("pwrite64 5@6", wali_pwrite64(fd, "WORLD", 5, 6), 5);
    chk("offset unchanged by pread/pwrite", wali_lseek(fd, 0, SEEK_CUR), 9);
    chk("pread64 negative offset", wali_pread64(fd, buf, 5, -1), -EINVAL);
    chk("pread64 bad fd", wali_pread64(9999, buf, 5, 0), -EBADF);
    chk("pread64 past EOF", wali_pread64(fd, buf, 5, 1000), 0);

    /* readv / writev */
    char a[4], b[20];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    struct w_iovec iov[3];
    iov[0].iov_base = a;
    iov[0].iov_len = 4;
    iov[1].iov_base = b;
    iov[1].iov_len = 8;
    wali_lseek(fd, 0, SEEK_SET);
    chk("readv 4+8", wali_readv(fd, iov, 2), 12);
    chk_mem("readv iov0", a, "hell", 4);
    chk_mem("readv iov1", b, "o WORLD\n", 8);
    iov[0].iov_base = (void *)"one,";
    iov[0].iov_len = 4;
    iov[1].iov_base = (void *)"two,";
    iov[1].iov_len = 4;
    iov[2].iov_base = (void *)"three\n";
    iov[2].iov_len = 6;
    chk("writev 3 iovecs", wali_writev(fd, iov, 3), 14);
    chk("size after writev", size_of("a.txt"), 26);
    memset(buf, 0, sizeof buf);
    chk("pread64 whole", wali_pread64(fd, buf, 100, 0), 26);
    chk_mem("file content", buf, "hello WORLD\none,two,three\n", 26);
    chk("readv bad iov array", wali_readv(fd, BAD_PTR, 2), -EFAULT);
    wali_lseek(fd, 0, SEEK_SET);
    iov[0].iov_base = BAD_PTR;
    iov[0].iov_len = 4;
    chk("readv bad iov base", wali_readv(fd, iov, 1), -EFAULT);
    chk("readv iovcnt -1", wali_readv(fd, iov, -1), -EINVAL);
    chk("writev bad fd", wali_writev(9999, iov, 1), -EBADF);

    /* bad fds / pointers */
    chk("read bad fd", wali_read(9999, buf, 1), -EBADF);
    chk("write bad fd", wali_write(9999, "x", 1), -EBADF);
    wali_lseek(fd, 0, SEEK_SET);
    chk("read into bad ptr", wali_read(fd, BAD_PTR, 10), -EFAULT);
    chk("write from bad ptr", wali_write(fd, BAD_PTR, 10), -EFAULT);
    chk("read dir fd", wali_read(dfd, buf, 10), -EISDIR);
    chk("read 0 bytes into bad ptr", wali_read(fd, BAD_PTR, 0), 0);
    chk("write 0 bytes from bad ptr", wali_write(fd, BAD_PTR, 0), 0);
    chk("read 0 bytes into NULL", wali_read(fd, 0, 0), 0);
    chk("read 0 bytes at end of memory", wali_read(fd, mem_end(), 0), 0);
    chk("writev 0 iovecs", wali_writev(fd, iov, 0), 0);
    chk("readv 1025 iovecs", wali_readv(fd, iov, 1025), -EINVAL);

    /* strings: unterminated at the end of memory, and longer than PATH_MAX */
    char *tailstr = (char *)mem_end() - 3;
    memcpy(tailstr, "abc", 3); /* no NUL before the end of memory */
    chk("open unterminated path at end of memory", wali_open(tailstr, O_RDONLY, 0), -EFAULT);
    chk("stat unterminated path at end of memory", wali_stat(tailstr, &st), -EFAULT);
    static char longpath[5000];
    memset(longpath, 'x', sizeof longpath - 1);
    longpath[sizeof longpath - 1] = 0;
    chk("open path longer than PATH_MAX", wali_open(longpath, O_RDONLY, 0), -ENAMETOOLONG);
    longpath[300] = 0;
    chk("open name longer than NAME_MAX", wali_open(longpath, O_RDONLY, 0), -ENAMETOOLONG);

    /* --- fstat / stat / lstat / newfstatat / statx --- */
    memset(&st, 0, sizeof st);
    chk("fstat", wali_fstat(fd, &st), 0);
    chk("fstat size", st.st_size, 26);
    chk("fstat S_IFREG", st.st_mode & S_IFMT, S_IFREG);
    chk("fstat perms 0644", st.st_mode & 07777, 0644);
    chk("fstat nlink", (long long)st.st_nlink, 1);
    chk_yes("fstat uid == getuid", st.st_uid == (u32)wali_getuid());
    chk("fstat bad fd", wali_fstat(9999, &st), -EBADF);
    chk("fstat bad ptr", wali_fstat(fd, BAD_PTR), -EFAULT);
    chk("fstat struct crossing end of memory", wali_fstat(fd, (struct w_stat *)((char *)mem_end() - 64)), -EFAULT);
    chk("stat a.txt", wali_stat("a.txt", &st), 0);
    chk("stat size", st.st_size, 26);
    chk("stat missing", wali_stat("nope", &st), -ENOENT);
    chk("stat bad path ptr", wali_stat(BAD_PTR, &st), -EFAULT);
    chk("stat bad buf ptr", wali_stat("a.txt", BAD_PTR), -EFAULT);
    chk("stat . is dir", (wali_stat(".", &st), st.st_mode & S_IFMT), S_IFDIR);
    chk("stat through file", wali_stat("a.txt/x", &st), -ENOTDIR);

    chk("symlink", wali_symlink("a.txt", "sym"), 0);
    chk("symlink exists", wali_symlink("a.txt", "sym"), -EEXIST);
    chk("symlinkat", wali_symlinkat("a.txt", dfd, "sym2"), 0);
    chk("symlinkat bad dirfd", wali_symlinkat("a.txt", 9999, "sym3"), -EBADF);
    chk("lstat sym", wali_lstat("sym", &st), 0);
    chk("lstat S_IFLNK", st.st_mode & S_IFMT, S_IFLNK);
    chk("lstat link size", st.st_size, 5);
    chk("stat sym follows", (wali_stat("sym", &st), st.st_mode & S_IFMT), S_IFREG);
    chk("lstat missing", wali_lstat("nope", &st), -ENOENT);
    chk("newfstatat AT_FDCWD", wali_newfstatat(AT_FDCWD, "a.txt", &st, 0), 0);
    chk("newfstatat size", st.st_size, 26);
    chk("newfstatat dirfd", wali_newfstatat(dfd, "a.txt", &st, 0), 0);
    chk("newfstatat AT_EMPTY_PATH", wali_newfstatat(fd, "", &st, AT_EMPTY_PATH), 0);
    chk("newfstatat empty size", st.st_size, 26);
    chk("newfstatat NOFOLLOW", (wali_newfstatat(dfd, "sym2", &st, AT_SYMLINK_NOFOLLOW), st.st_mode & S_IFMT), S_IFLNK);
    chk("newfstatat bad flags", wali_newfstatat(dfd, "a.txt", &st, 0x40000000), -EINVAL);
    chk("newfstatat missing", wali_newfstatat(dfd, "nope", &st, 0), -ENOENT);
    chk("newfstatat empty w/o flag", wali_newfstatat(fd, "", &st, 0), -ENOENT);

    static struct w_statx stx;
    memset(&stx, 0, sizeof stx);
    chk("statx", wali_statx(AT_FDCWD, "a.txt", 0, STATX_BASIC_STATS, &stx), 0);
    chk_yes("statx mask has SIZE|MODE", (stx.stx_mask & (STATX_SIZE | STATX_MODE)) == (STATX_SIZE | STATX_MODE));
    chk("statx size", (long long)stx.stx_size, 26);
    chk("statx mode", stx.stx_mode, S_IFREG | 0644);
    chk("statx nlink", stx.stx_nlink, 1);
    chk("statx via fd AT_EMPTY_PATH", wali_statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &stx), 0);
    chk("statx missing", wali_statx(AT_FDCWD, "nope", 0, STATX_BASIC_STATS, &stx), -ENOENT);
    chk("statx bad buf", wali_statx(AT_FDCWD, "a.txt", 0, STATX_BASIC_STATS, BAD_PTR), -EFAULT);
    chk("statx bad flags", wali_statx(AT_FDCWD, "a.txt", 0x7fff0000, STATX_BASIC_STATS, &stx), -EINVAL);

    /* --- truncate --- */
    chk("ftruncate 4", wali_ftruncate(fd, 4), 0);
    chk("size after ftruncate", size_of("a.txt"), 4);
    chk("truncate 2", wali_truncate("a.txt", 2), 0);
    chk("size after truncate", size_of("a.txt"), 2);
    chk("truncate grow to 2^32+1", wali_truncate("a.txt", (1LL << 32) + 1), 0);
    chk("size after big truncate", size_of("a.txt"), (1LL << 32) + 1);
    chk("pwrite64 at 2^32+5", wali_pwrite64(fd, "FAR", 3, (1LL << 32) + 5), 3);
    memset(buf, 0, 8);
    chk("pread64 at 2^32+5", wali_pread64(fd, buf, 3, (1LL << 32) + 5), 3);
    chk_mem("pread64 far data", buf, "FAR", 3);
    chk("size after far pwrite", size_of("a.txt"), (1LL << 32) + 8);
    chk("ftruncate 2^32+2", wali_ftruncate(fd, (1LL << 32) + 2), 0);
    chk("size after big ftruncate", size_of("a.txt"), (1LL << 32) + 2);
    chk("ftruncate 3", wali_ftruncate(fd, 3), 0);
    chk("truncate missing", wali_truncate("nope", 0), -ENOENT);
    chk("truncate dir", wali_truncate(".", 0), -EISDIR);
    chk("truncate negative", wali_truncate("a.txt", -1), -EINVAL);
    chk("ftruncate bad fd", wali_ftruncate(9999, 0), -EBADF);
    chk("ftruncate negative", wali_ftruncate(fd, -1), -EINVAL);
    chk("ftruncate dir fd", wali_ftruncate(dfd, 0), -EINVAL);
    chk("fsync", wali_fsync(fd), 0);
    chk("fdatasync", wali_fdatasync(fd), 0);
    chk("fsync bad fd", wali_fsync(9999), -EBADF);
    chk("fdatasync bad fd", wali_fdatasync(9999), -EBADF);

    /* --- access --- */
    chk("access R|W", wali_access("a.txt", R_OK | W_OK), 0);
    chk("access missing", wali_access("nope", F_OK), -ENOENT);
    chk("access bad mode", wali_access("a.txt", 0x100), -EINVAL);
    chk("access X on 0644 file", wali_access("a.txt", X_OK), -EACCES);
    chk("faccessat", wali_faccessat(dfd, "a.txt", R_OK, 0), 0);
    chk("faccessat missing", wali_faccessat(dfd, "nope", R_OK, 0), -ENOENT);
    chk("faccessat2 AT_EACCESS", wali_faccessat2(AT_FDCWD, "a.txt", R_OK, AT_EACCESS), 0);
    chk("faccessat2 X", wali_faccessat2(dfd, "a.txt", X_OK, AT_EACCESS), -EACCES);
    chk("faccessat2 bad flags", wali_faccessat2(dfd, "a.txt", R_OK, 0x1), -EINVAL);
    chk("faccessat2 NOFOLLOW sym", wali_faccessat2(dfd, "sym", F_OK, AT_SYMLINK_NOFOLLOW), 0);

    /* --- rename --- */
    chk("rename a->b", wali_rename("a.txt", "b.txt"), 0);
    chk("stat a after rename", wali_stat("a.txt", &st), -ENOENT);
    chk("rename missing", wali_rename("a.txt", "c.txt"), -ENOENT);
    chk("renameat2 b->c NOREPLACE", wali_renameat2(AT_FDCWD, "b.txt", dfd, "c.txt", RENAME_NOREPLACE), 0);
    int fd4 = (int)wali_open("d.txt", O_CREAT | O_WRONLY, 0600);
    chk_ok("create d.txt", fd4);
    chk("write d", wali_write(fd4, "dd", 2), 2);
    wali_close(fd4);
    chk("renameat2 c->d NOREPLACE", wali_renameat2(dfd, "c.txt", dfd, "d.txt", RENAME_NOREPLACE), -EEXIST);
    chk("renameat2 bad flags", wali_renameat2(dfd, "c.txt", dfd, "e.txt", 0x100), -EINVAL);
    chk("renameat2 bad dirfd", wali_renameat2(9999, "c.txt", dfd, "e.txt", 0), -EBADF);
    chk("rename file over dir", wali_rename("c.txt", "."), -EBUSY);

    /* --- links --- */
    chk("link", wali_link("c.txt", "hard"), 0);
    chk("stat nlink 2", (wali_stat("c.txt", &st), (long long)st.st_nlink), 2);
    chk("linkat", wali_linkat(AT_FDCWD, "c.txt", dfd, "hard2", 0), 0);
    chk("stat nlink 3", (wali_stat("hard", &st), (long long)st.st_nlink), 3);
    chk("link missing", wali_link("nope", "x"), -ENOENT);
    chk("link exists", wali_link("c.txt", "hard"), -EEXIST);
    chk("linkat bad flags", wali_linkat(dfd, "c.txt", dfd, "h3", 0x1), -EINVAL);
    memset(buf, 0, sizeof buf);
    chk("readlink sym", wali_readlink("sym", buf, 64), 5);
    chk_mem("readlink data", buf, "a.txt", 6);
    memset(buf, 0, sizeof buf);
    chk("readlinkat sym2", wali_readlinkat(dfd, "sym2", buf, 64), 5);
    chk_mem("readlinkat data", buf, "a.txt", 6);
    chk("readlink truncated", wali_readlink("sym", buf, 2), 2);
    chk("readlink regular file", wali_readlink("c.txt", buf, 64), -EINVAL);
    chk("readlink missing", wali_readlink("nope", buf, 64), -ENOENT);
    chk("readlink bad buf", wali_readlink("sym", BAD_PTR, 64), -EFAULT);
    chk("readlink buf crossing end of memory", wali_readlink("sym", (char *)mem_end() - 2, 64), -EFAULT);
    chk("readlinkat bad dirfd", wali_readlinkat(9999, "sym2", buf, 64), -EBADF);

    /* --- chmod --- */
    chk("chmod 0600", wali_chmod("c.txt", 0600), 0);
    chk("mode 0600", (wali_stat("c.txt", &st), st.st_mode & 07777), 0600);
    chk("fchmod 0640", wali_fchmod(fd, 0640), 0); /* fd still refers to c.txt (renamed) */
    chk("mode 0640", (wali_stat("c.txt", &st), st.st_mode & 07777), 0640);
    chk("fchmodat 0604", wali_fchmodat(dfd, "c.txt", 0604, 0), 0);
    chk("mode 0604", (wali_stat("c.txt", &st), st.st_mode & 07777), 0604);
    chk("chmod missing", wali_chmod("nope", 0600), -ENOENT);
    chk("fchmod bad fd", wali_fchmod(9999, 0600), -EBADF);
    chk("fchmodat bad dirfd", wali_fchmodat(9999, "c.txt", 0600, 0), -EBADF);

    /* --- timestamps --- */
    struct w_timespec ts[2];
    ts[0].tv_sec = 1000000000;
    ts[0].tv_nsec = 0;
    ts[1].tv_sec = 1234567890;
    ts[1].tv_nsec = 500;
    chk("utimensat", wali_utimensat(AT_FDCWD, "c.txt", ts, 0), 0);
    wali_stat("c.txt", &st);
    chk("atime sec", st.st_atim.tv_sec, 1000000000);
    chk("mtime sec", st.st_mtim.tv_sec, 1234567890);
    chk("mtime nsec", st.st_mtim.tv_nsec, 500);
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1].tv_sec = 42;
    ts[1].tv_nsec = 0;
    chk("utimensat UTIME_OMIT atime, fd", wali_utimensat(fd, 0, ts, 0), 0);
    wali_fstat(fd, &st);
    chk("atime kept", st.st_atim.tv_sec, 1000000000);
    chk("mtime 42", st.st_mtim.tv_sec, 42);
    chk("utimensat missing", wali_utimensat(AT_FDCWD, "nope", ts, 0), -ENOENT);
    ts[1].tv_nsec = 2000000000;
    chk("utimensat bad nsec", wali_utimensat(AT_FDCWD, "c.txt", ts, 0), -EINVAL);
    chk("utimensat bad times ptr", wali_utimensat(AT_FDCWD, "c.txt", BAD_PTR, 0), -EFAULT);
    struct w_timeval tv[2];
    tv[0].tv_sec = 2000;
    tv[0].tv_usec = 0;
    tv[1].tv_sec = 3000;
    tv[1].tv_usec = 7;
    chk("utimes", wali_utimes("c.txt", tv), 0);
    wali_stat("c.txt", &st);
    chk("utimes atime", st.st_atim.tv_sec, 2000);
    chk("utimes mtime", st.st_mtim.tv_sec, 3000);
    chk("utimes mtime nsec", st.st_mtim.tv_nsec, 7000);
    chk("utimes missing", wali_utimes("nope", tv), -ENOENT);
    tv[1].tv_usec = 1000000;
    chk("utimes bad usec", wali_utimes("c.txt", tv), -EINVAL);

    /* --- directories, getdents64, fchdir --- */
    chk("mkdirat sub", wali_mkdirat(dfd, "sub", 0700), 0);
    chk("mkdirat exists", wali_mkdirat(dfd, "sub", 0700), -EEXIST);
    chk("mkdirat bad dirfd", wali_mkdirat(9999, "sub2", 0700), -EBADF);
    chk("sub mode", (wali_stat("sub", &st), st.st_mode & 07777), 0700);
    const char *names[] = {"sub/zeta", "sub/alpha", "sub/mid", "sub/Beta"};
    for (int i = 0; i < 4; i++) {
        int f = (int)wali_open(names[i], O_CREAT | O_WRONLY, 0644);
        if (f < 0) show("create sub file", f);
        else wali_close(f);
    }
    chk("mkdir sub/inner", wali_mkdir("sub/inner", 0755), 0);
    chk("symlink sub/link", wali_symlink("alpha", "sub/link"), 0);
    int sfd = (int)wali_open("sub", O_RDONLY | O_DIRECTORY, 0);
    chk_ok("open sub", sfd);
    read_dir_sorted(sfd, "getdents64 sub");
    chk("getdents64 at EOF", wali_getdents64(sfd, buf, sizeof buf), 0);
    chk("getdents64 on file", wali_getdents64(fd, buf, sizeof buf), -ENOTDIR);
    chk("getdents64 bad fd", wali_getdents64(9999, buf, sizeof buf), -EBADF);
    chk("lseek dir to 0", wali_lseek(sfd, 0, SEEK_SET), 0);
    chk("getdents64 tiny buffer", wali_getdents64(sfd, buf, 8), -EINVAL);
    chk("getdents64 bad ptr", wali_getdents64(sfd, BAD_PTR, 4096), -EFAULT);
    chk("fchdir sub", wali_fchdir(sfd), 0);
    r = wali_getcwd(buf, sizeof buf);
    chk_yes("cwd ends in /sub", r > 4 && streq(buf + strlen(buf) - 4, "/sub"));
    chk("fchdir file fd", wali_fchdir(fd), -ENOTDIR);
    chk("fchdir bad fd", wali_fchdir(9999), -EBADF);
    chk("chdir ..", wali_chdir(".."), 0);

    /* --- statfs --- */
    static struct w_statfs sf1, sf2;
    chk("statfs .", wali_statfs(".", &sf1), 0);
    chk("fstatfs fd", wali_fstatfs(fd, &sf2), 0);
    chk_yes("statfs f_type == fstatfs f_type", sf1.f_type == sf2.f_type);
    chk_yes("statfs f_bsize > 0", sf1.f_bsize > 0);
    chk("statfs f_namelen", sf1.f_namelen, 255);
    chk("statfs missing", wali_statfs("nope", &sf1), -ENOENT);
    chk("statfs bad buf", wali_statfs(".", BAD_PTR), -EFAULT);
    chk("fstatfs bad fd", wali_fstatfs(9999, &sf1), -EBADF);

    /* --- fadvise, flock --- */
    chk("fadvise SEQUENTIAL", wali_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL), 0);
    chk("fadvise WILLNEED 2^33", wali_fadvise(fd, 1LL << 33, 4096, POSIX_FADV_WILLNEED), 0);
    chk("fadvise bad advice", wali_fadvise(fd, 0, 0, 99), -EINVAL);
    chk("fadvise negative len", wali_fadvise(fd, 0, -1, POSIX_FADV_NORMAL), -EINVAL);
    chk("fadvise bad fd", wali_fadvise(9999, 0, 0, POSIX_FADV_NORMAL), -EBADF);
    chk("flock EX", wali_flock(fd, LOCK_EX), 0);
    int fd5 = (int)wali_open("c.txt", O_RDONLY, 0);
    chk("flock EX|NB from 2nd open", wali_flock(fd5, LOCK_EX | LOCK_NB), -EWOULDBLOCK);
    chk("flock SH|NB from 2nd open", wali_flock(fd5, LOCK_SH | LOCK_NB), -EWOULDBLOCK);
    chk("flock UN", wali_flock(fd, LOCK_UN), 0);
    chk("flock EX|NB after unlock", wali_flock(fd5, LOCK_EX | LOCK_NB), 0);
    chk("flock UN 2", wali_flock(fd5, LOCK_UN), 0);
    chk("flock bad op", wali_flock(fd, 0), -EINVAL);
    chk("flock bad fd", wali_flock(9999, LOCK_EX), -EBADF);
    wali_close(fd5);

    /* --- removal --- */
    chk("unlink dir", wali_unlink("sub"), -EISDIR);
    chk("rmdir non-empty", wali_rmdir("sub"), -ENOTEMPTY);
    chk("rmdir file", wali_rmdir("c.txt"), -ENOTDIR);
    chk("rmdir missing", wali_rmdir("nope"), -ENOENT);
    chk("unlink missing", wali_unlink("nope"), -ENOENT);
    chk("unlink bad ptr", wali_unlink(BAD_PTR), -EFAULT);
    chk("unlinkat file", wali_unlinkat(sfd, "zeta", 0), 0);
    chk("unlinkat dir without flag", wali_unlinkat(sfd, "inner", 0), -EISDIR);
    chk("unlinkat dir AT_REMOVEDIR", wali_unlinkat(sfd, "inner", AT_REMOVEDIR), 0);
    chk("unlinkat bad flags", wali_unlinkat(sfd, "alpha", 0x1), -EINVAL);
    chk("unlinkat bad dirfd", wali_unlinkat(9999, "alpha", 0), -EBADF);
    chk("unlink sub/alpha", wali_unlink("sub/alpha"), 0);
    chk("unlink sub/mid", wali_unlink("sub/mid"), 0);
    chk("unlink sub/Beta", wali_unlink("sub/Beta"), 0);
    chk("unlink sub/link", wali_unlink("sub/link"), 0);
    wali_lseek(sfd, 0, SEEK_SET);
    read_dir_sorted(sfd, "getdents64 sub after unlink");
    chk("close sub", wali_close(sfd), 0);
    chk("unlinkat sub AT_REMOVEDIR", wali_unlinkat(AT_FDCWD, "sub", AT_REMOVEDIR), 0);
    chk("close fd", wali_close(fd), 0);
    const char *files[] = {"c.txt", "d.txt", "hard", "hard2", "sym", "sym2"};
    for (int i = 0; i < 6; i++) {
        char label[64];
        fmt(label, sizeof label, "unlink %s", files[i]);
        chk(label, wali_unlink(files[i]), 0);
    }
    wali_lseek(dfd, 0, SEEK_SET);
    read_dir_sorted(dfd, "getdents64 empty dir");
    chk("close dfd", wali_close(dfd), 0);
    chk("chdir /", wali_chdir("/"), 0);
    chk("rmdir dir", wali_rmdir(dir), 0);
    chk("rmdir dir again", wali_rmdir(dir), -ENOENT);
    return 0;
}

TEST_MAIN(test)
