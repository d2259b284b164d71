//! `gc`: the interface to the cycle collector (`value/gc.rs` finds and breaks unreachable
//! cycles; `value/heap.rs` keeps the tracked lists and counters), and the interpreter's side of
//! a collection: CPython's generational thresholds, finalizers run before cycles are broken
//! (unreachable suspended generators closed, `__del__` called once, as PEP 442), `gc.callbacks`, and `gc.freeze` (objects tracked now move to
//! the permanent list, never examined again: the zygote does this before it forks).
//!
//! `collect()` returns the number of unreachable tracked objects found, as CPython does; the
//! figure differs from CPython's where the two track different objects (an instance's attribute
//! table here is part of the instance, as in CPython 3.11 until `__dict__` is asked for).

use crate::value::dict_table::{dict_set_str, Dict};
use crate::value::gc::{break_cycles, find_unreachable};
use crate::value::heap::{self, ObjRef, PERMANENT};
use crate::value::object::{GenState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("collect", collect),
    NativeFn::function("gc.enable", enable, Arity::NoArgs, None),
    NativeFn::function("gc.disable", disable, Arity::NoArgs, None),
    NativeFn::function("gc.isenabled", isenabled, Arity::NoArgs, None),
    NativeFn::function("gc.get_count", get_count, Arity::NoArgs, None),
    NativeFn::function("gc.get_threshold", get_threshold, Arity::NoArgs, None),
    NativeFn::new("set_threshold", set_threshold),
    NativeFn::function("gc.freeze", freeze, Arity::NoArgs, None),
    NativeFn::function("gc.unfreeze", unfreeze, Arity::NoArgs, None),
    NativeFn::function("gc.get_freeze_count", get_freeze_count, Arity::NoArgs, None),
    NativeFn::function("gc.is_tracked", is_tracked, Arity::One, None),
    NativeFn::function("gc.is_finalized", is_finalized, Arity::One, None),
    NativeFn::function("gc.get_debug", get_debug, Arity::NoArgs, None),
    NativeFn::function("gc.set_debug", set_debug, Arity::One, None),
    NativeFn::function("gc.get_stats", get_stats, Arity::NoArgs, None),
];

pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    super::new_module(
        "gc",
        FUNCTIONS,
        &[
            ("garbage", Vm::new_list(Vec::new())),
            ("callbacks", Vm::new_list(Vec::new())),
            ("DEBUG_STATS", Value::Int(1)),
            ("DEBUG_COLLECTABLE", Value::Int(2)),
            ("DEBUG_UNCOLLECTABLE", Value::Int(4)),
            ("DEBUG_SAVEALL", Value::Int(32)),
            ("DEBUG_LEAK", Value::Int(38)),
        ],
    )
}

/// An unreachable object with a finalizer to run before its references are broken: a
/// suspended generator, or an instance whose `__del__` has not run (PEP 442).
fn needs_finalizer(o: &ObjRef) -> bool {
    heap::has_del(o)
        || matches!(o.get(), Object::Generator(g) if g.state == GenState::Suspended && g.frame.is_some())
}

/// Weak references to objects about to be freed by the collector are cleared (and the
/// callbacks of live weak references queued) before any cycle is broken.
fn clear_weakrefs(garbage: &[ObjRef]) {
    heap::clear_weakrefs_for_collection(garbage);
}

