//! # permafrost-semantics: CPython 3.11's pure semantics
//!
//! Text, numbers, formatting and hashing as pure functions over Rust values (`&str`, `i64`,
//! `f64`, `BigInt`), each agreeing with CPython 3.11 on results and on the exact exception
//! kind and message on failure ([`error::LibError`]). The interpreter wraps them in Python
//! objects; nothing here depends on it.
//!
//! It may touch nothing: no I/O, no VM, no global state.
//!
//! Modules, each using only those listed before it: [`error`] (the one error type),
//! [`text`] (`str` methods, character classes, reprs), [`number`] (int and float arithmetic,
//! conversions, text, `math`), then [`format`](mod@format) (format specs, `str.format`
//! templates, `%`-formatting) and [`hash`] (CPython's hashes), which do not use each other,
//! and [`complex`] (complex arithmetic, text and formatting), which uses them; [`suggest`]
//! (the "Did you mean" of an uncaught `NameError` or `AttributeError`) stands alone.

#![forbid(unsafe_code)]

pub mod complex;
pub mod error;
pub mod format;
pub mod hash;
pub mod number;
pub mod suggest;
pub mod text;
