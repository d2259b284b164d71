//! The zygote and the workers it forks.
//!
//! `spawn` starts a zygote as a fresh process: the `permafrost` binary itself
//! (`/proc/self/exe`), run with the hidden `zygote` subcommand and the control socket as an
//! inherited descriptor ([`exec_main`]). Being exec'd rather than forked, a zygote can be
//! started from the multi-threaded supervisor at any time (a restart after the zygote died, a
//! reload on SIGHUP), and it opens and validates the image at the path itself, so a reload
//! reads whatever file is there now. The zygote preloads every module once
//! (`Interpreter::preload`), freezes the heap in the `permanent` layout, records which
//! anonymous writable ranges its children will inherit, reports "ready" and then does nothing
//! but fork workers on request and reap them. It never allocates after the handshake, so its
//! pages stay as they were when the first worker was forked.
//!
//! The supervisor talks to it over a `SOCK_SEQPACKET` socketpair, one message per packet:
//!
//! | direction | message | meaning |
//! | --- | --- | --- |
//! | supervisor → zygote | `S` | fork one worker |
//! | zygote → supervisor | `R` image start, end (u64 each), code objects (u32), count (u32), count × (start u64, end u64) | preloaded; the image mapping and the inherited ranges |
//! | zygote → supervisor | `V` message | the image is missing or invalid; the zygote exits 1 |
//! | zygote → supervisor | `E` traceback | preload raised; the zygote exits 1 |
//! | zygote → supervisor | `W` pid (i32) + the supervisor's end of the worker's socket (`SCM_RIGHTS`) | a worker was forked |
//! | zygote → supervisor | `F` message | a fork failed |
//! | zygote → supervisor | `D` pid (i32), kind (u8: 0 exit, 1 signal), value (i32) | a worker died and was reaped |
//!
//! The supervisor closing its end tells the zygote to shut down: it waits briefly for its
//! workers (whose job sockets the supervisor has closed) and kills any that remain.
//!
//! Workers and the zygote die with their parent (`PR_SET_PDEATHSIG`, see [`fork`]).
//! A worker reads jobs (the client's request line) from its socket and writes *frames* back:
//! a 4-byte little-endian length, then that many bytes. Its first frame is `ready`; for each
//! job it sends `start` as soon as it has read the line (before any of the job runs, so a job
//! whose worker dies before `start` arrives never ran and may be given to another worker),
//! then the reply (`protocol::call_reply`, at most `--max-reply-bytes`, else an error reply
//! naming the size). A worker that must not take more jobs (its interpreter panicked) sends
//! `retire` before its last reply. A frame cut short by the worker's death is discarded, so
//! a reply arrives whole or not at all.

