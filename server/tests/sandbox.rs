//! Who may submit and what a job can reach, end to end: peer credentials on the socket (a
//! client running as `nobody` is refused unless allowed), the worker sandbox as `/proc` shows
//! it (no_new_privs, seccomp, rlimits, empty environment, descriptors, `--user`), the
//! `sandbox-selftest` subcommand, and `--isolate` (nothing persists from one job to the next).

mod common;

use common::{spawn_serve, Server, TempDir, APP, BIN};
use serde_json::{json, Value};
use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::{Duration, Instant};

const NOBODY: u32 = 65534;

/// A client that connects as `nobody` (a child process that drops to uid and gid 65534 before
/// it runs) and prints the first line the server sends, then `EOF` if the server closed the
/// connection after it.
fn connect_as_nobody(socket: &std::path::Path, expect: &str) -> (bool, String) {
    let script = r#"
import socket, sys, json
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
try:
    s.sendall(b'{"op":"call","id":1,"function":"handle","args":[21]}\n')
except (BrokenPipeError, ConnectionResetError):
    pass  # refused and closed already: its line is still there to read
f = s.makefile("rb")
print(f.readline().decode().strip())
if sys.argv[2] == "refused":
    try:
        rest = f.readline()
    except ConnectionResetError:
        rest = b""
    print("EOF" if rest == b"" else "OPEN")
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(socket)
        .arg(expect)
        .uid(NOBODY)
        .gid(NOBODY)
        .output()
        .expect("run python3 as nobody");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn running_as_root() -> bool {
    nix::unistd::Uid::effective().is_root()
}

/// Lets `nobody` reach a socket in the test's directory.
fn open_dir(server: &Server) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&server.dir.0, std::fs::Permissions::from_mode(0o755))
        .expect("chmod dir");
}

#[test]
fn a_peer_with_another_uid_is_refused_with_one_error_line() {
    if !running_as_root() {
        eprintln!("skipped: needs root to run a client as nobody");
        return;
    }
    let server = Server::start("peer-refused", APP, 1, &["--socket-mode", "666"]);
    open_dir(&server);
    let (ok, output) = connect_as_nobody(&server.socket, "refused");
    assert!(ok, "{output}");
    let mut lines = output.lines();
    let reply: Value = serde_json::from_str(lines.next().expect("a reply line")).expect("JSON");
    assert_eq!(reply["ok"], false, "{reply}");
    assert_eq!(reply["id"], Value::Null, "{reply}");
    assert_eq!(reply["error"]["type"], "PermissionDenied", "{reply}");
    let message = reply["error"]["message"].as_str().expect("message");
    assert!(message.contains("uid 65534"), "{message}");
    assert_eq!(
        reply["error"]["traceback"],
        format!("PermissionDenied: {message}\n")
    );
    assert_eq!(lines.next(), Some("EOF"), "{output}");
    // The refusal is logged; the server's own clients are still served.
    let log = std::fs::read_to_string(server.dir.0.join("serve.log")).expect("log");
    assert!(
        log.contains("refused a connection") && log.contains("uid 65534"),
        "{log}"
    );
    let reply = server.client().call("handle", json!([2]));
    assert_eq!(reply["result"], 4, "{reply}");
}

#[test]
fn an_allowed_uid_and_an_allowed_gid_are_served() {
    if !running_as_root() {
        eprintln!("skipped: needs root to run a client as nobody");
        return;
    }
    for flags in [["--allow-uid", "65534"], ["--allow-gid", "65534"]] {
        let extra = [flags[0], flags[1], "--socket-mode", "0666"];
        let server = Server::start("peer-allowed", APP, 1, &extra);
        open_dir(&server);
        let (ok, output) = connect_as_nobody(&server.socket, "allowed");
        assert!(ok, "{output}");
        let reply: Value =
            serde_json::from_str(output.lines().next().expect("line")).expect("JSON");
        assert_eq!(reply["ok"], true, "{flags:?}: {reply}");
        assert_eq!(reply["result"], 42);
    }
}

