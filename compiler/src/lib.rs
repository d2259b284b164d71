//! # permafrost-compiler: Python source to frozen code objects
//!
//! Parses real Python 3 syntax with `ruff_python_parser`, resolves scopes (locals, cells,
//! free variables, globals) as CPython's symbol table does (`scope`), and emits permafrost
//! bytecode (`permafrost_image::opcode`) into an [`ImageBuilder`] (`codegen`, assembled by
//! `assemble`), which the image writer serialises. Syntax outside the supported subset is
//! a [`CompileError`] at `file:line:col`.
//!
//! It reads source files and writes the image file; it never runs code.
//!
//! ## What the code objects look like
//!
//! The layout follows CPython 3.11 so that `__code__` reads the same: `co_varnames` holds
//! the arguments and then the other fast locals in order of first use; `co_cellvars` lists
//! cells that are arguments first (in argument order, copied into their cells by a
//! `LOAD_FAST i; STORE_DEREF j` prologue) and the other cells sorted; `co_freevars` is sorted;
//! `co_qualname` adds `.<locals>` only below functions and lambdas; a function's
//! `co_consts[0]` is its docstring or `None`. Module code uses `*_GLOBAL` for every name,
//! class bodies `*_NAME` (`*_DEREF` for enclosing functions' variables).
//!
//! Early exits unwind what they leave: loop iterators are popped, `with` exits are called
//! with three `None`s, handled exceptions are popped and `finally` bodies are inlined. The
//! exception table is flat (the innermost handler of each instruction, runs merged) and
//! `co_stacksize` is the exact maximum over the control-flow graph.
//!
//! `yield from` is `GET_YIELD_FROM_ITER; LOAD_CONST None; L: YIELD_FROM end; JUMP L; end:`:
//! `YIELD_FROM` re-executes itself while delegating, and the explicit jump back gives its
//! fall-through edge the same stack depth for the verifier.
//!
//! `match` compiles as CPython 3.11 does (`codegen/patterns.rs`): captured values wait on the
//! stack and are stored once the whole pattern matched.
//!
//! `await x` is the same loop after `GET_AWAITABLE`; `async for` awaits `GET_ANEXT` under a
//! handler that `END_ASYNC_FOR` ends on `StopAsyncIteration`; `async def` bodies and async
//! comprehensions carry CPython's `CO_COROUTINE` / `CO_ASYNC_GENERATOR` flags.
//!
//! Not compiled (a `file:line:col: unsupported: ...` error): `type` aliases and type
//! parameters, `except*`, t-strings, dict unpacking in comprehensions, lone surrogate
//! escapes. Annotations are evaluated and stored as CPython 3.11 does (strings under
//! `from __future__ import annotations`); `from __future__ import ...` compiles to nothing.

mod anchors;
mod assemble;
mod codegen;
mod consts;
mod error;
mod freeze;
mod fromtree;
mod limits;
pub mod pytree;
mod scope;
mod surrogates;

pub use anchors::caret_anchors;
pub use error::CompileError;
pub use freeze::{freeze_program, stdlib_version, FreezeOptions, FreezeReport, Stdlib, MULTIARCH};
pub use fromtree::compile_tree;
pub use scope::COMPILER_DEPTH_MESSAGE;

use error::SourceMap;
use permafrost_image::{ImageBuilder, Module, Origin};
use ruff_text_size::Ranged;
use std::path::Path;

/// One module's source: its module name (the file stem), the file name recorded in
/// `co_filename`, and the text.
pub struct SourceModule<'s> {
    /// Module name: the file stem, as `import` refers to it.
    pub name: &'s str,
    /// File name recorded in `co_filename` and in error messages.
    pub filename: &'s str,
    /// The Python source text.
    pub source: &'s str,
}

/// Stack for the compiling thread: parsing and code generation recurse along the syntax
/// tree, and deeply nested (but legal) code must not overflow the caller's stack. Only the
/// pages actually touched are committed.
const COMPILER_STACK: usize = 512 << 20;

/// Compiles modules (the first is the main module) into an image model.
pub fn compile_modules(modules: &[SourceModule<'_>]) -> Result<ImageBuilder, CompileError> {
    on_compiler_thread(|| compile_on_this_thread(modules))
}

/// Runs `f` on a thread with [`COMPILER_STACK`] (or here when no thread can be had).
pub(crate) fn on_compiler_thread<T: Send>(f: impl FnOnce() -> T + Send + Copy) -> T {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("permafrost-compiler".into())
            .stack_size(COMPILER_STACK)
            .spawn_scoped(scope, f);
        match worker {
            Ok(handle) => match handle.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            // No thread to be had: compile here, with whatever stack this thread has.
            Err(_) => f(),
        }
    })
}

