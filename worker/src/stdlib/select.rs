//! The `select` module: `select.select` and `select.poll` over the `poll(2)` system call (the
//! only descriptor wait a sandboxed worker may make), and `select.epoll` over the `epoll`
//! calls, as CPython 3.11 has them on Linux. `selectors.DefaultSelector` takes epoll where the
//! process may create one and falls back to poll otherwise.

use super::{native_class, native_type, new_native, parse_args, receiver};
use crate::value::heap::{poll_descriptors, ObjRef};
use crate::value::num::{num_of, num_to_f64, Num};
use crate::value::object::NativeState;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

const POLL: &str = "select.poll";
const EPOLL: &str = "select.epoll";

const POLLIN: i16 = libc::POLLIN;
const POLLPRI: i16 = libc::POLLPRI;
const POLLOUT: i16 = libc::POLLOUT;
const POLLERR: i16 = libc::POLLERR;
const POLLHUP: i16 = libc::POLLHUP;
const POLLNVAL: i16 = libc::POLLNVAL;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("select", select, Arity::Range(3, 4), None),
    NativeFn::function("poll", poll_new, Arity::NoArgs, None),
];

static POLL_METHODS: &[NativeFn] = &[
    NativeFn::method("poll.register", poll_register, Arity::Range(1, 2), None),
    NativeFn::method("poll.modify", poll_modify, Arity::Range(2, 2), None),
    NativeFn::method("poll.unregister", poll_unregister, Arity::One, None),
    NativeFn::method("poll.poll", poll_poll, Arity::Range(0, 1), None),
];

static EPOLL_METHODS: &[NativeFn] = &[
    NativeFn::new("epoll", epoll_new),
    NativeFn::method("epoll.close", epoll_close, Arity::NoArgs, None),
    NativeFn::method("epoll.fileno", epoll_fileno, Arity::NoArgs, None),
    NativeFn::new("epoll.register", epoll_register),
    NativeFn::new("epoll.modify", epoll_modify),
    NativeFn::method("epoll.unregister", epoll_unregister, Arity::One, None),
    NativeFn::new("epoll.poll", epoll_poll),
    NativeFn::method("epoll.__enter__", epoll_enter, Arity::NoArgs, None),
    NativeFn::new("epoll.__exit__", epoll_exit),
];

static EPOLL_CLOSED: NativeFn = NativeFn::method("epoll.closed", epoll_closed, Arity::NoArgs, None);

pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    native_type(vm, POLL, None, POLL_METHODS, false);
    let epoll = native_type(vm, EPOLL, None, EPOLL_METHODS, false);
    super::add_property(&epoll, "closed", &EPOLL_CLOSED, None);
    let ints: &[(&str, i64)] = &[
        ("POLLIN", POLLIN as i64),
        ("POLLPRI", POLLPRI as i64),
        ("POLLOUT", POLLOUT as i64),
        ("POLLERR", POLLERR as i64),
        ("POLLHUP", POLLHUP as i64),
        ("POLLNVAL", POLLNVAL as i64),
        ("POLLRDNORM", libc::POLLRDNORM as i64),
        ("POLLRDBAND", libc::POLLRDBAND as i64),
        ("POLLWRNORM", libc::POLLWRNORM as i64),
        ("POLLWRBAND", libc::POLLWRBAND as i64),
        ("POLLMSG", 1024),
        ("POLLRDHUP", libc::POLLRDHUP as i64),
        ("PIPE_BUF", libc::PIPE_BUF as i64),
        ("EPOLLIN", libc::EPOLLIN as i64),
        ("EPOLLOUT", libc::EPOLLOUT as i64),
        ("EPOLLPRI", libc::EPOLLPRI as i64),
        ("EPOLLERR", libc::EPOLLERR as i64),
        ("EPOLLHUP", libc::EPOLLHUP as i64),
        ("EPOLLET", libc::EPOLLET as i64),
        ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
        ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
        ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
        ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
        ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
        ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
        ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
        ("EPOLLMSG", libc::EPOLLMSG as i64),
        ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ];
    let mut values: Vec<(&str, Value)> = ints.iter().map(|(n, v)| (*n, Value::Int(*v))).collect();
    values.push(("error", Value::Obj(vm.exc_class(ExcKind::OSError))));
    values.push(("epoll", Value::Obj(epoll)));
    super::new_module("select", FUNCTIONS, &values)
}