impl Vm {
    /// Collects generations `0..=gen`: returns how many unreachable objects were found.
    pub fn collect_cycles(&mut self, gen: usize) -> usize {
        let mut s = heap::gc_settings();
        if s.collecting || !heap::gc_usable() {
            return 0;
        }
        s.collecting = true;
        heap::set_gc_settings(s);
        self.gc_callbacks("start", gen, 0);
        let mut found_total = 0;
        // Finalizers run first (closing a suspended generator runs its `finally`), and may
        // make objects reachable again, so the search is repeated after them.
        for round in 0..4 {
            let found = find_unreachable(gen);
            if found.objects.is_empty() {
                break;
            }
            let pending: Vec<ObjRef> = found
                .objects
                .iter()
                .filter(|o| needs_finalizer(o))
                .cloned()
                .collect();
            if !pending.is_empty() && round < 3 {
                drop(found);
                for g in pending {
                    if heap::has_del(&g) {
                        // Once: a resurrected object is not finalized again.
                        heap::clear_has_del(&g);
                        self.call_del(g);
                        continue;
                    }
                    let _ =
                        self.call_native(&crate::objects::generator::CLOSE, &[Value::Obj(g)], &[]);
                }
                continue;
            }
            found_total = found.objects.len();
            clear_weakrefs(&found.objects);
            break_cycles(found.objects);
            break;
        }
        // Survivors move one generation up; the counters restart (CPython's bookkeeping).
        let mut s = heap::gc_settings();
        let older = (gen + 1).min(2);
        let before_older = heap::gc_len(older);
        for g in 0..=gen {
            heap::gc_merge(g, older);
        }
        if gen < 2 {
            s.counts[gen + 1] = s.counts[gen + 1].saturating_add(1);
        }
        for c in s.counts.iter_mut().take(gen + 1) {
            *c = 0;
        }
        if gen == 1 {
            s.long_lived_pending += heap::gc_len(2).saturating_sub(before_older);
        } else if gen == 2 {
            s.long_lived_pending = 0;
            s.long_lived_total = heap::gc_len(2);
        }
        s.collections[gen] += 1;
        s.collected[gen] += found_total as u64;
        s.collecting = false;
        heap::set_gc_settings(s);
        self.gc_callbacks("stop", gen, found_total);
        found_total
    }

    /// The collection the allocation threshold asked for: the oldest generation whose count
    /// passed its threshold (a full one only once enough objects became long-lived).
    pub fn collect_auto(&mut self) {
        let s = heap::gc_settings();
        if !s.enabled || s.collecting {
            return;
        }
        for gen in (0..3).rev() {
            if i64::from(s.counts[gen]) <= s.thresholds[gen] {
                continue;
            }
            if gen == 2 && s.long_lived_pending < s.long_lived_total / 4 {
                continue;
            }
            self.collect_cycles(gen);
            return;
        }
    }

    /// Calls each of `gc.callbacks` with `(phase, info)`; their errors are ignored.
    fn gc_callbacks(&mut self, phase: &str, gen: usize, collected: usize) {
        let Some(module) = self.native_modules.get("gc") else {
            return;
        };
        let list = match module.get() {
            Object::Module(m) => m.get("callbacks").cloned(),
            _ => None,
        };
        let callbacks = match list.as_ref().and_then(|l| l.body()) {
            Some(Object::List(items)) if !items.is_empty() => items.clone(),
            _ => return,
        };
        for cb in callbacks {
            let mut info = Dict::new();
            dict_set_str(&mut info, "generation", Value::Int(gen as i64));
            dict_set_str(&mut info, "collected", Value::Int(collected as i64));
            dict_set_str(&mut info, "uncollectable", Value::Int(0));
            let args = [Vm::str_val(phase), Vm::new_dict(info)];
            let _ = self.call(&cb, &args, &[]);
        }
    }

    /// `gc.freeze()`: every tracked object becomes a permanent root (the zygote calls this
    /// after preloading, so workers never examine inherited objects), with fresh young lists.
    pub fn gc_freeze(&mut self) {
        for g in 0..PERMANENT {
            heap::gc_merge(g, PERMANENT);
        }
        heap::gc_fresh_young_lists();
        let mut s = heap::gc_settings();
        s.counts = [0; 3];
        s.long_lived_pending = 0;
        s.long_lived_total = 0;
        heap::set_gc_settings(s);
    }
}

fn generation_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<usize> {
    let Some(v) = v else {
        return Ok(2);
    };
    let g = vm.ssize_of(v)?;
    if !(0..=2).contains(&g) {
        return Err(vm.err(ExcKind::ValueError, "invalid generation"));
    }
    Ok(g as usize)
}

fn collect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = super::parse_args(vm, a, 0, "collect", &["generation"], 0, 1)?;
    let gen = generation_arg(vm, args[0])?;
    let n = vm.collect_cycles(gen);
    // Generators closed by the collection may have queued more work.
    vm.run_finalizers();
    Ok(Value::Int(n as i64))
}

