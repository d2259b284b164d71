//! The per-worker heap budget (`serve --worker-memory`, `run --memory-limit`): a job that
//! allocates past it fails with CPython's bare `MemoryError` within seconds, the same worker
//! then serves the next job, a worker whose heap stays above the budget after a job (a big
//! list kept in a global) is replaced instead of failing every later job, and the interpreter
//! stack reservation (1 GiB, `MAP_NORESERVE`) neither counts nor stops a 1 GiB budget.

mod common;

use common::{Server, TempDir, BIN};
use serde_json::{json, Value};
use std::process::Command;
use std::time::{Duration, Instant};

const APP: &str = r#"
import os

KEPT = []

def pid():
    return os.getpid()

def hog_small(mb):
    # Many small objects (about 1 KiB each): noticed by the dispatch loop's budget check.
    x = []
    for i in range(mb * 1024):
        x.append(" " * 1000 + str(i))
    return len(x)

def hog_touched(mb):
    # 1 MiB blocks whose pages are all written.
    x = []
    for _ in range(mb):
        x.append(b"x" * (1024 * 1024))
    return len(x)

def hog_chunks(mb):
    # 1 MiB blocks until `mb` MiB are held.
    x = []
    for _ in range(mb):
        x.append(bytearray(1024 * 1024))
    return len(x)

def hog_once(n):
    # One allocation whose size is known up front.
    return len([0] * n)

def caught(mb):
    try:
        hog_chunks(mb)
    except MemoryError as e:
        return [type(e).__name__, str(e), len(e.args)]
    return "no error"

def keep(mb):
    for _ in range(mb):
        KEPT.append(bytearray(1024 * 1024))
    return len(KEPT)

def blowup():
    # repr() builds its 240 MB text in one native call with no size check: past the hard cap
    # (four budgets) the allocation fails and the worker aborts.
    s = "\x00" * 60_000_000
    return len(repr(s))

def work(n):
    return sum(range(n))
"#;

fn error_type(reply: &Value) -> &str {
    reply["error"]["type"].as_str().unwrap_or("")
}

#[test]
fn a_job_past_the_budget_gets_memory_error_and_the_worker_serves_on() {
    let server = Server::start("mem-error", APP, 1, &["--worker-memory", "256"]);
    let mut client = server.client();
    let pid = client.call("pid", json!([]))["result"].clone();
    assert!(pid.is_i64(), "{pid}");

    // 1 GiB in 1 MiB blocks under a 256 MiB budget.
    let started = Instant::now();
    let reply = client.call("hog_chunks", json!([1024]));
    let took = started.elapsed();
    assert_eq!(reply["ok"], false, "{reply}");
    assert_eq!(error_type(&reply), "MemoryError", "{reply}");
    // CPython's MemoryError carries no message.
    assert_eq!(reply["error"]["message"], "", "{reply}");
    let traceback = reply["error"]["traceback"].as_str().expect("traceback");
    assert!(
        traceback.starts_with("Traceback (most recent call last):\n")
            && traceback.ends_with("\nMemoryError\n")
            && traceback.contains(", in hog_chunks\n"),
        "{traceback}"
    );
    assert!(took < Duration::from_secs(10), "MemoryError after {took:?}");
    eprintln!("1 GiB in 1 MiB blocks under --worker-memory 256: MemoryError after {took:?}");

    // The same worker, with its memory back, runs the next jobs normally.
    let after = client.call("work", json!([1000]));
    assert_eq!(after["result"], 499500, "{after}");
    assert_eq!(client.call("pid", json!([]))["result"], pid);

    // One up-front allocation of 2 GiB.
    let once = client.call("hog_once", json!([1u64 << 27]));
    assert_eq!(error_type(&once), "MemoryError", "{once}");
    // Inside the job the error can be caught, and the handler runs.
    let caught = client.call("caught", json!([1024]));
    assert_eq!(caught["result"], json!(["MemoryError", "", 0]), "{caught}");
    assert_eq!(client.call("work", json!([10]))["result"], 45);

    // Within the budget nothing changes.
    let fits = client.call("hog_chunks", json!([100]));
    assert_eq!(fits["result"], 100, "{fits}");
    let rss_kb = server.stats()["workers"][0]["memory"]["total"]["rss_kb"]
        .as_u64()
        .expect("rss");
    eprintln!("worker RSS after the MemoryErrors: {rss_kb} kB");
    assert!(rss_kb < 128 * 1024, "RSS {rss_kb} kB");

    // 1 GiB of written pages.
    let started = Instant::now();
    let touched = client.call("hog_touched", json!([1024]));
    let took = started.elapsed();
    assert_eq!(error_type(&touched), "MemoryError", "{touched}");
    let rss_kb = server.stats()["workers"][0]["memory"]["total"]["rss_kb"]
        .as_u64()
        .expect("rss");
    eprintln!("1 GiB of written 1 MiB blocks: MemoryError after {took:?}, RSS after {rss_kb} kB");
    assert_eq!(client.call("pid", json!([]))["result"], pid);
    assert!(rss_kb < 128 * 1024, "RSS {rss_kb} kB");

    // Many small objects: they stay on the worker's free lists for reuse after the job.
    let started = Instant::now();
    let small = client.call("hog_small", json!([1024]));
    let took = started.elapsed();
    assert_eq!(error_type(&small), "MemoryError", "{small}");
    let rss_kb = server.stats()["workers"][0]["memory"]["total"]["rss_kb"]
        .as_u64()
        .expect("rss");
    eprintln!("1 GiB in 1 KiB strings: MemoryError after {took:?}, RSS after {rss_kb} kB");
    assert_eq!(client.call("work", json!([10]))["result"], 45);
}

