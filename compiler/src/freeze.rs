//! `permafrost freeze` with import following: finds every module the program imports,
//! transitively, on a search path (the main file's directory, each `--path`, then CPython
//! 3.11's `Lib/`), compiles each once, and records the standard library's imports that were
//! not found as absent modules.
//!
//! Every `import` and `from ... import` statement counts, wherever it is (module level,
//! function and class bodies, `if`/`try` blocks): the set of modules is decided statically.
//! A module the program's own code imports and that cannot be found is an error, unless the
//! import sits in a `try` body whose handlers catch `ImportError` (the program has a
//! fallback). Relative imports that CPython would reject at run time (no parent package, or
//! beyond the top-level package) are left for the run to raise.

use crate::error::SourceMap;
use permafrost_image::{ImageBuilder, Module, Origin};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Where the standard library comes from.
#[derive(Clone, Debug, Default)]
pub enum Stdlib {
    /// `python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'`.
    #[default]
    Discover,
    /// A given `Lib/` directory.
    Dir(PathBuf),
    /// No standard library on the search path.
    Disabled,
}

/// What `freeze_program` needs.
#[derive(Clone, Debug, Default)]
pub struct FreezeOptions {
    /// Source files; the first is the main module, the others modules named by their stem.
    pub files: Vec<PathBuf>,
    /// Where to write the image.
    pub output: PathBuf,
    /// Extra search directories (`--path`), after the main file's directory.
    pub paths: Vec<PathBuf>,
    /// The standard library directory, searched last.
    pub stdlib: Stdlib,
    /// Modules the interpreter provides natively (found without a source file).
    pub native: Vec<String>,
    /// Store the standard library's sources too (the program's own are always stored), so
    /// tracebacks through stdlib frames show their source lines.
    pub stdlib_sources: bool,
}

/// What `freeze_program` did.
#[derive(Clone, Debug, Default)]
pub struct FreezeReport {
    /// Code objects written.
    pub codes: usize,
    /// Modules compiled into the image.
    pub modules: Vec<String>,
    /// Modules the standard library imports that were not found, or that did not compile
    /// (those are also in `uncompiled`).
    pub absent: Vec<String>,
    /// Standard-library modules reached only through other standard-library modules whose
    /// source does not compile here, with the reason: absent at run time instead of failing
    /// the freeze (the import graph over-approximates: `pickle` imports `doctest` inside a
    /// self-test function).
    pub uncompiled: Vec<(String, String)>,
    /// Size of the image file.
    pub bytes: usize,
    /// The standard library directory used, if any.
    pub stdlib: Option<PathBuf>,
}

/// The `MAGIC_NUMBER` ranges of `importlib/_bootstrap_external.py` by CPython version: the
/// bytecode magic number changes with every release's bytecode, so it dates a `Lib/`
/// directory exactly, whatever its path or packaging.
const MAGIC_RANGES: &[(u32, u32, &str)] = &[
    (3430, 3449, "3.10"),
    (3450, 3499, "3.11"),
    (3500, 3549, "3.12"),
    (3550, 3599, "3.13"),
    (3600, 3649, "3.14"),
    (3650, 3699, "3.15"),
];

/// The CPython version whose `Lib/` is `dir`, read from its bytecode magic number.
pub fn stdlib_version(dir: &Path) -> Result<String, String> {
    let marker = dir.join("importlib").join("_bootstrap_external.py");
    let text = std::fs::read_to_string(&marker).map_err(|e| {
        format!(
            "{}: not a CPython standard library directory (cannot read {}: {e})",
            dir.display(),
            marker.display()
        )
    })?;
    let magic = text
        .lines()
        .find_map(|l| l.strip_prefix("MAGIC_NUMBER = ("))
        .and_then(|rest| rest.split(')').next())
        .and_then(|n| n.trim().parse::<u32>().ok())
        .ok_or_else(|| format!("{}: no MAGIC_NUMBER line", marker.display()))?;
    Ok(MAGIC_RANGES
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&magic))
        .map(|(_, _, v)| v.to_string())
        .unwrap_or_else(|| {
            if magic < 3430 {
                format!("3.9 or older (bytecode magic {magic})")
            } else {
                format!("unknown (bytecode magic {magic})")
            }
        }))
}