use crate::cli::IsolateMode;
use crate::fork::{self, Forked};
use crate::protocol;
use nix::poll::{PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::socket::{socketpair, AddressFamily, SockFlag, SockType};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;
use permafrost_image::Image;
use permafrost_worker::{Interpreter, Layout};
use std::io::{BufRead, BufReader, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Largest message on the control socket.
pub(crate) const MAX_MESSAGE: usize = 65536;
/// Most workers the zygote tracks at once (live plus not yet reaped).
const MAX_CHILDREN: usize = 4096;
/// How long the zygote waits for its workers to exit at shutdown before killing them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// What a zygote reports once it has preloaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Preloaded {
    /// The image mapping's address range (the same in every worker: they inherit it).
    pub image_range: (u64, u64),
    /// Code objects in the image.
    pub code_objects: u32,
    /// Anonymous writable address ranges (`[heap]` and anonymous mappings) of the zygote after
    /// preloading: what every worker inherits.
    pub inherited: Vec<(u64, u64)>,
}

/// How to start a zygote: the `zygote` subcommand's arguments.
#[derive(Clone, Debug)]
pub struct ZygoteOptions {
    /// The image file, opened and validated by the zygote.
    pub image: std::path::PathBuf,
    /// The host-wide image store the zygote places the image in and maps it from.
    pub image_store: std::path::PathBuf,
    /// Memory layout of code and constants.
    pub layout: Layout,
    /// Whether jobs may use `exec`, `eval` and `compile`.
    pub dynamic_code: bool,
    /// Largest reply a worker sends; a larger one becomes an error reply.
    pub max_reply_bytes: usize,
    /// The worker sandbox.
    pub sandbox: crate::sandbox::SandboxOptions,
    /// `--isolate`: after a job, a worker resets itself to its state after the fork (`Reset`)
    /// or exits (`Fork`).
    pub isolate: Option<crate::cli::IsolateMode>,
    /// `--pass-env`: the environment variables kept for the zygote and its workers when the
    /// sandbox is on (everything else is dropped).
    pub pass_env: Vec<String>,
}

/// Starts a zygote process (see the module docs); returns its pid and the supervisor's end of
/// its control socket. The zygote reports `R`, `V` or `E` on the socket once it has preloaded
/// or failed. Safe to call from a multi-threaded process: the child is exec'd at once.
pub(crate) fn spawn(options: &ZygoteOptions) -> std::io::Result<(Pid, OwnedFd)> {
    use nix::fcntl::{fcntl, FcntlArg, FdFlag};
    let (supervisor_end, zygote_end) = socketpair(
        AddressFamily::Unix,
        SockType::SeqPacket,
        None,
        SockFlag::SOCK_CLOEXEC,
    )?;
    // The zygote's end must survive exec; only the supervisor's event-loop thread starts
    // processes, so no other child can inherit it in between.
    fcntl(zygote_end.as_raw_fd(), FcntlArg::F_SETFD(FdFlag::empty()))?;
    let mut command = std::process::Command::new("/proc/self/exe");
    // `ps` shows `permafrost zygote IMAGE ...`.
    std::os::unix::process::CommandExt::arg0(&mut command, "permafrost");
    command
        .arg("zygote")
        .arg(&options.image)
        .arg("--image-store")
        .arg(&options.image_store)
        .arg("--control-fd")
        .arg(zygote_end.as_raw_fd().to_string())
        .arg("--supervisor")
        .arg(nix::unistd::getpid().as_raw().to_string())
        .arg("--layout")
        .arg(match options.layout {
            Layout::Permanent => "permanent",
            Layout::Transient => "transient",
        })
        .arg("--max-reply-bytes")
        .arg(options.max_reply_bytes.to_string())
        .arg("--max-worker-rss")
        .arg((MAX_WORKER_RSS_KB.load(Ordering::Relaxed) / 1024).to_string())
        .arg("--worker-memory")
        .arg((permafrost_worker::budget::limit() >> 20).to_string())
        .stdin(std::process::Stdio::null());
    if !options.dynamic_code {
        command.arg("--no-dynamic-code");
    }
    match options.isolate {
        Some(crate::cli::IsolateMode::Reset) => command.args(["--isolate", "reset"]),
        Some(crate::cli::IsolateMode::Fork) => command.args(["--isolate", "fork"]),
        None => &mut command,
    };
    if crate::logging_json() {
        // Its lines go to the same stderr as the supervisor's: one format for the shipper.
        command.args(["--log-format", "json"]);
    }
    if options.sandbox.enabled {
        // The workers inherit the zygote's environment, and so does everything the image
        // reads from it while preloading (`os.environ`): only --pass-env variables.
        command.env_clear();
        for name in &options.pass_env {
            if let Some(value) = std::env::var_os(name) {
                command.env(name, value);
            }
        }
        if let Some(user) = &options.sandbox.user {
            command.arg("--user").arg(user);
        }
        if options.sandbox.cpu_seconds > 0 {
            command
                .arg("--worker-cpu-seconds")
                .arg(options.sandbox.cpu_seconds.to_string());
        }
    } else {
        command.arg("--no-sandbox");
    }
    let child = command.spawn()?;
    drop(zygote_end);
    // The supervisor reaps the zygote by pid (`waitpid`), not through `Child`.
    Ok((Pid::from_raw(child.id() as i32), supervisor_end))
}

/// How a worker ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DeathStatus {
    Exited(i32),
    Signaled(i32),
    /// Its zygote died, and the parent-death signal took it too.
    Orphaned,
}

impl DeathStatus {
    /// `killed by signal 9 (SIGKILL)` / `exited with status 3`.
    pub(crate) fn describe(&self) -> String {
        match *self {
            DeathStatus::Exited(crate::store::IMAGE_FAULT_STATUS) => format!(
                "exited with status {} (SIGBUS: its image store file was truncated)",
                crate::store::IMAGE_FAULT_STATUS
            ),
            DeathStatus::Exited(code) => format!("exited with status {code}"),
            DeathStatus::Orphaned => "was killed: its zygote died".to_string(),
            DeathStatus::Signaled(sig) => match Signal::try_from(sig) {
                Ok(signal) => format!("killed by signal {sig} ({})", signal.as_str()),
                Err(_) => format!("killed by signal {sig}"),
            },
        }
    }
}

/// A message from the zygote, decoded.
#[derive(Debug)]
pub(crate) enum ZygoteMessage {
    Ready(Preloaded),
    ImageInvalid(String),
    PreloadFailed(String),
    Spawned { pid: Pid, socket: OwnedFd },
    SpawnFailed(String),
    Died { pid: Pid, status: DeathStatus },
}

/// Decodes one control packet; `None` if it is malformed.
pub(crate) fn decode(packet: &[u8], fd: Option<OwnedFd>) -> Option<ZygoteMessage> {
    let (&tag, body) = packet.split_first()?;
    let i32_at = |at: usize| -> Option<i32> {
        Some(i32::from_le_bytes(body.get(at..at + 4)?.try_into().ok()?))
    };
    let u64_at = |at: usize| -> Option<u64> {
        Some(u64::from_le_bytes(body.get(at..at + 8)?.try_into().ok()?))
    };
    match tag {
        b'R' => {
            let u32_at = |at: usize| -> Option<u32> {
                Some(u32::from_le_bytes(body.get(at..at + 4)?.try_into().ok()?))
            };
            let image_range = (u64_at(0)?, u64_at(8)?);
            let code_objects = u32_at(16)?;
            let count = u32_at(20)? as usize;
            let mut ranges = Vec::with_capacity(count.min(MAX_MESSAGE / 16));
            for i in 0..count {
                ranges.push((u64_at(24 + i * 16)?, u64_at(32 + i * 16)?));
            }
            Some(ZygoteMessage::Ready(Preloaded {
                image_range,
                code_objects,
                inherited: ranges,
            }))
        }
        b'V' => Some(ZygoteMessage::ImageInvalid(
            String::from_utf8_lossy(body).into_owned(),
        )),
        b'E' => Some(ZygoteMessage::PreloadFailed(
            String::from_utf8_lossy(body).into_owned(),
        )),
        b'W' => Some(ZygoteMessage::Spawned {
            pid: Pid::from_raw(i32_at(0)?),
            socket: fd?,
        }),
        b'F' => Some(ZygoteMessage::SpawnFailed(
            String::from_utf8_lossy(body).into_owned(),
        )),
        b'D' => {
            let pid = Pid::from_raw(i32_at(0)?);
            let kind = *body.get(4)?;
            let value = i32_at(5)?;
            let status = if kind == 0 {
                DeathStatus::Exited(value)
            } else {
                DeathStatus::Signaled(value)
            };
            Some(ZygoteMessage::Died { pid, status })
        }
        _ => None,
    }
}

