//! `traceback` and `frame` objects as `exc.__traceback__` shows them: read-only snapshots made
//! from the (code, line) entries an exception records, outermost first through `tb_next`.
//! A frame here carries its code object and line only (`f_back`, `f_locals` are empty).

use crate::stdlib::{native_type, new_native, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// One traceback entry.
struct Tb {
    frame: Value,
    line: u32,
    next: Value,
}

impl NativeState for Tb {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.frame);
        f(&self.next);
    }
}

/// A frame as a traceback entry saw it.
struct FrameSnap {
    code: u32,
    line: u32,
}

impl NativeState for FrameSnap {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

static TB_FRAME: NativeFn = NativeFn::method("traceback.tb_frame", tb_frame, Arity::NoArgs, None);
static TB_LINENO: NativeFn =
    NativeFn::method("traceback.tb_lineno", tb_lineno, Arity::NoArgs, None);
static TB_NEXT: NativeFn = NativeFn::method("traceback.tb_next", tb_next, Arity::NoArgs, None);
static TB_LASTI: NativeFn = NativeFn::method("traceback.tb_lasti", tb_lasti, Arity::NoArgs, None);
static F_CODE: NativeFn = NativeFn::method("frame.f_code", f_code, Arity::NoArgs, None);
static F_LINENO: NativeFn = NativeFn::method("frame.f_lineno", f_lineno, Arity::NoArgs, None);
static F_BACK: NativeFn = NativeFn::method("frame.f_back", f_none, Arity::NoArgs, None);
static F_LOCALS: NativeFn = NativeFn::method("frame.f_locals", f_empty, Arity::NoArgs, None);

fn types(vm: &mut Vm) -> (ObjRef, ObjRef) {
    if let (Some(t), Some(f)) = (
        vm.native_types.get("traceback"),
        vm.native_types.get("frame"),
    ) {
        return (t.clone(), f.clone());
    }
    let ro = Some(&crate::stdlib::READONLY);
    let t = native_type(vm, "traceback", None, &[], false);
    crate::stdlib::add_property(&t, "tb_frame", &TB_FRAME, ro);
    crate::stdlib::add_property(&t, "tb_lineno", &TB_LINENO, ro);
    crate::stdlib::add_property(&t, "tb_next", &TB_NEXT, ro);
    crate::stdlib::add_property(&t, "tb_lasti", &TB_LASTI, ro);
    crate::stdlib::set_slots(&t, &[]);
    let f = native_type(vm, "frame", None, &[], false);
    crate::stdlib::add_property(&f, "f_code", &F_CODE, ro);
    crate::stdlib::add_property(&f, "f_lineno", &F_LINENO, ro);
    crate::stdlib::add_property(&f, "f_back", &F_BACK, ro);
    crate::stdlib::add_property(&f, "f_locals", &F_LOCALS, ro);
    crate::stdlib::set_slots(&f, &[]);
    (t, f)
}

/// `exc.__traceback__`: `None` for an exception never raised.
pub(crate) fn traceback_of(vm: &mut Vm, exc: &ObjRef) -> Value {
    let entries = match exc.get() {
        Object::Instance(i) => match &i.exc {
            Some(e) => e.traceback.clone(),
            None => return Value::None,
        },
        _ => return Value::None,
    };
    if entries.is_empty() {
        return Value::None;
    }
    let (tt, ft) = types(vm);
    let mut next = Value::None;
    // Entries are innermost first; the chain starts at the outermost.
    for (code, line) in entries {
        let frame = new_native(ft.clone(), ft.clone(), None, FrameSnap { code, line });
        next = new_native(tt.clone(), tt.clone(), None, Tb { frame, line, next });
    }
    next
}

fn tb<'a>(a: &'a Args<'a>) -> Option<&'a mut Tb> {
    state_of::<Tb>(&a.pos[0])
}

fn tb_frame(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(tb(a).map_or(Value::None, |t| t.frame.clone()))
}

fn tb_lineno(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(tb(a).map_or(Value::None, |t| Value::Int(i64::from(t.line))))
}

fn tb_next(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(tb(a).map_or(Value::None, |t| t.next.clone()))
}

fn tb_lasti(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(-1))
}

fn f_code(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match state_of::<FrameSnap>(&a.pos[0]) {
        // Run-time code may be released with its unit: only image code is shown.
        Some(f) if !vm.codes.get(f.code as usize).is_some_and(|c| c.transient) => {
            Value::obj(Object::CodeRef(f.code))
        }
        _ => Value::None,
    })
}

fn f_lineno(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(state_of::<FrameSnap>(&a.pos[0]).map_or(Value::None, |f| Value::Int(i64::from(f.line))))
}

fn f_none(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn f_empty(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Vm::new_dict(Default::default()))
}
