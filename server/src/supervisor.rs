//! `permafrost serve`: the supervisor.
//!
//! [`serve`] maps and validates the image, checks the socket path, and forks the zygote while
//! the process is still single-threaded; only then does it bind the socket and start a tokio
//! current-thread runtime, which is never forked. On that runtime:
//!
//! - an acceptor task takes connections; each connection has a reader (parses requests,
//!   answers `ping`, forwards `call` and `stats` to the pool) and a writer (serialises replies,
//!   in completion order, so pipelined requests may be answered out of order);
//! - one task reads the zygote's control socket (forked workers with their sockets, deaths);
//! - each worker has a reader and a writer task on its job socket;
//! - the pool (this module's `Pool`) owns all state: the job queue, the workers and their
//!   states, timeouts, recycling, replacement, and shutdown. Every other task talks to it
//!   through one event channel, so no state is shared.

use crate::memory::{self, StatsSnapshot, WorkerSnapshot};
use crate::protocol::{self, LineRead, Request};
use crate::zygote::{self, DeathStatus, StartError, Zygote, ZygoteMessage};
use nix::sys::signal::Signal;
use nix::unistd::Pid;
use permafrost_image::MappedImage;
use permafrost_worker::Layout;
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::unix::AsyncFd;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{mpsc, watch};
use tracing::{debug, error, info, warn};

/// How long in-flight and queued jobs may run after SIGTERM/SIGINT before they are cut off.
const DRAIN_LIMIT: Duration = Duration::from_secs(5);
/// How long the supervisor waits for the zygote to exit after closing its control socket.
const ZYGOTE_EXIT_LIMIT: Duration = Duration::from_secs(4);

/// `permafrost serve` options, validated.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The image file to serve (mapped privately, then validated).
    pub image: PathBuf,
    /// Path of the Unix socket to listen on.
    pub socket: PathBuf,
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
}

/// Runs the server until SIGTERM/SIGINT. Must be called before any thread or runtime exists.
pub fn serve(options: ServeOptions) -> ExitCode {
    let mapped = match MappedImage::open(&options.image) {
        Ok(mapped) => mapped,
        Err(e) => return fail(&format!("{}: {e}", options.image.display())),
    };
    let range = mapped.range();
    let image_range = (range.start as u64, range.end as u64);
    let code_objects = mapped.image().code_count();
    let image = mapped.leak();
    if let Err(message) = check_socket_path(&options.socket) {
        return fail(&message);
    }

    let zygote = match zygote::start(image, options.layout, options.dynamic_code) {
        Ok(zygote) => zygote,
        Err(StartError::Preload(traceback)) => {
            eprint!("{traceback}");
            if !traceback.ends_with('\n') {
                eprintln!();
            }
            return ExitCode::FAILURE;
        }
        Err(StartError::Failed(message)) => return fail(&message),
    };
    let zygote_pid = zygote.pid;
    info!(
        "zygote {} preloaded {} ({} layout)",
        zygote_pid,
        options.image.display(),
        layout_name(options.layout)
    );

    let (listener, socket_file) = match bind_socket(&options.socket) {
        Ok(bound) => bound,
        Err(message) => {
            drop(zygote);
            wait_for_zygote(zygote_pid);
            return fail(&message);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            drop(zygote);
            wait_for_zygote(zygote_pid);
            socket_file.remove();
            return fail(&format!("cannot start the runtime: {e}"));
        }
    };
    let context = Context {
        image_path: options.image.display().to_string(),
        image_bytes: image_range.1 - image_range.0,
        code_objects,
        image_range,
        options: options.clone(),
        socket_file: socket_file.clone(),
    };
    let code = runtime.block_on(run(context, listener, zygote));
    // Dropping the runtime drops every task, closing every worker socket and the zygote's
    // control socket: the workers and then the zygote exit.
    runtime.shutdown_timeout(Duration::from_secs(1));
    wait_for_zygote(zygote_pid);
    socket_file.remove();
    info!("stopped");
    code
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

/// What the stats reply needs besides the live pool.
struct Context {
    image_path: String,
    image_bytes: u64,
    code_objects: u32,
    image_range: (u64, u64),
    options: ServeOptions,
    socket_file: SocketFile,
}

/// The server's life cycle, broadcast to the acceptor and the connections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Running,
    /// No new connections; queued and running jobs finish; new calls are refused.
    Draining,
    /// Connections stop reading and close once their replies are written.
    Closed,
}

/// A job waiting for or running on a worker.
struct Job {
    id: Value,
    /// The client's request line, newline included: the worker reads it as is.
    line: Vec<u8>,
    reply: mpsc::UnboundedSender<Vec<u8>>,
}