/// The `zygote` subcommand: the process `spawn` starts. Takes the inherited control socket,
/// opens and validates the image, then preloads and serves fork requests; never returns.
pub fn exec_main(options: ZygoteOptions, control_fd: i32, supervisor: i32) -> ! {
    let Some(control) = fork::take_inherited_socket(control_fd) else {
        eprintln!("permafrost zygote: descriptor {control_fd} is not a socket");
        fork::exit_now(2);
    };
    fork::die_with_parent(Pid::from_raw(supervisor));
    // The image is mapped from the host-wide store, so that every server of the same
    // content shares one copy of its pages.
    let (store_file, mapped) = match crate::store::place(&options.image_store, &options.image) {
        Ok((store_file, mapped, warning)) => {
            if let Some(warning) = warning {
                tracing::warn!("{warning}");
            }
            (store_file, mapped)
        }
        Err(e) => {
            let message = format!("V{}: {e}", options.image.display());
            let _ = fork::send_with_fd(
                control.as_fd(),
                truncate_utf8(&message, MAX_MESSAGE).as_bytes(),
                None,
            );
            fork::exit_now(1);
        }
    };
    let range = mapped.range();
    crate::store::install_fault_report(range.clone(), &store_file);
    drop(store_file);
    let image_range = (range.start as u64, range.end as u64);
    let code_objects = mapped.image().code_count();
    zygote_main(control, mapped.leak(), image_range, code_objects, &options)
}

fn zygote_main(
    control: OwnedFd,
    image: Image<'static>,
    image_range: (u64, u64),
    code_objects: u32,
    options: &ZygoteOptions,
) -> ! {
    let (layout, dynamic_code, max_reply_bytes) = (
        options.layout,
        options.dynamic_code,
        options.max_reply_bytes,
    );
    // Resolved here, where /etc/passwd may still be read; the workers only switch to it.
    let identity = match options
        .sandbox
        .user
        .as_deref()
        .filter(|_| options.sandbox.enabled)
        .map(crate::sandbox::resolve_user)
        .transpose()
    {
        Ok(identity) => identity,
        Err(message) => {
            let message = format!("V{message}");
            let _ = fork::send_with_fd(control.as_fd(), message.as_bytes(), None);
            fork::exit_now(1);
        }
    };
    let filters = if options.sandbox.enabled {
        match crate::sandbox::Filters::new() {
            Ok(filters) => Some(filters),
            Err(message) => {
                let message = format!("V{message}");
                let _ = fork::send_with_fd(control.as_fd(), message.as_bytes(), None);
                fork::exit_now(1);
            }
        }
    } else {
        None
    };
    let worker = WorkerConfig {
        max_reply_bytes,
        filters,
        sandbox: options.sandbox.enabled,
        identity,
        cpu_seconds: options.sandbox.cpu_seconds,
        isolate: options.isolate,
        threads: dynamic_code,
    };
    // Own process group: a terminal's Ctrl-C reaches only the supervisor, which shuts the
    // pool down in order; SIGINT is ignored here for the same reason, and so are the
    // signals the supervisor takes as commands (SIGHUP reload, SIGUSR1/2), should they be
    // sent to the whole tree.
    let _ = nix::unistd::setpgid(Pid::from_raw(0), Pid::from_raw(0));
    for signal in [
        Signal::SIGINT,
        Signal::SIGHUP,
        Signal::SIGUSR1,
        Signal::SIGUSR2,
    ] {
        fork::ignore_signal(signal);
    }
    let mut sigchld = SigSet::empty();
    sigchld.add(Signal::SIGCHLD);
    if sigchld.thread_block().is_err() {
        fork::exit_now(70);
    }
    let Ok(child_events) =
        SignalFd::with_flags(&sigchld, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK)
    else {
        fork::exit_now(70);
    };

    // On the heap, not in a stack frame: a reset worker (`--isolate-mode reset`) restores the
    // heap and the stacks above its own frame, and the closure below would otherwise carry
    // the interpreter onto the interpreter thread's stack, near that frame.
    let mut interp = Box::new(Interpreter::new(image, layout));
    let preloaded = catch_unwind(AssertUnwindSafe(|| interp.preload()));
    let failure = match preloaded {
        Ok(Ok(())) => None,
        Ok(Err(report)) => Some(report.traceback),
        Err(panic) => Some(format!(
            "InternalError: the interpreter panicked while preloading: {}\n",
            panic_message(&*panic)
        )),
    };
    if let Some(traceback) = failure {
        let mut message = Vec::with_capacity(traceback.len() + 1);
        message.push(b'E');
        message.extend_from_slice(truncate_utf8(&traceback, MAX_MESSAGE - 1).as_bytes());
        let _ = fork::send_with_fd(control.as_fd(), &message, None);
        fork::exit_now(1);
    }
    // Preloading is the image's own code; jobs are what `--no-dynamic-code` is about.
    interp.set_dynamic_code(dynamic_code);
    // Sandboxed workers cannot read files: what native modules read lazily is read now.
    permafrost_worker::load_host_state();
    if layout == Layout::Permanent {
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| interp.freeze_heap())) {
            let message = format!(
                "EInternalError: the interpreter panicked while freezing the heap: {}\n",
                panic_message(&*panic)
            );
            let _ = fork::send_with_fd(control.as_fd(), message.as_bytes(), None);
            fork::exit_now(1);
        }
    }
    // The rest of the zygote's life runs on the interpreter thread (the big reserved stack),
    // and so does each worker it forks: a worker then starts no thread of its own, which
    // would cost it a stack mapping, a clone and the C library's per-thread setup before
    // every first job. The main thread only waits in `join`, holding no lock, so forking
    // from the other thread is as safe as from a single-threaded process. Started before
    // the handshake: that thread's C-level allocations (glibc's thread-local destructors
    // and TLS) are made now, while the zygote may still allocate.
    let image_info = (image_range, code_objects);
    let parked = 0u8;
    crate::reset::note_parked_stack(std::hint::black_box(&parked as *const u8 as usize));
    permafrost_worker::on_interpreter_stack(move || {
        serve_forks(
            control,
            child_events,
            sigchld,
            &mut interp,
            image_info,
            &worker,
        )
    });
    fork::exit_now(70)
}

