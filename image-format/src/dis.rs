//! The disassembler behind `permafrost dis` (pending).