/// The standard library directory to search, checked to be CPython 3.11's.
fn stdlib_dir(choice: &Stdlib) -> Result<Option<PathBuf>, String> {
    let dir = match choice {
        Stdlib::Disabled => return Ok(None),
        Stdlib::Dir(d) => d.clone(),
        Stdlib::Discover => {
            let out = std::process::Command::new("python3")
                // Isolated: PYTHONPATH and user site settings must not move Lib/.
                .args([
                    "-I",
                    "-c",
                    "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
                ])
                .output()
                .map_err(|e| {
                    format!(
                        "cannot find CPython 3.11's standard library: running python3: {e} \
                         (install python3.11, or pass --stdlib DIR or --no-stdlib)"
                    )
                })?;
            if !out.status.success() {
                return Err(format!(
                    "cannot find CPython 3.11's standard library: python3 failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
            PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
        }
    };
    let version = stdlib_version(&dir)?;
    if version != "3.11" {
        return Err(format!(
            "{}: the standard library of Python {version}; permafrost needs CPython 3.11's \
             (pass --stdlib DIR with a 3.11 Lib/, or --no-stdlib)",
            dir.display()
        ));
    }
    Ok(Some(dir))
}

/// A module found on the search path.
#[derive(Clone, Debug)]
enum Found {
    /// Provided by the interpreter.
    Native,
    /// A source file.
    Source {
        path: PathBuf,
        package: bool,
        origin: Origin,
    },
}

/// One module to compile, and who imported it first (for error chains).
struct Entry {
    name: String,
    path: PathBuf,
    package: bool,
    origin: Origin,
    /// `(importing entry, "file:line")` of the first import.
    by: Option<(usize, String)>,
}

struct Finder {
    roots: Vec<(PathBuf, Origin)>,
    native: Vec<String>,
    /// Explicitly listed files, by module name.
    explicit: HashMap<String, PathBuf>,
    cache: HashMap<String, Option<Found>>,
}

/// `dir/name/__init__.py` (a package) or `dir/name.py`.
fn look_in(dir: &Path, name: &str, origin: Origin) -> Option<Found> {
    let init = dir.join(name).join("__init__.py");
    if init.is_file() {
        return Some(Found::Source {
            path: init,
            package: true,
            origin,
        });
    }
    let file = dir.join(format!("{name}.py"));
    if file.is_file() {
        return Some(Found::Source {
            path: file,
            package: false,
            origin,
        });
    }
    None
}

impl Finder {
    fn find(&mut self, name: &str) -> Option<Found> {
        if let Some(f) = self.cache.get(name) {
            return f.clone();
        }
        let found = match name.rsplit_once('.') {
            None => {
                if self.native.iter().any(|n| n == name) {
                    Some(Found::Native)
                } else if let Some(p) = self.explicit.get(name) {
                    Some(Found::Source {
                        path: p.clone(),
                        package: false,
                        origin: Origin::App,
                    })
                } else {
                    self.roots
                        .iter()
                        .find_map(|(dir, origin)| look_in(dir, name, *origin))
                }
            }
            Some((parent, last)) => match self.find(parent) {
                Some(Found::Source {
                    path,
                    package: true,
                    origin,
                }) => path.parent().and_then(|dir| look_in(dir, last, origin)),
                _ => None,
            },
        };
        self.cache.insert(name.to_string(), found.clone());
        found
    }

    /// The parent of dotted `name` when it exists but is a plain module.
    fn not_a_package(&mut self, name: &str) -> Option<String> {
        let (parent, _) = name.rsplit_once('.')?;
        match self.find(parent) {
            Some(Found::Native) | Some(Found::Source { package: false, .. }) => {
                Some(parent.to_string())
            }
            _ => None,
        }
    }

    /// The directories searched for `name`, for error messages.
    fn searched(&mut self, name: &str) -> Vec<String> {
        match name.rsplit_once('.') {
            Some((parent, _)) => match self.find(parent) {
                Some(Found::Source {
                    path,
                    package: true,
                    ..
                }) => path
                    .parent()
                    .map(|d| vec![d.display().to_string()])
                    .unwrap_or_default(),
                _ => Vec::new(),
            },
            None => self
                .roots
                .iter()
                .map(|(d, _)| d.display().to_string())
                .collect(),
        }
    }
}

/// One import statement's module requests.
struct ImportSite {
    line: u32,
    /// The statement as written (`import a.b`, `from . import x`).
    text: String,
    /// Whether a `try` around it catches `ImportError`.
    guarded: bool,
    /// Absolute module names it needs (each with its parents).
    required: Vec<String>,
    /// Names that are submodules if they exist, attributes otherwise.
    optional: Vec<String>,
    /// `from m import *`: the submodules `m.__all__` names are imported too.
    star: bool,
}

/// Whether an `except` clause's type catches `ImportError`.
fn catches_import_error(handler: &ast::ExceptHandler) -> bool {
    let ast::ExceptHandler::ExceptHandler(h) = handler;
    let Some(t) = &h.type_ else {
        return true;
    };
    let catches = |e: &Expr| {
        let name = match e {
            Expr::Name(n) => n.id.as_str(),
            Expr::Attribute(a) => a.attr.as_str(),
            _ => return false,
        };
        matches!(
            name,
            "ImportError" | "ModuleNotFoundError" | "Exception" | "BaseException"
        )
    };
    match t.as_ref() {
        Expr::Tuple(items) => items.elts.iter().any(catches),
        e => catches(e),
    }
}

/// The package a module's relative imports start from (`__package__`): itself for a
/// package, its parent for a submodule, none for a top-level module or the main module.
fn package_of(name: &str, package: bool, is_main: bool) -> Option<String> {
    if is_main {
        return None;
    }
    if package {
        return Some(name.to_string());
    }
    name.rsplit_once('.').map(|(p, _)| p.to_string())
}

/// Collects the import statements of `body`, nested blocks included. Recursion follows the
/// statement nesting, which the compiler thread's stack allows for.
fn collect_imports(
    src: &SourceMap<'_>,
    body: &[Stmt],
    package: Option<&str>,
    guarded: bool,
    not_main: bool,
    out: &mut Vec<ImportSite>,
) {
    for stmt in body {
        match stmt {
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = alias.name.as_str().to_string();
                    out.push(ImportSite {
                        line: src.line(i.start()),
                        text: format!("import {name}"),
                        guarded,
                        required: vec![name],
                        optional: Vec::new(),
                        star: false,
                    });
                }
            }
            Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                if i.level == 0 && module == "__future__" {
                    continue;
                }
                let names: Vec<&str> = i.names.iter().map(|a| a.name.as_str()).collect();
                let text = format!(
                    "from {}{module} import {}",
                    ".".repeat(i.level as usize),
                    names.join(", ")
                );
                let base = if i.level == 0 {
                    Some(module.to_string())
                } else {
                    // As CPython's resolve_name; unresolvable ones raise at run time.
                    package.filter(|p| !p.is_empty()).and_then(|p| {
                        let parts: Vec<&str> = p.split('.').collect();
                        let up = i.level as usize - 1;
                        (up < parts.len()).then(|| {
                            let base = parts[..parts.len() - up].join(".");
                            if module.is_empty() {
                                base
                            } else {
                                format!("{base}.{module}")
                            }
                        })
                    })
                };
                let Some(base) = base else { continue };
                out.push(ImportSite {
                    line: src.line(i.start()),
                    text,
                    guarded,
                    optional: names
                        .iter()
                        .filter(|n| **n != "*")
                        .map(|n| format!("{base}.{n}"))
                        .collect(),
                    required: vec![base],
                    star: names.contains(&"*"),
                });
            }
            Stmt::FunctionDef(f) => collect_imports(src, &f.body, package, guarded, not_main, out),
            Stmt::ClassDef(c) => collect_imports(src, &c.body, package, guarded, not_main, out),
            Stmt::If(s) => {
                // A module other than the main one never has `__name__ == "__main__"`: the
                // block's imports (a stdlib module's self-test: `heapq` imports `doctest`)
                // never run.
                if !(not_main && is_main_guard(&s.test)) {
                    collect_imports(src, &s.body, package, guarded, not_main, out);
                }
                for clause in &s.elif_else_clauses {
                    collect_imports(src, &clause.body, package, guarded, not_main, out);
                }
            }
            Stmt::For(s) => {
                collect_imports(src, &s.body, package, guarded, not_main, out);
                collect_imports(src, &s.orelse, package, guarded, not_main, out);
            }
            Stmt::While(s) => {
                collect_imports(src, &s.body, package, guarded, not_main, out);
                collect_imports(src, &s.orelse, package, guarded, not_main, out);
            }
            Stmt::With(s) => collect_imports(src, &s.body, package, guarded, not_main, out),
            Stmt::Match(m) => {
                for case in &m.cases {
                    collect_imports(src, &case.body, package, guarded, not_main, out);
                }
            }
            Stmt::Try(t) => {
                let catches = t.handlers.iter().any(catches_import_error);
                collect_imports(src, &t.body, package, guarded || catches, not_main, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    collect_imports(src, &h.body, package, guarded, not_main, out);
                }
                collect_imports(src, &t.orelse, package, guarded, not_main, out);
                collect_imports(src, &t.finalbody, package, guarded, not_main, out);
            }
            _ => {}
        }
    }
}

