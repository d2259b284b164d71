//! The `_collections` module: `deque` (with its two iterator types), `defaultdict`,
//! `OrderedDict`, `_count_elements` and `_tuplegetter`. `OrderedDict` is a dict subclass over
//! the insertion-ordered dict table (no per-key link objects): moving a key to the end
//! re-inserts it, to the front rebuilds the table.

use super::{native_class, native_type, new_native, parse_args, receiver, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object, TypeKind, ViewKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::nest;
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_image::opcode::{BinaryOp, CompareOp};
use std::collections::VecDeque;

static FUNCTIONS: &[NativeFn] = &[NativeFn::function(
    "_count_elements",
    count_elements,
    Arity::Range(2, 2),
    None,
)];

const DEQUE: &str = "collections.deque";

static DEQUE_METHODS: &[NativeFn] = &[
    NativeFn::new("deque", deque_new),
    NativeFn::new("deque.__init__", deque_init),
    NativeFn::method("deque.append", append, Arity::One, None),
    NativeFn::method("deque.appendleft", appendleft, Arity::One, None),
    NativeFn::method("deque.pop", pop, Arity::NoArgs, None),
    NativeFn::method("deque.popleft", popleft, Arity::NoArgs, None),
    NativeFn::method("deque.clear", clear, Arity::NoArgs, None),
    NativeFn::method("deque.copy", copy, Arity::NoArgs, None),
    NativeFn::method("deque.__copy__", copy, Arity::NoArgs, None),
    NativeFn::method("deque.count", count, Arity::One, None),
    NativeFn::method("deque.extend", extend, Arity::One, None),
    NativeFn::method("deque.extendleft", extendleft, Arity::One, None),
    NativeFn::new("deque.index", index),
    NativeFn::new("deque.insert", insert),
    NativeFn::method("deque.remove", remove, Arity::One, None),
    NativeFn::method("deque.reverse", reverse, Arity::NoArgs, None),
    NativeFn::new("deque.rotate", rotate),
    NativeFn::method("deque.__len__", len, Arity::NoArgs, None),
    NativeFn::method("deque.__getitem__", getitem, Arity::One, None),
    NativeFn::method("deque.__setitem__", setitem, Arity::Range(2, 2), None),
    NativeFn::method("deque.__delitem__", delitem, Arity::One, None),
    NativeFn::method("deque.__contains__", contains, Arity::One, None),
    NativeFn::method("deque.__iter__", iter, Arity::NoArgs, None),
    NativeFn::method("deque.__reversed__", reversed, Arity::NoArgs, None),
    NativeFn::method("deque.__repr__", repr, Arity::NoArgs, None),
    NativeFn::method("deque.__add__", add, Arity::One, None),
    NativeFn::method("deque.__iadd__", iadd, Arity::One, None),
    NativeFn::method("deque.__mul__", mul, Arity::One, None),
    NativeFn::method("deque.__rmul__", mul, Arity::One, None),
    NativeFn::method("deque.__imul__", imul, Arity::One, None),
    NativeFn::method("deque.__lt__", lt, Arity::One, None),
    NativeFn::method("deque.__le__", le, Arity::One, None),
    NativeFn::method("deque.__eq__", eq, Arity::One, None),
    NativeFn::method("deque.__ne__", ne, Arity::One, None),
    NativeFn::method("deque.__gt__", gt, Arity::One, None),
    NativeFn::method("deque.__ge__", ge, Arity::One, None),
    NativeFn::method("deque.__reduce__", deque_reduce, Arity::NoArgs, None),
    NativeFn::method("deque.__reduce_ex__", deque_reduce, Arity::One, None),
];

static MAXLEN: NativeFn = NativeFn::method("deque.maxlen", maxlen, Arity::NoArgs, None);
static MAXLEN_SET: NativeFn = NativeFn::new("deque.maxlen", maxlen_set);

fn maxlen_set(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err(
        ExcKind::AttributeError,
        "attribute 'maxlen' of 'collections.deque' objects is not writable",
    ))
}

static ITER_METHODS: &[NativeFn] = &[NativeFn::method(
    "_deque_iterator.__length_hint__",
    iter_len_hint,
    Arity::NoArgs,
    None,
)];

static REVERSE_ITER_METHODS: &[NativeFn] = &[NativeFn::method(
    "_deque_reverse_iterator.__length_hint__",
    iter_len_hint,
    Arity::NoArgs,
    None,
)];

static DEFAULTDICT_METHODS: &[NativeFn] = &[
    NativeFn::new("defaultdict.__init__", dd_init),
    NativeFn::method("defaultdict.__missing__", dd_missing, Arity::One, None),
    NativeFn::method("defaultdict.__repr__", dd_repr, Arity::NoArgs, None),
    NativeFn::method("defaultdict.copy", dd_copy, Arity::NoArgs, None),
    NativeFn::method("defaultdict.__copy__", dd_copy, Arity::NoArgs, None),
    NativeFn::method("defaultdict.__or__", dd_or, Arity::One, None),
    NativeFn::method("defaultdict.__ror__", dd_ror, Arity::One, None),
    NativeFn::method("defaultdict.__reduce__", dd_reduce, Arity::NoArgs, None),
    NativeFn::method("defaultdict.__reduce_ex__", dd_reduce, Arity::One, None),
];

