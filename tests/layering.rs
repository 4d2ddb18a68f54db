//! The layering rules of the runtime, checked on its sources:
//! * no `unsafe` in the syscall handlers (`src/sys/`), and `deny(unsafe_code)`
//!   at both crate roots, so only modules that opt back in may use it;
//! * the layers beneath the handlers (`src/kernel/`, `src/memory/`) never use
//!   `crate::sys`.

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path, text));
        }
    }
    assert!(!out.is_empty(), "no sources in {}", dir.display());
    out
}

/// Lines that use the `unsafe` keyword (not in comments).
fn unsafe_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .filter(|l| l.split(|c: char| !c.is_alphanumeric() && c != '_').any(|w| w == "unsafe"))
        .map(str::to_string)
        .collect()
}

#[test]
fn syscall_handlers_have_no_unsafe_code() {
    let files = sources("src/sys");
    assert!(files.len() >= 10, "expected the syscall families in src/sys");
    for (path, text) in files {
        let lines = unsafe_lines(&text);
        assert!(lines.is_empty(), "{} uses unsafe:\n{}", path.display(), lines.join("\n"));
    }
}

#[test]
fn crate_roots_deny_unsafe_code() {
    for root in ["src/lib.rs", "src/main.rs"] {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(root)).unwrap();
        assert!(text.contains("#![deny(unsafe_code)]"), "{root} must deny unsafe code");
    }
    // Only the named low layers opt back in.
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let mut opted: Vec<&str> = Vec::new();
    let mut lines = lib.lines().peekable();
    while let Some(l) = lines.next() {
        if l.trim() == "#[allow(unsafe_code)]"
            && let Some(next) = lines.peek()
        {
            opted.push(next.trim().trim_start_matches("pub mod ").trim_end_matches(';'));
        }
    }
    assert_eq!(opted, ["kernel", "memory", "signals"]);
}

#[test]
fn low_layers_do_not_use_the_handlers() {
    for dir in ["src/kernel", "src/memory"] {
        for (path, text) in sources(dir) {
            let bad: Vec<&str> = text.lines().filter(|l| l.contains("crate::sys") || l.contains("super::super::sys")).collect();
            assert!(bad.is_empty(), "{} depends on src/sys:\n{}", path.display(), bad.join("\n"));
        }
    }
}
