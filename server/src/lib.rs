//! # permafrost-server: the `permafrost` binary's rooms
//!
//! The command line ([`cli`]) and everything that involves processes: the single-threaded
//! zygote forked before any async runtime exists, the worker pool, the tokio supervisor that
//! owns the Unix socket and speaks the JSON-lines protocol (`docs/protocol.md`), the memory
//! report read from `/proc`, and `permafrost demo`.
//!
//! It may touch processes, sockets, signals and `/proc`; it runs Python only through
//! `permafrost_worker`.

pub mod cli;
