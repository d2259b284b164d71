//! `_socket`, under CPython's `socket.py`: the `socket` type over a descriptor (blocking,
//! non-blocking or with a timeout, as CPython keeps it), `socketpair`, the default timeout,
//! byte-order helpers and Linux's constants; `bind` to a numeric address. Enough for `asyncio`'s self-pipe and for
//! programs that talk over a socket pair; name resolution and addresses other than
//! `AF_UNIX`/`AF_INET` are not provided. A sandboxed worker may not create sockets: the
//! system call fails with `EPERM`, which surfaces as `PermissionError`.

use super::select::{errno_error, wait};
use super::{native_class, native_type, new_native, parse_args, receiver};
use crate::value::heap::ObjRef;
use crate::value::num::{num_of, num_to_f64, Num};
use crate::value::object::{BytesData, NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use nix::sys::socket::{AddressFamily, SockFlag, SockType, SockaddrLike, SockaddrStorage};
use std::cell::Cell;
use std::os::unix::ffi::OsStrExt;

const SOCKET: &str = "_socket.socket";
const AF_UNIX: i64 = 1;
const AF_INET: i64 = 2;
const SOCK_STREAM: i64 = 1;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("socketpair", socketpair),
    NativeFn::function("getdefaulttimeout", getdefaulttimeout, Arity::NoArgs, None),
    NativeFn::function("setdefaulttimeout", setdefaulttimeout, Arity::One, None),
    NativeFn::function("close", close_fd, Arity::One, None),
    NativeFn::function("gethostname", gethostname, Arity::NoArgs, None),
    NativeFn::function("htons", htons, Arity::One, None),
    NativeFn::function("ntohs", htons, Arity::One, None),
    NativeFn::function("htonl", htonl, Arity::One, None),
    NativeFn::function("ntohl", htonl, Arity::One, None),
];

static SOCKET_METHODS: &[NativeFn] = &[
    NativeFn::new("socket", socket_new),
    NativeFn::new("socket.__init__", socket_init),
    NativeFn::method("socket.fileno", fileno, Arity::NoArgs, None),
    NativeFn::method("socket.detach", detach, Arity::NoArgs, None),
    NativeFn::method("socket.close", close, Arity::NoArgs, None),
    NativeFn::method("socket.setblocking", setblocking, Arity::One, None),
    NativeFn::method("socket.getblocking", getblocking, Arity::NoArgs, None),
    NativeFn::method("socket.settimeout", settimeout, Arity::One, None),
    NativeFn::method("socket.gettimeout", gettimeout, Arity::NoArgs, None),
    NativeFn::method("socket.recv", recv, Arity::Range(1, 2), None),
    NativeFn::method("socket.send", send, Arity::Range(1, 2), None),
    NativeFn::method("socket.sendall", sendall, Arity::Range(1, 2), None),
    NativeFn::method("socket.shutdown", shutdown, Arity::One, None),
    NativeFn::method("socket.getsockname", getsockname, Arity::NoArgs, None),
    NativeFn::method("socket.getpeername", getpeername, Arity::NoArgs, None),
    NativeFn::method("socket.bind", bind, Arity::One, None),
    NativeFn::method("socket.__repr__", socket_repr, Arity::NoArgs, None),
];

static FAMILY: NativeFn = NativeFn::method("socket.family", family, Arity::NoArgs, None);
static TYPE: NativeFn = NativeFn::method("socket.type", kind, Arity::NoArgs, None);
static PROTO: NativeFn = NativeFn::method("socket.proto", proto, Arity::NoArgs, None);
static TIMEOUT: NativeFn = NativeFn::method("socket.timeout", gettimeout, Arity::NoArgs, None);