#[test]
fn socket_mode_and_group_are_applied() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let server = Server::start(
        "socket-mode",
        APP,
        1,
        &["--socket-mode", "660", "--socket-group", "65534"],
    );
    let meta = std::fs::metadata(&server.socket).expect("socket");
    assert_eq!(meta.permissions().mode() & 0o777, 0o660);
    assert_eq!(meta.gid(), 65534);
    let default = Server::start("socket-default", APP, 1, &[]);
    let meta = std::fs::metadata(&default.socket).expect("socket");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
}

fn worker_pids(server: &Server) -> Vec<i32> {
    server.stats()["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .map(|w| w["pid"].as_i64().expect("pid") as i32)
        .collect()
}

fn proc_field(pid: i32, file: &str, key: &str) -> String {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).expect("read /proc");
    text.lines()
        .find(|l| l.starts_with(key))
        .unwrap_or_else(|| panic!("no {key} in /proc/{pid}/{file}:\n{text}"))
        .to_string()
}

/// `Max processes  0  0  processes` → ("0", "0").
fn limit(pid: i32, name: &str) -> (String, String) {
    let line = proc_field(pid, "limits", name);
    let mut fields = line[name.len()..].split_whitespace();
    (
        fields.next().expect("soft").to_string(),
        fields.next().expect("hard").to_string(),
    )
}

#[test]
fn workers_run_sandboxed_by_default() {
    let server = Server::start("sandboxed", APP, 2, &["--worker-cpu-seconds", "30"]);
    // A job runs as usual under the sandbox.
    let reply = server.client().call("touch", json!([]));
    assert_eq!(reply["ok"], true, "{reply}");
    for pid in worker_pids(&server) {
        let no_new_privs = proc_field(pid, "status", "NoNewPrivs:");
        assert!(no_new_privs.ends_with("\t1"), "{no_new_privs}");
        let seccomp = proc_field(pid, "status", "Seccomp:");
        assert!(seccomp.ends_with("\t2"), "{seccomp}");
        assert_eq!(limit(pid, "Max processes"), ("0".into(), "0".into()));
        // The harness sends the server's stderr (which workers keep) to a file: RLIMIT_FSIZE
        // 0 would kill a worker writing its last words there, so it is left unlimited.
        assert_eq!(
            limit(pid, "Max file size"),
            ("unlimited".into(), "unlimited".into())
        );
        assert_eq!(limit(pid, "Max core file size"), ("0".into(), "0".into()));
        assert_eq!(limit(pid, "Max open files"), ("16".into(), "16".into()));
        assert_eq!(limit(pid, "Max cpu time"), ("30".into(), "31".into()));
        let environ = std::fs::read(format!("/proc/{pid}/environ")).expect("environ");
        assert!(environ.is_empty(), "{}", String::from_utf8_lossy(&environ));
        // Only the job socket, /proc/self/statm, /dev/null on 0 and 1, and stderr (the
        // server's log).
        let mut targets: Vec<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
            .expect("fds")
            .flatten()
            .map(|e| {
                std::fs::read_link(e.path())
                    .map(|t| t.display().to_string())
                    .unwrap_or_default()
            })
            .collect();
        targets.sort();
        assert_eq!(targets.len(), 5, "{targets:?}");
        assert_eq!(
            targets.iter().filter(|t| *t == "/dev/null").count(),
            2,
            "{targets:?}"
        );
        assert_eq!(
            targets.iter().filter(|t| t.starts_with("socket:")).count(),
            1,
            "{targets:?}"
        );
        assert!(targets.iter().any(|t| t.ends_with("/statm")), "{targets:?}");
        assert!(
            targets.iter().any(|t| t.ends_with("serve.log")),
            "{targets:?}"
        );
    }
}

/// A job that runs asyncio, and one that tries sockets of each kind.
const ASYNC_APP: &str = r#"
import asyncio
import socket


async def work(n):
    q = asyncio.Queue()
    async def produce():
        for i in range(n):
            await q.put(i)
            await asyncio.sleep(0)
    async def consume():
        return [await q.get() for _ in range(n)]
    _, got = await asyncio.gather(produce(), asyncio.wait_for(consume(), 5))
    return sum(got)