/// The zygote after preloading, on its interpreter thread: reports ready, then forks workers
/// on request and reaps them until the supervisor closes the control socket.
fn serve_forks(
    control: OwnedFd,
    child_events: SignalFd,
    sigchld: SigSet,
    interp: &mut Interpreter,
    (image_range, code_objects): ((u64, u64), u32),
    worker: &WorkerConfig,
) -> ! {
    let ranges = inherited_ranges();
    let count = ranges.len().min((MAX_MESSAGE - 25) / 16);
    let mut ready = Vec::with_capacity(25 + count * 16);
    ready.push(b'R');
    ready.extend_from_slice(&image_range.0.to_le_bytes());
    ready.extend_from_slice(&image_range.1.to_le_bytes());
    ready.extend_from_slice(&code_objects.to_le_bytes());
    ready.extend_from_slice(&(count as u32).to_le_bytes());
    for &(start, end) in &ranges[..count] {
        ready.extend_from_slice(&start.to_le_bytes());
        ready.extend_from_slice(&end.to_le_bytes());
    }
    // Under --isolate-mode reset the heap moves into a memfd below; the file is made now,
    // while the zygote may still create one.
    let heap_file = if worker.isolate == Some(IsolateMode::Reset) {
        match crate::reset::heap_file() {
            Ok(file) => Some(file),
            Err(message) => {
                let message = format!("V{message}");
                let _ = fork::send_with_fd(control.as_fd(), message.as_bytes(), None);
                fork::exit_now(1);
            }
        }
    } else {
        None
    };
    // The sandbox's wide part, inherited by every worker: forked, a worker only adds its
    // short filter. Installed last, once the zygote has read what it reads.
    if let Some(filters) = &worker.filters {
        if let Err(message) = crate::sandbox::lock_down_zygote(filters) {
            let message = format!("V{message}");
            let _ = fork::send_with_fd(control.as_fd(), message.as_bytes(), None);
            fork::exit_now(1);
        }
    }
    if fork::send_with_fd(control.as_fd(), &ready, None).is_err() {
        fork::exit_now(1);
    }
    drop(ready);
    drop(ranges);
    if let Some(file) = heap_file {
        // The last allocation is behind us: the heap is what every worker inherits.
        if crate::reset::share_heap(file).is_err() {
            fork::exit_now(70);
        }
    }

    // From here on: no heap allocation in the zygote (state lives on its stack), so the pages
    // its workers inherit are never written by it.
    let mut children = [0i32; MAX_CHILDREN];
    let mut child_count = 0usize;
    let zygote_pid = nix::unistd::getpid();
    loop {
        let mut fds = [
            PollFd::new(control.as_fd(), PollFlags::POLLIN),
            PollFd::new(child_events.as_fd(), PollFlags::POLLIN),
        ];
        if nix::poll::poll(&mut fds, PollTimeout::NONE).is_err() {
            continue; // EINTR
        }
        let control_ready = fds[0].any().unwrap_or(false);
        let children_ready = fds[1].any().unwrap_or(false);
        if children_ready {
            while let Ok(Some(_)) = child_events.read_signal() {}
            reap(&control, &mut children, &mut child_count, false);
        }
        if control_ready {
            let mut packet = [0u8; 16];
            match fork::recv_with_fd(control.as_fd(), &mut packet, true) {
                Ok((0, _)) => break,
                Ok((_, _)) if packet[0] == b'S' => {
                    if child_count == MAX_CHILDREN {
                        let _ = fork::send_with_fd(control.as_fd(), b"Ftoo many workers", None);
                        continue;
                    }
                    if let Some(pid) = spawn_worker(
                        &control,
                        &child_events,
                        &sigchld,
                        zygote_pid,
                        interp,
                        worker,
                    ) {
                        children[child_count] = pid;
                        child_count += 1;
                    }
                }
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(_) => break,
            }
        }
    }

    // The supervisor is gone or shutting down: give the workers a moment to finish, then kill.
    let deadline = Instant::now() + SHUTDOWN_GRACE;
    while child_count > 0 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            for &pid in &children[..child_count] {
                let _ = nix::sys::signal::kill(Pid::from_raw(pid), Signal::SIGKILL);
            }
            reap(&control, &mut children, &mut child_count, true);
            break;
        }
        let mut fds = [PollFd::new(child_events.as_fd(), PollFlags::POLLIN)];
        let millis = u16::try_from(left.as_millis().clamp(1, 1000)).unwrap_or(1000);
        let _ = nix::poll::poll(&mut fds, PollTimeout::from(millis));
        while let Ok(Some(_)) = child_events.read_signal() {}
        reap(&control, &mut children, &mut child_count, false);
    }
    fork::exit_now(0)
}