#[test]
fn a_worker_whose_heap_stays_over_the_budget_is_replaced() {
    let server = Server::start("mem-global", APP, 1, &["--worker-memory", "128"]);
    let mut client = server.client();
    let mut errors = 0;
    let mut pids = Vec::new();
    for _ in 0..8 {
        let reply = client.call("keep", json!([48]));
        pids.push(reply["worker"].clone());
        if reply["ok"] == true {
            assert!(reply["result"].as_i64() > Some(0), "{reply}");
        } else {
            assert_eq!(error_type(&reply), "MemoryError", "{reply}");
            errors += 1;
        }
    }
    // 48, 96, then 144 MiB kept: every third job fails, and its worker is replaced.
    assert!(errors >= 2, "{errors} MemoryErrors");
    pids.dedup();
    assert!(pids.len() >= 3, "workers {pids:?}");
    assert_eq!(client.call("work", json!([10]))["result"], 45);
    let stats = server.stats();
    assert_eq!(
        stats["workers"].as_array().map(Vec::len),
        Some(1),
        "{stats}"
    );
}

#[test]
fn past_the_hard_cap_the_worker_crashes_and_is_replaced() {
    let server = Server::start("mem-cap", APP, 1, &["--worker-memory", "64"]);
    let mut client = server.client();
    let reply = client.call("blowup", json!([]));
    assert_eq!(error_type(&reply), "WorkerCrashed", "{reply}");
    let after = client.call("work", json!([10]));
    assert_eq!(after["result"], 45, "{after}");
    assert_ne!(after["worker"], reply["worker"]);
}

/// The pages of the mapping of exactly `kb` KiB in `/proc/PID/smaps`, with its flags.
fn mapping_flags(pid: i64, kb: u64) -> Option<String> {
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).ok()?;
    let mut size = 0;
    for line in smaps.lines() {
        if let Some(v) = line.strip_prefix("Size:") {
            size = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
        } else if let Some(flags) = line.strip_prefix("VmFlags:") {
            if size == kb {
                return Some(flags.trim().to_string());
            }
        }
    }
    None
}

#[test]
fn a_one_gib_budget_starts_and_the_stack_is_not_reserved() {
    let server = Server::start("mem-1g", APP, 2, &["--worker-memory", "1024"]);
    let mut client = server.client();
    assert_eq!(client.call("work", json!([100]))["result"], 4950);
    let pid = client.call("pid", json!([]))["result"]
        .as_i64()
        .expect("pid");
    // The interpreter stack: 1 GiB less its 64 KiB guard, read-write, MAP_NORESERVE ("nr").
    let flags = mapping_flags(pid, 1024 * 1024 - 64).expect("the interpreter stack mapping");
    let flags: Vec<&str> = flags.split_whitespace().collect();
    assert!(
        flags.contains(&"nr") && flags.contains(&"wr"),
        "stack flags {flags:?}"
    );
    // Within the budget: 600 MiB is fine.
    let big = client.call("hog_chunks", json!([600]));
    assert_eq!(big["result"], 600, "{big}");
}

#[test]
fn run_with_a_memory_limit_raises_memory_error_and_goes_on() {
    let dir = TempDir::new("mem-run");
    let source = r#"
def grow():
    x = []
    while True:
        x.append(str(len(x)) * 100)

for what in ["grow", "repeat", "bytes", "str", "range", "int", "join"]:
    try:
        if what == "grow":
            grow()
        elif what == "repeat":
            [None] * (1 << 26)
        elif what == "bytes":
            bytes(1 << 30)
        elif what == "str":
            "ab" * (1 << 29)
        elif what == "range":
            list(range(1 << 26))
        elif what == "int":
            1 << (1 << 33)
        else:
            "-".join(["x" * (1 << 20)] * 1024)
        print(what, "no error")
    except MemoryError as e:
        print(what, type(e).__name__, repr(e))
print(sum(range(10)))
"#;
    let image = common::freeze(&dir.0, source);
    let out = Command::new(BIN)
        .arg("run")
        .arg(&image)
        .args(["--memory-limit", "256"])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{:?}: {stdout}{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = "grow MemoryError MemoryError()\nrepeat MemoryError MemoryError()\n\
        bytes MemoryError MemoryError()\nstr MemoryError MemoryError()\n\
        range MemoryError MemoryError()\nint MemoryError MemoryError()\n\
        join MemoryError MemoryError()\n45\n";
    assert_eq!(stdout, expected);
}
