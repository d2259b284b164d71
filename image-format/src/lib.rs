//! # permafrost-image: the frozen image
//!
//! This crate holds the one file format everything else reads: the instruction set
//! ([`opcode`]), the owned model the compiler fills ([`model`]), the writer that lays it out
//! ([`writer`]), the zero-copy reader that validates a whole image once — bounds, UTF-8,
//! checksums, every table index, and the bytecode verifier — and then hands out views that
//! need no further checks ([`reader`], [`verify`]), the read-only mapping used for serving
//! ([`map`]) and the disassembler behind `permafrost dis` ([`dis`]).
//!
//! It may touch files (to map them) and nothing else: no interpreter state, no processes.
//! The layout is specified in `docs/image-format.md`; keep the two in step.

#[cfg(not(target_endian = "little"))]
compile_error!("permafrost images are little-endian and read in place: little-endian hosts only");

pub mod dis;
pub mod map;
pub mod model;
pub mod opcode;
pub mod reader;
pub mod verify;
pub mod writer;

pub use map::MappedImage;
pub use model::{CodeObject, Constant, ExceptionEntry, ImageBuilder, LineEntry, Module};
pub use reader::{
    CodeView, ConstList, ConstView, Image, ImageError, ImgBytes, ImgStr, ModuleView, StrList,
};
pub use writer::write_image;

/// The hash of a str's UTF-8 bytes, stored in every string record of the image and used by
/// the interpreter for every str, so that image strings and heap strings agree.
#[inline]
pub fn str_hash(bytes: &[u8]) -> u64 {
    // FNV-1a, 64-bit, then a final avalanche so low bits are usable as a table index.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}