/// Reaps dead workers and reports each to the supervisor. With `block`, waits for every child.
fn reap(control: &OwnedFd, children: &mut [i32], count: &mut usize, block: bool) {
    let flags = if block {
        None
    } else {
        Some(WaitPidFlag::WNOHANG)
    };
    loop {
        let (pid, kind, value) = match waitpid(None, flags) {
            Ok(WaitStatus::Exited(pid, code)) => (pid, 0u8, code),
            Ok(WaitStatus::Signaled(pid, sig, _)) => (pid, 1u8, sig as i32),
            Ok(WaitStatus::StillAlive) | Err(_) => return,
            Ok(_) => continue,
        };
        if let Some(slot) = children[..*count].iter().position(|&c| c == pid.as_raw()) {
            children[slot] = children[*count - 1];
            *count -= 1;
        }
        let mut message = [0u8; 10];
        message[0] = b'D';
        message[1..5].copy_from_slice(&pid.as_raw().to_le_bytes());
        message[5] = kind;
        message[6..10].copy_from_slice(&value.to_le_bytes());
        let _ = fork::send_with_fd(control.as_fd(), &message, None);
    }
}

/// Forks one worker; in the zygote returns its pid after handing its socket to the supervisor.
fn spawn_worker(
    control: &OwnedFd,
    child_events: &SignalFd,
    sigchld: &SigSet,
    zygote_pid: Pid,
    interp: &mut Interpreter,
    config: &WorkerConfig,
) -> Option<i32> {
    let (supervisor_end, worker_end) = match socketpair(
        AddressFamily::Unix,
        SockType::Stream,
        None,
        SockFlag::SOCK_CLOEXEC,
    ) {
        Ok(pair) => pair,
        Err(e) => {
            report_spawn_failure(control, "socketpair", e as i32);
            return None;
        }
    };
    match fork::fork() {
        Ok(Forked::Child) => {
            fork::die_with_parent(zygote_pid);
            // First, before anything allocates: new objects go to fresh pages of our own.
            crate::alloc::enter_worker_mode();
            // Under memory pressure the kernel kills a worker (the supervisor replaces it),
            // never the supervisor or the zygote. Raising one's own score needs no privilege.
            let _ = std::fs::write("/proc/self/oom_score_adj", "1000");
            let _ = nix::unistd::close(control.as_raw_fd());
            let _ = nix::unistd::close(child_events.as_raw_fd());
            drop(supervisor_end);
            let _ = sigchld.thread_unblock();
            fork::default_signal(Signal::SIGCHLD);
            // Kept open for the --max-worker-rss check: a sandboxed worker cannot open files.
            if let Ok(statm) = std::fs::File::open("/proc/self/statm") {
                let _ = STATM.set(statm);
            }
            // What the reset after each job reads, opened while files can be.
            let proc_files = if config.isolate == Some(IsolateMode::Reset) {
                let Some(files) = crate::reset::open_proc_files() else {
                    fork::exit_now(SANDBOX_FAILED);
                };
                Some(files)
            } else {
                None
            };
            if config.sandbox {
                let mut keep = vec![worker_end.as_raw_fd()];
                keep.extend(STATM.get().map(|f| f.as_raw_fd()));
                keep.extend(proc_files.iter().flat_map(crate::reset::raw_fds));
                if crate::sandbox::enter_worker(&keep, false, config.identity.as_ref()).is_err() {
                    fork::exit_now(SANDBOX_FAILED);
                }
                if config.identity.is_some() {
                    // Changing credentials cleared the parent-death signal: set it again.
                    fork::die_with_parent(zygote_pid);
                }
            }
            // Already on the interpreter thread (the zygote forks from it), now the only
            // thread of this process: jobs run inline on its big stack.
            if let Some(filters) = &config.filters {
                // A reset worker serves many jobs, each of which may use `cpu_seconds`: it
                // is replaced once it has used that much (see `worker_main`), so its own
                // limit is twice that.
                let cpu_seconds = match config.isolate {
                    Some(IsolateMode::Reset) => config.cpu_seconds.saturating_mul(2),
                    _ => config.cpu_seconds,
                };
                if crate::sandbox::lock_down(filters, cpu_seconds, config.threads).is_err() {
                    fork::exit_now(SANDBOX_FAILED);
                }
            }
            worker_main(worker_end, interp, config, proc_files)
        }
        Ok(Forked::Parent(pid)) => {
            drop(worker_end);
            let mut message = [0u8; 5];
            message[0] = b'W';
            message[1..5].copy_from_slice(&pid.as_raw().to_le_bytes());
            let _ = fork::send_with_fd(control.as_fd(), &message, Some(supervisor_end.as_fd()));
            Some(pid.as_raw())
        }
        Err(e) => {
            report_spawn_failure(control, "fork", e.raw_os_error().unwrap_or(0));
            None
        }
    }
}

