/* zpipe: compress or decompress stdin to stdout with zlib (our own small tool,
 * after the zlib usage example).
 *   zpipe -c [-L level] < in > out     deflate (zlib format, default level 6)
 *   zpipe -d < in > out                inflate
 * Exit status: 0 ok, 1 usage/I/O error, 2 data error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define CHUNK 16384

static int do_compress(FILE *in, FILE *out, int level)
{
    static unsigned char ibuf[CHUNK], obuf[CHUNK];
    z_stream s;
    memset(&s, 0, sizeof s);
    if (deflateInit(&s, level) != Z_OK) return 1;
    int flush;
    do {
        s.avail_in = (uInt)fread(ibuf, 1, CHUNK, in);
        if (ferror(in)) { deflateEnd(&s); return 1; }
        flush = feof(in) ? Z_FINISH : Z_NO_FLUSH;
        s.next_in = ibuf;
        do {
            s.avail_out = CHUNK;
            s.next_out = obuf;
            if (deflate(&s, flush) == Z_STREAM_ERROR) { deflateEnd(&s); return 2; }
            size_t have = CHUNK - s.avail_out;
            if (fwrite(obuf, 1, have, out) != have) { deflateEnd(&s); return 1; }
        } while (s.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&s);
    return 0;
}

static int do_decompress(FILE *in, FILE *out)
{
    static unsigned char ibuf[CHUNK], obuf[CHUNK];
    z_stream s;
    int ret = Z_OK;
    memset(&s, 0, sizeof s);
    if (inflateInit(&s) != Z_OK) return 1;
    do {
        s.avail_in = (uInt)fread(ibuf, 1, CHUNK, in);
        if (ferror(in)) { inflateEnd(&s); return 1; }
        if (s.avail_in == 0) break;
        s.next_in = ibuf;
        do {
            s.avail_out = CHUNK;
            s.next_out = obuf;
            ret = inflate(&s, Z_NO_FLUSH);
            if (ret == Z_NEED_DICT || ret == Z_DATA_ERROR || ret == Z_MEM_ERROR || ret == Z_STREAM_ERROR) {
                fprintf(stderr, "zpipe: inflate: %s\n", s.msg ? s.msg : "error");
                inflateEnd(&s);
                return 2;
            }
            size_t have = CHUNK - s.avail_out;
            if (fwrite(obuf, 1, have, out) != have) { inflateEnd(&s); return 1; }
        } while (s.avail_out == 0);
    } while (ret != Z_STREAM_END);
    inflateEnd(&s);
    if (ret != Z_STREAM_END) { fprintf(stderr, "zpipe: truncated input\n"); return 2; }
    return 0;
}

int main(int argc, char **argv)
{
    int level = Z_DEFAULT_COMPRESSION, rc;
    if (argc == 4 && !strcmp(argv[1], "-c") && !strcmp(argv[2], "-L"))
        level = atoi(argv[3]);
    if (argc >= 2 && !strcmp(argv[1], "-c") && (argc == 2 || argc == 4))
        rc = do_compress(stdin, stdout, level);
    else if (argc == 2 && !strcmp(argv[1], "-d"))
        rc = do_decompress(stdin, stdout);
    else {
        fprintf(stderr, "usage: zpipe -c [-L level] < in > out | zpipe -d < in > out  (zlib %s)\n", zlibVersion());
        return 1;
    }
    if (fflush(stdout) != 0) rc = 1;
    return rc;
}