/// The `OSError` subclass CPython raises for `errno`.
pub(crate) fn errno_error(vm: &mut Vm, errno: i32) -> ObjRef {
    let text = super::posix::message(errno);
    crate::objects::exception::os_error(vm, errno as i64, &text)
}

fn io_error(vm: &mut Vm, e: &std::io::Error) -> ObjRef {
    errno_error(vm, e.raw_os_error().unwrap_or(libc::EIO))
}

/// A descriptor argument: an int, or an object whose `fileno()` gives one (CPython's
/// `PyObject_AsFileDescriptor`).
pub(crate) fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = match v {
        Value::Int(_) | Value::Bool(_) => vm.ssize_of(v)?,
        _ if matches!(num_of(v), Some(Num::I(_) | Num::B(_))) => vm.ssize_of(v)?,
        _ => {
            let Some(meth) = vm.getattr_opt(v, "fileno")? else {
                return Err(vm.type_error("argument must be an int, or have a fileno() method."));
            };
            let r = vm.call(&meth, &[], &[])?;
            if !matches!(num_of(&r), Some(Num::I(_) | Num::B(_))) {
                return Err(vm.type_error("fileno() returned a non-integer"));
            }
            vm.ssize_of(&r)?
        }
    };
    let Ok(fd) = i32::try_from(n) else {
        return Err(vm.err(
            ExcKind::OverflowError,
            if n > 0 {
                "Python int too large to convert to C int"
            } else {
                "Python int too small to convert to C int"
            },
        ));
    };
    if fd < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

/// Waits with `poll(2)`, retrying on `EINTR` with what is left of the timeout (`-1`: none).
/// With other threads about, it waits in short turns so that they run meanwhile (the peer
/// that will make the descriptor ready may be one of them).
pub(crate) fn wait(vm: &mut Vm, fds: &mut [libc::pollfd], timeout_ms: i32) -> PyResult<usize> {
    let deadline = (timeout_ms > 0)
        .then(|| std::time::Instant::now() + std::time::Duration::from_millis(timeout_ms as u64));
    if vm.green.active() && timeout_ms != 0 {
        return wait_taking_turns(vm, fds, deadline);
    }
    let mut timeout = timeout_ms;
    loop {
        match poll_descriptors(fds, timeout) {
            Ok(n) => return Ok(n),
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => {
                if let Some(d) = deadline {
                    let left = d.saturating_duration_since(std::time::Instant::now());
                    timeout = left.as_millis().min(i32::MAX as u128) as i32;
                }
            }
            Err(e) => return Err(io_error(vm, &e)),
        }
    }
}

/// [`wait`] while other threads run: polls without blocking, then lets them run for a short
/// turn, until a descriptor is ready or the deadline passes.
fn wait_taking_turns(
    vm: &mut Vm,
    fds: &mut [libc::pollfd],
    deadline: Option<std::time::Instant>,
) -> PyResult<usize> {
    const TURN: std::time::Duration = std::time::Duration::from_millis(2);
    loop {
        match poll_descriptors(fds, 0) {
            Ok(0) => {}
            Ok(n) => return Ok(n),
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => continue,
            Err(e) => return Err(io_error(vm, &e)),
        }
        let now = std::time::Instant::now();
        if deadline.is_some_and(|d| now >= d) {
            return Ok(0);
        }
        let until = deadline.map_or(now + TURN, |d| d.min(now + TURN));
        vm.sleep_until(until)?;
    }
}

/// A timeout in seconds (`None`: no limit) as whole milliseconds rounded up, `-1` for none.
fn seconds_timeout(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<i32> {
    let v = match v {
        None | Some(Value::None) => return Ok(-1),
        Some(v) => v,
    };
    let secs = match num_of(v) {
        Some(n @ (Num::F(_) | Num::I(_) | Num::B(_))) => num_to_f64(vm, &n)?,
        _ => return Err(vm.type_error(format!("{what} must be a float or None"))),
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error(format!("{what} must be non-negative")));
    }
    let ms = (secs * 1000.0).ceil();
    if ms > i32::MAX as f64 {
        return Err(vm.err(ExcKind::OverflowError, "timeout doesn't fit into C timeval"));
    }
    Ok(ms as i32)
}

