//! The program corpus harness: every program under `tests/programs/` is frozen with
//! `permafrost freeze` and run with `permafrost run` in both layouts, and its stdout, exit
//! status and (on failure) last stderr line, traceback skeleton and whole traceback (source
//! and caret lines included) are compared with the
//! CPython 3.11 results recorded in `NAME.expected.json` by `scripts/gen_expected.py`. The
//! image's code objects (`permafrost dis --json`) must also carry the same co_* fields as the
//! code objects CPython compiles from the same files.
//!
//! A program is either `tests/programs/NAME.py` or a directory `tests/programs/NAME/` holding
//! `main.py` (frozen first, it is the main module) and further modules (frozen after it in
//! sorted order). Programs listed in `tests/programs/KNOWN_FAILURES` are expected to fail;
//! the test fails when one of them passes, so the list can only shrink. Setting
//! `PERMAFROST_UPDATE_KNOWN_FAILURES=1` rewrites that list from the actual results (keeping
//! the reasons of names already listed); `PERMAFROST_PROGRAMS=substring[,substring...]`
//! restricts the run to matching programs (the known-failure bookkeeping then only covers
//! those, and the list is never rewritten).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Programs that run longer than this are killed and reported as a failure, so a hanging
/// interpreter cannot hang the test suite.
const RUN_TIMEOUT: Duration = Duration::from_secs(30);
/// Worker threads running programs; each run is a child process, so this bounds the CPU use.
const THREADS: usize = 3;
const LAYOUTS: [&str; 2] = ["permanent", "transient"];
/// The corpus must not silently shrink below this many programs.
const MIN_PROGRAMS: usize = 80;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("programs")
}

/// One program of the corpus.
#[derive(Debug, Clone)]
struct Program {
    name: String,
    /// The directory the program runs in (as CPython ran it when recording the expectation).
    dir: PathBuf,
    /// File names relative to `dir`, main module first, then the others sorted.
    files: Vec<String>,
}

/// What CPython printed, from `NAME.expected.json`.
#[derive(Debug)]
struct Expected {
    stdout: String,
    exit: i64,
    stderr_last: Option<String>,
    /// CPython's traceback without source lines, file names reduced to base names (see
    /// [`traceback_skeleton`]); `None` when not compared.
    traceback: Option<Vec<String>>,
    /// The whole traceback, source and caret lines included, file names reduced to base
    /// names (see [`traceback_full`]); `None` when not compared.
    traceback_full: Option<Vec<String>>,
    /// One record per code object CPython compiles from the program (see [`CODE_FIELDS`]).
    code: Vec<Value>,
}

/// The `permafrost dis --json` fields a code-object record holds, after the file name, in
/// the order `scripts/gen_expected.py` writes them.
const CODE_FIELDS: [&str; 9] = [
    "co_name",
    "co_qualname",
    "co_firstlineno",
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
];

/// What one `permafrost run` produced.
#[derive(Debug)]
struct Actual {
    stdout: String,
    exit: Option<i32>,
    stderr: String,
    timed_out: bool,
}

fn discover_programs() -> Vec<Program> {
    let dir = programs_dir();
    let mut programs = Vec::new();
    let entries = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the corpus directory {}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.expect("reading a directory entry of the corpus");
        let path = entry.path();
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if path.is_dir() {
            if !path.join("main.py").is_file() {
                continue;
            }
            let mut others: Vec<String> = fs::read_dir(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
                .filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .filter(|n| n.ends_with(".py") && n != "main.py")
                .collect();
            others.sort();
            let mut files = vec!["main.py".to_owned()];
            files.extend(others);
            programs.push(Program {
                name: file_name.to_owned(),
                dir: path.clone(),
                files,
            });
        } else if let Some(stem) = file_name.strip_suffix(".py") {
            programs.push(Program {
                name: stem.to_owned(),
                dir: dir.clone(),
                files: vec![file_name.to_owned()],
            });
        }
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    programs
}

/// CPython 3.11's `Lib/`, asked of `python3` once for the whole corpus (each `freeze` would
/// otherwise start a `python3` of its own); `None` leaves the discovery to `freeze`, which
/// then reports what is missing.
fn stdlib_dir() -> Option<&'static str> {
    static DIR: OnceLock<Option<String>> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = Command::new("python3")
            .args([
                "-I",
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
            ])
            .output()
            .ok()?;
        let dir = String::from_utf8(out.stdout).ok()?.trim().to_owned();
        (out.status.success() && !dir.is_empty()).then_some(dir)
    })
    .as_deref()
}

