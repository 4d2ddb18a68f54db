//! `--strace`: one line per guest syscall on stderr, with arguments decoded
//! from the ABI table (`wali-abi`) and the result or errno name.

use crate::sys::Cx;
use std::fmt::Write;

const MAX_SHOWN: usize = 48;

/// Print the line for `name(args) = ret` (`ret` None: the call did not return).
#[cold]
pub fn line(cx: &Cx<'_, '_>, name: &str, args: &[u64], ret: Option<i64>) {
    let mut s = format!("[{}] {name}(", std::process::id());
    let desc = wali_abi::syscall(name).map(|d| d.args).or_else(|| wali_abi::aux(name).map(|d| d.args));
    for (i, raw) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let arg = desc.and_then(|d| d.get(i));
        s.push_str(&decode(cx, arg.map(|a| (a.ctype, a.name)), *raw));
    }
    s.push(')');
    match ret {
        Some(r) if (-4095..0).contains(&r) => {
            let e = (-r) as i32;
            let _ = write!(s, " = -1 {} ({})", wali_abi::convert::errno_name(e), std::io::Error::from_raw_os_error(e).to_string().split(" (os error").next().unwrap_or(""));
        }
        Some(r) if desc.and_then(|d| d.first()).is_some_and(|_| name == "mmap" || name == "mremap" || name == "brk") => {
            let _ = write!(s, " = {r:#x}");
        }
        Some(r) => {
            let _ = write!(s, " = {r}");
        }
        None => s.push_str(" = ?"),
    }
    // One write per line: forked processes share stderr.
    s.push('\n');
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), s.as_bytes());
}

fn decode(cx: &Cx<'_, '_>, arg: Option<(&str, &str)>, raw: u64) -> String {
    let Some((ctype, name)) = arg else { return format!("{:#x}", raw) };
    let is_string = ctype == "char*" && (name.contains("path") || name == "target" || name == "name");
    if is_string && raw != 0 {
        return match cx.mem().cstring(raw as u32) {
            Ok(c) => {
                let b = c.as_bytes();
                let shown = String::from_utf8_lossy(&b[..b.len().min(MAX_SHOWN)]);
                format!("{:?}{}", shown, if b.len() > MAX_SHOWN { "..." } else { "" })
            }
            Err(_) => format!("{raw:#x}"),
        };
    }
    if ctype.ends_with('*') || ctype.starts_with("fn(") {
        return if raw == 0 { "NULL".into() } else { format!("{raw:#x}") };
    }
    match ctype {
        "int" | "pid_t" | "clockid_t" | "long" | "off_t" => {
            if ctype == "int" && name.contains("dirfd") && raw as i32 == -100 {
                "AT_FDCWD".into()
            } else if matches!(ctype, "long" | "off_t") {
                (raw as i64).to_string()
            } else {
                (raw as i32).to_string()
            }
        }
        "mode_t" => format!("{raw:#o}"),
        _ if name.contains("flags") || name.contains("prot") || name == "request" || name == "cmd" => format!("{raw:#x}"),
        _ => raw.to_string(),
    }
}
