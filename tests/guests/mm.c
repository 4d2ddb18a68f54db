/* mm: mmap/munmap/mremap/mprotect/madvise/msync/brk, anonymous and file mappings.
 * argv[1]: absolute path of a directory that does not exist yet (created and removed).
 * Also built as mm_noshared.wasm (memory not shared). */
#include "wali.h"

static char buf[8192];

#define PTR(r) ((char *)(uptr)(r))

static int test(int argc, char **argv) {
    if (argc < 2) {
        out("usage: mm <fresh-dir>\n");
        return 2;
    }
    long long r;

    r = wali_brk(0);
    chk_yes("brk(0) is not an error", r >= 0);

    /* --- anonymous mapping --- */
    long long p = wali_mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    chk_ok("mmap anon 8192", p);
    if (p < 0) return 1;
    chk_yes("mmap result page aligned", (p & 4095) == 0);
    char *m = PTR(p);
    int zero = 1;
    for (int i = 0; i < 8192; i++)
        if (m[i]) zero = 0;
    chk_yes("anon mapping zero-filled", zero);
    for (int i = 0; i < 8192; i++) m[i] = (char)(i * 7);
    int okc = 1;
    for (int i = 0; i < 8192; i++)
        if (m[i] != (char)(i * 7)) okc = 0;
    chk_yes("anon write/read back", okc);

    /* --- mremap grow, content preserved --- */
    long long q = wali_mremap(m, 8192, 65536, MREMAP_MAYMOVE, 0);
    chk_ok("mremap grow 8K->64K", q);
    if (q < 0) return 1;
    char *n = PTR(q);
    okc = 1;
    for (int i = 0; i < 8192; i++)
        if (n[i] != (char)(i * 7)) okc = 0;
    chk_yes("mremap preserved content", okc);
    zero = 1;
    for (int i = 8192; i < 65536; i++)
        if (n[i]) zero = 0;
    chk_yes("mremap grown part zero", zero);
    n[65535] = 'Z';
    chk_yes("write at end of grown mapping", n[65535] == 'Z');
    chk("mremap unaligned old", wali_mremap(n + 1, 4096, 8192, MREMAP_MAYMOVE, 0), -EINVAL);
    chk("mremap new size 0", wali_mremap(n, 4096, 0, MREMAP_MAYMOVE, 0), -EINVAL);
    chk("mremap bad flags", wali_mremap(n, 4096, 8192, 0x100, 0), -EINVAL);
    long long q2 = wali_mremap(n, 65536, 16384, MREMAP_MAYMOVE, 0);
    chk_ok("mremap shrink 64K->16K", q2);
    if (q2 < 0) return 1;
    n = PTR(q2);
    okc = 1;
    for (int i = 0; i < 8192; i++)
        if (n[i] != (char)(i * 7)) okc = 0;
    chk_yes("content after shrink", okc);

    /* --- mprotect --- */
    chk("mprotect READ", wali_mprotect(n, 4096, PROT_READ), 0);
    chk_yes("read after mprotect READ", n[1] == (char)7);
    chk("mprotect RW", wali_mprotect(n, 4096, PROT_READ | PROT_WRITE), 0);
    n[1] = 'w';
    chk_yes("write after mprotect RW", n[1] == 'w');
    chk("mprotect unaligned", wali_mprotect(n + 1, 4096, PROT_READ), -EINVAL);
    chk("mprotect bad prot", wali_mprotect(n, 4096, 0x100), -EINVAL);

    /* --- madvise --- */
    chk("madvise WILLNEED", wali_madvise(n, 16384, MADV_WILLNEED), 0);
    chk("madvise DONTNEED", wali_madvise(n, 16384, MADV_DONTNEED), 0);
    zero = 1;
    for (int i = 0; i < 16384; i++)
        if (n[i]) zero = 0;
    chk_yes("private anon zero after DONTNEED", zero);
    chk("madvise bad advice", wali_madvise(n, 4096, 999), -EINVAL);
    chk("madvise unaligned", wali_madvise(n + 1, 4096, MADV_NORMAL), -EINVAL);

    /* --- msync --- */
    chk("msync SYNC", wali_msync(n, 4096, MS_SYNC), 0);
    chk("msync ASYNC", wali_msync(n, 4096, MS_ASYNC), 0);
    chk("msync unaligned", wali_msync(n + 1, 4096, MS_SYNC), -EINVAL);
    chk("msync SYNC|ASYNC", wali_msync(n, 4096, MS_SYNC | MS_ASYNC), -EINVAL);

    /* --- munmap --- */
    chk("munmap unaligned", wali_munmap(n + 1, 4096), -EINVAL);
    chk("munmap len 0", wali_munmap(n, 0), -EINVAL);
    chk("munmap", wali_munmap(n, 16384), 0);

    /* --- mmap errors --- */
    chk("mmap len 0", wali_mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), -EINVAL);
    chk("mmap no SHARED/PRIVATE", wali_mmap(0, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0), -EINVAL);
    chk("mmap bad fd", wali_mmap(0, 4096, PROT_READ, MAP_PRIVATE, 9999, 0), -EBADF);

    /* --- many mappings, and a big one --- */
    long long regions[20];
    okc = 1;
    for (int i = 0; i < 20; i++) {
        regions[i] = wali_mmap(0, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (regions[i] < 0) {
            show("mmap region", regions[i]);
            okc = 0;
            continue;
        }
        memset(PTR(regions[i]), 'A' + i, 65536);
    }
    for (int i = 0; i < 20; i++) {
        if (regions[i] < 0) continue;
        char *rp = PTR(regions[i]);
        if (rp[0] != 'A' + i || rp[65535] != 'A' + i) okc = 0;
    }
    chk_yes("20 x 64K mappings distinct and intact", okc);
    for (int i = 0; i < 20; i++)
        if (regions[i] >= 0 && wali_munmap(PTR(regions[i]), 65536) != 0) okc = 0;
    chk_yes("20 munmaps ok", okc);
    long long big = wali_mmap(0, 16 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    chk_ok("mmap 16 MiB", big);
    if (big >= 0) {
        char *bp = PTR(big);
        for (long i = 0; i < (16 << 20); i += 4096) bp[i] = (char)(i >> 12);
        okc = 1;
        for (long i = 0; i < (16 << 20); i += 4096)
            if (bp[i] != (char)(i >> 12)) okc = 0;
        chk_yes("16 MiB mapping touched", okc);
        chk("munmap 16 MiB", wali_munmap(bp, 16 << 20), 0);
    }

    /* --- file mappings --- */
    chk("mkdir dir", wali_mkdir(argv[1], 0700), 0);
    chk("chdir dir", wali_chdir(argv[1]), 0);
    int fd = (int)wali_open("map.bin", O_CREAT | O_RDWR | O_TRUNC, 0600);
    chk_ok("open map.bin", fd);
    memset(buf, 'a', 4096);
    memset(buf + 4096, 'b', 4096);
    chk("write 8192", write_all(fd, buf, 8192), 8192);

    long long f = wali_mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    chk_ok("mmap file SHARED", f);
    if (f < 0) return 1;
    char *fm = PTR(f);
    chk_mem("mapped page 0", fm, "aaaa", 4);
    chk_mem("mapped page 1", fm + 4096, "bbbb", 4);
    memcpy(fm, "HELLO", 5);
    memcpy(fm + 4096, "WORLD", 5);
    chk("msync file", wali_msync(fm, 8192, MS_SYNC), 0);
    chk("munmap file", wali_munmap(fm, 8192), 0);
    memset(buf, 0, sizeof buf);
    chk("pread page 0", wali_pread64(fd, buf, 8, 0), 8);
    chk_mem("change visible via read()", buf, "HELLOaaa", 8);
    wali_lseek(fd, 4096, SEEK_SET);
    chk("read page 1", wali_read(fd, buf, 8), 8);
    chk_mem("change visible via read() page 1", buf, "WORLDbbb", 8);

    f = wali_mmap(0, 4096, PROT_READ, MAP_SHARED, fd, 4096);
    chk_ok("mmap file offset 4096 (bytes)", f);
    if (f >= 0) {
        chk_mem("offset mapping data", PTR(f), "WORLDbbb", 8);
        chk("munmap", wali_munmap(PTR(f), 4096), 0);
    }
    chk("mmap unaligned offset", wali_mmap(0, 4096, PROT_READ, MAP_SHARED, fd, 100), -EINVAL);
    chk("pwrite64 at 2^32+4096", wali_pwrite64(fd, "BIGOFF", 6, (1LL << 32) + 4096), 6);
    f = wali_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (1LL << 32) + 4096);
    chk_ok("mmap file offset 2^32+4096", f);
    if (f >= 0) {
        chk_mem("far offset mapping data", PTR(f), "BIGOFF", 6);
        memcpy(PTR(f) + 5, "!", 1); /* inside the file: EOF is at +6 */
        chk("munmap far", wali_munmap(PTR(f), 4096), 0);
    }
    memset(buf, 0, 8);
    chk("pread64 far", wali_pread64(fd, buf, 8, (1LL << 32) + 4096), 6);
    chk_mem("far change visible via pread64", buf, "BIGOF!", 6);
    chk("ftruncate back to 8192", wali_ftruncate(fd, 8192), 0);

    f = wali_mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    chk_ok("mmap file PRIVATE", f);
    if (f >= 0) {
        memcpy(PTR(f), "xxxxx", 5);
        chk_mem("private mapping modified in memory", PTR(f), "xxxxxaaa", 8);
        chk("msync private", wali_msync(PTR(f), 8192, MS_SYNC), 0);
        chk("munmap private", wali_munmap(PTR(f), 8192), 0);
    }
    memset(buf, 0, sizeof buf);
    chk("pread after private", wali_pread64(fd, buf, 8, 0), 8);
    chk_mem("private change not written back", buf, "HELLOaaa", 8);

    int rfd = (int)wali_open("map.bin", O_RDONLY, 0);
    chk_ok("open map.bin O_RDONLY", rfd);
    chk("mmap SHARED|WRITE on O_RDONLY fd", wali_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, rfd, 0), -EACCES);
    f = wali_mmap(0, 4096, PROT_READ, MAP_SHARED, rfd, 0);
    chk_ok("mmap READ on O_RDONLY fd", f);
    if (f >= 0) {
        chk_mem("read-only mapping data", PTR(f), "HELLO", 5);
        wali_munmap(PTR(f), 4096);
    }
    wali_close(rfd);

    /* a shared mapping outlives close(fd) */
    f = wali_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    chk_ok("mmap again", f);
    chk("close fd while mapped", wali_close(fd), 0);
    if (f >= 0) {
        memcpy(PTR(f) + 5, "!!", 2);
        chk("munmap after close", wali_munmap(PTR(f), 4096), 0);
    }
    fd = (int)wali_open("map.bin", O_RDONLY, 0);
    memset(buf, 0, sizeof buf);
    chk("read after close+munmap", wali_read(fd, buf, 8), 8);
    chk_mem("data", buf, "HELLO!!a", 8);
    wali_close(fd);

    chk("unlink", wali_unlink("map.bin"), 0);
    chk("chdir /", wali_chdir("/"), 0);
    chk("rmdir", wali_rmdir(argv[1]), 0);
    return 0;
}

TEST_MAIN(test)
