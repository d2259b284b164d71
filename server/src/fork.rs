//! The process primitives that need `unsafe`: `fork`, the parent-death signal, immediate exit,
//! signal dispositions and the SIGBUS report of a truncated image file, the effective user id,
//! and passing file descriptors over a Unix socket (`SCM_RIGHTS`).
//!
//! Everything here is written to be callable in a freshly forked child of a single-threaded
//! process: no allocation on the paths used after fork (message and control buffers live on
//! the stack), only system calls.

use nix::sys::signal::{SigHandler, Signal};
use nix::unistd::Pid;
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};

/// Which side of a `fork` this process is on.
pub(crate) enum Forked {
    Child,
    Parent(Pid),
}

/// Forks the calling process. Call only where no other thread can hold a lock (the
/// self-test, single-threaded; the zygote, from its interpreter thread while its main thread
/// waits in `join` and does nothing else), so the child's memory holds no lock owned by a
/// thread that does not exist in it.
pub(crate) fn fork() -> io::Result<Forked> {
    // SAFETY: per the contract above, no other thread of the caller runs code that could hold
    // a lock (the zygote's main thread is blocked in `pthread_join`, which holds none), so the
    // child can keep running arbitrary code.
    match unsafe { nix::unistd::fork() } {
        Ok(nix::unistd::ForkResult::Child) => Ok(Forked::Child),
        Ok(nix::unistd::ForkResult::Parent { child }) => Ok(Forked::Parent(child)),
        Err(errno) => Err(io::Error::from(errno)),
    }
}

/// Makes the kernel SIGKILL this process when its parent dies, then checks that the parent is
/// still `expected_parent` (it may have died between `fork` and `prctl`, in which case the
/// signal would never come): if not, exits at once.
pub(crate) fn die_with_parent(expected_parent: Pid) {
    if nix::sys::prctl::set_pdeathsig(Signal::SIGKILL).is_err() {
        exit_now(70);
    }
    if nix::unistd::getppid() != expected_parent {
        exit_now(0);
    }
}

/// Ends the process at once: no destructors, no atexit handlers, no stdio flushing (a forked
/// child must not flush buffers it inherited from its parent).
pub(crate) fn exit_now(code: i32) -> ! {
    // SAFETY: `_exit` is async-signal-safe and takes no pointers.
    unsafe { libc::_exit(code) }
}

/// Closes every descriptor numbered `first` or above except those in `keep`, with
/// `close_range` (a few system calls, no directory listing, no allocation).
pub(crate) fn close_descriptors_from(first: RawFd, keep: &[RawFd]) -> io::Result<()> {
    let mut kept = [0 as RawFd; 8];
    let count = keep.len().min(kept.len());
    kept[..count].copy_from_slice(&keep[..count]);
    let kept = &mut kept[..count];
    kept.sort_unstable();
    let mut from = first.max(0) as u32;
    for &fd in kept.iter() {
        if fd < 0 || (fd as u32) < from {
            continue;
        }
        if fd as u32 > from {
            close_range(from, fd as u32 - 1)?;
        }
        from = fd as u32 + 1;
    }
    close_range(from, u32::MAX)
}

