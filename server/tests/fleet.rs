//! `serve --redis`: servers taking jobs from one Redis stream, against a real `redis-server`
//! (Debian's package) started on loopback by each test in a temporary directory of its own.
//!
//! `PERMAFROST_FLEET_JOBS` sets the job count of the fleet test (default 30,000).

mod common;

use common::{Server, TempDir, APP};
use redis::streams::StreamRangeReply;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `redis-server` on 127.0.0.1, without persistence, killed on drop.
struct Redis {
    child: Option<Child>,
    port: u16,
    dir: TempDir,
}

impl Redis {
    fn start(tag: &str) -> Redis {
        let port = free_port();
        let mut redis = Redis {
            child: None,
            port,
            dir: TempDir::new(tag),
        };
        redis.restart();
        redis
    }

    /// Starts the server (again) on the same port; waits until it answers.
    fn restart(&mut self) {
        let log = std::fs::File::create(self.dir.0.join("redis.log")).expect("create log");
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(&self.dir.0)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server not found: install Debian's redis-server package");
        self.child = Some(child);
        let started = Instant::now();
        loop {
            if let Ok(mut con) = redis::Client::open(self.url()).and_then(|c| c.get_connection()) {
                if redis::cmd("PING").query::<String>(&mut con).is_ok() {
                    return;
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "redis-server did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    fn connection(&self) -> redis::Connection {
        redis::Client::open(self.url())
            .and_then(|c| c.get_connection())
            .expect("connect to redis")
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A port nothing listens on now (the system's choice for port 0).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// One entry of the result stream.
#[derive(Debug)]
struct Reply {
    message: String,
    reply: Value,
    consumer: String,
    claimed: bool,
}

/// Reads the result stream's entries after `after` (exclusive); updates `after`.
fn read_results(con: &mut redis::Connection, stream: &str, after: &mut String) -> Vec<Reply> {
    let range: StreamRangeReply = redis::cmd("XRANGE")
        .arg(stream)
        .arg(format!("({after}"))
        .arg("+")
        .arg("COUNT")
        .arg(5000)
        .query(con)
        .expect("XRANGE");
    let mut replies = Vec::new();
    for entry in range.ids {
        *after = entry.id.clone();
        let field = |name: &str| -> Option<String> { entry.get(name) };
        let reply = field("reply").expect("reply field");
        replies.push(Reply {
            message: field("message").expect("message field"),
            reply: serde_json::from_str(&reply).expect("reply is JSON"),
            consumer: field("consumer").expect("consumer field"),
            claimed: field("claimed").as_deref() == Some("1"),
        });
    }
    replies
}

/// Adds one job per value of `xs`, pipelined; the message ids in order.
fn submit(con: &mut redis::Connection, stream: &str, jobs: &[String]) -> Vec<String> {
    let mut ids = Vec::with_capacity(jobs.len());
    for chunk in jobs.chunks(1000) {
        let mut pipe = redis::pipe();
        for job in chunk {
            pipe.cmd("XADD").arg(stream).arg("*").arg("job").arg(job);
        }
        let added: Vec<String> = pipe.query(con).expect("XADD");
        ids.extend(added);
    }
    ids
}

fn pending_count(con: &mut redis::Connection, stream: &str) -> i64 {
    let summary: redis::Value = redis::cmd("XPENDING")
        .arg(stream)
        .arg("permafrost")
        .query(con)
        .expect("XPENDING");
    match summary {
        redis::Value::Array(items) => match items.first() {
            Some(redis::Value::Int(n)) => *n,
            other => panic!("XPENDING summary {other:?}"),
        },
        other => panic!("XPENDING summary {other:?}"),
    }
}

fn stream_flags(redis: &Redis, consumer: &str, claim_after: &str) -> Vec<String> {
    [
        "--redis",
        &redis.url(),
        "--stream",
        "jobs",
        "--consumer",
        consumer,
        "--claim-after",
        claim_after,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn start(tag: &str, source: &str, workers: usize, flags: &[String]) -> Server {
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    Server::start(tag, source, workers, &flags)
}

/// Waits until the result stream holds replies for all of `wanted`; returns every reply read.
fn collect_until(
    con: &mut redis::Connection,
    after: &mut String,
    seen: &mut Vec<Reply>,
    wanted: &HashSet<String>,
    limit: Duration,
) {
    let started = Instant::now();
    loop {
        seen.extend(read_results(con, "jobs:results", after));
        let answered: HashSet<&str> = seen.iter().map(|r| r.message.as_str()).collect();
        if wanted.iter().all(|m| answered.contains(m.as_str())) {
            return;
        }
        let missing = wanted
            .iter()
            .filter(|m| !answered.contains(m.as_str()))
            .count();
        assert!(
            started.elapsed() < limit,
            "{missing} of {} jobs unanswered after {limit:?}",
            wanted.len()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn three_servers_share_a_stream_and_recover_a_killed_ones_jobs() {
    let jobs: usize = std::env::var("PERMAFROST_FLEET_JOBS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30_000);
    let redis = Redis::start("fleet-redis");
    let mut con = redis.connection();
    let app = "def handle(x):\n    return x * 2\n";
    let mut servers: Vec<Server> = (0..3)
        .map(|i| {
            start(
                "fleet",
                app,
                2,
                &stream_flags(&redis, &format!("s{i}"), "1"),
            )
        })
        .collect();
    let started = Instant::now();
    let lines: Vec<String> = (0..jobs)
        .map(|x| json!({"op": "call", "function": "handle", "args": [x]}).to_string())
        .collect();
    let ids = submit(&mut con, "jobs", &lines);
    let value_of: HashMap<String, u64> = ids
        .iter()
        .enumerate()
        .map(|(x, id)| (id.clone(), x as u64))
        .collect();

    // Mid-run, one server dies at once (its workers die with it).
    let mut after = "0-0".to_string();
    let mut seen = Vec::new();
    while seen.len() < jobs / 3 {
        seen.extend(read_results(&mut con, "jobs:results", &mut after));
        assert!(started.elapsed() < Duration::from_secs(600), "no progress");
        std::thread::sleep(Duration::from_millis(5));
    }
    let victim = servers.remove(0);
    let killed_at = Instant::now();
    victim.signal(nix::sys::signal::Signal::SIGKILL);
    let answered_at_kill = seen.len();
    // What it held, as the group records it (nothing it does changes that any more).
    std::thread::sleep(Duration::from_millis(50));
    let held: Vec<(String, String, u64, u64)> = redis::cmd("XPENDING")
        .arg("jobs")
        .arg("permafrost")
        .arg("-")
        .arg("+")
        .arg(100_000)
        .arg("s0")
        .query(&mut con)
        .expect("XPENDING s0");
    let held: HashSet<String> = held.into_iter().map(|(id, ..)| id).collect();
    assert!(
        !held.is_empty(),
        "the killed server held no messages: {answered_at_kill} answered"
    );
    collect_until(
        &mut con,
        &mut after,
        &mut seen,
        &held,
        Duration::from_secs(60),
    );
    let recovered = killed_at.elapsed();
    let all: HashSet<String> = ids.iter().cloned().collect();
    collect_until(
        &mut con,
        &mut after,
        &mut seen,
        &all,
        Duration::from_secs(600),
    );
    let elapsed = started.elapsed();

    // Every job answered, correctly; a job answered twice was re-run after a claim; nothing
    // is left pending.
    let mut by_message: HashMap<&str, Vec<&Reply>> = HashMap::new();
    for reply in &seen {
        let x = *value_of
            .get(&reply.message)
            .unwrap_or_else(|| panic!("reply to an unknown message: {reply:?}"));
        assert_eq!(reply.reply["ok"], true, "{reply:?}");
        assert_eq!(reply.reply["result"], json!(x * 2), "{reply:?}");
        assert_eq!(reply.reply["id"], json!(reply.message), "{reply:?}");
        by_message.entry(&reply.message).or_default().push(reply);
    }
    assert_eq!(by_message.len(), jobs);
    let mut rerun = 0;
    for (message, replies) in &by_message {
        if replies.len() > 1 {
            rerun += 1;
            // Re-run after a claim: of the killed server's messages, or (a live server
            // slowed down past --claim-after on a loaded machine) of another's.
            assert!(
                replies.iter().any(|r| r.claimed),
                "{message} answered twice without a claim: {replies:?}"
            );
        }
    }
    for message in &held {
        let replies = &by_message[message.as_str()];
        assert!(
            replies.iter().any(|r| r.consumer != "s0" && r.claimed),
            "{message} held by the killed server was not claimed: {replies:?}"
        );
    }
    assert_eq!(pending_count(&mut con, "jobs"), 0);
    eprintln!(
        "fleet: {jobs} jobs in {:.2} s ({:.0} jobs/s) on 3 servers x 2 workers, one killed after {answered_at_kill} replies; its {} pending messages answered {:.2} s after the kill (--claim-after 1); {rerun} jobs re-run, {} replies in all",
        elapsed.as_secs_f64(),
        jobs as f64 / elapsed.as_secs_f64(),
        held.len(),
        recovered.as_secs_f64(),
        seen.len()
    );
}

/// Waits for replies to the given messages (in any order); keyed by message id.
fn replies_to(
    con: &mut redis::Connection,
    messages: &[String],
    limit: Duration,
) -> HashMap<String, Reply> {
    let mut after = "0-0".to_string();
    let mut seen = Vec::new();
    let wanted: HashSet<String> = messages.iter().cloned().collect();
    collect_until(con, &mut after, &mut seen, &wanted, limit);
    seen.into_iter().map(|r| (r.message.clone(), r)).collect()
}

#[test]
fn invalid_and_crashing_jobs_are_answered_and_acknowledged() {
    let redis = Redis::start("fleet-errors-redis");
    let mut con = redis.connection();
    let mut flags = stream_flags(&redis, "one", "30");
    flags.extend(["--job-timeout", "2"].map(String::from));
    let app = format!(
        "{APP}\nimport time\n\ndef nap(s):\n    time.sleep(s)\n    return s\n\ndef tagged(x, message_id=None):\n    return [x, message_id]\n"
    );
    let server = start("fleet-errors", &app, 1, &flags);
    // A job whose worker dies under it.
    let crashing = submit(
        &mut con,
        "jobs",
        &[r#"{"op":"call","function":"nap","args":[1]}"#.into()],
    );
    let victim = server.wait_busy();
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(victim as i32),
        nix::sys::signal::Signal::SIGKILL,
    )
    .expect("kill");
    let jobs = [
        "not json".to_string(),
        r#"{"id":5,"op":"ping"}"#.to_string(),
        r#"{"op":"call","function":"spin"}"#.to_string(),
        r#"{"op":"call","function":"boom"}"#.to_string(),
        r#"{"id":"mine","op":"call","function":"tagged","args":[1],"message_id_kwarg":"message_id"}"#
            .to_string(),
    ];
    let mut ids = crashing;
    ids.extend(submit(&mut con, "jobs", &jobs));
    let bare: String = redis::cmd("XADD")
        .arg("jobs")
        .arg("*")
        .arg("other")
        .arg("x")
        .query(&mut con)
        .expect("XADD");
    ids.push(bare);
    let replies = replies_to(&mut con, &ids, Duration::from_secs(60));
    let error_of = |i: usize| {
        let reply = &replies[&ids[i]].reply;
        assert_eq!(reply["ok"], false, "{reply}");
        (
            reply["error"]["type"].as_str().unwrap_or("").to_string(),
            reply["error"]["message"].as_str().unwrap_or("").to_string(),
        )
    };
    assert_eq!(error_of(0).0, "WorkerCrashed");
    assert_eq!(
        error_of(1),
        (
            "ProtocolError".into(),
            format!("message {}: expected ident at column 2", ids[1])
        )
    );
    assert_eq!(replies[&ids[1]].reply["id"], json!(ids[1]));
    assert_eq!(
        error_of(2),
        (
            "ProtocolError".into(),
            format!("message {}: only calls are taken from a stream", ids[2])
        )
    );
    assert_eq!(replies[&ids[2]].reply["id"], 5);
    assert_eq!(error_of(3).0, "TimeoutError");
    assert_eq!(error_of(4).0, "ZeroDivisionError");
    let tagged = &replies[&ids[5]].reply;
    assert_eq!(tagged["id"], "mine");
    assert_eq!(tagged["result"], json!([1, ids[5]]));
    assert_eq!(
        error_of(6),
        (
            "ProtocolError".into(),
            format!("message {}: no \"job\" field", ids[6])
        )
    );
    // Each answered once and acknowledged: nothing is retried.
    std::thread::sleep(Duration::from_millis(300));
    let mut after = "0-0".to_string();
    assert_eq!(read_results(&mut con, "jobs:results", &mut after).len(), 7);
    assert_eq!(pending_count(&mut con, "jobs"), 0);
    // `reply_to` sends the reply to that list instead.
    let id: String = redis::cmd("XADD")
        .arg("jobs")
        .arg("*")
        .arg("job")
        .arg(r#"{"op":"call","function":"handle","args":[4]}"#)
        .arg("reply_to")
        .arg("answers")
        .query(&mut con)
        .expect("XADD");
    let (_, line): (String, String) = redis::cmd("BLPOP")
        .arg("answers")
        .arg(30)
        .query(&mut con)
        .expect("BLPOP");
    let reply: Value = serde_json::from_str(&line).expect("JSON");
    assert_eq!(reply["id"], json!(id));
    assert_eq!(reply["result"], 8);
    // The socket serves alongside.
    assert_eq!(server.client().call("handle", json!([3]))["result"], 6);
}

#[test]
fn serving_resumes_when_redis_comes_up_and_the_socket_serves_meanwhile() {
    let mut redis = Redis::start("fleet-down-redis");
    redis.stop();
    // Redis is down as the server starts: it serves its socket and keeps trying.
    let app = format!("{APP}\nimport time\n\ndef nap(s):\n    time.sleep(s)\n    return s\n");
    let server = start("fleet-down", &app, 2, &stream_flags(&redis, "one", "30"));
    let mut client = server.client();
    assert_eq!(client.call("handle", json!([5]))["result"], 10);
    redis.restart();
    let mut con = redis.connection();
    let ids = submit(
        &mut con,
        "jobs",
        &[r#"{"op":"call","function":"handle","args":[1]}"#.into()],
    );
    let replies = replies_to(&mut con, &ids, Duration::from_secs(30));
    assert_eq!(replies[&ids[0]].reply["result"], 2);

    // Redis goes away while a job runs: the socket still serves; once Redis is back (empty:
    // no persistence), the job's reply is written (its acknowledgement finds no group), the
    // group is made again and jobs flow.
    let ids = submit(
        &mut con,
        "jobs",
        &[r#"{"op":"call","function":"nap","args":[1.5]}"#.into()],
    );
    server.wait_busy();
    redis.stop();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(client.call("handle", json!([6]))["result"], 12);
    std::thread::sleep(Duration::from_millis(1500));
    redis.restart();
    let mut con = redis.connection();
    let replies = replies_to(&mut con, &ids, Duration::from_secs(30));
    assert_eq!(replies[&ids[0]].reply["result"], 1.5);
    let ids = submit(
        &mut con,
        "jobs",
        &[r#"{"op":"call","function":"handle","args":[7]}"#.into()],
    );
    let replies = replies_to(&mut con, &ids, Duration::from_secs(30));
    assert_eq!(replies[&ids[0]].reply["result"], 14);
    assert_eq!(client.call("handle", json!([8]))["result"], 16);
}

#[test]
fn a_live_server_keeps_its_long_jobs_across_dropped_connections() {
    let redis = Redis::start("fleet-keep-redis");
    let mut con = redis.connection();
    let app = format!("{APP}\nimport time\n\ndef nap(s):\n    time.sleep(s)\n    return s\n");
    let holder = start("fleet-keep-a", &app, 1, &stream_flags(&redis, "a", "2"));
    let ids = submit(
        &mut con,
        "jobs",
        &[r#"{"op":"call","function":"nap","args":[8]}"#.into()],
    );
    holder.wait_busy();
    let taken = Instant::now();
    // Another server, claiming what stays unrefreshed for 2 s.
    let _other = start("fleet-keep-b", &app, 1, &stream_flags(&redis, "b", "2"));
    // Every client connection is dropped, twice, while the job runs: the holder reconnects
    // and keeps its message fresh (it has written no reply yet: its writer has to connect
    // for that alone), so it is never claimed.
    for _ in 0..2 {
        let _: redis::Value = redis::cmd("CLIENT")
            .arg("KILL")
            .arg("TYPE")
            .arg("normal")
            .arg("SKIPME")
            .arg("yes")
            .query(&mut con)
            .expect("CLIENT KILL");
        std::thread::sleep(Duration::from_millis(1200));
    }
    std::thread::sleep(Duration::from_secs(4).saturating_sub(taken.elapsed()));
    assert!(taken.elapsed() < Duration::from_secs(7), "too slow to test");
    // Still the holder's, delivered once.
    let held: Vec<(String, String, u64, u64)> = redis::cmd("XPENDING")
        .arg("jobs")
        .arg("permafrost")
        .arg("-")
        .arg("+")
        .arg(10)
        .query(&mut con)
        .expect("XPENDING");
    assert_eq!(held.len(), 1, "{held:?}");
    assert_eq!((held[0].1.as_str(), held[0].3), ("a", 1), "{held:?}");
    let replies = replies_to(&mut con, &ids, Duration::from_secs(30));
    let reply = &replies[&ids[0]];
    assert_eq!(reply.reply["result"], 8);
    assert_eq!((reply.consumer.as_str(), reply.claimed), ("a", false));
    assert_eq!(pending_count(&mut con, "jobs"), 0);
}

#[test]
fn a_server_without_a_socket_serves_the_stream_and_stops_on_sigterm() {
    let redis = Redis::start("fleet-nosock-redis");
    let mut con = redis.connection();
    let dir = TempDir::new("fleet-nosock");
    let app = format!("{APP}\nimport time\n\ndef nap(s):\n    time.sleep(s)\n    return s\n");
    let image = common::freeze(&dir.0, &app);
    let mut child = Command::new(common::BIN)
        .arg("serve")
        .arg(&image)
        .args(["--workers", "1"])
        .args(stream_flags(&redis, "solo", "30"))
        .env("PERMAFROST_LOG", "warn")
        .env("PERMAFROST_IMAGE_STORE", common::test_store())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let ids = submit(
        &mut con,
        "jobs",
        &[r#"{"op":"call","function":"handle","args":[2]}"#.into()],
    );
    let replies = replies_to(&mut con, &ids, Duration::from_secs(30));
    assert_eq!(replies[&ids[0]].reply["result"], 4);
    // SIGTERM while it holds a job: the job finishes and its reply is written before the
    // server exits; nothing is left pending.
    let held = submit(
        &mut con,
        "jobs",
        &[r#"{"op":"call","function":"nap","args":[0.5]}"#.into()],
    );
    let started = Instant::now();
    while pending_count(&mut con, "jobs") == 0 {
        assert!(started.elapsed() < Duration::from_secs(10), "not taken");
        std::thread::sleep(Duration::from_millis(5));
    }
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        nix::sys::signal::Signal::SIGTERM,
    )
    .expect("kill");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "no exit");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(status.success(), "{status}");
    let replies = replies_to(&mut con, &held, Duration::from_secs(1));
    assert_eq!(replies[&held[0]].reply["result"], 0.5);
    assert_eq!(pending_count(&mut con, "jobs"), 0);
}

#[test]
fn serve_needs_a_socket_or_a_stream() {
    let out = Command::new(common::BIN)
        .args(["serve", "x.pfi"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--socket"), "{stderr}");
    let out = Command::new(common::BIN)
        .args(["serve", "x.pfi", "--socket", "s", "--stream", "jobs"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--redis"), "{stderr}");
}
