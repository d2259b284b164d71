//! Struct sequences (`time.struct_time`, `posix.uname_result`, `os.terminal_size`...): tuple
//! subclasses whose items are also read-only named attributes, with fields past the
//! sequence ones (`tm_zone`) reachable by name only. One row of [`SPECS`] per type.

use super::{native_type, set_class_attr};
use crate::value::dict_table::{dict_set_str, Dict};
use crate::value::heap::ObjRef;
use crate::value::object::{Instance, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

/// A struct sequence type: its key (`module.name`), every field, and how many of them are
/// the tuple's items.
pub(crate) struct Spec {
    pub key: &'static str,
    pub fields: &'static [&'static str],
    pub n_sequence: usize,
}

pub(crate) static STRUCT_TIME: Spec = Spec {
    key: "time.struct_time",
    fields: &[
        "tm_year",
        "tm_mon",
        "tm_mday",
        "tm_hour",
        "tm_min",
        "tm_sec",
        "tm_wday",
        "tm_yday",
        "tm_isdst",
        "tm_zone",
        "tm_gmtoff",
    ],
    n_sequence: 9,
};
pub(crate) static UNAME_RESULT: Spec = Spec {
    key: "posix.uname_result",
    fields: &["sysname", "nodename", "release", "version", "machine"],
    n_sequence: 5,
};
pub(crate) static TIMES_RESULT: Spec = Spec {
    key: "posix.times_result",
    fields: &[
        "user",
        "system",
        "children_user",
        "children_system",
        "elapsed",
    ],
    n_sequence: 5,
};
/// `os.stat_result`. CPython's items 7–9 are unnamed integer times; here they carry the
/// names of the float times (no worker can call `stat`, so only the type is reached).
pub(crate) static STAT_RESULT: Spec = Spec {
    key: "os.stat_result",
    fields: &[
        "st_mode",
        "st_ino",
        "st_dev",
        "st_nlink",
        "st_uid",
        "st_gid",
        "st_size",
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ],
    n_sequence: 10,
};
pub(crate) static STATVFS_RESULT: Spec = Spec {
    key: "os.statvfs_result",
    fields: &[
        "f_bsize",
        "f_frsize",
        "f_blocks",
        "f_bfree",
        "f_bavail",
        "f_files",
        "f_ffree",
        "f_favail",
        "f_flag",
        "f_namemax",
        "f_fsid",
    ],
    n_sequence: 10,
};
pub(crate) static TERMINAL_SIZE: Spec = Spec {
    key: "os.terminal_size",
    fields: &["columns", "lines"],
    n_sequence: 2,
};

pub(crate) static EXCEPT_HOOK_ARGS: Spec = Spec {
    key: "_thread._ExceptHookArgs",
    fields: &["exc_type", "exc_value", "exc_traceback", "thread"],
    n_sequence: 4,
};
pub(crate) static ASYNCGEN_HOOKS: Spec = Spec {
    key: "asyncgen_hooks",
    fields: &["firstiter", "finalizer"],
    n_sequence: 2,
};
pub(crate) static VERSION_INFO: Spec = Spec {
    key: "sys.version_info",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    n_sequence: 5,
};
pub(crate) static FLOAT_INFO: Spec = Spec {
    key: "sys.float_info",
    fields: &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ],
    n_sequence: 11,
};
pub(crate) static INT_INFO: Spec = Spec {
    key: "sys.int_info",
    fields: &[
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ],
    n_sequence: 4,
};
pub(crate) static HASH_INFO: Spec = Spec {
    key: "sys.hash_info",
    fields: &[
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ],
    n_sequence: 9,
};
pub(crate) static FLAGS: Spec = Spec {
    key: "sys.flags",
    fields: &[
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ],
    n_sequence: 18,
};

static SPECS: &[&Spec] = &[
    &STRUCT_TIME,
    &ASYNCGEN_HOOKS,
    &UNAME_RESULT,
    &TIMES_RESULT,
    &TERMINAL_SIZE,
    &STATVFS_RESULT,
    &STAT_RESULT,
    &EXCEPT_HOOK_ARGS,
    &VERSION_INFO,
    &FLOAT_INFO,
    &INT_INFO,
    &HASH_INFO,
    &FLAGS,
];

static METHODS: &[NativeFn] = &[
    NativeFn::new("structseq", structseq_new),
    NativeFn::method("structseq.__repr__", structseq_repr, Arity::NoArgs, None),
    NativeFn::method(
        "structseq.__reduce__",
        structseq_reduce,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method("structseq.__setattr__", readonly, Arity::Range(2, 2), None),
    NativeFn::method("structseq.__delattr__", readonly, Arity::One, None),
];

fn readonly(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err(ExcKind::AttributeError, "readonly attribute"))
}

