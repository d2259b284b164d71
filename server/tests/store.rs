//! The host-wide image store: two servers of one image map one inode, named by its SHA-256 and
//! read-only; a tampered store file is not mapped; a truncated one makes the worker that
//! faults exit with the store's status and the server reload; `store ls`/`gc`.

mod common;

use common::{children_of, freeze, spawn_serve, Server, TempDir, APP, BIN};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// `(device, inode, path)` of every file mapping of process `pid` whose path ends in `.pfi`.
fn image_mappings(pid: i32) -> Vec<(String, u64, String)> {
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap_or_default();
    let mut found = Vec::new();
    for line in maps.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() >= 6 && fields[5].ends_with(".pfi") {
            let entry = (
                fields[3].to_string(),
                fields[4].parse().expect("inode"),
                fields[5].to_string(),
            );
            if !found.contains(&entry) {
                found.push(entry);
            }
        }
    }
    found
}

/// The zygote and workers of a server: its children and theirs.
fn pool_pids(server: &Server) -> Vec<i32> {
    let mut pids = Vec::new();
    for zygote in children_of(server.pid()) {
        pids.push(zygote);
        pids.extend(children_of(zygote));
    }
    pids
}

/// Starts a server of `image` on a socket in `dir`, using `store`.
fn serve(image: &Path, dir: TempDir, store: &Path, workers: usize) -> Server {
    let socket = dir.0.join("s.sock");
    let store_flag = store.display().to_string();
    let child = spawn_serve(image, &socket, workers, &["--image-store", &store_flag]);
    let mut server = Server {
        child,
        socket,
        workers,
        dir,
    };
    server.wait_ready();
    server
}

fn store_file(store: &Path, image: &Path) -> PathBuf {
    let bytes = std::fs::read(image).expect("read image");
    store.join(format!(
        "{}.pfi",
        permafrost_server::store::sha256_hex(&bytes)
    ))
}

fn log_of(server: &Server) -> String {
    std::fs::read_to_string(server.dir.0.join("serve.log")).unwrap_or_default()
}

#[test]
fn two_servers_of_one_image_map_one_read_only_file_named_by_its_hash() {
    let app_dir = TempDir::new("store-app");
    let image = freeze(&app_dir.0, APP);
    let store = app_dir.0.join("images");
    let a = serve(&image, TempDir::new("store-a"), &store, 2);
    let b = serve(&image, TempDir::new("store-b"), &store, 2);

    let file = store_file(&store, &image);
    let meta = std::fs::metadata(&file).expect("the store file exists, named by its sha256");
    assert_eq!(meta.mode() & 0o7777, 0o444, "store files are read-only");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&image).unwrap()
    );

    let pids: Vec<i32> = pool_pids(&a).into_iter().chain(pool_pids(&b)).collect();
    assert_eq!(pids.len(), 6, "two zygotes and four workers: {pids:?}");
    let mut identities = Vec::new();
    for &pid in &pids {
        let maps = image_mappings(pid);
        assert_eq!(maps.len(), 1, "process {pid} maps one image: {maps:?}");
        identities.push(maps[0].clone());
    }
    let first = &identities[0];
    assert!(
        identities.iter().all(|i| i == first),
        "every process maps the same device and inode: {identities:?}"
    );
    assert_eq!(first.1, meta.ino());
    assert_eq!(Path::new(&first.2), file.as_path());

    // Both servers' stats count the mappers on the host.
    for server in [&a, &b] {
        let stats = server.stats();
        let report = &stats["image"]["store"];
        assert_eq!(report["file"], file.display().to_string(), "{stats}");
        assert_eq!(report["inode"], meta.ino(), "{stats}");
        assert_eq!(report["mappers"], 6, "{stats}");
    }

    // `store ls` lists it with its mappers; `gc` keeps it while mapped.
    let store_arg = store.display().to_string();
    let ls = Command::new(BIN)
        .args(["store", "ls", "--image-store", &store_arg])
        .output()
        .expect("store ls");
    let listing = String::from_utf8_lossy(&ls.stdout);
    assert!(ls.status.success(), "{listing}");
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let row = listing
        .lines()
        .find(|l| l.starts_with(&name))
        .unwrap_or_else(|| panic!("{name} listed: {listing}"));
    let columns: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(columns[1], meta.len().to_string(), "{row}");
    assert_eq!(columns[2], "6", "{row}");
    let gc = Command::new(BIN)
        .args(["store", "gc", "--image-store", &store_arg])
        .output()
        .expect("store gc");
    assert!(gc.status.success());
    assert!(file.exists(), "a mapped file survives gc");

    drop(a);
    drop(b);
    // The pool's processes die with the supervisor (parent-death signal), shortly.
    let started = Instant::now();
    loop {
        let gc = Command::new(BIN)
            .args(["store", "gc", "--image-store", &store_arg])
            .output()
            .expect("store gc");
        assert!(gc.status.success());
        if !file.exists() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "gc never removed {}",
            file.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_tampered_store_file_is_not_mapped() {
    let app_dir = TempDir::new("store-tamper");
    let image = freeze(&app_dir.0, APP);
    let store = app_dir.0.join("images");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o755)).unwrap();
    let file = store_file(&store, &image);
    // Right name, read-only, a valid image of other code: only the hash tells.
    let other_dir = TempDir::new("store-tamper-other");
    let other = freeze(&other_dir.0, "def handle(x):\n    return -x\n");
    std::fs::copy(&other, &file).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let tampered_inode = std::fs::metadata(&file).unwrap().ino();

    let server = serve(&image, TempDir::new("store-tamper-s"), &store, 1);
    let log = log_of(&server);
    assert!(
        log.contains("replaced store file") && log.contains("hash to"),
        "the log names what failed: {log}"
    );
    let meta = std::fs::metadata(&file).unwrap();
    assert_ne!(meta.ino(), tampered_inode, "the tampered file was replaced");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&image).unwrap()
    );
    for pid in pool_pids(&server) {
        for (_, inode, _) in image_mappings(pid) {
            assert_ne!(
                inode, tampered_inode,
                "process {pid} maps the tampered file"
            );
        }
    }
    let reply = server.client().call("handle", serde_json::json!([21]));
    assert_eq!(reply["result"], 42, "{reply}");
}