def run(n):
    return asyncio.run(work(n))


def attempt(kind):
    try:
        if kind == "pair":
            a, b = socket.socketpair()
            a.send(b"x")
            got = b.recv(1)
            a.close()
            b.close()
            return got.decode()
        if kind == "inet pair":
            socket.socketpair(socket.AF_INET)
        else:
            socket.socket(socket.AF_INET if kind == "inet" else socket.AF_UNIX)
        return "created"
    except OSError as e:
        return type(e).__name__
"#;

/// The sandbox lets a job run asyncio (an epoll instance and an `AF_UNIX` socket pair, closed
/// again after each job, so the worker's few descriptors are not used up) and still refuses
/// every socket that could reach outside the worker.
#[test]
fn asyncio_runs_sandboxed_and_sockets_stay_refused() {
    let server = Server::start("sandboxed-asyncio", ASYNC_APP, 1, &[]);
    let mut client = server.client();
    for _ in 0..24 {
        let reply = client.call("run", json!([10]));
        assert_eq!(reply["ok"], true, "{reply}");
        assert_eq!(reply["result"], 45, "{reply}");
    }
    for (kind, expect) in [
        ("pair", "x"),
        ("inet", "PermissionError"),
        ("unix", "PermissionError"),
        ("inet pair", "PermissionError"),
    ] {
        let reply = client.call("attempt", json!([kind]));
        assert_eq!(reply["result"], expect, "{kind}: {reply}");
    }
    for pid in worker_pids(&server) {
        let fds = std::fs::read_dir(format!("/proc/{pid}/fd"))
            .expect("fds")
            .count();
        // As before the jobs: the job socket, /proc/self/statm, stdio.
        assert_eq!(fds, 5, "descriptors left open in worker {pid}");
    }
}

#[test]
fn no_sandbox_leaves_workers_as_they_were() {
    let server = Server::start("unsandboxed", APP, 1, &["--no-sandbox"]);
    let pid = worker_pids(&server)[0];
    assert!(proc_field(pid, "status", "Seccomp:").ends_with("\t0"));
    assert!(proc_field(pid, "status", "NoNewPrivs:").ends_with("\t0"));
    // The test harness starts the server with PERMAFROST_LOG set: inherited as before.
    let environ = std::fs::read(format!("/proc/{pid}/environ")).expect("environ");
    assert!(!environ.is_empty());
}

const ENV_APP: &str = r#"
import os

def env():
    return sorted(os.environ.items())

def facts():
    return [len(os.urandom(16)), os.uname().sysname, os.getpid() > 0]
"#;

#[test]
fn the_environment_is_empty_unless_passed() {
    let server = Server::start("env-empty", ENV_APP, 1, &[]);
    let reply = server.client().call("env", json!([]));
    assert_eq!(reply["result"], json!([]), "{reply}");
    let reply = server.client().call("facts", json!([]));
    assert_eq!(reply["result"], json!([16, "Linux", true]), "{reply}");

    let server = Server::start("env-pass", ENV_APP, 1, &["--pass-env", "PERMAFROST_LOG"]);
    let reply = server.client().call("env", json!([]));
    assert_eq!(
        reply["result"],
        json!([["PERMAFROST_LOG", "warn"]]),
        "{reply}"
    );
}

#[test]
fn workers_drop_to_the_user() {
    if !running_as_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let server = Server::start("user", APP, 1, &["--user", "nobody"]);
    let pid = worker_pids(&server)[0];
    let uid = proc_field(pid, "status", "Uid:");
    assert_eq!(
        uid.split_whitespace().skip(1).collect::<Vec<_>>(),
        ["65534"; 4],
        "{uid}"
    );
    let groups = proc_field(pid, "status", "Groups:");
    assert!(!groups.split_whitespace().any(|g| g == "0"), "{groups}");
    let reply = server.client().call("handle", json!([4]));
    assert_eq!(reply["result"], 8, "{reply}");
    // The memory report still reads the worker's /proc files.
    let stats = server.stats();
    let rss = &stats["workers"][0]["memory"]["total"]["rss_kb"];
    assert!(rss.as_u64().unwrap_or(0) > 0, "{stats}");

    let refused = Command::new(BIN)
        .args([
            "serve",
            "x.pfi",
            "--socket",
            "/tmp/x.sock",
            "--user",
            "no-such-user-here",
        ])
        .output()
        .expect("run serve");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no user named"));
}

