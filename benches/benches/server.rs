//! Process costs of `permafrost serve`, in both layouts, seen from a client over the Unix
//! socket: (a) the round trip of a trivial call `handle(21)` on one connection to a pool of
//! one long-lived worker, and (b) the same call when every job gets a freshly forked worker
//! (`--max-jobs-per-worker 1`); (b) minus (a) is the worker spawn latency a client pays. The
//! server also logs, per spawn, the time from its spawn request to the worker's `ready` line,
//! summarised beside criterion's figures. Drives the release binary (`$PERMAFROST_BIN`, else
//! `$CARGO_TARGET_DIR/release/permafrost`, else `target/release/permafrost`; build it first
//! with `cargo build --release -p permafrost-server`). Figures: `docs/performance.md`,
//! "Interpreter layouts and process costs (criterion)".

use criterion::{criterion_main, BenchmarkId, Criterion};
use permafrost_benches::{
    freeze_source, human, permafrost_bin, quantile, spawn_ready_micros, Client, Samples, Server,
    TempDir,
};
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

/// The app served: one trivial function, so the round trip is all process and protocol cost.
const APP: &str = "def handle(x):\n    return x * 2\n";

/// Times `iters` calls of `handle(21)`, each also recorded in `samples`.
fn timed_calls(client: &mut Client, iters: u64, samples: &mut Samples) -> Duration {
    let argument = [json!(21)];
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        let result = client.call("handle", &argument);
        let elapsed = start.elapsed();
        match result {
            Ok(value) if value == json!(42) => {}
            other => panic!("handle(21) returned {other:?}"),
        }
        total += elapsed;
        samples.push(elapsed);
    }
    total
}

/// The pid of the worker that ran one `handle(21)`.
fn worker_of_call(client: &mut Client) -> Result<u64, String> {
    let reply = client.request(json!({"op": "call", "function": "handle", "args": [21]}))?;
    if reply.get("result") != Some(&json!(42)) {
        return Err(format!("handle(21) replied {reply}"));
    }
    reply
        .get("worker")
        .and_then(Value::as_u64)
        .ok_or_else(|| format!("reply without a worker pid: {reply}"))
}

/// Starts a server and checks, with two calls, whether they ran in the same worker.
fn start_checked(
    bin: &Path,
    image: &Path,
    dir: &TempDir,
    name: &str,
    log_level: &str,
    extra: &[&str],
    fresh_worker_per_call: bool,
) -> (Server, Client) {
    let server = Server::start(
        bin,
        image,
        &dir.path().join(format!("{name}.sock")),
        &dir.path().join(format!("{name}.log")),
        log_level,
        extra,
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut client = Client::connect(server.socket()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let first = worker_of_call(&mut client).unwrap_or_else(|e| panic!("{name}: {e}"));
    let second = worker_of_call(&mut client).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(
        first != second,
        fresh_worker_per_call,
        "{name}: consecutive calls ran in workers {first} and {second}"
    );
    (server, client)
}

struct Row {
    layout: &'static str,
    round_trip: Samples,
    fresh_worker: Samples,
    spawn_ready_us: Vec<u64>,
}

fn server(c: &mut Criterion) {
    let bin = permafrost_bin();
    assert!(
        bin.exists(),
        "{} does not exist: build it with `cargo build --release -p permafrost-server` \
         or set PERMAFROST_BIN",
        bin.display()
    );
    eprintln!("server: driving {}", bin.display());
    let dir = TempDir::new("permafrost-bench-server").expect("cannot create a temp dir");
    let image = dir.path().join("app.pfi");
    let bytes = freeze_source("app", "app.py", APP).expect("the bench app compiles");
    std::fs::write(&image, bytes).expect("cannot write the bench image");

    let mut rows = Vec::new();
    let mut group = c.benchmark_group("server");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for layout in ["permanent", "transient"] {
        let mut row = Row {
            layout,
            round_trip: Samples::default(),
            fresh_worker: Samples::default(),
            spawn_ready_us: Vec::new(),
        };

        let (server, mut client) = start_checked(
            &bin,
            &image,
            &dir,
            &format!("round-trip-{layout}"),
            "warn",
            &["--workers", "1", "--layout", layout],
            false,
        );
        group.bench_function(BenchmarkId::new("round_trip", layout), |b| {
            b.iter_custom(|iters| timed_calls(&mut client, iters, &mut row.round_trip))
        });
        drop(client);
        drop(server);

        // Debug logging adds the server's per-spawn `ready` line (and two more) to each call.
        let (server, mut client) = start_checked(
            &bin,
            &image,
            &dir,
            &format!("fresh-worker-{layout}"),
            "debug",
            &[
                "--workers",
                "1",
                "--max-jobs-per-worker",
                "1",
                "--layout",
                layout,
            ],
            true,
        );
        group.bench_function(BenchmarkId::new("fresh_worker_round_trip", layout), |b| {
            b.iter_custom(|iters| timed_calls(&mut client, iters, &mut row.fresh_worker))
        });
        drop(client);
        row.spawn_ready_us = spawn_ready_micros(&server.log_text());
        drop(server);
        rows.push(row);
    }
    group.finish();

    eprintln!("server: medians of every timed call (criterion's warm-up included)");
    eprintln!(
        "| layout | round trip (calls) | fresh-worker round trip (calls) | difference | \
         spawn request → ready, p50 / p90 (spawns) |"
    );
    eprintln!("| --- | ---: | ---: | ---: | ---: |");
    for row in &rows {
        let (Some(a), Some(b)) = (row.round_trip.median(), row.fresh_worker.median()) else {
            continue;
        };
        let ready = match (
            quantile(&row.spawn_ready_us, 0.5),
            quantile(&row.spawn_ready_us, 0.9),
        ) {
            (Some(p50), Some(p90)) => format!(
                "{} / {} ({})",
                human(Duration::from_micros(p50)),
                human(Duration::from_micros(p90)),
                row.spawn_ready_us.len()
            ),
            _ => "no `ready` lines logged".into(),
        };
        eprintln!(
            "| {} | {} ({}) | {} ({}) | {} | {ready} |",
            row.layout,
            human(a),
            row.round_trip.len(),
            human(b),
            row.fresh_worker.len(),
            human(b.saturating_sub(a)),
        );
    }
}

/// Private, so that the `pub fn` that `criterion_group!` generates is not crate API.
mod group {
    criterion::criterion_group!(benches, super::server);
}
criterion_main!(group::benches);
