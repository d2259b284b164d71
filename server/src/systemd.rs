//! Running under systemd: socket activation (the listening socket passed as descriptor 3,
//! `LISTEN_FDS`/`LISTEN_PID`/`LISTEN_FDNAMES`) and the notification protocol (`sd_notify`:
//! datagrams to `$NOTIFY_SOCKET` saying `READY=1`, `RELOADING=1`, `STOPPING=1`, `STATUS=`,
//! `WATCHDOG=1`). Both read their variables once, at start, and remove them from the
//! environment so that zygotes and workers never see them.

use std::os::fd::AsRawFd;
use std::os::unix::net::{SocketAddr, UnixDatagram, UnixListener};
use std::path::PathBuf;
use std::time::Duration;
use tracing::debug;

/// The first descriptor systemd passes (`SD_LISTEN_FDS_START`).
const LISTEN_FDS_START: i32 = 3;

/// Takes the listening socket systemd passed, if it passed one to this process: `LISTEN_PID`
/// must be this pid (otherwise the variables were meant for another process and are ignored)
/// and `LISTEN_FDS` must be 1, a listening Unix stream socket at descriptor 3. Removes the
/// three variables in any case. Call while the process has one thread.
pub fn take_listener() -> Result<Option<(UnixListener, Option<PathBuf>)>, String> {
    let pid = std::env::var("LISTEN_PID").ok();
    let fds = std::env::var("LISTEN_FDS").ok();
    let names = std::env::var("LISTEN_FDNAMES").ok();
    for name in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] {
        std::env::remove_var(name);
    }
    let (Some(pid), Some(fds)) = (pid, fds) else {
        return Ok(None);
    };
    if pid.trim().parse::<u32>().ok() != Some(std::process::id()) {
        // Meant for another process (inherited through a wrapper that did not exec).
        return Ok(None);
    }
    let count: u32 = fds
        .trim()
        .parse()
        .map_err(|_| format!("LISTEN_FDS={fds:?} is not a number"))?;
    match count {
        0 => return Ok(None),
        1 => {}
        n => {
            return Err(format!(
                "systemd passed {n} sockets (LISTEN_FDNAMES={}); the socket unit must have one \
                 ListenStream=",
                names.as_deref().unwrap_or("")
            ))
        }
    }
    let fd = crate::fork::take_inherited_socket(LISTEN_FDS_START)
        .ok_or("LISTEN_FDS=1 but descriptor 3 is not a socket")?;
    use nix::sys::socket::{getsockname, getsockopt, sockopt, SockType, UnixAddr};
    let stream = getsockopt(&fd, sockopt::SockType).ok() == Some(SockType::Stream);
    let listening = getsockopt(&fd, sockopt::AcceptConn).unwrap_or(false);
    let address = getsockname::<UnixAddr>(fd.as_raw_fd()).ok();
    let (true, true, Some(address)) = (stream, listening, address) else {
        return Err(
            "the socket systemd passed is not a listening Unix stream socket (use ListenStream= \
             with a path, Accept=no)"
                .into(),
        );
    };
    let listener = UnixListener::from(fd);
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("the socket systemd passed: {e}"))?;
    Ok(Some((listener, address.path().map(PathBuf::from))))
}

/// Where `sd_notify` messages go: `$NOTIFY_SOCKET`, if set. Without it every method does
/// nothing.
#[derive(Debug)]
pub struct Notifier {
    target: Option<(UnixDatagram, SocketAddr)>,
    watchdog: Option<Duration>,
}

impl Notifier {
    /// A notifier that sends nothing.
    pub fn none() -> Notifier {
        Notifier {
            target: None,
            watchdog: None,
        }
    }