/// Whether `test` is `__name__ == "__main__"` (either way round).
fn is_main_guard(test: &Expr) -> bool {
    let Expr::Compare(c) = test else {
        return false;
    };
    if c.ops.len() != 1 || !matches!(c.ops[0], ast::CmpOp::Eq) {
        return false;
    }
    let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == "__name__");
    let is_main = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str() == "__main__");
    let (l, r) = (&*c.left, &c.comparators[0]);
    (is_name(l) && is_main(r)) || (is_main(l) && is_name(r))
}

/// The string items of a module-level `__all__ = [...]` / `(...)` (and `__all__ += ...`),
/// for the submodules a star import of a package brings in.
fn literal_all(body: &[Stmt]) -> Vec<String> {
    let mut out = Vec::new();
    let items = |e: &Expr, out: &mut Vec<String>| {
        let elts = match e {
            Expr::List(l) => &l.elts,
            Expr::Tuple(t) => &t.elts,
            _ => return,
        };
        for elt in elts {
            if let Expr::StringLiteral(s) = elt {
                out.push(s.value.to_str().to_string());
            }
        }
    };
    for stmt in body {
        match stmt {
            Stmt::Assign(a)
                if a.targets
                    .iter()
                    .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == "__all__")) =>
            {
                out.clear();
                items(&a.value, &mut out);
            }
            Stmt::AugAssign(a) if matches!(&*a.target, Expr::Name(n) if n.id.as_str() == "__all__") =>
            {
                items(&a.value, &mut out);
            }
            _ => {}
        }
    }
    out
}