/// Linux's values of the constants `_socket` exports.
const CONSTANTS: &[(&str, i64)] = &[
    ("AF_ALG", 38),
    ("AF_APPLETALK", 5),
    ("AF_ASH", 18),
    ("AF_ATMPVC", 8),
    ("AF_ATMSVC", 20),
    ("AF_AX25", 3),
    ("AF_BRIDGE", 7),
    ("AF_CAN", 29),
    ("AF_ECONET", 19),
    ("AF_INET", 2),
    ("AF_INET6", 10),
    ("AF_IPX", 4),
    ("AF_IRDA", 23),
    ("AF_KEY", 15),
    ("AF_LLC", 26),
    ("AF_NETBEUI", 13),
    ("AF_NETLINK", 16),
    ("AF_NETROM", 6),
    ("AF_PACKET", 17),
    ("AF_PPPOX", 24),
    ("AF_QIPCRTR", 42),
    ("AF_RDS", 21),
    ("AF_ROSE", 11),
    ("AF_ROUTE", 16),
    ("AF_SECURITY", 14),
    ("AF_SNA", 22),
    ("AF_TIPC", 30),
    ("AF_UNIX", 1),
    ("AF_UNSPEC", 0),
    ("AF_VSOCK", 40),
    ("AF_WANPIPE", 25),
    ("AF_X25", 9),
    ("AI_ADDRCONFIG", 32),
    ("AI_ALL", 16),
    ("AI_CANONNAME", 2),
    ("AI_NUMERICHOST", 4),
    ("AI_NUMERICSERV", 1024),
    ("AI_PASSIVE", 1),
    ("AI_V4MAPPED", 8),
    ("EAI_ADDRFAMILY", -9),
    ("EAI_AGAIN", -3),
    ("EAI_BADFLAGS", -1),
    ("EAI_FAIL", -4),
    ("EAI_FAMILY", -6),
    ("EAI_MEMORY", -10),
    ("EAI_NODATA", -5),
    ("EAI_NONAME", -2),
    ("EAI_OVERFLOW", -12),
    ("EAI_SERVICE", -8),
    ("EAI_SOCKTYPE", -7),
    ("EAI_SYSTEM", -11),
    ("INADDR_ALLHOSTS_GROUP", 3758096385),
    ("INADDR_ANY", 0),
    ("INADDR_BROADCAST", 4294967295),
    ("INADDR_LOOPBACK", 2130706433),
    ("INADDR_MAX_LOCAL_GROUP", 3758096639),
    ("INADDR_NONE", 4294967295),
    ("INADDR_UNSPEC_GROUP", 3758096384),
    ("IPPROTO_AH", 51),
    ("IPPROTO_DSTOPTS", 60),
    ("IPPROTO_EGP", 8),
    ("IPPROTO_ESP", 50),
    ("IPPROTO_FRAGMENT", 44),
    ("IPPROTO_GRE", 47),
    ("IPPROTO_HOPOPTS", 0),
    ("IPPROTO_ICMP", 1),
    ("IPPROTO_ICMPV6", 58),
    ("IPPROTO_IDP", 22),
    ("IPPROTO_IGMP", 2),
    ("IPPROTO_IP", 0),
    ("IPPROTO_IPIP", 4),
    ("IPPROTO_IPV6", 41),
    ("IPPROTO_MPTCP", 262),
    ("IPPROTO_NONE", 59),
    ("IPPROTO_PIM", 103),
    ("IPPROTO_PUP", 12),
    ("IPPROTO_RAW", 255),
    ("IPPROTO_ROUTING", 43),
    ("IPPROTO_RSVP", 46),
    ("IPPROTO_SCTP", 132),
    ("IPPROTO_TCP", 6),
    ("IPPROTO_TP", 29),
    ("IPPROTO_UDP", 17),
    ("IPPROTO_UDPLITE", 136),
    ("IPV6_V6ONLY", 26),
    ("IP_TOS", 1),
    ("IP_TTL", 2),
    ("MSG_CMSG_CLOEXEC", 1073741824),
    ("MSG_CONFIRM", 2048),
    ("MSG_CTRUNC", 8),
    ("MSG_DONTROUTE", 4),
    ("MSG_DONTWAIT", 64),
    ("MSG_EOR", 128),
    ("MSG_ERRQUEUE", 8192),
    ("MSG_FASTOPEN", 536870912),
    ("MSG_MORE", 32768),
    ("MSG_NOSIGNAL", 16384),
    ("MSG_OOB", 1),
    ("MSG_PEEK", 2),
    ("MSG_TRUNC", 32),
    ("MSG_WAITALL", 256),
    ("NI_DGRAM", 16),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("NI_NAMEREQD", 8),
    ("NI_NOFQDN", 4),
    ("NI_NUMERICHOST", 1),
    ("NI_NUMERICSERV", 2),
    ("SCM_CREDENTIALS", 2),
    ("SCM_J1939_DEST_ADDR", 1),
    ("SCM_J1939_DEST_NAME", 2),
    ("SCM_J1939_ERRQUEUE", 4),
    ("SCM_J1939_PRIO", 3),
    ("SCM_RIGHTS", 1),
    ("SHUT_RD", 0),
    ("SHUT_RDWR", 2),
    ("SHUT_WR", 1),
    ("SOCK_CLOEXEC", 524288),
    ("SOCK_DGRAM", 2),
    ("SOCK_NONBLOCK", 2048),
    ("SOCK_RAW", 3),
    ("SOCK_RDM", 4),
    ("SOCK_SEQPACKET", 5),
    ("SOCK_STREAM", 1),
    ("SOL_ALG", 279),
    ("SOL_CAN_BASE", 100),
    ("SOL_CAN_RAW", 101),
    ("SOL_IP", 0),
    ("SOL_RDS", 276),
    ("SOL_SOCKET", 1),
    ("SOL_TCP", 6),
    ("SOL_TIPC", 271),
    ("SOL_UDP", 17),
    ("SOMAXCONN", 4096),
    ("SO_ACCEPTCONN", 30),
    ("SO_BINDTODEVICE", 25),
    ("SO_BROADCAST", 6),
    ("SO_DEBUG", 1),
    ("SO_DOMAIN", 39),
    ("SO_DONTROUTE", 5),
    ("SO_ERROR", 4),
    ("SO_INCOMING_CPU", 49),
    ("SO_J1939_ERRQUEUE", 4),
    ("SO_J1939_FILTER", 1),
    ("SO_J1939_PROMISC", 2),
    ("SO_J1939_SEND_PRIO", 3),
    ("SO_KEEPALIVE", 9),
    ("SO_LINGER", 13),
    ("SO_MARK", 36),
    ("SO_OOBINLINE", 10),
    ("SO_PASSCRED", 16),
    ("SO_PASSSEC", 34),
    ("SO_PEERCRED", 17),
    ("SO_PEERSEC", 31),
    ("SO_PRIORITY", 12),
    ("SO_PROTOCOL", 38),
    ("SO_RCVBUF", 8),
    ("SO_RCVLOWAT", 18),
    ("SO_RCVTIMEO", 20),
    ("SO_REUSEADDR", 2),
    ("SO_REUSEPORT", 15),
    ("SO_SNDBUF", 7),
    ("SO_SNDLOWAT", 19),
    ("SO_SNDTIMEO", 21),
    ("SO_TYPE", 3),
    ("SO_VM_SOCKETS_BUFFER_MAX_SIZE", 2),
    ("SO_VM_SOCKETS_BUFFER_MIN_SIZE", 1),
    ("SO_VM_SOCKETS_BUFFER_SIZE", 0),
    ("TCP_CONGESTION", 13),
    ("TCP_CORK", 3),
    ("TCP_DEFER_ACCEPT", 9),
    ("TCP_FASTOPEN", 23),
    ("TCP_INFO", 11),
    ("TCP_KEEPCNT", 6),
    ("TCP_KEEPIDLE", 4),
    ("TCP_KEEPINTVL", 5),
    ("TCP_LINGER2", 8),
    ("TCP_MAXSEG", 2),
    ("TCP_NODELAY", 1),
    ("TCP_NOTSENT_LOWAT", 25),
    ("TCP_QUICKACK", 12),
    ("TCP_SYNCNT", 7),
    ("TCP_USER_TIMEOUT", 18),
    ("TCP_WINDOW_CLAMP", 10),
];

