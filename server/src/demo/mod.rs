//! `permafrost demo`: the one-command tour.
//!
//! Generates a synthetic app ([`generator`]), freezes it with the compiler into a temporary
//! directory, serves it in both layouts with four workers each (`permafrost serve` run as a
//! child process of this very binary), runs the same read-only workload through the socket —
//! every function called on its own, then `run_all()` on every worker — reads each server's
//! memory report and prints the two side by side. Progress goes to stderr, the result to
//! stdout (a table, or JSON with `--json`).

pub mod generator;

use crate::client::{call_request, Connection};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Functions in the generated app.
const FUNCTIONS: usize = 3000;
const WORKERS: usize = 4;
/// Calls in flight per connection during the per-function pass.
const PIPELINE: usize = 64;
const START_LIMIT: Duration = Duration::from_secs(60);

/// Runs the demo.
pub fn run(as_json: bool) -> ExitCode {
    match tour(as_json) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("permafrost demo: {message}");
            ExitCode::FAILURE
        }
    }
}

fn progress(message: &str) {
    eprintln!("[demo] {message}");
}

/// A temporary directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path =
            std::env::temp_dir().join(format!("permafrost-demo-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A `permafrost serve` child, stopped (SIGTERM, then SIGKILL) on drop.
struct Server {
    child: Child,
    socket: PathBuf,
}

impl Server {
    fn start(image: &Path, socket: &Path, layout: &str) -> Result<Server, String> {
        let exe = std::env::current_exe().map_err(|e| format!("cannot find myself: {e}"))?;
        let child = Command::new(exe)
            .arg("serve")
            .arg(image)
            .arg("--socket")
            .arg(socket)
            .args(["--workers", &WORKERS.to_string(), "--layout", layout])
            // A store of its own beside the image, removed with it: the tour leaves nothing
            // in the host's store.
            .arg("--image-store")
            .arg(image.with_file_name("images"))
            .env("PERMAFROST_LOG", "error")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let mut server = Server {
            child,
            socket: socket.to_path_buf(),
        };
        server.wait_ready()?;
        Ok(server)
    }

    /// Waits until every worker has reported ready.
    fn wait_ready(&mut self) -> Result<(), String> {
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("the server exited during startup ({status})"));
            }
            if let Ok(stats) = Connection::open(&self.socket).and_then(|mut c| c.stats()) {
                let workers = stats["workers"].as_array().cloned().unwrap_or_default();
                if workers.len() == WORKERS && workers.iter().all(|w| w["state"] == "idle") {
                    return Ok(());
                }
            }
            if started.elapsed() > START_LIMIT {
                return Err("the server did not become ready within a minute".into());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn stop(&mut self) {
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn tour(as_json: bool) -> Result<(), String> {
    let started = Instant::now();
    let dir = TempDir::new()?;
    progress(&format!("generating an app of {FUNCTIONS} functions"));
    let source = generator::generate(FUNCTIONS);
    let source_path = dir.0.join("app.py");
    std::fs::write(&source_path, &source).map_err(|e| format!("{}: {e}", source_path.display()))?;
    let image = dir.0.join("app.pfi");
    progress(&format!(
        "freezing {} ({} lines)",
        source_path.display(),
        source.lines().count()
    ));
    permafrost_compiler::freeze(&[source_path.as_path()], &image)
        .map_err(|e| format!("freezing the generated app failed: {e}"))?;
    let image_bytes = std::fs::metadata(&image).map(|m| m.len()).unwrap_or(0);

    let mut reports = Vec::new();
    for layout in ["permanent", "transient"] {
        progress(&format!(
            "serving it in the {layout} layout with {WORKERS} workers"
        ));
        let socket = dir.0.join(format!("{layout}.sock"));
        let mut server = Server::start(&image, &socket, layout)?;
        progress(&format!(
            "{layout}: calling all {FUNCTIONS} functions, then run_all() on every worker"
        ));
        workload(&socket)?;
        let stats = Connection::open(&socket).and_then(|mut c| c.stats())?;
        server.stop();
        reports.push(stats);
    }
    let (permanent, transient) = (&reports[0], &reports[1]);
    let summary = summarise(permanent, transient);
    progress(&format!("done in {:.1} s", started.elapsed().as_secs_f64()));
    if as_json {
        crate::client::emit(&format!(
            "{}\n",
            json!({
                "functions": FUNCTIONS,
                "workers": WORKERS,
                "image_bytes": image_bytes,
                "permanent": permanent,
                "transient": transient,
                "summary": summary,
            })
        ));
    } else {
        crate::client::emit(&render(permanent, transient, &summary, image_bytes));
    }
    Ok(())
}

/// Every function once, spread over `WORKERS` pipelined connections; then `run_all()` once per
/// worker, concurrently, so that each worker executes every function.
fn workload(socket: &Path) -> Result<(), String> {
    let chunks: Vec<Vec<usize>> = (0..WORKERS)
        .map(|w| (w..FUNCTIONS).step_by(WORKERS).collect())
        .collect();
    let threads: Vec<_> = chunks
        .into_iter()
        .map(|chunk| {
            let socket = socket.to_path_buf();
            std::thread::spawn(move || call_each(&socket, &chunk))
        })
        .collect();
    for thread in threads {
        thread
            .join()
            .map_err(|_| "a workload thread panicked".to_string())??;
    }
    // run_all() until every worker has run it (rounds of concurrent calls: an idle worker
    // takes each, but one that finishes early may take a second before the last arrives).
    let mut covered = std::collections::HashSet::new();
    for _round in 0..10 {
        let threads: Vec<_> = (0..WORKERS)
            .map(|_| {
                let socket = socket.to_path_buf();
                std::thread::spawn(move || -> Result<i64, String> {
                    let reply = Connection::open(&socket)?.call("run_all", Vec::new())?;
                    check(&reply, "run_all")?;
                    if reply["result"].as_u64() != Some(FUNCTIONS as u64) {
                        return Err(format!("run_all returned {}", reply["result"]));
                    }
                    Ok(reply["worker"].as_i64().unwrap_or(0))
                })
            })
            .collect();
        for thread in threads {
            let worker = thread
                .join()
                .map_err(|_| "a workload thread panicked".to_string())??;
            covered.insert(worker);
        }
        if covered.len() >= WORKERS {
            return Ok(());
        }
    }
    Err(format!(
        "run_all reached only {} of {WORKERS} workers",
        covered.len()
    ))
}

fn call_each(socket: &Path, functions: &[usize]) -> Result<(), String> {
    let mut connection = Connection::open(socket)?;
    let mut next = 0;
    let mut outstanding = 0;
    while next < functions.len() || outstanding > 0 {
        while next < functions.len() && outstanding < PIPELINE {
            connection.send(call_request(&format!("f_{}", functions[next]), Vec::new()))?;
            next += 1;
            outstanding += 1;
        }
        let reply = connection.receive()?;
        check(&reply, "a generated function")?;
        outstanding -= 1;
    }
    Ok(())
}

fn check(reply: &Value, what: &str) -> Result<(), String> {
    if reply["ok"] == Value::Bool(true) {
        return Ok(());
    }
    let error = &reply["error"];
    Err(format!(
        "calling {what} failed:\n{}",
        error["traceback"]
            .as_str()
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| format!("{}: {}", error["type"], error["message"]))
    ))
}

fn u(value: &Value) -> u64 {
    value.as_u64().unwrap_or(0)
}

fn sum_workers(stats: &Value, field: impl Fn(&Value) -> u64) -> u64 {
    stats["workers"]
        .as_array()
        .map(|ws| ws.iter().map(&field).sum())
        .unwrap_or(0)
}

fn summarise(permanent: &Value, transient: &Value) -> Value {
    let copied = |s: &Value| sum_workers(s, |w| u(&w["cow"]["copied_pages"]));
    let image_dirty = |s: &Value| sum_workers(s, |w| u(&w["memory"]["image"]["private_dirty_kb"]));
    let pss = |s: &Value| u(&s["totals"]["pss_kb"]);
    let dirty = |s: &Value| u(&s["totals"]["private_dirty_kb"]);
    let mut summary = Map::new();
    summary.insert("permanent_copied_pages".into(), copied(permanent).into());
    summary.insert("transient_copied_pages".into(), copied(transient).into());
    summary.insert(
        "permanent_image_private_dirty_kb".into(),
        image_dirty(permanent).into(),
    );
    summary.insert(
        "transient_image_private_dirty_kb".into(),
        image_dirty(transient).into(),
    );
    summary.insert("permanent_pss_kb".into(), pss(permanent).into());
    summary.insert("transient_pss_kb".into(), pss(transient).into());
    summary.insert("permanent_private_dirty_kb".into(), dirty(permanent).into());
    summary.insert("transient_private_dirty_kb".into(), dirty(transient).into());
    Value::Object(summary)
}

fn render(permanent: &Value, transient: &Value, summary: &Value, image_bytes: u64) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\npermafrost demo: {FUNCTIONS} functions, image {} KiB, {WORKERS} workers per layout, \
         same read-only workload\n\n",
        image_bytes / 1024
    ));
    out.push_str(&format!(
        "{:<8} | {:^36} | {:^36}\n",
        "", "permanent", "transient"
    ));
    out.push_str(&format!(
        "{:<8} | {:>12} {:>13} {:>9} | {:>12} {:>13} {:>9}\n",
        "worker", "image dirty", "copied pages", "PSS kB", "image dirty", "copied pages", "PSS kB"
    ));
    let empty = Vec::new();
    let pw = permanent["workers"].as_array().unwrap_or(&empty);
    let tw = transient["workers"].as_array().unwrap_or(&empty);
    for i in 0..pw.len().max(tw.len()) {
        let cells = |w: Option<&Value>| match w {
            Some(w) => (
                format!("{} kB", u(&w["memory"]["image"]["private_dirty_kb"])),
                u(&w["cow"]["copied_pages"]).to_string(),
                u(&w["memory"]["total"]["pss_kb"]).to_string(),
            ),
            None => ("-".into(), "-".into(), "-".into()),
        };
        let (a, b, c) = cells(pw.get(i));
        let (d, e, f) = cells(tw.get(i));
        out.push_str(&format!(
            "{:<8} | {a:>12} {b:>13} {c:>9} | {d:>12} {e:>13} {f:>9}\n",
            i + 1
        ));
    }
    let s = |k: &str| u(&summary[k]);
    out.push_str(&format!(
        "{:<8} | {:>12} {:>13} {:>9} | {:>12} {:>13} {:>9}\n",
        "total",
        format!("{} kB", s("permanent_image_private_dirty_kb")),
        s("permanent_copied_pages"),
        s("permanent_pss_kb"),
        format!("{} kB", s("transient_image_private_dirty_kb")),
        s("transient_copied_pages"),
        s("transient_pss_kb"),
    ));
    out.push_str("(total PSS includes the zygote; copied pages: inherited heap pages a worker has copied, from /proc/PID/pagemap)\n\n");
    let (pc, tc) = (s("permanent_copied_pages"), s("transient_copied_pages"));
    let (pp, tp) = (s("permanent_pss_kb"), s("transient_pss_kb"));
    let fewer = if tc > 0 {
        format!(
            "{:.0}% fewer",
            100.0 * (tc.saturating_sub(pc)) as f64 / tc as f64
        )
    } else {
        "no difference".to_string()
    };
    out.push_str(&format!(
        "With code kept permanent, the {WORKERS} workers copied {pc} inherited pages instead of {tc} \
         ({fewer}) and the pool's PSS is {pp} kB instead of {tp} kB, saving {} kB.\n",
        tp.saturating_sub(pp)
    ));
    out
}