#[test]
fn a_writable_store_file_or_store_is_refused_by_name() {
    // A store directory that others may write is an error naming it.
    let app_dir = TempDir::new("store-open");
    let image = freeze(&app_dir.0, APP);
    let store = app_dir.0.join("images");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = Command::new(BIN)
        .arg("serve")
        .arg(&image)
        .arg("--socket")
        .arg(app_dir.0.join("s.sock"))
        .arg("--image-store")
        .arg(&store)
        .output()
        .expect("serve");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("writable by group or others") && stderr.contains("images"),
        "{stderr}"
    );
}

#[test]
fn a_truncated_store_file_faults_one_worker_and_the_server_reloads() {
    let app_dir = TempDir::new("store-trunc");
    let image = freeze(&app_dir.0, APP);
    let store = app_dir.0.join("images");
    let server = serve(&image, TempDir::new("store-trunc-s"), &store, 2);
    let file = store_file(&store, &image);
    // What someone with the owner's rights could still do.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(0)
        .unwrap();
    let reply = server.client().call("handle", serde_json::json!([5]));
    assert_eq!(reply["ok"], false, "{reply}");
    assert_eq!(reply["error"]["type"], "WorkerCrashed", "{reply}");
    let message = reply["error"]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("status 75") && message.contains("SIGBUS"),
        "{reply}"
    );
    // The server reloads through the store: a fresh file, and calls work again.
    let started = Instant::now();
    loop {
        let reply = server.client().call("handle", serde_json::json!([5]));
        if reply["result"] == 10 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the server did not recover: {reply}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&image).unwrap()
    );
    let log = log_of(&server);
    assert!(
        log.contains("was truncated under the mapping"),
        "the worker says why it died: {log}"
    );
    assert!(log.contains("reloading the image"), "{log}");
}

/// Runs `permafrost ARGS` as user and group 65534 (`nobody`) through `setpriv`; `None` when
/// this is not root or `setpriv` is missing.
fn as_nobody() -> Option<Command> {
    let root = std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false);
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    if !root {
        return None;
    }
    let mut command = Command::new(setpriv);
    command.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
    Some(command)
}