fn expected_path(name: &str) -> PathBuf {
    programs_dir().join(format!("{name}.expected.json"))
}

fn load_expected(name: &str) -> Result<Expected, String> {
    let path = expected_path(name);
    let text = fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {}: {e} (run scripts/gen_expected.py)",
            path.display()
        )
    })?;
    let json: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: bad JSON: {e}", path.display()))?;
    let stdout = json["stdout"]
        .as_str()
        .ok_or_else(|| format!("{}: no string \"stdout\"", path.display()))?
        .to_owned();
    let exit = json["exit"]
        .as_i64()
        .ok_or_else(|| format!("{}: no integer \"exit\"", path.display()))?;
    let stderr_last = json["stderr_last"].as_str().map(str::to_owned);
    let lines_of = |key: &str| -> Result<Option<Vec<String>>, String> {
        match &json[key] {
            Value::Null => Ok(None),
            Value::Array(lines) => lines
                .iter()
                .map(|l| l.as_str().map(str::to_owned))
                .collect::<Option<Vec<String>>>()
                .map(Some)
                .ok_or_else(|| format!("{}: \"{key}\" holds a non-string", path.display())),
            _ => Err(format!("{}: \"{key}\" is not a list", path.display())),
        }
    };
    let traceback = lines_of("traceback")?;
    let traceback_full = lines_of("traceback_full")?;
    let code = match &json["code"] {
        Value::Null => Vec::new(),
        Value::Array(records) => records.clone(),
        _ => return Err(format!("{}: \"code\" is not a list", path.display())),
    };
    Ok(Expected {
        stdout,
        exit,
        stderr_last,
        traceback,
        traceback_full,
        code,
    })
}

