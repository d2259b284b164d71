//! The registry of native modules: each module CPython writes in C is one file here and one
//! row in [`REGISTRY`].