thread_local! {
    /// `setdefaulttimeout`'s value: `None` (blocking) or seconds.
    static DEFAULT_TIMEOUT: Cell<Option<f64>> = const { Cell::new(None) };
}

pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let cls = native_type(vm, SOCKET, None, SOCKET_METHODS, false);
    for (name, get) in [
        ("family", &FAMILY),
        ("type", &TYPE),
        ("proto", &PROTO),
        ("timeout", &TIMEOUT),
    ] {
        super::add_property(&cls, name, get, Some(&super::READONLY));
    }
    let os_error = vm.exc_class(ExcKind::OSError);
    let herror = super::exception_class(vm, "socket.herror", vec![os_error.clone()]);
    let gaierror = super::exception_class(vm, "socket.gaierror", vec![os_error.clone()]);
    let mut values: Vec<(&str, Value)> = CONSTANTS
        .iter()
        .map(|(n, v)| (*n, Value::Int(*v)))
        .collect();
    values.extend([
        ("socket", Value::Obj(cls.clone())),
        ("SocketType", Value::Obj(cls)),
        ("error", Value::Obj(os_error)),
        ("timeout", Value::Obj(vm.exc_class(ExcKind::TimeoutError))),
        ("herror", Value::Obj(herror)),
        ("gaierror", Value::Obj(gaierror)),
        ("has_ipv6", Value::Bool(true)),
    ]);
    super::new_module("_socket", FUNCTIONS, &values)
}

