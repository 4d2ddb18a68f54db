//! Checks every guest struct against `spec/structs.tsv`: size, alignment and each field's
//! offset and size. Every struct in the TSV must be mapped to a Rust type below, and
//! every mapped field must appear in the TSV.

use std::collections::BTreeMap;
use std::mem::{align_of, offset_of, size_of};
use wali_abi::guest::*;

/// Size of the type a closure returns; lets us size a field by copying it out (which,
/// unlike taking a reference, also works for packed structs).
fn returned_size<T, F>(_: fn(T) -> F) -> usize {
    size_of::<F>()
}

struct RustLayout {
    size: usize,
    align: usize,
    /// TSV field name -> (offset, size).
    fields: BTreeMap<&'static str, (usize, usize)>,
}

/// `"tsv struct name" => RustType { field, "tsv_field" => rust_field, ... }`
macro_rules! layouts {
    ($( $sname:literal => $ty:ident { $( $($fname:literal =>)? $field:ident ),* $(,)? } ),* $(,)?) => {
        fn rust_layouts() -> BTreeMap<&'static str, RustLayout> {
            let mut m = BTreeMap::new();
            $(
                let mut fields = BTreeMap::new();
                $(
                    let name = layouts!(@name $($fname)? $field);
                    let size = returned_size(|s: $ty| s.$field);
                    let prev = fields.insert(name, (offset_of!($ty, $field), size));
                    assert!(prev.is_none(), "{} mapped twice in {}", name, $sname);
                )*
                let layout = RustLayout { size: size_of::<$ty>(), align: align_of::<$ty>(), fields };
                assert!(m.insert($sname, layout).is_none(), "{} mapped twice", $sname);
            )*
            m
        }
    };
    (@name $fname:literal $field:ident) => { $fname };
    (@name $field:ident) => { stringify!($field) };
}

layouts! {
    "struct timespec" => Timespec { tv_sec, tv_nsec },
    "struct timeval" => Timeval { tv_sec, tv_usec },
    "struct timezone" => Timezone { tz_minuteswest, tz_dsttime },
    "stack_t" => StackT { ss_sp, ss_flags, ss_size },
    "struct dirent" => Dirent { d_ino, d_off, d_reclen, d_type, d_name },
    "struct epoll_event" => EpollEvent { events, data },
    "struct iovec" => Iovec { iov_base, iov_len },
    "struct pollfd" => Pollfd { fd, events, revents },
    "struct rlimit" => Rlimit { rlim_cur, rlim_max },
    "struct sigaction" => Sigaction { sa_handler, sa_mask, sa_flags, sa_restorer },
    "struct sockaddr" => Sockaddr { sa_family, sa_data },
    "struct statfs" => Statfs {
        f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, f_fsid, f_namelen,
        f_frsize, f_flags, f_spare,
    },
    "stx_time" => StxTime { tv_sec, tv_nsec, pad },
    "struct sysinfo" => Sysinfo {
        uptime, loads, totalram, freeram, sharedram, bufferram, totalswap, freeswap, procs,
        pad, totalhigh, freehigh, mem_unit, reserved,
    },
    "struct utimbuf" => Utimbuf { actime, modtime },
    "struct utsname" => Utsname { sysname, nodename, release, version, machine, domainname },
    "fd_set" => FdSet { fds_bits },
    "cpu_set_t" => CpuSet { bits },
    "struct itimerval" => Itimerval { it_interval, it_value },
    "struct msghdr" => Msghdr {
        msg_name, msg_namelen, msg_iov, msg_iovlen, pad1, msg_control, msg_controllen, pad2,
        msg_flags,
    },
    "struct rusage" => Rusage {
        ru_utime, ru_stime, ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt,
        ru_nswap, ru_inblock, ru_oublock,
        // The spec spells it `ru_msgsng`; the C name is `ru_msgsnd`.
        "ru_msgsng" => ru_msgsnd,
        ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw, reserved,
    },
    "struct stat" => Stat {
        st_dev, st_ino, st_nlink, st_mode, st_uid, st_gid, pad0, st_rdev, st_size, st_blksize,
        st_blocks, st_atim, st_mtim, st_ctim, unused,
    },
    "struct statx" => Statx {
        stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, stx_mode, pad1,
        stx_ino, stx_size, stx_blocks, stx_attributes_mask, stx_atime, stx_btime, stx_ctime,
        stx_mtime, stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor, spare,
    },
}

struct TsvStruct {
    size: usize,
    align: usize,
    fields: BTreeMap<String, (usize, usize)>,
}

