//! `permafrost serve`: the supervisor.
//!
//! [`serve`] checks the socket path and starts the first zygote (an exec'd `permafrost zygote`
//! process, see [`zygote`]), waits for it to preload, and only then binds the socket and
//! starts a tokio current-thread runtime. On that runtime:
//!
//! - an acceptor task takes connections (`crate::connection`: limits, timeouts,
//!   backpressure); each connection has a reader that forwards `call`, `cancel` and `stats` to
//!   the pool and a writer that writes replies in completion order, so pipelined requests may
//!   be answered out of order;
//! - one task per zygote reads its control socket (forked workers with their sockets, deaths);
//! - each worker has a reader (length-prefixed frames) and a writer task on its job socket;
//! - the pool (this module's `Pool`) owns all state: the job queue (`crate::queue`, one FIFO
//!   per connection, served round-robin), the zygote *generations* (the serving one, one being started by a restart
//!   or a SIGHUP reload, old ones whose workers finish what they hold), the workers and their
//!   states, timeouts, recycling, replacement, and shutdown. Every other task talks to it
//!   through one event channel, so no state is shared.

use crate::connection::{accept, format_secs, FromClient, Job, Limits, Phase, ReplySender};
use crate::memory::{self, StatsSnapshot, WorkerSnapshot};
use crate::metrics::{self, Counters};
use crate::protocol;
use crate::queue::FairQueue;
use crate::systemd::Notifier;
use crate::zygote::{self, DeathStatus, Preloaded, ZygoteMessage, ZygoteOptions};
use nix::sys::signal::Signal;
use nix::unistd::Pid;
use permafrost_worker::Layout;
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::unix::AsyncFd;
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{mpsc, oneshot, watch};
use tracing::{debug, error, info, warn};

/// How long in-flight and queued jobs may run after SIGTERM/SIGINT before they are cut off.
const DRAIN_LIMIT: Duration = Duration::from_secs(5);
/// How long the supervisor waits for a zygote to exit after closing its control socket.
const ZYGOTE_EXIT_LIMIT: Duration = Duration::from_secs(4);
/// Delays before successive attempts to start a new zygote after the last one died.
const RESTART_BACKOFF_MS: [u64; 6] = [0, 100, 500, 1000, 2000, 5000];
/// A zygote that served this long before dying resets the backoff.
const ZYGOTE_STABLE: Duration = Duration::from_secs(10);
/// Preloads in a row that may fail during restarts before the server gives up (exit 1).
const MAX_PRELOAD_FAILURES: u32 = 5;
/// Times a job is given to another worker because its worker died before starting it.
const MAX_REDISPATCH: u8 = 3;
/// Metrics endpoint connections served at once.
const METRICS_CONNECTIONS: usize = 16;

/// `permafrost serve` options, validated.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The image file to serve (opened and validated by each zygote, so SIGHUP reloads it).
    pub image: PathBuf,
    /// Path of the Unix socket to listen on (none: jobs come only from the stream).
    pub socket: Option<PathBuf>,
    /// `--redis`: jobs also taken from a Redis stream (`crate::stream`).
    pub stream: Option<crate::stream::StreamOptions>,
    /// Where to serve the Prometheus exposition over HTTP (`--metrics-listen`).
    pub metrics_listen: Option<std::net::SocketAddr>,
    /// Number of workers kept in the pool (at least 1).
    pub workers: usize,
    /// Memory layout of code and constants in the workers.
    pub layout: Layout,
    /// How long a job may run before its worker is killed and replaced.
    pub job_timeout: Duration,
    /// Recycle a worker after this many jobs; 0: never.
    pub max_jobs_per_worker: u64,
    /// Most jobs waiting for a worker; beyond it requests are refused with `busy`.
    pub queue_limit: usize,
    /// Whether jobs may use `exec`, `eval` and `compile` (`--no-dynamic-code` refuses them).
    pub dynamic_code: bool,
    /// Largest reply in bytes; a larger one becomes a `ReplyTooLarge` error reply.
    pub max_reply_bytes: usize,
    /// Most client connections open at once.
    pub max_connections: usize,
    /// How long a connection may stay idle, leave a line unfinished or not read its replies.
    pub client_timeout: Duration,
    /// Who may submit jobs (peer credentials).
    pub access: crate::sandbox::Access,
    /// `--socket-mode`: permission bits of the socket file (default 0600).
    pub socket_mode: Option<u32>,
    /// `--socket-group`: the socket file's group.
    pub socket_group: Option<nix::unistd::Gid>,
    /// The worker sandbox.
    pub sandbox: crate::sandbox::SandboxOptions,
    /// `--pass-env`: environment variables the zygote and workers keep under the sandbox.
    pub pass_env: Vec<String>,
    /// `--isolate` and its `--isolate-mode` (`None`: pooled).
    pub isolate: Option<crate::cli::IsolateMode>,
    /// With `--isolate-mode fork`: idle workers kept beyond `workers`.
    pub spare_workers: usize,
    /// The host-wide image store (absolute).
    pub image_store: PathBuf,
}

impl ServeOptions {
    /// `--isolate-mode fork`: each worker runs one job, and spares are kept forked.
    fn forks_per_job(&self) -> bool {
        self.isolate == Some(crate::cli::IsolateMode::Fork)
    }

    fn zygote(&self) -> ZygoteOptions {
        ZygoteOptions {
            image: self.image.clone(),
            image_store: self.image_store.clone(),
            layout: self.layout,
            dynamic_code: self.dynamic_code,
            max_reply_bytes: self.max_reply_bytes,
            sandbox: self.sandbox.clone(),
            isolate: self.isolate,
            pass_env: self.pass_env.clone(),
        }
    }
}

/// Runs the server until SIGTERM/SIGINT.
pub fn serve(options: ServeOptions) -> ExitCode {
    serve_with(options, None, Notifier::none())
}