    /// Reads `NOTIFY_SOCKET` (a path, or an abstract name after `@`) and `WATCHDOG_USEC`
    /// (with `WATCHDOG_PID`, if set, naming this process), and removes them from the
    /// environment. Call while the process has one thread.
    pub fn from_env() -> Notifier {
        let socket = std::env::var_os("NOTIFY_SOCKET");
        let usec = std::env::var("WATCHDOG_USEC").ok();
        let pid = std::env::var("WATCHDOG_PID").ok();
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"] {
            std::env::remove_var(name);
        }
        let target = socket.and_then(|socket| match Self::connect(&socket) {
            Ok(target) => Some(target),
            Err(e) => {
                // Read before logging is set up: straight to stderr.
                eprintln!(
                    "permafrost: NOTIFY_SOCKET={}: {e}; not notifying systemd",
                    socket.to_string_lossy()
                );
                None
            }
        });
        let for_us = pid.is_none_or(|p| p.trim().parse::<u32>().ok() == Some(std::process::id()));
        let watchdog = usec
            .and_then(|u| u.trim().parse::<u64>().ok())
            .filter(|&u| u > 0 && for_us && target.is_some())
            .map(Duration::from_micros);
        Notifier { target, watchdog }
    }

    fn connect(socket: &std::ffi::OsStr) -> std::io::Result<(UnixDatagram, SocketAddr)> {
        use std::os::unix::ffi::OsStrExt;
        let bytes = socket.as_bytes();
        let address = match bytes.strip_prefix(b"@") {
            Some(name) => {
                use std::os::linux::net::SocketAddrExt;
                SocketAddr::from_abstract_name(name)?
            }
            None => SocketAddr::from_pathname(std::path::Path::new(socket))?,
        };
        let sender = UnixDatagram::unbound()?;
        // The event loop sends: a full receive queue drops a message rather than stall it.
        sender.set_nonblocking(true)?;
        Ok((sender, address))
    }

    /// Whether there is a `$NOTIFY_SOCKET` to talk to.
    pub fn enabled(&self) -> bool {
        self.target.is_some()
    }

    /// How often to send `WATCHDOG=1`: half `WATCHDOG_USEC`, when systemd set one.
    pub fn watchdog_interval(&self) -> Option<Duration> {
        self.watchdog.map(|w| w / 2)
    }

    /// Sends one datagram of `KEY=VALUE` lines.
    pub fn send(&self, message: &str) {
        if let Some((sender, address)) = &self.target {
            if let Err(e) = sender.send_to_addr(message.as_bytes(), address) {
                debug!("sd_notify {message:?}: {e}");
            }
        }
    }

    /// `READY=1` with a status line.
    pub fn ready(&self, status: &str) {
        self.send(&format!("READY=1\nSTATUS={}", one_line(status)));
    }

    /// `RELOADING=1` with the `CLOCK_MONOTONIC` time systemd ≥ 253 wants beside it.
    pub fn reloading(&self, status: &str) {
        let usec = nix::time::clock_gettime(nix::time::ClockId::CLOCK_MONOTONIC)
            .map(|t| t.tv_sec() as u64 * 1_000_000 + t.tv_nsec() as u64 / 1000)
            .unwrap_or(0);
        self.send(&format!(
            "RELOADING=1\nMONOTONIC_USEC={usec}\nSTATUS={}",
            one_line(status)
        ));
    }

    /// `STOPPING=1` with a status line.
    pub fn stopping(&self, status: &str) {
        self.send(&format!("STOPPING=1\nSTATUS={}", one_line(status)));
    }

    /// A `STATUS=` line alone.
    pub fn status(&self, status: &str) {
        self.send(&format!("STATUS={}", one_line(status)));
    }

    /// `WATCHDOG=1`: the supervisor's event loop is turning.
    pub fn watchdog(&self) {
        self.send("WATCHDOG=1");
    }
}

/// A status is one line: a multi-line reason (a traceback) keeps its last line.
fn one_line(status: &str) -> String {
    let trimmed = status.trim_end();
    match trimmed.split_once('\n') {
        Some((first, _)) => {
            let last = trimmed.lines().next_back().unwrap_or(first).trim();
            format!("{} {last}", first.trim_end_matches(':'))
        }
        None => trimmed.to_string(),
    }
}