enum Event {
    Call(Job),
    Stats {
        id: Value,
        reply: mpsc::UnboundedSender<Vec<u8>>,
    },
    Zygote(ZygoteMessage),
    ZygoteGone,
    WorkerLine {
        pid: Pid,
        line: Vec<u8>,
    },
    /// The worker's socket reached end of file: every line it wrote has been delivered.
    WorkerEof {
        pid: Pid,
    },
    RetrySpawn,
    Shutdown,
}

enum WorkerState {
    /// Forked; its `ready` line has not arrived yet.
    Starting,
    Idle,
    Busy {
        job: Job,
        deadline: Instant,
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
    state: WorkerState,
    jobs_done: u64,
    /// Job lines to the worker's writer task; dropping it closes the worker's socket.
    jobs: Option<mpsc::UnboundedSender<Vec<u8>>>,
    spawn_requested: Instant,
    /// The worker announced it will exit after its current job.
    retire_after_job: bool,
    /// Its socket reached end of file (or was never read).
    reader_done: bool,
    /// The zygote reported it dead while lines from it may still be unread.
    death: Option<DeathStatus>,
}

struct Pool {
    context: Arc<Context>,
    zygote_pid: Pid,
    inherited: Arc<Vec<(u64, u64)>>,
    control: Arc<AsyncFd<OwnedFd>>,
    events: mpsc::UnboundedSender<Event>,
    phase: watch::Sender<Phase>,
    workers: HashMap<Pid, Worker>,
    queue: VecDeque<Job>,
    /// When each outstanding spawn request was sent, oldest first (the zygote answers in order).
    spawn_requests: VecDeque<Instant>,
    retry_scheduled: bool,
    /// Workers in a row that died before becoming ready.
    startup_failures: u32,
    drain_deadline: Option<Instant>,
    exit_code: ExitCode,
}

async fn run(
    context: Context,
    listener: std::os::unix::net::UnixListener,
    zygote: Zygote,
) -> ExitCode {
    let Zygote {
        pid: zygote_pid,
        control,
        inherited,
    } = zygote;
    let listener = match UnixListener::from_std(listener) {
        Ok(listener) => listener,
        Err(e) => {
            error!("cannot register the listening socket: {e}");
            return ExitCode::FAILURE;
        }
    };
    let control = match crate::fork::register_async(control) {
        Ok(control) => Arc::new(control),
        Err(e) => {
            error!("cannot register the control socket: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (events, mut inbox) = mpsc::unbounded_channel();
    let (phase, phase_rx) = watch::channel(Phase::Running);
    // Connections hold a clone of this sender; when all are gone, every reply was written.
    let (connections_alive, mut connections_done) = mpsc::channel::<()>(1);

    tokio::spawn(read_zygote(control.clone(), events.clone()));
    tokio::spawn(watch_signals(events.clone()));
    tokio::spawn(accept(
        listener,
        events.clone(),
        phase_rx,
        connections_alive,
    ));
    info!(
        "listening on {} with {} workers",
        context.options.socket.display(),
        context.options.workers
    );

    let mut pool = Pool {
        context: Arc::new(context),
        zygote_pid,
        inherited: Arc::new(inherited),
        control,
        events,
        phase,
        workers: HashMap::new(),
        queue: VecDeque::new(),
        spawn_requests: VecDeque::new(),
        retry_scheduled: false,
        startup_failures: 0,
        drain_deadline: None,
        exit_code: ExitCode::SUCCESS,
    };
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
    drop(pool);
    let _ = tokio::time::timeout(Duration::from_secs(1), connections_done.recv()).await;
    code
}

async fn sleep_until_opt(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline.into()).await,
        None => std::future::pending().await,
    }
}

impl Pool {
    fn handle(&mut self, event: Event) {
        match event {
            Event::Call(job) => self.submit(job),
            Event::Stats { id, reply } => self.stats(id, reply),
            Event::Zygote(message) => self.zygote_message(message),
            Event::ZygoteGone => {
                if self.drain_deadline.is_none() || !self.queue.is_empty() || self.any_busy() {
                    error!("the zygote exited; the pool cannot fork workers any more");
                    self.exit_code = ExitCode::FAILURE;
                }
                self.abort_all("WorkerCrashed", "the zygote exited; the server is stopping");
                self.workers.clear();
                self.drain_deadline = Some(Instant::now());
                let _ = self.phase.send(Phase::Draining);
            }
            Event::WorkerLine { pid, line } => self.worker_line(pid, line),
            Event::WorkerEof { pid } => self.worker_eof(pid),
            Event::RetrySpawn => {
                self.retry_scheduled = false;
                self.fill();
            }
            Event::Shutdown => self.shutdown(),
        }
        self.dispatch();
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
            let _ = job.reply.send(protocol::error_reply(
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
        if !idle && self.queue.len() >= self.context.options.queue_limit {
            let _ = job.reply.send(protocol::error_reply(
                &job.id,
                "Busy",
                &format!(
                    "server busy: {} jobs already queued (--queue-limit {})",
                    self.queue.len(),
                    self.context.options.queue_limit
                ),
            ));
            return;
        }
        self.queue.push_back(job);
    }

    /// Hands queued jobs to idle workers, least-used first.
    fn dispatch(&mut self) {
        let timeout = self.context.options.job_timeout;
        while !self.queue.is_empty() {
            let Some((&pid, _)) = self
                .workers
                .iter()
                .filter(|(_, w)| matches!(w.state, WorkerState::Idle))
                .min_by_key(|(_, w)| w.jobs_done)
            else {
                return;
            };
            let Some(mut job) = self.queue.pop_front() else {
                return;
            };
            let Some(worker) = self.workers.get_mut(&pid) else {
                self.queue.push_front(job);
                return;
            };
            let line = std::mem::take(&mut job.line);
            let sent = match worker.jobs.as_ref() {
                Some(jobs) => match jobs.send(line) {
                    Ok(()) => true,
                    Err(mpsc::error::SendError(line)) => {
                        job.line = line;
                        false
                    }
                },
                None => {
                    job.line = line;
                    false
                }
            };
            if !sent {
                // Its socket is gone: it is dying, and the zygote will report it. Retry the
                // job on another worker.
                worker.state = WorkerState::Retiring;
                self.queue.push_front(job);
                continue;
            }
            worker.state = WorkerState::Busy {
                job,
                deadline: Instant::now() + timeout,
            };
        }
    }

    fn worker_line(&mut self, pid: Pid, line: Vec<u8>) {
        let max_jobs = self.context.options.max_jobs_per_worker;
        let Some(worker) = self.workers.get_mut(&pid) else {
            return;
        };
        if line == b"ready\n" {
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
        if line == b"retire\n" {
            worker.retire_after_job = true;
            return;
        }
        let state = std::mem::replace(&mut worker.state, WorkerState::Idle);
        match state {
            WorkerState::Busy { job, .. } => {
                let _ = job.reply.send(line);
                worker.jobs_done += 1;
                let exiting = worker.retire_after_job || worker.death.is_some();
                if exiting || (max_jobs > 0 && worker.jobs_done >= max_jobs) {
                    debug!("recycling worker {pid} after {} jobs", worker.jobs_done);
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

    fn zygote_message(&mut self, message: ZygoteMessage) {
        match message {
            ZygoteMessage::Spawned { pid, socket } => {
                let requested = self.spawn_requests.pop_front().unwrap_or_else(Instant::now);
                match start_worker_tasks(pid, socket, self.events.clone()) {
                    Ok(jobs) => {
                        let state = if self.shutting_down() {
                            WorkerState::Retiring
                        } else {
                            WorkerState::Starting
                        };
                        let jobs = (!self.shutting_down()).then_some(jobs);
                        self.workers.insert(
                            pid,
                            Worker {
                                state,
                                jobs_done: 0,
                                jobs,
                                spawn_requested: requested,
                                retire_after_job: false,
                                reader_done: false,
                                death: None,
                            },
                        );
                    }
                    Err(e) => {
                        error!("cannot register worker {pid}'s socket: {e}");
                        let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
                        self.workers.insert(
                            pid,
                            Worker {
                                state: WorkerState::Killed,
                                jobs_done: 0,
                                jobs: None,
                                spawn_requested: requested,
                                retire_after_job: false,
                                reader_done: true,
                                death: None,
                            },
                        );
                    }
                }
            }
            ZygoteMessage::SpawnFailed(message) => {
                self.spawn_requests.pop_front();
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
            ZygoteMessage::Ready(_) | ZygoteMessage::PreloadFailed(_) => {
                warn!("unexpected control message from the zygote");
            }
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
        match worker.state {
            WorkerState::Busy { job, .. } => {
                let message = format!("worker {pid} {}", status.describe());
                warn!("{message} while running a job");
                let _ = job
                    .reply
                    .send(protocol::error_reply(&job.id, "WorkerCrashed", &message));
            }
            WorkerState::Starting => {
                warn!("worker {pid} {} before it was ready", status.describe());
                self.startup_failures += 1;
                if self.startup_failures >= 3 {
                    // Workers die as they start: back off instead of forking in a tight loop.
                    self.schedule_retry();
                    return;
                }
            }
            WorkerState::Idle => {
                warn!("worker {pid} {}", status.describe());
            }
            WorkerState::Retiring | WorkerState::Killed => {
                debug!("worker {pid} {}", status.describe());
            }
        }
        self.fill();
    }

    /// Requests workers from the zygote until the pool is at its size.
    fn fill(&mut self) {
        if self.shutting_down() {
            return;
        }
        let live = self.workers.values().filter(|w| w.state.is_live()).count();
        let mut wanted = self
            .context
            .options
            .workers
            .saturating_sub(live + self.spawn_requests.len());
        while wanted > 0 {
            match crate::fork::send_with_fd(self.control.get_ref().as_fd(), b"S", None) {
                Ok(()) => {
                    self.spawn_requests.push_back(Instant::now());
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
                let _ = job
                    .reply
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
        for job in self.queue.drain(..) {
            let _ = job
                .reply
                .send(protocol::error_reply(&job.id, type_name, message));
        }
        for (&pid, worker) in self.workers.iter_mut() {
            if let WorkerState::Busy { job, .. } =
                std::mem::replace(&mut worker.state, WorkerState::Killed)
            {
                let _ = job
                    .reply
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
        self.drain_deadline = Some(Instant::now() + DRAIN_LIMIT);
        let _ = self.phase.send(Phase::Draining);
        self.context.socket_file.remove();
    }

    fn stats(&self, id: Value, reply: mpsc::UnboundedSender<Vec<u8>>) {
        let mut workers: Vec<WorkerSnapshot> = self
            .workers
            .iter()
            .map(|(pid, w)| WorkerSnapshot {
                pid: pid.as_raw(),
                jobs_done: w.jobs_done,
                state: w.state.name(),
            })
            .collect();
        workers.sort_by_key(|w| w.pid);
        let snapshot = StatsSnapshot {
            layout: layout_name(self.context.options.layout),
            image_path: self.context.image_path.clone(),
            image_bytes: self.context.image_bytes,
            code_objects: self.context.code_objects,
            image_range: self.context.image_range,
            zygote_pid: self.zygote_pid.as_raw(),
            inherited: self.inherited.clone(),
            workers,
        };
        tokio::spawn(async move {
            // Reading smaps and pagemap is blocking file I/O: keep it off the event loop.
            let result = tokio::task::spawn_blocking(move || memory::collect(&snapshot)).await;
            let line = match result {
                Ok(value) => protocol::ok_reply(&id, value),
                Err(e) => protocol::error_reply(&id, "InternalError", &e.to_string()),
            };
            let _ = reply.send(line);
        });
    }
}

fn format_secs(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0}")
    } else {
        format!("{secs}")
    }
}

/// Registers a worker's socket and starts its reader and writer tasks; returns the sender
/// for job lines.
fn start_worker_tasks(
    pid: Pid,
    socket: OwnedFd,
    events: mpsc::UnboundedSender<Event>,
) -> std::io::Result<mpsc::UnboundedSender<Vec<u8>>> {
    let stream = std::os::unix::net::UnixStream::from(socket);
    stream.set_nonblocking(true)?;
    let stream = UnixStream::from_std(stream)?;
    let (read_half, mut write_half) = stream.into_split();
    let (jobs, mut job_lines) = mpsc::unbounded_channel::<Vec<u8>>();
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
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if line.last() != Some(&b'\n') {
                        line.push(b'\n');
                    }
                    if events.send(Event::WorkerLine { pid, line }).is_err() {
                        break;
                    }
                }
            }
        }
        // End of file: the worker is exiting; the zygote reports how it ended.
        let _ = events.send(Event::WorkerEof { pid });
    });
    Ok(jobs)
}

async fn read_zygote(control: Arc<AsyncFd<OwnedFd>>, events: mpsc::UnboundedSender<Event>) {
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
                    if events.send(Event::Zygote(message)).is_err() {
                        return;
                    }
                }
                None => warn!("malformed control message from the zygote"),
            },
        }
    }
    let _ = events.send(Event::ZygoteGone);
}

async fn watch_signals(events: mpsc::UnboundedSender<Event>) {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        error!("cannot install signal handlers; SIGTERM will not shut down cleanly");
        return;
    };
    loop {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
        if events.send(Event::Shutdown).is_err() {
            return;
        }
    }
}

async fn accept(
    listener: UnixListener,
    events: mpsc::UnboundedSender<Event>,
    mut phase: watch::Receiver<Phase>,
    alive: mpsc::Sender<()>,
) {
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    tokio::spawn(connection(stream, events.clone(), phase.clone(), alive.clone()));
                }
                Err(e) => {
                    warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            },
            changed = phase.changed() => {
                if changed.is_err() || *phase.borrow() != Phase::Running {
                    return;
                }
            }
        }
    }
}

/// Most requests one connection may have unanswered before the server stops reading it.
const MAX_IN_FLIGHT: usize = 4096;

/// A connection's count of unanswered requests, shared by its reader and writer.
#[derive(Default)]
struct InFlight {
    count: AtomicUsize,
    /// The writer stopped (the client left): the reader stops too.
    closed: AtomicBool,
    changed: tokio::sync::Notify,
}

/// One client connection: requests in, replies out (in completion order).
async fn connection(
    stream: UnixStream,
    events: mpsc::UnboundedSender<Event>,
    mut phase: watch::Receiver<Phase>,
    _alive: mpsc::Sender<()>,
) {
    let (read_half, mut write_half) = stream.into_split();
    let (reply, mut replies) = mpsc::unbounded_channel::<Vec<u8>>();
    // Requests read but not yet answered on the wire. The reader stops reading while the
    // client has MAX_IN_FLIGHT of them, so a client that sends without reading cannot make
    // the server buffer without bound.
    let in_flight = Arc::new(InFlight::default());
    let writer_state = in_flight.clone();
    let writer = tokio::spawn(async move {
        let mut batch = Vec::with_capacity(4096);
        while let Some(first) = replies.recv().await {
            batch.clear();
            batch.extend_from_slice(&first);
            let mut lines = 1;
            while batch.len() < 1 << 20 {
                match replies.try_recv() {
                    Ok(more) => {
                        batch.extend_from_slice(&more);
                        lines += 1;
                    }
                    Err(_) => break,
                }
            }
            if write_half.write_all(&batch).await.is_err() {
                // The client left; later replies are dropped with the channel.
                break;
            }
            writer_state.count.fetch_sub(lines, Ordering::AcqRel);
            writer_state.changed.notify_one();
        }
        writer_state.closed.store(true, Ordering::Release);
        writer_state.changed.notify_one();
    });
    let mut reader = BufReader::with_capacity(64 * 1024, read_half);
    let mut line = Vec::new();
    let mut line_no: u64 = 0;
    loop {
        while in_flight.count.load(Ordering::Acquire) >= MAX_IN_FLIGHT
            && !in_flight.closed.load(Ordering::Acquire)
        {
            in_flight.changed.notified().await;
        }
        if in_flight.closed.load(Ordering::Acquire) {
            break;
        }
        let read = tokio::select! {
            read = protocol::read_line(&mut reader, &mut line, protocol::MAX_LINE) => read,
            changed = phase.changed() => {
                if changed.is_err() || *phase.borrow() == Phase::Closed {
                    break;
                }
                continue;
            }
        };
        let answered = match read {
            Ok(LineRead::Line) => !line.iter().all(u8::is_ascii_whitespace),
            Ok(LineRead::TooLong) => true,
            Ok(LineRead::Eof) | Err(_) => false,
        };
        if answered {
            // Every such line gets exactly one reply.
            in_flight.count.fetch_add(1, Ordering::AcqRel);
        }
        line_no += 1;
        let request = std::mem::take(&mut line);
        match read {
            Ok(LineRead::Line) => {}
            Ok(LineRead::TooLong) => {
                let _ = reply.send(protocol::error_reply(
                    &Value::Null,
                    "ProtocolError",
                    &format!(
                        "line {line_no}: longer than {} bytes; skipped",
                        protocol::MAX_LINE
                    ),
                ));
                continue;
            }
            Ok(LineRead::Eof) | Err(_) => break,
        }
        if request.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match protocol::parse_request(&request, line_no) {
            Ok(Request::Ping { id }) => {
                let _ = reply.send(protocol::ok_reply(&id, Value::from("pong")));
            }
            Ok(Request::Stats { id }) => {
                let _ = events.send(Event::Stats {
                    id,
                    reply: reply.clone(),
                });
            }
            Ok(Request::Call { id, .. }) => {
                let mut job_line = request;
                job_line.push(b'\n');
                let _ = events.send(Event::Call(Job {
                    id,
                    line: job_line,
                    reply: reply.clone(),
                }));
            }
            Err(bad) => {
                let _ = reply.send(protocol::error_reply(
                    &bad.id,
                    "ProtocolError",
                    &bad.message,
                ));
            }
        }
    }
    drop(reply);
    let _ = writer.await;
}
