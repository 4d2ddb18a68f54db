//! The WALI import tables: every `wali.SYS_<name>` syscall and every auxiliary import,
//! generated at build time from `spec/syscalls.tsv` and `spec/aux.tsv`.
//!
//! Signature rule (spec §1.1): a parameter is `i64` if its guest C type is 64 bits wide,
//! otherwise `i32` (pointers are always `i32`); every syscall returns `i64`.

/// A WebAssembly value type used in WALI import signatures.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum WasmType {
    I32,
    I64,
}

/// One C-level argument of an import, from the spec's `args` column.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Arg {
    /// The guest C type, e.g. `"int"`, `"char*"`, `"struct stat*"`, `"fn(int, void*)"`.
    pub ctype: &'static str,
    /// The argument name, e.g. `"fd"`.
    pub name: &'static str,
}

impl Arg {
    /// Whether the argument is a guest pointer (data or function pointer).
    pub fn is_pointer(&self) -> bool {
        self.ctype.ends_with('*') || self.ctype.starts_with("fn(")
    }
}

/// One row of `spec/syscalls.tsv`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SyscallDesc {
    /// Bare Linux name (`"read"`); the import is `wali.SYS_<name>`.
    pub name: &'static str,
    /// Whether the reference engine implements (registers) this syscall.
    pub in_reference: bool,
    /// Host syscall numbers; `-1` where the architecture lacks the syscall.
    pub nr_x86_64: i32,
    pub nr_aarch64: i32,
    pub nr_riscv64: i32,
    /// Wasm parameter types. Empty for syscalls the spec gives no signature
    /// (the ones not implemented in the reference).
    pub params: &'static [WasmType],
    /// Wasm result type; always `I64`.
    pub result: WasmType,
    /// C arguments, one per entry of `params`.
    pub args: &'static [Arg],
    /// Other libc-level names for this syscall (e.g. `"getdents"` for `getdents64`),
    /// or `""`.
    pub aliases: &'static str,
}

impl SyscallDesc {
    /// The wasm import name, `SYS_<name>`.
    pub fn import_name(&self) -> String {
        format!("SYS_{}", self.name)
    }

    /// This syscall's number on the host architecture, per the spec table, or `None`
    /// if the host lacks it (or is not x86_64/aarch64/riscv64, e.g. 32-bit ARM: use the
    /// `libc::SYS_*` constants there).
    pub fn host_nr(&self) -> Option<i32> {
        let nr = if cfg!(target_arch = "x86_64") {
            self.nr_x86_64
        } else if cfg!(target_arch = "aarch64") {
            self.nr_aarch64
        } else if cfg!(target_arch = "riscv64") {
            self.nr_riscv64
        } else {
            -1
        };
        (nr >= 0).then_some(nr)
    }

    /// Whether the spec gives this syscall a signature (true for all reference ones).
    pub fn has_signature(&self) -> bool {
        self.in_reference || !self.args.is_empty()
    }
}

/// One row of `spec/aux.tsv`: a non-syscall `wali.*` import such as `__init`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct AuxDesc {
    /// Import name, e.g. `"__cl_copy_argv"`.
    pub name: &'static str,
    /// Wasm parameter types derived from the C types.
    pub params: &'static [WasmType],
    /// Wasm result type, `None` for a `void` result.
    pub result: Option<WasmType>,
    /// C arguments, one per entry of `params`.
    pub args: &'static [Arg],
}

include!(concat!(env!("OUT_DIR"), "/table_gen.rs"));

/// Looks a syscall up by its bare name (`"read"`, not `"SYS_read"`).
pub fn syscall(name: &str) -> Option<&'static SyscallDesc> {
    SYSCALLS_BY_NAME
        .binary_search_by(|&i| SYSCALLS[usize::from(i)].name.cmp(name))
        .ok()
        .map(|pos| &SYSCALLS[usize::from(SYSCALLS_BY_NAME[pos])])
}

/// Looks a syscall up by its wasm import name (`"SYS_read"`).
pub fn syscall_by_import(import: &str) -> Option<&'static SyscallDesc> {
    import.strip_prefix("SYS_").and_then(syscall)
}