/// `select.select(rlist, wlist, xlist[, timeout])`, done with `poll(2)`, which has no
/// `FD_SETSIZE` limit but keeps CPython's check of it.
fn select(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let timeout = seconds_timeout(vm, a.get(3), "timeout")?;
    let mut lists: Vec<Vec<(Value, i32)>> = Vec::with_capacity(3);
    for v in &a.pos[..3] {
        let items = match vm.collect(v) {
            Ok(items) => items,
            Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
                return Err(vm.type_error("arguments 1-3 must be sequences"))
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let fd = fd_of(vm, &item)?;
            if fd >= libc::FD_SETSIZE as i32 {
                return Err(vm.value_error("filedescriptor out of range in select()"));
            }
            out.push((item, fd));
        }
        lists.push(out);
    }
    let events = [POLLIN, POLLOUT, POLLPRI];
    let mut fds: Vec<libc::pollfd> = Vec::new();
    for (list, &ev) in lists.iter().zip(&events) {
        for (_, fd) in list {
            match fds.iter_mut().find(|p| p.fd == *fd) {
                Some(p) => p.events |= ev,
                None => fds.push(libc::pollfd {
                    fd: *fd,
                    events: ev,
                    revents: 0,
                }),
            }
        }
    }
    wait(vm, &mut fds, timeout)?;
    if fds.iter().any(|p| p.revents & POLLNVAL != 0) {
        return Err(errno_error(vm, libc::EBADF));
    }
    // What `select(2)` reports for each set, from what `poll(2)` says of the descriptor.
    let ready = [
        POLLIN | POLLHUP | POLLERR,
        POLLOUT | POLLHUP | POLLERR,
        POLLPRI,
    ];
    let mut result = Vec::with_capacity(3);
    for (list, &mask) in lists.iter().zip(&ready) {
        let mut out = Vec::new();
        for (item, fd) in list {
            let revents = fds.iter().find(|p| p.fd == *fd).map_or(0, |p| p.revents);
            if revents & mask != 0 {
                out.push(item.clone());
            }
        }
        result.push(Vm::new_list(out));
    }
    Ok(Vm::new_tuple(result))
}

/// A `select.poll` object: the registered descriptors with their event masks, in
/// registration order.
struct Poll {
    fds: Vec<(i32, i16)>,
    polling: bool,
}

impl NativeState for Poll {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

fn poll_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let cls = native_class(vm, POLL);
    Ok(new_native(
        cls.clone(),
        cls,
        None,
        Poll {
            fds: Vec::new(),
            polling: false,
        },
    ))
}

/// An event mask argument: an unsigned short.
fn event_mask(vm: &mut Vm, v: &Value) -> PyResult<i16> {
    let n = vm.ssize_of(v)?;
    if n < 0 {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too small to convert to C unsigned short",
        ));
    }
    if n > u16::MAX as i64 {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C unsigned short",
        ));
    }
    Ok(n as u16 as i16)
}

fn poll_register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = fd_of(vm, &a.pos[1])?;
    let mask = match a.get(2) {
        Some(v) => event_mask(vm, v)?,
        None => POLLIN | POLLPRI | POLLOUT,
    };
    let p = receiver::<Poll>(vm, a, "select.poll", "register")?;
    match p.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => p.fds.push((fd, mask)),
    }
    Ok(Value::None)
}

fn poll_modify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = fd_of(vm, &a.pos[1])?;
    let mask = event_mask(vm, &a.pos[2])?;
    let p = receiver::<Poll>(vm, a, "select.poll", "modify")?;
    match p.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => {
            entry.1 = mask;
            Ok(Value::None)
        }
        None => Err(errno_error(vm, libc::ENOENT)),
    }
}

fn poll_unregister(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = fd_of(vm, &a.pos[1])?;
    let p = receiver::<Poll>(vm, a, "select.poll", "unregister")?;
    match p.fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            p.fds.remove(i);
            Ok(Value::None)
        }
        None => {
            let cls = vm.exc_class(ExcKind::KeyError);
            Err(vm.make_exc(&cls, vec![Value::Int(fd as i64)]))
        }
    }
}