/// Creates (once) and returns the type of `spec`.
pub(crate) fn type_of(vm: &mut Vm, spec: &'static Spec) -> ObjRef {
    if let Some(c) = vm.native_types.get(spec.key) {
        return c.clone();
    }
    let tuple_t = vm.type_obj(TypeKind::Tuple).clone();
    let cls = native_type(vm, spec.key, Some(tuple_t), METHODS, false);
    let names = spec.fields[..spec.n_sequence]
        .iter()
        .map(|f| Vm::str_val(*f))
        .collect();
    set_class_attr(&cls, "__match_args__", Vm::new_tuple(names));
    set_class_attr(&cls, "n_fields", Value::Int(spec.fields.len() as i64));
    set_class_attr(
        &cls,
        "n_sequence_fields",
        Value::Int(spec.n_sequence as i64),
    );
    set_class_attr(&cls, "n_unnamed_fields", Value::Int(0));
    if let Object::Class(c) = cls.get_mut() {
        c.has_setattr = true;
    }
    cls
}

/// A struct sequence of type `cls` (made by [`type_of`] for `spec`) holding `values`, one per
/// field (missing trailing ones are `None`).
pub(crate) fn new(cls: &ObjRef, spec: &Spec, mut values: Vec<Value>) -> Value {
    values.resize(spec.fields.len(), Value::None);
    let mut own = Dict::new();
    for (n, v) in spec.fields.iter().zip(values.iter()) {
        dict_set_str(&mut own, n, v.clone());
    }
    values.truncate(spec.n_sequence);
    Value::obj(Object::Instance(Instance {
        class: cls.clone(),
        own,
        dict_obj: None,
        exc: None,
        base: Vm::new_tuple(values),
    }))
}

/// The spec of struct sequence class `cls` (or of the struct sequence it derives from).
fn spec_of(vm: &Vm, cls: &ObjRef) -> Option<&'static Spec> {
    SPECS.iter().copied().find(|s| {
        vm.native_types
            .get(s.key)
            .is_some_and(|t| Vm::is_subclass(cls, t))
    })
}

/// `T(sequence, dict=None)`.
fn structseq_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let Some(spec) = spec_of(vm, &cls) else {
        return Err(vm.type_error("not a struct sequence type"));
    };
    let args = super::parse_args(vm, a, 1, spec.key, &["sequence", "dict"], 1, 2)?;
    let seq = args[0].cloned().unwrap_or(Value::None);
    let items = match vm.collect(&seq) {
        Ok(items) => items,
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
            return Err(vm.type_error("constructor requires a sequence"))
        }
        Err(e) => return Err(e),
    };
    let n = items.len();
    let (min, max) = (spec.n_sequence, spec.fields.len());
    if n < min || n > max {
        let (how, bound) = if min == max {
            ("a ", min)
        } else if n < min {
            ("an at least ", min)
        } else {
            ("an at most ", max)
        };
        return Err(vm.type_error(format!(
            "{}() takes {how}{bound}-sequence ({n}-sequence given)",
            spec.key
        )));
    }
    Ok(new(&cls, spec, items))
}

/// The tuple items of struct sequence `v`.
fn items(v: &Value) -> Vec<Value> {
    match v.body() {
        Some(Object::Instance(i)) => match i.base.body() {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn structseq_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = a.pos[0].clone();
    let cls = vm.type_of(&me);
    let Some(spec) = spec_of(vm, &cls) else {
        return Ok(Vm::str_val("structseq()"));
    };
    let mut out = format!("{}(", spec.key);
    for (i, (f, v)) in spec.fields.iter().zip(items(&me)).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(f);
        out.push('=');
        out.push_str(&vm.repr(&v)?);
    }
    out.push(')');
    Ok(Vm::str_val(out))
}

fn structseq_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = a.pos[0].clone();
    let cls = vm.type_of(&me);
    let mut extra = Dict::new();
    if let (Some(spec), Some(Object::Instance(i))) = (spec_of(vm, &cls), me.body()) {
        for f in &spec.fields[spec.n_sequence..] {
            if let Some(v) = crate::value::dict_table::dict_get_h(
                &i.own,
                crate::value::dict_table::str_hash_of(f),
                f,
            ) {
                dict_set_str(&mut extra, f, v.clone());
            }
        }
    }
    Ok(Vm::new_tuple(vec![
        Value::Obj(cls),
        Vm::new_tuple(vec![Vm::new_tuple(items(&me)), Vm::new_dict(extra)]),
    ]))
}
