//! `_queue`: `SimpleQueue`, the unbounded FIFO `queue.SimpleQueue` and
//! `concurrent.futures.ThreadPoolExecutor`'s work queue are, and its `Empty` exception. A
//! blocking `get` on an empty queue lets the other threads run until a `put` wakes it or the
//! timeout passes (`vm/green.rs`).

use super::receiver;
use super::{exception_class, native_class, native_type, new_cls, new_native, parse_args};
use crate::value::heap::ObjRef;
use crate::value::num::{num_of, Num};
use crate::value::object::NativeState;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use std::collections::VecDeque;
use std::time::{Duration, Instant};

const SIMPLE_QUEUE: &str = "_queue.SimpleQueue";
const EMPTY: &str = "_queue.Empty";

static METHODS: &[NativeFn] = &[
    NativeFn::new("SimpleQueue", simple_queue_new),
    NativeFn::new("SimpleQueue.put", put),
    NativeFn::new("SimpleQueue.put_nowait", put_nowait),
    NativeFn::new("SimpleQueue.get", get),
    NativeFn::method("SimpleQueue.get_nowait", get_nowait, Arity::NoArgs, None),
    NativeFn::method("SimpleQueue.empty", empty, Arity::NoArgs, None),
    NativeFn::method("SimpleQueue.qsize", qsize, Arity::NoArgs, None),
];

/// The queued items, oldest first.
struct SimpleQueue {
    items: VecDeque<Value>,
}

impl NativeState for SimpleQueue {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(f);
    }
}

fn simple_queue_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error("SimpleQueue() takes no positional arguments"));
    }
    if !a.kw.is_empty() {
        return Err(vm.type_error("SimpleQueue() takes no keyword arguments"));
    }
    let cls = new_cls(vm, a);
    let native = native_class(vm, SIMPLE_QUEUE);
    Ok(new_native(
        cls,
        native,
        None,
        SimpleQueue {
            items: VecDeque::new(),
        },
    ))
}

fn queue<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut SimpleQueue> {
    receiver::<SimpleQueue>(vm, a, SIMPLE_QUEUE, method)
}

/// `put(item, block=True, timeout=None)`: never blocks (the queue is unbounded); the other
/// arguments are accepted for compatibility with `queue.Queue.put`, as CPython's are.
fn put(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "put", &["item", "block", "timeout"], 1, 3)?;
    let item = args[0].cloned().unwrap_or(Value::None);
    queue(vm, a, "put")?.items.push_back(item);
    vm.wake(a.pos[0].id());
    Ok(Value::None)
}

fn put_nowait(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "put_nowait", &["item"], 1, 1)?;
    let item = args[0].cloned().unwrap_or(Value::None);
    queue(vm, a, "put_nowait")?.items.push_back(item);
    vm.wake(a.pos[0].id());
    Ok(Value::None)
}

/// `get(block=True, timeout=None)`.
fn get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "get", &["block", "timeout"], 0, 2)?;
    let block = match args[0] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match args[1] {
        None | Some(Value::None) => None,
        Some(v) => Some(seconds(vm, v)?),
    };
    let deadline = match timeout {
        Some(t) if block => {
            if t < 0.0 {
                return Err(vm.value_error("'timeout' must be a non-negative number"));
            }
            let now = Instant::now();
            Some(
                Duration::try_from_secs_f64(t)
                    .ok()
                    .and_then(|d| now.checked_add(d))
                    .unwrap_or(now + Duration::from_secs(86_400 * 365 * 100)),
            )
        }
        _ => None,
    };
    loop {
        if let Some(item) = queue(vm, a, "get")?.items.pop_front() {
            return Ok(item);
        }
        let now = Instant::now();
        if !block || deadline.is_some_and(|d| now >= d) {
            return Err(empty_error(vm));
        }
        if vm.green.active() {
            vm.wait_on(a.pos[0].id(), deadline)?;
        } else if let Some(d) = deadline {
            // No other thread exists to put anything: the wait just runs out.
            std::thread::sleep(d.saturating_duration_since(now));
        } else {
            return Err(vm.err(
                ExcKind::RuntimeError,
                "deadlock: get() from an empty queue that no thread can put to",
            ));
        }
    }
}

fn get_nowait(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match queue(vm, a, "get_nowait")?.items.pop_front() {
        Some(item) => Ok(item),
        None => Err(empty_error(vm)),
    }
}

fn empty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(queue(vm, a, "empty")?.items.is_empty()))
}

fn qsize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(queue(vm, a, "qsize")?.items.len() as i64))
}

/// A timeout in seconds, as CPython reads one (`int` or `float`).
fn seconds(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match num_of(v) {
        Some(Num::F(f)) if f.is_nan() => Err(vm.value_error("Invalid value NaN (not a number)")),
        Some(n @ (Num::F(_) | Num::I(_) | Num::B(_))) => crate::value::num::num_to_f64(vm, &n),
        _ => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn empty_error(vm: &mut Vm) -> ObjRef {
    let cls = native_class(vm, EMPTY);
    vm.make_exc(&cls, Vec::new())
}

/// Builds `_queue`.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let queue_t = native_type(vm, SIMPLE_QUEUE, None, METHODS, false);
    super::add_class_getitem(&queue_t);
    let exception = vm.exc_class(ExcKind::Exception);
    let empty_t = exception_class(vm, EMPTY, vec![exception]);
    super::new_module(
        "_queue",
        &[],
        &[
            ("SimpleQueue", Value::Obj(queue_t)),
            ("Empty", Value::Obj(empty_t)),
        ],
    )
}
