//! # permafrost-worker: the interpreter
//!
//! Runs permafrost bytecode straight from a validated, mapped image. In the `permanent`
//! layout code objects and constants are read in place and never written (a str constant is
//! a value pointing into the image); objects made while preloading can be frozen immortal so
//! that reading them never writes their page. In the `transient` layout code objects and
//! constants are copied into ordinary refcounted heap objects at load, as CPython lays them
//! out. Same programs, same output; only the memory behaviour differs.
//!
//! It touches no files, sockets or processes: the server gives it an image and JSON
//! arguments, and takes back JSON results and captured output.

pub mod pyfmt;
pub mod pynum;
pub mod pystr;

use permafrost_image::Image;

/// Where code objects and constants live, and whether reading them writes refcounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Permanent,
    Transient,
}

/// An uncaught Python exception, ready to print or send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorReport {
    /// The exception's type name, e.g. `ZeroDivisionError`.
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
    /// The full CPython-format traceback text, ending with `Type: message\n`.
    pub traceback: String,
}

/// The result of one job.
#[derive(Clone, Debug)]
pub struct CallOutcome {
    pub result: Result<serde_json::Value, ErrorReport>,
    /// What the job printed.
    pub stdout: String,
}

/// One interpreter per process.
pub struct Interpreter {
    _image: Image<'static>,
    _layout: Layout,
}

impl Interpreter {
    pub fn new(image: Image<'static>, layout: Layout) -> Interpreter {
        Interpreter {
            _image: image,
            _layout: layout,
        }
    }

    /// `permafrost run`: runs the main module as `__main__`, printing to the process's stdout.
    pub fn run_main(&mut self) -> Result<(), ErrorReport> {
        unimplemented!()
    }

    /// Serving: imports every module of the image once, each under its own name.
    pub fn preload(&mut self) -> Result<(), ErrorReport> {
        unimplemented!()
    }

    /// Serving, after `preload`, before the first fork: in the `permanent` layout makes every
    /// object reachable from the loaded modules immortal; a no-op in `transient`.
    pub fn freeze_heap(&mut self) {
        unimplemented!()
    }

    /// Calls `function` (`name` in the main module or `module.name`) with JSON arguments,
    /// capturing what it prints.
    pub fn call_json(
        &mut self,
        function: &str,
        args: &[serde_json::Value],
        kwargs: &serde_json::Map<String, serde_json::Value>,
    ) -> CallOutcome {
        let _ = (function, args, kwargs);
        unimplemented!()
    }
}