#[test]
fn another_user_maps_roots_store_file_and_refuses_a_bad_one() {
    let Some(mut nobody) = as_nobody() else {
        eprintln!("skipped: needs root and setpriv to run a server as another user");
        return;
    };
    let app_dir = TempDir::new("store-users");
    std::fs::set_permissions(&app_dir.0, std::fs::Permissions::from_mode(0o755)).unwrap();
    let image = freeze(&app_dir.0, APP);
    std::fs::set_permissions(&image, std::fs::Permissions::from_mode(0o644)).unwrap();
    let store = app_dir.0.join("images");
    let root_server = serve(&image, TempDir::new("store-users-root"), &store, 1);
    let file = store_file(&store, &image);
    let root_inode = std::fs::metadata(&file).unwrap().ino();

    // A server of another user verifies root's file and maps it without writing anything.
    let open_dir = app_dir.0.join("open");
    std::fs::create_dir(&open_dir).unwrap();
    std::fs::set_permissions(&open_dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let socket = open_dir.join("nobody.sock");
    let log = std::fs::File::create(open_dir.join("nobody.log")).unwrap();
    let child = nobody
        .arg("serve")
        .arg(&image)
        .arg("--socket")
        .arg(&socket)
        .args(["--workers", "1", "--image-store"])
        .arg(&store)
        .env("PERMAFROST_LOG", "warn")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(log)
        .spawn()
        .expect("serve as nobody");
    let mut other = Server {
        child,
        socket,
        workers: 1,
        dir: TempDir::new("store-users-nobody"),
    };
    other.wait_ready();
    let reply = other.client().call("handle", serde_json::json!([4]));
    assert_eq!(reply["result"], 8, "{reply}");
    let stats = other.stats();
    assert_eq!(stats["image"]["store"]["inode"], root_inode, "{stats}");
    for pid in pool_pids(&other) {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        assert!(
            status.contains("\nUid:\t65534\t"),
            "process {pid} runs as nobody"
        );
        let maps = image_mappings(pid);
        assert_eq!(maps.len(), 1, "{maps:?}");
        assert_eq!(
            maps[0].1, root_inode,
            "nobody's process {pid} maps root's file"
        );
    }
    drop(other);
    drop(root_server);

    // A bad file in a store this user does not own is an error naming it and what failed.
    std::fs::remove_file(&file).unwrap();
    let other_dir = TempDir::new("store-users-other");
    let other_image = freeze(&other_dir.0, "def handle(x):\n    return -x\n");
    std::fs::copy(&other_image, &file).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = as_nobody()
        .expect("as nobody")
        .arg("serve")
        .arg(&image)
        .arg("--socket")
        .arg(open_dir.join("refused.sock"))
        .args(["--workers", "1", "--image-store"])
        .arg(&store)
        .output()
        .expect("serve as nobody");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("failed verification")
            && stderr.contains("hash to")
            && stderr.contains(&file.display().to_string())
            && stderr.contains("belongs to another user"),
        "{stderr}"
    );
}

#[test]
fn an_invalid_image_is_refused_and_leaves_nothing_in_the_store() {
    let dir = TempDir::new("store-invalid");
    let image = dir.0.join("bad.pfi");
    std::fs::write(&image, b"not an image at all").unwrap();
    let store = dir.0.join("images");
    let out = Command::new(BIN)
        .arg("serve")
        .arg(&image)
        .arg("--socket")
        .arg(dir.0.join("s.sock"))
        .arg("--image-store")
        .arg(&store)
        .output()
        .expect("serve");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("invalid image"), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(&store)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "the store keeps nothing: {left:?}");
}

#[test]
fn servers_placing_one_image_at_once_end_up_on_one_file() {
    let app_dir = TempDir::new("store-race");
    let image = freeze(&app_dir.0, APP);
    let store = app_dir.0.join("images");
    let store_flag = store.display().to_string();
    // Started together, without waiting: their zygotes place the image concurrently.
    let mut servers: Vec<Server> = (0..4)
        .map(|i| {
            let dir = TempDir::new(&format!("store-race-{i}"));
            let socket = dir.0.join("s.sock");
            let child = spawn_serve(&image, &socket, 1, &["--image-store", &store_flag]);
            Server {
                child,
                socket,
                workers: 1,
                dir,
            }
        })
        .collect();
    for server in &mut servers {
        server.wait_ready();
    }
    let file = store_file(&store, &image);
    let inode = std::fs::metadata(&file).unwrap().ino();
    for server in &servers {
        for pid in pool_pids(server) {
            let maps = image_mappings(pid);
            assert_eq!(maps.len(), 1, "{maps:?}");
            assert_eq!(maps[0].1, inode, "process {pid} maps the one store file");
        }
    }
    let names: Vec<_> = std::fs::read_dir(&store)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "one file, no temporaries left: {names:?}");
}
