//! `permafrost freeze` following imports, driven through the built binary: every way an
//! import of the program's own code can fail at freeze time (with its exact message), the
//! standard-library directory checks, absent modules, and `dis --modules`.

mod common;

use common::{TempDir, BIN};
use std::path::Path;
use std::process::{Command, Output};

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn permafrost(args: &[&str], cwd: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run permafrost")
}

/// Freezes `dir/app.py` with `extra` flags; returns (success, stderr).
fn freeze(dir: &Path, extra: &[&str]) -> (bool, String) {
    let app = dir.join("app.py");
    let image = dir.join("app.pfi");
    let mut args = vec![
        "freeze",
        app.to_str().unwrap(),
        "-o",
        image.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = permafrost(&args, dir);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn run(dir: &Path) -> String {
    let image = dir.join("app.pfi");
    let out = permafrost(&["run", image.to_str().unwrap()], dir);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A fake standard library: the version marker of CPython `magic`, plus `files`.
fn fake_stdlib(dir: &Path, magic: u32, files: &[(&str, &str)]) -> String {
    let lib = dir.join("Lib");
    write(
        &lib,
        "importlib/_bootstrap_external.py",
        &format!("MAGIC_NUMBER = ({magic}).to_bytes(2, 'little') + b'\\r\\n'\n"),
    );
    for (rel, text) in files {
        write(&lib, rel, text);
    }
    lib.to_str().unwrap().to_owned()
}

#[test]
fn missing_module_of_the_program_is_a_freeze_error() {
    let t = TempDir::new("imp-missing");
    let d = t.0.to_str().unwrap().to_owned();
    let extra = t.0.join("extra");
    std::fs::create_dir_all(&extra).unwrap();
    let x = extra.to_str().unwrap().to_owned();
    write(&t.0, "app.py", "x = 1\n\nimport foo\n");
    let (ok, err) = freeze(&t.0, &["--no-stdlib", "--path", &x]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        format!("permafrost: {d}/app.py:3: import foo: no module named 'foo' (searched: {d}, {x})")
    );
    // Anywhere in the code: inside a function, a class, a `try` that does not catch it.
    for (src, line, text) in [
        (
            "def f():\n    from foo import bar\n",
            2,
            "from foo import bar",
        ),
        ("class C:\n    import foo.bar as b\n", 2, "import foo.bar"),
        (
            "try:\n    import foo\nexcept ValueError:\n    pass\n",
            2,
            "import foo",
        ),
    ] {
        write(&t.0, "app.py", src);
        let (ok, err) = freeze(&t.0, &["--no-stdlib"]);
        assert!(!ok, "{src}");
        assert_eq!(
            err.trim(),
            format!("permafrost: {d}/app.py:{line}: {text}: no module named 'foo' (searched: {d})")
        );
    }
}

#[test]
fn missing_submodules_and_plain_modules_used_as_packages() {
    let t = TempDir::new("imp-sub");
    let d = t.0.to_str().unwrap().to_owned();
    write(&t.0, "pkg/__init__.py", "");
    write(&t.0, "plain.py", "");
    write(&t.0, "app.py", "import pkg.gone\n");
    let (ok, err) = freeze(&t.0, &["--no-stdlib"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        format!("permafrost: {d}/app.py:1: import pkg.gone: no module named 'pkg.gone' (searched: {d}/pkg)")
    );
    write(&t.0, "app.py", "from plain.sub import x\n");
    let (ok, err) = freeze(&t.0, &["--no-stdlib"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        format!(
            "permafrost: {d}/app.py:1: from plain.sub import x: no module named 'plain.sub'; \
             'plain' is not a package"
        )
    );
    // A relative import naming a missing module of the package.
    write(&t.0, "pkg/__init__.py", "from .gone import x\n");
    write(&t.0, "app.py", "import pkg\n");
    let (ok, err) = freeze(&t.0, &["--no-stdlib"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        format!(
            "permafrost: {d}/pkg/__init__.py:1: from .gone import x: no module named 'pkg.gone' \
             (searched: {d}/pkg)\n  imported by {d}/app.py:1"
        )
    );
}

#[test]
fn the_error_names_the_chain_of_imports() {
    let t = TempDir::new("imp-chain");
    let d = t.0.to_str().unwrap().to_owned();
    write(&t.0, "app.py", "import first\n");
    write(&t.0, "first.py", "\nimport second\n");
    write(&t.0, "second.py", "import os, nowhere\n");
    let (ok, err) = freeze(&t.0, &["--no-stdlib"]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        format!(
            "permafrost: {d}/second.py:1: import os: no module named 'os' (searched: {d})\n  \
             imported by {d}/first.py:2\n  imported by {d}/app.py:1"
        )
    );
}

#[test]
fn guarded_imports_are_left_for_the_run() {
    let t = TempDir::new("imp-guard");
    write(
        &t.0,
        "app.py",
        "try:\n    import foo\nexcept ImportError as e:\n    print(type(e).__name__, e)\n\
         try:\n    from a.b import c\nexcept (KeyError, ModuleNotFoundError) as e:\n    print(e)\n\
         try:\n    import bar\nexcept:\n    print('bare')\n\
         try:\n    from . import sibling\nexcept ImportError as e:\n    print(e)\n",
    );
    let (ok, err) = freeze(&t.0, &["--no-stdlib"]);
    assert!(ok, "{err}");
    assert_eq!(
        run(&t.0),
        "ModuleNotFoundError No module named 'foo'\nNo module named 'a'\nbare\n\
         attempted relative import with no known parent package\n"
    );
}

#[test]
fn stdlib_directory_checks() {
    let t = TempDir::new("imp-stdlib");
    write(&t.0, "app.py", "import colorsys\n");
    let lib = fake_stdlib(&t.0, 3531, &[]);
    let (ok, err) = freeze(&t.0, &["--stdlib", &lib]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        format!(
            "permafrost: {lib}: the standard library of Python 3.12; permafrost needs CPython \
             3.11's (pass --stdlib DIR with a 3.11 Lib/, or --no-stdlib)"
        )
    );
    let empty = t.0.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let (ok, err) = freeze(&t.0, &["--stdlib", empty.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("not a CPython standard library directory"),
        "{err}"
    );
}

#[test]
fn stdlib_compile_errors_name_the_chain_and_absent_modules_raise_at_run_time() {
    let t = TempDir::new("imp-fake");
    let d = t.0.to_str().unwrap().to_owned();
    let lib = fake_stdlib(
        &t.0,
        3495,
        &[
            (
                "tool.py",
                "try:\n    import _tool_accel\nexcept ImportError:\n    pass\n\
                 import nt\n\ndef platform():\n    import _winapi\n    return _winapi\n",
            ),
            ("fancy.py", "x = 1\ntype X = int\n"),
            ("unused.py", "async def never_imported():\n    pass\n"),
        ],
    );
    write(
        &t.0,
        "app.py",
        "import tool\ntry:\n    tool.platform()\nexcept ImportError as e:\n    \
         print(type(e).__name__, e, e.name)\n",
    );
    // The stdlib's own missing imports are absent modules, not errors; an unused stdlib
    // module with unsupported syntax does not matter.
    let (ok, err) = freeze(&t.0, &["--stdlib", &lib, "--verbose"]);
    assert!(ok, "{err}");
    for absent in ["_tool_accel", "_winapi", "nt"] {
        assert!(
            err.contains(&format!(
                "absent {absent} (ModuleNotFoundError when imported)"
            )),
            "{err}"
        );
    }
    assert_eq!(run(&t.0), "", "`import nt` at tool's top level fails first");
    write(
        &lib_path(&lib),
        "tool.py",
        "def platform():\n    import _winapi\n",
    );
    let (ok, err) = freeze(&t.0, &["--stdlib", &lib]);
    assert!(ok, "{err}");
    assert_eq!(
        run(&t.0),
        "ModuleNotFoundError No module named '_winapi' _winapi\n"
    );
    // A stdlib module the program imports that does not compile.
    write(&t.0, "app.py", "import helper\n");
    write(&t.0, "helper.py", "\n\nimport fancy\n");
    let (ok, err) = freeze(&t.0, &["--stdlib", &lib]);
    assert!(!ok);
    let mut lines = err.trim().lines();
    let first = lines.next().unwrap_or("");
    assert!(
        first.starts_with(&format!("permafrost: {lib}/fancy.py:2:1: unsupported")),
        "{err}"
    );
    assert_eq!(
        lines.collect::<Vec<_>>(),
        [
            format!("  imported by {d}/helper.py:3"),
            format!("  imported by {d}/app.py:1")
        ]
    );
}

fn lib_path(lib: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(lib)
}

#[test]
fn dis_lists_modules() {
    let t = TempDir::new("imp-dis");
    let d = t.0.to_str().unwrap().to_owned();
    write(&t.0, "pkg/__init__.py", "from . import sub\n");
    write(&t.0, "pkg/sub.py", "def f():\n    return 1\n");
    write(&t.0, "app.py", "import pkg\nprint(pkg.sub.f())\n");
    let (ok, err) = freeze(&t.0, &["--no-stdlib"]);
    assert!(ok, "{err}");
    assert_eq!(run(&t.0), "1\n");
    let image = t.0.join("app.pfi");
    let out = permafrost(&["dis", image.to_str().unwrap(), "--modules"], &t.0);
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert_eq!(rows[0][..3], ["app", "app", "1"]);
    assert_eq!(
        rows[0].last().copied(),
        Some(format!("{d}/app.py").as_str())
    );
    assert_eq!(rows[1][..4], ["pkg", "(package)", "app", "1"]);
    assert_eq!(rows[2][..3], ["pkg.sub", "app", "2"]);
}

#[test]
fn stdlib_code_that_only_stdlib_reaches_and_does_not_compile_is_absent() {
    let t = TempDir::new("imp-tolerate");
    let lib = fake_stdlib(
        &t.0,
        3495,
        &[
            // Self-test imports of a module that is not the main one never run.
            (
                "tool.py",
                "def helper():\n    return 1\n\ndef selftest():\n    import selftest_only\n\
                 if __name__ == '__main__':\n    import main_only\n",
            ),
            ("selftest_only.py", "x = 1\ntype X = int\n"),
            ("main_only.py", "x = 1\ntype X = int\n"),
        ],
    );
    write(
        &t.0,
        "app.py",
        "import tool\nprint(tool.helper())\ntry:\n    import selftest_only\n\
         except ImportError as e:\n    print(type(e).__name__, e)\n",
    );
    let (ok, err) = freeze(&t.0, &["--stdlib", &lib, "--verbose"]);
    assert!(!ok, "the app itself imports selftest_only: {err}");
    assert!(err.contains("selftest_only.py:2:1: unsupported"), "{err}");
    write(&t.0, "app.py", "import tool\nprint(tool.helper() + 1)\n");
    let (ok, err) = freeze(&t.0, &["--stdlib", &lib, "--verbose"]);
    assert!(ok, "{err}");
    assert!(
        err.contains("absent selftest_only: does not compile: "),
        "{err}"
    );
    assert!(!err.contains("main_only"), "guarded by __main__: {err}");
    assert_eq!(run(&t.0), "2\n");
}
