//! Running as a service: `serve --config FILE`, socket activation (a listening socket on
//! descriptor 3 with `LISTEN_FDS`/`LISTEN_PID`) and `sd_notify` messages to `$NOTIFY_SOCKET`,
//! against the built binary with real sockets.

mod common;

use common::{freeze, test_store, Client, TempDir, APP, BIN};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use serde_json::json;
use std::os::fd::AsRawFd;
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::{UnixDatagram, UnixListener};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Waits until the server on `socket` has `workers` idle workers.
fn wait_idle(child: &mut Child, socket: &Path, workers: usize) {
    let started = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("server exited during startup: {status}");
        }
        if let Ok(mut client) = Client::connect(socket) {
            let stats = client.stats();
            let list = stats["workers"].as_array().cloned().unwrap_or_default();
            if list.iter().filter(|w| w["state"] == "idle").count() == workers {
                return;
            }
        }
        assert!(started.elapsed() < Duration::from_secs(30), "not ready");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn wait_exit(child: &mut Child) -> i32 {
    let started = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return status.code().unwrap_or(-1);
        }
        assert!(started.elapsed() < Duration::from_secs(20), "did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Kills the child on drop (a failed assertion must not leave a server behind).
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The shell redirections that make descriptor `fd` descriptor 3 of the exec'd program.
fn as_fd3(fd: i32) -> String {
    if fd == 3 {
        String::new()
    } else {
        format!("3<&{fd} {fd}<&-")
    }
}

/// Starts `permafrost serve ARGS` the way systemd does after socket activation: `listener`
/// as descriptor 3, `LISTEN_FDS=1`, `LISTEN_PID` set by the shell to its own pid (which
/// `exec` keeps), or to `listen_pid` if given.
fn spawn_activated(
    dir: &Path,
    listener: &UnixListener,
    listen_pid: Option<&str>,
    args: &[&str],
) -> Child {
    use nix::fcntl::{fcntl, FcntlArg, FdFlag};
    let fd = listener.as_raw_fd();
    fcntl(fd, FcntlArg::F_SETFD(FdFlag::empty())).expect("clear FD_CLOEXEC");
    let pid = listen_pid.unwrap_or("$$");
    let script = format!("LISTEN_PID={pid} exec \"$0\" \"$@\" {}", as_fd3(fd));
    let log = std::fs::File::create(dir.join("serve.log")).expect("log");
    let child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .arg("serve")
        .args(args)
        .env("LISTEN_FDS", "1")
        .env("LISTEN_FDNAMES", "permafrost")
        .env("PERMAFROST_LOG", "info")
        .env("PERMAFROST_IMAGE_STORE", test_store())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("spawn sh");
    fcntl(fd, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC)).expect("set FD_CLOEXEC");
    child
}

const ENV_APP: &str = r#"
import os

def handle(x):
    return x * 2

def env(name):
    return os.environ.get(name)
"#;

#[test]
fn socket_activation_serves_through_the_passed_socket() {
    let dir = TempDir::new("sd-activate");
    let image = freeze(&dir.0, ENV_APP);
    let socket = dir.0.join("activated.sock");
    let listener = UnixListener::bind(&socket).expect("bind");
    let inode = std::fs::metadata(&socket).expect("stat").ino();
    let image_arg = image.to_str().expect("utf-8");
    let mut child = Guard(spawn_activated(
        &dir.0,
        &listener,
        None,
        &[image_arg, "--workers", "2", "--no-sandbox"],
    ));
    wait_idle(&mut child.0, &socket, 2);
    let mut client = Client::connect(&socket).expect("connect");
    assert_eq!(client.call("handle", json!([21]))["result"], json!(42));
    // The variables were removed before the zygote and its workers were started.
    for name in ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"] {
        let reply = client.call("env", json!([name]));
        assert_eq!(reply["result"], json!(null), "{name}: {reply}");
    }
    // Control: the job does see variables the server kept.
    assert!(client.call("env", json!(["PERMAFROST_IMAGE_STORE"]))["result"].is_string());
    drop(client);
    // systemd's socket file was neither replaced nor, on shutdown, removed.
    assert_eq!(std::fs::metadata(&socket).expect("stat").ino(), inode);
    kill(Pid::from_raw(child.0.id() as i32), Signal::SIGTERM).expect("SIGTERM");
    assert_eq!(wait_exit(&mut child.0), 0);
    assert_eq!(
        std::fs::metadata(&socket).expect("still there").ino(),
        inode
    );
    let log = std::fs::read_to_string(dir.0.join("serve.log")).expect("log");
    assert!(log.contains("passed by systemd"), "{log}");
}

