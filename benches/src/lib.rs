//! Shared helpers for the criterion benchmarks: finding the workspace and its benchmark
//! programs, freezing Python sources into an in-memory image, sending the process's stdout
//! elsewhere while a program runs, summarising timings, and driving a `permafrost serve`
//! process (start, wait until it answers, call over the socket, stop) for the server benches.

use permafrost_compiler::{compile_modules, SourceModule};
use permafrost_image::{aligned_copy, write_image, Image};
use std::ffi::OsString;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// `benches/programs`, where the benchmark programs live.
pub fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("programs")
}

/// Compiles one Python source (the main module `name`) and writes it as image bytes.
pub fn freeze_source(name: &str, filename: &str, source: &str) -> Result<Vec<u8>, String> {
    let modules = [SourceModule {
        name,
        filename,
        source,
    }];
    let builder = compile_modules(&modules).map_err(|e| e.to_string())?;
    write_image(&builder)
}

/// Reads and compiles `benches/programs/<stem>.py` into image bytes.
pub fn freeze_program(stem: &str) -> Result<Vec<u8>, String> {
    let path = programs_dir().join(format!("{stem}.py"));
    let source = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    freeze_source(stem, &format!("{stem}.py"), &source)
}

/// Validates image bytes and keeps them for the rest of the process, as the interpreter needs
/// an `Image<'static>`. The copy is leaked on purpose: a bench loads each image once.
pub fn leak_image(bytes: &[u8]) -> Result<Image<'static>, String> {
    let buf: &'static _ = Box::leak(Box::new(aligned_copy(bytes)));
    Image::parse(buf.as_slice()).map_err(|e| e.to_string())
}

/// Serialises redirections of the process-wide file descriptor 1.
static STDOUT_REDIRECT: Mutex<()> = Mutex::new(());

/// While alive, the process's file descriptor 1 (stdout, for every thread) writes to another
/// file; dropping it puts the original stdout back. Redirections are serialised process-wide,
/// so creating a second one on the same thread while the first is alive blocks forever.
pub struct StdoutRedirect {
    saved: OwnedFd,
    _exclusive: MutexGuard<'static, ()>,
}

impl StdoutRedirect {
    /// Sends stdout to `/dev/null`.
    pub fn to_null() -> std::io::Result<StdoutRedirect> {
        let null = File::options().write(true).open("/dev/null")?;
        StdoutRedirect::to_file(&null)
    }

    /// Sends stdout to `file` (which may be closed by the caller afterwards: descriptor 1
    /// holds its own reference to the open file).
    pub fn to_file(file: &File) -> std::io::Result<StdoutRedirect> {
        // A poisoned lock only means another redirect panicked; descriptor 1 was restored by
        // that redirect's `Drop` during unwinding, so the state is consistent.
        let exclusive = STDOUT_REDIRECT
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        std::io::stdout().flush()?;
        let saved = std::io::stdout().as_fd().try_clone_to_owned()?;
        // SAFETY: `file` is open for the duration of the call, so its descriptor is valid;
        // `dup2` atomically makes descriptor 1 another reference to that open file. Descriptor
        // 1 stays open throughout (it is never closed or left free for reuse), so `Stdout`,
        // which borrows descriptor 1 without owning it, keeps writing to a valid descriptor.
        // No memory is passed to the kernel.
        let rc = unsafe { libc::dup2(file.as_raw_fd(), libc::STDOUT_FILENO) };
        if rc < 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(StdoutRedirect {
            saved,
            _exclusive: exclusive,
        })
    }
}

impl Drop for StdoutRedirect {
    fn drop(&mut self) {
        let _ = std::io::stdout().flush();
        // SAFETY: `saved` is an open descriptor owned by `self` (a duplicate of the original
        // stdout); as in `to_file`, `dup2` atomically repoints descriptor 1 without ever
        // closing it, and passes no memory.
        unsafe {
            libc::dup2(self.saved.as_raw_fd(), libc::STDOUT_FILENO);
        }
    }
}