/// Looks an auxiliary import up by name (`"__init"`).
pub fn aux(name: &str) -> Option<&'static AuxDesc> {
    AUX.iter().find(|a| a.name == name)
}

#[cfg(test)]
mod tests {
    use super::WasmType::{I32, I64};
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn counts() {
        assert_eq!(SYSCALLS.len(), 362);
        assert_eq!(SYSCALLS.iter().filter(|s| s.in_reference).count(), 140);
        assert_eq!(AUX.len(), 11);
    }

    #[test]
    fn special_signatures() {
        let p = |n: &str| syscall(n).unwrap().params;
        assert_eq!(p("lseek"), &[I32, I64, I32]);
        assert_eq!(p("mmap").len(), 6);
        assert_eq!(p("mmap").last(), Some(&I64));
        assert_eq!(p("fcntl"), &[I32, I32, I64]);
        assert_eq!(p("prctl"), &[I32, I64, I64, I64, I64]);
        assert_eq!(p("rt_sigreturn"), &[I64]);
        assert_eq!(p("read"), &[I32, I32, I32]);
        assert_eq!(p("sched_yield"), &[] as &[WasmType]);
        assert_eq!(p("poll"), &[I32, I64, I32]);
        assert_eq!(p("ppoll"), &[I32, I64, I32, I32, I32]);
        assert_eq!(p("fadvise"), &[I32, I64, I64, I32]);
    }

    #[test]
    fn rows_are_consistent() {
        for s in SYSCALLS {
            assert_eq!(s.params.len(), s.args.len(), "{}", s.name);
            assert_eq!(s.result, I64, "{}", s.name);
            if s.in_reference {
                assert!(s.has_signature(), "{}", s.name);
            }
            assert_eq!(syscall(s.name).map(|d| d.name), Some(s.name));
        }
        for a in AUX {
            assert_eq!(a.params.len(), a.args.len(), "{}", a.name);
        }
    }

    #[test]
    fn lookups() {
        let read = syscall("read").unwrap();
        assert_eq!(
            (read.nr_x86_64, read.nr_aarch64, read.nr_riscv64),
            (0, 63, 63)
        );
        assert_eq!(
            read.args[1],
            Arg {
                ctype: "void*",
                name: "buf"
            }
        );
        assert!(read.args[1].is_pointer());
        assert_eq!(read.import_name(), "SYS_read");
        assert_eq!(
            syscall_by_import("SYS_newfstatat").unwrap().aliases,
            "fstatat"
        );
        assert_eq!(syscall("getdents64").unwrap().aliases, "getdents");
        assert_eq!(syscall("open").unwrap().nr_aarch64, -1);
        assert!(!syscall("mincore").unwrap().in_reference);
        assert!(syscall("SYS_read").is_none());
        assert!(syscall("no_such_syscall").is_none());
        assert!(syscall("").is_none());
        let stat = syscall("stat").unwrap();
        assert_eq!(stat.args[1].ctype, "struct stat*");
        #[cfg(target_arch = "x86_64")]
        assert_eq!(syscall("openat").unwrap().host_nr(), Some(257));
        #[cfg(target_arch = "aarch64")]
        assert_eq!(syscall("openat").unwrap().host_nr(), Some(56));
    }

    #[test]
    fn aux_table() {
        let spawn = aux("__wasm_thread_spawn").unwrap();
        assert_eq!(spawn.params, &[I32, I32]);
        assert_eq!(spawn.result, Some(I32));
        assert_eq!(spawn.args[0].ctype, "fn(int, void*)");
        assert_eq!(spawn.args[0].name, "wasm_start_fn");
        assert!(spawn.args[0].is_pointer());
        let exit = aux("__proc_exit").unwrap();
        assert_eq!((exit.params, exit.result), (&[I32][..], None));
        let init = aux("__init").unwrap();
        assert_eq!((init.params, init.result), (&[][..], Some(I32)));
        assert_eq!(aux("longjmp").unwrap().result, None);
        assert_eq!(aux("sigsetjmp").unwrap().params, &[I32, I32]);
        assert!(aux("SYS_read").is_none());
    }

