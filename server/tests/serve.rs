//! `permafrost serve`, `call` and `stats` end to end: results and errors, pipelining,
//! concurrency, timeouts, crashed workers, malformed input, recycling, the queue limit,
//! shutdown, the socket file, and the memory report's invariants. Each test drives the built
//! binary as a child process with its own directory and socket.

mod common;

use common::{children_of, Client, Server, TempDir, APP, BIN};
use nix::sys::signal::Signal;
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::process::Command;
use std::time::{Duration, Instant};

fn worker_pids(stats: &Value) -> Vec<i64> {
    stats["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .map(|w| w["pid"].as_i64().expect("pid"))
        .collect()
}

#[test]
fn calls_return_results_output_and_errors() {
    let server = Server::start("results", APP, 2, &[]);
    let mut client = server.client();

    let reply = client.call("handle", json!([21]));
    assert_eq!(reply["ok"], true, "{reply}");
    assert_eq!(reply["result"], 42);
    assert!(reply["worker"].as_i64().expect("worker pid") > 0);
    assert!(reply["elapsed_us"].as_u64().is_some());

    let reply = client.call("echo", json!(["a", {"b": [1, 2]}]));
    assert_eq!(reply["result"], json!(["a", {"b": [1, 2]}]));
    assert_eq!(reply["stdout"], "hello\n");

    let reply = client.call("boom", json!([]));
    assert_eq!(reply["ok"], false);
    assert_eq!(reply["error"]["type"], "ZeroDivisionError");
    assert_eq!(reply["error"]["message"], "division by zero");
    let traceback = reply["error"]["traceback"].as_str().expect("traceback");
    assert!(
        traceback.starts_with("Traceback (most recent call last):\n"),
        "{traceback}"
    );
    assert!(
        traceback.ends_with("ZeroDivisionError: division by zero\n"),
        "{traceback}"
    );

    let reply = client.call("no_such_function", json!([]));
    assert_eq!(reply["ok"], false, "{reply}");

    let reply = client.request(json!({"op": "ping"}));
    assert_eq!(reply["ok"], true);
    assert_eq!(reply["result"], "pong");

    // A string id comes back as is.
    client.send_raw(b"{\"id\":\"abc\",\"op\":\"call\",\"function\":\"handle\",\"args\":[1]}\n");
    let reply = client.receive();
    assert_eq!(reply["id"], "abc");
    assert_eq!(reply["result"], 2);
}

#[test]
fn call_command_prints_results_and_exits_by_outcome() {
    let server = Server::start("callcmd", APP, 1, &[]);
    let socket = server.socket.to_str().expect("utf-8 path");

    let out = server.run_cli(&["call", "--socket", socket, "handle", "21"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\n");

    let out = server.run_cli(&["call", "--socket", socket, "echo", "\"x\"", "[1,2]"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[\"x\",[1,2]]\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "hello\n",
        "job output goes to stderr"
    );

    let out = server.run_cli(&["call", "--socket", socket, "boom"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Traceback (most recent call last):"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("ZeroDivisionError: division by zero\n"),
        "{stderr}"
    );

    let out = server.run_cli(&["call", "--socket", socket, "handle", "not json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a JSON value"));

    let missing = server.dir.0.join("missing.sock");
    let out = server.run_cli(&[
        "call",
        "--socket",
        missing.to_str().expect("utf-8"),
        "handle",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot connect"));
}

#[test]
fn pipelined_requests_all_come_back_with_their_ids() {
    let server = Server::start("pipeline", APP, 2, &[]);
    let mut client = server.client();
    let mut batch = String::new();
    for i in 0..300 {
        batch.push_str(&format!(
            "{{\"id\":{i},\"op\":\"call\",\"function\":\"handle\",\"args\":[{i}]}}\n"
        ));
        if i % 50 == 0 {
            batch.push_str(&format!("{{\"id\":\"p{i}\",\"op\":\"ping\"}}\n"));
        }
    }
    client.send_raw(batch.as_bytes());
    let mut seen = std::collections::HashSet::new();
    for _ in 0..306 {
        let reply = client.receive();
        assert_eq!(reply["ok"], true, "{reply}");
        if let Some(i) = reply["id"].as_i64() {
            assert_eq!(reply["result"], json!(i * 2));
            assert!(seen.insert(i), "duplicate reply {i}");
        } else {
            assert_eq!(reply["result"], "pong");
        }
    }
    assert_eq!(seen.len(), 300);
}

#[test]
fn twenty_concurrent_clients_get_their_own_answers() {
    let server = Server::start("concurrent", APP, 3, &[]);
    let threads: Vec<_> = (0..20)
        .map(|c| {
            let socket = server.socket.clone();
            std::thread::spawn(move || {
                let mut client = Client::connect(&socket).expect("connect");
                for i in 0..40 {
                    let x = c * 1000 + i;
                    let reply = client.call("handle", json!([x]));
                    assert_eq!(reply["result"], json!(x * 2), "{reply}");
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("client thread");
    }
    let stats = server.stats();
    let done: u64 = stats["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .map(|w| w["jobs_done"].as_u64().expect("jobs_done"))
        .sum();
    assert!(done >= 800, "jobs_done {done}");
}

#[test]
fn a_job_that_never_ends_times_out_and_the_pool_keeps_serving() {
    let server = Server::start("timeout", APP, 2, &["--job-timeout", "1"]);
    let mut client = server.client();
    let started = Instant::now();
    let reply = client.call("spin", json!([]));
    let waited = started.elapsed();
    assert_eq!(reply["ok"], false);
    assert_eq!(reply["error"]["type"], "TimeoutError", "{reply}");
    assert!(
        waited >= Duration::from_millis(900),
        "replied after {waited:?}"
    );
    assert!(waited < Duration::from_secs(10), "replied after {waited:?}");
    for i in 0..5 {
        assert_eq!(client.call("handle", json!([i]))["result"], json!(i * 2));
    }
    // The killed worker is replaced.
    let started = Instant::now();
    loop {
        let stats = server.stats();
        let workers = stats["workers"].as_array().expect("workers").clone();
        let live = workers.iter().filter(|w| w["state"] == "idle").count();
        if live == 2 && workers.len() == 2 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "pool not refilled: {stats}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_worker_killed_mid_job_is_reported_and_replaced() {
    let server = Server::start("sigkill", APP, 2, &["--job-timeout", "60"]);
    let mut spinner = server.client();
    let id = spinner.send(json!({"op": "call", "function": "spin", "args": []}));
    let victim = server.wait_busy();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(victim as i32), Signal::SIGKILL)
        .expect("kill worker");
    let reply = spinner.receive();
    assert_eq!(reply["id"], json!(id));
    assert_eq!(reply["ok"], false);
    assert_eq!(reply["error"]["type"], "WorkerCrashed");
    assert_eq!(
        reply["error"]["message"],
        format!("worker {victim} killed by signal 9 (SIGKILL)")
    );
    let mut client = server.client();
    assert_eq!(client.call("handle", json!([4]))["result"], 8);
    let started = Instant::now();
    loop {
        let pids = worker_pids(&server.stats());
        if pids.len() == 2 && !pids.contains(&victim) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "not replaced: {pids:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn malformed_input_gets_protocol_errors_and_the_server_keeps_serving() {
    let server = Server::start("malformed", APP, 1, &[]);
    let mut client = server.client();

    client.send_raw(b"this is not json\n");
    let reply = client.receive();
    assert_eq!(reply["id"], Value::Null);
    assert_eq!(reply["ok"], false);
    assert_eq!(reply["error"]["type"], "ProtocolError");
    assert_eq!(
        reply["error"]["message"],
        "line 1: expected ident at column 2"
    );

    client.send_raw(b"{\"id\":5,\"op\":\"dance\"}\n");
    let reply = client.receive();
    assert_eq!(reply["id"], 5);
    assert_eq!(reply["error"]["type"], "ProtocolError");
    assert!(reply["error"]["message"]
        .as_str()
        .expect("message")
        .starts_with("line 2: unknown op"));

    client.send_raw(b"{\"id\":6,\"op\":\"call\",\"function\":\"handle\",\"args\":\"x\"}\n");
    let reply = client.receive();
    assert_eq!(reply["id"], 6);
    assert!(reply["error"]["message"]
        .as_str()
        .expect("message")
        .contains("\"args\" must be an array"));

    client.send_raw(b"{\"id\":7,\"op\":\"call\",\"function\":[1]}\n");
    let reply = client.receive();
    assert_eq!(reply["id"], 7);
    assert_eq!(reply["error"]["type"], "ProtocolError");

    // A 10 MB line is refused without being buffered, and the connection goes on.
    let mut huge = Vec::with_capacity(10 << 20);
    huge.extend_from_slice(b"{\"id\":8,\"op\":\"call\",\"function\":\"handle\",\"args\":[\"");
    huge.resize(10 << 20, b'x');
    huge.extend_from_slice(b"\"]}\n");
    let writer = {
        let mut w = client.writer.try_clone().expect("clone");
        std::thread::spawn(move || w.write_all(&huge).expect("send huge line"))
    };
    let reply = client.receive();
    writer.join().expect("writer");
    assert_eq!(reply["id"], Value::Null);
    assert_eq!(reply["error"]["type"], "ProtocolError");
    assert!(reply["error"]["message"]
        .as_str()
        .expect("message")
        .contains("longer than"));

    assert_eq!(client.call("handle", json!([3]))["result"], 6);

    // Clients that vanish: mid-line, and right after sending a call.
    {
        let mut c = server.client();
        c.send_raw(b"{\"id\":1,\"op\":\"ca");
    }
    {
        let mut c = server.client();
        c.send(json!({"op": "call", "function": "handle", "args": [1]}));
    }
    {
        let mut c = server.client();
        c.send_raw(b"\n\n   \n");
        c.writer
            .shutdown(std::net::Shutdown::Write)
            .expect("shutdown");
        let mut rest = String::new();
        c.reader.read_to_string(&mut rest).expect("read to end");
        assert_eq!(rest, "", "blank lines get no reply");
    }
    let mut client = server.client();
    assert_eq!(client.call("handle", json!([5]))["result"], 10);
}

#[test]
fn sigterm_finishes_in_flight_jobs_removes_the_socket_and_leaves_no_children() {
    let mut server = Server::start("sigterm", APP, 2, &[]);
    let stats = server.stats();
    let zygote = stats["zygote"]["pid"].as_i64().expect("zygote pid") as i32;
    let workers = worker_pids(&stats);
    assert_eq!(children_of(server.pid()), vec![zygote]);
    let mut client = server.client();
    // A job running when the signal arrives still gets its answer.
    let id = client.send(json!({"op": "call", "function": "work", "args": [2_000_000]}));
    server.wait_busy();
    let mut late = server.client();
    server.signal(Signal::SIGTERM);
    // The socket file goes as soon as the server stops accepting; calls that arrive after
    // that on an open connection are refused.
    let started = Instant::now();
    while server.socket.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "socket still there"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let refused = late.call("handle", json!([1]));
    assert_eq!(refused["error"]["type"], "ShuttingDown", "{refused}");
    let reply = client.receive();
    assert_eq!(reply["id"], json!(id));
    assert_eq!(reply["ok"], true, "{reply}");
    assert_eq!(reply["result"], 1_999_999_000_000u64);
    assert_eq!(server.wait_exit(Duration::from_secs(15)), Some(0));
    assert!(!server.socket.exists(), "socket removed");
    assert!(children_of(server.pid()).is_empty());
    assert!(children_of(zygote).is_empty());
    assert!(!common::alive(zygote), "zygote gone");
    for pid in workers {
        assert!(!common::alive(pid as i32), "worker {pid} gone");
    }
}

#[test]
fn sigint_shuts_down_cleanly_too() {
    let mut server = Server::start("sigint", APP, 1, &[]);
    server.signal(Signal::SIGINT);
    assert_eq!(server.wait_exit(Duration::from_secs(15)), Some(0));
    assert!(!server.socket.exists());
}

#[test]
fn killing_the_server_takes_the_pool_down_with_it() {
    let mut server = Server::start("orphans", APP, 2, &[]);
    let stats = server.stats();
    let zygote = stats["zygote"]["pid"].as_i64().expect("zygote pid") as i32;
    let workers = worker_pids(&stats);
    server.signal(Signal::SIGKILL);
    let _ = server.wait_exit(Duration::from_secs(5));
    let started = Instant::now();
    while common::alive(zygote) || workers.iter().any(|&w| common::alive(w as i32)) {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "orphans left behind"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn stale_socket_is_replaced_and_live_socket_refused() {
    let dir = TempDir::new("socketfile");
    let image = common::freeze(&dir.0, APP);
    let socket = dir.0.join("s.sock");
    // A socket file nobody listens on any more.
    drop(std::os::unix::net::UnixListener::bind(&socket).expect("bind"));
    assert!(socket.exists());
    let first = common::spawn_serve(&image, &socket, 1, &[]);
    let mut first = Server {
        child: first,
        socket: socket.clone(),
        workers: 1,
        dir,
    };
    first.wait_ready();
    let mode = std::fs::metadata(&socket).expect("socket").permissions();
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&mode) & 0o777,
        0o600
    );

    let out = Command::new(BIN)
        .arg("serve")
        .arg(&image)
        .arg("--socket")
        .arg(&socket)
        .output()
        .expect("second serve");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("already listening"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(first.client().call("handle", json!([1]))["result"], 2);

    // A regular file at the path is never deleted.
    let file = first.dir.0.join("plain");
    std::fs::write(&file, "keep me").expect("write");
    let out = Command::new(BIN)
        .arg("serve")
        .arg(&image)
        .arg("--socket")
        .arg(&file)
        .output()
        .expect("third serve");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), "keep me");
}

#[test]
fn preload_failure_exits_1_with_the_traceback() {
    let dir = TempDir::new("preload");
    let image = common::freeze(&dir.0, "x = 1\ny = x / 0\n");
    let socket = dir.0.join("s.sock");
    let child = common::spawn_serve(&image, &socket, 1, &[]);
    let mut server = Server {
        child,
        socket: socket.clone(),
        workers: 1,
        dir,
    };
    assert_eq!(server.wait_exit(Duration::from_secs(30)), Some(1));
    let stderr = std::fs::read_to_string(socket.with_file_name("serve.log")).expect("log");
    assert!(
        stderr.contains("Traceback (most recent call last):"),
        "{stderr}"
    );
    assert!(
        stderr.contains("ZeroDivisionError: division by zero"),
        "{stderr}"
    );
    assert!(!socket.exists());
}

#[test]
fn bad_image_and_bad_flags_are_clear_errors() {
    let dir = TempDir::new("badimage");
    let image = dir.0.join("junk.pfi");
    std::fs::write(&image, b"definitely not an image").expect("write");
    let out = Command::new(BIN)
        .arg("serve")
        .arg(&image)
        .arg("--socket")
        .arg(dir.0.join("s.sock"))
        .output()
        .expect("serve");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("junk.pfi"));

    let out = Command::new(BIN)
        .args(["serve", "x.pfi", "--socket", "s", "--workers", "0"])
        .output()
        .expect("serve");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn one_job_per_worker_forks_a_fresh_worker_each_time() {
    let server = Server::start("recycle", APP, 1, &["--max-jobs-per-worker", "1"]);
    let mut client = server.client();
    let mut pids = std::collections::HashSet::new();
    for i in 0..5 {
        let reply = client.call("handle", json!([i]));
        assert_eq!(reply["result"], json!(i * 2));
        pids.insert(reply["worker"].as_i64().expect("worker"));
    }
    assert_eq!(pids.len(), 5, "a different worker for every job: {pids:?}");
}

#[test]
fn jobs_beyond_the_queue_limit_are_refused_as_busy() {
    let server = Server::start(
        "busy",
        APP,
        1,
        &["--queue-limit", "1", "--job-timeout", "2"],
    );
    let mut client = server.client();
    let spin = client.send(json!({"op": "call", "function": "spin", "args": []}));
    // Wait until the spin occupies the only worker.
    server.wait_busy();
    let queued = client.send(json!({"op": "call", "function": "handle", "args": [1]}));
    let refused = client.send(json!({"op": "call", "function": "handle", "args": [2]}));
    let mut replies = std::collections::HashMap::new();
    for _ in 0..3 {
        let reply = client.receive();
        replies.insert(reply["id"].as_u64().expect("id"), reply);
    }
    assert_eq!(replies[&refused]["error"]["type"], "Busy");
    assert_eq!(replies[&spin]["error"]["type"], "TimeoutError");
    assert_eq!(replies[&queued]["result"], 2);
}

fn assert_region(region: &Value) {
    let keys: Vec<&str> = region
        .as_object()
        .expect("region")
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "rss_kb",
            "pss_kb",
            "private_clean_kb",
            "private_dirty_kb",
            "shared_clean_kb",
            "shared_dirty_kb"
        ]
    );
}

fn assert_regions(memory: &Value) {
    let keys: Vec<&str> = memory
        .as_object()
        .expect("memory")
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys, ["total", "image", "heap", "stack", "other"]);
    for key in keys {
        assert_region(&memory[key]);
    }
}

#[test]
fn stats_json_has_the_contract_shape() {
    let server = Server::start("statsjson", APP, 2, &[]);
    let socket = server.socket.to_str().expect("utf-8");
    let out = server.run_cli(&["stats", "--socket", socket, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let stats: Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    let keys: Vec<&str> = stats
        .as_object()
        .expect("object")
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys, ["layout", "image", "zygote", "workers", "totals"]);
    assert_eq!(stats["layout"], "permanent");
    assert!(stats["image"]["path"]
        .as_str()
        .expect("path")
        .ends_with("app.pfi"));
    assert!(stats["image"]["bytes"].as_u64().expect("bytes") > 0);
    assert!(
        stats["image"]["code_objects"]
            .as_u64()
            .expect("code objects")
            >= 6
    );
    assert!(stats["zygote"]["pid"].as_i64().is_some());
    assert_regions(&stats["zygote"]["memory"]);
    let workers = stats["workers"].as_array().expect("workers");
    assert_eq!(workers.len(), 2);
    for worker in workers {
        let keys: Vec<&str> = worker
            .as_object()
            .expect("worker")
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(keys, ["pid", "jobs_done", "state", "memory", "cow"]);
        assert_regions(&worker["memory"]);
        assert!(
            worker["cow"]["inherited_pages"]
                .as_u64()
                .expect("inherited")
                > 0
        );
        assert!(worker["cow"]["copied_pages"].as_u64().is_some());
    }
    let total = stats["totals"]["pss_kb"].as_u64().expect("pss");
    let sum: u64 = std::iter::once(&stats["zygote"])
        .chain(workers.iter())
        .map(|p| p["memory"]["total"]["pss_kb"].as_u64().expect("pss"))
        .sum();
    assert_eq!(total, sum);

    let out = server.run_cli(&["stats", "--socket", socket]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("layout permanent"), "{text}");
    assert!(text.contains("zygote"), "{text}");
    for pid in worker_pids(&stats) {
        assert!(
            text.contains(&format!("\n{pid} ")),
            "worker {pid} missing: {text}"
        );
    }
    assert!(
        text.contains("heap_own") && text.contains("copied"),
        "{text}"
    );
}

/// Runs the read-only workload (every function but `spin` and `boom`, on every worker) and
/// returns the stats.
fn read_only_workload(layout: &str) -> Value {
    let server = Server::start(&format!("mem-{layout}"), APP, 2, &["--layout", layout]);
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let socket = server.socket.clone();
            std::thread::spawn(move || {
                let mut client = Client::connect(&socket).expect("connect");
                for _ in 0..3 {
                    assert_eq!(client.call("touch", json!([]))["ok"], true);
                    assert_eq!(client.call("handle", json!([2]))["result"], 4);
                    assert_eq!(client.call("echo", json!([1, 2]))["ok"], true);
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("workload thread");
    }
    let stats = server.stats();
    for worker in stats["workers"].as_array().expect("workers") {
        assert!(worker["jobs_done"].as_u64().expect("jobs") > 0, "{stats}");
    }
    stats
}

#[test]
fn permanent_workers_keep_the_image_clean_and_copy_far_fewer_pages() {
    let permanent = read_only_workload("permanent");
    let transient = read_only_workload("transient");
    let copied = |stats: &Value| -> u64 {
        stats["workers"]
            .as_array()
            .expect("workers")
            .iter()
            .map(|w| w["cow"]["copied_pages"].as_u64().expect("copied"))
            .sum()
    };
    for worker in permanent["workers"].as_array().expect("workers") {
        assert_eq!(
            worker["memory"]["image"]["private_dirty_kb"], 0,
            "image pages written: {worker}"
        );
    }
    assert_eq!(permanent["layout"], "permanent");
    assert_eq!(transient["layout"], "transient");
    let (p, t) = (copied(&permanent), copied(&transient));
    assert!(
        t >= 50 && p * 4 <= t,
        "permanent copied {p} inherited pages, transient {t}"
    );
}

#[test]
fn a_flood_of_pipelined_requests_is_answered_in_full() {
    // More requests than a connection may have unanswered: the server stops reading until
    // the client catches up, and nothing is lost.
    let server = Server::start("flood", APP, 1, &[]);
    let mut client = server.client();
    let total = 60_000;
    let mut writer = client.writer.try_clone().expect("clone");
    let sender = std::thread::spawn(move || {
        let mut batch = String::new();
        for i in 0..total {
            batch.push_str(&format!("{{\"id\":{i},\"op\":\"ping\"}}\n"));
        }
        writer.write_all(batch.as_bytes()).expect("send flood");
    });
    // Let the server fill up before reading anything.
    std::thread::sleep(Duration::from_millis(300));
    let mut seen = vec![false; total];
    for _ in 0..total {
        let reply = client.receive();
        assert_eq!(reply["result"], "pong");
        let id = reply["id"].as_u64().expect("id") as usize;
        assert!(!seen[id], "duplicate {id}");
        seen[id] = true;
    }
    sender.join().expect("sender");
    assert_eq!(client.call("handle", json!([1]))["result"], 2);
}

#[test]
fn losing_the_zygote_starts_a_new_one_and_the_pool_recovers() {
    let server = Server::start("zygote-dies", APP, 2, &["--job-timeout", "60"]);
    let mut spinner = server.client();
    let id = spinner.send(json!({"op": "call", "function": "spin", "args": []}));
    server.wait_busy();
    let stats = server.stats();
    let zygote = stats["zygote"]["pid"].as_i64().expect("zygote pid") as i32;
    let workers = worker_pids(&stats);
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(zygote), Signal::SIGKILL)
        .expect("kill zygote");
    // The job in flight dies with its worker, which dies with its zygote.
    let reply = spinner.receive();
    assert_eq!(reply["id"], json!(id));
    assert_eq!(reply["error"]["type"], "WorkerCrashed", "{reply}");
    // The server stays up, starts a new zygote and new workers.
    let mut client = server.client();
    assert_eq!(client.call("handle", json!([5]))["result"], 10);
    let started = Instant::now();
    loop {
        let stats = server.stats();
        let new_zygote = stats["zygote"]["pid"].as_i64().expect("zygote pid") as i32;
        let pids = worker_pids(&stats);
        if new_zygote != zygote && pids.len() == 2 && pids.iter().all(|p| !workers.contains(p)) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "pool not recovered: {stats}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(workers.iter().all(|&w| !common::alive(w as i32)));
    assert!(server.socket.exists());
}

#[test]
fn a_draining_server_leaves_its_successors_socket_alone() {
    // Rolling restart: the old server stops listening at once, a new one binds the same path
    // while the old one finishes its last job, and the old one's exit must not remove the new
    // one's socket.
    let mut old = Server::start("restart", APP, 1, &["--job-timeout", "3"]);
    let mut client = old.client();
    let id = client.send(json!({"op": "call", "function": "spin", "args": []}));
    old.wait_busy();
    old.signal(Signal::SIGTERM);
    let started = Instant::now();
    while old.socket.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "socket not released"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let image = old.dir.0.join("app.pfi");
    let new_child = common::spawn_serve(&image, &old.socket, 1, &[]);
    let reply = client.receive();
    assert_eq!(reply["id"], json!(id));
    assert_eq!(reply["error"]["type"], "TimeoutError");
    assert_eq!(old.wait_exit(Duration::from_secs(15)), Some(0));
    let dir = TempDir::new("restart-new");
    let mut new = Server {
        child: new_child,
        socket: old.socket.clone(),
        workers: 1,
        dir,
    };
    new.wait_ready();
    assert!(
        new.socket.exists(),
        "the new server's socket survived the old one's exit"
    );
    assert_eq!(new.client().call("handle", json!([7]))["result"], 14);
}

#[test]
fn functions_resolve_in_the_main_module_and_by_module_name() {
    let dir = TempDir::new("modules");
    std::fs::write(
        dir.0.join("app.py"),
        "import helpers\n\ndef handle(x):\n    return helpers.double(x) + 1\n",
    )
    .expect("write app");
    std::fs::write(
        dir.0.join("helpers.py"),
        "def double(x):\n    return x * 2\n",
    )
    .expect("write helpers");
    let image = dir.0.join("app.pfi");
    let out = Command::new(BIN)
        .arg("freeze")
        .arg(dir.0.join("app.py"))
        .arg(dir.0.join("helpers.py"))
        .arg("-o")
        .arg(&image)
        .output()
        .expect("freeze");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let socket = dir.0.join("s.sock");
    let child = common::spawn_serve(&image, &socket, 1, &[]);
    let mut server = Server {
        child,
        socket,
        workers: 1,
        dir,
    };
    server.wait_ready();
    let mut client = server.client();
    assert_eq!(client.call("handle", json!([4]))["result"], 9);
    assert_eq!(client.call("app.handle", json!([5]))["result"], 11);
    assert_eq!(client.call("helpers.double", json!([4]))["result"], 8);
    let reply = client.call("helpers.missing", json!([]));
    assert_eq!(reply["ok"], false, "{reply}");
}

const DEEP_APP: &str = r#"
def deep(n):
    x = []
    for _ in range(n):
        x = [x]
    return x

def circular():
    d = {}
    d["d"] = d
    return d

def self_call():
    class C:
        pass
    c = C()
    C.__call__ = c
    return c()

def self_compare():
    a = {}
    a["s"] = a
    b = {}
    b["s"] = b
    return a == b

def handle(x):
    return x * 2
"#;

#[test]
fn native_recursion_in_a_job_is_a_recursion_error_and_the_pool_keeps_serving() {
    let server = Server::start("deep", DEEP_APP, 1, &[]);
    let mut client = server.client();
    let reply = client.call("deep", json!([100_000]));
    assert_eq!(reply["ok"], false, "{reply}");
    assert_eq!(reply["error"]["type"], "RecursionError", "{reply}");
    assert_eq!(
        reply["error"]["message"],
        "maximum recursion depth exceeded while encoding a JSON object"
    );
    let reply = client.call("circular", json!([]));
    assert_eq!(reply["error"]["type"], "ValueError", "{reply}");
    assert_eq!(reply["error"]["message"], "Circular reference detected");
    let reply = client.call("self_call", json!([]));
    assert_eq!(reply["error"]["type"], "RecursionError", "{reply}");
    assert_eq!(
        reply["error"]["message"],
        "maximum recursion depth exceeded while calling a Python object"
    );
    let reply = client.call("self_compare", json!([]));
    assert_eq!(
        reply["error"]["message"], "maximum recursion depth exceeded in comparison",
        "{reply}"
    );
    // A nest within the limit converts; the same worker keeps serving.
    // Deeper than serde_json's default parsing limit, within the recursion limit.
    // (A test thread's small stack parses a few hundred levels.)
    let reply = client.call("deep", json!([300]));
    assert_eq!(reply["ok"], true);
    let mut level = &reply["result"];
    let mut depth = 0;
    while let Some(inner) = level.as_array().and_then(|a| a.first()) {
        level = inner;
        depth += 1;
    }
    assert_eq!(depth, 300);
    let socket = server.socket.to_str().expect("utf-8 path");
    let out = server.run_cli(&["call", "--socket", socket, "deep", "900"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(out.stdout.len(), 2 * 901 + 1);
    let out = server.run_cli(&["call", "--socket", socket, "self_call"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let reply = client.call("deep", json!([3]));
    assert_eq!(reply["result"], json!([[[[]]]]), "{reply}");
    assert_eq!(client.call("handle", json!([4]))["result"], 8);
}

const DYNAMIC_APP: &str = r#"
ns = {}
exec("def triple(x):\n    return 3 * x\n", ns)
triple = ns["triple"]

def run_eval(src):
    return eval(src)

def use_preloaded(x):
    return triple(x)

kept = []

def keep_code(src):
    kept.append(compile(src, "<job>", "eval"))
    return len(kept)
"#;

#[test]
fn no_dynamic_code_refuses_exec_in_jobs_but_keeps_preloaded_code() {
    let server = Server::start("nodyn", DYNAMIC_APP, 1, &["--no-dynamic-code"]);
    let mut client = server.client();
    let reply = client.call("run_eval", json!(["1 + 1"]));
    assert_eq!(reply["ok"], false, "{reply}");
    assert_eq!(reply["error"]["type"], "RuntimeError");
    assert_eq!(
        reply["error"]["message"],
        "dynamic code is disabled on this server (--no-dynamic-code)"
    );
    // Code compiled while the image preloaded was frozen with the heap and still runs.
    let reply = client.call("use_preloaded", json!([5]));
    assert_eq!(reply["result"], 15, "{reply}");

    let open = Server::start("dyn", DYNAMIC_APP, 1, &[]);
    let mut client = open.client();
    let reply = client.call("run_eval", json!(["1 + 1"]));
    assert_eq!(reply["result"], 2, "{reply}");
    // Code a job keeps referenced stays usable across jobs.
    for n in 1..=3 {
        let reply = client.call("keep_code", json!(["x + 1"]));
        assert_eq!(reply["result"], n, "{reply}");
    }
    let reply = client.call("run_eval", json!(["2 + 2"]));
    assert_eq!(reply["result"], 4, "{reply}");
}

/// A job's error reply carries CPython 3.11's traceback text: each frame's source line from
/// the image, and caret lines with the `~~^~~` anchors of a binary operation.
#[test]
fn error_replies_carry_source_lines_and_carets() {
    const SOURCE: &str = "def ratio(a, b):
    return a / b


def handle(values):
    total = sum(values)
    return ratio(total,
                 len(values)) + values[-1]
";
    let server = Server::start("carets", SOURCE, 1, &[]);
    let mut client = server.client();
    let reply = client.call("handle", json!([[1, 2, 3]]));
    assert_eq!(reply["result"], json!(5.0), "{reply}");
    let reply = client.call("handle", json!([[]]));
    assert_eq!(reply["error"]["type"], "ZeroDivisionError", "{reply}");
    let path = server.dir.0.join("app.py");
    let expected = format!(
        "Traceback (most recent call last):
  File \"{path}\", line 7, in handle
    return ratio(total,
           ^^^^^^^^^^^^
  File \"{path}\", line 2, in ratio
    return a / b
           ~~^~~
ZeroDivisionError: division by zero
",
        path = path.display()
    );
    assert_eq!(reply["error"]["traceback"], expected.as_str(), "{reply}");
}

/// `random` registers a reseed with `os.register_at_fork(after_in_child=...)`: each worker
/// forked from the zygote draws its own sequence instead of replaying the zygote's state.
#[test]
fn each_worker_draws_its_own_random_sequence() {
    let source = "import os, random\n\ndef draw():\n    return [os.getpid(), random.random()]\n";
    let server = Server::start("atfork", source, 3, &[]);
    let mut client = server.client();
    let mut first_by_pid = std::collections::HashMap::new();
    for _ in 0..60 {
        let reply = client.call("draw", json!([]));
        assert_eq!(reply["ok"], true, "{reply}");
        let pid = reply["result"][0].as_i64().expect("pid");
        let x = reply["result"][1].as_f64().expect("float");
        first_by_pid.entry(pid).or_insert(x);
        if first_by_pid.len() == 3 {
            break;
        }
    }
    let mut firsts: Vec<u64> = first_by_pid.values().map(|x| x.to_bits()).collect();
    firsts.sort_unstable();
    firsts.dedup();
    assert!(first_by_pid.len() >= 2, "jobs reached one worker only");
    assert_eq!(
        firsts.len(),
        first_by_pid.len(),
        "workers share a sequence: {first_by_pid:?}"
    );
}

/// A job may start threads: its non-daemon threads are joined before the reply, the ones
/// left (daemon threads, a pool never shut down, a thread blocked for good) end with the job,
/// and the next job on the same worker starts with only the main thread.
#[test]
fn jobs_run_threads_and_leave_none_behind() {
    let source = r#"
import threading, time, queue
from concurrent.futures import ThreadPoolExecutor

def fan_out(n):
    with ThreadPoolExecutor(3) as ex:
        squares = list(ex.map(lambda x: x * x, range(n)))
    done = []
    t = threading.Thread(target=lambda: (time.sleep(0.01), done.append("late")))
    t.start()
    threading.Thread(target=lambda: time.sleep(3600), daemon=True).start()
    stuck = ThreadPoolExecutor(2)
    stuck.submit(int, "7").result()
    blocked = threading.Lock()
    blocked.acquire()
    threading.Thread(target=blocked.acquire, daemon=True).start()
    print("started", threading.active_count())
    return squares

def after():
    return threading.active_count(), [t.name for t in threading.enumerate()]

def deadlock():
    lock = threading.Lock()
    lock.acquire()
    t = threading.Thread(target=lock.acquire)
    t.start()
    t.join()
"#;
    let server = Server::start("threads", source, 1, &[]);
    let mut client = server.client();
    let reply = client.call("fan_out", json!([5]));
    assert_eq!(reply["ok"], true, "{reply}");
    assert_eq!(reply["result"], json!([0, 1, 4, 9, 16]));
    assert_eq!(reply["stdout"], "started 5\n");
    let reply = client.call("after", json!([]));
    assert_eq!(reply["result"], json!([1, ["MainThread"]]), "{reply}");
    // Every thread waits for a lock no one can release: an error, not a hung worker.
    let reply = client.call("deadlock", json!([]));
    assert_eq!(reply["ok"], false, "{reply}");
    assert_eq!(reply["error"]["type"], "RuntimeError", "{reply}");
    let reply = client.call("after", json!([]));
    assert_eq!(reply["result"], json!([1, ["MainThread"]]), "{reply}");
    let stats = server.stats();
    assert_eq!(worker_pids(&stats).len(), 1, "{stats}");
}
