//! The bytecode verifier (pending).