/// Standard-library modules whose work imports modules by a computed name, which the
/// import graph cannot see: a `codecs` lookup imports `encodings` (CPython imports it at
/// start-up) and `encodings` imports the codec's module. The codecs the interpreter
/// implements itself come along; the program importing `encodings` brings in every codec
/// module (see [`package_modules`]). `sysconfig` imports its build-time data module by a
/// name made of the platform's triplet (`sys.implementation._multiarch`).
const IMPLIED: &[(&str, &[&str])] = &[
    ("sysconfig", &[SYSCONFIGDATA]),
    (
        "codecs",
        &[
            "encodings",
            "encodings.aliases",
            "encodings.utf_8",
            "encodings.utf_8_sig",
            "encodings.ascii",
            "encodings.latin_1",
            "encodings.utf_16",
            "encodings.utf_16_le",
            "encodings.utf_16_be",
            "encodings.utf_32",
            "encodings.utf_32_le",
            "encodings.utf_32_be",
            "encodings.unicode_escape",
            "encodings.raw_unicode_escape",
            // The bytes-to-bytes and text transforms `codecs.encode`/`decode` are used for.
            "encodings.hex_codec",
            "encodings.base64_codec",
            "encodings.zlib_codec",
            "encodings.rot_13",
        ],
    ),
];

/// The platform triplet CPython's build records as `sys.implementation._multiarch`.
#[cfg(target_arch = "x86_64")]
pub const MULTIARCH: &str = "x86_64-linux-gnu";
#[cfg(target_arch = "aarch64")]
pub const MULTIARCH: &str = "aarch64-linux-gnu";
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
pub const MULTIARCH: &str = "";

/// `sysconfig`'s build-time data module on this platform (CPython names it
/// `_sysconfigdata_{abiflags}_{platform}_{multiarch}`).
#[cfg(target_arch = "x86_64")]
const SYSCONFIGDATA: &str = "_sysconfigdata__linux_x86_64-linux-gnu";
#[cfg(target_arch = "aarch64")]
const SYSCONFIGDATA: &str = "_sysconfigdata__linux_aarch64-linux-gnu";
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const SYSCONFIGDATA: &str = "_sysconfigdata__linux_";

/// The package whose modules are imported by computed name (`encodings.search_function`).
const ENCODINGS: &str = "encodings";