/// As [`serve`], listening on `activated` (the socket systemd passed, which stays systemd's:
/// never unlinked, rebound or re-moded) if given, and telling `notify` how the service is.
pub fn serve_with(
    options: ServeOptions,
    activated: Option<std::os::unix::net::UnixListener>,
    notify: Notifier,
) -> ExitCode {
    // Until the runtime's handlers are installed, the command signals must not kill us.
    for signal in [Signal::SIGHUP, Signal::SIGUSR1, Signal::SIGUSR2] {
        crate::fork::ignore_signal(signal);
    }
    raise_descriptor_limit();
    if activated.is_none() {
        if let Some(Err(message)) = options.socket.as_deref().map(check_socket_path) {
            return fail(&message);
        }
    }
    notify.status(&format!("preloading {}", options.image.display()));
    let (zygote_pid, control) = match zygote::spawn(&options.zygote()) {
        Ok(started) => started,
        Err(e) => return fail(&format!("cannot start the zygote: {e}")),
    };
    let mut packet = vec![0u8; zygote::MAX_MESSAGE];
    let received = crate::fork::recv_with_fd(control.as_fd(), &mut packet, false);
    let message = match received {
        Ok((0, _)) | Err(_) => None,
        Ok((n, fd)) => zygote::decode(&packet[..n], fd),
    };
    drop(packet);
    let preloaded = match message {
        Some(ZygoteMessage::Ready(preloaded)) => preloaded,
        Some(ZygoteMessage::PreloadFailed(traceback)) => {
            wait_for_zygote(zygote_pid);
            eprint!("{traceback}");
            if !traceback.ends_with('\n') {
                eprintln!();
            }
            return ExitCode::FAILURE;
        }
        Some(ZygoteMessage::ImageInvalid(message)) => {
            wait_for_zygote(zygote_pid);
            return fail(&message);
        }
        _ => {
            drop(control);
            let how = reap_description(zygote_pid);
            return fail(&format!(
                "the zygote (pid {zygote_pid}) {how} while preloading"
            ));
        }
    };
    info!(
        "zygote {} preloaded {} ({} layout)",
        zygote_pid,
        options.image.display(),
        layout_name(options.layout)
    );

    let systemd_socket = activated.is_some();
    let bound = match (activated, &options.socket) {
        (Some(listener), path) => {
            if options.socket_mode.is_some() || options.socket_group.is_some() {
                warn!("--socket-mode and --socket-group are ignored: the socket is systemd's (SocketMode=, SocketGroup=)");
            }
            let path = path.clone().unwrap_or_default();
            info!("socket {} passed by systemd", path.display());
            // No identity: this server did not create the file and never removes it.
            let file = SocketFile {
                path,
                identity: None,
            };
            Some(Ok((listener, file)))
        }
        (None, Some(path)) => Some(bind_socket(path)),
        (None, None) => None,
    };
    let (listener, socket_file) = match bound {
        Some(Ok((listener, file))) => (Some(listener), file),
        None => (None, SocketFile::none()),
        Some(Err(message)) => {
            drop(control);
            wait_for_zygote(zygote_pid);
            return fail(&message);
        }
    };
    let secured = match &options.socket {
        Some(path) if !systemd_socket => {
            crate::sandbox::secure_socket(path, options.socket_mode, options.socket_group)
        }
        _ => Ok(()),
    };
    if let Err(message) = secured {
        drop(control);
        wait_for_zygote(zygote_pid);
        socket_file.remove();
        return fail(&message);
    }
    let metrics_listener = match options.metrics_listen.map(bind_metrics).transpose() {
        Ok(listener) => listener,
        Err(message) => {
            drop(control);
            wait_for_zygote(zygote_pid);
            socket_file.remove();
            return fail(&message);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            drop(control);
            wait_for_zygote(zygote_pid);
            socket_file.remove();
            return fail(&format!("cannot start the runtime: {e}"));
        }
    };
    let context = Context {
        image_path: options.image.display().to_string(),
        options: options.clone(),
        socket_file: socket_file.clone(),
        notify,
    };
    let (code, zygotes) = runtime.block_on(run(
        context,
        listener,
        metrics_listener,
        (zygote_pid, control, preloaded),
    ));
    // Dropping the runtime drops every task, closing every worker socket and the zygotes'
    // control sockets: the workers and then the zygotes exit.
    runtime.shutdown_timeout(Duration::from_secs(1));
    for pid in zygotes {
        wait_for_zygote(pid);
    }
    socket_file.remove();
    info!("stopped");
    code
}

/// Binds the `--metrics-listen` address (non-blocking, for tokio) and logs the address bound
/// (with port 0, the one the system chose).
fn bind_metrics(addr: std::net::SocketAddr) -> Result<std::net::TcpListener, String> {
    let listener = std::net::TcpListener::bind(addr)
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|e| format!("--metrics-listen {addr}: {e}"))?;
    let bound = listener.local_addr().map_or(addr, |a| a);
    info!("metrics on http://{bound}/metrics");
    Ok(listener)
}

/// Answers scrapes: each connection sends one request head, gets one response, and is closed.
async fn serve_metrics(listener: tokio::net::TcpListener, events: mpsc::UnboundedSender<Event>) {
    // Scrapers are few: more connections at once than this are closed unanswered, so the
    // endpoint cannot take the descriptors the pool needs.
    let open = Arc::new(tokio::sync::Semaphore::new(METRICS_CONNECTIONS));
    loop {
        let mut stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of descriptors, most likely: let some close before trying again.
                debug!("metrics accept: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let events = events.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let mut head = Vec::new();
            let read = tokio::time::timeout(Duration::from_secs(5), async {
                let mut buf = [0u8; 1024];
                loop {
                    let n = stream.read(&mut buf).await?;
                    head.extend_from_slice(&buf[..n]);
                    let complete = head.windows(4).any(|w| w == b"\r\n\r\n")
                        || head.windows(2).any(|w| w == b"\n\n");
                    if n == 0 || complete || head.len() > 8192 {
                        return Ok::<_, std::io::Error>(());
                    }
                }
            })
            .await;
            if !matches!(read, Ok(Ok(()))) {
                return;
            }
            let mut body = None;
            if metrics::wants_metrics(&head) {
                let (answer, stats) = oneshot::channel();
                if events.send(Event::Metrics(answer)).is_ok() {
                    body = stats.await.ok().map(|stats| metrics::render(&stats));
                }
            }
            let response = metrics::response(&head, || body);
            let _ = tokio::time::timeout(Duration::from_secs(5), stream.write_all(&response)).await;
            let _ = stream.shutdown().await;
        });
    }
}

/// Raises the soft limit on open descriptors to the hard limit: each connection and each
/// worker costs one or two.
fn raise_descriptor_limit() {
    use nix::sys::resource::{getrlimit, setrlimit, Resource};
    if let Ok((soft, hard)) = getrlimit(Resource::RLIMIT_NOFILE) {
        if soft < hard {
            let _ = setrlimit(Resource::RLIMIT_NOFILE, hard, hard);
        }
    }
}

/// Reaps a zygote that died and says how.
fn reap_description(pid: Pid) -> String {
    use nix::sys::wait::{waitpid, WaitStatus};
    match waitpid(pid, None) {
        Ok(WaitStatus::Exited(_, code)) => DeathStatus::Exited(code).describe(),
        Ok(WaitStatus::Signaled(_, sig, _)) => DeathStatus::Signaled(sig as i32).describe(),
        _ => "vanished".to_string(),
    }
}
fn fail(message: &str) -> ExitCode {
    eprintln!("permafrost: {message}");
    ExitCode::FAILURE
}

fn layout_name(layout: Layout) -> &'static str {
    match layout {
        Layout::Permanent => "permanent",
        Layout::Transient => "transient",
    }
}

/// A socket file left by a dead server is removed; a live server's socket, or any other kind
/// of file at the path, is an error.
fn check_socket_path(path: &Path) -> Result<(), String> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    if !meta.file_type().is_socket() {
        return Err(format!(
            "{} exists and is not a socket; refusing to replace it",
            path.display()
        ));
    }
    match std::os::unix::net::UnixStream::connect(path) {
        Ok(_) => Err(format!(
            "a server is already listening on {}",
            path.display()
        )),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            std::fs::remove_file(path)
                .map_err(|e| format!("cannot remove stale socket {}: {e}", path.display()))?;
            info!("replaced the stale socket {}", path.display());
            Ok(())
        }
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// The socket file this server created, identified by device and inode so that it is never
/// confused with a file another server has since created at the same path.
#[derive(Clone, Debug)]
struct SocketFile {
    path: PathBuf,
    identity: Option<(u64, u64)>,
}

