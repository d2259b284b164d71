//! Every program of the shared corpus (`tests/programs/`) compiles, and the image written
//! from it passes the reader's full validation (bytecode verifier and stack-depth check).

use permafrost_compiler::{compile_modules, SourceModule};
use permafrost_image::{aligned_copy, write_image, Image};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs")
}

/// The programs: each `.py` file alone, and each directory as a multi-module program whose
/// main module is `main.py`, followed by the other files in name order.
fn programs() -> Vec<Vec<PathBuf>> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(corpus_dir()) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
                .map(|rd| {
                    rd.filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|x| x == "py"))
                        .collect()
                })
                .unwrap_or_default();
            files.sort_by_key(|p| (p.file_stem().is_none_or(|s| s != "main"), p.clone()));
            if !files.is_empty() {
                out.push(files);
            }
        } else if path.extension().is_some_and(|x| x == "py") {
            out.push(vec![path]);
        }
    }
    out
}

fn compile_and_validate(files: &[PathBuf]) -> Result<usize, String> {
    let sources: Vec<(String, String, String)> = files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("main");
            Ok((stem.to_string(), p.display().to_string(), text))
        })
        .collect::<Result<_, String>>()?;
    let modules: Vec<SourceModule<'_>> = sources
        .iter()
        .map(|(name, filename, source)| SourceModule {
            name,
            filename,
            source,
        })
        .collect();
    let image = compile_modules(&modules).map_err(|e| e.to_string())?;
    let bytes = write_image(&image)?;
    let aligned = aligned_copy(&bytes);
    Image::parse(&aligned).map_err(|e| format!("{}: {e}", files[0].display()))?;
    Ok(image.codes.len())
}

/// Names of the corpus programs listed in `KNOWN_FAILURES` (one per line, `name  # reason`).
fn known_failures() -> Vec<String> {
    let text = std::fs::read_to_string(corpus_dir().join("KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The program's name in the corpus: the file stem, or the directory of a multi-module one.
fn program_name(files: &[PathBuf]) -> String {
    let first = &files[0];
    let stem = first
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if files.len() > 1 || stem == "main" {
        if let Some(dir) = first.parent().and_then(|d| d.file_name()) {
            return dir.to_string_lossy().into_owned();
        }
    }
    stem
}

/// Every corpus program compiles to an image the reader accepts. The only exception is a
/// program that uses syntax outside the subset: it must be rejected with an `unsupported:`
/// error and be listed in `KNOWN_FAILURES`.
#[test]
fn every_corpus_program_compiles_to_a_valid_image() {
    let programs = programs();
    let known = known_failures();
    let mut failures = Vec::new();
    for files in &programs {
        if let Err(e) = compile_and_validate(files) {
            let listed = known.contains(&program_name(files));
            if !(listed && e.contains(": unsupported: ")) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs failed:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
}

/// `co_stacksize` is exact: claiming one slot less makes the verifier reject the image.
#[test]
fn stack_sizes_are_exact() {
    let mut checked = 0;
    for files in programs().iter().filter(|f| {
        f[0].file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("app_"))
    }) {
        let text = std::fs::read_to_string(&files[0]).expect("readable corpus file");
        let filename = files[0].display().to_string();
        let image = compile_modules(&[SourceModule {
            name: "main",
            filename: &filename,
            source: &text,
        }])
        .expect("corpus program compiles");
        assert!(write_image(&image).is_ok());
        for i in 0..image.codes.len() {
            if image.codes[i].stacksize == 0 {
                continue;
            }
            let mut smaller = image.clone();
            smaller.codes[i].stacksize -= 1;
            assert!(
                write_image(&smaller).is_err(),
                "{filename}: {} claims {} but fits in less",
                image.codes[i].qualname,
                image.codes[i].stacksize
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no app_* programs in the corpus");
}

/// `freeze` names modules by file stem (the first file is main), records each path as given
/// in `co_filename`, and writes an image the reader accepts.
#[test]
fn freeze_writes_a_valid_image_of_every_module() {
    let dir =
        std::env::temp_dir().join(format!("permafrost-compiler-freeze-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let app = dir.join("app.py");
    let util = dir.join("util.py");
    std::fs::write(&app, "import util\nprint(util.twice(21))\n").expect("write app");
    std::fs::write(&util, "def twice(x):\n    return 2 * x\n").expect("write util");
    let out = dir.join("app.pfi");
    let count =
        permafrost_compiler::freeze(&[app.as_path(), util.as_path()], &out).expect("freezes");
    assert_eq!(count, 3, "two module bodies and one function");
    let bytes = std::fs::read(&out).expect("image written");
    let aligned = aligned_copy(&bytes);
    let image = Image::parse(&aligned).expect("valid image");
    assert_eq!(image.module_count(), 2);
    assert_eq!(image.module(0).name.as_str(), "app");
    assert_eq!(image.module(1).name.as_str(), "util");
    let util_code = image.code(image.module(1).code);
    assert_eq!(util_code.filename().as_str(), util.display().to_string());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Robustness: every variant of a corpus program with one line deleted either is rejected
/// with a positioned error or compiles to an image the verifier accepts; never a panic.
#[test]
fn single_line_deletions_compile_to_valid_images_or_clean_errors() {
    let mut compiled = 0;
    let mut rejected = 0;
    for files in programs().iter().filter(|f| {
        f.len() == 1
            && f[0].file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                [
                    "app_",
                    "try_",
                    "with_",
                    "generator",
                    "closures",
                    "control_flow",
                ]
                .iter()
                .any(|p| n.starts_with(p))
            })
    }) {
        let text = std::fs::read_to_string(&files[0]).expect("readable corpus file");
        let lines: Vec<&str> = text.lines().collect();
        for skip in 0..lines.len() {
            let variant: String = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| format!("{l}\n"))
                .collect();
            match compile_modules(&[SourceModule {
                name: "variant",
                filename: "variant.py",
                source: &variant,
            }]) {
                Ok(image) => {
                    if let Err(e) = write_image(&image) {
                        panic!(
                            "{} without line {}: invalid image: {e}",
                            files[0].display(),
                            skip + 1
                        );
                    }
                    compiled += 1;
                }
                Err(e) => {
                    assert!(e.to_string().starts_with("variant.py:"), "{e}");
                    assert!(e.line >= 1 && e.col >= 1, "{e}");
                    rejected += 1;
                }
            }
        }
    }
    assert!(
        compiled > 0 && rejected > 0,
        "compiled {compiled}, rejected {rejected}"
    );
}