static ODICT_METHODS: &[NativeFn] = &[
    NativeFn::new("OrderedDict.__init__", od_init),
    NativeFn::method(
        "OrderedDict.move_to_end",
        od_move_to_end,
        Arity::Range(1, 2),
        Some(&["key", "last"]),
    ),
    NativeFn::method(
        "OrderedDict.popitem",
        od_popitem,
        Arity::Range(0, 1),
        Some(&["last"]),
    ),
    NativeFn::method("OrderedDict.__repr__", od_repr, Arity::NoArgs, None),
    NativeFn::method("OrderedDict.__eq__", od_eq, Arity::One, None),
    NativeFn::method("OrderedDict.__ne__", od_ne, Arity::One, None),
    NativeFn::method("OrderedDict.__reversed__", od_reversed, Arity::NoArgs, None),
    NativeFn::method("OrderedDict.copy", od_copy, Arity::NoArgs, None),
    NativeFn::new("OrderedDict.pop", od_pop),
    NativeFn::new("OrderedDict.setdefault", od_setdefault),
    NativeFn::method("OrderedDict.__ior__", od_ior, Arity::One, None),
    NativeFn::method("OrderedDict.__or__", od_or, Arity::One, None),
    NativeFn::method("OrderedDict.__ror__", od_ror, Arity::One, None),
    NativeFn::method("OrderedDict.__reduce__", od_reduce, Arity::NoArgs, None),
    NativeFn::method("OrderedDict.keys", od_keys, Arity::NoArgs, None),
    NativeFn::method("OrderedDict.values", od_values, Arity::NoArgs, None),
    NativeFn::method("OrderedDict.items", od_items_view, Arity::NoArgs, None),
];

static TUPLEGETTER_METHODS: &[NativeFn] = &[
    NativeFn::method("_tuplegetter", tg_new, Arity::Range(2, 2), None),
    NativeFn::method("_tuplegetter.__get__", tg_get, Arity::Range(1, 2), None),
    NativeFn::method("_tuplegetter.__set__", tg_set, Arity::Range(2, 2), None),
    NativeFn::method("_tuplegetter.__delete__", tg_delete, Arity::One, None),
    NativeFn::method("_tuplegetter.__repr__", tg_repr, Arity::NoArgs, None),
];

/// Builds the `_collections` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let deque = native_type(vm, DEQUE, None, DEQUE_METHODS, false);
    super::add_property(&deque, "maxlen", &MAXLEN, Some(&MAXLEN_SET));
    super::set_slots(&deque, &[]);
    super::add_class_getitem(&deque);
    super::set_class_attr(&deque, "__hash__", Value::None);
    let it = native_type(vm, "_collections._deque_iterator", None, ITER_METHODS, true);
    let rit = native_type(
        vm,
        "_collections._deque_reverse_iterator",
        None,
        REVERSE_ITER_METHODS,
        true,
    );
    let dict_t = vm.type_obj(TypeKind::Dict).clone();
    let dd = native_type(
        vm,
        "collections.defaultdict",
        Some(dict_t),
        DEFAULTDICT_METHODS,
        false,
    );
    // The factory is the one attribute an instance holds.
    super::set_slots(&dd, &["default_factory"]);
    super::add_class_getitem(&dd);
    let dict_t = vm.type_obj(TypeKind::Dict).clone();
    let od = native_type(
        vm,
        "collections.OrderedDict",
        Some(dict_t),
        ODICT_METHODS,
        false,
    );
    super::add_class_getitem(&od);
    super::set_class_attr(
        &od,
        "fromkeys",
        Value::obj(Object::ClassMethod(Value::Native(&OD_FROMKEYS))),
    );
    let tg = native_type(
        vm,
        "_collections._tuplegetter",
        None,
        TUPLEGETTER_METHODS,
        false,
    );
    super::set_slots(&tg, &["__doc__"]);
    super::set_slots(&it, &[]);
    super::set_slots(&rit, &[]);
    super::new_module(
        "_collections",
        FUNCTIONS,
        &[
            ("deque", Value::Obj(deque)),
            ("_deque_iterator", Value::Obj(it)),
            ("_deque_reverse_iterator", Value::Obj(rit)),
            ("defaultdict", Value::Obj(dd)),
            ("OrderedDict", Value::Obj(od)),
            ("_tuplegetter", Value::Obj(tg)),
        ],
    )
}

fn arg(a: &Args, i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

// ----- deque -----

struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every mutation, so iterators and searches notice one.
    state: u64,
}

impl NativeState for Deque {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(f);
    }
}

impl Deque {
    fn push_back(&mut self, v: Value) -> Option<Value> {
        self.state = self.state.wrapping_add(1);
        if self.maxlen == Some(0) {
            return Some(v);
        }
        self.items.push_back(v);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_front(),
            _ => None,
        }
    }

    fn push_front(&mut self, v: Value) -> Option<Value> {
        self.state = self.state.wrapping_add(1);
        if self.maxlen == Some(0) {
            return Some(v);
        }
        self.items.push_front(v);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_back(),
            _ => None,
        }
    }
}

fn me<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Deque> {
    receiver::<Deque>(vm, a, DEQUE, method)
}

/// The deque state of `v`, if it is a deque.
fn deque_of(v: &Value) -> Option<&mut Deque> {
    state_of::<Deque>(v)
}

fn snapshot(v: &Value) -> Vec<Value> {
    deque_of(v).map_or_else(Vec::new, |d| d.items.iter().cloned().collect())
}

fn new_deque(vm: &Vm, cls: ObjRef, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    let native = native_class(vm, DEQUE);
    new_native(
        cls,
        native,
        None,
        Deque {
            items,
            maxlen,
            state: 0,
        },
    )
}

fn deque_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    Ok(new_deque(vm, cls, VecDeque::new(), None))
}