impl SocketFile {
    fn identity_of(path: &Path) -> Option<(u64, u64)> {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path)
            .ok()
            .map(|meta| (meta.dev(), meta.ino()))
    }

    /// No socket (`--redis` without `--socket`): nothing to remove.
    fn none() -> SocketFile {
        SocketFile {
            path: PathBuf::new(),
            identity: None,
        }
    }

    /// Removes the file if it is still the one this server bound.
    fn remove(&self) {
        if self.identity.is_some() && Self::identity_of(&self.path) == self.identity {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Binds with umask 0177 so the socket is created with mode 0600 (no window in which it is
/// accessible to others). Single-threaded here, so changing the process umask is safe.
fn bind_socket(path: &Path) -> Result<(std::os::unix::net::UnixListener, SocketFile), String> {
    use nix::sys::stat::{umask, Mode};
    let previous = umask(Mode::from_bits_truncate(0o177));
    let bound = std::os::unix::net::UnixListener::bind(path);
    umask(previous);
    let listener = bound.map_err(|e| format!("cannot listen on {}: {e}", path.display()))?;
    let file = SocketFile {
        path: path.to_path_buf(),
        identity: SocketFile::identity_of(path),
    };
    if let Err(e) = listener.set_nonblocking(true) {
        file.remove();
        return Err(format!("{}: {e}", path.display()));
    }
    Ok((listener, file))
}

/// Waits for the zygote to exit (it does once its control socket is closed); kills it if it
/// takes too long.
fn wait_for_zygote(pid: Pid) {
    use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
    let deadline = Instant::now() + ZYGOTE_EXIT_LIMIT;
    loop {
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) => {}
            Ok(_) | Err(_) => return,
        }
        if Instant::now() >= deadline {
            warn!("zygote {pid} did not exit; killing it");
            let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
            let _ = waitpid(pid, None);
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// What the stats reply and the pool need besides the live state.
struct Context {
    image_path: String,
    options: ServeOptions,
    socket_file: SocketFile,
    /// systemd's `$NOTIFY_SOCKET` (a no-op without one).
    notify: Notifier,
}

enum Event {
    Client(FromClient),
    Zygote {
        generation: u64,
        message: ZygoteMessage,
    },
    ZygoteGone {
        generation: u64,
    },
    WorkerFrame {
        pid: Pid,
        frame: Vec<u8>,
    },
    /// The worker's socket reached end of file: every frame it wrote has been delivered.
    WorkerEof {
        pid: Pid,
    },
    RetrySpawn,
    /// The restart backoff elapsed: start a new zygote.
    Restart,
    /// SIGHUP.
    Reload,
    Shutdown,
    /// Time to tell systemd's watchdog the event loop is turning.
    Watchdog,
    /// A scrape of the metrics endpoint: the stats object, as a `stats` request gets it.
    Metrics(oneshot::Sender<Value>),
}

impl From<FromClient> for Event {
    fn from(message: FromClient) -> Self {
        Event::Client(message)
    }
}

enum WorkerState {
    /// Forked; its `ready` frame has not arrived yet.
    Starting,
    Idle,
    Busy {
        job: Job,
        deadline: Instant,
        /// The worker said `start`: the job may have run, and is never given to another.
        started: bool,
    },
    /// Done with its jobs; its socket is closed and it is exiting.
    Retiring,
    /// Killed after a timeout; waiting for the zygote to report it reaped.
    Killed,
}

impl WorkerState {
    fn name(&self) -> &'static str {
        match self {
            WorkerState::Starting => "starting",
            WorkerState::Idle => "idle",
            WorkerState::Busy { .. } => "busy",
            WorkerState::Retiring => "retiring",
            WorkerState::Killed => "killed",
        }
    }

    /// Counts towards the pool size (retiring and killed workers are being replaced).
    fn is_live(&self) -> bool {
        matches!(
            self,
            WorkerState::Starting | WorkerState::Idle | WorkerState::Busy { .. }
        )
    }
}

struct Worker {
    /// The zygote generation that forked it.
    generation: u64,
    state: WorkerState,
    jobs_done: u64,
    /// Job lines to the worker's writer task; dropping it closes the worker's socket.
    jobs: Option<mpsc::UnboundedSender<Arc<[u8]>>>,
    spawn_requested: Instant,
    /// The worker announced it will exit after its current job.
    retire_after_job: bool,
    /// Its socket reached end of file (or was never read).
    reader_done: bool,
    /// It is known dead while frames from it may still be unread.
    death: Option<DeathStatus>,
}

/// Why a zygote is being started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StartKind {
    /// The serving zygote died.
    Restart,
    /// SIGHUP: the image at the same path, loaded anew.
    Reload,
}

/// One zygote and what it reported.
struct Generation {
    pid: Pid,
    control: Arc<AsyncFd<OwnedFd>>,
    /// The task reading its control socket (holds a reference to it).
    reader: tokio::task::JoinHandle<()>,
    /// Set once it has preloaded.
    preloaded: Option<Arc<Preloaded>>,
    ready_at: Option<Instant>,
    /// When each outstanding spawn request was sent, oldest first (the zygote answers in order).
    spawn_requests: VecDeque<Instant>,
}

struct Pool {
    context: Arc<Context>,
    events: mpsc::UnboundedSender<Event>,
    phase: watch::Sender<Phase>,
    generations: HashMap<u64, Generation>,
    /// The generation new workers come from.
    current: Option<u64>,
    /// A generation being started, and why.
    pending: Option<(u64, StartKind)>,
    next_generation: u64,
    workers: HashMap<Pid, Worker>,
    /// Queued jobs, one FIFO per connection, served round-robin.
    queue: FairQueue<Job>,
    retry_scheduled: bool,
    restart_scheduled: bool,
    /// Zygotes in a row that died soon after starting (the restart backoff).
    zygote_failures: usize,
    /// Preloads in a row that failed during restarts.
    preload_failures: u32,
    /// Workers in a row that died before becoming ready.
    startup_failures: u32,
    drain_deadline: Option<Instant>,
    exit_code: ExitCode,
    counters: Counters,
    /// What to tell systemd once the serving generation has its workers (`READY=1` after the
    /// start and after a reload).
    awaiting_ready: Option<Readiness>,
}

/// Why the pool owes systemd a ready notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Readiness {
    Start,
    Reload,
    ReloadFailed,
    /// After a zygote restart: a status line only.
    Restart,
}

async fn run(
    context: Context,
    listener: Option<std::os::unix::net::UnixListener>,
    metrics_listener: Option<std::net::TcpListener>,
    first: (Pid, OwnedFd, Preloaded),
) -> (ExitCode, Vec<Pid>) {
    let (zygote_pid, control, preloaded) = first;
    let listener = match listener.map(UnixListener::from_std).transpose() {
        Ok(listener) => listener,
        Err(e) => {
            error!("cannot register the listening socket: {e}");
            return (ExitCode::FAILURE, vec![zygote_pid]);
        }
    };
    let control = match crate::fork::register_async(control) {
        Ok(control) => Arc::new(control),
        Err(e) => {
            error!("cannot register the control socket: {e}");
            return (ExitCode::FAILURE, vec![zygote_pid]);
        }
    };
    let (events, mut inbox) = mpsc::unbounded_channel();
    let (phase, phase_rx) = watch::channel(Phase::Running);
    // Connections hold a clone of this sender; when all are gone, every reply was written.
    let (connections_alive, mut connections_done) = mpsc::channel::<()>(1);
    let context = Arc::new(context);

    tokio::spawn(watch_signals(events.clone()));
    if let Some(listener) = metrics_listener {
        match tokio::net::TcpListener::from_std(listener) {
            Ok(listener) => {
                tokio::spawn(serve_metrics(listener, events.clone()));
            }
            Err(e) => {
                error!("cannot register the metrics socket: {e}");
                return (ExitCode::FAILURE, vec![zygote_pid]);
            }
        }
    }
    if let Some(stream) = context.options.stream.clone() {
        // Stream jobs enter the same queue as socket calls; their replies come back on
        // channels of their own.
        tokio::spawn(crate::stream::run(
            stream,
            context.options.workers,
            events.clone(),
            phase_rx.clone(),
            connections_alive.clone(),
        ));
    }
    if let Some(listener) = listener {
        tokio::spawn(accept(
            listener,
            events.clone(),
            phase_rx,
            connections_alive,
            Limits {
                max_connections: context.options.max_connections,
                client_timeout: context.options.client_timeout,
                access: context.options.access.clone(),
            },
        ));
        info!(
            "listening on {} with {} workers",
            context.options.socket.clone().unwrap_or_default().display(),
            context.options.workers
        );
    } else {
        drop(connections_alive);
    }

    let reader = tokio::spawn(read_zygote(0, control.clone(), events.clone()));
    let mut generations = HashMap::new();
    generations.insert(
        0,
        Generation {
            pid: zygote_pid,
            control,
            reader,
            preloaded: Some(Arc::new(preloaded)),
            ready_at: Some(Instant::now()),
            spawn_requests: VecDeque::new(),
        },
    );
    let mut pool = Pool {
        context,
        events,
        phase,
        generations,
        current: Some(0),
        pending: None,
        next_generation: 1,
        workers: HashMap::new(),
        queue: FairQueue::new(),
        retry_scheduled: false,
        restart_scheduled: false,
        zygote_failures: 0,
        preload_failures: 0,
        startup_failures: 0,
        drain_deadline: None,
        exit_code: ExitCode::SUCCESS,
        counters: Counters::default(),
        awaiting_ready: Some(Readiness::Start),
    };
    if let Some(interval) = pool.context.notify.watchdog_interval() {
        let events = pool.events.clone();
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(interval);
            loop {
                ticks.tick().await;
                // Through the event channel: a stuck loop sends no pings.
                if events.send(Event::Watchdog).is_err() {
                    return;
                }
            }
        });
    }
    pool.fill();
    loop {
        let deadline = pool.next_deadline();
        let event = tokio::select! {
            event = inbox.recv() => event,
            _ = sleep_until_opt(deadline) => {
                pool.expire(Instant::now());
                if pool.finished() {
                    break;
                }
                continue;
            }
        };
        let Some(event) = event else { break };
        pool.handle(event);
        if pool.finished() {
            break;
        }
    }
    // Let the connections write what is still queued for them, then let them close.
    let _ = pool.phase.send(Phase::Closed);
    pool.context.socket_file.remove();
    let code = pool.exit_code;
    let zygotes = pool.generations.values().map(|g| g.pid).collect();
    for generation in pool.generations.values() {
        generation.reader.abort();
    }
    drop(pool);
    let _ = tokio::time::timeout(Duration::from_secs(1), connections_done.recv()).await;
    (code, zygotes)
}