fn compile_on_this_thread(modules: &[SourceModule<'_>]) -> Result<ImageBuilder, CompileError> {
    let mut builder = ImageBuilder::default();
    for (i, m) in modules.iter().enumerate() {
        let src = SourceMap::new(m.filename, m.source);
        if modules[..i].iter().any(|other| other.name == m.name) {
            return Err(src.error(
                Default::default(),
                format!("duplicate module name '{}'", m.name),
            ));
        }
        let parsed = ruff_python_parser::parse_module(m.source)
            .map_err(|e| src.parse_error(e.range(), &e.error))?;
        limits::check(&src, parsed.tokens())?;
        let code = codegen::compile_module(&src, parsed.suite(), &mut builder)?;
        builder.modules.push(Module {
            name: m.name.to_string(),
            code,
            file: m.filename.to_string(),
            package: false,
            origin: Origin::App,
            source: Some(m.source.to_string()),
        });
    }
    Ok(builder)
}

/// What `compile()` makes of its source, as its `mode` argument says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DynamicMode {
    /// `exec`: a module body.
    Exec,
    /// `eval`: one expression, whose value the code returns.
    Eval,
    /// `single`: one interactive statement; expression statements print their value.
    Single,
}

/// Compiles source given at run time (`exec`, `eval`, `compile`) into an image model with one
/// module named after `filename`, whose top-level code uses `*_NAME` for its names so that it
/// can run against any globals and locals mappings. Runs on its own stack, as
/// [`compile_modules`] does.
pub fn compile_dynamic(
    source: &str,
    filename: &str,
    mode: DynamicMode,
) -> Result<ImageBuilder, CompileError> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("permafrost-compiler".into())
            .stack_size(COMPILER_STACK)
            .spawn_scoped(scope, || compile_dynamic_here(source, filename, mode));
        match worker {
            Ok(handle) => match handle.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(_) => compile_dynamic_here(source, filename, mode),
        }
    })
}

/// The record name of a unit compiled at run time: its file name, which may be anything
/// (`''`, `'a..b'`), where that is a valid dotted name.
pub(crate) fn unit_name(filename: &str) -> String {
    if filename.is_empty() || filename.split('.').any(str::is_empty) {
        "<compiled>".to_string()
    } else {
        filename.to_string()
    }
}

fn compile_dynamic_here(
    source: &str,
    filename: &str,
    mode: DynamicMode,
) -> Result<ImageBuilder, CompileError> {
    let src = SourceMap::new(filename, source);
    let mut builder = ImageBuilder::default();
    let (body, top) = match mode {
        DynamicMode::Exec | DynamicMode::Single => {
            let parsed = ruff_python_parser::parse_module(source)
                .map_err(|e| src.parse_error(e.range(), &e.error))?;
            limits::check(&src, parsed.tokens())?;
            let top = if mode == DynamicMode::Single {
                codegen::TopLevel::Single
            } else {
                codegen::TopLevel::Exec
            };
            (parsed.into_suite().into_iter().collect::<Vec<_>>(), top)
        }
        DynamicMode::Eval => {
            // Leading whitespace is allowed in eval source, as CPython strips it.
            let parsed = ruff_python_parser::parse_expression(source)
                .map_err(|e| src.parse_error(e.range(), &e.error))?;
            limits::check(&src, parsed.tokens())?;
            let expr = parsed.into_expr();
            let stmt = ruff_python_ast::Stmt::Expr(ruff_python_ast::StmtExpr {
                node_index: Default::default(),
                range: expr.range(),
                value: Box::new(expr),
            });
            (vec![stmt], codegen::TopLevel::Eval)
        }
    };
    let code = codegen::compile_top(&src, &body, &mut builder, top)?;
    builder.modules.push(Module {
        name: unit_name(filename),
        code,
        file: filename.to_string(),
        package: false,
        origin: Default::default(),
        // Run-time code has no file: CPython shows no source lines for it either.
        source: None,
    });
    Ok(builder)
}

/// `permafrost freeze`: reads the files, compiles them, writes the image to `output`.
/// Returns the number of code objects written.
pub fn freeze(files: &[&Path], output: &Path) -> Result<usize, String> {
    if files.is_empty() {
        return Err("freeze: no source files given".into());
    }
    let mut sources = Vec::with_capacity(files.len());
    for path in files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| !s.is_empty())
            .ok_or_else(|| format!("{}: cannot derive a module name", path.display()))?
            .to_string();
        sources.push((name, path.display().to_string(), text));
    }
    let modules: Vec<SourceModule<'_>> = sources
        .iter()
        .map(|(name, filename, source)| SourceModule {
            name,
            filename,
            source,
        })
        .collect();
    let image = compile_modules(&modules).map_err(|e| e.to_string())?;
    let bytes = permafrost_image::write_image(&image)?;
    std::fs::write(output, bytes)
        .map_err(|e| format!("{}: cannot write: {e}", output.display()))?;
    Ok(image.codes.len())
}
