//! Test harness for the server tests: freezes an app with the built binary, runs
//! `permafrost serve` as a child process in a private temporary directory, and talks to it
//! over its socket. Every server is killed when its guard is dropped. Nothing here forks.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_permafrost");

/// The app most tests serve.
pub const APP: &str = r#"
DATA = []
for i in range(20000):
    DATA.append("object number " + str(i))
TABLE = {}
for i in range(2000):
    TABLE["k" + str(i)] = i

def handle(x):
    return x * 2

def echo(a, b):
    print("hello")
    return [a, b]

def boom():
    return 1 / 0

def spin():
    while True:
        pass

def work(n):
    t = 0
    for i in range(n):
        t = t + i
    return t

def touch():
    n = 0
    for s in DATA:
        n = n + len(s)
    for k in TABLE:
        n = n + TABLE[k]
    return n
"#;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A temporary directory, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!("pf-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Freezes `source` as `app.py` into `dir/app.pfi`.
pub fn freeze(dir: &Path, source: &str) -> PathBuf {
    let py = dir.join("app.py");
    std::fs::write(&py, source).expect("write app");
    let image = dir.join("app.pfi");
    let out = Command::new(BIN)
        .arg("freeze")
        .arg(&py)
        .arg("-o")
        .arg(&image)
        .output()
        .expect("run freeze");
    assert!(
        out.status.success(),
        "freeze failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    image
}

/// A running `permafrost serve`, killed on drop.
pub struct Server {
    pub child: Child,
    pub socket: PathBuf,
    pub workers: usize,
    pub dir: TempDir,
}

impl Server {
    /// Freezes `source` and serves it with `workers` workers and `extra` flags; returns once
    /// every worker is ready.
    pub fn start(tag: &str, source: &str, workers: usize, extra: &[&str]) -> Server {
        let dir = TempDir::new(tag);
        let image = freeze(&dir.0, source);
        let socket = dir.0.join("s.sock");
        let child = spawn_serve(&image, &socket, workers, extra);
        let mut server = Server {
            child,
            socket,
            workers,
            dir,
        };
        server.wait_ready();
        server
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Waits until the pool has `workers` idle workers.
    pub fn wait_ready(&mut self) {
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("server exited during startup: {status}");
            }
            if let Ok(mut client) = Client::connect(&self.socket) {
                let stats = client.stats();
                let workers = stats["workers"].as_array().cloned().unwrap_or_default();
                let idle = workers.iter().filter(|w| w["state"] == "idle").count();
                if idle == self.workers {
                    return;
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "server not ready in 30 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn client(&self) -> Client {
        Client::connect(&self.socket).expect("connect")
    }

    pub fn stats(&self) -> Value {
        self.client().stats()
    }

    /// Waits until some worker is busy; its pid.
    pub fn wait_busy(&self) -> i64 {
        let started = Instant::now();
        loop {
            let stats = self.stats();
            let busy = stats["workers"]
                .as_array()
                .expect("workers")
                .iter()
                .find(|w| w["state"] == "busy")
                .map(|w| w["pid"].as_i64().expect("pid"));
            if let Some(pid) = busy {
                return pid;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no job started"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Runs `permafrost ARGS...` against this server.
    pub fn run_cli(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .output()
            .expect("run permafrost")
    }

    pub fn signal(&self, signal: nix::sys::signal::Signal) {
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(self.pid()), signal).expect("kill");
    }

    /// Waits for the server to exit; its exit code.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<i32> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // The zygote and the workers die with the server (parent-death signal).
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `permafrost serve`; its stderr goes to `serve.log` beside the socket.
pub fn spawn_serve(image: &Path, socket: &Path, workers: usize, extra: &[&str]) -> Child {
    let log = std::fs::File::create(socket.with_file_name("serve.log")).expect("create log");
    Command::new(BIN)
        .arg("serve")
        .arg(image)
        .arg("--socket")
        .arg(socket)
        .args(["--workers", &workers.to_string()])
        .args(extra)
        .env("PERMAFROST_LOG", "warn")
        // Tests share one store of their own, not the host's (`--image-store` overrides it).
        .env("PERMAFROST_IMAGE_STORE", test_store())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("spawn serve")
}

/// The image store the tests' servers share.
pub fn test_store() -> PathBuf {
    std::env::temp_dir().join("pf-test-images")
}

/// A blocking JSON-lines client.
pub struct Client {
    pub reader: BufReader<UnixStream>,
    pub writer: UnixStream,
    next_id: u64,
}

impl Client {
    pub fn connect(socket: &Path) -> std::io::Result<Client> {
        let stream = UnixStream::connect(socket)?;
        stream.set_read_timeout(Some(Duration::from_secs(60)))?;
        let writer = stream.try_clone()?;
        Ok(Client {
            reader: BufReader::new(stream),
            writer,
            next_id: 1,
        })
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("send");
    }

    pub fn send(&mut self, mut request: Value) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        request["id"] = json!(id);
        let mut line = request.to_string();
        line.push('\n');
        self.send_raw(line.as_bytes());
        id
    }

    pub fn receive(&mut self) -> Value {
        let mut line = String::new();
        let n = self.reader.read_line(&mut line).expect("read reply");
        assert!(n > 0, "server closed the connection");
        permafrost_server::client::parse_reply(&line)
            .unwrap_or_else(|e| panic!("bad reply {line:?}: {e}"))
    }

    pub fn request(&mut self, request: Value) -> Value {
        let id = self.send(request);
        let reply = self.receive();
        assert_eq!(reply["id"], json!(id), "reply to another request: {reply}");
        reply
    }

    pub fn call(&mut self, function: &str, args: Value) -> Value {
        self.request(json!({"op": "call", "function": function, "args": args, "kwargs": {}}))
    }

    pub fn stats(&mut self) -> Value {
        let reply = self.request(json!({"op": "stats"}));
        assert_eq!(reply["ok"], true, "stats failed: {reply}");
        reply["result"].clone()
    }
}

/// Pids of processes whose parent is `parent`, from /proc.
pub fn children_of(parent: i32) -> Vec<i32> {
    let mut children = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return children;
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // The command name may hold spaces and parentheses: fields resume after the last ')'.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        let ppid = rest
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse::<i32>().ok());
        if ppid == Some(parent) {
            children.push(pid);
        }
    }
    children
}

pub fn alive(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            let state = stat
                .rfind(')')
                .and_then(|i| stat[i + 1..].split_whitespace().next());
            state != Some("Z")
        }
        Err(_) => false,
    }
}