    /// The repository's copy of the spec tables, `wali-abi/spec/`: what the build reads
    /// and what users of a clone have (nothing outside the repository is needed).
    fn spec_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("spec")
    }

    /// The tables of `spec/` (every file but the manifest), sorted.
    fn spec_files() -> Vec<String> {
        let mut files: Vec<String> = std::fs::read_dir(spec_dir())
            .expect("reading wali-abi/spec/")
            .map(|e| {
                e.expect("reading wali-abi/spec/")
                    .file_name()
                    .into_string()
                    .unwrap()
            })
            .filter(|f| f != "SHA256SUMS")
            .collect();
        files.sort();
        files
    }

    /// `spec/SHA256SUMS` (`sha256sum` output): (file name, sha256 in lowercase hex).
    fn manifest() -> Vec<(String, String)> {
        let text = std::fs::read_to_string(spec_dir().join("SHA256SUMS"))
            .unwrap_or_else(|e| panic!("reading wali-abi/spec/SHA256SUMS: {e}"));
        text.lines()
            .map(|l| {
                let (sum, name) = l
                    .split_once("  ")
                    .unwrap_or_else(|| panic!("SHA256SUMS: malformed line {l:?}"));
                assert!(
                    sum.len() == 64 && sum.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')),
                    "SHA256SUMS: malformed sha256 in {l:?}"
                );
                (name.to_string(), sum.to_string())
            })
            .collect()
    }

    /// SHA-256 of `data`, in lowercase hex.
    fn sha256_hex(data: &[u8]) -> String {
        use sha2::{Digest, Sha256};
        Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn spec_copy_matches_manifest() {
        let manifest = manifest();
        let mut listed: Vec<String> = manifest.iter().map(|(f, _)| f.clone()).collect();
        listed.sort();
        assert_eq!(
            listed,
            spec_files(),
            "wali-abi/spec/SHA256SUMS does not list exactly the files of wali-abi/spec/"
        );
        for f in ["syscalls.tsv", "aux.tsv", "structs.tsv"] {
            assert!(listed.iter().any(|l| l == f), "SHA256SUMS lacks {f}");
        }
        for (f, sum) in &manifest {
            let data = std::fs::read(spec_dir().join(f))
                .unwrap_or_else(|e| panic!("reading wali-abi/spec/{f}: {e}"));
            assert!(!data.is_empty(), "wali-abi/spec/{f} is empty");
            assert_eq!(
                &sha256_hex(&data),
                sum,
                "wali-abi/spec/{f} does not match SHA256SUMS (if the change is intended: \
                 cd wali-abi/spec && sha256sum *.tsv > SHA256SUMS)"
            );
        }
        if let Some(dir) = std::env::var_os("WALI_SPEC_DIR") {
            let dir = PathBuf::from(dir);
            assert!(
                dir.is_dir(),
                "WALI_SPEC_DIR={} is not a directory",
                dir.display()
            );
            for (f, _) in &manifest {
                let ours = std::fs::read(spec_dir().join(f)).unwrap();
                let theirs = std::fs::read(dir.join(f))
                    .unwrap_or_else(|e| panic!("reading {}: {e}", dir.join(f).display()));
                assert!(
                    ours == theirs,
                    "wali-abi/spec/{f} differs from {}; copy it over, update SHA256SUMS and \
                     rebuild",
                    dir.join(f).display()
                );
            }
        }
    }

    /// The generated tables are those of the checked-in files: one entry per data row,
    /// in file order.
    #[test]
    fn tables_match_spec_files() {
        let names = |f: &str| -> Vec<String> {
            let text = std::fs::read_to_string(spec_dir().join(f))
                .unwrap_or_else(|e| panic!("reading wali-abi/spec/{f}: {e}"));
            let mut lines = text.lines();
            assert!(
                lines.next().is_some_and(|h| h.starts_with("name\t")),
                "{f}: header"
            );
            lines
                .map(|l| l.split('\t').next().unwrap().to_string())
                .collect()
        };
        let syscalls: Vec<&str> = SYSCALLS.iter().map(|s| s.name).collect();
        assert_eq!(names("syscalls.tsv"), syscalls);
        let aux: Vec<&str> = AUX.iter().map(|a| a.name).collect();
        assert_eq!(names("aux.tsv"), aux);
    }
}