fn deque_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__init__")?;
    let args = parse_args(vm, a, 1, "deque", &["iterable", "maxlen"], 0, 2)?;
    let maxlen = match args[1] {
        None | Some(Value::None) => None,
        Some(m @ (Value::Int(_) | Value::Bool(_))) => {
            let n = vm.index_of(m)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        Some(m) if matches!(m.body(), Some(Object::BigInt(_))) => {
            return Err(vm.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            ))
        }
        // An int subclass counts as the int it holds.
        Some(m) if crate::value::num::inst_base(m).is_some_and(|b| matches!(b, Value::Int(_))) => {
            let n = vm.index_of(m)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        Some(_) => return Err(vm.type_error("an integer is required")),
    };
    let recv = arg(a, 0);
    if let Some(d) = deque_of(&recv) {
        d.maxlen = maxlen;
        if !d.items.is_empty() {
            d.state = d.state.wrapping_add(1);
            let old = std::mem::take(&mut d.items);
            drop(old);
        }
    }
    if let Some(it) = args[0] {
        let it = it.clone();
        extend_impl(vm, &recv, &it, false)?;
    }
    Ok(Value::None)
}

fn append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "append")?;
    let dropped = d.push_back(arg(a, 1));
    drop(dropped);
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "appendleft")?;
    let dropped = d.push_front(arg(a, 1));
    drop(dropped);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "pop")?;
    d.state = d.state.wrapping_add(1);
    d.items
        .pop_back()
        .ok_or_else(|| vm.err(ExcKind::IndexError, "pop from an empty deque"))
}

fn popleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "popleft")?;
    d.state = d.state.wrapping_add(1);
    d.items
        .pop_front()
        .ok_or_else(|| vm.err(ExcKind::IndexError, "pop from an empty deque"))
}

fn clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "clear")?;
    d.state = d.state.wrapping_add(1);
    let old = std::mem::take(&mut d.items);
    drop(old);
    Ok(Value::None)
}

/// A copy of deque `v`: a plain deque is copied directly, a subclass through its constructor
/// (`type(d)(d, maxlen)`), as CPython does.
fn copy_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let cls = vm.type_of(v);
    let native = native_class(vm, DEQUE);
    let Some(d) = deque_of(v) else {
        return Ok(Value::None);
    };
    let (items, maxlen) = (d.items.clone(), d.maxlen);
    if cls.ptr_eq(&native) {
        return Ok(new_deque(vm, cls, items, maxlen));
    }
    let ml = maxlen.map_or(Value::None, |m| Value::Int(m as i64));
    if maxlen.is_none() {
        return vm.call(&Value::Obj(cls), std::slice::from_ref(v), &[]);
    }
    vm.call(&Value::Obj(cls), &[v.clone(), ml], &[])
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "copy")?;
    copy_of(vm, &arg(a, 0))
}

/// Finds `x` from position `start` up to `stop`: its index, or `None`. A mutation meanwhile
/// raises `mutated` (a RuntimeError or IndexError message).
fn find(
    vm: &mut Vm,
    recv: &Value,
    x: &Value,
    start: usize,
    stop: usize,
    mutated: (ExcKind, &str),
) -> PyResult<Option<usize>> {
    let Some(d) = deque_of(recv) else {
        return Ok(None);
    };
    let state = d.state;
    let mut i = start;
    loop {
        let Some(d) = deque_of(recv) else {
            return Ok(None);
        };
        if i >= stop.min(d.items.len()) {
            return Ok(None);
        }
        let item = d.items[i].clone();
        let same = item.is(x) || vm.eq(&item, x)?;
        let Some(d) = deque_of(recv) else {
            return Ok(None);
        };
        if d.state != state {
            return Err(vm.err(mutated.0, mutated.1));
        }
        if same {
            return Ok(Some(i));
        }
        i += 1;
    }
}

const MUTATED: (ExcKind, &str) = (ExcKind::RuntimeError, "deque mutated during iteration");

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "count")?;
    let (recv, x) = (arg(a, 0), arg(a, 1));
    let mut n = 0;
    let mut start = 0;
    while let Some(i) = find(vm, &recv, &x, start, usize::MAX, MUTATED)? {
        n += 1;
        start = i + 1;
    }
    Ok(Value::Int(n))
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__contains__")?;
    let (recv, x) = (arg(a, 0), arg(a, 1));
    Ok(Value::Bool(
        find(vm, &recv, &x, 0, usize::MAX, MUTATED)?.is_some(),
    ))
}

fn not_in_deque(vm: &mut Vm, x: &Value) -> PyResult<ObjRef> {
    let r = vm.repr(x)?;
    Ok(vm.value_error(format!("{r} is not in deque")))
}

/// The argument count check of deque methods parsed the old way (`insert`, `index`).
fn check_count(vm: &Vm, a: &Args, name: &str, lo: usize, hi: usize) -> PyResult<()> {
    if !a.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n >= lo && n <= hi {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    Err(vm.type_error(if lo == hi {
        format!(
            "{name}() takes exactly {lo} argument{} ({n} given)",
            plural(lo)
        )
    } else if n < lo {
        format!(
            "{name}() takes at least {lo} argument{} ({n} given)",
            plural(lo)
        )
    } else {
        format!(
            "{name}() takes at most {hi} argument{} ({n} given)",
            plural(hi)
        )
    }))
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "index")?;
    check_count(vm, a, "index", 1, 3)?;
    let len = me(vm, a, "index")?.items.len() as i64;
    let (recv, x) = (arg(a, 0), arg(a, 1));
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<usize> {
        let Some(v) = v else {
            return Ok(default as usize);
        };
        let mut i = match v.body() {
            Some(Object::BigInt(b)) if num_traits::Signed::is_negative(b) => i64::MIN,
            Some(Object::BigInt(_)) => i64::MAX,
            _ => vm.index_of(v).map_err(|_| {
                vm.type_error("slice indices must be integers or have an __index__ method")
            })?,
        };
        if i < 0 {
            i = i.saturating_add(len).max(0);
        }
        Ok(i.min(len) as usize)
    };
    let start = bound(vm, a.get(2), 0)?;
    let stop = bound(vm, a.get(3), len)?;
    match find(vm, &recv, &x, start, stop, MUTATED)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(not_in_deque(vm, &x)?),
    }
}