/// Modules named by literals in calls that import by name at run time:
/// `importlib.import_module("m")`, `__import__("m")` and `test.support`'s
/// `import_fresh_module("m", fresh=["n"])`; each with the offset of its call.
fn literal_dynamic_imports(suite: &[Stmt]) -> Vec<(ruff_text_size::TextSize, String)> {
    struct Calls(Vec<(ruff_text_size::TextSize, String)>);
    impl<'a> ast::visitor::Visitor<'a> for Calls {
        fn visit_expr(&mut self, e: &'a Expr) {
            if let Expr::Call(c) = e {
                let callee = match &*c.func {
                    Expr::Name(n) => n.id.as_str(),
                    Expr::Attribute(a) => a.attr.as_str(),
                    _ => "",
                };
                if matches!(
                    callee,
                    "import_module" | "__import__" | "import_fresh_module"
                ) {
                    let lit = |e: &Expr| match e {
                        Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
                        _ => None,
                    };
                    let mut names: Vec<String> =
                        c.arguments.args.first().and_then(lit).into_iter().collect();
                    if callee == "import_fresh_module" {
                        for k in &c.arguments.keywords {
                            if k.arg.as_ref().is_some_and(|a| a.as_str() == "fresh") {
                                if let Expr::List(l) = &k.value {
                                    names.extend(l.elts.iter().filter_map(lit));
                                } else if let Expr::Tuple(t) = &k.value {
                                    names.extend(t.elts.iter().filter_map(lit));
                                }
                            }
                        }
                    }
                    for n in names {
                        // Relative names (`import_module(".x", pkg)`) need the package: skip.
                        if !n.is_empty() && !n.starts_with('.') {
                            self.0.push((c.start(), n));
                        }
                    }
                }
            }
            ast::visitor::walk_expr(self, e);
        }
    }
    let mut calls = Calls(Vec::new());
    ast::visitor::Visitor::visit_body(&mut calls, suite);
    calls.0
}

/// Collects the str literals short enough to be a codec's name.
struct ShortLits(Vec<String>);

impl<'a> ast::visitor::Visitor<'a> for ShortLits {
    fn visit_expr(&mut self, e: &'a Expr) {
        if let Expr::StringLiteral(s) = e {
            let t = s.value.to_str();
            if !t.is_empty() && t.len() <= 40 {
                self.0.push(t.to_string());
            }
        }
        ast::visitor::walk_expr(self, e);
    }
}

/// The str literals of `suite` short enough to be a codec's name.
fn short_str_literals(suite: &[Stmt]) -> Vec<String> {
    let mut lits = ShortLits(Vec::new());
    ast::visitor::Visitor::visit_body(&mut lits, suite);
    lits.0
}

/// The string literals in the encoding argument of `x.encode(...)`/`x.decode(...)` calls
/// and in `encoding=` arguments (`name.decode(self.encoding or "cp437")` gives `cp437`):
/// the codecs a standard-library module asks for by name, which the codec search imports
/// by computed name.
fn codec_call_literals(suite: &[Stmt]) -> Vec<String> {
    struct Lits(Vec<String>);
    impl<'a> ast::visitor::Visitor<'a> for Lits {
        fn visit_expr(&mut self, e: &'a Expr) {
            if let Expr::Call(call) = e {
                let keyword = call
                    .arguments
                    .keywords
                    .iter()
                    .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "encoding"))
                    .map(|k| &k.value);
                let positional = match &*call.func {
                    Expr::Attribute(attr) if matches!(attr.attr.as_str(), "encode" | "decode") => {
                        call.arguments.args.first()
                    }
                    _ => None,
                };
                let mut lits = ShortLits(Vec::new());
                for arg in positional.into_iter().chain(keyword) {
                    ast::visitor::Visitor::visit_expr(&mut lits, arg);
                }
                self.0.extend(lits.0);
            }
            ast::visitor::walk_expr(self, e);
        }
    }
    let mut lits = Lits(Vec::new());
    ast::visitor::Visitor::visit_body(&mut lits, suite);
    lits.0
}

/// `encodings.aliases.aliases` read from the standard library's source: alias to module name.
fn codec_aliases(finder: &mut Finder) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Some(Found::Source { path, .. }) = finder.find("encodings.aliases") else {
        return out;
    };
    let Ok(source) = std::fs::read_to_string(&path) else {
        return out;
    };
    let Ok(parsed) = ruff_python_parser::parse_module(&source) else {
        return out;
    };
    for stmt in parsed.suite() {
        if let Stmt::Assign(a) = stmt {
            if let Expr::Dict(d) = &*a.value {
                for item in &d.items {
                    if let (Some(Expr::StringLiteral(k)), Expr::StringLiteral(v)) =
                        (&item.key, &item.value)
                    {
                        out.insert(k.value.to_str().to_string(), v.value.to_str().to_string());
                    }
                }
            }
        }
    }
    out
}

/// The `encodings` module a codec lookup of `name` imports, as `encodings.search_function`
/// finds it: the name lower-cased, runs of punctuation made one `_`, then its alias.
fn codec_module(aliases: &HashMap<String, String>, name: &str) -> Option<String> {
    let mut norm = String::new();
    let mut gap = false;
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if gap && !norm.is_empty() {
                norm.push('_');
            }
            norm.push(c);
            gap = false;
        } else if c.is_alphanumeric() {
            return None;
        } else {
            gap = true;
        }
    }
    if norm.is_empty() {
        return None;
    }
    let module = aliases
        .get(&norm)
        .or_else(|| aliases.get(&norm.replace('.', "_")))
        .cloned()
        .unwrap_or(norm);
    (!module.contains('.')).then(|| format!("{ENCODINGS}.{module}"))
}