async fn sleep_until_opt(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline.into()).await,
        None => std::future::pending().await,
    }
}

/// Waits (off the event loop's back: polling) for a zygote whose control socket was closed or
/// which died, killing it if it lingers.
async fn reap_zygote(pid: Pid) {
    use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
    let deadline = Instant::now() + ZYGOTE_EXIT_LIMIT;
    loop {
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) => {}
            Ok(status) => {
                debug!("zygote {pid} reaped: {status:?}");
                return;
            }
            Err(_) => return,
        }
        if Instant::now() >= deadline {
            warn!("zygote {pid} did not exit; killing it");
            let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

impl Pool {
    fn handle(&mut self, event: Event) {
        match event {
            Event::Client(FromClient::Call(job)) => self.submit(job),
            Event::Client(FromClient::Stats {
                id,
                reply,
                prometheus,
            }) => self.stats(id, reply, prometheus),
            Event::Client(FromClient::Cancel { conn, id }) => self.cancel(conn, &id),
            Event::Client(FromClient::Disconnected { conn }) => self.forget_connection(conn),
            Event::Client(FromClient::Wake) => {}
            Event::Zygote {
                generation,
                message,
            } => self.zygote_message(generation, message),
            Event::ZygoteGone { generation } => self.zygote_gone(generation),
            Event::WorkerFrame { pid, frame } => self.worker_frame(pid, frame),
            Event::WorkerEof { pid } => self.worker_eof(pid),
            Event::RetrySpawn => {
                self.retry_scheduled = false;
                self.fill();
            }
            Event::Restart => {
                self.restart_scheduled = false;
                if !self.shutting_down() && self.current.is_none() && self.pending.is_none() {
                    self.start_generation(StartKind::Restart);
                }
            }
            Event::Reload => self.reload(),
            Event::Shutdown => self.shutdown(),
            Event::Watchdog => self.context.notify.watchdog(),
            Event::Metrics(answer) => {
                let collecting = self.collect_stats(true);
                tokio::spawn(async move {
                    if let Ok(value) = collecting.await {
                        let _ = answer.send(value);
                    }
                });
            }
        }
        self.retire_old_generations();
        self.dispatch();
        if self.awaiting_ready.is_some() {
            self.notify_ready();
        }
    }

    /// Tells systemd the pool serves, once the serving generation has `--workers` workers
    /// ready (or, after a failed reload, at once: the previous image still serves).
    fn notify_ready(&mut self) {
        let (Some(why), None, Some(current)) = (self.awaiting_ready, self.pending, self.current)
        else {
            return;
        };
        if self.shutting_down() {
            self.awaiting_ready = None;
            return;
        }
        let ready = self
            .workers
            .values()
            .filter(|w| {
                w.generation == current
                    && matches!(w.state, WorkerState::Idle | WorkerState::Busy { .. })
            })
            .count();
        let workers = self.context.options.workers;
        if ready < workers {
            return;
        }
        self.awaiting_ready = None;
        let image = &self.context.image_path;
        let notify = &self.context.notify;
        match why {
            Readiness::Start => notify.ready(&format!("serving {image} with {workers} workers")),
            Readiness::Reload => notify.ready(&format!(
                "serving {image} (reloaded) with {workers} workers"
            )),
            Readiness::ReloadFailed => notify.ready(&format!(
                "reload failed; serving the previous image with {workers} workers"
            )),
            Readiness::Restart => notify.status(&format!(
                "serving {image} (zygote restarted) with {workers} workers"
            )),
        }
    }

    fn shutting_down(&self) -> bool {
        self.drain_deadline.is_some()
    }

    fn any_busy(&self) -> bool {
        self.workers
            .values()
            .any(|w| matches!(w.state, WorkerState::Busy { .. }))
    }

    /// Done once shutting down with nothing queued and nothing running.
    fn finished(&self) -> bool {
        self.shutting_down() && self.queue.is_empty() && !self.any_busy()
    }

    fn submit(&mut self, job: Job) {
        if self.shutting_down() {
            self.counters.job("shutting_down");
            job.reply.send(protocol::error_reply(
                &job.id,
                "ShuttingDown",
                "the server is shutting down and takes no new jobs",
            ));
            return;
        }
        let idle = self
            .workers
            .values()
            .any(|w| matches!(w.state, WorkerState::Idle));
        let limit = self.context.options.queue_limit;
        let queued = self.queue.len();
        // At the limit, a connection is refused only once it holds its share of the queue,
        // so one client's backlog cannot lock the others out; the queue never holds more
        // than twice the limit.
        let share = limit / self.queue.keys().max(1);
        if !idle
            && queued >= limit
            && (self.queue.len_of(job.conn()) >= share.max(1) || queued >= limit * 2)
        {
            self.counters.job("busy");
            job.reply.send(protocol::error_reply(
                &job.id,
                "Busy",
                &format!("server busy: {queued} jobs already queued (--queue-limit {limit})"),
            ));
            return;
        }
        self.enqueue(job, false);
    }

    /// Queues a job behind its connection's others (or, given back after its worker died
    /// before starting it, in front of them).
    fn enqueue(&mut self, job: Job, front: bool) {
        self.queue.push(job.conn(), job, front);
    }

    /// The client left: its queued jobs are dropped (jobs already running finish).
    fn forget_connection(&mut self, conn: u64) {
        let dropped = self.queue.remove_key(conn);
        if !dropped.is_empty() {
            debug!(
                "dropped {} queued jobs of a closed connection",
                dropped.len()
            );
        }
    }

    /// `{"op":"cancel","id":X}`: the connection's queued call X is answered `Cancelled`.
    fn cancel(&mut self, conn: u64, id: &Value) {
        if let Some(job) = self.queue.remove_first(conn, |job| job.id == *id) {
            self.counters.job("cancelled");
            job.reply.send(protocol::error_reply(
                &job.id,
                "Cancelled",
                "the job was cancelled before it started",
            ));
        }
    }

    /// An idle worker, the serving generation's first, least-used first.
    fn idle_worker(&self) -> Option<Pid> {
        self.workers
            .iter()
            .filter(|(_, w)| matches!(w.state, WorkerState::Idle))
            .min_by_key(|(_, w)| (Some(w.generation) != self.current, w.jobs_done))
            .map(|(&pid, _)| pid)
    }

    /// Hands queued jobs to idle workers (under `--isolate`, to at most `--workers` at once:
    /// the others are the spares).
    fn dispatch(&mut self) {
        let timeout = self.context.options.job_timeout;
        let forks_per_job = self.context.options.forks_per_job();
        let mut busy = if forks_per_job {
            self.workers
                .values()
                .filter(|w| matches!(w.state, WorkerState::Busy { .. }))
                .count()
        } else {
            0
        };
        while !self.queue.is_empty() {
            if forks_per_job && busy >= self.context.options.workers {
                return;
            }
            busy += 1;
            let Some(pid) = self.idle_worker() else {
                return;
            };
            // A connection that does not read its replies gets no more jobs run for now.
            let Some(job) = self.queue.pop(|job| job.reply.stalled()) else {
                return;
            };
            let Some(worker) = self.workers.get_mut(&pid) else {
                self.enqueue(job, true);
                return;
            };
            let sent = worker
                .jobs
                .as_ref()
                .is_some_and(|jobs| jobs.send(job.line.clone()).is_ok());
            if !sent {
                // Its socket is gone: it is dying, and the zygote will report it. Retry the
                // job on another worker.
                worker.state = WorkerState::Retiring;
                self.enqueue(job, true);
                continue;
            }
            worker.state = WorkerState::Busy {
                job,
                deadline: Instant::now() + timeout,
                started: false,
            };
        }
    }

    fn worker_frame(&mut self, pid: Pid, frame: Vec<u8>) {
        let max_jobs = if self.context.options.forks_per_job() {
            1
        } else {
            self.context.options.max_jobs_per_worker
        };
        let current = self.current;
        let timeout = self.context.options.job_timeout;
        let Some(worker) = self.workers.get_mut(&pid) else {
            return;
        };
        match frame.as_slice() {
            b"ready" => {
                if matches!(worker.state, WorkerState::Starting) {
                    worker.state = WorkerState::Idle;
                    self.startup_failures = 0;
                    debug!(
                        "worker {pid} ready {} µs after the spawn request",
                        worker.spawn_requested.elapsed().as_micros()
                    );
                }
                return;
            }
            b"start" => {
                if let WorkerState::Busy { started, .. } = &mut worker.state {
                    *started = true;
                }
                return;
            }
            b"retire" => {
                worker.retire_after_job = true;
                return;
            }
            _ => {}
        }
        let state = std::mem::replace(&mut worker.state, WorkerState::Idle);
        match state {
            WorkerState::Busy { job, deadline, .. } => {
                let ran =
                    timeout.saturating_sub(deadline.saturating_duration_since(Instant::now()));
                self.counters.observe(ran.as_secs_f64());
                self.counters.job(if reply_is_ok(&job.id, &frame) {
                    "ok"
                } else {
                    "error"
                });
                let mut line = frame;
                line.push(b'\n');
                job.reply.send(line);
                worker.jobs_done += 1;
                let exiting = worker.retire_after_job || worker.death.is_some();
                let old = Some(worker.generation) != current;
                if exiting || old || (max_jobs > 0 && worker.jobs_done >= max_jobs) {
                    debug!("recycling worker {pid} after {} jobs", worker.jobs_done);
                    self.counters.restart(if worker.death.is_some() {
                        "crashed"
                    } else if worker.retire_after_job {
                        "memory"
                    } else if old {
                        "reload"
                    } else {
                        "max_jobs"
                    });
                    worker.state = WorkerState::Retiring;
                    worker.jobs = None;
                    self.fill();
                }
            }
            other => {
                // A reply nobody waits for (the job already timed out): drop it.
                worker.state = other;
            }
        }
    }

    fn zygote_message(&mut self, generation: u64, message: ZygoteMessage) {
        match message {
            ZygoteMessage::Spawned { pid, socket } => {
                let requested = self
                    .generations
                    .get_mut(&generation)
                    .and_then(|g| g.spawn_requests.pop_front())
                    .unwrap_or_else(Instant::now);
                let max_frame = self.context.options.max_reply_bytes + 4096;
                let worker = match start_worker_tasks(pid, socket, self.events.clone(), max_frame) {
                    Ok(jobs) => {
                        let retire = self.shutting_down() || Some(generation) != self.current;
                        Worker {
                            generation,
                            state: if retire {
                                WorkerState::Retiring
                            } else {
                                WorkerState::Starting
                            },
                            jobs_done: 0,
                            jobs: (!retire).then_some(jobs),
                            spawn_requested: requested,
                            retire_after_job: false,
                            reader_done: false,
                            death: None,
                        }
                    }
                    Err(e) => {
                        error!("cannot register worker {pid}'s socket: {e}");
                        let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
                        Worker {
                            generation,
                            state: WorkerState::Killed,
                            jobs_done: 0,
                            jobs: None,
                            spawn_requested: requested,
                            retire_after_job: false,
                            reader_done: true,
                            death: None,
                        }
                    }
                };
                self.workers.insert(pid, worker);
            }
            ZygoteMessage::SpawnFailed(message) => {
                if let Some(g) = self.generations.get_mut(&generation) {
                    g.spawn_requests.pop_front();
                }
                error!("the zygote could not fork a worker: {message}");
                self.schedule_retry();
            }
            ZygoteMessage::Died { pid, status } => {
                if let Some(worker) = self.workers.get_mut(&pid) {
                    if matches!(worker.state, WorkerState::Busy { .. }) && !worker.reader_done {
                        // Its reply may still be in the socket: decide once it is drained.
                        worker.death = Some(status);
                        return;
                    }
                }
                self.worker_died(pid, status);
            }
            ZygoteMessage::Ready(preloaded) => self.generation_ready(generation, preloaded),
            ZygoteMessage::PreloadFailed(traceback) => {
                self.start_failed(
                    generation,
                    &format!("the app raised while preloading:\n{}", traceback.trim_end()),
                );
            }
            ZygoteMessage::ImageInvalid(message) => self.start_failed(generation, &message),
        }
    }

    /// Starts a zygote for a restart or a reload; it serves once it reports ready.
    fn start_generation(&mut self, kind: StartKind) {
        let id = self.next_generation;
        self.next_generation += 1;
        self.counters.zygote_started(kind == StartKind::Reload);
        let started = zygote::spawn(&self.context.options.zygote()).and_then(|(pid, control)| {
            crate::fork::register_async(control).map(|control| (pid, Arc::new(control)))
        });
        let (pid, control) = match started {
            Ok(started) => started,
            Err(e) => {
                self.pending = Some((id, kind));
                self.start_failed(id, &format!("cannot start a zygote: {e}"));
                return;
            }
        };
        info!("zygote {pid} started ({kind:?})");
        let reader = tokio::spawn(read_zygote(id, control.clone(), self.events.clone()));
        self.generations.insert(
            id,
            Generation {
                pid,
                control,
                reader,
                preloaded: None,
                ready_at: None,
                spawn_requests: VecDeque::new(),
            },
        );
        self.pending = Some((id, kind));
    }

    /// A new zygote preloaded: it serves from now on; the previous one's workers finish what
    /// they hold and leave.
    fn generation_ready(&mut self, id: u64, preloaded: Preloaded) {
        let Some(generation) = self.generations.get_mut(&id) else {
            return;
        };
        generation.preloaded = Some(Arc::new(preloaded));
        generation.ready_at = Some(Instant::now());
        let pid = generation.pid;
        let kind = match self.pending {
            Some((pending, kind)) if pending == id => kind,
            _ => return,
        };
        self.pending = None;
        self.preload_failures = 0;
        let previous = self.current.replace(id);
        match kind {
            StartKind::Reload => info!(
                "reloaded {}: zygote {pid} serves it{}",
                self.context.image_path,
                match previous {
                    Some(_) => "; the previous workers finish their jobs",
                    None => "",
                }
            ),
            StartKind::Restart => info!("zygote {pid} restarted; the pool recovers"),
        }
        if self.shutting_down() {
            return;
        }
        self.fill();
    }

    /// A zygote being started reported an invalid image or a failed preload, or died.
    fn start_failed(&mut self, id: u64, reason: &str) {
        let kind = match self.pending {
            Some((pending, kind)) if pending == id => kind,
            _ => return,
        };
        self.pending = None;
        self.drop_generation(id);
        match kind {
            StartKind::Reload => {
                error!("reload failed; still serving the previous image: {reason}");
                if self.awaiting_ready == Some(Readiness::Reload) {
                    self.awaiting_ready = Some(Readiness::ReloadFailed);
                }
                if self.current.is_none() {
                    self.schedule_restart();
                }
            }
            StartKind::Restart => {
                self.preload_failures += 1;
                error!(
                    "starting a new zygote failed ({} in a row): {reason}",
                    self.preload_failures
                );
                if self.preload_failures >= MAX_PRELOAD_FAILURES {
                    error!("giving up after {MAX_PRELOAD_FAILURES} failed starts");
                    self.exit_code = ExitCode::FAILURE;
                    self.shutdown();
                    self.abort_all("WorkerCrashed", "the zygote could not be restarted");
                    self.drain_deadline = Some(Instant::now());
                } else {
                    self.schedule_restart();
                }
            }
        }
    }

    /// Forgets a generation: its control socket closes and the zygote exits (it waits for its
    /// workers briefly, then kills them); it is reaped in the background.
    fn drop_generation(&mut self, id: u64) {
        if let Some(generation) = self.generations.remove(&id) {
            generation.reader.abort();
            tokio::spawn(reap_zygote(generation.pid));
        }
    }

    /// A zygote's control socket closed: it died. Its workers die with it (parent-death
    /// signal): their jobs are answered once their sockets are drained.
    fn zygote_gone(&mut self, id: u64) {
        if matches!(self.pending, Some((pending, _)) if pending == id) {
            let how = self
                .generations
                .get(&id)
                .map(|g| format!("zygote {} exited while preloading", g.pid))
                .unwrap_or_else(|| "the zygote exited while preloading".into());
            self.start_failed(id, &how);
            return;
        }
        let Some(generation) = self.generations.get(&id) else {
            return;
        };
        let pid = generation.pid;
        let stable = generation
            .ready_at
            .is_some_and(|at| at.elapsed() >= ZYGOTE_STABLE);
        self.drop_generation(id);
        let orphans: Vec<Pid> = self
            .workers
            .iter()
            .filter(|(_, w)| w.generation == id)
            .map(|(&pid, _)| pid)
            .collect();
        for worker_pid in orphans {
            // The parent-death signal kills them; make sure even if it did not.
            let _ = nix::sys::signal::kill(worker_pid, Signal::SIGKILL);
            let Some(worker) = self.workers.get_mut(&worker_pid) else {
                continue;
            };
            if worker.reader_done {
                self.worker_died(worker_pid, DeathStatus::Orphaned);
            } else {
                worker.death = Some(DeathStatus::Orphaned);
                worker.jobs = None;
            }
        }
        if self.current == Some(id) {
            self.current = None;
            if stable {
                self.zygote_failures = 0;
            }
            if !self.shutting_down() {
                error!("the zygote {pid} died; starting a new one");
                self.context
                    .notify
                    .status(&format!("the zygote {pid} died; starting a new one"));
                self.awaiting_ready.get_or_insert(Readiness::Restart);
                self.schedule_restart();
            }
        }
    }

    fn schedule_restart(&mut self) {
        if self.restart_scheduled || self.pending.is_some() || self.shutting_down() {
            return;
        }
        self.restart_scheduled = true;
        let step = self.zygote_failures.min(RESTART_BACKOFF_MS.len() - 1);
        self.zygote_failures += 1;
        let delay = Duration::from_millis(RESTART_BACKOFF_MS[step]);
        let events = self.events.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            let _ = events.send(Event::Restart);
        });
    }

    /// SIGHUP: start a zygote from the image at the same path; the old one keeps serving until
    /// the new one is ready, and forever if the new one fails.
    fn reload(&mut self) {
        if self.shutting_down() {
            return;
        }
        // The zygote being started (if any) loads the image at the same path too: systemd
        // hears of this reload either way, and of its end when that zygote serves.
        self.context
            .notify
            .reloading(&format!("reloading {}", self.context.image_path));
        self.awaiting_ready = Some(Readiness::Reload);
        if self.pending.is_some() {
            info!("SIGHUP: a zygote is already being started; not reloading again");
            return;
        }
        info!("SIGHUP: reloading {}", self.context.image_path);
        self.start_generation(StartKind::Reload);
    }

    /// Once the serving generation has its workers, the previous generations' idle workers
    /// leave; a previous generation with no workers left is dropped.
    fn retire_old_generations(&mut self) {
        let Some(current) = self.current else {
            return;
        };
        if self.generations.len() == 1 {
            return; // Only the serving one: the common case, kept cheap.
        }
        let pending = self.pending.map(|(id, _)| id);
        let ready = self
            .workers
            .values()
            .filter(|w| {
                w.generation == current
                    && matches!(w.state, WorkerState::Idle | WorkerState::Busy { .. })
            })
            .count();
        if ready >= self.context.options.workers {
            for worker in self.workers.values_mut() {
                if worker.generation != current
                    && matches!(worker.state, WorkerState::Idle | WorkerState::Starting)
                {
                    worker.state = WorkerState::Retiring;
                    worker.jobs = None;
                }
            }
        }
        let empty: Vec<u64> = self
            .generations
            .iter()
            .filter(|(&id, g)| {
                id != current
                    && Some(id) != pending
                    && g.spawn_requests.is_empty()
                    && !self.workers.values().any(|w| w.generation == id)
            })
            .map(|(&id, _)| id)
            .collect();
        for id in empty {
            debug!("the previous zygote's workers are gone; closing it");
            self.drop_generation(id);
        }
    }

    fn worker_eof(&mut self, pid: Pid) {
        let Some(worker) = self.workers.get_mut(&pid) else {
            return;
        };
        worker.reader_done = true;
        if let Some(status) = worker.death {
            self.worker_died(pid, status);
        }
    }

    /// Forgets a dead worker, answering its job if it had one, and replaces it.
    fn worker_died(&mut self, pid: Pid, status: DeathStatus) {
        let Some(worker) = self.workers.remove(&pid) else {
            return;
        };
        let current = Some(worker.generation) == self.current;
        if current && status == DeathStatus::Exited(crate::store::IMAGE_FAULT_STATUS) {
            // The store file was truncated: every worker of this zygote will fault too. A new
            // zygote places the image again (a fresh store file) and takes over.
            error!("worker {pid} {}; reloading the image", status.describe());
            if self.pending.is_none() && !self.shutting_down() {
                self.start_generation(StartKind::Reload);
            }
        }
        match worker.state {
            WorkerState::Busy {
                mut job,
                started: false,
                ..
            } if job.redispatched < MAX_REDISPATCH => {
                // It died before reading the job: nothing of it ran, so another worker may.
                debug!(
                    "worker {pid} {} before starting its job; queued again",
                    status.describe()
                );
                job.redispatched += 1;
                self.enqueue(job, true);
            }
            WorkerState::Busy { job, .. } => {
                let message = format!("worker {pid} {}", status.describe());
                warn!("{message} while running a job");
                self.counters.job("crashed");
                self.counters.restart("crashed");
                job.reply
                    .send(protocol::error_reply(&job.id, "WorkerCrashed", &message));
            }
            WorkerState::Starting if current && status != DeathStatus::Orphaned => {
                warn!("worker {pid} {} before it was ready", status.describe());
                self.counters.restart("crashed");
                self.startup_failures += 1;
                if self.startup_failures >= 3 {
                    // Workers die as they start: back off instead of forking in a tight loop.
                    self.schedule_retry();
                    return;
                }
            }
            WorkerState::Idle if status != DeathStatus::Orphaned => {
                warn!("worker {pid} {}", status.describe());
                self.counters.restart("crashed");
            }
            _ => {
                debug!("worker {pid} {}", status.describe());
            }
        }
        self.fill();
    }

    /// Requests workers from the serving zygote until the pool is at its size.
    fn fill(&mut self) {
        if self.shutting_down() {
            return;
        }
        let Some(current) = self.current else {
            return;
        };
        let live = self
            .workers
            .values()
            .filter(|w| w.generation == current && w.state.is_live())
            .count();
        let Some(generation) = self.generations.get_mut(&current) else {
            return;
        };
        let options = &self.context.options;
        let size = options.workers
            + if options.forks_per_job() {
                options.spare_workers
            } else {
                0
            };
        let mut wanted = size.saturating_sub(live + generation.spawn_requests.len());
        while wanted > 0 {
            match crate::fork::send_with_fd(generation.control.get_ref().as_fd(), b"S", None) {
                Ok(()) => {
                    generation.spawn_requests.push_back(Instant::now());
                    wanted -= 1;
                }
                Err(e) => {
                    if e.kind() != std::io::ErrorKind::WouldBlock {
                        error!("cannot ask the zygote for a worker: {e}");
                    }
                    self.schedule_retry();
                    return;
                }
            }
        }
    }

    fn schedule_retry(&mut self) {
        if self.retry_scheduled {
            return;
        }
        self.retry_scheduled = true;
        let events = self.events.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let _ = events.send(Event::RetrySpawn);
        });
    }

    fn next_deadline(&self) -> Option<Instant> {
        let jobs = self.workers.values().filter_map(|w| match w.state {
            WorkerState::Busy { deadline, .. } => Some(deadline),
            _ => None,
        });
        jobs.chain(self.drain_deadline).min()
    }

    /// Kills workers whose job ran past its deadline; at the drain deadline, cuts everything off.
    fn expire(&mut self, now: Instant) {
        let timeout = self.context.options.job_timeout;
        for (&pid, worker) in self.workers.iter_mut() {
            let expired =
                matches!(worker.state, WorkerState::Busy { deadline, .. } if deadline <= now);
            if !expired {
                continue;
            }
            if let WorkerState::Busy { job, .. } =
                std::mem::replace(&mut worker.state, WorkerState::Killed)
            {
                let message = format!(
                    "the job ran longer than {} s; worker {pid} was killed",
                    format_secs(timeout)
                );
                warn!("{message}");
                self.counters.job("timeout");
                self.counters.restart("timeout");
                job.reply
                    .send(protocol::error_reply(&job.id, "TimeoutError", &message));
            }
            worker.jobs = None;
            let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
        }
        if self.drain_deadline.is_some_and(|d| d <= now) {
            self.abort_all("ShuttingDown", "the server stopped before the job finished");
        }
        self.fill();
        self.dispatch();
    }

    /// Answers every queued and running job with an error and kills the busy workers.
    fn abort_all(&mut self, type_name: &str, message: &str) {
        let outcome = if type_name == "ShuttingDown" {
            "shutting_down"
        } else {
            "crashed"
        };
        for job in self.queue.drain() {
            self.counters.job(outcome);
            job.reply
                .send(protocol::error_reply(&job.id, type_name, message));
        }
        for (&pid, worker) in self.workers.iter_mut() {
            if let WorkerState::Busy { job, .. } =
                std::mem::replace(&mut worker.state, WorkerState::Killed)
            {
                self.counters.job(outcome);
                job.reply
                    .send(protocol::error_reply(&job.id, type_name, message));
                let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
            }
        }
    }

    fn shutdown(&mut self) {
        if self.shutting_down() {
            info!("second signal: stopping now");
            self.drain_deadline = Some(Instant::now());
            return;
        }
        info!("shutting down: finishing running jobs");
        self.context
            .notify
            .stopping("stopping: finishing running jobs");
        self.drain_deadline = Some(Instant::now() + DRAIN_LIMIT);
        let _ = self.phase.send(Phase::Draining);
        self.context.socket_file.remove();
    }

    fn stats(&self, id: Value, reply: ReplySender, prometheus: bool) {
        let collecting = self.collect_stats(prometheus);
        tokio::spawn(async move {
            let line = match collecting.await {
                Ok(value) if prometheus => {
                    protocol::ok_reply(&id, Value::String(metrics::render(&value)))
                }
                Ok(value) => protocol::ok_reply(&id, value),
                Err(e) => protocol::error_reply(&id, "InternalError", &e.to_string()),
            };
            reply.send(line);
        });
    }

    /// The stats object: the memory report (read from `/proc` off the event loop), with
    /// `with_counters` also the counters the exposition is rendered from (`metrics`).
    fn collect_stats(&self, with_counters: bool) -> tokio::task::JoinHandle<Value> {
        let mut states = [0usize; metrics::STATES.len()];
        for worker in self.workers.values() {
            if let Some(i) = metrics::STATES
                .iter()
                .position(|&s| s == worker.state.name())
            {
                states[i] += 1;
            }
        }
        let counters = self.counters.to_json(self.queue.len(), &states);
        // The serving generation's zygote and workers (during a restart, the last one's).
        let shown = self
            .current
            .or_else(|| self.generations.keys().copied().max())
            .unwrap_or(0);
        let (zygote_pid, preloaded) = match self.generations.get(&shown) {
            Some(g) => (g.pid.as_raw(), g.preloaded.clone().unwrap_or_default()),
            None => (0, Arc::default()),
        };
        // Workers of earlier generations still finishing their jobs after a reload are listed
        // too, after the serving ones, marked old.
        let mut workers: Vec<WorkerSnapshot> = self
            .workers
            .iter()
            .filter(|(_, w)| w.generation <= shown)
            .map(|(pid, w)| WorkerSnapshot {
                pid: pid.as_raw(),
                jobs_done: w.jobs_done,
                state: w.state.name(),
                old: w.generation != shown,
            })
            .collect();
        workers.sort_by_key(|w| (w.old, w.pid));
        let image_range = preloaded.image_range;
        let snapshot = StatsSnapshot {
            layout: layout_name(self.context.options.layout),
            image_path: self.context.image_path.clone(),
            image_bytes: image_range.1 - image_range.0,
            code_objects: preloaded.code_objects,
            image_range,
            zygote_pid,
            inherited: Arc::new(preloaded.inherited.clone()),
            workers,
        };
        // Reading smaps and pagemap is blocking file I/O: keep it off the event loop.
        tokio::task::spawn_blocking(move || {
            let mut value = memory::collect(&snapshot);
            if with_counters {
                value["metrics"] = counters;
            }
            value
        })
    }
}