/// A socket: its descriptor (`-1` once closed or detached) and what it was made with;
/// `timeout` is `None` for a blocking socket, `Some(0.0)` for a non-blocking one.
struct Socket {
    fd: i32,
    family: i64,
    kind: i64,
    proto: i64,
    timeout: Option<f64>,
}

impl NativeState for Socket {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

impl Drop for Socket {
    fn drop(&mut self) {
        // CPython closes the descriptor of a socket that is deallocated still open.
        if self.fd >= 0 {
            let _ = nix::unistd::close(self.fd);
        }
    }
}

fn bytes_val(b: &[u8]) -> Value {
    Value::obj(Object::Bytes(BytesData::Owned(b.into())))
}

fn nix_error(vm: &mut Vm, e: nix::errno::Errno) -> ObjRef {
    errno_error(vm, e as i32)
}

/// Puts descriptor `fd` in or out of non-blocking mode.
fn set_nonblocking(vm: &mut Vm, fd: i32, on: bool) -> PyResult<()> {
    use nix::fcntl::{fcntl, FcntlArg, OFlag};
    let flags = fcntl(fd, FcntlArg::F_GETFL).map_err(|e| nix_error(vm, e))?;
    let mut flags = OFlag::from_bits_retain(flags);
    flags.set(OFlag::O_NONBLOCK, on);
    fcntl(fd, FcntlArg::F_SETFL(flags)).map_err(|e| nix_error(vm, e))?;
    Ok(())
}

/// Gives a new socket the default timeout (a socket with any timeout is non-blocking
/// underneath, as in CPython).
fn apply_default_timeout(vm: &mut Vm, s: &mut Socket) -> PyResult<()> {
    s.timeout = DEFAULT_TIMEOUT.with(|t| t.get());
    if s.timeout.is_some() {
        set_nonblocking(vm, s.fd, true)?;
    }
    Ok(())
}

fn socket_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let native = native_class(vm, SOCKET);
    Ok(new_native(
        cls,
        native,
        None,
        Socket {
            fd: -1,
            family: AF_INET,
            kind: SOCK_STREAM,
            proto: 0,
            timeout: None,
        },
    ))
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => vm.ssize_of(v),
    }
}

/// What `type` reports: the socket type without the creation flags.
fn plain_type(kind: i64) -> i64 {
    kind & !((libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC) as i64)
}

fn socket_type(vm: &mut Vm, kind: i64) -> PyResult<SockType> {
    i32::try_from(plain_type(kind))
        .ok()
        .and_then(|k| SockType::try_from(k).ok())
        .ok_or_else(|| errno_error(vm, libc::EINVAL))
}

fn address_family(vm: &mut Vm, family: i64) -> PyResult<AddressFamily> {
    i32::try_from(family)
        .ok()
        .and_then(AddressFamily::from_i32)
        .ok_or_else(|| errno_error(vm, libc::EAFNOSUPPORT))
}

fn protocol(vm: &mut Vm, proto: i64) -> PyResult<Option<nix::sys::socket::SockProtocol>> {
    use nix::sys::socket::SockProtocol;
    Ok(match proto {
        0 => None,
        6 => Some(SockProtocol::Tcp),
        17 => Some(SockProtocol::Udp),
        _ => return Err(errno_error(vm, libc::EPROTONOSUPPORT)),
    })
}

