//! # permafrost-server: the `permafrost` binary's rooms
//!
//! The command line ([`cli`]) and everything that involves processes: the single-threaded
//! zygote (an exec'd process of this binary, restartable), the worker pool, the tokio supervisor that
//! owns the Unix socket and speaks the JSON-lines protocol (`docs/protocol.md`), the memory
//! report read from `/proc`, and `permafrost demo`.
//!
//! It may touch processes, sockets, signals and `/proc`; it runs Python only through
//! `permafrost_worker`.
//!
//! | module | concern |
//! | --- | --- |
//! | [`cli`] | subcommands and flags |
//! | [`config`] | `serve --config FILE`: the TOML file merged under the flags, and the checks of the merged settings |
//! | [`systemd`] | socket activation (`LISTEN_FDS`) and `sd_notify` (`READY=1`, `RELOADING=1`, `STOPPING=1`, `STATUS=`, watchdog) |
//! | [`supervisor`] | `serve`: socket, per-connection queues, fair dispatch, timeouts, client limits, replacement, zygote restart and reload, shutdown (tokio) |
//! | `connection` | client connections: accept, limits, timeouts, backpressure, reply writing |
//! | [`zygote`] | the preloaded zygote (the exec'd `zygote` subcommand), its control protocol, the worker loop and its frames |
//! | [`fork`] | `fork`, parent-death signal, `SCM_RIGHTS` (the `unsafe` process primitives) |
//! | [`sandbox`] | who may submit (peer credentials, socket mode and group) and the worker sandbox (user drop, no_new_privs, seccomp, rlimits, descriptors), `sandbox-selftest` |
//! | [`alloc`] | the global allocator: system, then a private arena in each worker |
//! | `queue` | the job queue: one FIFO per connection, served round-robin |
//! | [`protocol`] | request parsing and reply building for the JSON-lines protocol |
//! | [`stream`] | `serve --redis`: jobs from a Redis stream (consumer group, claims, replies and acks) |
//! | [`store`] | the host-wide, content-addressed image store: placing, verifying, mappers, `store ls`/`gc` |
//! | [`memory`] | the stats report from `/proc/PID/smaps` and `/proc/PID/pagemap` |
//! | [`metrics`] | job and restart counters, the Prometheus exposition, the `--metrics-listen` endpoint |
//! | [`client`] | `call`, `stats`, the `bench-client` load generator |
//! | [`demo`] | `permafrost demo` and its app generator |

pub mod alloc;
pub mod cli;
pub mod client;
pub mod config;
mod connection;
pub mod demo;
pub mod fork;
pub mod memory;
pub mod metrics;
pub mod protocol;
mod queue;
mod reset;
pub mod sandbox;
pub mod store;
pub mod stream;
pub mod supervisor;
pub mod systemd;
pub mod zygote;

/// Sends log output (`tracing`) to stderr at the level named by `PERMAFROST_LOG` (`error`,
/// `warn`, `info`, `debug`, `trace`), `default` when unset. Starts no thread.
pub fn init_logging(default: tracing::Level) {
    init_logging_as(default, false);
}

/// Set once `serve` logs JSON, so that the zygotes it starts log JSON too.
static LOG_JSON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this process logs one JSON object per line.
pub fn logging_json() -> bool {
    LOG_JSON.load(std::sync::atomic::Ordering::Relaxed)
}

/// As [`init_logging`]; with `json`, each line is one JSON object (`timestamp`, `level`,
/// `fields.message`, …) for log shippers.
pub fn init_logging_as(default: tracing::Level, json: bool) {
    let level = std::env::var("PERMAFROST_LOG")
        .ok()
        .and_then(|v| v.trim().parse::<tracing::Level>().ok())
        .unwrap_or(default);
    LOG_JSON.store(json, std::sync::atomic::Ordering::Relaxed);
    let builder = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_target(false);
    let _ = if json {
        builder.json().with_ansi(false).try_init()
    } else {
        builder
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .try_init()
    };
}