fn report_spawn_failure(control: &OwnedFd, what: &str, errno: i32) {
    // Fixed-size message on the stack: the zygote does not allocate after the handshake.
    let mut message = [0u8; 64];
    message[0] = b'F';
    let text = what.as_bytes();
    let n = text.len().min(40);
    message[1..1 + n].copy_from_slice(&text[..n]);
    let mut len = 1 + n;
    for &b in b" failed, errno " {
        message[len] = b;
        len += 1;
    }
    let mut digits = [0u8; 10];
    let mut value = errno.unsigned_abs();
    let mut d = 0;
    loop {
        digits[d] = b'0' + (value % 10) as u8;
        d += 1;
        value /= 10;
        if value == 0 || d == digits.len() {
            break;
        }
    }
    while d > 0 && len < message.len() {
        d -= 1;
        message[len] = digits[d];
        len += 1;
    }
    let _ = fork::send_with_fd(control.as_fd(), &message[..len], None);
}

/// How a worker's job loop is set up: what `spawn_worker` hands each forked worker.
struct WorkerConfig {
    max_reply_bytes: usize,
    /// Apply the worker sandbox.
    sandbox: bool,
    /// The sandbox's seccomp programs, compiled before any fork.
    filters: Option<crate::sandbox::Filters>,
    /// `--user`, resolved.
    identity: Option<crate::sandbox::Identity>,
    cpu_seconds: u64,
    isolate: Option<IsolateMode>,
    /// Jobs may start threads (the compiler behind `exec`/`eval`/`compile` runs on one).
    threads: bool,
}

/// The exit status of a worker that could not apply its sandbox (`EX_CONFIG`): it never ran
/// a job.
pub(crate) const SANDBOX_FAILED: i32 = 78;

/// This worker's `/proc/self/statm`, opened before the sandbox forbids opening files.
static STATM: std::sync::OnceLock<std::fs::File> = std::sync::OnceLock::new();

/// `--max-worker-rss` in KiB (0: no limit): set by `serve`, passed on to the zygote process,
/// read by its workers after each job.
static MAX_WORKER_RSS_KB: AtomicU64 = AtomicU64::new(0);

/// Sets `--max-worker-rss`: a worker whose RSS is above `mb` MiB after a job is replaced.
pub fn set_max_worker_rss_mb(mb: u64) {
    MAX_WORKER_RSS_KB.store(mb.saturating_mul(1024), Ordering::Relaxed);
}

/// Whether this worker's resident memory is above `--max-worker-rss` (uWSGI's reload-on-rss).
fn above_max_rss() -> bool {
    let limit = MAX_WORKER_RSS_KB.load(Ordering::Relaxed);
    if limit == 0 {
        return false;
    }
    use std::os::unix::fs::FileExt;
    let Some(statm) = STATM.get() else {
        return false;
    };
    // `size resident shared ...` in pages; read from offset 0, the kernel renders it anew.
    let mut buf = [0u8; 256];
    let Ok(n) = statm.read_at(&mut buf, 0) else {
        return false;
    };
    let resident_pages: u64 = std::str::from_utf8(&buf[..n])
        .ok()
        .and_then(|text| text.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0);
    let page_kb = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE)
        .ok()
        .flatten()
        .map_or(4, |bytes| (bytes as u64 / 1024).max(1));
    resident_pages * page_kb > limit
}

/// Writes one frame: the payload's length (u32, little-endian), then the payload.
fn send_frame(writer: &mut impl Write, payload: &[u8]) -> std::io::Result<()> {
    let header = (payload.len() as u32).to_le_bytes();
    if payload.len() <= 64 * 1024 {
        // One write for the common small frame.
        let mut frame = Vec::with_capacity(4 + payload.len());
        frame.extend_from_slice(&header);
        frame.extend_from_slice(payload);
        writer.write_all(&frame)
    } else {
        writer.write_all(&header)?;
        writer.write_all(payload)
    }
}

/// What a worker does once a job is answered.
enum AfterJob {
    /// Serves the next one.
    Next,
    /// Exits with this status; the supervisor replaces it.
    Exit(i32),
}

