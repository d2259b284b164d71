//! The cycle collector in a served worker: jobs that each leave a ~100 KiB reference cycle keep
//! the worker's RSS bounded (and grow it without bound once `gc.disable()` ran), and a
//! collection copies no page inherited from the zygote (the `stats` copy-on-write count).
//! Workers also carry the highest `oom_score_adj`, so the kernel picks one of them first.

mod common;

use common::{Client, Server};
use serde_json::{json, Value};

const APP: &str = r#"
import gc

DATA = ["inherited " + str(i) for i in range(20000)]

class Node:
    def __init__(self, parent, i):
        self.parent = parent
        self.children = []
        self.payload = str(i) * 40
        if parent is not None:
            parent.children.append(self)

def leak(n):
    root = Node(None, 0)
    for i in range(n):
        Node(root, i)
    return len(root.children)

def off():
    gc.disable()
    return gc.isenabled()

def collect():
    return gc.collect()

def touch():
    return len(DATA)

HELD = []

def hog(mb):
    HELD.append("x" * (mb * 1024 * 1024))
    return len(HELD)
"#;

fn worker(stats: &Value) -> &Value {
    &stats["workers"][0]
}

fn rss_kb(stats: &Value) -> u64 {
    worker(stats)["memory"]["total"]["rss_kb"]
        .as_u64()
        .expect("rss")
}

fn copied_pages(stats: &Value) -> u64 {
    worker(stats)["cow"]["copied_pages"]
        .as_u64()
        .expect("copied")
}

fn leak_jobs(client: &mut Client, jobs: usize) {
    for _ in 0..jobs {
        let reply = client.call("leak", json!([100]));
        assert_eq!(reply["result"], 100, "{reply}");
    }
}

#[test]
fn jobs_leaving_cycles_keep_the_worker_rss_bounded() {
    let server = Server::start("gc-rss", APP, 1, &[]);
    let mut client = server.client();
    leak_jobs(&mut client, 20);
    let start = rss_kb(&server.stats());
    leak_jobs(&mut client, 1000);
    let collected = rss_kb(&server.stats());
    // The same worker with the collector off: the cycles stay.
    assert_eq!(client.call("off", json!([]))["result"], false);
    leak_jobs(&mut client, 1000);
    let leaked = rss_kb(&server.stats());
    eprintln!(
        "worker RSS: {start} kB after 20 jobs, {collected} kB after 1000 more (collector on), \
         {leaked} kB after 1000 more with gc.disable()"
    );
    assert!(
        collected < start + 16 * 1024,
        "RSS grew from {start} to {collected} kB with the collector on"
    );
    assert!(
        leaked > collected + 50 * 1024,
        "RSS only grew from {collected} to {leaked} kB with the collector off"
    );
}

#[test]
fn a_collection_copies_no_inherited_page() {
    let server = Server::start("gc-cow", APP, 1, &["--layout", "permanent"]);
    let mut client = server.client();
    assert_eq!(client.call("off", json!([]))["result"], false);
    // Warm up every path once (the first job moves the interpreter's own fields).
    assert_eq!(client.call("touch", json!([]))["result"], 20000);
    leak_jobs(&mut client, 5);
    assert!(client.call("collect", json!([]))["result"].as_i64() > Some(0));
    leak_jobs(&mut client, 50);
    let before = server.stats();
    let reply = client.call("collect", json!([]));
    let found = reply["result"].as_i64().expect("count");
    let after = server.stats();
    eprintln!(
        "collection found {found} objects; copied inherited pages {} before, {} after \
         (of {} inherited)",
        copied_pages(&before),
        copied_pages(&after),
        worker(&after)["cow"]["inherited_pages"]
    );
    // 50 jobs' trees: 101 nodes each, with their children lists.
    assert!(found >= 50 * 101, "{found}");
    assert_eq!(copied_pages(&after), copied_pages(&before));
}

#[test]
fn workers_are_the_kernels_first_choice_under_memory_pressure() {
    let server = Server::start("gc-oom", APP, 1, &[]);
    let pid = worker(&server.stats())["pid"].as_i64().expect("pid");
    let score = |pid: i64| {
        std::fs::read_to_string(format!("/proc/{pid}/oom_score_adj"))
            .expect("oom_score_adj")
            .trim()
            .to_string()
    };
    assert_eq!(score(pid), "1000");
    assert_ne!(score(i64::from(server.pid())), "1000");
}

#[test]
fn a_worker_above_max_worker_rss_after_a_job_is_replaced() {
    let server = Server::start("gc-rss-limit", APP, 1, &["--max-worker-rss", "48"]);
    let mut client = server.client();
    let first = client.call("hog", json!([1]));
    assert_eq!(first["result"], 1, "{first}");
    let second = client.call("hog", json!([1]));
    assert_eq!(second["result"], 2, "{second}");
    assert_eq!(
        first["worker"], second["worker"],
        "replaced below the limit"
    );
    // 64 MiB held: the reply comes back, then the worker is replaced by a fresh fork.
    let big = client.call("hog", json!([64]));
    assert_eq!(big["result"], 3, "{big}");
    assert_eq!(big["worker"], second["worker"]);
    let after = client.call("hog", json!([1]));
    assert_eq!(after["result"], 1, "{after}");
    assert_ne!(after["worker"], big["worker"]);
}