#[test]
fn listen_pid_of_another_process_is_ignored() {
    let dir = TempDir::new("sd-otherpid");
    let image = freeze(&dir.0, APP);
    let passed = dir.0.join("passed.sock");
    let listener = UnixListener::bind(&passed).expect("bind");
    let own = dir.0.join("own.sock");
    let args = [
        image.to_str().expect("utf-8"),
        "--socket",
        own.to_str().expect("utf-8"),
        "--workers",
        "1",
    ];
    let mut child = Guard(spawn_activated(&dir.0, &listener, Some("1"), &args));
    // It bound its own --socket instead of taking descriptor 3.
    wait_idle(&mut child.0, &own, 1);
    assert_eq!(
        Client::connect(&own)
            .expect("connect")
            .call("handle", json!([2]))["result"],
        json!(4)
    );
    kill(Pid::from_raw(child.0.id() as i32), Signal::SIGTERM).expect("SIGTERM");
    assert_eq!(wait_exit(&mut child.0), 0);
    assert!(!own.exists(), "its own socket is removed on shutdown");
    assert!(passed.exists());
}

/// Collects the datagrams sent to `socket` on a thread.
fn collect(socket: UnixDatagram) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = socket.recv(&mut buf) {
            if tx
                .send(String::from_utf8_lossy(&buf[..n]).into_owned())
                .is_err()
            {
                return;
            }
        }
    });
    rx
}

/// The next message with a line starting with `what`, skipping others; each skipped message
/// is kept in `seen`.
fn next_with(rx: &mpsc::Receiver<String>, what: &str, seen: &mut Vec<String>) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let message = rx
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no {what} message; got {seen:?}"));
        seen.push(message.clone());
        if message.lines().any(|l| l.starts_with(what)) {
            return message;
        }
    }
}

fn serve_notified(
    dir: &Path,
    image: &Path,
    socket: &Path,
    notify: &str,
    env: &[(&str, &str)],
) -> Child {
    let log = std::fs::File::create(dir.join("serve.log")).expect("log");
    Command::new(BIN)
        .arg("serve")
        .arg(image)
        .arg("--socket")
        .arg(socket)
        .args(["--workers", "2", "--no-sandbox"])
        .env("NOTIFY_SOCKET", notify)
        .env("WATCHDOG_USEC", "200000")
        .envs(env.iter().copied())
        .env("PERMAFROST_LOG", "warn")
        .env("PERMAFROST_IMAGE_STORE", test_store())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("spawn serve")
}

#[test]
fn notify_socket_gets_ready_reloading_watchdog_and_stopping() {
    let dir = TempDir::new("sd-notify");
    let image = freeze(&dir.0, ENV_APP);
    let socket = dir.0.join("s.sock");
    let notify_path = dir.0.join("notify.sock");
    let rx = collect(UnixDatagram::bind(&notify_path).expect("bind notify"));
    let mut child = Guard(serve_notified(
        &dir.0,
        &image,
        &socket,
        notify_path.to_str().expect("utf-8"),
        &[],
    ));
    let mut seen = Vec::new();
    let status = next_with(&rx, "STATUS=preloading", &mut seen);
    assert!(!status.contains("READY=1"), "{status}");
    let ready = next_with(&rx, "READY=1", &mut seen);
    assert!(ready.contains("STATUS=serving"), "{ready}");
    // READY=1 comes once the pool has its workers: both are idle already.
    let stats = Client::connect(&socket).expect("connect").stats();
    let idle = stats["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .filter(|w| w["state"] == "idle")
        .count();
    assert_eq!(idle, 2, "{stats}");
    // The variables were removed before the zygote started: workers do not see them.
    let mut client = Client::connect(&socket).expect("connect");
    for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC"] {
        assert_eq!(
            client.call("env", json!([name]))["result"],
            json!(null),
            "{name}"
        );
    }
    assert!(client.call("env", json!(["PERMAFROST_LOG"]))["result"].is_string());
    drop(client);
    // WATCHDOG_USEC=200000: a ping every 100 ms.
    let started = Instant::now();
    next_with(&rx, "WATCHDOG=1", &mut seen);
    next_with(&rx, "WATCHDOG=1", &mut seen);
    next_with(&rx, "WATCHDOG=1", &mut seen);
    assert!(started.elapsed() < Duration::from_secs(5));

    let pid = Pid::from_raw(child.0.id() as i32);
    kill(pid, Signal::SIGHUP).expect("SIGHUP");
    let reloading = next_with(&rx, "RELOADING=1", &mut seen);
    let usec = reloading
        .lines()
        .find_map(|l| l.strip_prefix("MONOTONIC_USEC="))
        .expect("MONOTONIC_USEC");
    assert!(usec.parse::<u64>().expect("a number") > 0, "{reloading}");
    let ready = next_with(&rx, "READY=1", &mut seen);
    assert!(ready.contains("(reloaded)"), "{ready}");
    assert_eq!(
        Client::connect(&socket)
            .expect("connect")
            .call("handle", json!([4]))["result"],
        json!(8)
    );

    // A reload that fails still ends in READY=1: the previous image serves.
    std::fs::write(&image, b"not an image").expect("break the image");
    kill(pid, Signal::SIGHUP).expect("SIGHUP");
    next_with(&rx, "RELOADING=1", &mut seen);
    let ready = next_with(&rx, "READY=1", &mut seen);
    assert!(ready.contains("reload failed"), "{ready}");

    kill(pid, Signal::SIGTERM).expect("SIGTERM");
    let stopping = next_with(&rx, "STOPPING=1", &mut seen);
    assert!(stopping.contains("STATUS="), "{stopping}");
    assert_eq!(wait_exit(&mut child.0), 0);
}

