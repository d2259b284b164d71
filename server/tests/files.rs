//! The host-files capability end to end: `permafrost run` gives the program the host's file
//! system, working directory and standard input (as `python3 prog.py` has them), `run
//! --no-files` withholds them, and a `serve` job never has them, sandboxed or not.

mod common;

use common::{freeze, Server, TempDir, BIN};
use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};

const JOB_APP: &str = r#"
import os, sys, tempfile

def attempt(kind):
    try:
        if kind == "open":
            open("/etc/hostname").read()
        elif kind == "write":
            open("job-wrote-this", "w").write("x")
        elif kind == "stat":
            os.stat("/")
        elif kind == "listdir":
            os.listdir("/")
        elif kind == "mkdir":
            os.mkdir("job-dir")
        elif kind == "exists":
            return os.path.exists("/")
        elif kind == "tempfile":
            tempfile.mkstemp()
        elif kind == "stdin":
            return sys.stdin.read()
        return "allowed"
    except OSError as e:
        return [type(e).__name__, e.errno]
"#;

/// A serving worker has no file system, whether or not the seccomp sandbox is on: the
/// refusal is the interpreter's own (`OSError(ENOSYS)`), not a side effect of the filter.
#[test]
fn serve_jobs_get_no_file_system() {
    for extra in [&[][..], &["--no-sandbox"][..]] {
        let server = Server::start("files-serve", JOB_APP, 1, extra);
        let mut client = server.client();
        for kind in ["open", "write", "stat", "listdir", "mkdir"] {
            let reply = client.call("attempt", json!([kind]));
            assert_eq!(reply["ok"], true, "{kind}: {reply}");
            assert_eq!(
                reply["result"],
                json!(["OSError", 38]),
                "{kind} {extra:?}: {reply}"
            );
        }
        // tempfile finds no usable directory, as CPython says where none can be written.
        let reply = client.call("attempt", json!(["tempfile"]));
        assert_eq!(reply["result"], json!(["FileNotFoundError", 2]), "{reply}");
        let reply = client.call("attempt", json!(["exists"]));
        assert_eq!(reply["result"], false, "{reply}");
        let reply = client.call("attempt", json!(["stdin"]));
        assert_eq!(reply["result"], "", "{reply}");
        assert!(!server.dir.0.join("job-wrote-this").exists());
        assert!(!server.dir.0.join("job-dir").exists());
    }
}

const RUN_APP: &str = r#"
import os, sys
data = sys.stdin.read()
with open("out.txt", "w") as f:
    f.write(data.upper())
os.mkdir("made")
left_open = open(os.path.join("made", "unclosed.txt"), "w")
left_open.write("flushed at exit")
print(sorted(os.listdir(".")))
"#;

/// `run` works in the caller's directory with its standard input, and what a program leaves
/// unclosed is flushed when it ends (CPython's finalizers at shutdown).
#[test]
fn run_sees_the_working_directory_and_standard_input() {
    let dir = TempDir::new("files-run");
    let image = freeze(&dir.0, RUN_APP);
    let mut child = Command::new(BIN)
        .arg("run")
        .arg(&image)
        .current_dir(&dir.0)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"piped in\n")
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "['app.pfi', 'app.py', 'made', 'out.txt']\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.0.join("out.txt")).expect("out.txt"),
        "PIPED IN\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.0.join("made/unclosed.txt")).expect("unclosed.txt"),
        "flushed at exit"
    );
}

/// `run --no-files` gives the program what a serving worker gets.
#[test]
fn run_no_files_withholds_them() {
    let dir = TempDir::new("files-run-denied");
    let image = freeze(
        &dir.0,
        "import os\ntry:\n    open('x', 'w')\nexcept OSError as e:\n    print(type(e).__name__, e.errno)\nprint(os.path.exists('.'))\n",
    );
    let out = Command::new(BIN)
        .arg("run")
        .arg("--no-files")
        .arg(&image)
        .current_dir(&dir.0)
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "OSError 38\nFalse\n");
    assert!(!dir.0.join("x").exists());
}