fn parse_structs_tsv() -> BTreeMap<String, TsvStruct> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/structs.tsv");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("struct\tsize\talign\tfield\toffset\tfield_size\ttype"),
        "structs.tsv header"
    );
    let num = |s: &str| -> usize { s.parse().unwrap_or_else(|_| panic!("bad number {s:?}")) };
    let mut out: BTreeMap<String, TsvStruct> = BTreeMap::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 7, "structs.tsv row {line:?}");
        let s = out.entry(c[0].to_string()).or_insert_with(|| TsvStruct {
            size: num(c[1]),
            align: num(c[2]),
            fields: BTreeMap::new(),
        });
        assert_eq!(
            (s.size, s.align),
            (num(c[1]), num(c[2])),
            "{}: inconsistent size",
            c[0]
        );
        s.fields.insert(c[3].to_string(), (num(c[4]), num(c[5])));
    }
    out
}

#[test]
fn guest_structs_match_spec() {
    let tsv = parse_structs_tsv();
    let rust = rust_layouts();
    assert!(!tsv.is_empty());
    let mut errors = Vec::new();
    for (name, t) in &tsv {
        let Some(r) = rust.get(name.as_str()) else {
            errors.push(format!(
                "{name}: in structs.tsv but not mapped to a Rust type"
            ));
            continue;
        };
        if r.size != t.size {
            errors.push(format!("{name}: size {} != spec {}", r.size, t.size));
        }
        if r.align != t.align {
            errors.push(format!("{name}: align {} != spec {}", r.align, t.align));
        }
        for (field, &(off, size)) in &t.fields {
            match r.fields.get(field.as_str()) {
                None => errors.push(format!("{name}.{field}: not mapped")),
                Some(&(roff, rsize)) => {
                    if roff != off {
                        errors.push(format!("{name}.{field}: offset {roff} != spec {off}"));
                    }
                    if rsize != size {
                        errors.push(format!("{name}.{field}: size {rsize} != spec {size}"));
                    }
                }
            }
        }
        for field in r.fields.keys() {
            if !t.fields.contains_key(*field) {
                errors.push(format!("{name}.{field}: mapped but not in structs.tsv"));
            }
        }
    }
    for name in rust.keys() {
        if !tsv.contains_key(*name) {
            errors.push(format!("{name}: mapped but not in structs.tsv"));
        }
    }
    assert!(
        errors.is_empty(),
        "layout mismatches:\n{}",
        errors.join("\n")
    );
}

#[test]
fn extra_structs() {
    assert_eq!(size_of::<KSigaction>(), 24);
    assert_eq!(align_of::<KSigaction>(), 1);
    assert_eq!(offset_of!(KSigaction, handler), 0);
    assert_eq!(offset_of!(KSigaction, flags), 4);
    assert_eq!(offset_of!(KSigaction, restorer), 12);
    assert_eq!(offset_of!(KSigaction, mask), 16);

    assert_eq!(size_of::<Flock>(), 32);
    assert_eq!(offset_of!(Flock, l_type), 0);
    assert_eq!(offset_of!(Flock, l_whence), 2);
    assert_eq!(offset_of!(Flock, l_start), 8);
    assert_eq!(offset_of!(Flock, l_len), 16);
    assert_eq!(offset_of!(Flock, l_pid), 24);

    assert_eq!(size_of::<EpollEvent>(), 12);
    assert_eq!(offset_of!(EpollEvent, data), 4);

    assert_eq!(size_of::<FOwnerEx>(), 8);
    assert_eq!(offset_of!(FOwnerEx, pid), 4);

    assert_eq!(size_of::<Cmsghdr>(), 16);
    assert_eq!(offset_of!(Cmsghdr, cmsg_level), 8);
    assert_eq!(offset_of!(Cmsghdr, cmsg_type), 12);

    assert_eq!(size_of::<ItimerSpec>(), 32);
    assert_eq!(offset_of!(ItimerSpec, it_value), 16);

    assert_eq!(size_of::<PselectSigmask>(), 16);
    assert_eq!(offset_of!(PselectSigmask, ss_len), 8);

    assert_eq!(offset_of!(Dirent, d_name), 19);
}

/// `Default` is all-zero for every struct (spot checks on the biggest ones).
#[test]
fn defaults_are_zero() {
    fn zero<T: Pod + Default>() -> bool {
        T::default().as_bytes().iter().all(|&b| b == 0)
    }
    assert!(zero::<Stat>() && zero::<Statx>() && zero::<Sysinfo>() && zero::<Dirent>());
    assert!(zero::<KSigaction>() && zero::<Utsname>() && zero::<Rusage>());
}