/// The worker's life: announce readiness, then run one job per line until the supervisor
/// closes the socket. Under `--isolate-mode reset` (`proc_files` given), the worker puts its
/// memory back to its state at the `ready` frame after every job (`reset::Snapshot`).
fn worker_main(
    socket: OwnedFd,
    interp: &mut Interpreter,
    config: &WorkerConfig,
    proc_files: Option<(std::fs::File, std::fs::File, std::fs::File)>,
) -> ! {
    let stream = UnixStream::from(socket);
    let Some((maps, pagemap, statm)) = proc_files else {
        // `random` and others reseed per process here, so no two workers share a sequence.
        interp.after_fork_in_child();
        let mut reader = BufReader::with_capacity(64 * 1024, &stream);
        if send_frame(&mut &stream, b"ready").is_err() {
            fork::exit_now(0);
        }
        loop {
            if let AfterJob::Exit(code) = serve_job(&mut reader, &stream, interp, config) {
                fork::exit_now(code);
            }
        }
    };
    if send_frame(&mut &stream, b"ready").is_err() {
        fork::exit_now(0);
    }
    // Everything below this frame (what the jobs run on) is left out of the restore; the
    // frame itself holds only the stream, the snapshot and the loop, which the restore must
    // not rewind.
    let mark = 0u8;
    let mark = std::hint::black_box(&mark as *const u8 as usize);
    let snapshot = match crate::reset::Snapshot::take(maps, pagemap, statm, mark) {
        Ok(snapshot) => snapshot,
        Err(message) => {
            eprintln!("permafrost worker: cannot snapshot for --isolate-mode reset: {message}");
            fork::exit_now(70);
        }
    };
    loop {
        // The restore rewrote the interpreter behind this reference: reach it afresh.
        let interp = std::hint::black_box(&mut *interp);
        // As in a fresh fork: `random` and others reseed for every job.
        interp.after_fork_in_child();
        let after = {
            let mut reader = BufReader::with_capacity(64 * 1024, &stream);
            let after = serve_job(&mut reader, &stream, interp, config);
            if reader.buffer().is_empty() {
                after
            } else {
                // More than one line in flight cannot survive the restore (the supervisor
                // sends one job at a time); unread, it goes to another worker.
                AfterJob::Exit(0)
            }
        };
        if let AfterJob::Exit(code) = after {
            fork::exit_now(code);
        }
        if snapshot.mappings_changed() || cpu_limit_used(config.cpu_seconds) {
            // A mapping the restore cannot undo (a thread's stack), or the CPU time of the
            // worker's limit used up: a fresh fork takes over.
            fork::exit_now(0);
        }
        if snapshot.restore().is_err() {
            fork::exit_now(70);
        }
    }
}

/// Whether this worker has used the CPU time of `--worker-cpu-seconds` (never without one).
fn cpu_limit_used(limit_seconds: u64) -> bool {
    if limit_seconds == 0 {
        return false;
    }
    let Ok(usage) = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_SELF) else {
        return true;
    };
    let used = usage.user_time().tv_sec() + usage.system_time().tv_sec();
    used.max(0) as u64 >= limit_seconds
}

/// Reads one job line, runs it, sends its frames; says whether the worker goes on.
#[inline(never)]
fn serve_job(
    reader: &mut impl BufRead,
    stream: &UnixStream,
    interp: &mut Interpreter,
    config: &WorkerConfig,
) -> AfterJob {
    let mut writer = stream;
    let pid = std::process::id();
    let mut line = Vec::with_capacity(4096);
    match reader.read_until(b'\n', &mut line) {
        Ok(0) | Err(_) => return AfterJob::Exit(0),
        Ok(_) => {}
    }
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    // Nothing of the job has run yet: until this arrives, the supervisor may give the job to
    // another worker should this one die.
    if send_frame(&mut writer, b"start").is_err() {
        return AfterJob::Exit(0);
    }
    let started = Instant::now();
    let mut poisoned = false;
    let max_reply_bytes = config.max_reply_bytes;
    let mut reply = match protocol::parse_job(&line) {
        Ok(job) => {
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                interp.call_json(&job.function, &job.args, &job.kwargs)
            }));
            let elapsed_us = started.elapsed().as_micros() as u64;
            match outcome {
                Ok(outcome) => {
                    let reply = protocol::call_reply(
                        &job.id,
                        outcome
                            .result
                            .map_err(|e| (e.type_name, e.message, e.traceback)),
                        outcome.stdout,
                        pid,
                        elapsed_us,
                    );
                    if reply.len() > max_reply_bytes {
                        let message = format!(
                            "the reply is {} bytes, more than --max-reply-bytes {}",
                            reply.len() - 1,
                            max_reply_bytes
                        );
                        drop(reply);
                        protocol::call_reply(
                            &job.id,
                            Err((
                                "ReplyTooLarge".into(),
                                message.clone(),
                                format!("ReplyTooLarge: {message}\n"),
                            )),
                            String::new(),
                            pid,
                            elapsed_us,
                        )
                    } else {
                        reply
                    }
                }
                Err(panic) => {
                    // The interpreter's state is suspect after a panic: answer, then exit so
                    // that the supervisor replaces this worker with a fresh fork.
                    poisoned = true;
                    let message = format!("the interpreter panicked: {}", panic_message(&*panic));
                    protocol::call_reply(
                        &job.id,
                        Err((
                            "InternalError".into(),
                            message.clone(),
                            format!("InternalError: {message}\n"),
                        )),
                        String::new(),
                        pid,
                        elapsed_us,
                    )
                }
            }
        }
        Err(bad) => protocol::error_reply(&bad.id, "ProtocolError", &bad.message),
    };
    // A reset worker gives back everything a job left behind: no memory check needed.
    let resets = config.isolate == Some(IsolateMode::Reset);
    let too_big = !poisoned && !resets && (above_max_rss() || crate::alloc::above_budget());
    if poisoned || too_big {
        // `retire` before the reply, so that the supervisor sends nothing more here.
        let _ = send_frame(&mut writer, b"retire");
    }
    // The frame carries the line without its newline; the supervisor adds it back.
    reply.pop();
    let sent = send_frame(&mut writer, &reply).is_ok();
    if !sent || poisoned || too_big || config.isolate == Some(IsolateMode::Fork) {
        // Under --isolate-mode fork the supervisor sends nothing more either: exiting now
        // frees the process without waiting for it to close the socket.
        return AfterJob::Exit(if poisoned { 70 } else { 0 });
    }
    AfterJob::Next
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    }
}