fn set_enabled(on: bool) -> Value {
    let mut s = heap::gc_settings();
    s.enabled = on;
    heap::set_gc_settings(s);
    Value::None
}

fn enable(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(set_enabled(true))
}

fn disable(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(set_enabled(false))
}

fn isenabled(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(heap::gc_settings().enabled))
}

fn get_count(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let c = heap::gc_settings().counts;
    Ok(Vm::new_tuple(
        c.iter().map(|&n| Value::Int(i64::from(n))).collect(),
    ))
}

fn get_threshold(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let t = heap::gc_settings().thresholds;
    Ok(Vm::new_tuple(t.iter().map(|&n| Value::Int(n)).collect()))
}

/// A C `int` argument, with CPython's overflow messages.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(Object::BigInt(b)) = v.body() {
        let msg = if b.sign() == num_bigint::Sign::Minus {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        };
        return Err(vm.err(ExcKind::OverflowError, msg));
    }
    let n = vm.index_of(v)?;
    if n > i64::from(i32::MAX) {
        return Err(vm.err(
            ExcKind::OverflowError,
            "signed integer is greater than maximum",
        ));
    }
    if n < i64::from(i32::MIN) {
        return Err(vm.err(
            ExcKind::OverflowError,
            "signed integer is less than minimum",
        ));
    }
    Ok(n)
}

fn set_threshold(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("set_threshold() takes no keyword arguments"));
    }
    match a.pos.len() {
        0 => {
            return Err(vm.type_error("set_threshold() takes at least 1 argument (0 given)"));
        }
        n if n > 3 => {
            return Err(vm.type_error(format!(
                "set_threshold() takes at most 3 arguments ({n} given)"
            )));
        }
        _ => {}
    }
    let mut s = heap::gc_settings();
    for (i, v) in a.pos.iter().enumerate() {
        s.thresholds[i] = c_int(vm, v)?;
    }
    heap::set_gc_settings(s);
    Ok(Value::None)
}

fn freeze(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.gc_freeze();
    Ok(Value::None)
}

fn unfreeze(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    heap::gc_merge(PERMANENT, 2);
    Ok(Value::None)
}

fn get_freeze_count(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(heap::gc_len(PERMANENT) as i64))
}

/// Whether a value would be tracked by CPython's collector: containers are, atoms are not; a
/// dict only once it holds a container (CPython tracks dicts lazily), the empty tuple never.
fn tracked_like_cpython(v: &Value) -> bool {
    let Some(body) = v.body() else {
        return false;
    };
    match body {
        Object::Dict(d) => d
            .iter()
            .any(|(k, x)| tracked_like_cpython(k) || tracked_like_cpython(x)),
        Object::Tuple(items) if items.is_empty() => false,
        body => heap::is_container(body),
    }
}

fn is_tracked(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(a.pos.first().is_some_and(tracked_like_cpython)))
}

/// Whether `obj`'s `__del__` already ran (its class defines one and the mark is gone).
fn is_finalized(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let done = match a.pos.first() {
        Some(Value::Obj(o)) => match o.get() {
            Object::Instance(i) => {
                matches!(i.class.get(), Object::Class(c) if c.has_del) && !heap::has_del(o)
            }
            _ => false,
        },
        _ => false,
    };
    Ok(Value::Bool(done))
}

fn get_debug(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(heap::gc_settings().debug))
}

fn set_debug(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let flags = match a.pos.first() {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    let mut s = heap::gc_settings();
    s.debug = flags;
    heap::set_gc_settings(s);
    Ok(Value::None)
}

fn get_stats(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let s = heap::gc_settings();
    let items = (0..3)
        .map(|g| {
            let mut d = Dict::new();
            dict_set_str(&mut d, "collections", Value::Int(s.collections[g] as i64));
            dict_set_str(&mut d, "collected", Value::Int(s.collected[g] as i64));
            dict_set_str(&mut d, "uncollectable", Value::Int(0));
            Vm::new_dict(d)
        })
        .collect();
    Ok(Vm::new_list(items))
}