#[test]
fn notify_socket_may_be_abstract() {
    use std::os::linux::net::SocketAddrExt;
    let dir = TempDir::new("sd-abstract");
    let image = freeze(&dir.0, APP);
    let socket = dir.0.join("s.sock");
    let name = format!("pf-test-notify-{}", std::process::id());
    let address = std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes())
        .expect("abstract address");
    let rx = collect(UnixDatagram::bind_addr(&address).expect("bind abstract"));
    // WATCHDOG_PID names another process: the watchdog is not this server's to feed.
    let mut child = Guard(serve_notified(
        &dir.0,
        &image,
        &socket,
        &format!("@{name}"),
        &[("WATCHDOG_PID", "1")],
    ));
    let mut seen = Vec::new();
    next_with(&rx, "READY=1", &mut seen);
    std::thread::sleep(Duration::from_millis(600));
    while let Ok(message) = rx.try_recv() {
        seen.push(message);
    }
    assert!(!seen.iter().any(|m| m.contains("WATCHDOG=1")), "{seen:?}");
    // A zygote that dies is reported, and so is the pool's recovery (a status, not READY=1).
    let zygote = Client::connect(&socket).expect("connect").stats()["zygote"]["pid"]
        .as_i64()
        .expect("zygote pid");
    kill(Pid::from_raw(zygote as i32), Signal::SIGKILL).expect("kill the zygote");
    let died = next_with(&rx, "STATUS=the zygote", &mut seen);
    assert!(died.contains(&format!("zygote {zygote} died")), "{died}");
    let back = next_with(&rx, "STATUS=serving", &mut seen);
    assert!(
        back.contains("(zygote restarted)") && !back.contains("READY=1"),
        "{back}"
    );
    kill(Pid::from_raw(child.0.id() as i32), Signal::SIGTERM).expect("SIGTERM");
    next_with(&rx, "STOPPING=1", &mut seen);
    assert_eq!(wait_exit(&mut child.0), 0);
}

fn serve_with_config(dir: &Path, config: &str, extra: &[&str]) -> Child {
    let path = dir.join("permafrost.toml");
    std::fs::write(&path, config).expect("write config");
    let log = std::fs::File::create(dir.join("serve.log")).expect("log");
    Command::new(BIN)
        .arg("serve")
        .arg("--config")
        .arg(&path)
        .args(extra)
        .env("PERMAFROST_LOG", "warn")
        .env("PERMAFROST_IMAGE_STORE", test_store())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("spawn serve")
}

/// Runs `serve --config` with a file that must be refused: exit status 2, the message, and
/// no socket created.
fn refused(config: &str) -> (Output, bool) {
    let dir = TempDir::new("sd-refused");
    freeze(&dir.0, APP);
    let path = dir.0.join("permafrost.toml");
    std::fs::write(&path, config).expect("write config");
    let out = Command::new(BIN)
        .arg("serve")
        .arg("--config")
        .arg(&path)
        .env("PERMAFROST_IMAGE_STORE", test_store())
        .stdin(Stdio::null())
        .output()
        .expect("run serve");
    (out, dir.0.join("s.sock").exists())
}

#[test]
fn config_file_keys_apply_and_flags_override_them() {
    let dir = TempDir::new("sd-config");
    freeze(&dir.0, APP);
    // Relative paths are relative to the file.
    let config = "image = \"app.pfi\"\nsocket = \"s.sock\"\nworkers = 3\njob-timeout = 0.5\n";
    let mut child = Guard(serve_with_config(&dir.0, config, &[]));
    let socket = dir.0.join("s.sock");
    wait_idle(&mut child.0, &socket, 3);
    let mut client = Client::connect(&socket).expect("connect");
    let reply = client.call("spin", json!([]));
    assert_eq!(reply["error"]["type"], "TimeoutError", "{reply}");
    assert!(
        reply["error"]["message"]
            .as_str()
            .expect("message")
            .contains("longer than 0.5 s"),
        "{reply}"
    );
    drop(client);
    kill(Pid::from_raw(child.0.id() as i32), Signal::SIGTERM).expect("SIGTERM");
    assert_eq!(wait_exit(&mut child.0), 0);

    // A flag on the command line wins over the file.
    let mut child = Guard(serve_with_config(&dir.0, config, &["--workers", "2"]));
    wait_idle(&mut child.0, &socket, 2);
    let stats = Client::connect(&socket).expect("connect").stats();
    assert_eq!(stats["workers"].as_array().expect("workers").len(), 2);
    kill(Pid::from_raw(child.0.id() as i32), Signal::SIGTERM).expect("SIGTERM");
    assert_eq!(wait_exit(&mut child.0), 0);
}