/// A scratch directory removed on drop.
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "permafrost-programs-{}-{unique}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
        ScratchDir(path)
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Runs `permafrost ARGS` in `cwd`, capturing stdout and stderr into files (no pipe can fill
/// up and stall the child), killing it after [`RUN_TIMEOUT`].
fn run_binary(args: &[&std::ffi::OsStr], cwd: &Path, scratch: &Path, tag: &str) -> Actual {
    let out_path = scratch.join(format!("{tag}.stdout"));
    let err_path = scratch.join(format!("{tag}.stderr"));
    let out_file = fs::File::create(&out_path).expect("creating a capture file in scratch dir");
    let err_file = fs::File::create(&err_path).expect("creating a capture file in scratch dir");
    let mut child = match Command::new(env!("CARGO_BIN_EXE_permafrost"))
        .args(args)
        .current_dir(cwd)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::from(out_file))
        .stderr(Stdio::from(err_file))
        .spawn()
    {
        Ok(child) => child,
        Err(e) => {
            return Actual {
                stdout: String::new(),
                exit: None,
                stderr: format!("cannot spawn permafrost: {e}"),
                timed_out: false,
            }
        }
    };
    let started = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > RUN_TIMEOUT => {
                let _ = child.kill();
                timed_out = true;
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let read = |p: &Path| String::from_utf8_lossy(&fs::read(p).unwrap_or_default()).into_owned();
    Actual {
        stdout: read(&out_path),
        exit: status.and_then(|s| s.code()),
        stderr: read(&err_path),
        timed_out,
    }
}

/// The comparable part of a traceback, as `scripts/gen_expected.py` records it: stderr
/// without the lines indented by four spaces (CPython's source and caret lines), each
/// `  File "PATH", line N, in NAME` reduced to the base name of PATH, trailing blank lines
/// dropped.
fn traceback_skeleton(stderr: &str) -> Vec<String> {
    traceback_lines(stderr, false)
}

/// The whole traceback as `scripts/gen_expected.py` records it: stderr with each
/// `  File "PATH", line N, in NAME` reduced to the base name of PATH, trailing blank lines
/// dropped; source and caret lines kept.
fn traceback_full(stderr: &str) -> Vec<String> {
    traceback_lines(stderr, true)
}

fn traceback_lines(stderr: &str, with_source: bool) -> Vec<String> {
    let mut skeleton: Vec<String> = stderr
        .lines()
        .filter(|line| with_source || !line.starts_with("    "))
        .map(|line| {
            let Some(rest) = line.strip_prefix("  File \"") else {
                return line.to_owned();
            };
            match rest.split_once('"') {
                Some((path, tail)) => {
                    let base = path.rsplit('/').next().unwrap_or(path);
                    format!("  File \"{base}\"{tail}")
                }
                None => line.to_owned(),
            }
        })
        .collect();
    while skeleton.last().is_some_and(|l| l.trim().is_empty()) {
        skeleton.pop();
    }
    skeleton
}

fn last_nonempty_line(text: &str) -> Option<&str> {
    text.lines().rev().find(|l| !l.trim().is_empty())
}

/// The most telling line of a failed run's stderr: the panic message when the binary
/// panicked (its last lines are then backtrace notes), else the last line.
fn stderr_summary(stderr: &str) -> String {
    let mut lines = stderr.lines();
    while let Some(line) = lines.next() {
        if let Some((_, location)) = line.split_once("panicked at ") {
            let message = lines.next().unwrap_or("").trim();
            return shorten(
                &format!("panic: {message} at {}", location.trim_end_matches(':')),
                200,
            );
        }
        // The runtime's own fatal errors, printed just before it aborts.
        if line.starts_with("memory allocation of") || line.contains("has overflowed its stack") {
            return shorten(&format!("abort: {}", line.trim()), 200);
        }
    }
    last_nonempty_line(stderr)
        .map(|l| shorten(l, 200))
        .unwrap_or_else(|| "<empty>".to_owned())
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// A few lines saying where `actual` first departs from `expected`.
fn short_diff(expected: &str, actual: &str) -> String {
    let exp: Vec<&str> = expected.split('\n').collect();
    let act: Vec<&str> = actual.split('\n').collect();
    let first = exp
        .iter()
        .zip(act.iter())
        .position(|(e, a)| e != a)
        .unwrap_or(exp.len().min(act.len()));
    let show = |lines: &[&str], i: usize| match lines.get(i) {
        Some(l) => format!("{:?}", shorten(l, 120)),
        None => "<end of output>".to_owned(),
    };
    let differing = (0..exp.len().max(act.len()))
        .filter(|&i| exp.get(i) != act.get(i))
        .count();
    let mut out = format!(
        "stdout differs at line {} ({} lines expected, {} got, {differing} positions differ)\n",
        first + 1,
        exp.len().saturating_sub(1),
        act.len().saturating_sub(1)
    );
    for i in first..(first + 3) {
        match (exp.get(i), act.get(i)) {
            (None, None) => break,
            (Some(e), Some(a)) if e == a => {
                let _ = writeln!(out, "          {}", show(&exp, i));
            }
            _ => {
                let _ = writeln!(out, "        - {}", show(&exp, i));
                let _ = writeln!(out, "        + {}", show(&act, i));
            }
        }
    }
    out
}

/// Compares one run with the expectation; `None` when they agree.
fn compare(expected: &Expected, actual: &Actual) -> Option<String> {
    if actual.timed_out {
        return Some(format!("timed out after {} s", RUN_TIMEOUT.as_secs()));
    }
    let mut problems = String::new();
    let stderr_tail = || stderr_summary(&actual.stderr);
    match actual.exit {
        Some(code) if i64::from(code) == expected.exit => {}
        Some(code) => {
            let _ = writeln!(
                problems,
                "exit status {code}, expected {} (stderr: {})",
                expected.exit,
                stderr_tail()
            );
        }
        None => {
            let _ = writeln!(
                problems,
                "killed by a signal, expected exit {} (stderr: {})",
                expected.exit,
                stderr_tail()
            );
        }
    }
    if actual.stdout != expected.stdout {
        problems.push_str(&short_diff(&expected.stdout, &actual.stdout));
    }
    if expected.exit != 0 {
        let want = expected.stderr_last.as_deref();
        // No stderr at all (an uncaught `SystemExit(3)`) is the empty line the generator
        // records.
        let got = Some(last_nonempty_line(&actual.stderr).unwrap_or(""));
        if want.map(str::trim_end) != got.map(str::trim_end) {
            let _ = writeln!(
                problems,
                "last stderr line {:?}, expected {:?}",
                got.map(|l| shorten(l, 200)),
                want
            );
        }
    }
    let checks = [
        (
            "traceback",
            &expected.traceback,
            traceback_skeleton(&actual.stderr),
        ),
        (
            "full traceback",
            &expected.traceback_full,
            traceback_full(&actual.stderr),
        ),
    ];
    for (what, want, got) in checks {
        let Some(want) = want else { continue };
        if let Some(i) = (0..want.len().max(got.len())).find(|&i| want.get(i) != got.get(i)) {
            let show = |l: Option<&String>| match l {
                Some(l) => format!("{:?}", shorten(l, 120)),
                None => "<end of traceback>".to_owned(),
            };
            let _ = writeln!(
                problems,
                "{what} differs at line {}: expected {}, got {}",
                i + 1,
                show(want.get(i)),
                show(got.get(i))
            );
        }
    }
    if problems.is_empty() {
        None
    } else {
        Some(problems)
    }
}

/// Freezes and runs one program in both layouts; returns `(layout, problem)` pairs, empty
/// when the program behaves exactly like CPython in both.
fn check_program(program: &Program) -> Vec<(String, String)> {
    let expected = match load_expected(&program.name) {
        Ok(e) => e,
        Err(message) => return vec![("-".to_owned(), message)],
    };
    let scratch = ScratchDir::new(&program.name);
    let image = scratch.0.join(format!("{}.pfi", program.name));
    let mut args: Vec<&std::ffi::OsStr> = vec!["freeze".as_ref()];
    args.extend(program.files.iter().map(|f| f.as_ref() as &std::ffi::OsStr));
    args.push("-o".as_ref());
    args.push(image.as_os_str());
    if let Some(dir) = stdlib_dir() {
        args.push("--stdlib".as_ref());
        args.push(dir.as_ref());
    }
    // Tracebacks through standard-library frames show their source lines, as CPython's.
    args.push("--stdlib-sources".as_ref());
    let frozen = run_binary(&args, &program.dir, &scratch.0, "freeze");
    if frozen.timed_out || frozen.exit != Some(0) {
        return vec![(
            "freeze".to_owned(),
            format!(
                "permafrost freeze failed (exit {:?}): {}\n",
                frozen.exit,
                stderr_summary(&frozen.stderr)
            ),
        )];
    }
    let mut failures = Vec::new();
    if let Some(problem) = check_code_objects(&expected, &image, &program.dir, &scratch.0) {
        failures.push(("code".to_owned(), problem));
    }
    for layout in LAYOUTS {
        let args: Vec<&std::ffi::OsStr> = vec![
            "run".as_ref(),
            image.as_os_str(),
            "--layout".as_ref(),
            layout.as_ref(),
        ];
        let actual = run_binary(&args, &program.dir, &scratch.0, layout);
        if let Some(problem) = compare(&expected, &actual) {
            failures.push((layout.to_owned(), problem));
        }
    }
    failures
}

/// The code-object records of `permafrost dis --json` output, in the shape of [`Expected::code`].
/// Files are named relative to the program's directory `dir`; code objects from elsewhere
/// (the standard library) are left out, as CPython's records cover the program's files only.
fn code_records(dis: &Value, dir: &Path) -> Result<Vec<Value>, String> {
    let objects = dis
        .as_array()
        .ok_or("`permafrost dis --json` did not print a list")?;
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    objects
        .iter()
        .filter_map(|object| {
            let file = object["co_filename"].as_str().unwrap_or("");
            let path = Path::new(file);
            if path.is_relative() {
                return Some((object, file.to_owned()));
            }
            let rel = path.strip_prefix(&dir).ok()?;
            Some((object, rel.to_string_lossy().into_owned()))
        })
        .map(|(object, file)| {
            let mut record = vec![Value::String(file)];
            for field in CODE_FIELDS {
                match object.get(field) {
                    Some(value) => record.push(value.clone()),
                    None => return Err(format!("a code object has no {field}")),
                }
            }
            Ok(Value::Array(record))
        })
        .collect()
}

/// Compares the image's code objects (`permafrost dis --json`) with CPython's, as multisets of
/// records: the order of code objects in an image is the compiler's business.
fn check_code_objects(
    expected: &Expected,
    image: &Path,
    dir: &Path,
    scratch: &Path,
) -> Option<String> {
    if expected.code.is_empty() {
        return None;
    }
    // Only the program's own code objects: CPython's records cover the program's files, and
    // an image holding much of the standard library has tens of thousands more.
    let args: Vec<&std::ffi::OsStr> = vec![
        "dis".as_ref(),
        image.as_os_str(),
        "--json".as_ref(),
        "--app".as_ref(),
    ];
    let dis = run_binary(&args, dir, scratch, "dis");
    if dis.exit != Some(0) {
        return Some(format!(
            "permafrost dis --json failed (exit {:?}): {}",
            dis.exit,
            stderr_summary(&dis.stderr)
        ));
    }
    let actual = match serde_json::from_str::<Value>(&dis.stdout)
        .map_err(|e| format!("`permafrost dis --json` printed invalid JSON: {e}"))
        .and_then(|v| code_records(&v, dir))
    {
        Ok(records) => records,
        Err(message) => return Some(message),
    };
    let key = |v: &Value| v.to_string();
    let mut want: Vec<String> = expected.code.iter().map(key).collect();
    let mut got: Vec<String> = actual.iter().map(key).collect();
    want.sort();
    got.sort();
    if want == got {
        return None;
    }
    let missing: Vec<&String> = want.iter().filter(|r| !got.contains(r)).collect();
    let unexpected: Vec<&String> = got.iter().filter(|r| !want.contains(r)).collect();
    let mut problem = format!(
        "code objects differ from CPython's ({} expected, {} in the image)",
        want.len(),
        got.len()
    );
    for record in missing.iter().take(3) {
        let _ = write!(problem, "\n        - {}", shorten(record, 200));
    }
    for record in unexpected.iter().take(3) {
        let _ = write!(problem, "\n        + {}", shorten(record, 200));
    }
    Some(problem)
}

/// `KNOWN_FAILURES`: program name → reason (the text after `#`, possibly empty).
fn read_known_failures(path: &Path) -> BTreeMap<String, String> {
    let Ok(text) = fs::read_to_string(path) else {
        return BTreeMap::new();
    };
    let mut known = BTreeMap::new();
    for line in text.lines() {
        let (name, reason) = match line.split_once('#') {
            Some((name, reason)) => (name.trim(), reason.trim()),
            None => (line.trim(), ""),
        };
        if !name.is_empty() {
            known.insert(name.to_owned(), reason.to_owned());
        }
    }
    known
}

fn write_known_failures(path: &Path, failing: &BTreeMap<String, String>) {
    let mut text = String::from(
        "# Corpus programs that do not yet behave like CPython (one name per line, `# reason`).\n\
         # The harness fails when a listed program passes: remove it then. Regenerate with\n\
         # PERMAFROST_UPDATE_KNOWN_FAILURES=1 cargo test -p permafrost-server --test programs\n",
    );
    for (name, reason) in failing {
        if reason.is_empty() {
            let _ = writeln!(text, "{name}");
        } else {
            let _ = writeln!(text, "{name}  # {reason}");
        }
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// A one-line reason for a newly failing program, from its first problem.
fn summarize(failures: &[(String, String)]) -> String {
    match failures.first() {
        Some((layout, problem)) => {
            let first_line = problem.lines().next().unwrap_or("fails");
            shorten(&format!("{layout}: {first_line}"), 150)
        }
        None => "fails".to_owned(),
    }
}

fn selected(program: &Program, filter: &Option<Vec<String>>) -> bool {
    match filter {
        None => true,
        Some(parts) => parts.iter().any(|p| program.name.contains(p.as_str())),
    }
}

#[test]
fn corpus_matches_cpython() {
    let filter: Option<Vec<String>> = std::env::var("PERMAFROST_PROGRAMS")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.split(',').map(|p| p.trim().to_owned()).collect());
    let programs: Vec<Program> = discover_programs()
        .into_iter()
        .filter(|p| selected(p, &filter))
        .collect();
    assert!(
        !programs.is_empty(),
        "no program selected (PERMAFROST_PROGRAMS={filter:?})"
    );

    let next = AtomicUsize::new(0);
    let results: Mutex<BTreeMap<String, Vec<(String, String)>>> = Mutex::new(BTreeMap::new());
    std::thread::scope(|scope| {
        for _ in 0..THREADS.min(programs.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(program) = programs.get(i) else {
                    break;
                };
                let failures = check_program(program);
                // A poisoned lock means another worker thread panicked; its panic already
                // fails the test, so keep collecting what we can.
                let mut guard = results.lock().unwrap_or_else(|p| p.into_inner());
                guard.insert(program.name.clone(), failures);
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|p| p.into_inner());

    let known_path = programs_dir().join("KNOWN_FAILURES");
    let known = read_known_failures(&known_path);
    let names: BTreeSet<&str> = programs.iter().map(|p| p.name.as_str()).collect();

    if filter.is_none() && std::env::var("PERMAFROST_UPDATE_KNOWN_FAILURES").as_deref() == Ok("1") {
        let failing: BTreeMap<String, String> = results
            .iter()
            .filter(|(_, f)| !f.is_empty())
            .map(|(name, f)| {
                let reason = known.get(name).cloned().unwrap_or_else(|| summarize(f));
                (name.clone(), reason)
            })
            .collect();
        write_known_failures(&known_path, &failing);
        eprintln!(
            "rewrote {} with {} of {} programs",
            known_path.display(),
            failing.len(),
            results.len()
        );
        return;
    }

    let mut report = String::new();
    let mut unexpected = 0;
    let mut now_passing = Vec::new();
    for (name, failures) in &results {
        let listed = known.contains_key(name);
        if failures.is_empty() {
            if listed {
                now_passing.push(name.as_str());
            }
        } else if !listed {
            unexpected += 1;
            let _ = writeln!(report, "{name}:");
            for (layout, problem) in failures {
                let indented = problem.trim_end().replace('\n', "\n    ");
                let _ = writeln!(report, "  [{layout}] {indented}");
            }
        }
    }
    let stale: Vec<&str> = if filter.is_none() {
        known
            .keys()
            .map(String::as_str)
            .filter(|n| !names.contains(n))
            .collect()
    } else {
        Vec::new()
    };
    let known_failing = results
        .iter()
        .filter(|(n, f)| !f.is_empty() && known.contains_key(*n))
        .count();
    eprintln!(
        "corpus: {} programs, {} pass, {} known failures, {} unexpected failures, {} listed but passing",
        results.len(),
        results.values().filter(|f| f.is_empty()).count(),
        known_failing,
        unexpected,
        now_passing.len()
    );
    if !now_passing.is_empty() {
        let _ = writeln!(
            report,
            "listed in KNOWN_FAILURES but passing now (remove them from KNOWN_FAILURES): {}",
            now_passing.join(", ")
        );
    }
    if !stale.is_empty() {
        let _ = writeln!(
            report,
            "listed in KNOWN_FAILURES but not in the corpus (remove them): {}",
            stale.join(", ")
        );
    }
    assert!(
        report.is_empty(),
        "{unexpected} program(s) differ from CPython:\n{report}"
    );
}

#[test]
fn corpus_is_complete() {
    let programs = discover_programs();
    assert!(
        programs.len() >= MIN_PROGRAMS,
        "the corpus has {} programs, at least {MIN_PROGRAMS} expected",
        programs.len()
    );
    let mut problems = Vec::new();
    let names: BTreeSet<String> = programs.iter().map(|p| p.name.clone()).collect();
    for program in &programs {
        if let Err(message) = load_expected(&program.name) {
            problems.push(message);
        }
    }
    let entries = fs::read_dir(programs_dir()).expect("the corpus directory is readable");
    for entry in entries.filter_map(|e| e.ok()) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !entry.path().join("main.py").is_file() {
            problems.push(format!(
                "{file_name}/ has no main.py, so it is not a program"
            ));
        }
        if let Some(name) = file_name.strip_suffix(".expected.json") {
            if !names.contains(name) {
                problems.push(format!("{file_name} has no program"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The comparison itself must catch each kind of difference and say where it is, or the corpus
/// would pass vacuously.
#[test]
fn comparison_reports_each_difference() {
    let expected = Expected {
        stdout: "a\nb\nc\n".to_owned(),
        exit: 1,
        stderr_last: Some("ValueError: bad".to_owned()),
        traceback: None,
        traceback_full: None,
        code: Vec::new(),
    };
    let actual = |stdout: &str, exit: Option<i32>, stderr: &str| Actual {
        stdout: stdout.to_owned(),
        exit,
        stderr: stderr.to_owned(),
        timed_out: false,
    };
    let same = actual("a\nb\nc\n", Some(1), "Traceback ...\nValueError: bad\n\n");
    assert_eq!(compare(&expected, &same), None);

    let stdout_differs = compare(
        &expected,
        &actual("a\nB\nc\n", Some(1), "ValueError: bad\n"),
    )
    .expect("a changed line must be reported");
    assert!(stdout_differs.contains("line 2"), "{stdout_differs}");
    assert!(stdout_differs.contains("\"b\"") && stdout_differs.contains("\"B\""));

    let missing_tail = compare(&expected, &actual("a\n", Some(1), "ValueError: bad"))
        .expect("missing output must be reported");
    assert!(missing_tail.contains("<end of output>"), "{missing_tail}");

    let wrong_exit = compare(&expected, &actual("a\nb\nc\n", Some(0), ""))
        .expect("a wrong exit status must be reported");
    assert!(
        wrong_exit.contains("exit status 0, expected 1"),
        "{wrong_exit}"
    );

    let wrong_error = compare(
        &expected,
        &actual("a\nb\nc\n", Some(1), "ValueError: other\n"),
    )
    .expect("a different last stderr line must be reported");
    assert!(wrong_error.contains("ValueError: other"), "{wrong_error}");

    let signal = compare(&expected, &actual("a\nb\nc\n", None, "")).expect("a crash");
    assert!(signal.contains("killed by a signal"), "{signal}");

    let panicked = compare(
        &expected,
        &actual(
            "a\nb\nc\n",
            Some(101),
            "thread 'main' (7) panicked at worker/src/eval.rs:10:5:\nindex out of bounds\n\
             note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
        ),
    )
    .expect("a panic must be reported");
    assert!(
        panicked.contains("panic: index out of bounds at worker/src/eval.rs:10:5"),
        "{panicked}"
    );

    let aborted = compare(
        &expected,
        &actual(
            "a\nb\nc\n",
            None,
            "memory allocation of 4611686018427387904 bytes failed\nstack backtrace:\n\
             note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\n",
        ),
    )
    .expect("an abort must be reported");
    assert!(
        aborted.contains("abort: memory allocation of 4611686018427387904 bytes failed"),
        "{aborted}"
    );

    let mut hung = actual("", None, "");
    hung.timed_out = true;
    assert!(compare(&expected, &hung)
        .expect("a timeout must be reported")
        .contains("timed out"));
}

#[test]
fn known_failures_parse_names_and_reasons() {
    let dir = ScratchDir::new("known-failures");
    let path = dir.0.join("KNOWN_FAILURES");
    fs::write(
        &path,
        "# header comment\n\nint_bigint  # no bigints yet\nclass_super\n   # indented comment\n",
    )
    .expect("writing to a scratch dir");
    let known = read_known_failures(&path);
    assert_eq!(known.len(), 2, "{known:?}");
    assert_eq!(known["int_bigint"], "no bigints yet");
    assert_eq!(known["class_super"], "");
    write_known_failures(&path, &known);
    assert_eq!(
        read_known_failures(&path),
        known,
        "a rewrite must round-trip"
    );
}

#[test]
fn full_tracebacks_compare_source_and_caret_lines() {
    let cpython = "Traceback (most recent call last):\n  File \"/abs/dir/prog.py\", line 3, in <module>\n    \
                   x = a + b\n        ~~^~~\nTypeError: bad\n";
    let full = traceback_full(cpython);
    assert_eq!(
        full,
        [
            "Traceback (most recent call last):",
            "  File \"prog.py\", line 3, in <module>",
            "    x = a + b",
            "        ~~^~~",
            "TypeError: bad",
        ]
    );
    let expected = Expected {
        stdout: String::new(),
        exit: 1,
        stderr_last: Some("TypeError: bad".to_owned()),
        traceback: Some(traceback_skeleton(cpython)),
        traceback_full: Some(full),
        code: Vec::new(),
    };
    let run = |stderr: &str| Actual {
        stdout: String::new(),
        exit: Some(1),
        stderr: stderr.to_owned(),
        timed_out: false,
    };
    assert_eq!(compare(&expected, &run(cpython)), None);
    let plain_carets = cpython.replace("~~^~~", "^^^^^");
    let problem = compare(&expected, &run(&plain_carets)).expect("carets differ");
    assert!(
        problem.contains("full traceback differs at line 4"),
        "{problem}"
    );
    let no_source = "Traceback (most recent call last):\n  File \"prog.py\", line 3, in <module>\n\
                     TypeError: bad\n";
    let problem = compare(&expected, &run(no_source)).expect("source lines missing");
    assert!(
        problem.contains("full traceback differs at line 3"),
        "{problem}"
    );
    assert!(
        !problem.lines().any(|l| l.starts_with("traceback differs")),
        "{problem}"
    );
}

#[test]
fn traceback_skeletons_compare_frames_not_paths() {
    let cpython = "Traceback (most recent call last):\n  File \"/abs/dir/prog.py\", line 7, in <module>\n    \
                   main()\n    ^^^^^^\n  File \"/abs/dir/prog.py\", line 3, in main\n    raise ValueError(\"bad\")\n\
                   ValueError: bad\n\n";
    let skeleton = traceback_skeleton(cpython);
    assert_eq!(
        skeleton,
        [
            "Traceback (most recent call last):",
            "  File \"prog.py\", line 7, in <module>",
            "  File \"prog.py\", line 3, in main",
            "ValueError: bad",
        ]
    );
    let expected = Expected {
        stdout: String::new(),
        exit: 1,
        stderr_last: Some("ValueError: bad".to_owned()),
        traceback: Some(skeleton),
        traceback_full: None,
        code: Vec::new(),
    };
    let run = |stderr: &str| Actual {
        stdout: String::new(),
        exit: Some(1),
        stderr: stderr.to_owned(),
        timed_out: false,
    };
    let ours = "Traceback (most recent call last):\n  File \"prog.py\", line 7, in <module>\n  \
                File \"prog.py\", line 3, in main\nValueError: bad\n";
    assert_eq!(compare(&expected, &run(ours)), None);
    let wrong_line = ours.replace("line 3", "line 4");
    let problem = compare(&expected, &run(&wrong_line)).expect("a wrong line number");
    assert!(problem.contains("traceback differs at line 3"), "{problem}");
    let missing_frame =
        "Traceback (most recent call last):\n  File \"prog.py\", line 7, in <module>\n\
                         ValueError: bad\n";
    let problem = compare(&expected, &run(missing_frame)).expect("a missing frame");
    assert!(problem.contains("traceback differs"), "{problem}");
}

#[test]
fn code_records_follow_the_expected_field_order() {
    let dis: Value = serde_json::from_str(
        r#"[{"index": 0, "co_name": "f", "co_qualname": "C.f", "co_filename": "m.py",
             "co_firstlineno": 3, "co_argcount": 2, "co_posonlyargcount": 0,
             "co_kwonlyargcount": 1, "co_flags": 3, "co_varnames": ["self", "x", "k"],
             "co_freevars": ["__class__"], "co_cellvars": [], "co_code": ""}]"#,
    )
    .expect("valid JSON");
    let dir = Path::new("/nowhere/prog");
    let records = code_records(&dis, dir).expect("a complete code object");
    assert_eq!(
        Value::Array(records).to_string(),
        r#"[["m.py","f","C.f",3,2,0,1,["self","x","k"],["__class__"],[]]]"#
    );
    // Absolute paths are named relative to the program; other files are left out.
    let mut absolute = dis.clone();
    absolute[0]["co_filename"] = Value::from("/nowhere/prog/pkg/m.py");
    let records = code_records(&absolute, dir).expect("a complete code object");
    assert_eq!(records[0][0], Value::from("pkg/m.py"));
    absolute[0]["co_filename"] = Value::from("/usr/lib/python3.11/m.py");
    assert!(code_records(&absolute, dir).expect("complete").is_empty());
    let incomplete: Value = serde_json::from_str(r#"[{"co_name": "f"}]"#).expect("valid JSON");
    assert!(code_records(&incomplete, dir).is_err());
}