fn insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "insert")?;
    check_count(vm, a, "insert", 2, 2)?;
    let i = vm.ssize_of(&arg(a, 1))?;
    let d = me(vm, a, "insert")?;
    if d.maxlen == Some(d.items.len()) {
        return Err(vm.err(ExcKind::IndexError, "deque already at its maximum size"));
    }
    let len = d.items.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    d.state = d.state.wrapping_add(1);
    d.items.insert(i as usize, arg(a, 2));
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "remove")?;
    let (recv, x) = (arg(a, 0), arg(a, 1));
    let mutated = (ExcKind::IndexError, "deque mutated during remove().");
    match find(vm, &recv, &x, 0, usize::MAX, mutated)? {
        Some(i) => {
            if let Some(d) = deque_of(&recv) {
                d.state = d.state.wrapping_add(1);
                let old = d.items.remove(i);
                drop(old);
            }
            Ok(Value::None)
        }
        None => Err(not_in_deque(vm, &x)?),
    }
}

fn reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "reverse")?;
    d.state = d.state.wrapping_add(1);
    d.items.make_contiguous().reverse();
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "rotate")?;
    if !a.kw.is_empty() {
        return Err(vm.type_error("deque.rotate() takes no keyword arguments"));
    }
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "deque.rotate expected at most 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    let n = match a.get(1) {
        None => 1,
        Some(v) => vm.ssize_of(v)?,
    };
    let d = me(vm, a, "rotate")?;
    let len = d.items.len() as i64;
    if len > 1 {
        d.state = d.state.wrapping_add(1);
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(me(vm, a, "__len__")?.items.len() as i64))
}

fn maxlen(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(me(vm, a, "maxlen")?
        .maxlen
        .map_or(Value::None, |m| Value::Int(m as i64)))
}

/// A deque index: an integer (with `__index__`), negative from the end, in range.
fn item_index(vm: &mut Vm, a: &Args) -> PyResult<usize> {
    let key = arg(a, 1);
    let is_int = matches!(key, Value::Int(_) | Value::Bool(_))
        || matches!(key.body(), Some(Object::BigInt(_)))
        || (matches!(key.body(), Some(Object::Instance(_)))
            && vm
                .lookup_class_attr(&vm.type_of(&key), "__index__")
                .is_some());
    if !is_int {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(&key)
        )));
    }
    let i = vm.ssize_of(&key)?;
    let len = me(vm, a, "__getitem__")?.items.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.err(ExcKind::IndexError, "deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__getitem__")?;
    let i = item_index(vm, a)?;
    Ok(me(vm, a, "__getitem__")?.items[i].clone())
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__setitem__")?;
    let i = item_index(vm, a)?;
    let d = me(vm, a, "__setitem__")?;
    let old = std::mem::replace(&mut d.items[i], arg(a, 2));
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__delitem__")?;
    let i = item_index(vm, a)?;
    let d = me(vm, a, "__delitem__")?;
    d.state = d.state.wrapping_add(1);
    let old = d.items.remove(i);
    drop(old);
    Ok(Value::None)
}

/// Extends deque `recv` by `iterable` (at the left when `left`).
fn extend_impl(vm: &mut Vm, recv: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    // Extending a deque by itself reads a snapshot.
    let source = if iterable.is(recv) {
        Vm::new_list(snapshot(recv))
    } else {
        iterable.clone()
    };
    if let Some(Object::List(l)) = source.body() {
        let items = l.clone();
        if let Some(d) = deque_of(recv) {
            for v in items {
                let dropped = if left {
                    d.push_front(v)
                } else {
                    d.push_back(v)
                };
                drop(dropped);
            }
        }
        return Ok(());
    }
    let it = vm.get_iter(&source)?;
    while let Some(v) = vm.next(&it)? {
        if crate::budget::over() {
            return Err(vm.heap_overrun());
        }
        if let Some(d) = deque_of(recv) {
            let dropped = if left {
                d.push_front(v)
            } else {
                d.push_back(v)
            };
            drop(dropped);
        }
    }
    Ok(())
}

fn extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "extend")?;
    extend_impl(vm, &arg(a, 0), &arg(a, 1), false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "extendleft")?;
    extend_impl(vm, &arg(a, 0), &arg(a, 1), true)?;
    Ok(Value::None)
}

fn iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__iadd__")?;
    extend_impl(vm, &arg(a, 0), &arg(a, 1), false)?;
    Ok(arg(a, 0))
}

fn add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__add__")?;
    let other = arg(a, 1);
    if deque_of(&other).is_none() {
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(&other)
        )));
    }
    let new = copy_of(vm, &arg(a, 0))?;
    extend_impl(vm, &new, &other, false)?;
    Ok(new)
}

