//! The engine under test, from a small TOML file (see `conformance/engines/`):
//! a command template and, optionally, the flag that makes it print a
//! wali-run-style syscall trace. An optional wrapper (`qemu-aarch64 -L ...`)
//! runs the engine on another architecture.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EngineFile {
    pub name: String,
    pub command: String,
    #[serde(default)]
    pub strace_flag: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Engine {
    pub name: String,
    template: Vec<String>,
    strace_flag: Option<String>,
    wrapper: Vec<String>,
    wali_run: PathBuf,
}

/// What one run of a module needs.
pub struct Invocation<'a> {
    pub module: &'a Path,
    pub env_file: &'a Path,
    pub args: &'a [String],
    pub strace: bool,
}

impl Engine {
    pub fn load(path: &Path, wrapper: Option<&str>, wali_run: PathBuf) -> Result<Engine> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading engine file {}", path.display()))?;
        let file: EngineFile = toml::from_str(&text).with_context(|| format!("engine file {}", path.display()))?;
        Engine::new(file, wrapper, wali_run).with_context(|| format!("engine file {}", path.display()))
    }

    pub fn new(file: EngineFile, wrapper: Option<&str>, wali_run: PathBuf) -> Result<Engine> {
        let template = shlex::split(&file.command).context("unbalanced quotes in `command`")?;
        if !template.iter().any(|w| w.contains("{module}")) {
            bail!("`command` has no {{module}} placeholder");
        }
        let wrapper = match wrapper {
            Some(w) => shlex::split(w).context("unbalanced quotes in the wrapper")?,
            None => Vec::new(),
        };
        Ok(Engine { name: file.name, template, strace_flag: file.strace_flag, wrapper, wali_run })
    }

    /// Does this engine print a syscall trace the runner can check coverage with?
    pub fn traces(&self) -> bool {
        self.strace_flag.is_some()
    }

    /// The argv for one run: wrapper, then the template with its placeholders
    /// filled (`{args}` alone in a word expands to one word per argument;
    /// `{strace}` alone expands to the flag or to nothing).
    pub fn argv(&self, inv: &Invocation<'_>) -> Vec<String> {
        let mut out = self.wrapper.clone();
        for word in &self.template {
            match word.as_str() {
                "{args}" => out.extend(inv.args.iter().cloned()),
                "{strace}" => out.extend(self.strace_flag.iter().filter(|_| inv.strace).cloned()),
                _ => out.push(
                    word.replace("{wali_run}", &self.wali_run.to_string_lossy())
                        .replace("{module}", &inv.module.to_string_lossy())
                        .replace("{env_file}", &inv.env_file.to_string_lossy()),
                ),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine(command: &str, strace: Option<&str>, wrapper: Option<&str>) -> Engine {
        let file = EngineFile { name: "e".into(), command: command.into(), strace_flag: strace.map(Into::into) };
        Engine::new(file, wrapper, "/bin/wr".into()).unwrap()
    }

    #[test]
    fn expands_placeholders() {
        let e = engine("{wali_run} {strace} --env-file={env_file} {module} {args}", Some("--strace"), None);
        let args = vec!["a".to_string(), "b c".to_string()];
        let inv = Invocation { module: Path::new("/m.wasm"), env_file: Path::new("/e"), args: &args, strace: true };
        assert_eq!(e.argv(&inv), ["/bin/wr", "--strace", "--env-file=/e", "/m.wasm", "a", "b c"]);
        let inv = Invocation { strace: false, ..inv };
        assert_eq!(e.argv(&inv), ["/bin/wr", "--env-file=/e", "/m.wasm", "a", "b c"]);
    }

    #[test]
    fn wrapper_goes_first() {
        let e = engine("iwasm {module}", None, Some("qemu-aarch64 -L '/usr/aarch64-linux-gnu'"));
        let inv = Invocation { module: Path::new("m"), env_file: Path::new("e"), args: &[], strace: true };
        assert_eq!(e.argv(&inv), ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", "iwasm", "m"]);
        assert!(!e.traces());
    }

    #[test]
    fn rejects_templates_without_module() {
        let file = EngineFile { name: "e".into(), command: "iwasm".into(), strace_flag: None };
        assert!(Engine::new(file, None, "x".into()).is_err());
        assert!(toml::from_str::<EngineFile>("name = \"x\"\ncommand = \"{module}\"\nbogus = 1\n").is_err());
    }

    #[test]
    fn shipped_engine_files_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("engines");
        for entry in std::fs::read_dir(dir).unwrap() {
            Engine::load(&entry.unwrap().path(), None, "x".into()).unwrap();
        }
    }
}