/// `poll.poll([timeout])`: the timeout in milliseconds, rounded up; `None` or negative waits
/// without limit.
fn poll_poll(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let timeout = match a.get(1) {
        None | Some(Value::None) => -1,
        Some(v) => {
            let ms = match num_of(v) {
                Some(n @ (Num::F(_) | Num::I(_) | Num::B(_))) => num_to_f64(vm, &n)?,
                _ => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(v)
                    )))
                }
            };
            if ms.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            if ms < 0.0 {
                -1
            } else if ms.ceil() > i32::MAX as f64 {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int",
                ));
            } else {
                ms.ceil() as i32
            }
        }
    };
    let p = receiver::<Poll>(vm, a, "select.poll", "poll")?;
    if p.polling {
        return Err(vm.err(ExcKind::RuntimeError, "concurrent poll() invocation"));
    }
    let mut fds: Vec<libc::pollfd> = p
        .fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    let got = wait(vm, &mut fds, timeout)?;
    let mut out = Vec::with_capacity(got);
    for f in fds.iter().filter(|f| f.revents != 0) {
        out.push(Vm::new_tuple(vec![
            Value::Int(f.fd as i64),
            Value::Int(f.revents as u16 as i64),
        ]));
    }
    Ok(Vm::new_list(out))
}

/// A `select.epoll` object: its descriptor, `-1` once closed.
struct Epoll {
    fd: i32,
}

impl NativeState for Epoll {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

impl Drop for Epoll {
    fn drop(&mut self) {
        if self.fd >= 0 {
            let _ = nix::unistd::close(self.fd);
        }
    }
}

/// `select.epoll(sizehint=-1, flags=0)`.
fn epoll_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let args = parse_args(vm, a, 1, "epoll", &["sizehint", "flags"], 0, 2)?;
    if let Some(v) = args[0] {
        let hint = vm.ssize_of(v)?;
        if hint == 0 || hint < -1 {
            return Err(vm.value_error("negative sizehint"));
        }
    }
    if let Some(v) = args[1] {
        let flags = vm.ssize_of(v)?;
        if flags != 0 && flags != libc::EPOLL_CLOEXEC as i64 {
            return Err(errno_error(vm, libc::EINVAL));
        }
    }
    #[allow(deprecated)]
    let made = nix::sys::epoll::epoll_create1(nix::sys::epoll::EpollCreateFlags::EPOLL_CLOEXEC);
    let fd = match made {
        Ok(fd) => fd,
        Err(e) => return Err(errno_error(vm, e as i32)),
    };
    let native = native_class(vm, EPOLL);
    Ok(new_native(cls, native, None, Epoll { fd }))
}

/// The open epoll descriptor of receiver `a.pos[0]`, else CPython's `ValueError`.
fn epoll_fd(vm: &mut Vm, a: &Args, method: &str) -> PyResult<i32> {
    let e = receiver::<Epoll>(vm, a, "select.epoll", method)?;
    if e.fd < 0 {
        return Err(vm.value_error("I/O operation on closed epoll object"));
    }
    Ok(e.fd)
}

fn epoll_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = receiver::<Epoll>(vm, a, "select.epoll", "close")?;
    if e.fd >= 0 {
        let fd = std::mem::replace(&mut e.fd, -1);
        let _ = nix::unistd::close(fd);
    }
    Ok(Value::None)
}

fn epoll_closed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = receiver::<Epoll>(vm, a, "select.epoll", "closed")?;
    Ok(Value::Bool(e.fd < 0))
}

fn epoll_fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(epoll_fd(vm, a, "fileno")? as i64))
}

fn epoll_enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    epoll_fd(vm, a, "__enter__")?;
    Ok(a.pos[0].clone())
}

fn epoll_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    epoll_close(vm, a)
}

/// One `epoll_ctl` call on the receiver's descriptor.
fn epoll_control(
    vm: &mut Vm,
    a: &Args,
    method: &str,
    op: nix::sys::epoll::EpollOp,
    fd: i32,
    mask: u32,
) -> PyResult<Value> {
    let epfd = epoll_fd(vm, a, method)?;
    let mut event = nix::sys::epoll::EpollEvent::new(
        nix::sys::epoll::EpollFlags::from_bits_retain(mask as i32),
        fd as u64,
    );
    let ev = match op {
        nix::sys::epoll::EpollOp::EpollCtlDel => None,
        _ => Some(&mut event),
    };
    #[allow(deprecated)]
    let done = nix::sys::epoll::epoll_ctl(epfd, op, fd, ev);
    match done {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(errno_error(vm, e as i32)),
    }
}