/// `socket.__init__(family=-1, type=-1, proto=-1, fileno=None)`: a new socket, or one over
/// an existing descriptor.
fn socket_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(
        vm,
        a,
        1,
        "socket",
        &["family", "type", "proto", "fileno"],
        0,
        4,
    )?;
    let mut family = int_arg(vm, args[0], -1)?;
    let mut kind = int_arg(vm, args[1], -1)?;
    let mut proto = int_arg(vm, args[2], -1)?;
    let fd = match args[3] {
        None | Some(Value::None) => {
            if family == -1 {
                family = AF_INET;
            }
            if kind == -1 {
                kind = SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            let af = address_family(vm, family)?;
            let ty = socket_type(vm, kind)?;
            let pr = protocol(vm, proto)?;
            let mut flags = SockFlag::SOCK_CLOEXEC;
            if kind & libc::SOCK_NONBLOCK as i64 != 0 {
                flags |= SockFlag::SOCK_NONBLOCK;
            }
            let made = nix::sys::socket::socket(af, ty, flags, pr);
            match made {
                Ok(owned) => std::os::fd::IntoRawFd::into_raw_fd(owned),
                Err(e) => return Err(nix_error(vm, e)),
            }
        }
        Some(v) => {
            let n = vm.ssize_of(v)?;
            if n < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            let fd = i32::try_from(n).map_err(|_| {
                vm.err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int",
                )
            })?;
            if family == -1 {
                family = match nix::sys::socket::getsockname::<SockaddrStorage>(fd) {
                    Ok(addr) => addr.family().map_or(AF_UNIX, |f| f as i64),
                    Err(e) => return Err(nix_error(vm, e)),
                };
            }
            if kind == -1 {
                kind = SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            fd
        }
    };
    let Some(s) = super::state_of::<Socket>(&a.pos[0]) else {
        let _ = nix::unistd::close(fd);
        return Err(vm.type_error("socket.__init__ needs a socket"));
    };
    if s.fd >= 0 {
        let _ = nix::unistd::close(s.fd);
    }
    s.fd = fd;
    s.family = family;
    s.kind = plain_type(kind);
    s.proto = proto;
    let nonblocking = kind & libc::SOCK_NONBLOCK as i64 != 0;
    apply_default_timeout(vm, s)?;
    if nonblocking {
        s.timeout = Some(0.0);
        set_nonblocking(vm, fd, true)?;
    }
    Ok(Value::None)
}

fn sock<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Socket> {
    receiver::<Socket>(vm, a, "_socket.socket", method)
}

/// The open descriptor of the receiver, else `EBADF` as CPython's calls on a closed socket
/// give.
fn open_fd(vm: &mut Vm, a: &Args, method: &str) -> PyResult<(i32, Option<f64>)> {
    let s = sock(vm, a, method)?;
    let (fd, timeout) = (s.fd, s.timeout);
    if fd < 0 {
        return Err(errno_error(vm, libc::EBADF));
    }
    Ok((fd, timeout))
}

fn fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(sock(vm, a, "fileno")?.fd as i64))
}

fn detach(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sock(vm, a, "detach")?;
    Ok(Value::Int(std::mem::replace(&mut s.fd, -1) as i64))
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sock(vm, a, "close")?;
    let fd = std::mem::replace(&mut s.fd, -1);
    if fd >= 0 {
        // As CPython: a reset connection is no error at close.
        match nix::unistd::close(fd) {
            Ok(()) | Err(nix::errno::Errno::ECONNRESET) => {}
            Err(e) => return Err(nix_error(vm, e)),
        }
    }
    Ok(Value::None)
}

fn close_fd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = vm.ssize_of(&a.pos[0])?;
    let fd = i32::try_from(fd).map_err(|_| errno_error(vm, libc::EBADF))?;
    match nix::unistd::close(fd) {
        Ok(()) | Err(nix::errno::Errno::ECONNRESET) => Ok(Value::None),
        Err(e) => Err(nix_error(vm, e)),
    }
}

fn setblocking(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let block = vm.truthy(&a.pos[1])?;
    let (fd, _) = open_fd(vm, a, "setblocking")?;
    set_nonblocking(vm, fd, !block)?;
    sock(vm, a, "setblocking")?.timeout = if block { None } else { Some(0.0) };
    Ok(Value::None)
}

fn getblocking(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, timeout) = open_fd(vm, a, "getblocking")?;
    Ok(Value::Bool(timeout != Some(0.0)))
}

/// A timeout argument: `None` or non-negative seconds.
fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let secs = match num_of(v) {
        Some(n @ (Num::F(_) | Num::I(_) | Num::B(_))) => num_to_f64(vm, &n)?,
        _ => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(Some(secs))
}

fn settimeout(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let timeout = timeout_arg(vm, &a.pos[1])?;
    let (fd, _) = open_fd(vm, a, "settimeout")?;
    set_nonblocking(vm, fd, timeout.is_some())?;
    sock(vm, a, "settimeout")?.timeout = timeout;
    Ok(Value::None)
}