/// Timings collected from inside `iter_custom` routines, for a summary printed beside
/// criterion's own estimates (criterion does not hand its estimates back to the bench).
#[derive(Default)]
pub struct Samples {
    durations: Vec<Duration>,
}

impl Samples {
    /// Records one timing.
    pub fn push(&mut self, d: Duration) {
        self.durations.push(d);
    }

    /// Number of timings recorded.
    pub fn len(&self) -> usize {
        self.durations.len()
    }

    /// Whether no timing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.durations.is_empty()
    }

    /// The `q`-quantile (0.0 ..= 1.0, nearest rank), or `None` when empty.
    pub fn quantile(&self, q: f64) -> Option<Duration> {
        quantile(&self.durations, q)
    }

    /// The middle timing (the 0.5-quantile), or `None` when empty.
    pub fn median(&self) -> Option<Duration> {
        self.quantile(0.5)
    }
}

/// The `q`-quantile (nearest rank) of `values`, or `None` when there are none.
pub fn quantile<T: Copy + Ord>(values: &[T], q: f64) -> Option<T> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let q = q.clamp(0.0, 1.0);
    let rank = (q * (sorted.len() - 1) as f64).round() as usize;
    sorted.get(rank.min(sorted.len() - 1)).copied()
}

/// Formats a duration with a unit that suits its size.
pub fn human(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.3} s")
    } else if s >= 1e-3 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

/// The `permafrost` binary the server benches drive: `$PERMAFROST_BIN`, else
/// `release/permafrost` under `$CARGO_TARGET_DIR` (the bench inherits it from the `cargo bench`
/// that started it), else `target/release/permafrost` under the workspace root.
pub fn permafrost_bin() -> PathBuf {
    locate_bin(
        std::env::var_os("PERMAFROST_BIN"),
        std::env::var_os("CARGO_TARGET_DIR"),
    )
}

/// [`permafrost_bin`] given the two variables' values; a relative target dir is taken from the
/// workspace root, where cargo is usually run.
fn locate_bin(explicit: Option<OsString>, target_dir: Option<OsString>) -> PathBuf {
    if let Some(path) = explicit.filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let target = match target_dir.filter(|p| !p.is_empty()) {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    };
    target.join("release").join("permafrost")
}