#[test]
fn the_selftest_sees_every_forbidden_call_fail() {
    let mut runs = vec![vec!["sandbox-selftest"]];
    if running_as_root() {
        runs.push(vec!["sandbox-selftest", "--user", "nobody"]);
    }
    for args in runs {
        let out = Command::new(BIN).args(&args).output().expect("selftest");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{args:?}: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for attempt in ["open ", "socket AF_INET", "socket AF_UNIX", "fork", "exec "] {
            let line = text
                .lines()
                .find(|l| l.starts_with(attempt))
                .unwrap_or_else(|| panic!("no {attempt:?} line: {text}"));
            assert!(line.contains(": refused ("), "{line}");
            assert!(line.contains("Operation not permitted"), "{line}");
        }
        assert!(!text.contains("ALLOWED"), "{text}");
    }
}

const STATE_APP: &str = r#"
SEEN = []

def remember(x):
    SEEN.append(x)
    return list(SEEN)

def replace():
    global remember
    def remember(x):
        return "replaced"
    return "done"
"#;

/// Starts a server and waits until `idle` workers are idle.
fn start_with_idle(tag: &str, source: &str, workers: usize, idle: usize, extra: &[&str]) -> Server {
    let dir = TempDir::new(tag);
    let image = common::freeze(&dir.0, source);
    let socket = dir.0.join("s.sock");
    let child = spawn_serve(&image, &socket, workers, extra);
    let mut server = Server {
        child,
        socket,
        workers: idle,
        dir,
    };
    server.wait_ready();
    server
}

