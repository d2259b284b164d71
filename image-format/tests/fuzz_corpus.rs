//! Runs `Image::parse` over the saved fuzz seed corpus (`fuzz/corpus/reader/`) as a regression
//! test. With `PERMAFROST_WRITE_FUZZ_CORPUS=1` it first rewrites the seeds from the helpers.

mod common;

use common::*;
use permafrost_image::layout::{SectionKind, FIXED_HEADER_LEN, SECTION_ENTRY_LEN};
use permafrost_image::opcode::{encode, Opcode::*};
use permafrost_image::writer::write_image_unchecked;
use permafrost_image::{Constant, ImageBuilder, Module};
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/reader")
}

fn minimal() -> ImageBuilder {
    let mut b = ImageBuilder::default();
    let code = b.add_code(module_code("m", vec![]));
    b.modules.push(Module {
        name: "m".into(),
        code,
        ..Default::default()
    });
    b
}

/// The seeds: valid images, then corrupt ones (some with repaired checksums so a fuzzer
/// starts from inputs that reach the deep checks).
fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let sample = sample_image_bytes();
    let mut seeds = vec![
        ("valid_sample.pfi", sample.clone()),
        (
            "valid_minimal.pfi",
            permafrost_image::write_image(&minimal()).unwrap(),
        ),
        ("truncated_sample.pfi", sample[..sample.len() / 2].to_vec()),
    ];
    let mut flipped = sample.clone();
    flipped[sample.len() / 3] ^= 0x10;
    seeds.push(("bitflip_sample.pfi", flipped));
    let mut crlf = sample.clone();
    crlf[4] = b'\n';
    seeds.push(("crlf_magic.pfi", crlf));

    let mut jump = sample_builder();
    jump.codes[1].code[0] = encode(JUMP, 1000);
    let mut underflow = sample_builder();
    underflow.codes[1].code[0] = encode(POP_TOP, 0);
    let mut cycle = sample_builder();
    cycle.codes[1].consts.push(Constant::Code(0));
    for (name, b) in [
        ("jump_past_end.pfi", jump),
        ("stack_underflow.pfi", underflow),
        ("code_cycle.pfi", cycle),
    ] {
        seeds.push((name, write_image_unchecked(&b).unwrap()));
    }
    // The first occupied name-index slot gets a wrong hash.
    let mut index = sample.clone();
    let entry = FIXED_HEADER_LEN + SectionKind::NameIndex.index() * SECTION_ENTRY_LEN;
    let start = u32::from_le_bytes(index[entry + 8..entry + 12].try_into().unwrap()) as usize;
    let slot = (start..index.len())
        .step_by(16)
        .find(|&at| index[at + 8..at + 12] != [0xff; 4])
        .unwrap();
    index[slot] ^= 0x01;
    fix_checksums(&mut index);
    seeds.push(("name_index_damaged.pfi", index));
    seeds
}

/// Rewrites the seeds once per run when `PERMAFROST_WRITE_FUZZ_CORPUS` is set (both tests
/// wait for it, so neither reads a half-written file).
fn rewrite_seeds_if_asked() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("PERMAFROST_WRITE_FUZZ_CORPUS").is_some() {
            let dir = corpus_dir();
            std::fs::create_dir_all(&dir).unwrap();
            for (name, bytes) in seeds() {
                std::fs::write(dir.join(name), bytes).unwrap();
            }
        }
    });
}

#[test]
fn every_corpus_file_is_handled() {
    rewrite_seeds_if_asked();
    let dir = corpus_dir();
    let mut valid = 0;
    let mut rejected = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("the seed corpus exists")
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let bytes = std::fs::read(&path).unwrap();
        match parse_result(&bytes) {
            Ok(()) => valid += 1,
            Err(e) => {
                assert!(e.offset <= bytes.len() as u64, "{}: {e}", path.display());
                rejected += 1;
            }
        }
    }
    assert!(valid >= 2, "the corpus holds valid images");
    assert!(rejected >= 5, "the corpus holds corrupt images");
}

#[test]
fn saved_seeds_match_their_expected_verdicts() {
    rewrite_seeds_if_asked();
    for (name, _) in seeds() {
        let path = corpus_dir().join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            panic!("seed {} is missing", path.display());
        };
        assert_eq!(
            parse_result(&bytes).is_ok(),
            name.starts_with("valid_"),
            "{name}"
        );
    }
}
