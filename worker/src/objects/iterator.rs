//! The built-in iterators' copy and pickle protocol: `__reduce__` (how to make the iterator
//! again, resumed where it is) and `__setstate__` (the position to resume at), with the
//! values CPython gives (`(iter, (seq,), index)`, `(enumerate, (it, count))` ...), so that
//! `copy.copy(it)` and `pickle.loads(pickle.dumps(it))` go on from the same item.

use crate::value::object::{Iter, Object, RevOrigin, ViewKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;

/// `it.__reduce__()`.
pub(crate) static REDUCE: NativeFn = NativeFn::method("__reduce__", reduce, Arity::NoArgs, None);
/// `it.__setstate__(index)`.
pub(crate) static SETSTATE: NativeFn = NativeFn::method("__setstate__", setstate, Arity::One, None);

/// The builtin `name` (`iter`) or iterator class (`enumerate`, `zip` ...).
fn builtin(vm: &Vm, name: &str) -> Value {
    if let Some(t) = vm.iter_types.get(name) {
        return Value::Obj(t.clone());
    }
    vm.builtins.get(name).cloned().unwrap_or(Value::None)
}

/// The iterator state of the receiver (or of the iterator inside an instance of a subclass,
/// `class MyEnum(enumerate)`).
fn iter_state<'a>(vm: &Vm, a: &'a Args, method: &str) -> PyResult<&'a mut Iter> {
    let Some(recv) = a.pos.first() else {
        return Err(vm.type_error(format!("descriptor '{method}' needs an argument")));
    };
    let obj = match recv.body() {
        Some(Object::Instance(i)) => i.base.as_obj(),
        _ => recv.as_obj(),
    };
    match obj.map(|o| o.get_mut()) {
        Some(Object::Iter(it)) => Ok(it),
        _ => Err(vm.type_error(format!(
            "descriptor '{method}' requires an iterator, not '{}'",
            vm.type_name(recv)
        ))),
    }
}

/// The class a reduce value makes the iterator again with: the receiver's own class for a
/// subclass instance, else the built-in `name`.
fn maker(vm: &Vm, a: &Args, name: &str) -> Value {
    match a.pos.first() {
        Some(v) if matches!(v.body(), Some(Object::Instance(_))) => Value::Obj(vm.type_of(v)),
        _ => builtin(vm, name),
    }
}

fn reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = iter_state(vm, a, "__reduce__")?;
    let iter_fn = builtin(vm, "iter");
    let tuple = Vm::new_tuple;
    // `(iter, (what,))`: an iterator over the items still to come.
    let rest = |vm: &Vm, items: Vec<Value>| {
        tuple(vec![builtin(vm, "iter"), tuple(vec![Vm::new_list(items)])])
    };
    Ok(match it {
        // Exhausted (see `Vm::next`): nothing more, whatever the sequence holds now.
        Iter::Seq { seq, index } if *index == usize::MAX => {
            let empty = match seq.body() {
                Some(Object::Tuple(_)) => tuple(Vec::new()),
                _ => Vm::new_list(Vec::new()),
            };
            tuple(vec![iter_fn, tuple(vec![empty])])
        }
        Iter::Seq { seq, index } => tuple(vec![
            iter_fn,
            tuple(vec![seq.clone()]),
            Value::Int(*index as i64),
        ]),
        Iter::StrChars { s, byte } => {
            let done = s.as_str().map_or(0, |t| t[..*byte].chars().count());
            tuple(vec![
                iter_fn,
                tuple(vec![s.clone()]),
                Value::Int(done as i64),
            ])
        }
        Iter::Range { next, stop, step } => {
            let range = Value::obj(Object::Range {
                start: Value::Int(*next),
                stop: Value::Int(*stop),
                step: Value::Int(*step),
            });
            tuple(vec![iter_fn, tuple(vec![range]), Value::Int(0)])
        }
        Iter::BigRange { next, stop, step } => {
            let range = Value::obj(Object::Range {
                start: Vm::int_from_big(next.clone()),
                stop: Vm::int_from_big(stop.clone()),
                step: Vm::int_from_big(step.clone()),
            });
            tuple(vec![iter_fn, tuple(vec![range]), Value::Int(0)])
        }
        Iter::Dict {
            dict,
            index,
            left,
            kind,
            ..
        } => {
            let mut items = Vec::new();
            if let Object::Dict(d) = dict.get() {
                let entries = d.raw_entries();
                let from = (*index).max(d.first_index()).min(entries.len());
                for e in entries[from..].iter().filter(|e| !e.key.is_null()) {
                    if items.len() == *left {
                        break;
                    }
                    items.push(match kind {
                        ViewKind::Keys => e.key.clone(),
                        ViewKind::Values => e.value.clone(),
                        ViewKind::Items => tuple(vec![e.key.clone(), e.value.clone()]),
                    });
                }
            }
            rest(vm, items)
        }
        Iter::Snapshot { items, index, .. } => {
            let items = items.get(*index..).unwrap_or(&[]).to_vec();
            rest(vm, items)
        }
        Iter::Enumerate { it, count } => tuple(vec![
            maker(vm, a, "enumerate"),
            tuple(vec![it.clone(), count.clone()]),
        ]),
        Iter::Zip { its, strict } => {
            let mut r = vec![maker(vm, a, "zip"), tuple(its.clone())];
            if *strict {
                r.push(Value::Bool(true));
            }
            tuple(r)
        }
        Iter::Map { func, its } => {
            let mut args = vec![func.clone()];
            args.extend(its.iter().cloned());
            tuple(vec![maker(vm, a, "map"), tuple(args)])
        }
        Iter::Filter { func, it } => tuple(vec![
            maker(vm, a, "filter"),
            tuple(vec![func.clone(), it.clone()]),
        ]),
        Iter::Reversed { seq, index, origin } => match origin {
            RevOrigin::List | RevOrigin::Sequence if *index > 0 => {
                // A str or bytes is held as a list of its items: as a tuple, `reversed`
                // makes a `reversed` iterator again, not a list's.
                let seq = match (origin, seq.body()) {
                    (RevOrigin::Sequence, Some(Object::List(l))) => tuple(l.clone()),
                    _ => seq.clone(),
                };
                tuple(vec![
                    maker(vm, a, "reversed"),
                    tuple(vec![seq]),
                    Value::Int(*index as i64 - 1),
                ])
            }
            RevOrigin::List | RevOrigin::Sequence => rest(vm, Vec::new()),
            // The dict's reversed views hold their items: what is left is `seq[..index]`.
            _ => {
                let items: Vec<Value> = match seq.body() {
                    Some(Object::List(l)) => {
                        l[..(*index).min(l.len())].iter().rev().cloned().collect()
                    }
                    Some(Object::Tuple(t)) => {
                        t[..(*index).min(t.len())].iter().rev().cloned().collect()
                    }
                    _ => Vec::new(),
                };
                rest(vm, items)
            }
        },
        Iter::Callable { func, sentinel } => {
            tuple(vec![iter_fn, tuple(vec![func.clone(), sentinel.clone()])])
        }
        Iter::Exhausted => rest(vm, Vec::new()),
    })
}