fn gettimeout(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match sock(vm, a, "gettimeout")?.timeout {
        Some(t) => Value::Float(t),
        None => Value::None,
    })
}

fn getdefaulttimeout(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(match DEFAULT_TIMEOUT.with(|t| t.get()) {
        Some(t) => Value::Float(t),
        None => Value::None,
    })
}

fn setdefaulttimeout(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = timeout_arg(vm, &a.pos[0])?;
    DEFAULT_TIMEOUT.with(|c| c.set(t));
    Ok(Value::None)
}

/// For a socket with a positive timeout: waits until `events` are possible on `fd`, else
/// raises `TimeoutError('timed out')` as CPython's socket calls do.
fn wait_ready(vm: &mut Vm, fd: i32, timeout: Option<f64>, events: i16) -> PyResult<()> {
    let ms = match timeout {
        Some(t) if t > 0.0 => (t * 1000.0).ceil().min(i32::MAX as f64) as i32,
        // A blocking socket while other threads run: wait for it in turns with them.
        None if vm.green.active() => -1,
        _ => return Ok(()),
    };
    let mut fds = [libc::pollfd {
        fd,
        events,
        revents: 0,
    }];
    if wait(vm, &mut fds, ms)? == 0 {
        return Err(vm.err(ExcKind::TimeoutError, "timed out"));
    }
    Ok(())
}

fn msg_flags(vm: &mut Vm, v: Option<&Value>) -> PyResult<nix::sys::socket::MsgFlags> {
    let n = int_arg(vm, v, 0)?;
    let n = i32::try_from(n).map_err(|_| {
        vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )
    })?;
    Ok(nix::sys::socket::MsgFlags::from_bits_retain(n))
}

fn recv(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let size = vm.ssize_of(&a.pos[1])?;
    if size < 0 {
        return Err(vm.value_error("negative buffersize in recv"));
    }
    let flags = msg_flags(vm, a.get(2))?;
    let (fd, timeout) = open_fd(vm, a, "recv")?;
    let mut buf = vec![0u8; size as usize];
    loop {
        wait_ready(vm, fd, timeout, libc::POLLIN)?;
        match nix::sys::socket::recv(fd, &mut buf, flags) {
            Ok(n) => return Ok(bytes_val(&buf[..n])),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(nix_error(vm, e)),
        }
    }
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    crate::objects::bytearray::bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = data_arg(vm, &a.pos[1])?;
    let flags = msg_flags(vm, a.get(2))?;
    let (fd, timeout) = open_fd(vm, a, "send")?;
    loop {
        wait_ready(vm, fd, timeout, libc::POLLOUT)?;
        match nix::sys::socket::send(fd, &data, flags) {
            Ok(n) => return Ok(Value::Int(n as i64)),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(nix_error(vm, e)),
        }
    }
}

fn sendall(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = data_arg(vm, &a.pos[1])?;
    let flags = msg_flags(vm, a.get(2))?;
    let (fd, timeout) = open_fd(vm, a, "sendall")?;
    let mut sent = 0;
    while sent < data.len() {
        wait_ready(vm, fd, timeout, libc::POLLOUT)?;
        match nix::sys::socket::send(fd, &data[sent..], flags) {
            Ok(n) => sent += n,
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(nix_error(vm, e)),
        }
    }
    Ok(Value::None)
}

fn shutdown(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use nix::sys::socket::Shutdown;
    let how = match vm.ssize_of(&a.pos[1])? {
        0 => Shutdown::Read,
        1 => Shutdown::Write,
        2 => Shutdown::Both,
        _ => return Err(errno_error(vm, libc::EINVAL)),
    };
    let (fd, _) = open_fd(vm, a, "shutdown")?;
    nix::sys::socket::shutdown(fd, how).map_err(|e| nix_error(vm, e))?;
    Ok(Value::None)
}

/// An address as CPython gives it: a path (`''` when unnamed) for `AF_UNIX`, `(host, port)`
/// for `AF_INET`, `(host, port, flowinfo, scope_id)` for `AF_INET6`.
fn address(addr: &SockaddrStorage) -> Value {
    if let Some(u) = addr.as_unix_addr() {
        if let Some(p) = u.path() {
            return Vm::str_val(p.to_string_lossy().into_owned());
        }
        if let Some(abs) = u.as_abstract() {
            let mut b = vec![0u8];
            b.extend_from_slice(abs);
            return bytes_val(&b);
        }
        return Vm::str_val("");
    }
    if let Some(v4) = addr.as_sockaddr_in() {
        return Vm::new_tuple(vec![
            Vm::str_val(v4.ip().to_string()),
            Value::Int(v4.port() as i64),
        ]);
    }
    if let Some(v6) = addr.as_sockaddr_in6() {
        return Vm::new_tuple(vec![
            Vm::str_val(v6.ip().to_string()),
            Value::Int(v6.port() as i64),
            Value::Int(v6.flowinfo() as i64),
            Value::Int(v6.scope_id() as i64),
        ]);
    }
    Value::None
}