#[test]
fn pooled_state_persists_and_isolated_state_does_not() {
    let pooled = Server::start("pooled-state", STATE_APP, 1, &[]);
    let mut client = pooled.client();
    assert_eq!(client.call("remember", json!([1]))["result"], json!([1]));
    assert_eq!(client.call("remember", json!([2]))["result"], json!([1, 2]));
    client.call("replace", json!([]));
    assert_eq!(client.call("remember", json!([3]))["result"], "replaced");

    let isolated = start_with_idle(
        "isolated-state",
        STATE_APP,
        1,
        3,
        &[
            "--isolate",
            "--isolate-mode",
            "fork",
            "--spare-workers",
            "2",
        ],
    );
    let mut client = isolated.client();
    let first = client.call("remember", json!([1]));
    assert_eq!(first["result"], json!([1]), "{first}");
    let second = client.call("remember", json!([2]));
    assert_eq!(second["result"], json!([2]), "{second}");
    assert_ne!(first["worker"], second["worker"]);
    client.call("replace", json!([]));
    assert_eq!(client.call("remember", json!([3]))["result"], json!([3]));
    // Each worker ran one job and exited; spares are forked again.
    let started = Instant::now();
    loop {
        let stats = isolated.stats();
        let workers = stats["workers"].as_array().expect("workers").clone();
        let idle = workers.iter().filter(|w| w["state"] == "idle").count();
        if idle == 3 {
            assert!(
                workers
                    .iter()
                    .filter(|w| w["state"] == "idle")
                    .all(|w| w["jobs_done"] == 0),
                "{stats}"
            );
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{stats}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn isolate_serves_concurrent_clients() {
    let server = start_with_idle(
        "isolate-load",
        APP,
        2,
        4,
        &["--isolate", "--isolate-mode", "fork"],
    );
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let socket = server.socket.clone();
            std::thread::spawn(move || {
                let mut client = common::Client::connect(&socket).expect("connect");
                let mut pids = std::collections::HashSet::new();
                for i in 0..25 {
                    let reply = client.call("handle", json!([t * 100 + i]));
                    assert_eq!(reply["result"], json!((t * 100 + i) * 2), "{reply}");
                    assert!(pids.insert(reply["worker"].as_i64().expect("pid")));
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("client");
    }
}

/// The parent pid of `pid` (the fourth field of `/proc/PID/stat`, after the parenthesised
/// command name).
fn parent_of(pid: i32) -> i32 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let after_name = &stat[stat.rfind(')').expect("comm") + 1..];
    after_name
        .split_whitespace()
        .nth(1)
        .expect("ppid")
        .parse()
        .expect("ppid is a number")
}

#[test]
fn isolated_workers_are_sandboxed_single_threaded_forks_of_a_filtered_zygote() {
    let mut server = start_with_idle(
        "isolate-sandbox",
        APP,
        1,
        3,
        &[
            "--isolate",
            "--isolate-mode",
            "fork",
            "--spare-workers",
            "2",
        ],
    );
    // Some workers come and go first: the spares checked below were forked after them.
    let mut client = server.client();
    for i in 0..6 {
        let reply = client.call("handle", json!([i]));
        assert_eq!(reply["result"], json!(i * 2), "{reply}");
    }
    drop(client);
    server.wait_ready();
    let pids: Vec<i32> = server.stats()["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .filter(|w| w["state"] == "idle")
        .map(|w| w["pid"].as_i64().expect("pid") as i32)
        .collect();
    assert_eq!(pids.len(), 3);
    for &pid in &pids {
        // Forked from the zygote's interpreter thread: that is the worker's only thread.
        assert_eq!(proc_field(pid, "status", "Threads:"), "Threads:\t1");
        assert!(proc_field(pid, "status", "NoNewPrivs:").ends_with("\t1"));
        assert!(proc_field(pid, "status", "Seccomp:").ends_with("\t2"));
        assert_eq!(limit(pid, "Max processes"), ("0".into(), "0".into()));
        assert_eq!(limit(pid, "Max open files"), ("16".into(), "16".into()));
    }
    // The zygote carries the wide filter its workers inherit, on both of its threads (the
    // main one waits for the interpreter thread, which forks), but none of the worker limits.
    let zygote = parent_of(pids[0]);
    assert!(pids.iter().all(|&pid| parent_of(pid) == zygote));
    assert_eq!(proc_field(zygote, "status", "Threads:"), "Threads:\t2");
    assert!(proc_field(zygote, "status", "NoNewPrivs:").ends_with("\t1"));
    assert!(proc_field(zygote, "status", "Seccomp:").ends_with("\t2"));
    assert_ne!(limit(zygote, "Max processes"), ("0".into(), "0".into()));
    for task in std::fs::read_dir(format!("/proc/{zygote}/task")).expect("tasks") {
        let tid = task.expect("task").file_name();
        let status = std::fs::read_to_string(format!(
            "/proc/{zygote}/task/{}/status",
            tid.to_string_lossy()
        ))
        .expect("task status");
        assert!(status.contains("Seccomp:\t2"), "{status}");
    }
    // And the pool still serves.
    let reply = server.client().call("handle", json!([21]));
    assert_eq!(reply["result"], json!(42), "{reply}");
}

/// What a job can change, for the reset tests: module globals, a class, a builtin, another
/// module's state, `sys.modules`, the random generator's state, and big allocations.
const RESET_APP: &str = r#"
import builtins, collections, random, sys

SEEN = []
COUNTS = collections.Counter()

class Config:
    level = 1

def mutate(x):
    SEEN.append(x)
    COUNTS[x] += 1
    Config.level += 10
    Config.extra = x
    builtins.max = lambda *a: "patched"
    sys.modules["planted"] = x
    random.seed(x)
    junk = [str(i) for i in range(20000)]
    blob = b"x" * (8 << 20)
    return [list(SEEN), dict(COUNTS), Config.level, max(1, 2), len(junk) + len(blob)]

def look():
    return [list(SEEN), len(COUNTS), Config.level, hasattr(Config, "extra"), max(1, 2),
            "planted" in sys.modules]

def draw():
    return random.random()

def crash():
    import sys
    sys.setrecursionlimit(100000000)
    def down(n):
        return down(n + 1)
    return down(0)

def fail():
    SEEN.append("failed")
    raise ValueError("job failed")
"#;

#[test]
fn reset_isolation_gives_every_job_the_zygote_state_in_the_same_process() {
    let server = Server::start("isolate-reset", RESET_APP, 1, &["--isolate"]);
    let mut client = server.client();
    let pristine = json!([[], 0, 1, false, 2, false]);
    let first = client.call("look", json!([]));
    assert_eq!(first["result"], pristine, "{first}");
    let mut pids = std::collections::HashSet::new();
    for round in 0..5 {
        let changed = client.call("mutate", json!([round]));
        assert_eq!(
            changed["result"],
            json!([[round], {round.to_string(): 1}, 11, "patched", 20000 + (8 << 20)]),
            "{changed}"
        );
        let failed = client.call("fail", json!([]));
        assert_eq!(failed["error"]["type"], "ValueError", "{failed}");
        let seen = client.call("look", json!([]));
        assert_eq!(seen["result"], pristine, "round {round}: {seen}");
        pids.insert(seen["worker"].as_i64().expect("pid"));
    }
    // One process served them all: the reset, not a fork per job.
    assert_eq!(pids.len(), 1, "{pids:?}");
    // Each job draws from a freshly seeded generator, as in a fresh fork: not the sequence
    // the previous job's `random.seed` left.
    let draws: std::collections::HashSet<String> = (0..4)
        .map(|_| client.call("draw", json!([]))["result"].to_string())
        .collect();
    assert_eq!(draws.len(), 4, "{draws:?}");
    // The memory the jobs allocated went back: the worker holds no more than a few MiB of
    // its own beyond what it had after the first job.
    let pid = *pids.iter().next().expect("pid") as i32;
    let private_kb = |pid: i32| -> u64 {
        std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
            .expect("smaps_rollup")
            .lines()
            .filter(|l| l.starts_with("Private_Dirty:") || l.starts_with("Private_Clean:"))
            .map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0)
            })
            .sum()
    };
    let before = private_kb(pid);
    for round in 0..20 {
        let changed = client.call("mutate", json!([round]));
        assert_eq!(changed["result"][2], 11, "{changed}");
    }
    let after = private_kb(pid);
    assert!(
        after < before + 4096,
        "private memory grew from {before} kB to {after} kB over 20 jobs"
    );
}

#[test]
fn a_reset_worker_that_crashes_is_replaced_and_the_pool_serves_on() {
    let server = Server::start("isolate-reset-crash", RESET_APP, 1, &["--isolate"]);
    let mut client = server.client();
    let changed = client.call("mutate", json!([7]));
    assert_eq!(changed["result"][0], json!([7]), "{changed}");
    let crashed = client.call("crash", json!([]));
    assert_eq!(crashed["error"]["type"], "RecursionError", "{crashed}");
    for _ in 0..3 {
        let seen = client.call("look", json!([]));
        assert_eq!(seen["result"][0], json!([]), "{seen}");
    }
}

#[test]
fn reset_workers_are_sandboxed_and_serve_concurrent_clients() {
    let server = Server::start("isolate-reset-load", RESET_APP, 2, &["--isolate"]);
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let socket = server.socket.clone();
            std::thread::spawn(move || {
                let mut client = common::Client::connect(&socket).expect("connect");
                for i in 0..25 {
                    let x = t * 100 + i;
                    let reply = client.call("mutate", json!([x]));
                    assert_eq!(reply["result"][0], json!([x]), "{reply}");
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("client");
    }
    for pid in worker_pids(&server) {
        assert_eq!(proc_field(pid, "status", "Threads:"), "Threads:\t1");
        assert!(proc_field(pid, "status", "NoNewPrivs:").ends_with("\t1"));
        assert!(proc_field(pid, "status", "Seccomp:").ends_with("\t2"));
        assert_eq!(limit(pid, "Max processes"), ("0".into(), "0".into()));
    }
}