fn truncate_utf8(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// The anonymous writable private mappings of this process (`[heap]` and nameless ones, not
/// the stack): what a forked child inherits and may later copy.
pub(crate) fn inherited_ranges() -> Vec<(u64, u64)> {
    let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
        return Vec::new();
    };
    parse_anonymous_writable(&maps)
}

/// The `[heap]` and anonymous writable private ranges of a `/proc/PID/maps` text.
pub(crate) fn parse_anonymous_writable(maps: &str) -> Vec<(u64, u64)> {
    let mut ranges = Vec::new();
    for line in maps.lines() {
        let mut fields = line.split_whitespace();
        let (Some(range), Some(perms)) = (fields.next(), fields.next()) else {
            continue;
        };
        let path = fields.nth(3).unwrap_or("");
        let perms = perms.as_bytes();
        if perms.len() < 4 || perms[1] != b'w' || perms[3] != b'p' {
            continue;
        }
        if !(path.is_empty() || path == "[heap]") {
            continue;
        }
        let Some((start, end)) = range.split_once('-') else {
            continue;
        };
        if let (Ok(start), Ok(end)) = (u64::from_str_radix(start, 16), u64::from_str_radix(end, 16))
        {
            ranges.push((start, end));
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_parsing_keeps_heap_and_anonymous_writable_only() {
        let maps = "\
55d0c0000000-55d0c0001000 r--p 00000000 08:01 123 /usr/bin/permafrost
55d0c0200000-55d0c0201000 rw-p 00010000 08:01 123 /usr/bin/permafrost
55d0c0201000-55d0c0203000 rw-p 00000000 00:00 0
55d0c1000000-55d0c1100000 rw-p 00000000 00:00 0                          [heap]
7f0000000000-7f0000100000 r--s 00000000 00:05 77 /memfd:image (deleted)
7f0000200000-7f0000300000 ---p 00000000 00:00 0
7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0                          [stack]
";
        assert_eq!(
            parse_anonymous_writable(maps),
            vec![
                (0x55d0c0201000, 0x55d0c0203000),
                (0x55d0c1000000, 0x55d0c1100000)
            ]
        );
    }

    #[test]
    fn death_status_names_the_signal() {
        assert_eq!(
            DeathStatus::Signaled(9).describe(),
            "killed by signal 9 (SIGKILL)"
        );
        assert_eq!(DeathStatus::Exited(3).describe(), "exited with status 3");
    }

    #[test]
    fn control_messages_round_trip() {
        let mut died = vec![b'D'];
        died.extend_from_slice(&1234i32.to_le_bytes());
        died.push(1);
        died.extend_from_slice(&9i32.to_le_bytes());
        match decode(&died, None) {
            Some(ZygoteMessage::Died { pid, status }) => {
                assert_eq!(pid.as_raw(), 1234);
                assert_eq!(status, DeathStatus::Signaled(9));
            }
            other => panic!("unexpected {other:?}"),
        }
        let mut ready = vec![b'R'];
        ready.extend_from_slice(&0x7000u64.to_le_bytes());
        ready.extend_from_slice(&0x9000u64.to_le_bytes());
        ready.extend_from_slice(&12u32.to_le_bytes());
        ready.extend_from_slice(&1u32.to_le_bytes());
        ready.extend_from_slice(&0x1000u64.to_le_bytes());
        ready.extend_from_slice(&0x3000u64.to_le_bytes());
        assert!(matches!(
            decode(&ready, None),
            Some(ZygoteMessage::Ready(p)) if p == Preloaded {
                image_range: (0x7000, 0x9000),
                code_objects: 12,
                inherited: vec![(0x1000, 0x3000)],
            }
        ));
        assert!(
            decode(b"W\x01\x00\x00\x00", None).is_none(),
            "W needs a descriptor"
        );
        assert!(decode(b"", None).is_none());
        assert!(
            decode(b"R\x05\x00\x00\x00", None).is_none(),
            "truncated ranges"
        );
    }
}