/// Repeats deque `recv` `n` times in place (keeping the last `maxlen` items).
fn repeat_in_place(vm: &mut Vm, recv: &Value, n: &Value) -> PyResult<()> {
    let Some(times) = vm.repeat_count(n) else {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    };
    let Some(d) = deque_of(recv) else {
        return Ok(());
    };
    d.state = d.state.wrapping_add(1);
    if times <= 0 || d.items.is_empty() {
        let old = std::mem::take(&mut d.items);
        drop(old);
        return Ok(());
    }
    let once: Vec<Value> = d.items.iter().cloned().collect();
    let cap = d.maxlen.unwrap_or(usize::MAX);
    let total = (once.len() as u128) * (times as u128);
    if d.maxlen.is_none() && !crate::budget::fits_u128(total.checked_mul(16)) {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    let total = total.min(cap as u128) as usize;
    // Only the last `total` items of the repetition survive a bound.
    let mut out = VecDeque::with_capacity(total);
    let skip = (once.len() as u128 * times as u128 - total as u128) as usize % once.len();
    out.extend(once.iter().cycle().skip(skip).take(total).cloned());
    d.items = out;
    Ok(())
}

fn imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__imul__")?;
    repeat_in_place(vm, &arg(a, 0), &arg(a, 1))?;
    Ok(arg(a, 0))
}

fn mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__mul__")?;
    let new = copy_of(vm, &arg(a, 0))?;
    repeat_in_place(vm, &new, &arg(a, 1))?;
    Ok(new)
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__repr__")?;
    let maxlen = d.maxlen;
    let recv = arg(a, 0);
    let id = recv.id();
    if vm.repr_guard.contains(&id) {
        return Ok(Vm::str_val("[...]"));
    }
    let name = Vm::class_name(&vm.type_of(&recv));
    let items = Vm::new_list(snapshot(&recv));
    vm.repr_guard.push(id);
    let r = vm.nested(nest::REPR, |vm| vm.repr(&items));
    vm.repr_guard.retain(|x| *x != id);
    let r = r?;
    Ok(Vm::str_val(match maxlen {
        None => format!("{name}({r})"),
        Some(m) => format!("{name}({r}, maxlen={m})"),
    }))
}

fn compare(vm: &mut Vm, a: &Args, op: CompareOp, name: &str) -> PyResult<Value> {
    me(vm, a, name)?;
    let other = arg(a, 1);
    if deque_of(&other).is_none() {
        return Ok(Value::NotImplemented);
    }
    let (x, y) = (snapshot(&arg(a, 0)), snapshot(&other));
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(Value::Bool(op == CompareOp::Ne));
    }
    let (lx, ly) = (Vm::new_list(x), Vm::new_list(y));
    vm.compare(op, &lx, &ly)
}

macro_rules! cmps {
    ($($f:ident $op:ident $name:literal),*) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            compare(vm, a, CompareOp::$op, $name)
        })*
    };
}

cmps!(lt Lt "__lt__", le Le "__le__", eq Eq "__eq__", ne Ne "__ne__", gt Gt "__gt__",
    ge Ge "__ge__");

/// `deque.__reduce__` (also `__reduce_ex__`, for `copy` and `pickle`): the class, its
/// arguments, the instance dict (if any) and an iterator over the items.
fn deque_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let maxlen = me(vm, a, "__reduce__")?.maxlen;
    let recv = arg(a, 0);
    let cls = Value::Obj(vm.type_of(&recv));
    let args = match maxlen {
        None => Vm::new_tuple(Vec::new()),
        Some(m) => Vm::new_tuple(vec![Vm::new_tuple(Vec::new()), Value::Int(m as i64)]),
    };
    let state = match recv.body() {
        Some(Object::Instance(i)) if !i.table().is_empty() => Vm::new_dict(i.table().clone()),
        _ => Value::None,
    };
    let it = iter(vm, a)?;
    Ok(Vm::new_tuple(vec![cls, args, state, it]))
}

// ----- deque iterators -----

struct DequeIter {
    deque: Value,
    /// Items left to produce.
    left: usize,
    /// Position of the next item (from the end for a reverse iterator).
    index: usize,
    state: u64,
}

impl NativeState for DequeIter {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.deque);
    }
}

fn make_iter(vm: &mut Vm, a: &Args, method: &str, key: &str, reverse: bool) -> PyResult<Value> {
    let d = me(vm, a, method)?;
    let (left, state) = (d.items.len(), d.state);
    let native = native_class(vm, key);
    let next: crate::value::object::NativeNext = if reverse {
        reverse_iter_next
    } else {
        iter_next
    };
    Ok(new_native(
        native.clone(),
        native,
        Some(next),
        DequeIter {
            deque: arg(a, 0),
            left,
            index: 0,
            state,
        },
    ))
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make_iter(vm, a, "__iter__", "_collections._deque_iterator", false)
}

fn reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make_iter(
        vm,
        a,
        "__reversed__",
        "_collections._deque_reverse_iterator",
        true,
    )
}

fn step(vm: &mut Vm, me: &Value, reverse: bool) -> PyResult<Option<Value>> {
    let Some(it) = state_of::<DequeIter>(me) else {
        return Ok(None);
    };
    if it.left == 0 {
        return Ok(None);
    }
    let deque = it.deque.clone();
    let Some(d) = deque_of(&deque) else {
        return Ok(None);
    };
    if d.state != it.state {
        it.left = 0;
        return Err(vm.err(ExcKind::RuntimeError, "deque mutated during iteration"));
    }
    let len = d.items.len();
    let i = if reverse {
        len - 1 - it.index
    } else {
        it.index
    };
    let v = d.items[i].clone();
    it.index += 1;
    it.left -= 1;
    Ok(Some(v))
}