fn getsockname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (fd, _) = open_fd(vm, a, "getsockname")?;
    match nix::sys::socket::getsockname::<SockaddrStorage>(fd) {
        Ok(addr) => Ok(address(&addr)),
        Err(e) => Err(nix_error(vm, e)),
    }
}

fn getpeername(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (fd, _) = open_fd(vm, a, "getpeername")?;
    match nix::sys::socket::getpeername::<SockaddrStorage>(fd) {
        Ok(addr) => Ok(address(&addr)),
        Err(e) => Err(nix_error(vm, e)),
    }
}

fn socket_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sock(vm, a, "__repr__")?;
    Ok(Vm::str_val(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd, s.family, s.kind, s.proto
    )))
}

fn family(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(sock(vm, a, "family")?.family))
}

fn kind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(sock(vm, a, "type")?.kind))
}

fn proto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(sock(vm, a, "proto")?.proto))
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`: two connected sockets.
fn socketpair(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "socketpair", &["family", "type", "proto"], 0, 3)?;
    let family = int_arg(vm, args[0], AF_UNIX)?;
    let kind = int_arg(vm, args[1], SOCK_STREAM)?;
    let proto = int_arg(vm, args[2], 0)?;
    let af = address_family(vm, family)?;
    let ty = socket_type(vm, kind)?;
    let pr = protocol(vm, proto)?;
    let mut flags = SockFlag::SOCK_CLOEXEC;
    if kind & libc::SOCK_NONBLOCK as i64 != 0 {
        flags |= SockFlag::SOCK_NONBLOCK;
    }
    let (x, y) = nix::sys::socket::socketpair(af, ty, pr, flags).map_err(|e| nix_error(vm, e))?;
    let cls = native_class(vm, SOCKET);
    let mut out = Vec::with_capacity(2);
    for owned in [x, y] {
        let mut s = Socket {
            fd: std::os::fd::IntoRawFd::into_raw_fd(owned),
            family,
            kind: plain_type(kind),
            proto,
            timeout: None,
        };
        apply_default_timeout(vm, &mut s)?;
        out.push(new_native(cls.clone(), cls.clone(), None, s));
    }
    Ok(Vm::new_tuple(out))
}

fn gethostname(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    match nix::sys::utsname::uname() {
        Ok(u) => Ok(Vm::str_val(u.nodename().to_string_lossy().into_owned())),
        Err(e) => Err(nix_error(vm, e)),
    }
}

fn unsigned_arg(vm: &mut Vm, v: &Value, max: i64, what: &str) -> PyResult<i64> {
    if !matches!(num_of(v), Some(Num::I(_) | Num::B(_))) {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    }
    let n = vm.ssize_of(v)?;
    if n < 0 {
        return Err(vm.err(
            ExcKind::OverflowError,
            format!("{what}: can't convert negative Python int to C 16-bit unsigned integer"),
        ));
    }
    if n > max {
        return Err(vm.err(
            ExcKind::OverflowError,
            format!("{what}: Python int too large to convert to C 16-bit unsigned integer"),
        ));
    }
    Ok(n)
}

fn htons(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = unsigned_arg(vm, &a.pos[0], u16::MAX as i64, "htons")?;
    Ok(Value::Int((n as u16).swap_bytes() as i64))
}

fn htonl(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !matches!(num_of(&a.pos[0]), Some(Num::I(_) | Num::B(_))) {
        return Err(vm.type_error(format!("expected int, {} found", vm.type_name(&a.pos[0]))));
    }
    let n = vm.ssize_of(&a.pos[0])?;
    if n < 0 {
        return Err(vm.err(
            ExcKind::OverflowError,
            "can't convert negative value to unsigned int",
        ));
    }
    if n > u32::MAX as i64 {
        return Err(vm.err(ExcKind::OverflowError, "int larger than 32 bits"));
    }
    Ok(Value::Int((n as u32).swap_bytes() as i64))
}

/// The address `v` names for a socket of `family`, as CPython's `getsockaddrarg` reads it:
/// a path for `AF_UNIX`, `(host, port)` for `AF_INET`, `(host, port[, flowinfo[, scope_id]])`
/// for `AF_INET6`. Hosts are numeric (`''` is any address, `'localhost'` the loopback one):
/// there is no name resolution.
fn sockaddr_arg(
    vm: &mut Vm,
    family: i64,
    v: &Value,
    method: &str,
) -> PyResult<Box<dyn SockaddrLike>> {
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6};
    if family == AF_UNIX {
        let path: Vec<u8> = match (v.as_str(), crate::objects::bytearray::bytes_like(v)) {
            (Some(t), _) => t.as_bytes().to_vec(),
            (None, Some(b)) => b,
            _ => {
                return Err(vm.type_error(format!(
                    "{method}(): AF_UNIX address must be str or bytes, not {}",
                    vm.type_name(v)
                )))
            }
        };
        let addr = if path.first() == Some(&0) {
            nix::sys::socket::UnixAddr::new_abstract(&path[1..])
        } else {
            nix::sys::socket::UnixAddr::new(std::ffi::OsStr::from_bytes(&path))
        };
        return match addr {
            Ok(u) => Ok(Box::new(u)),
            Err(_) => Err(vm.err(ExcKind::OSError, "AF_UNIX path too long")),
        };
    }
    let inet6 = family == libc::AF_INET6 as i64;
    if family != AF_INET && !inet6 {
        return Err(vm.err(ExcKind::OSError, format!("{method}(): bad family")));
    }
    let items = match v.body() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => {
            let want = if inet6 { "AF_INET6" } else { "AF_INET" };
            return Err(vm.type_error(format!(
                "{method}(): {want} address must be tuple, not {}",
                vm.type_name(v)
            )));
        }
    };
    let (lo, hi) = if inet6 { (2, 4) } else { (2, 2) };
    if items.len() < lo || items.len() > hi {
        return Err(vm.type_error(if inet6 {
            "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
        } else {
            "AF_INET address must be a pair (host, port)"
        }));
    }
    let host = match items[0].as_str() {
        Some(h) => h.to_string(),
        None => {
            return Err(vm.type_error(format!(
                "str, bytes or bytearray expected, not {}",
                vm.type_name(&items[0])
            )))
        }
    };
    let port = vm.index_of(&items[1])?;
    if !(0..=65535).contains(&port) {
        return Err(vm.err(
            ExcKind::OverflowError,
            format!("{method}(): port must be 0-65535."),
        ));
    }
    let ip: Option<IpAddr> = match host.as_str() {
        "" => Some(if inet6 {
            IpAddr::V6(Ipv6Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        }),
        "<broadcast>" if !inet6 => Some(IpAddr::V4(Ipv4Addr::BROADCAST)),
        "localhost" => Some(if inet6 {
            IpAddr::V6(Ipv6Addr::LOCALHOST)
        } else {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        }),
        h => h.parse().ok(),
    };
    let addr = match ip {
        Some(IpAddr::V4(a)) if !inet6 => SocketAddr::new(IpAddr::V4(a), port as u16),
        Some(IpAddr::V6(a)) if inet6 => {
            let flow = match items.get(2) {
                Some(x) => vm.index_of(x)? as u32,
                None => 0,
            };
            let scope = match items.get(3) {
                Some(x) => vm.index_of(x)? as u32,
                None => 0,
            };
            SocketAddr::V6(SocketAddrV6::new(a, port as u16, flow, scope))
        }
        _ => {
            // No resolver: a name that is not a numeric address of the family fails as an
            // unresolvable one does.
            let e = vm.err(
                ExcKind::OSError,
                "[Errno -2] Name or service not known".to_string(),
            );
            return Err(e);
        }
    };
    Ok(Box::new(SockaddrStorage::from(addr)))
}

/// `socket.bind(address)`.
fn bind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (fd, _) = open_fd(vm, a, "bind")?;
    let family = sock(vm, a, "bind")?.family;
    let addr = sockaddr_arg(vm, family, &a.pos[1], "bind")?;
    nix::sys::socket::bind(fd, addr.as_ref()).map_err(|e| nix_error(vm, e))?;
    Ok(Value::None)
}
