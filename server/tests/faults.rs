//! The server under faults and abuse, end to end: signals (SIGHUP reloads, SIGUSR1/2 are
//! harmless), replies that arrive whole or not at all, jobs handed to a worker that already
//! died, collapsed RecursionError tracebacks, connection limits and client timeouts, the
//! supervisor's memory under abusive clients (read from `/proc`), fair dispatch across
//! connections, dropped jobs of departed clients, and `cancel`. Each test drives the built
//! binary as a child process with real sockets and signals.

mod common;

use common::{freeze, Client, Server, APP};
use nix::sys::signal::Signal;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

/// The app of these tests: `version` tells which image answered.
fn app(version: u32) -> String {
    format!(
        "{APP}
def version(x):
    return [{version}, x]

def big(n):
    return 'x' * n

def rec(n):
    return rec(n + 1)
"
    )
}

fn kill(pid: i64, signal: Signal) {
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), signal);
}

fn worker_pids(stats: &Value) -> Vec<i64> {
    stats["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .map(|w| w["pid"].as_i64().expect("pid"))
        .collect()
}

/// Resident memory of a process, in KiB.
fn rss_kb(pid: i32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

fn log_of(server: &Server) -> String {
    std::fs::read_to_string(server.socket.with_file_name("serve.log")).unwrap_or_default()
}

/// Polls `done` until it holds, for at most `limit`.
fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Replaces the served image the way a deploy does: freeze elsewhere, rename over it.
fn deploy(server: &Server, source: &str) {
    let staging = server.dir.0.join(format!("staging-{}", source.len()));
    std::fs::create_dir_all(&staging).expect("staging dir");
    let image = freeze(&staging, source);
    std::fs::rename(image, server.dir.0.join("app.pfi")).expect("rename image");
}

#[test]
fn sighup_reloads_a_changed_image_under_load_and_loses_no_job() {
    let server = Server::start("reload", &app(1), 2, &[]);
    let old_stats = server.stats();
    let old_zygote = old_stats["zygote"]["pid"].as_i64().expect("zygote");
    let old_workers = worker_pids(&old_stats);

    // Four clients call `version` in a loop (8 in flight each) throughout the reload.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let clients: Vec<_> = (0..4)
        .map(|c| {
            let mut client = server.client();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut outstanding: HashMap<u64, u64> = HashMap::new();
                let mut replies = Vec::new();
                let mut sent = 0u64;
                loop {
                    while outstanding.len() < 8 && !stop.load(std::sync::atomic::Ordering::Relaxed)
                    {
                        let token = c * 1_000_000 + sent;
                        let id = client
                            .send(json!({"op": "call", "function": "version", "args": [token]}));
                        outstanding.insert(id, token);
                        sent += 1;
                    }
                    if outstanding.is_empty() {
                        return (sent, replies);
                    }
                    let reply = client.receive();
                    let id = reply["id"].as_u64().expect("id");
                    let token = outstanding.remove(&id).expect("a reply to a request sent");
                    replies.push((token, reply));
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    server.signal(Signal::SIGUSR1);
    server.signal(Signal::SIGUSR2);
    deploy(&server, &app(2));
    server.signal(Signal::SIGHUP);
    // New replies come from the new image.
    let mut probe = server.client();
    wait_for("the new image", Duration::from_secs(20), || {
        probe.call("version", json!([0]))["result"][0] == 2
    });
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut versions = [0usize; 3];
    for handle in clients {
        let (sent, replies) = handle.join().expect("client thread");
        assert_eq!(replies.len() as u64, sent, "every call answered once");
        for (token, reply) in replies {
            assert_eq!(reply["ok"], true, "no job fails during a reload: {reply}");
            let result = &reply["result"];
            assert_eq!(result[1], token, "reply to the right call");
            versions[result[0].as_u64().expect("version") as usize] += 1;
        }
    }
    assert!(versions[1] > 0 && versions[2] > 0, "{versions:?}");

    // The old zygote and workers are gone; the new ones serve.
    wait_for("the old processes to exit", Duration::from_secs(10), || {
        !common::alive(old_zygote as i32) && old_workers.iter().all(|&w| !common::alive(w as i32))
    });
    let stats = server.stats();
    assert_ne!(stats["zygote"]["pid"], old_zygote);
    assert_eq!(worker_pids(&stats).len(), 2);

    // An invalid image, then an image whose import raises: logged, the server keeps serving.
    std::fs::write(server.dir.0.join("app.pfi"), b"not an image").expect("write junk");
    server.signal(Signal::SIGHUP);
    wait_for(
        "the failed reload to be logged",
        Duration::from_secs(10),
        || log_of(&server).contains("reload failed"),
    );
    assert_eq!(probe.call("version", json!([1]))["result"], json!([2, 1]));
    deploy(&server, "raise ValueError('broken deploy')\n");
    server.signal(Signal::SIGHUP);
    wait_for("the second failed reload", Duration::from_secs(20), || {
        log_of(&server).contains("broken deploy")
    });
    assert_eq!(probe.call("version", json!([2]))["result"], json!([2, 2]));
    assert!(server.socket.exists());
}

#[test]
fn a_worker_killed_while_replying_never_yields_a_cut_reply() {
    let server = Server::start("midreply", &app(1), 1, &["--job-timeout", "60"]);
    let size = 4_000_000;
    let started = Instant::now();
    server.client().call("big", json!([size]));
    let whole = started.elapsed();
    // Kills spread over the second half of a job, where the reply is being written.
    for trial in 0..8u32 {
        let mut client = server.client();
        let id = client.send(json!({"op": "call", "function": "big", "args": [size]}));
        let sent = Instant::now();
        let pid = server.wait_busy();
        std::thread::sleep((whole / 2 + whole * trial / 14).saturating_sub(sent.elapsed()));
        kill(pid, Signal::SIGKILL);
        let reply = client.receive();
        assert_eq!(reply["id"], id);
        eprintln!("trial {trial}: ok {} after {whole:?}", reply["ok"]);
        if reply["ok"] == true {
            assert_eq!(reply["result"].as_str().expect("str").len(), size);
        } else {
            assert_eq!(reply["error"]["type"], "WorkerCrashed", "{reply}");
        }
    }
}

#[test]
fn replies_over_max_reply_bytes_become_errors_naming_the_size() {
    let server = Server::start("maxreply", &app(1), 1, &["--max-reply-bytes", "100000"]);
    let mut client = server.client();
    let small = client.call("big", json!([1000]));
    assert_eq!(small["ok"], true);
    let worker = small["worker"].clone();
    let reply = client.call("big", json!([200_000]));
    assert_eq!(reply["ok"], false);
    assert_eq!(reply["error"]["type"], "ReplyTooLarge");
    let message = reply["error"]["message"].as_str().expect("message");
    assert!(
        message.contains("200") && message.contains("--max-reply-bytes 100000"),
        "{message}"
    );
    // The worker lives on.
    assert_eq!(client.call("big", json!([3]))["worker"], worker);
}

#[test]
fn jobs_handed_to_workers_that_already_died_run_on_others() {
    let server = Server::start("deadidle", &app(1), 2, &[]);
    for _ in 0..4 {
        server.client().call("handle", json!([0]));
        let pids = worker_pids(&server.stats());
        let mut client = server.client();
        for pid in &pids {
            kill(*pid, Signal::SIGKILL);
        }
        let ids: Vec<u64> = (0..4)
            .map(|i| client.send(json!({"op": "call", "function": "handle", "args": [i]})))
            .collect();
        for _ in &ids {
            let reply = client.receive();
            assert_eq!(reply["ok"], true, "{reply}");
        }
        let mut fresh = server.client();
        wait_for("replacements", Duration::from_secs(10), || {
            let stats = fresh.stats();
            let now = worker_pids(&stats);
            now.len() == 2 && now.iter().all(|p| !pids.contains(p))
        });
    }
}

#[test]
fn a_recursion_error_traceback_is_collapsed_as_cpython_does() {
    let server = Server::start("rectb", &app(1), 1, &[]);
    let reply = server.client().call("rec", json!([0]));
    assert_eq!(reply["error"]["type"], "RecursionError");
    let traceback = reply["error"]["traceback"].as_str().expect("traceback");
    // Each printed frame shows its source line and the call's carets, as CPython's do.
    assert_eq!(
        traceback
            .matches("\n    return rec(n + 1)\n           ^^^^^^^^^^\n")
            .count(),
        3,
        "{traceback}"
    );
    let lines: Vec<&str> = traceback
        .lines()
        .filter(|l| !l.starts_with("    "))
        .collect();
    assert_eq!(lines[0], "Traceback (most recent call last):");
    for line in &lines[1..4] {
        assert!(
            line.starts_with("  File \"") && line.ends_with(", line 44, in rec"),
            "{line}"
        );
    }
    assert!(
        lines[4].starts_with("  [Previous line repeated ") && lines[4].ends_with(" more times]"),
        "{traceback}"
    );
    assert_eq!(lines[5], "RecursionError: maximum recursion depth exceeded");
    assert_eq!(lines.len(), 6);
}

/// Reads until the server closes the connection; what it sent.
fn read_to_close(stream: &mut UnixStream, limit: Duration) -> String {
    stream.set_read_timeout(Some(limit)).expect("timeout");
    let mut text = String::new();
    let _ = stream.read_to_string(&mut text);
    text
}

#[test]
fn connections_beyond_the_limit_are_refused_and_idle_ones_closed() {
    let server = Server::start(
        "maxconn",
        &app(1),
        1,
        &["--max-connections", "200", "--client-timeout", "1.5"],
    );
    let baseline = rss_kb(server.pid());
    let idle: Vec<UnixStream> = (0..200)
        .map(|_| UnixStream::connect(&server.socket).expect("connect"))
        .collect();
    // Give the acceptor time to take them all.
    std::thread::sleep(Duration::from_millis(300));
    let mut extra = UnixStream::connect(&server.socket).expect("connect");
    let refused = read_to_close(&mut extra, Duration::from_secs(5));
    let reply: Value = serde_json::from_str(refused.trim()).expect("an error line");
    assert_eq!(reply["error"]["type"], "Busy", "{reply}");
    assert!(reply["error"]["message"]
        .as_str()
        .expect("message")
        .contains("--max-connections 200"));
    let grown = rss_kb(server.pid()).saturating_sub(baseline);
    eprintln!("supervisor: {baseline} kB, +{grown} kB with 200 idle connections");
    assert!(grown < 16 * 1024, "200 idle connections cost {grown} kB");
    // After the client timeout the idle connections are closed and new clients get in.
    std::thread::sleep(Duration::from_millis(1800));
    for mut stream in idle.into_iter().take(5) {
        assert_eq!(read_to_close(&mut stream, Duration::from_secs(5)), "");
    }
    wait_for("room for a new client", Duration::from_secs(5), || {
        Client::connect(&server.socket)
            .map(|mut c| {
                c.send(json!({"op": "ping"}));
                let mut line = String::new();
                c.reader.read_line(&mut line).is_ok() && line.contains("pong")
            })
            .unwrap_or(false)
    });
}

#[test]
fn half_sent_lines_and_unread_replies_do_not_grow_the_supervisor() {
    let server = Server::start(
        "abuse",
        &app(1),
        2,
        &["--client-timeout", "2", "--max-reply-bytes", "200000"],
    );
    let baseline = rss_kb(server.pid());
    // 100 clients each send all of a 1 MiB line but its newline, and wait.
    let chunk = vec![b'x'; 1 << 20];
    let mut partial: Vec<UnixStream> = Vec::new();
    let writers: Vec<_> = (0..100)
        .map(|_| {
            let stream = UnixStream::connect(&server.socket).expect("connect");
            let writer = stream.try_clone().expect("clone");
            partial.push(stream.try_clone().expect("clone"));
            let chunk = chunk.clone();
            stream.set_write_timeout(Some(Duration::from_secs(10))).ok();
            std::thread::spawn(move || {
                let mut writer = writer;
                let _ = writer.write_all(&chunk[..chunk.len() - 1]);
            })
        })
        .collect();
    // One client pipelines calls with 100 kB replies and never reads them.
    let mut hog = UnixStream::connect(&server.socket).expect("connect");
    let mut requests = String::new();
    for i in 0..2000 {
        requests.push_str(&format!(
            "{{\"id\":{i},\"op\":\"call\",\"function\":\"big\",\"args\":[100000]}}\n"
        ));
    }
    let hog_writer = {
        let mut hog = hog.try_clone().expect("clone");
        std::thread::spawn(move || {
            let _ = hog.write_all(requests.as_bytes());
        })
    };
    std::thread::sleep(Duration::from_millis(800));
    // Others are served meanwhile.
    let mut client = server.client();
    let started = Instant::now();
    for i in 0..5 {
        assert_eq!(client.call("handle", json!([i]))["result"], i * 2);
    }
    assert!(started.elapsed() < Duration::from_secs(3));
    let grown = rss_kb(server.pid()).saturating_sub(baseline);
    eprintln!("supervisor: {baseline} kB, +{grown} kB with 100 half-sent 1 MiB lines and a client not reading 100 kB replies");
    assert!(grown < 64 * 1024, "the supervisor grew by {grown} kB");
    // The half-sent lines time out with an error; the hog is cut off.
    for mut stream in partial.into_iter().take(3) {
        let text = read_to_close(&mut stream, Duration::from_secs(10));
        assert!(text.contains("unfinished"), "{text}");
    }
    for writer in writers {
        let _ = writer.join();
    }
    let _ = read_to_close(&mut hog, Duration::from_millis(10));
    drop(hog);
    let _ = hog_writer.join();
    // (The first client was idle past the timeout too.)
    assert_eq!(server.client().call("handle", json!([7]))["result"], 14);
}

#[test]
fn dispatch_is_fair_across_connections_and_departed_clients_jobs_are_dropped() {
    let server = Server::start("fair", &app(1), 1, &["--job-timeout", "60"]);
    // Time one job.
    let mut single = server.client();
    let started = Instant::now();
    single.call("work", json!([40000]));
    let one_job = started.elapsed();

    // A pipelines 60 jobs; B's calls wait for at most about one of A's each.
    let mut a = server.client();
    for _ in 0..60 {
        a.send(json!({"op": "call", "function": "work", "args": [40000]}));
    }
    std::thread::sleep(one_job * 2);
    let mut b = server.client();
    for i in 0..3 {
        let started = Instant::now();
        assert_eq!(b.call("handle", json!([i]))["result"], i * 2);
        let waited = started.elapsed();
        eprintln!("fairness: waited {waited:?} behind a 60-job backlog (one job: {one_job:?})");
        assert!(
            waited < one_job * 4 + Duration::from_millis(200),
            "waited {waited:?} behind another client's backlog (one job: {one_job:?})"
        );
    }
    // A leaves with most of its jobs queued: they are dropped, not run.
    drop(a);
    std::thread::sleep(one_job * 2);
    let done = |s: &Value| -> u64 {
        s["workers"]
            .as_array()
            .expect("workers")
            .iter()
            .map(|w| w["jobs_done"].as_u64().expect("jobs_done"))
            .sum()
    };
    let before = done(&server.stats());
    std::thread::sleep(one_job * 5);
    let after = done(&server.stats());
    assert!(
        after <= before + 2,
        "a departed client's jobs still run: {before} -> {after}"
    );
}

#[test]
fn cancel_drops_a_queued_call_and_answers_it_cancelled() {
    let server = Server::start("cancel", &app(1), 1, &["--job-timeout", "60"]);
    let mut client = server.client();
    let first = client.send(json!({"op": "call", "function": "work", "args": [40000]}));
    let second = client.send(json!({"op": "call", "function": "handle", "args": [1]}));
    let third = client.send(json!({"op": "call", "function": "handle", "args": [2]}));
    client.send_raw(format!("{{\"op\":\"cancel\",\"id\":{second}}}\n").as_bytes());
    let mut replies = HashMap::new();
    for _ in 0..3 {
        let reply = client.receive();
        replies.insert(reply["id"].as_u64().expect("id"), reply);
    }
    assert_eq!(replies[&first]["ok"], true);
    assert_eq!(replies[&second]["error"]["type"], "Cancelled");
    assert_eq!(replies[&third]["result"], 4);
    // Cancelling what already ran changes nothing and sends nothing.
    client.send_raw(format!("{{\"op\":\"cancel\",\"id\":{first}}}\n").as_bytes());
    assert_eq!(client.call("handle", json!([5]))["result"], 10);
}

#[test]
fn sigusr_signals_are_harmless() {
    let server = Server::start("usr", &app(1), 1, &[]);
    for signal in [Signal::SIGUSR1, Signal::SIGUSR2, Signal::SIGUSR1] {
        server.signal(signal);
    }
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(server.client().call("handle", json!([3]))["result"], 6);
    let reader = BufReader::new(std::io::Cursor::new(log_of(&server)));
    assert!(reader
        .lines()
        .all(|l| !l.unwrap_or_default().contains("ERROR")));
}

#[test]
fn a_zygote_that_cannot_be_restarted_stops_the_server_after_repeated_failures() {
    let mut server = Server::start("giveup", &app(1), 1, &[]);
    let zygote = server.stats()["zygote"]["pid"].as_i64().expect("zygote");
    // The image is gone bad; the zygote dies; every restart fails.
    std::fs::write(server.dir.0.join("app.pfi"), b"not an image").expect("write junk");
    kill(zygote, Signal::SIGKILL);
    // Backoff 0 + 0.1 + 0.5 + 1 + 2 s over five attempts, then exit 1.
    assert_eq!(server.wait_exit(Duration::from_secs(20)), Some(1));
    let log = log_of(&server);
    assert!(log.contains("5 in a row"), "{log}");
    assert!(!server.socket.exists());
}

#[test]
fn a_full_queue_still_takes_a_call_from_another_client() {
    let server = Server::start(
        "fairlimit",
        &app(1),
        1,
        &["--queue-limit", "4", "--job-timeout", "60"],
    );
    let mut a = server.client();
    let ids: Vec<u64> = (0..10)
        .map(|_| a.send(json!({"op": "call", "function": "work", "args": [20000]})))
        .collect();
    // One runs, four wait, the rest of A's are refused.
    let mut busy = 0;
    let mut replies = HashMap::new();
    for _ in 0..5 {
        let reply = a.receive();
        busy += usize::from(reply["error"]["type"] == "Busy");
        replies.insert(reply["id"].as_u64().expect("id"), reply);
    }
    assert_eq!(busy, 5, "{replies:?}");
    // B has nothing queued: its call is taken although the queue is at its limit.
    let reply = server.client().call("handle", json!([4]));
    assert_eq!(reply["result"], 8, "{reply}");
    for _ in 0..5 {
        assert_eq!(a.receive()["ok"], true);
    }
    assert_eq!(ids.len(), 10);
}

#[test]
fn a_client_that_does_not_read_its_replies_is_cut_off() {
    let server = Server::start("noreader", &app(1), 1, &["--client-timeout", "1"]);
    let mut hog = UnixStream::connect(&server.socket).expect("connect");
    let mut requests = String::new();
    for i in 0..300 {
        requests.push_str(&format!(
            "{{\"id\":{i},\"op\":\"call\",\"function\":\"big\",\"args\":[100000]}}\n"
        ));
    }
    hog.write_all(requests.as_bytes()).expect("send");
    // Its replies fill the socket; writing stalls for the client timeout; it is closed and
    // its queued jobs dropped.
    std::thread::sleep(Duration::from_millis(2500));
    hog.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut received = 0;
    let mut buffer = vec![0u8; 1 << 16];
    let closed = loop {
        match hog.read(&mut buffer) {
            Ok(0) => break true,
            Ok(n) => received += n,
            Err(_) => break false,
        }
    };
    assert!(closed, "still open after {received} bytes");
    assert!(
        received < 300 * 100_000,
        "{received} bytes: every reply was written"
    );
    let done: u64 = server.stats()["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .map(|w| w["jobs_done"].as_u64().expect("jobs_done"))
        .sum();
    eprintln!("a client not reading: {received} bytes written to it, {done} of 300 jobs run");
    assert!(done < 300, "all {done} jobs ran");
    assert_eq!(server.client().call("handle", json!([1]))["result"], 2);
}

#[test]
fn stats_lists_old_workers_finishing_after_a_reload() {
    let server = Server::start("reload-stats", &app(1), 1, &[]);
    let old = worker_pids(&server.stats());
    // A job long enough to outlive the reload.
    let mut slow = server.client();
    let id = slow.send(json!({"op": "call", "function": "work", "args": [20_000_000]}));
    let busy = server.wait_busy();
    assert_eq!(vec![busy], old);
    deploy(&server, &app(2));
    server.signal(Signal::SIGHUP);
    let mut seen = None;
    wait_for(
        "a new worker beside the old one",
        Duration::from_secs(20),
        || {
            let stats = server.stats();
            let workers = stats["workers"].as_array().cloned().unwrap_or_default();
            let current = workers.iter().any(|w| w.get("generation").is_none());
            let old_one = workers
                .iter()
                .find(|w| w["pid"] == busy && w["generation"] == "old")
                .cloned();
            if current && old_one.is_some() {
                seen = old_one;
            }
            seen.is_some()
        },
    );
    let seen = seen.expect("the old worker");
    assert_eq!(seen["state"], "busy", "{seen}");
    assert!(seen["cow"].is_null(), "{seen}");
    let table = server.run_cli(&["stats", "--socket", server.socket.to_str().expect("utf-8")]);
    assert!(
        String::from_utf8_lossy(&table.stdout).contains("old:busy"),
        "{}",
        String::from_utf8_lossy(&table.stdout)
    );
    // The old worker finishes its job, then leaves the list.
    let reply = slow.receive();
    assert_eq!(reply["id"], json!(id));
    assert_eq!(reply["ok"], true, "{reply}");
    wait_for("the old worker to go", Duration::from_secs(10), || {
        let stats = server.stats();
        let workers = stats["workers"].as_array().cloned().unwrap_or_default();
        workers.iter().all(|w| w.get("generation").is_none()) && !workers.is_empty()
    });
}