/// A directory under the system temp dir, removed with everything in it on drop.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Creates `<temp>/<prefix>-<pid>-<n>` with the first free `n`.
    pub fn new(prefix: &str) -> std::io::Result<TempDir> {
        let base = std::env::temp_dir();
        let pid = std::process::id();
        for attempt in 0..1000u32 {
            let path = base.join(format!("{prefix}-{pid}-{attempt}"));
            match std::fs::create_dir(&path) {
                Ok(()) => return Ok(TempDir { path }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "no free temporary directory name",
        ))
    }

    /// The directory's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A running `permafrost serve`; dropping it stops the server (SIGTERM, then SIGKILL if it
/// has not exited within a few seconds) and waits for it.
pub struct Server {
    child: Child,
    socket: PathBuf,
    log: PathBuf,
}

/// How long a server may take to answer its first `ping`.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a stopping server may take before it is killed.
const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(8);

impl Server {
    /// Starts `bin serve image --socket socket <extra...>` with `PERMAFROST_LOG=log_level`,
    /// its stderr written to `log`, and waits until it answers a `ping`.
    pub fn start(
        bin: &Path,
        image: &Path,
        socket: &Path,
        log: &Path,
        log_level: &str,
        extra: &[&str],
    ) -> Result<Server, String> {
        let log_file =
            File::create(log).map_err(|e| format!("{}: cannot create: {e}", log.display()))?;
        let child = Command::new(bin)
            .arg("serve")
            .arg(image)
            .arg("--socket")
            .arg(socket)
            .args(extra)
            .env("PERMAFROST_LOG", log_level)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start {} (build it with `cargo build --release -p \
                     permafrost-server` or set PERMAFROST_BIN): {e}",
                    bin.display()
                )
            })?;
        let mut server = Server {
            child,
            socket: socket.to_path_buf(),
            log: log.to_path_buf(),
        };
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                let log = std::fs::read_to_string(&server.log).unwrap_or_default();
                return Err(format!("the server exited at start ({status}):\n{log}"));
            }
            if let Ok(mut client) = Client::connect(&server.socket) {
                if client.ping().is_ok() {
                    return Ok(server);
                }
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "the server did not answer within {STARTUP_TIMEOUT:?}"
                ));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The Unix socket the server listens on.
    pub fn socket(&self) -> &Path {
        &self.socket
    }

    /// What the server has logged so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(pid) = libc::pid_t::try_from(self.child.id()) {
            // SAFETY: `kill` takes two integers and touches no memory. The pid is our own
            // child's, not yet reaped (we hold its `Child` and have not waited on it), so it
            // cannot have been reused by an unrelated process.
            unsafe {
                libc::kill(pid, libc::SIGTERM);
            }
        }
        let deadline = Instant::now() + SHUTDOWN_TIMEOUT;
        loop {
            match self.child.try_wait() {
                Ok(Some(_)) => return,
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                _ => break,
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A blocking JSON-lines client over one connection.
pub struct Client {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
    line: String,
    next_id: u64,
}

impl Client {
    /// Connects to the server listening on `socket`.
    pub fn connect(socket: &Path) -> std::io::Result<Client> {
        let stream = UnixStream::connect(socket)?;
        let writer = stream.try_clone()?;
        Ok(Client {
            reader: BufReader::new(stream),
            writer,
            line: String::new(),
            next_id: 1,
        })
    }

    /// Sends one request and reads one reply (this client never pipelines, so the next reply
    /// is the one for this request). A reply with `"ok": false` is an error.
    pub fn request(&mut self, mut request: serde_json::Value) -> Result<serde_json::Value, String> {
        let id = self.next_id;
        self.next_id += 1;
        if let Some(object) = request.as_object_mut() {
            object.insert("id".into(), id.into());
        }
        let mut bytes = serde_json::to_vec(&request).map_err(|e| e.to_string())?;
        bytes.push(b'\n');
        self.writer
            .write_all(&bytes)
            .map_err(|e| format!("send: {e}"))?;
        self.line.clear();
        let n = self
            .reader
            .read_line(&mut self.line)
            .map_err(|e| format!("receive: {e}"))?;
        if n == 0 {
            return Err("the server closed the connection".into());
        }
        let reply: serde_json::Value = serde_json::from_str(&self.line)
            .map_err(|e| format!("bad reply {:?}: {e}", self.line))?;
        if reply.get("id") != Some(&serde_json::Value::from(id)) {
            return Err(format!(
                "reply to another request: {}",
                self.line.trim_end()
            ));
        }
        if reply.get("ok") != Some(&serde_json::Value::Bool(true)) {
            return Err(format!("error reply: {}", self.line.trim_end()));
        }
        Ok(reply)
    }

    /// Sends a `ping`; `Ok` once the supervisor answers it.
    pub fn ping(&mut self) -> Result<(), String> {
        self.request(serde_json::json!({"op": "ping"})).map(drop)
    }

    /// Calls `function(*args)` and returns its `result`.
    pub fn call(
        &mut self,
        function: &str,
        args: &[serde_json::Value],
    ) -> Result<serde_json::Value, String> {
        let reply = self.request(serde_json::json!({
            "op": "call",
            "function": function,
            "args": args,
            "kwargs": {},
        }))?;
        reply
            .get("result")
            .cloned()
            .ok_or_else(|| format!("reply without a result: {reply}"))
    }
}

/// The spawn-to-ready times (µs) of a server's debug log lines
/// `worker PID ready N µs after the spawn request`.
pub fn spawn_ready_micros(log: &str) -> Vec<u64> {
    log.lines()
        .filter_map(|line| {
            let rest = &line[line.find(" ready ")? + " ready ".len()..];
            let (number, tail) = rest.split_once(' ')?;
            if !tail.starts_with("µs after the spawn request") {
                return None;
            }
            number.parse().ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_program_freezes_into_a_valid_image() {
        let mut count = 0;
        for entry in std::fs::read_dir(programs_dir()).expect("programs dir") {
            let path = entry.expect("dir entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("py") {
                continue;
            }
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("utf-8 name");
            let bytes = freeze_program(stem).unwrap_or_else(|e| panic!("{stem}: {e}"));
            let image = leak_image(&bytes).unwrap_or_else(|e| panic!("{stem}: {e}"));
            assert_eq!(image.module_count(), 1, "{stem}");
            count += 1;
        }
        assert!(count >= 4, "only {count} benchmark programs");
    }

    #[test]
    fn a_missing_program_is_an_error() {
        let err = freeze_program("no_such_program").expect_err("must fail");
        assert!(err.contains("cannot read"), "{err}");
    }

    #[test]
    fn quantiles_pick_nearest_ranks() {
        assert_eq!(quantile::<u32>(&[], 0.5), None);
        assert_eq!(quantile(&[5, 1, 3], 0.5), Some(3));
        assert_eq!(quantile(&[4, 1, 3, 2], 0.0), Some(1));
        assert_eq!(quantile(&[4, 1, 3, 2], 1.0), Some(4));
        assert_eq!(quantile(&[10, 20, 30, 40, 50], 0.9), Some(50));
        let mut s = Samples::default();
        assert_eq!(s.median(), None);
        s.push(Duration::from_micros(7));
        s.push(Duration::from_micros(1));
        s.push(Duration::from_micros(3));
        assert_eq!(s.median(), Some(Duration::from_micros(3)));
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn spawn_lines_are_read_from_the_log() {
        let log = "2026-11-21T12:00:00Z DEBUG worker 41 ready 360 µs after the spawn request\n\
                   2026-11-21T12:00:00Z DEBUG recycling worker 41 after 1 jobs\n\
                   worker 42 ready 1250 µs after the spawn request\n\
                   worker 43 ready soon\n";
        assert_eq!(spawn_ready_micros(log), vec![360, 1250]);
    }

    #[test]
    fn human_units() {
        assert_eq!(human(Duration::from_micros(143)), "143.0 µs");
        assert_eq!(human(Duration::from_micros(1500)), "1.50 ms");
        assert_eq!(human(Duration::from_millis(2500)), "2.500 s");
    }

    #[test]
    fn temp_dirs_are_distinct_and_removed() {
        let a = TempDir::new("permafrost-benches-test").expect("a");
        let b = TempDir::new("permafrost-benches-test").expect("b");
        assert_ne!(a.path(), b.path());
        let kept = a.path().to_path_buf();
        std::fs::write(kept.join("f"), "x").expect("write");
        drop(a);
        assert!(!kept.exists());
    }

    #[test]
    fn the_binary_is_found_by_variable_then_target_dir_then_default() {
        assert_eq!(
            locate_bin(Some("/opt/pf".into()), Some("/t".into())),
            PathBuf::from("/opt/pf")
        );
        assert_eq!(
            locate_bin(None, Some("/work/t".into())),
            PathBuf::from("/work/t/release/permafrost")
        );
        assert_eq!(
            locate_bin(Some("".into()), Some("rel".into())),
            workspace_root().join("rel/release/permafrost")
        );
        assert_eq!(
            locate_bin(None, None),
            workspace_root().join("target/release/permafrost")
        );
    }

    #[test]
    fn a_missing_binary_is_a_clear_error() {
        let dir = TempDir::new("permafrost-benches-test").expect("temp dir");
        let err = Server::start(
            &dir.path().join("no-such-binary"),
            &dir.path().join("app.pfi"),
            &dir.path().join("s.sock"),
            &dir.path().join("log"),
            "warn",
            &[],
        )
        .err()
        .expect("must fail");
        assert!(err.contains("cargo build --release"), "{err}");
    }
}
