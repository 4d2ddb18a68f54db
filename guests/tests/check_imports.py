#!/usr/bin/env python3
"""Checks that WALI modules import only `wali.*` functions whose signatures
match the spec (syscalls.tsv for SYS_*, aux.tsv-derived table for the rest)
and export `memory` (shared) and `_start`.

Usage: check_imports.py SPEC_DIR module.wasm...   (-v lists the imports)
Exit status 1 on any mismatch."""
import sys

AUX = {
    "__init": ([], ["i32"]), "__deinit": ([], ["i32"]), "__proc_exit": (["i32"], []),
    "__cl_get_argc": ([], ["i32"]), "__cl_get_argv_len": (["i32"], ["i32"]),
    "__cl_copy_argv": (["i32", "i32"], ["i32"]), "__get_init_envfile": (["i32", "i32"], ["i32"]),
    "__wasm_thread_spawn": (["i32", "i32"], ["i32"]), "setjmp": (["i32"], ["i32"]),
    "sigsetjmp": (["i32", "i32"], ["i32"]), "longjmp": (["i32", "i32"], []),
}
VT = {0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64"}


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80:
            return r, i


def name(b, i):
    n, i = leb(b, i)
    return b[i:i + n].decode(), i + n


def parse(path):
    b = open(path, "rb").read()
    assert b[:4] == b"\0asm", f"{path}: not a wasm module"
    i, types, imports, exports, memshared = 8, [], [], [], None
    while i < len(b):
        sid = b[i]; i += 1
        size, i = leb(b, i)
        end = i + size
        if sid == 1:
            n, i = leb(b, i)
            for _ in range(n):
                assert b[i] == 0x60; i += 1
                np, i = leb(b, i); ps = [VT.get(x, hex(x)) for x in b[i:i + np]]; i += np
                nr, i = leb(b, i); rs = [VT.get(x, hex(x)) for x in b[i:i + nr]]; i += nr
                types.append((ps, rs))
        elif sid == 2:
            n, i = leb(b, i)
            for _ in range(n):
                m, i = name(b, i); f, i = name(b, i)
                kind = b[i]; i += 1
                if kind == 0:
                    t, i = leb(b, i); imports.append((m, f, types[t]))
                else:
                    imports.append((m, f, f"kind {kind}"))
                    if kind == 1: i += 1; fl = b[i]; i += 1; _, i = leb(b, i); i = leb(b, i)[1] if fl & 1 else i
                    elif kind == 2: fl = b[i]; i += 1; _, i = leb(b, i); i = leb(b, i)[1] if fl & 1 else i
                    elif kind == 3: i += 2
                    else: i += 2
        elif sid == 5:
            n, i = leb(b, i)
            fl = b[i]; memshared = bool(fl & 2)
        elif sid == 7:
            n, i = leb(b, i)
            for _ in range(n):
                f, i = name(b, i); kind = b[i]; i += 1; _, i = leb(b, i)
                exports.append((f, kind))
        i = end
    return imports, exports, memshared


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    spec, mods = args[0], args[1:]
    sigs = dict(AUX)
    with open(f"{spec}/syscalls.tsv") as f:
        hdr = f.readline().rstrip("\n").split("\t")
        c = {h: k for k, h in enumerate(hdr)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            s = r[c["wasm_signature"]]
            if s:
                ps = [p.strip() for p in s.split("->")[0].strip().strip("()").split(",") if p.strip()]
                sigs["SYS_" + r[c["name"]]] = (ps, ["i64"])
    extra = {}
    try:
        # signatures of the syscalls the spec leaves unsigned, from our generator
        sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/sysroot/gen")
        import gen_syscalls
        with open(__file__.rsplit("/", 2)[0] + "/sysroot/gen/extra-syscalls.tsv") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                n, _, a = line.rstrip("\n").partition("\t")
                extra["SYS_" + n] = (gen_syscalls.param_types(a), ["i64"])
    except ImportError:
        pass
    bad = 0
    for m in mods:
        imports, exports, shared = parse(m)
        en = {e for e, _ in exports}
        probs = []
        for mod, f, t in imports:
            if mod != "wali":
                probs.append(f"import from module {mod!r}: {f}")
            elif f in sigs:
                if t != sigs[f]:
                    probs.append(f"wali.{f}: {t} but the spec says {sigs[f]}")
            elif f in extra:
                if t != extra[f]:
                    probs.append(f"wali.{f}: {t} but extra-syscalls.tsv says {extra[f]}")
            else:
                probs.append(f"wali.{f}: not a WALI import")
            if verbose:
                print(f"  {m}: {mod}.{f} {t}")
        for e in ("memory", "_start"):
            if e not in en:
                probs.append(f"no export {e}")
        if not shared:
            probs.append("memory is not defined in the module as shared")
        probs = [p for p in probs if p]
        print(f"{'FAIL' if probs else 'ok  '} {m}: {len(imports)} imports")
        for p in probs:
            print(f"     {p}")
        bad += bool(probs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