fn iter_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    step(vm, me, false)
}

fn reverse_iter_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    step(vm, me, true)
}

fn iter_len_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = receiver::<DequeIter>(vm, a, "_collections._deque_iterator", "__length_hint__")?;
    Ok(Value::Int(it.left as i64))
}

// ----- defaultdict -----

fn default_factory(vm: &mut Vm, dd: &Value) -> PyResult<Value> {
    Ok(vm
        .getattr_opt(dd, "default_factory")?
        .unwrap_or(Value::None))
}

fn dd_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = arg(a, 0);
    let factory = a.get(1).cloned().unwrap_or(Value::None);
    if !matches!(factory, Value::None) && !crate::builtins::functions::is_callable(vm, &factory) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    vm.setattr(&recv, &Vm::str_val("default_factory"), factory)?;
    let npos = a.pos.len();
    let mut raw = Vec::with_capacity(a.raw.len());
    raw.push(recv);
    raw.extend(a.pos[2.min(npos)..].iter().cloned());
    raw.extend(a.raw[npos..].iter().cloned());
    let args = Args::new(&raw, a.kwnames);
    vm.init_container(TypeKind::Dict, &args)?;
    Ok(Value::None)
}

fn dd_missing(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (recv, key) = (arg(a, 0), arg(a, 1));
    let factory = default_factory(vm, &recv)?;
    if matches!(factory, Value::None) {
        let cls = vm.exc_class(ExcKind::KeyError);
        return Err(vm.make_exc(&cls, vec![key]));
    }
    let v = vm.call(&factory, &[], &[])?;
    vm.setitem(&recv, key, v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = arg(a, 0);
    let factory = default_factory(vm, &recv)?;
    let name = Vm::class_name(&vm.type_of(&recv));
    let base = crate::vm::ops::inst_base(&recv).unwrap_or(Value::None);
    let fid = factory.id();
    let r = vm.nested(nest::REPR, |vm| {
        let f = if matches!(factory, Value::None) {
            "None".to_string()
        } else if vm.repr_guard.contains(&fid) {
            "...".to_string()
        } else {
            vm.repr(&factory)?
        };
        let d = vm.repr(&base)?;
        Ok(format!("{name}({f}, {d})"))
    })?;
    Ok(Vm::str_val(r))
}

fn dd_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = arg(a, 0);
    let factory = default_factory(vm, &recv)?;
    let cls = Value::Obj(vm.type_of(&recv));
    vm.call(&cls, &[factory, recv], &[])
}

fn is_dict(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Dict(_)))
        || crate::vm::ops::inst_base(v).is_some_and(|b| matches!(b.body(), Some(Object::Dict(_))))
}

fn dd_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let other = arg(a, 1);
    if !is_dict(&other) {
        return Ok(Value::NotImplemented);
    }
    let new = dd_copy(vm, a)?;
    let update = vm.getattr(&new, &Vm::str_val("update"))?;
    vm.call(&update, &[other], &[])?;
    Ok(new)
}

fn dd_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (recv, other) = (arg(a, 0), arg(a, 1));
    if !is_dict(&other) {
        return Ok(Value::NotImplemented);
    }
    let factory = default_factory(vm, &recv)?;
    let cls = Value::Obj(vm.type_of(&recv));
    let new = vm.call(&cls, &[factory, other], &[])?;
    let update = vm.getattr(&new, &Vm::str_val("update"))?;
    vm.call(&update, &[recv], &[])?;
    Ok(new)
}

/// `defaultdict.__reduce__` (also `__reduce_ex__`): the class, the factory and an iterator
/// over the items.
fn dd_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = arg(a, 0);
    let factory = default_factory(vm, &recv)?;
    let cls = Value::Obj(vm.type_of(&recv));
    let args = if matches!(factory, Value::None) {
        Vec::new()
    } else {
        vec![factory]
    };
    let items = vm.getattr(&recv, &Vm::str_val("items"))?;
    let items = vm.call(&items, &[], &[])?;
    let it = vm.get_iter(&items)?;
    Ok(Vm::new_tuple(vec![
        cls,
        Vm::new_tuple(args),
        Value::None,
        Value::None,
        it,
    ]))
}

// ----- OrderedDict -----

/// The dict an OrderedDict wraps.
fn od_table(vm: &Vm, recv: &Value) -> PyResult<ObjRef> {
    match crate::vm::ops::inst_base(recv) {
        Some(Value::Obj(o)) if matches!(o.get(), Object::Dict(_)) => Ok(o),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'collections.OrderedDict' object but received a '{}'",
            vm.type_name(recv)
        ))),
    }
}

fn od_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "expected at most 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    let recv = arg(a, 0);
    // `OrderedDict.__init__` updates (as `dict.update`), keeping what is already there.
    let update = vm.getattr(&recv, &Vm::str_val("update"))?;
    let npos = a.pos.len();
    let mut raw = Vec::with_capacity(a.raw.len());
    raw.extend(a.pos[1.min(npos)..].iter().cloned());
    raw.extend(a.raw[npos..].iter().cloned());
    vm.call(&update, &raw, a.kwnames)?;
    Ok(Value::None)
}