/// The length of the sequence a position is set in, for clamping it.
fn seq_len(vm: &mut Vm, seq: &Value) -> PyResult<usize> {
    Ok(match seq.body() {
        Some(Object::List(l)) => l.len(),
        Some(Object::Tuple(t)) => t.len(),
        Some(Object::Bytes(b)) => b.len(),
        // A sequence of a class (`__getitem__`) is not clamped above.
        _ => match seq.as_str() {
            Some(s) => s.chars().count(),
            None if matches!(seq.body(), Some(Object::Instance(_))) => i64::MAX as usize,
            None => vm.len_of(seq)?,
        },
    })
}

fn setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let state = a.pos.get(1).cloned().unwrap_or(Value::None);
    let Some(n) = crate::value::num::index_big(vm, &state)? else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&state)
        )));
    };
    // `zip(..., strict=True)` keeps its flag as its state.
    if let Iter::Zip { .. } = iter_state(vm, a, "__setstate__")? {
        let flag = vm.truthy(&state)?;
        if let Iter::Zip { strict, .. } = iter_state(vm, a, "__setstate__")? {
            *strict = flag;
        }
        return Ok(Value::None);
    }
    let seq = match iter_state(vm, a, "__setstate__")? {
        Iter::Seq { seq, .. } | Iter::Reversed { seq, .. } => Some(seq.clone()),
        _ => None,
    };
    let len = match &seq {
        Some(s) => seq_len(vm, s)?,
        None => 0,
    };
    // Positions are clamped to the sequence, as CPython clamps them.
    let clamp = |lo: i64, hi: i64| -> i64 {
        let v = if n < BigInt::from(lo) {
            lo
        } else if n > BigInt::from(hi) {
            hi
        } else {
            i64::try_from(&n).unwrap_or(hi)
        };
        v.max(lo)
    };
    match iter_state(vm, a, "__setstate__")? {
        Iter::Seq { index, .. } if *index == usize::MAX => {}
        Iter::Seq { index, .. } => *index = clamp(0, len as i64) as usize,
        Iter::StrChars { s, byte } => {
            let text = s.as_str().unwrap_or("");
            let count = text.chars().count() as i64;
            let k = clamp(0, count) as usize;
            *byte = text.char_indices().nth(k).map_or(text.len(), |(b, _)| b);
        }
        Iter::Range { next, stop, step } => {
            // From a fresh iterator (what `__reduce__` makes): `k` items on.
            let (span, by) = if *step > 0 {
                ((*stop - *next).max(0), *step)
            } else {
                ((*next - *stop).max(0), -*step)
            };
            let remaining = (span + by - 1) / by;
            *next += clamp(0, remaining) * *step;
        }
        Iter::BigRange { next, stop, step } => {
            let zero = BigInt::from(0);
            let remaining = if *step > zero {
                ((&*stop - &*next).max(zero.clone()) + &*step - 1) / &*step
            } else {
                ((&*next - &*stop).max(zero.clone()) - &*step - 1) / (-&*step)
            };
            let k = n.clone().max(zero).min(remaining);
            *next += k * &*step;
        }
        Iter::Reversed {
            index,
            origin: RevOrigin::List | RevOrigin::Sequence,
            ..
        } => {
            *index = (clamp(-1, len as i64 - 1) + 1) as usize;
        }
        _ => {
            return Err(vm.type_error(format!(
                "'{}' object has no attribute '__setstate__'",
                vm.type_name(&a.pos[0])
            )))
        }
    }
    Ok(Value::None)
}
