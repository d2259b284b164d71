//! The command line: the subcommands and their flags. `main.rs` dispatches them: the small
//! commands (`freeze`, `dis`, `run`) inline, the server commands to their own modules.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The parsed command line: one subcommand.
#[derive(Parser, Debug)]
#[command(
    name = "permafrost",
    version,
    about = "A fork-server process pool that runs Python from a frozen, read-only code image"
)]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The memory layout of code objects and constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LayoutArg {
    /// Code and constants read in place from the read-only image, never refcounted.
    Permanent,
    /// CPython's layout: code and constants copied into refcounted heap objects at load.
    Transient,
}

/// How `--isolate` gives every job the zygote's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IsolateMode {
    /// A worker puts its memory back to its state right after the fork once a job is done,
    /// and serves the next one (the worker process is reused).
    Reset,
    /// A new worker process is forked for every job.
    Fork,
}

impl From<LayoutArg> for permafrost_worker::Layout {
    fn from(layout: LayoutArg) -> Self {
        match layout {
            LayoutArg::Permanent => permafrost_worker::Layout::Permanent,
            LayoutArg::Transient => permafrost_worker::Layout::Transient,
        }
    }
}

/// How `serve` writes its log lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

/// The subcommands, each with its flags.
// Parsed once per process: the size of `Serve` costs nothing worth boxing it for.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compile a program and every module it imports into an image; the first file is the
    /// main module.
    ///
    /// Imports are searched in the main file's directory, each --path, then CPython 3.11's
    /// standard library (found with `python3 -c 'import sysconfig; ...'` unless --stdlib or
    /// --no-stdlib).
    Freeze {
        /// Python source files: the main module, then extra modules named by their stem.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the image.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Another directory to search for imported modules (repeatable).
        #[arg(long = "path", value_name = "DIR")]
        path: Vec<PathBuf>,
        /// CPython 3.11's `Lib/` directory (default: ask python3).
        #[arg(long, value_name = "DIR", conflicts_with = "no_stdlib")]
        stdlib: Option<PathBuf>,
        /// Do not search the standard library.
        #[arg(long = "no-stdlib")]
        no_stdlib: bool,
        /// Store the standard library modules' sources in the image too (the program's own
        /// are always stored), so tracebacks show their source lines.
        #[arg(long = "stdlib-sources")]
        stdlib_sources: bool,
        /// List the modules frozen and the absent ones.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Print every code object's co_* fields and its disassembly.
    Dis {
        /// The image file.
        image: PathBuf,
        /// Print JSON (one object per code object) instead of text.
        #[arg(long)]
        json: bool,
        /// List the modules (name, origin, code objects, bytes, source path) instead.
        #[arg(long, conflicts_with = "json")]
        modules: bool,
        /// With --json: only the code objects of the program's own modules (not the
        /// standard library's or --path packages').
        #[arg(long, requires = "json")]
        app: bool,
    },
    /// Run the image's main module.
    Run {
        /// The image file.
        image: PathBuf,
        /// Memory layout of code objects and constants.
        #[arg(long, value_enum, default_value_t = LayoutArg::Permanent)]
        layout: LayoutArg,
        /// Refuse `exec`, `eval` and `compile` (code compiled at run time).
        #[arg(long = "no-dynamic-code")]
        no_dynamic_code: bool,
        /// Heap budget in MiB: past it the program gets `MemoryError` (0: none).
        #[arg(long = "memory-limit", default_value_t = 0)]
        memory_limit: u64,
        /// Withhold the host's file system and standard input, as from a serving worker:
        /// `open()` and the `os` file calls raise `OSError(ENOSYS)`.
        #[arg(long = "no-files")]
        no_files: bool,
    },
    /// Serve jobs from a pool of forked workers over a Unix socket.
    Serve(ServeArgs),
    /// A zygote process (started by `serve`, never by hand).
    #[command(hide = true)]
    Zygote {
        /// The image file.
        image: PathBuf,
        /// The image store.
        #[arg(long = "image-store")]
        image_store: PathBuf,
        /// The inherited control socket.
        #[arg(long = "control-fd")]
        control_fd: i32,
        /// The supervisor's pid (the zygote dies with it).
        #[arg(long)]
        supervisor: i32,
        /// Memory layout of code objects and constants.
        #[arg(long, value_enum)]
        layout: LayoutArg,
        /// Largest reply a worker sends.
        #[arg(long = "max-reply-bytes")]
        max_reply_bytes: usize,
        /// A worker above this RSS (MiB) after a job is replaced (0: never).
        #[arg(long = "max-worker-rss", default_value_t = 0)]
        max_worker_rss: u64,
        /// Each worker's heap budget in MiB (0: none).
        #[arg(long = "worker-memory", default_value_t = 0)]
        worker_memory: u64,
        /// Refuse `exec`, `eval` and `compile` in jobs.
        #[arg(long = "no-dynamic-code")]
        no_dynamic_code: bool,
        /// Workers run unsandboxed.
        #[arg(long = "no-sandbox")]
        no_sandbox: bool,
        /// Workers drop to this user.
        #[arg(long)]
        user: Option<String>,
        /// RLIMIT_CPU of each worker (0: none).
        #[arg(long = "worker-cpu-seconds", default_value_t = 0)]
        worker_cpu_seconds: u64,
        /// Every job starts from the zygote's state, by this means.
        #[arg(long, value_enum)]
        isolate: Option<IsolateMode>,
        /// Log lines as text or JSON, as `serve` does.
        #[arg(long = "log-format", value_enum, default_value_t = LogFormat::Text)]
        log_format: LogFormat,
    },
    /// Applies the worker sandbox to itself, then tries to open a file, create a socket, fork
    /// and exec; exits 0 only if every attempt failed.
    #[command(name = "sandbox-selftest", hide = true)]
    SandboxSelftest {
        /// Drop to this user first, as `serve --user` does.
        #[arg(long)]
        user: Option<String>,
    },
    /// Call a function on a running server; each ARG is a JSON value.
    Call {
        /// Path of the server's Unix socket.
        #[arg(long)]
        socket: PathBuf,
        /// `name` in the main module, or `module.name`.
        function: String,
        /// Positional arguments, each a JSON value.
        args: Vec<String>,
    },
    /// Print the per-worker memory report of a running server.
    Stats {
        /// Path of the server's Unix socket.
        #[arg(long)]
        socket: PathBuf,
        /// Print the raw stats object instead of the table.
        #[arg(long, conflicts_with = "prometheus")]
        json: bool,
        /// Print the Prometheus text exposition (what `serve --metrics-listen` serves).
        #[arg(long)]
        prometheus: bool,
    },
    /// The host-wide image store: list its files or remove the unmapped ones.
    Store {
        /// What to do.
        #[command(subcommand)]
        command: StoreCommand,
    },
    /// The tour: freeze a synthetic app, serve it in both layouts, compare memory.
    Demo {
        /// Print the side-by-side comparison as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Load generator for measurements: concurrent clients calling one function.
    #[command(name = "bench-client", hide = true)]
    BenchClient {
        /// Path of the server's Unix socket.
        #[arg(long)]
        socket: PathBuf,
        /// Concurrent connections (one thread each).
        #[arg(long, default_value_t = 1)]
        clients: usize,
        /// Calls per connection.
        #[arg(long, default_value_t = 10000)]
        requests: usize,
        /// Calls in flight per connection.
        #[arg(long, default_value_t = 1)]
        pipeline: usize,
        /// Send `ping` requests (answered by the supervisor) instead of calls.
        #[arg(long)]
        ping: bool,
        /// The function to call (ignored with `--ping`).
        #[arg(default_value = "handle")]
        function: String,
        /// Positional arguments of every call, each a JSON value.
        args: Vec<String>,
    },
}

/// The flags of `serve`. A config file (`--config`) has one key per field, named as the flag
/// (`crate::config`); a flag given on the command line wins over the file.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// The image file (or `image` in the config file).
    pub image: Option<PathBuf>,
    /// Read settings from this TOML file: each key is a flag's name without `--`; flags
    /// given on the command line override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Path of the Unix socket to listen on (not needed when systemd passes the listening
    /// socket: socket activation, or with --redis).
    #[arg(long)]
    pub socket: Option<PathBuf>,
    /// Also take jobs from a Redis stream (needs --stream), e.g. redis://127.0.0.1:6379/0.
    #[arg(long, value_name = "URL")]
    pub redis: Option<String>,
    /// With --redis: the stream jobs are read from (created if missing).
    #[arg(long, value_name = "NAME")]
    pub stream: Option<String>,
    /// With --redis: the consumer group the servers of one fleet share (created if
    /// missing, reading the stream from its start).
    #[arg(long, value_name = "G", default_value = "permafrost")]
    pub group: String,
    /// With --redis: this server's consumer name in the group (default: HOSTNAME-PID).
    #[arg(long, value_name = "C")]
    pub consumer: Option<String>,
    /// With --redis: the stream replies are added to (default: STREAM:results), unless a
    /// message names a list in its `reply_to` field.
    #[arg(long = "result-stream", value_name = "NAME")]
    pub result_stream: Option<String>,
    /// With --redis: claim messages another consumer has held this many seconds without
    /// acknowledging them (it is gone: a live server keeps its messages fresh).
    #[arg(long = "claim-after", value_name = "SECS", default_value_t = 30.0)]
    pub claim_after: f64,
    /// Serve Prometheus metrics over HTTP at `GET /metrics` on ADDR:PORT (a bare PORT
    /// binds the loopback address; off when not given).
    #[arg(long = "metrics-listen", value_name = "ADDR:PORT")]
    pub metrics_listen: Option<String>,
    /// Log lines as text or as one JSON object each.
    #[arg(long = "log-format", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// Number of forked workers in the pool.
    #[arg(long, default_value_t = 4)]
    pub workers: usize,
    /// Memory layout of code objects and constants in the workers.
    #[arg(long, value_enum, default_value_t = LayoutArg::Permanent)]
    pub layout: LayoutArg,
    /// Kill a job's worker after this many seconds.
    #[arg(long = "job-timeout", default_value_t = 30.0)]
    pub job_timeout: f64,
    /// Recycle a worker after this many jobs (1: a fresh fork per job; 0: never).
    #[arg(long = "max-jobs-per-worker", default_value_t = 0)]
    pub max_jobs_per_worker: u64,
    /// Refuse jobs with a `busy` error beyond this many queued.
    #[arg(long = "queue-limit", default_value_t = 1024)]
    pub queue_limit: usize,
    /// Refuse `exec`, `eval` and `compile` in jobs (for servers that run untrusted
    /// jobs); the image's own modules may still use them while preloading.
    #[arg(long = "no-dynamic-code")]
    pub no_dynamic_code: bool,
    /// Replace a worker after a job that leaves its RSS above this many MiB (0: never).
    #[arg(long = "max-worker-rss", default_value_t = 0)]
    pub max_worker_rss: u64,
    /// Heap budget of each worker in MiB: past it a job gets `MemoryError`, and a worker
    /// whose heap stays above it after a job is replaced (0: none).
    #[arg(long = "worker-memory", default_value_t = 0)]
    pub worker_memory: u64,
    /// Largest reply a job may produce, in bytes; a larger one is answered with a
    /// `ReplyTooLarge` error naming its size.
    #[arg(long = "max-reply-bytes", default_value_t = 32 << 20)]
    pub max_reply_bytes: usize,
    /// Most client connections open at once; one more gets a `Busy` error line and is
    /// closed.
    #[arg(long = "max-connections", default_value_t = 1024)]
    pub max_connections: usize,
    /// Close a connection that is idle (nothing in flight), leaves a request line
    /// unfinished, or does not read its replies, for this many seconds.
    #[arg(long = "client-timeout", default_value_t = 60.0)]
    pub client_timeout: f64,
    /// Also let this uid submit jobs (repeatable; root and the server's own uid always
    /// may).
    #[arg(long = "allow-uid", value_name = "UID")]
    pub allow_uid: Vec<u32>,
    /// Also let peers whose primary group is this gid submit jobs (repeatable).
    #[arg(long = "allow-gid", value_name = "GID")]
    pub allow_gid: Vec<u32>,
    /// Permission bits of the socket file, in octal (default 600).
    #[arg(long = "socket-mode", value_name = "OCTAL")]
    pub socket_mode: Option<String>,
    /// Group of the socket file (a name or a gid).
    #[arg(long = "socket-group", value_name = "GROUP")]
    pub socket_group: Option<String>,
    /// Run workers without the sandbox (seccomp, rlimits, no_new_privs, empty environment,
    /// closed descriptors), for debugging.
    #[arg(long = "no-sandbox")]
    pub no_sandbox: bool,
    /// Run workers as this user (and its groups); needs a server started as root.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Keep this environment variable for the zygote and workers (repeatable; the sandbox
    /// drops all others).
    #[arg(long = "pass-env", value_name = "NAME")]
    pub pass_env: Vec<String>,
    /// RLIMIT_CPU of each worker in seconds (0: none); under --isolate, per job.
    #[arg(long = "worker-cpu-seconds", default_value_t = 0)]
    pub worker_cpu_seconds: u64,
    /// Run every job in a fresh worker forked from the zygote: nothing a job does
    /// persists into the next one.
    #[arg(long, conflicts_with = "max_jobs_per_worker")]
    pub isolate: bool,
    /// With --isolate-mode fork: workers kept forked and idle beyond --workers, so that a job
    /// never waits for a fork.
    #[arg(long = "spare-workers", default_value_t = 2)]
    pub spare_workers: usize,
    /// How --isolate starts every job from the zygote's state: `reset` puts the worker's
    /// memory back after each job and reuses the process (pool speed); `fork` forks a new
    /// worker for each job.
    #[arg(long = "isolate-mode", value_enum, default_value_t = IsolateMode::Reset)]
    pub isolate_mode: IsolateMode,
    /// The host-wide image store the image is placed in and mapped from (default:
    /// $PERMAFROST_IMAGE_STORE, else /var/lib/permafrost/images for root,
    /// ~/.cache/permafrost/images for other users).
    #[arg(long = "image-store", value_name = "DIR")]
    pub image_store: Option<PathBuf>,
}

/// `permafrost store` subcommands.
#[derive(Subcommand, Debug)]
pub enum StoreCommand {
    /// List the store's files with their sizes and the processes mapping them.
    Ls {
        /// The store (default as for `serve`).
        #[arg(long = "image-store", value_name = "DIR")]
        image_store: Option<PathBuf>,
    },
    /// Remove the store files no process maps.
    Gc {
        /// The store (default as for `serve`).
        #[arg(long = "image-store", value_name = "DIR")]
        image_store: Option<PathBuf>,
    },
}