fn od_move_to_end(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 1, "move_to_end", &["key", "last"], 1, 2)?;
    let key = p[0].cloned().unwrap_or(Value::None);
    let last = match p[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let d = od_table(vm, &arg(a, 0))?;
    let h = vm.hash(&key)?;
    let rk = vm.resolve_dict_key(&d, h, &key)?;
    let Object::Dict(dict) = d.get_mut() else {
        return Ok(Value::None);
    };
    let Some((k, v)) = dict.remove(h, &mut |k| crate::vm::ops::key_eq(k, &rk)) else {
        let cls = vm.exc_class(ExcKind::KeyError);
        return Err(vm.make_exc(&cls, vec![key]));
    };
    if last {
        // The stored key object stays the key.
        dict.insert(h, k, v, &mut |_| false);
    } else {
        dict.insert_first(h, k, v);
    }
    Ok(Value::None)
}

fn od_popitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 1, "popitem", &["last"], 0, 1)?;
    let last = match p[0] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let d = od_table(vm, &arg(a, 0))?;
    let Object::Dict(dict) = d.get_mut() else {
        return Ok(Value::None);
    };
    let found = if last {
        dict.pop_last()
    } else {
        dict.pop_first()
    };
    match found {
        Some((k, v)) => Ok(Vm::new_tuple(vec![k, v])),
        None => {
            let cls = vm.exc_class(ExcKind::KeyError);
            Err(vm.make_exc(&cls, vec![Vm::str_val("dictionary is empty")]))
        }
    }
}

/// The `(key, value)` pairs in order.
fn od_items(d: &ObjRef) -> Vec<(Value, Value)> {
    match d.get() {
        Object::Dict(dict) => dict.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => Vec::new(),
    }
}

/// `OrderedDict([('a', 1), ...])`, `OrderedDict()` when empty, `...` for itself inside.
fn od_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = arg(a, 0);
    let d = od_table(vm, &recv)?;
    let name = Vm::class_name(&vm.type_of(&recv));
    let id = recv.id();
    if vm.repr_guard.contains(&id) {
        return Ok(Vm::str_val("..."));
    }
    let items = od_items(&d);
    if items.is_empty() {
        return Ok(Vm::str_val(format!("{name}()")));
    }
    vm.repr_guard.push(id);
    let r = vm.nested(nest::REPR, |vm| {
        let pairs: Vec<Value> = items
            .into_iter()
            .map(|(k, v)| Vm::new_tuple(vec![k, v]))
            .collect();
        vm.repr(&Vm::new_list(pairs))
    });
    vm.repr_guard.pop();
    Ok(Vm::str_val(format!("{name}({})", r?)))
}

/// The `odict_keys`/`odict_values`/`odict_items` view of an OrderedDict.
fn od_view(vm: &mut Vm, a: &Args, kind: ViewKind) -> PyResult<Value> {
    let dict = od_table(vm, &arg(a, 0))?;
    Ok(Value::obj(Object::DictView {
        dict,
        kind,
        ordered: true,
    }))
}

fn od_keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    od_view(vm, a, ViewKind::Keys)
}

fn od_values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    od_view(vm, a, ViewKind::Values)
}

fn od_items_view(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    od_view(vm, a, ViewKind::Items)
}

fn is_odict(vm: &Vm, v: &Value) -> bool {
    vm.native_types
        .get("collections.OrderedDict")
        .is_some_and(|od| Vm::is_subclass(&vm.type_of(v), od))
}

/// Order matters between two OrderedDicts; against another mapping, dict equality.
fn od_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (recv, other) = (arg(a, 0), arg(a, 1));
    let d = od_table(vm, &recv)?;
    if !is_dict(&other) {
        return Ok(Value::NotImplemented);
    }
    let base_eq = vm.eq(
        &Value::Obj(d.clone()),
        &crate::vm::ops::inst_base(&other).unwrap_or(other.clone()),
    )?;
    if !base_eq || !is_odict(vm, &other) {
        return Ok(Value::Bool(base_eq));
    }
    let Some(Value::Obj(o)) = crate::vm::ops::inst_base(&other) else {
        return Ok(Value::Bool(base_eq));
    };
    let mine: Vec<Value> = od_items(&d).into_iter().map(|(k, _)| k).collect();
    let theirs: Vec<Value> = od_items(&o).into_iter().map(|(k, _)| k).collect();
    for (x, y) in mine.iter().zip(theirs.iter()) {
        if !vm.eq(x, y)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn od_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match od_eq(vm, a)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

fn od_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = od_table(vm, &arg(a, 0))?;
    let keys: Vec<Value> = od_items(&d).into_iter().rev().map(|(k, _)| k).collect();
    vm.get_iter(&Vm::new_list(keys))
}

/// `OrderedDict.fromkeys(iterable, value=None)`: keywords allowed, unlike `dict.fromkeys`.
static OD_FROMKEYS: NativeFn = NativeFn::new("OrderedDict.fromkeys", od_fromkeys);

fn od_fromkeys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 1, "fromkeys", &["iterable", "value"], 1, 2)?;
    let (keys, value) = (
        p[0].cloned().unwrap_or(Value::None),
        p[1].cloned().unwrap_or(Value::None),
    );
    let new = vm.call(&arg(a, 0), &[], &[])?;
    let it = vm.get_iter(&keys)?;
    while let Some(k) = vm.next(&it)? {
        vm.setitem(&new, k, value.clone())?;
    }
    Ok(new)
}

/// `od.pop(key[, default])`, keywords allowed; on the table itself, as CPython 3.11 (a
/// subclass's `__getitem__`/`__delitem__` are not called).
fn od_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 1, "pop", &["key", "default"], 1, 2)?;
    let key = p[0].cloned().unwrap_or(Value::None);
    let default = p[1].cloned();
    let d = od_table(vm, &arg(a, 0))?;
    if let Some(v) = vm.dict_del(&d, &key)? {
        return Ok(v);
    }
    match default {
        Some(d) => Ok(d),
        None => {
            let cls = vm.exc_class(ExcKind::KeyError);
            Err(vm.make_exc(&cls, vec![key]))
        }
    }
}