/// Whether a worker's reply frame (`{"id":ID,"ok":...`, keys in insertion order) is a
/// success: read from its head, without parsing a reply that may be megabytes long.
fn reply_is_ok(id: &Value, frame: &[u8]) -> bool {
    let Ok(id) = serde_json::to_vec(id) else {
        return false;
    };
    let head = [&b"{\"id\":"[..], &id, b",\"ok\":true"].concat();
    frame.starts_with(&head)
}

/// Registers a worker's socket and starts its reader and writer tasks; returns the sender
/// for job lines.
fn start_worker_tasks(
    pid: Pid,
    socket: OwnedFd,
    events: mpsc::UnboundedSender<Event>,
    max_frame: usize,
) -> std::io::Result<mpsc::UnboundedSender<Arc<[u8]>>> {
    let stream = std::os::unix::net::UnixStream::from(socket);
    stream.set_nonblocking(true)?;
    let stream = UnixStream::from_std(stream)?;
    let (read_half, mut write_half) = stream.into_split();
    let (jobs, mut job_lines) = mpsc::unbounded_channel::<Arc<[u8]>>();
    tokio::spawn(async move {
        while let Some(line) = job_lines.recv().await {
            if write_half.write_all(&line).await.is_err() {
                break;
            }
        }
        // Dropping the write half shuts the socket down for writing: the worker reads end of
        // file and exits.
    });
    tokio::spawn(async move {
        let mut reader = BufReader::with_capacity(64 * 1024, read_half);
        loop {
            let mut header = [0u8; 4];
            if reader.read_exact(&mut header).await.is_err() {
                break;
            }
            let len = u32::from_le_bytes(header) as usize;
            if len > max_frame {
                error!("worker {pid} sent a frame of {len} bytes; killing it");
                let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
                break;
            }
            let mut frame = vec![0u8; len];
            // A frame cut short (the worker died while writing it) is dropped whole.
            if reader.read_exact(&mut frame).await.is_err() {
                break;
            }
            if events.send(Event::WorkerFrame { pid, frame }).is_err() {
                break;
            }
        }
        // End of file: the worker is exiting; the zygote reports how it ended.
        let _ = events.send(Event::WorkerEof { pid });
    });
    Ok(jobs)
}

