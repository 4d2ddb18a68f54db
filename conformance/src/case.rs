//! A conformance case: one C file in `conformance/cases/` and its header lines
//! (`// covers:`, `// covers-root:`, `// args:`, `// env:`, `// setup:`,
//! `// cleanup:`, `// timeout:`).

use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One declared coverage claim: `syscall` returns with `outcome` (`ok` or an
/// errno name) somewhere in the test.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Claim {
    pub syscall: String,
    pub outcome: String,
    /// Declared with `covers-root:`: only reachable with privileges (e.g.
    /// chroot's success), checked only when the suite runs as root.
    pub root_only: bool,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub source: PathBuf,
    pub covers: Vec<Claim>,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub setup: Vec<String>,
    pub cleanup: Vec<String>,
    pub timeout: Duration,
}

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

impl Case {
    pub fn load(path: &Path) -> Result<Case> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path.file_stem().and_then(|s| s.to_str()).context("case file name")?.to_string();
        Case::parse(&name, path, &text).with_context(|| format!("{}", path.display()))
    }

    /// Header lines are the `// key: value` lines before the first line that is
    /// not a `//` comment.
    pub fn parse(name: &str, source: &Path, text: &str) -> Result<Case> {
        let mut case = Case {
            name: name.to_string(),
            source: source.to_path_buf(),
            covers: Vec::new(),
            args: Vec::new(),
            env: Vec::new(),
            setup: Vec::new(),
            cleanup: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
        };
        for (i, line) in text.lines().enumerate() {
            let Some(comment) = line.strip_prefix("//") else { break };
            let Some((key, value)) = comment.trim().split_once(':') else { continue };
            let value = value.trim();
            let at = || format!("line {}", i + 1);
            match key.trim() {
                key @ ("covers" | "covers-root") => {
                    let mut words = value.split_whitespace();
                    let syscall = words.next().with_context(|| format!("{}: `covers:` needs a syscall name", at()))?;
                    let outcomes: Vec<&str> = words.collect();
                    if outcomes.is_empty() {
                        bail!("{}: `covers: {syscall}` lists no outcome (ok, EBADF, ...)", at());
                    }
                    for o in outcomes {
                        if o != "ok" && !(o.starts_with('E') && o[1..].chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())) {
                            bail!("{}: outcome `{o}` is neither `ok` nor an errno name", at());
                        }
                        let root_only = key == "covers-root";
                        case.covers.push(Claim { syscall: syscall.to_string(), outcome: o.to_string(), root_only });
                    }
                }
                "args" => case.args = shlex::split(value).with_context(|| format!("{}: unbalanced quotes in args", at()))?,
                "env" => {
                    let (k, v) = value.split_once('=').with_context(|| format!("{}: env needs KEY=VALUE", at()))?;
                    case.env.push((k.to_string(), v.to_string()));
                }
                "setup" => case.setup.push(value.to_string()),
                "cleanup" => case.cleanup.push(value.to_string()),
                "timeout" => {
                    let s: f64 = value.parse().with_context(|| format!("{}: timeout `{value}` is not a number of seconds", at()))?;
                    case.timeout = Duration::from_secs_f64(s);
                }
                _ => {}
            }
        }
        Ok(case)
    }

    /// The syscalls this case declares it covers.
    pub fn syscalls(&self) -> BTreeSet<&str> {
        self.covers.iter().map(|c| c.syscall.as_str()).collect()
    }
}

/// Every case in `dir`, sorted by name.
pub fn load_all(dir: &Path) -> Result<Vec<Case>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .collect();
    paths.sort();
    paths.iter().map(|p| Case::load(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_header() {
        let text = "// covers: read ok EBADF\n// covers-root: pread64 ESPIPE\n// args: one \"two words\"\n\
                    // env: A=b=c\n// setup: echo hi > f\n// setup: mkdir d\n// cleanup: rm -f f\n\
                    // timeout: 2.5\n#include \"ct.h\"\n// covers: ignored ok\n";
        let c = Case::parse("x", Path::new("x.c"), text).unwrap();
        assert_eq!(c.covers.len(), 3);
        assert_eq!(c.covers[2], Claim { syscall: "pread64".into(), outcome: "ESPIPE".into(), root_only: true });
        assert!(!c.covers[0].root_only);
        assert_eq!(c.args, ["one", "two words"]);
        assert_eq!(c.env, [("A".to_string(), "b=c".to_string())]);
        assert_eq!(c.setup, ["echo hi > f", "mkdir d"]);
        assert_eq!(c.cleanup, ["rm -f f"]);
        assert_eq!(c.timeout, Duration::from_millis(2500));
        assert_eq!(c.syscalls().into_iter().collect::<Vec<_>>(), ["pread64", "read"]);
    }

    #[test]
    fn rejects_bad_headers() {
        for bad in ["// covers: read\n", "// covers: read fine\n", "// env: NOEQUALS\n", "// timeout: soon\n", "// args: \"open\n"] {
            assert!(Case::parse("x", Path::new("x.c"), bad).is_err(), "{bad}");
        }
    }
}