fn close_range(first: u32, last: u32) -> io::Result<()> {
    // SAFETY: close_range takes no pointers; closing descriptors is memory-safe (the callers
    // run in a freshly forked worker, before anything in it could hold one of them).
    if unsafe { libc::close_range(first, last, 0) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Sets `signal` to be ignored in this process (and, across `fork`, in its children).
pub(crate) fn ignore_signal(signal: Signal) {
    // SAFETY: installing SIG_IGN runs no handler code, so there is no handler whose safety
    // could be violated.
    let _ = unsafe { nix::sys::signal::signal(signal, SigHandler::SigIgn) };
}

/// Restores the default action of `signal`.
pub(crate) fn default_signal(signal: Signal) {
    // SAFETY: SIG_DFL runs no handler code.
    let _ = unsafe { nix::sys::signal::signal(signal, SigHandler::SigDfl) };
}

/// Sends one message (one packet on a SOCK_SEQPACKET socket) with an optional descriptor
/// attached as `SCM_RIGHTS`. Allocation-free.
pub(crate) fn send_with_fd(
    socket: BorrowedFd<'_>,
    payload: &[u8],
    fd: Option<BorrowedFd<'_>>,
) -> io::Result<()> {
    // Room for one control message carrying one descriptor, 8-aligned.
    let mut control = [0u64; 4];
    let mut iov = libc::iovec {
        iov_base: payload.as_ptr() as *mut libc::c_void,
        iov_len: payload.len(),
    };
    // SAFETY: an all-zero msghdr is a valid "no name, no control" header.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    if let Some(fd) = fd {
        // SAFETY: CMSG_SPACE is a pure size computation.
        let space = unsafe { libc::CMSG_SPACE(std::mem::size_of::<RawFd>() as u32) } as usize;
        debug_assert!(space <= std::mem::size_of_val(&control));
        msg.msg_control = control.as_mut_ptr() as *mut libc::c_void;
        msg.msg_controllen = space;
        // SAFETY: `msg_control` points at `control`, which is large enough for one header
        // with one descriptor (32 bytes >= CMSG_SPACE(4) = 24 on 64-bit Linux), so
        // CMSG_FIRSTHDR is non-null and CMSG_DATA has room for one RawFd.
        unsafe {
            let header = libc::CMSG_FIRSTHDR(&msg);
            (*header).cmsg_level = libc::SOL_SOCKET;
            (*header).cmsg_type = libc::SCM_RIGHTS;
            (*header).cmsg_len = libc::CMSG_LEN(std::mem::size_of::<RawFd>() as u32) as usize;
            std::ptr::write_unaligned(libc::CMSG_DATA(header) as *mut RawFd, fd.as_raw_fd());
        }
    }
    loop {
        // SAFETY: `msg` points at `iov` and `control`, both alive for the call; the kernel
        // only reads them.
        let sent = unsafe { libc::sendmsg(socket.as_raw_fd(), &msg, libc::MSG_NOSIGNAL) };
        if sent >= 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

/// Receives one message into `buf`, with the descriptor attached to it if any (close-on-exec).
/// Returns `Ok((0, None))` at end of stream. With `nonblocking`, `WouldBlock` when empty.
pub(crate) fn recv_with_fd(
    socket: BorrowedFd<'_>,
    buf: &mut [u8],
    nonblocking: bool,
) -> io::Result<(usize, Option<OwnedFd>)> {
    let mut control = [0u64; 4];
    let mut iov = libc::iovec {
        iov_base: buf.as_mut_ptr() as *mut libc::c_void,
        iov_len: buf.len(),
    };
    // SAFETY: an all-zero msghdr is a valid header to fill in.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr() as *mut libc::c_void;
    msg.msg_controllen = std::mem::size_of_val(&control);
    let mut flags = libc::MSG_CMSG_CLOEXEC;
    if nonblocking {
        flags |= libc::MSG_DONTWAIT;
    }
    let received = loop {
        // SAFETY: `msg` points at `iov` (over `buf`) and `control`, both alive and writable
        // for the call, with their true lengths.
        let n = unsafe { libc::recvmsg(socket.as_raw_fd(), &mut msg, flags) };
        if n >= 0 {
            break n as usize;
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    };
    let mut passed = None;
    // SAFETY: the kernel filled `msg_control`/`msg_controllen`; the CMSG_* macros walk only
    // within that length, and an SCM_RIGHTS header's data holds whole RawFds, each a new
    // descriptor now owned by this process (so wrapping it in OwnedFd is sound).
    unsafe {
        let mut header = libc::CMSG_FIRSTHDR(&msg);
        while !header.is_null() {
            if (*header).cmsg_level == libc::SOL_SOCKET && (*header).cmsg_type == libc::SCM_RIGHTS {
                let data = libc::CMSG_DATA(header);
                let payload = (*header).cmsg_len - libc::CMSG_LEN(0) as usize;
                let count = payload / std::mem::size_of::<RawFd>();
                for i in 0..count {
                    let raw = std::ptr::read_unaligned((data as *const RawFd).add(i));
                    let owned = OwnedFd::from_raw_fd(raw);
                    if passed.is_none() {
                        passed = Some(owned);
                    }
                    // Any extra descriptor is dropped (closed) here.
                }
            }
            header = libc::CMSG_NXTHDR(&msg, header);
        }
    }
    Ok((received, passed))
}

/// Takes ownership of a socket descriptor inherited across exec (the zygote's control socket)
/// and marks it close-on-exec; `None` if `fd` is not an open socket.
pub(crate) fn take_inherited_socket(fd: RawFd) -> Option<OwnedFd> {
    use nix::fcntl::{fcntl, FcntlArg, FdFlag};
    if fd < 3 {
        return None;
    }
    let mut stat = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: `fstat` writes a `stat` record into the buffer it is given and nothing else;
    // on an invalid descriptor it fails with EBADF without writing.
    if unsafe { libc::fstat(fd, stat.as_mut_ptr()) } != 0 {
        return None;
    }
    // SAFETY: `fstat` returned 0, so it filled the record.
    let stat = unsafe { stat.assume_init() };
    if stat.st_mode & libc::S_IFMT != libc::S_IFSOCK {
        return None;
    }
    // SAFETY: the descriptor is open (fstat succeeded) and nothing else in this freshly exec'd
    // process owns it: the supervisor passed it for this process alone.
    let owned = unsafe { OwnedFd::from_raw_fd(fd) };
    fcntl(owned.as_raw_fd(), FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC)).ok()?;
    Some(owned)
}

/// Registers a descriptor with the tokio reactor (non-blocking mode is set first). Must be
/// called inside a runtime.
pub(crate) fn register_async(fd: OwnedFd) -> io::Result<tokio::io::unix::AsyncFd<OwnedFd>> {
    use nix::fcntl::{fcntl, FcntlArg, OFlag};
    let flags = fcntl(fd.as_raw_fd(), FcntlArg::F_GETFL).map_err(io::Error::from)?;
    let flags = OFlag::from_bits_truncate(flags) | OFlag::O_NONBLOCK;
    fcntl(fd.as_raw_fd(), FcntlArg::F_SETFL(flags)).map_err(io::Error::from)?;
    // SAFETY: the AsyncFd takes the OwnedFd by value; an OwnedFd keeps its descriptor open
    // until dropped and `as_raw_fd` always returns that same descriptor, which is exactly
    // what `register` requires.
    unsafe { tokio::io::unix::AsyncFd::register(fd) }.map_err(io::Error::from)
}

/// What the SIGBUS handler reports: set once, before the handler is installed, and only read
/// by it (an atomic load, no allocation).
static SIGBUS_REPORT: std::sync::OnceLock<(usize, usize, Vec<u8>, i32)> =
    std::sync::OnceLock::new();

extern "C" fn on_sigbus(_signal: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo for a handler installed with SA_SIGINFO; for
    // SIGBUS `si_addr` is the faulting address.
    let address = unsafe { (*info).si_addr() } as usize;
    if let Some((start, end, message, status)) = SIGBUS_REPORT.get() {
        if (*start..*end).contains(&address) {
            // SAFETY: `write` and `_exit` are async-signal-safe; `message` lives for the rest
            // of the process (a static) and is valid for its length.
            unsafe {
                libc::write(2, message.as_ptr() as *const libc::c_void, message.len());
                libc::_exit(*status);
            }
        }
    }
    // Not the image: back to the default action, which the re-executed access then takes.
    default_signal(Signal::SIGBUS);
}

/// Installs a SIGBUS handler that, for a fault at an address in `range`, writes `message` to
/// stderr and exits with `status`; other SIGBUS faults keep the default action. Forked
/// children inherit it. Call once per process, before any worker is forked.
pub(crate) fn install_sigbus_report(range: std::ops::Range<usize>, message: String, status: i32) {
    use nix::sys::signal::{sigaction, SaFlags, SigAction, SigSet};
    if SIGBUS_REPORT
        .set((range.start, range.end, message.into_bytes(), status))
        .is_err()
    {
        return;
    }
    let action = SigAction::new(
        SigHandler::SigAction(on_sigbus),
        SaFlags::SA_SIGINFO,
        SigSet::empty(),
    );
    // SAFETY: `on_sigbus` only reads a value set before installation and calls
    // async-signal-safe functions (`write`, `_exit`, `signal`).
    let _ = unsafe { sigaction(Signal::SIGBUS, &action) };
}

/// This process's effective user id.
pub(crate) fn effective_uid() -> u32 {
    // SAFETY: `geteuid` has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}
