//! # permafrost-image: the frozen image
//!
//! This crate holds the one file format everything else reads: the instruction set
//! ([`opcode`]), the owned model the compiler fills ([`model`]), the writer that lays it out
//! ([`writer`]), the zero-copy reader that validates a whole image once — bounds, UTF-8,
//! checksums, every table index, and the bytecode verifier — and then hands out views that
//! need no further checks ([`reader`], [`verify`]), the read-only mapping used for serving
//! ([`map`]) and the disassembler behind `permafrost dis` ([`dis`]). [`layout`] holds the
//! format's numbers (header fields, section kinds, record shapes, limits).
//!
//! It may touch files (to map them) and nothing else: no interpreter state, no processes.
//! The layout is specified in `docs/image-format.md`; keep the two in step.

#[cfg(not(target_endian = "little"))]
compile_error!("permafrost images are little-endian and read in place: little-endian hosts only");

pub mod dis;
pub mod layout;
pub mod map;
pub mod model;
pub mod opcode;
pub mod positions;
pub mod reader;
pub mod verify;
pub mod wide;
pub mod writer;

pub use map::MappedImage;
pub use model::{
    CodeObject, Constant, ExceptionEntry, ImageBuilder, LineEntry, Module, Origin, Position,
    IMPORTED_MAIN_SUFFIX,
};
pub use reader::{
    CodeView, ConstList, ConstView, Image, ImageError, ImgBytes, ImgStr, ModuleView, StrList,
};
pub use writer::write_image;

/// An owned byte buffer whose start is 8-byte aligned, as [`Image::parse`] requires of the
/// bytes it reads in place (a `Vec<u8>` guarantees only 1-byte alignment).
#[derive(Clone)]
pub struct AlignedBuf {
    words: Vec<u64>,
    len: usize,
}

impl AlignedBuf {
    /// The copied bytes, starting at an 8-byte boundary.
    pub fn as_slice(&self) -> &[u8] {
        let all: &[u8] = reader::words_as_bytes(&self.words);
        &all[..self.len]
    }
}

impl std::ops::Deref for AlignedBuf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl AsRef<[u8]> for AlignedBuf {
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

/// Copies `bytes` into a fresh 8-byte-aligned buffer.
pub fn aligned_copy(bytes: &[u8]) -> AlignedBuf {
    let mut words = vec![0u64; bytes.len().div_ceil(8)];
    for (word, chunk) in words.iter_mut().zip(bytes.chunks(8)) {
        let mut le = [0u8; 8];
        le[..chunk.len()].copy_from_slice(chunk);
        *word = u64::from_le_bytes(le);
    }
    AlignedBuf {
        words,
        len: bytes.len(),
    }
}

/// The hash of a str's UTF-8 bytes, stored in every string record of the image and used by
/// the interpreter for every str, so that image strings and heap strings agree.
#[inline]
pub fn str_hash(bytes: &[u8]) -> u64 {
    // The empty str and bytes hash to 0, as in CPython (`hash("") == 0`).
    if bytes.is_empty() {
        return 0;
    }
    // FNV-1a, 64-bit, then a final avalanche so low bits are usable as a table index.
    avalanche(fnv_feed(FNV_OFFSET, bytes))
}

/// `str_hash(a ++ tail)` from `str_hash(a)` and `a`'s length, in time proportional to
/// `tail`: the avalanche is a bijection, so the FNV state it finished is recovered and fed
/// on (an empty `a`, whose hash is 0 rather than a finished state, starts afresh). An
/// in-place `s += t` keeps its hash current this way.
#[inline]
pub fn str_hash_extend(hash: u64, prefix_len: usize, tail: &[u8]) -> u64 {
    if tail.is_empty() {
        return hash;
    }
    let state = if prefix_len == 0 {
        FNV_OFFSET
    } else {
        unavalanche(hash)
    };
    avalanche(fnv_feed(state, tail))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const AVALANCHE_MUL: u64 = 0xff51_afd7_ed55_8ccd;
/// The multiplicative inverse of `AVALANCHE_MUL` modulo 2^64 (Newton's iteration: each step
/// doubles the correct low bits, from 3 for any odd number).
const AVALANCHE_MUL_INV: u64 = {
    let mut x = AVALANCHE_MUL;
    let mut i = 0;
    while i < 5 {
        x = x.wrapping_mul(2u64.wrapping_sub(AVALANCHE_MUL.wrapping_mul(x)));
        i += 1;
    }
    x
};

#[inline(always)]
fn fnv_feed(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[inline(always)]
fn avalanche(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(AVALANCHE_MUL);
    h ^= h >> 33;
    h
}

/// The inverse of `avalanche`: `x ^= x >> 33` undoes itself on 64 bits (the shift is at
/// least half the width), and the multiplication is undone by the inverse.
#[inline(always)]
fn unavalanche(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(AVALANCHE_MUL_INV);
    h ^= h >> 33;
    h
}

#[cfg(test)]
mod str_hash_tests {
    use super::*;

    #[test]
    fn extending_a_hash_equals_hashing_the_whole() {
        assert_eq!(AVALANCHE_MUL.wrapping_mul(AVALANCHE_MUL_INV), 1);
        let parts: [&[u8]; 5] = [b"", b"a", "é😀".as_bytes(), b"hello world", &[0xff; 40]];
        for a in parts {
            for b in parts {
                let whole: Vec<u8> = a.iter().chain(b).copied().collect();
                assert_eq!(str_hash_extend(str_hash(a), a.len(), b), str_hash(&whole));
            }
        }
    }
}