/// An epoll event mask argument: an unsigned int.
fn epoll_mask(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = vm.ssize_of(v)?;
    if !(i32::MIN as i64..=u32::MAX as i64).contains(&n) {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C unsigned int",
        ));
    }
    Ok(n as u32)
}

fn epoll_register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "register", &["fd", "eventmask"], 1, 2)?;
    let fd = fd_of(vm, args[0].unwrap_or(&Value::None))?;
    let mask = match args[1] {
        Some(v) => epoll_mask(vm, v)?,
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    epoll_control(
        vm,
        a,
        "register",
        nix::sys::epoll::EpollOp::EpollCtlAdd,
        fd,
        mask,
    )
}

fn epoll_modify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "modify", &["fd", "eventmask"], 2, 2)?;
    let fd = fd_of(vm, args[0].unwrap_or(&Value::None))?;
    let mask = epoll_mask(vm, args[1].unwrap_or(&Value::None))?;
    epoll_control(
        vm,
        a,
        "modify",
        nix::sys::epoll::EpollOp::EpollCtlMod,
        fd,
        mask,
    )
}

fn epoll_unregister(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = fd_of(vm, &a.pos[1])?;
    epoll_control(
        vm,
        a,
        "unregister",
        nix::sys::epoll::EpollOp::EpollCtlDel,
        fd,
        0,
    )
}

/// `epoll.poll(timeout=None, maxevents=-1)`: the timeout in seconds.
fn epoll_poll(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "poll", &["timeout", "maxevents"], 0, 2)?;
    let timeout = match args[0] {
        None | Some(Value::None) => -1,
        Some(v) => {
            let secs = match num_of(v) {
                Some(n @ (Num::F(_) | Num::I(_) | Num::B(_))) => num_to_f64(vm, &n)?,
                _ => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(v)
                    )))
                }
            };
            if secs < 0.0 {
                -1
            } else {
                let ms = (secs * 1000.0).ceil();
                if ms > i32::MAX as f64 {
                    return Err(vm.err(ExcKind::OverflowError, "timeout is too large"));
                }
                ms as i32
            }
        }
    };
    let max = match args[1] {
        Some(v) => vm.ssize_of(v)?,
        None => -1,
    };
    let max = if max == -1 {
        // CPython's default: FD_SETSIZE - 1.
        libc::FD_SETSIZE as i64 - 1
    } else if max <= 0 {
        return Err(vm.value_error(format!("maxevents must be greater than 0, got {max}")));
    } else {
        max.min(65536)
    };
    let epfd = epoll_fd(vm, a, "poll")?;
    let mut events = vec![nix::sys::epoll::EpollEvent::empty(); max as usize];
    let deadline = (timeout > 0)
        .then(|| std::time::Instant::now() + std::time::Duration::from_millis(timeout as u64));
    // With other threads about, wait in short turns so that they run meanwhile (asyncio's
    // executor threads wake its loop through a descriptor this very call watches).
    let taking_turns = vm.green.active() && timeout != 0;
    let mut left = if taking_turns { 0 } else { timeout };
    let n = loop {
        #[allow(deprecated)]
        let got = nix::sys::epoll::epoll_wait(epfd, &mut events, left as isize);
        match got {
            Ok(0) if taking_turns => {
                let now = std::time::Instant::now();
                if deadline.is_some_and(|d| now >= d) {
                    break 0;
                }
                let turn = now + std::time::Duration::from_millis(2);
                vm.sleep_until(deadline.map_or(turn, |d| d.min(turn)))?;
            }
            Ok(n) => break n,
            Err(nix::errno::Errno::EINTR) => {
                if let Some(d) = deadline.filter(|_| !taking_turns) {
                    let rest = d.saturating_duration_since(std::time::Instant::now());
                    left = rest.as_millis().min(i32::MAX as u128) as i32;
                }
            }
            Err(e) => return Err(errno_error(vm, e as i32)),
        }
    };
    let out = events[..n]
        .iter()
        .map(|e| {
            Vm::new_tuple(vec![
                Value::Int(e.data() as i64),
                Value::Int(e.events().bits() as u32 as i64),
            ])
        })
        .collect();
    Ok(Vm::new_list(out))
}