#[test]
fn config_file_errors_name_the_key_and_line_and_start_nothing() {
    let base = "image = \"app.pfi\"\nsocket = \"s.sock\"\n";
    let (out, socket) = refused(&format!("{base}\nworkers = 2\nwrokers = 3\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!socket);
    assert!(
        stderr.contains("permafrost.toml:5: unknown key `wrokers`"),
        "{stderr}"
    );

    let (out, socket) = refused(&format!("{base}job-timeout = \"soon\"\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!socket);
    assert!(
        stderr.contains("permafrost.toml:3: job-timeout: invalid type: string \"soon\""),
        "{stderr}"
    );

    let (out, socket) = refused(&format!("{base}\n\nmax-connections = 0\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!socket);
    assert!(
        stderr.contains("permafrost.toml:5: max-connections must be at least 1"),
        "{stderr}"
    );

    let (out, _) = refused(&format!("{base}isolate = true\nmax-jobs-per-worker = 3\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("permafrost.toml:3: isolate cannot go with"),
        "{stderr}"
    );

    let (out, _) = refused("image = \"app.pfi\"\nsocket = [\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("permafrost.toml:"));
}

/// The units in `contrib/systemd/` pass `systemd-analyze verify` (where systemd is installed;
/// elsewhere there is nothing to check them with), with ExecStart= pointing at this build.
#[test]
fn contrib_units_verify() {
    let Ok(probe) = Command::new("systemd-analyze").arg("--version").output() else {
        eprintln!("systemd-analyze not installed: units not verified");
        return;
    };
    assert!(probe.status.success());
    let dir = TempDir::new("sd-units");
    let contrib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../contrib/systemd");
    for name in ["permafrost.service", "permafrost.socket"] {
        let text = std::fs::read_to_string(contrib.join(name)).expect("read unit");
        let text = text.replace("/usr/local/bin/permafrost", BIN);
        std::fs::write(dir.0.join(name), text).expect("write unit");
    }
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(dir.0.join("permafrost.socket"))
        .arg(dir.0.join("permafrost.service"))
        .output()
        .expect("run systemd-analyze");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.trim().is_empty(), "{stderr}");
}

/// Runs `permafrost serve IMAGE` under `sh -c SCRIPT` (which sets `LISTEN_PID` and execs it)
/// with `LISTEN_FDS=fds`; returns its output.
fn activated_output(script: &str, fds: &str) -> Output {
    let dir = TempDir::new("sd-badfds");
    let image = freeze(&dir.0, APP);
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .arg("serve")
        .arg(&image)
        .env("LISTEN_FDS", fds)
        .env("PERMAFROST_IMAGE_STORE", test_store())
        .stdin(Stdio::null())
        .output()
        .expect("run serve")
}

#[test]
fn a_passed_descriptor_that_is_not_one_listening_socket_is_refused() {
    let out = activated_output("LISTEN_PID=$$ exec \"$0\" \"$@\" 3</dev/null", "1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("descriptor 3 is not a socket"), "{stderr}");

    let out = activated_output("LISTEN_PID=$$ exec \"$0\" \"$@\"", "2");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("systemd passed 2 sockets"), "{stderr}");

    // A connected (not listening) socket.
    let dir = TempDir::new("sd-notlistening");
    let (a, _b) = std::os::unix::net::UnixStream::pair().expect("pair");
    use nix::fcntl::{fcntl, FcntlArg, FdFlag};
    fcntl(a.as_raw_fd(), FcntlArg::F_SETFD(FdFlag::empty())).expect("inheritable");
    let image = freeze(&dir.0, APP);
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "LISTEN_PID=$$ exec \"$0\" \"$@\" {}",
            as_fd3(a.as_raw_fd())
        ))
        .arg(BIN)
        .arg("serve")
        .arg(&image)
        .env("LISTEN_FDS", "1")
        .env("PERMAFROST_IMAGE_STORE", test_store())
        .stdin(Stdio::null())
        .output()
        .expect("run serve");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("not a listening Unix stream socket"),
        "{stderr}"
    );
}