async fn read_zygote(
    generation: u64,
    control: Arc<AsyncFd<OwnedFd>>,
    events: mpsc::UnboundedSender<Event>,
) {
    let mut packet = vec![0u8; zygote::MAX_MESSAGE];
    loop {
        let mut guard = match control.readable().await {
            Ok(guard) => guard,
            Err(_) => break,
        };
        let received =
            guard.try_io(|fd| crate::fork::recv_with_fd(fd.get_ref().as_fd(), &mut packet, true));
        match received {
            Err(_would_block) => continue,
            Ok(Ok((0, _))) | Ok(Err(_)) => break,
            Ok(Ok((n, fd))) => match zygote::decode(&packet[..n], fd) {
                Some(message) => {
                    if events
                        .send(Event::Zygote {
                            generation,
                            message,
                        })
                        .is_err()
                    {
                        return;
                    }
                }
                None => warn!("malformed control message from the zygote"),
            },
        }
    }
    let _ = events.send(Event::ZygoteGone { generation });
}

async fn watch_signals(events: mpsc::UnboundedSender<Event>) {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut int), Ok(mut hup), Ok(mut usr1), Ok(mut usr2)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
        signal(SignalKind::hangup()),
        signal(SignalKind::user_defined1()),
        signal(SignalKind::user_defined2()),
    ) else {
        error!("cannot install signal handlers; SIGTERM will not shut down cleanly");
        return;
    };
    loop {
        let event = tokio::select! {
            _ = term.recv() => Event::Shutdown,
            _ = int.recv() => Event::Shutdown,
            _ = hup.recv() => Event::Reload,
            _ = usr1.recv() => {
                // Logs go to stderr, which has nothing to reopen.
                info!("SIGUSR1 ignored");
                continue;
            }
            _ = usr2.recv() => {
                info!("SIGUSR2 ignored");
                continue;
            }
        };
        if events.send(event).is_err() {
            return;
        }
    }
}
