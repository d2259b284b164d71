//! The `_stat` module: the file-mode constants of `<sys/stat.h>`, the `S_IS*` tests,
//! `S_IMODE`, `S_IFMT` and `filemode` (the `ls -l` mode string).

use crate::value::heap::ObjRef;
use crate::value::num::{inst_base, num_of, Num};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use num_traits::Signed;

const S_IFMT: u64 = 0o170000;
const S_IFDIR: u64 = 0o040000;
const S_IFCHR: u64 = 0o020000;
const S_IFBLK: u64 = 0o060000;
const S_IFREG: u64 = 0o100000;
const S_IFIFO: u64 = 0o010000;
const S_IFLNK: u64 = 0o120000;
const S_IFSOCK: u64 = 0o140000;

macro_rules! one {
    ($name:literal, $f:ident) => {
        NativeFn::function($name, $f, Arity::One, None)
    };
}

/// The functions of `_stat`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    one!("_stat.S_ISDIR", s_isdir),
    one!("_stat.S_ISCHR", s_ischr),
    one!("_stat.S_ISBLK", s_isblk),
    one!("_stat.S_ISREG", s_isreg),
    one!("_stat.S_ISFIFO", s_isfifo),
    one!("_stat.S_ISLNK", s_islnk),
    one!("_stat.S_ISSOCK", s_issock),
    one!("_stat.S_ISDOOR", s_never),
    one!("_stat.S_ISPORT", s_never),
    one!("_stat.S_ISWHT", s_never),
    one!("_stat.S_IMODE", s_imode),
    one!("_stat.S_IFMT", s_ifmt),
    one!("_stat.filemode", filemode),
];

/// A `mode_t` argument: an int (no `__index__`), unsigned and within 32 bits.
fn mode(vm: &Vm, a: &Args) -> PyResult<u64> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    let v = inst_base(&v).unwrap_or(v);
    let overflow = |vm: &Vm, neg: bool, huge: bool| {
        let msg = if neg {
            "can't convert negative value to unsigned int"
        } else if huge {
            "Python int too large to convert to C unsigned long"
        } else {
            "mode out of range"
        };
        vm.err(ExcKind::OverflowError, msg)
    };
    match num_of(&v) {
        Some(Num::I(i)) if i < 0 => Err(overflow(vm, true, false)),
        Some(Num::I(i)) if i > u32::MAX as i64 => Err(overflow(vm, false, false)),
        Some(Num::I(i)) => Ok(i as u64),
        Some(Num::B(b)) => Err(overflow(vm, b.is_negative(), b.bits() > 64)),
        _ => Err(vm.type_error("an integer is required")),
    }
}

fn is_fmt(vm: &Vm, a: &Args, fmt: u64) -> PyResult<Value> {
    Ok(Value::Bool(mode(vm, a)? & S_IFMT == fmt))
}

fn s_isdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    is_fmt(vm, a, S_IFDIR)
}
fn s_ischr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    is_fmt(vm, a, S_IFCHR)
}
fn s_isblk(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    is_fmt(vm, a, S_IFBLK)
}
fn s_isreg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    is_fmt(vm, a, S_IFREG)
}
fn s_isfifo(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    is_fmt(vm, a, S_IFIFO)
}
fn s_islnk(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    is_fmt(vm, a, S_IFLNK)
}
fn s_issock(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    is_fmt(vm, a, S_IFSOCK)
}
/// Doors, event ports and whiteouts do not exist on Linux.
fn s_never(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mode(vm, a)?;
    Ok(Value::Bool(false))
}
fn s_imode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int((mode(vm, a)? & 0o7777) as i64))
}
fn s_ifmt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int((mode(vm, a)? & S_IFMT) as i64))
}

/// `filemode(mode)`: the file type letter then three `rwx` triples, with the set-id and
/// sticky bits shown as `s`/`S` and `t`/`T`.
fn filemode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = mode(vm, a)?;
    let kind = match m & S_IFMT {
        S_IFLNK => 'l',
        S_IFSOCK => 's',
        S_IFREG => '-',
        S_IFBLK => 'b',
        S_IFDIR => 'd',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        _ => '?',
    };
    let mut out = String::with_capacity(10);
    out.push(kind);
    // (read, write, exec, special bit, special letter) per class: owner, group, other.
    let triples = [
        (0o400, 0o200, 0o100, 0o4000, 's'),
        (0o040, 0o020, 0o010, 0o2000, 's'),
        (0o004, 0o002, 0o001, 0o1000, 't'),
    ];
    for (r, w, x, special, letter) in triples {
        out.push(if m & r != 0 { 'r' } else { '-' });
        out.push(if m & w != 0 { 'w' } else { '-' });
        out.push(match (m & x != 0, m & special != 0) {
            (true, true) => letter,
            (false, true) => letter.to_ascii_uppercase(),
            (true, false) => 'x',
            (false, false) => '-',
        });
    }
    Ok(Vm::str_val(out))
}

/// Builds `_stat`: [`FUNCTIONS`] and the constants, with Linux's values.
pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    let constants: &[(&str, i64)] = &[
        ("S_IFDIR", S_IFDIR as i64),
        ("S_IFCHR", S_IFCHR as i64),
        ("S_IFBLK", S_IFBLK as i64),
        ("S_IFREG", S_IFREG as i64),
        ("S_IFIFO", S_IFIFO as i64),
        ("S_IFLNK", S_IFLNK as i64),
        ("S_IFSOCK", S_IFSOCK as i64),
        ("S_IFDOOR", 0),
        ("S_IFPORT", 0),
        ("S_IFWHT", 0),
        ("S_ISUID", 0o4000),
        ("S_ISGID", 0o2000),
        ("S_ISVTX", 0o1000),
        ("S_ENFMT", 0o2000),
        ("S_IREAD", 0o400),
        ("S_IWRITE", 0o200),
        ("S_IEXEC", 0o100),
        ("S_IRWXU", 0o700),
        ("S_IRUSR", 0o400),
        ("S_IWUSR", 0o200),
        ("S_IXUSR", 0o100),
        ("S_IRWXG", 0o70),
        ("S_IRGRP", 0o40),
        ("S_IWGRP", 0o20),
        ("S_IXGRP", 0o10),
        ("S_IRWXO", 0o7),
        ("S_IROTH", 0o4),
        ("S_IWOTH", 0o2),
        ("S_IXOTH", 0o1),
        ("UF_NODUMP", 0x1),
        ("UF_IMMUTABLE", 0x2),
        ("UF_APPEND", 0x4),
        ("UF_OPAQUE", 0x8),
        ("UF_NOUNLINK", 0x10),
        ("UF_COMPRESSED", 0x20),
        ("UF_HIDDEN", 0x8000),
        ("SF_ARCHIVED", 0x10000),
        ("SF_IMMUTABLE", 0x20000),
        ("SF_APPEND", 0x40000),
        ("SF_NOUNLINK", 0x100000),
        ("SF_SNAPSHOT", 0x200000),
        ("ST_MODE", 0),
        ("ST_INO", 1),
        ("ST_DEV", 2),
        ("ST_NLINK", 3),
        ("ST_UID", 4),
        ("ST_GID", 5),
        ("ST_SIZE", 6),
        ("ST_ATIME", 7),
        ("ST_MTIME", 8),
        ("ST_CTIME", 9),
    ];
    let constants: Vec<(&str, Value)> = constants
        .iter()
        .map(|(k, v)| (*k, Value::Int(*v)))
        .collect();
    super::new_module("_stat", FUNCTIONS, &constants)
}