/// Every module file directly inside package `name` (sorted), as dotted names.
fn package_modules(finder: &mut Finder, name: &str) -> Vec<String> {
    let Some(Found::Source {
        path,
        package: true,
        ..
    }) = finder.find(name)
    else {
        return Vec::new();
    };
    let Some(dir) = path.parent() else {
        return Vec::new();
    };
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let file = e.file_name().into_string().ok()?;
                    let stem = file.strip_suffix(".py")?;
                    let path = e.path();
                    (stem != "__init__" && path.is_file() && self_contained(finder, &path))
                        .then(|| format!("{name}.{stem}"))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Whether the module at `path` imports nothing but `codecs`, `encodings` and native modules:
/// the text codecs. The others (`idna`, `bz2_codec`, the CJK codecs ...) bring in large parts of
/// the library or modules the interpreter lacks; a program gets them by importing them.
fn self_contained(finder: &mut Finder, path: &Path) -> bool {
    let Ok(source) = std::fs::read_to_string(path) else {
        return false;
    };
    let Ok(parsed) = ruff_python_parser::parse_module(&source) else {
        return false;
    };
    let file = path.display().to_string();
    let src = SourceMap::new(&file, &source);
    let mut sites = Vec::new();
    collect_imports(
        &src,
        parsed.suite(),
        Some(ENCODINGS),
        false,
        true,
        &mut sites,
    );
    sites.iter().all(|site| {
        site.required.iter().all(|r| {
            let top = r.split('.').next().unwrap_or("");
            top == "codecs" || top == ENCODINGS || matches!(finder.find(r), Some(Found::Native))
        })
    })
}

/// Adds module `name` to the queue if it is found and new; whether it exists.
fn enqueue(
    finder: &mut Finder,
    entries: &mut Vec<Entry>,
    index: &mut HashMap<String, usize>,
    name: &str,
    by: (usize, &str),
) -> bool {
    if index.contains_key(name) {
        return true;
    }
    match finder.find(name) {
        Some(Found::Native) => true,
        Some(Found::Source {
            path,
            package,
            origin,
        }) => {
            index.insert(name.to_string(), entries.len());
            entries.push(Entry {
                name: name.to_string(),
                path,
                package,
                origin,
                by: Some((by.0, by.1.to_string())),
            });
            true
        }
        None => false,
    }
}

/// A script path as CPython 3.11 shows it in `__main__.__file__`: the working directory
/// joined to the path as given, not normalised.
fn script_path(p: &Path) -> PathBuf {
    if p.is_absolute() {
        return p.to_path_buf();
    }
    match std::env::current_dir() {
        Ok(cwd) => PathBuf::from(format!("{}/{}", cwd.display(), p.display())),
        Err(_) => p.to_path_buf(),
    }
}

/// `os.path.abspath`: absolute, with `.` and `..` resolved lexically (a `PYTHONPATH` entry).
fn abspath(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Freezes a program and everything it imports; see the module documentation.
pub fn freeze_program(opts: &FreezeOptions) -> Result<FreezeReport, String> {
    crate::on_compiler_thread(|| freeze_here(opts))
}

fn freeze_here(opts: &FreezeOptions) -> Result<FreezeReport, String> {
    let Some(main) = opts.files.first() else {
        return Err("freeze: no source files given".into());
    };
    let stdlib = stdlib_dir(&opts.stdlib)?;
    let main = script_path(main);
    // `sys.path[0]`: the script's directory with symlinks resolved.
    let main_dir = main.parent().map(Path::to_path_buf).unwrap_or_default();
    let main_dir = std::fs::canonicalize(&main_dir).unwrap_or(main_dir);
    let mut roots = vec![(main_dir, Origin::App)];
    for p in &opts.paths {
        if !p.is_dir() {
            return Err(format!("--path {}: not a directory", p.display()));
        }
        roots.push((abspath(p), Origin::Path));
    }
    if let Some(dir) = &stdlib {
        roots.push((dir.clone(), Origin::Stdlib));
    }
    let stem = |path: &Path| {
        path.file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .ok_or_else(|| format!("{}: cannot derive a module name", path.display()))
    };
    let mut entries = vec![Entry {
        name: stem(&main)?,
        path: main.clone(),
        package: false,
        origin: Origin::App,
        by: None,
    }];
    let mut explicit = HashMap::new();
    // `encodings.aliases`, read once the first app module names a codec-like literal.
    let mut aliases: Option<HashMap<String, String>> = None;
    for f in &opts.files[1..] {
        let path = script_path(f);
        let name = stem(&path)?;
        if entries.iter().any(|e| e.name == name) {
            return Err(format!(
                "{}: duplicate module name '{name}'",
                path.display()
            ));
        }
        explicit.insert(name.clone(), path.clone());
        entries.push(Entry {
            name,
            path,
            package: false,
            origin: Origin::App,
            by: None,
        });
    }
    let mut finder = Finder {
        roots,
        native: opts.native.clone(),
        explicit,
        cache: HashMap::new(),
    };
    let mut index: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.clone(), i))
        .collect();
    let mut absent: Vec<String> = Vec::new();
    let mut uncompiled: Vec<(String, String)> = Vec::new();
    // Packages star-imported so far, and the `__all__` of each package compiled so far.
    let mut star_targets: HashSet<String> = HashSet::new();
    let mut alls: HashMap<String, Vec<String>> = HashMap::new();
    let mut builder = ImageBuilder::default();
    let mut next = 0;
    while next < entries.len() {
        let here = next;
        next += 1;
        let e = &entries[here];
        let filename = e.path.display().to_string();
        let chain = |entries: &[Entry], mut at: usize| {
            let mut s = String::new();
            while let Some((by, site)) = &entries[at].by {
                s.push_str(&format!("\n  imported by {site}"));
                at = *by;
            }
            s
        };
        let source = std::fs::read_to_string(&e.path)
            .map_err(|err| format!("{filename}: cannot read: {err}{}", chain(&entries, here)))?;
        let src = SourceMap::new(&filename, &source);
        // Reached only from other standard-library code: a failure to compile makes the
        // module absent rather than failing the freeze.
        let tolerated = e.origin == Origin::Stdlib
            && matches!(&e.by, Some((by, _)) if entries[*by].origin == Origin::Stdlib);
        // Compiling only appends code objects: a failed module is undone by truncating.
        let codes_before = builder.codes.len();
        let compiled = ruff_python_parser::parse_module(&source)
            .map_err(|err| src.parse_error(err.range(), &err.error).to_string())
            .and_then(|parsed| {
                crate::limits::check(&src, parsed.tokens()).map_err(|err| err.to_string())?;
                let code = crate::codegen::compile_module(&src, parsed.suite(), &mut builder)
                    .map_err(|err| err.to_string())?;
                Ok((parsed, code))
            });
        let (parsed, code) = match compiled {
            Ok(done) => done,
            Err(reason) if tolerated => {
                builder.codes.truncate(codes_before);
                uncompiled.push((e.name.clone(), reason));
                continue;
            }
            Err(reason) => return Err(format!("{reason}{}", chain(&entries, here))),
        };
        builder.modules.push(Module {
            name: e.name.clone(),
            code,
            file: filename.clone(),
            package: e.package,
            origin: e.origin,
            source: (e.origin != Origin::Stdlib || opts.stdlib_sources).then(|| source.clone()),
        });
        let package = package_of(&e.name, e.package, here == 0);
        let own_code = e.origin != Origin::Stdlib;
        if e.origin == Origin::Stdlib {
            if let Some((_, implied)) = IMPLIED.iter().find(|(m, _)| *m == e.name) {
                let at = format!("{filename}:1");
                for name in implied.iter() {
                    enqueue(&mut finder, &mut entries, &mut index, name, (here, &at));
                }
            }
        }
        {
            // A codec named by a literal (`s.encode("cp1252")`) is imported by computed
            // name when the lookup runs: bring its module, and `encodings`, along. The
            // application's code is read for any such literal, the standard library's for
            // the encoding arguments of `encode`/`decode` calls only.
            let mut codecs = Vec::new();
            let lits = if own_code {
                short_str_literals(parsed.suite())
            } else {
                codec_call_literals(parsed.suite())
            };
            for lit in lits {
                let aliases = aliases.get_or_insert_with(|| codec_aliases(&mut finder));
                if let Some(m) = codec_module(aliases, &lit) {
                    codecs.push(m);
                }
            }
            let at = format!("{filename}:1");
            for m in codecs {
                if matches!(finder.find(&m), Some(Found::Source { .. })) {
                    enqueue(
                        &mut finder,
                        &mut entries,
                        &mut index,
                        ENCODINGS,
                        (here, &at),
                    );
                    enqueue(&mut finder, &mut entries, &mut index, &m, (here, &at));
                }
            }
        }
        let mut sites = Vec::new();
        collect_imports(
            &src,
            parsed.suite(),
            package.as_deref(),
            false,
            here != 0,
            &mut sites,
        );
        for (at, name) in literal_dynamic_imports(parsed.suite()) {
            sites.push(ImportSite {
                line: src.line(at),
                text: format!("import_module({name:?})"),
                // Whether it exists is the run's business, as for an `import` under `try`.
                guarded: true,
                required: vec![name],
                optional: Vec::new(),
                star: false,
            });
        }
        for site in sites {
            let at = format!("{filename}:{}", site.line);
            let mut wanted: Vec<(String, bool)> = Vec::new();
            for r in &site.required {
                // Parents first: importing `a.b.c` imports `a` and `a.b`.
                let mut prefix = String::new();
                for part in r.split('.') {
                    if !prefix.is_empty() {
                        prefix.push('.');
                    }
                    prefix.push_str(part);
                    wanted.push((prefix.clone(), true));
                }
            }
            wanted.extend(site.optional.iter().map(|o| (o.clone(), false)));
            if own_code && wanted.iter().any(|(n, _)| n == ENCODINGS) {
                for name in package_modules(&mut finder, ENCODINGS) {
                    enqueue(&mut finder, &mut entries, &mut index, &name, (here, &at));
                }
            }
            for (name, required) in wanted {
                if name == entries[0].name && entries[0].origin == Origin::App {
                    // The main module imported by name runs again as a module of its own.
                    let copy = format!("{name}{}", permafrost_image::IMPORTED_MAIN_SUFFIX);
                    if !index.contains_key(&copy) {
                        index.insert(copy.clone(), entries.len());
                        let (path, package) = (entries[0].path.clone(), entries[0].package);
                        entries.push(Entry {
                            name: copy,
                            path,
                            package,
                            origin: Origin::App,
                            by: Some((here, at.clone())),
                        });
                    }
                    continue;
                }
                if name == "__main__" {
                    // The running main module, always present.
                    continue;
                }
                if enqueue(&mut finder, &mut entries, &mut index, &name, (here, &at)) {
                    continue;
                }
                if !required {
                    continue;
                }
                // A stdlib module may register submodules itself (`os` puts `os.path` in
                // `sys.modules`): only the run can tell.
                let dynamic = finder.not_a_package(&name).is_some()
                    && name.rsplit_once('.').is_some_and(|(parent, _)| {
                        matches!(
                            finder.find(parent),
                            Some(Found::Source {
                                origin: Origin::Stdlib,
                                ..
                            })
                        )
                    });
                if own_code && !site.guarded && !dynamic {
                    let why = match finder.not_a_package(&name) {
                        Some(parent) => format!("; '{parent}' is not a package"),
                        None => format!(" (searched: {})", finder.searched(&name).join(", ")),
                    };
                    return Err(format!(
                        "{at}: {}: no module named '{name}'{why}{}",
                        site.text,
                        chain(&entries, here)
                    ));
                }
                if !own_code && !absent.contains(&name) {
                    absent.push(name);
                }
                // The parents are missing, so the rest of the dotted name is too.
                break;
            }
            if site.star {
                let base = &site.required[0];
                star_targets.insert(base.clone());
                for sub in alls.get(base).cloned().unwrap_or_default() {
                    enqueue(
                        &mut finder,
                        &mut entries,
                        &mut index,
                        &format!("{base}.{sub}"),
                        (here, &at),
                    );
                }
            }
        }
        if entries[here].package {
            // A star import of this package brings in the submodules its `__all__` names.
            let names = literal_all(parsed.suite());
            let me = entries[here].name.clone();
            if star_targets.contains(&me) {
                let at = format!("{filename}:1");
                for sub in &names {
                    enqueue(
                        &mut finder,
                        &mut entries,
                        &mut index,
                        &format!("{me}.{sub}"),
                        (here, &at),
                    );
                }
            }
            alls.insert(me, names);
        }
    }
    // A module compiled after all is not absent (found through another path).
    absent.retain(|a| !index.contains_key(a));
    absent.extend(uncompiled.iter().map(|(name, _)| name.clone()));
    absent.sort();
    builder.absent = absent.clone();
    let bytes = permafrost_image::write_image(&builder)?;
    std::fs::write(&opts.output, &bytes)
        .map_err(|e| format!("{}: cannot write: {e}", opts.output.display()))?;
    Ok(FreezeReport {
        codes: builder.codes.len(),
        modules: builder.modules.iter().map(|m| m.name.clone()).collect(),
        absent,
        uncompiled,
        bytes: bytes.len(),
        stdlib,
    })
}