/// `od.setdefault(key, default=None)`, keywords allowed.
fn od_setdefault(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 1, "setdefault", &["key", "default"], 1, 2)?;
    let key = p[0].cloned().unwrap_or(Value::None);
    let default = p[1].cloned().unwrap_or(Value::None);
    let recv = arg(a, 0);
    od_table(vm, &recv)?;
    if vm.contains(&recv, &key)? {
        return vm.getitem(&recv, &key);
    }
    vm.setitem(&recv, key, default.clone())?;
    Ok(default)
}

/// `od |= other`: `update` with a mapping or an iterable of pairs.
fn od_ior(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = arg(a, 0);
    let update = vm.getattr(&recv, &Vm::str_val("update"))?;
    vm.call(&update, &[arg(a, 1)], &[])?;
    Ok(recv)
}

fn od_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = arg(a, 0);
    let cls = Value::Obj(vm.type_of(&recv));
    vm.call(&cls, &[recv], &[])
}

fn od_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let other = arg(a, 1);
    if !is_dict(&other) {
        return Ok(Value::NotImplemented);
    }
    let new = od_copy(vm, a)?;
    let update = vm.getattr(&new, &Vm::str_val("update"))?;
    vm.call(&update, &[other], &[])?;
    Ok(new)
}

fn od_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (recv, other) = (arg(a, 0), arg(a, 1));
    if !is_dict(&other) {
        return Ok(Value::NotImplemented);
    }
    let cls = Value::Obj(vm.type_of(&recv));
    let new = vm.call(&cls, &[other], &[])?;
    let update = vm.getattr(&new, &Vm::str_val("update"))?;
    vm.call(&update, &[recv], &[])?;
    Ok(new)
}

/// `(cls, (), state, None, iter(items))`: the instance's `__dict__` (None when empty), as
/// CPython's `OrderedDict.__reduce__`.
fn od_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = arg(a, 0);
    let cls = Value::Obj(vm.type_of(&recv));
    let state = match vm.getattr_opt(&recv, "__dict__")? {
        Some(d) if vm.truthy(&d)? => d,
        _ => Value::None,
    };
    let items = vm.getattr(&recv, &Vm::str_val("items"))?;
    let items = vm.call(&items, &[], &[])?;
    let it = vm.get_iter(&items)?;
    Ok(Vm::new_tuple(vec![
        cls,
        Vm::new_tuple(Vec::new()),
        state,
        Value::None,
        it,
    ]))
}

// ----- _count_elements -----

fn count_elements(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (mapping, iterable) = (arg(a, 0), arg(a, 1));
    let it = vm.get_iter(&iterable)?;
    let get = vm.getattr(&mapping, &Vm::str_val("get"))?;
    while let Some(x) = vm.next(&it)? {
        let old = vm.call(&get, &[x.clone(), Value::Int(0)], &[])?;
        let new = vm.binary_op(BinaryOp::Add as u32, &old, &Value::Int(1))?;
        vm.setitem(&mapping, x, new)?;
    }
    Ok(Value::None)
}

// ----- _tuplegetter -----

struct TupleGetter {
    index: i64,
}

impl NativeState for TupleGetter {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

fn tg_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let index = vm.ssize_of(&arg(a, 1))?;
    let native = native_class(vm, "_collections._tuplegetter");
    let cls = super::new_cls(vm, a);
    let v = new_native(cls, native, None, TupleGetter { index });
    vm.setattr(&v, &Vm::str_val("__doc__"), arg(a, 2))?;
    Ok(v)
}

fn tg_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let index = receiver::<TupleGetter>(vm, a, "_collections._tuplegetter", "__get__")?.index;
    let obj = arg(a, 1);
    if matches!(obj, Value::None) {
        return Ok(arg(a, 0));
    }
    let tuple = match obj.body() {
        Some(Object::Tuple(_)) => obj.clone(),
        _ => match crate::vm::ops::inst_base(&obj) {
            Some(b) if matches!(b.body(), Some(Object::Tuple(_))) => b,
            _ => {
                return Err(vm.type_error(format!(
                "descriptor for index '{index}' for tuple subclasses doesn't apply to '{}' object",
                vm.type_name(&obj)
            )))
            }
        },
    };
    match tuple.body() {
        Some(Object::Tuple(t)) if index >= 0 && (index as usize) < t.len() => {
            Ok(t[index as usize].clone())
        }
        _ => Err(vm.err(ExcKind::IndexError, "tuple index out of range")),
    }
}

/// `_tuplegetter(index, doc)`, named by the type's short name as CPython shows it.
fn tg_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let index = receiver::<TupleGetter>(vm, a, "_collections._tuplegetter", "__repr__")?.index;
    let doc = vm.getattr(&arg(a, 0), &Vm::str_val("__doc__"))?;
    let doc = vm.repr(&doc)?;
    Ok(Vm::str_val(format!("_tuplegetter({index}, {doc})")))
}

fn tg_set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<TupleGetter>(vm, a, "_collections._tuplegetter", "__set__")?;
    Err(vm.err(ExcKind::AttributeError, "can't set attribute"))
}

fn tg_delete(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<TupleGetter>(vm, a, "_collections._tuplegetter", "__delete__")?;
    Err(vm.err(ExcKind::AttributeError, "can't delete attribute"))
}
