//! Bad input: truncation, bit flips, wrong magic or version, hostile bytecode and structural
//! surgery. Every case must be an `ImageError` naming the section and offset, never a panic.

mod common;

use common::*;
use permafrost_image::layout::{
    hdr, module_flags, SectionKind, CODE_RECORD_LEN, FIXED_HEADER_LEN, HEADER_LEN,
    MODULE_RECORD_LEN, NO_INDEX, SECTION_ENTRY_LEN,
};
use permafrost_image::opcode::{encode, Opcode::*};
use permafrost_image::writer::write_image_unchecked;
use permafrost_image::{CodeObject, Constant, ExceptionEntry, ImageBuilder, ImageError, LineEntry};

/// (offset, length) of each section from the section table.
fn sections(bytes: &[u8]) -> Vec<(usize, usize)> {
    (0..SectionKind::ALL.len())
        .map(|i| {
            let at = FIXED_HEADER_LEN + i * SECTION_ENTRY_LEN;
            let u = |o: usize| u32::from_le_bytes(bytes[o..o + 4].try_into().unwrap()) as usize;
            (u(at + 8), u(at + 12))
        })
        .collect()
}

#[test]
fn truncation_at_every_length_is_rejected() {
    let bytes = sample_image_bytes();
    let mut boundaries: Vec<usize> = sections(&bytes)
        .iter()
        .flat_map(|&(o, l)| [o, o + l])
        .collect();
    boundaries.extend([0, 1, 7, 8, HEADER_LEN - 1, HEADER_LEN, bytes.len() - 1]);
    for len in boundaries.into_iter().chain(0..bytes.len()) {
        if len >= bytes.len() {
            continue;
        }
        let err = parse_result(&bytes[..len]).expect_err("a truncated image must be rejected");
        assert_eq!(err.section, "header", "length {len}: {err}");
        assert!(
            err.message.contains("truncated") || err.message.contains("magic"),
            "length {len}: {err}"
        );
    }
    let mut longer = bytes.clone();
    longer.extend_from_slice(&[0; 16]);
    let err = parse_result(&longer).unwrap_err();
    assert!(err.message.contains("trailing"), "{err}");
}

#[test]
fn thousands_of_random_bit_flips_are_all_rejected() {
    let bytes = sample_image_bytes();
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..4000 {
        let mut corrupt = bytes.clone();
        let bit = rng.below(bytes.len() * 8);
        corrupt[bit / 8] ^= 1 << (bit % 8);
        // Every byte is covered by a checksum, so every single-bit flip is caught.
        let err = parse_result(&corrupt).expect_err("a flipped bit must be rejected");
        assert!(err.offset <= bytes.len() as u64, "bit {bit}: {err}");
    }
}

#[test]
fn bit_flips_behind_repaired_checksums_never_panic() {
    // With the checksums repaired, the structural checks alone face the corruption.
    let bytes = sample_image_bytes();
    let mut rng = XorShift(0x1234_5678_9abc_def1);
    let mut accepted = 0;
    for _ in 0..4000 {
        let mut corrupt = bytes.clone();
        for _ in 0..1 + rng.below(3) {
            let bit = HEADER_LEN * 8 + rng.below((bytes.len() - HEADER_LEN) * 8);
            corrupt[bit / 8] ^= 1 << (bit % 8);
        }
        fix_checksums(&mut corrupt);
        if parse_result(&corrupt).is_ok() {
            // Possible only where a flip leaves a different but valid image (an int constant,
            // a line number, a flag bit): then the views must still read consistently.
            accepted += 1;
            let buf = permafrost_image::aligned_copy(&corrupt);
            let image = permafrost_image::Image::parse(&buf).unwrap();
            let _ = permafrost_image::dis::render_text(&image);
        }
    }
    assert!(
        accepted < 4000,
        "the structural checks must catch most flips"
    );
}

#[test]
fn wrong_magic_and_version() {
    let bytes = sample_image_bytes();
    let mut crlf = bytes.clone();
    crlf[4] = b'\n'; // "\r\n" -> "\n\n", as a text-mode transfer would
    let err = parse_result(&crlf).unwrap_err();
    assert_eq!((err.section, err.offset), ("header", 0));
    assert!(err.message.contains("text-mode"), "{err}");

    let mut other = bytes.clone();
    other[..8].copy_from_slice(b"\x7fELF\x02\x01\x01\x00");
    let err = parse_result(&other).unwrap_err();
    assert!(err.message.contains("not a permafrost image"), "{err}");

    // The next version, which this build cannot read.
    let next = permafrost_image::layout::VERSION + 1;
    let mut v2 = bytes.clone();
    v2[hdr::VERSION] = next as u8;
    fix_checksums(&mut v2);
    let err = parse_result(&v2).unwrap_err();
    assert_eq!((err.section, err.offset), ("header", hdr::VERSION as u64));
    assert!(
        err.message
            .contains(&format!("unsupported format version {next}")),
        "{err}"
    );
}

#[test]
fn checksums_name_what_they_cover() {
    let bytes = sample_image_bytes();
    let mut payload = bytes.clone();
    *payload.last_mut().unwrap() ^= 0x40;
    let err = parse_result(&payload).unwrap_err();
    assert!(err.message.contains("payload checksum"), "{err}");
    let mut header = bytes.clone();
    header[hdr::FLAGS] ^= 1;
    let err = parse_result(&header).unwrap_err();
    assert!(err.message.contains("header checksum"), "{err}");
}

/// Builds an image whose function `f` has the given bytecode and tables.
fn with_function(code: Vec<u32>, stacksize: u32, edit: impl FnOnce(&mut CodeObject)) -> Vec<u8> {
    let mut builder = sample_builder();
    let f = &mut builder.codes[1];
    f.code = code;
    f.stacksize = stacksize;
    f.exceptiontable.clear();
    f.linetable = vec![LineEntry { start: 0, line: 2 }];
    f.positions.clear();
    edit(f);
    write_image_unchecked(&builder).unwrap()
}

fn bytecode_error(
    code: Vec<u32>,
    stacksize: u32,
    edit: impl FnOnce(&mut CodeObject),
) -> ImageError {
    let bytes = with_function(code, stacksize, edit);
    let err = parse_result(&bytes).expect_err("hostile bytecode must be rejected");
    assert!(err.message.contains("code object 1 (f)"), "{err}");
    err
}

fn ret() -> [u32; 2] {
    [encode(LOAD_CONST, 0), encode(RETURN_VALUE, 0)]
}

#[test]
fn position_tables_must_cover_the_code() {
    let pos = |line| permafrost_image::Position {
        line,
        end_line: line,
        col: Some(0),
        end_col: Some(3),
    };
    let ok = with_function(ret().to_vec(), 1, |f| f.positions = vec![pos(2), pos(3)]);
    assert!(parse_result(&ok).is_ok());
    for positions in [vec![pos(2)], vec![pos(2), pos(2), pos(2)]] {
        let err = bytecode_error(ret().to_vec(), 1, |f| f.positions = positions);
        assert!(err.message.contains("positions: runs cover"), "{err}");
    }
}

#[test]
fn the_sample_function_passes_the_verifier() {
    let bytes = with_function(ret().to_vec(), 1, |_| {});
    assert!(parse_result(&bytes).is_ok());
}

#[test]
fn unknown_opcode() {
    let err = bytecode_error(vec![0xff, ret()[0], ret()[1]], 1, |_| {});
    assert_eq!(err.section, "bytecode");
    assert!(
        err.message
            .contains("instruction 0 (offset 0): unknown opcode 0xff"),
        "{err}"
    );
    let code_off =
        sections(&with_function(ret().to_vec(), 1, |_| {}))[SectionKind::Bytecode.index()].0;
    assert!(err.offset >= code_off as u64, "{err}");
}

#[test]
fn jump_past_the_end() {
    let err = bytecode_error(vec![encode(JUMP, 7), ret()[0], ret()[1]], 1, |_| {});
    assert!(
        err.message
            .contains("jump target 7 is past the end of the code (3 instructions)"),
        "{err}"
    );
}

#[test]
fn jump_into_a_different_stack_depth() {
    // The jump reaches the RETURN_VALUE with one item on the stack, the fall-through path
    // with two.
    let err = bytecode_error(
        vec![
            encode(LOAD_CONST, 0),
            encode(LOAD_CONST, 0),
            encode(POP_JUMP_IF_TRUE, 4),
            encode(LOAD_CONST, 0),
            encode(RETURN_VALUE, 0),
        ],
        3,
        |_| {},
    );
    assert!(err.message.contains("another path reaches it"), "{err}");
}

#[test]
fn stack_underflow() {
    let err = bytecode_error(vec![encode(POP_TOP, 0), ret()[0], ret()[1]], 1, |_| {});
    assert!(
        err.message
            .contains("stack underflow: needs 1 items, the stack holds 0"),
        "{err}"
    );
    let err = bytecode_error(
        vec![
            encode(LOAD_CONST, 0),
            encode(CALL, 3),
            encode(RETURN_VALUE, 0),
        ],
        4,
        |_| {},
    );
    assert!(
        err.message.contains("stack underflow: needs 4 items"),
        "{err}"
    );
}

#[test]
fn stacksize_too_small() {
    let err = bytecode_error(
        vec![
            encode(LOAD_CONST, 0),
            encode(LOAD_CONST, 0),
            encode(BUILD_TUPLE, 2),
            encode(RETURN_VALUE, 0),
        ],
        1,
        |_| {},
    );
    assert!(
        err.message.contains("stack depth 2 exceeds co_stacksize 1"),
        "{err}"
    );
}

#[test]
fn operand_out_of_range() {
    let err = bytecode_error(
        vec![encode(LOAD_CONST, 2), encode(RETURN_VALUE, 0)],
        1,
        |_| {},
    );
    assert!(
        err.message
            .contains("constant index 2 out of range (the code object has 2)"),
        "{err}"
    );
    let err = bytecode_error(
        vec![encode(LOAD_FAST, 2), encode(RETURN_VALUE, 0)],
        1,
        |_| {},
    );
    assert!(
        err.message.contains("local variable index 2 out of range"),
        "{err}"
    );
    let err = bytecode_error(
        vec![encode(LOAD_GLOBAL, 0), encode(RETURN_VALUE, 0)],
        1,
        |_| {},
    );
    assert!(err.message.contains("name index 0 out of range"), "{err}");
    let err = bytecode_error(
        vec![encode(LOAD_DEREF, 1), encode(RETURN_VALUE, 0)],
        1,
        |_| {},
    );
    assert!(
        err.message
            .contains("cell/free variable index 1 out of range"),
        "{err}"
    );
    let err = bytecode_error(
        vec![ret()[0], encode(COMPARE_OP, 6), encode(RETURN_VALUE, 0)],
        2,
        |_| {},
    );
    assert!(err.message.contains("selector 6 out of range"), "{err}");
    let err = bytecode_error(
        vec![
            ret()[0],
            ret()[0],
            encode(BINARY_OP, 13),
            encode(RETURN_VALUE, 0),
        ],
        2,
        |_| {},
    );
    assert!(err.message.contains("no such binary operator"), "{err}");
    let err = bytecode_error(vec![ret()[0], encode(RETURN_VALUE, 5)], 1, |_| {});
    assert!(err.message.contains("takes no argument"), "{err}");
    let err = bytecode_error(
        vec![ret()[0], encode(BUILD_SLICE, 5), encode(RETURN_VALUE, 0)],
        3,
        |_| {},
    );
    assert!(err.message.contains("invalid argument"), "{err}");
}

#[test]
fn falling_off_the_end_and_empty_code() {
    let err = bytecode_error(vec![encode(LOAD_CONST, 0)], 1, |_| {});
    assert!(err.message.contains("falls off the end"), "{err}");
    let err = bytecode_error(vec![], 1, |f| f.linetable.clear());
    assert!(err.message.contains("empty bytecode"), "{err}");
}

#[test]
fn bad_exception_tables() {
    let body = vec![
        encode(LOAD_CONST, 0),
        encode(RETURN_VALUE, 0),
        encode(POP_TOP, 0),
        encode(LOAD_CONST, 0),
        encode(RETURN_VALUE, 0),
    ];
    let entry = ExceptionEntry {
        start: 0,
        end: 2,
        handler: 2,
        depth: 0,
    };
    assert!(
        parse_result(&with_function(body.clone(), 1, |f| f.exceptiontable = vec![entry])).is_ok()
    );
    let err = bytecode_error(body.clone(), 1, |f| {
        f.exceptiontable = vec![ExceptionEntry {
            handler: 9,
            ..entry
        }]
    });
    assert_eq!(err.section, "exception table");
    assert!(err.message.contains("handler is past the code"), "{err}");
    let err = bytecode_error(body.clone(), 1, |f| {
        f.exceptiontable = vec![ExceptionEntry { end: 6, ..entry }]
    });
    assert!(err.message.contains("range ends past the code"), "{err}");
    let err = bytecode_error(body.clone(), 1, |f| {
        f.exceptiontable = vec![
            ExceptionEntry { end: 2, ..entry },
            ExceptionEntry {
                start: 1,
                end: 2,
                ..entry
            },
        ]
    });
    assert!(err.message.contains("overlaps"), "{err}");
    let err = bytecode_error(body.clone(), 1, |f| {
        f.exceptiontable = vec![ExceptionEntry {
            start: 1,
            end: 1,
            ..entry
        }]
    });
    assert!(err.message.contains("empty or reversed"), "{err}");
    // The handler is entered with depth + 1 items: a handler expecting more underflows nothing
    // but clashes with the depth it is entered with.
    let err = bytecode_error(body, 2, |f| {
        f.exceptiontable = vec![ExceptionEntry { depth: 1, ..entry }]
    });
    assert!(err.message.contains("keeps depth 1"), "{err}");
}

#[test]
fn bad_line_tables() {
    let err = bytecode_error(ret().to_vec(), 1, |f| {
        f.linetable = vec![
            LineEntry { start: 1, line: 3 },
            LineEntry { start: 0, line: 2 },
        ]
    });
    assert_eq!(err.section, "line table");
    assert!(err.message.contains("not sorted"), "{err}");
    let err = bytecode_error(ret().to_vec(), 1, |f| {
        f.linetable = vec![LineEntry { start: 2, line: 3 }]
    });
    assert!(err.message.contains("past the end"), "{err}");
}

#[test]
fn code_references_must_exist_and_not_cycle() {
    let mut b = sample_builder();
    b.codes[1].consts.push(Constant::Code(99));
    let err = parse_result(&write_image_unchecked(&b).unwrap()).unwrap_err();
    assert_eq!(err.section, "constants");
    assert!(
        err.message.contains("code object 99 does not exist"),
        "{err}"
    );

    let mut b = sample_builder();
    b.codes[1]
        .consts
        .push(Constant::Tuple(vec![Constant::Code(0)]));
    let err = parse_result(&write_image_unchecked(&b).unwrap()).unwrap_err();
    assert_eq!(err.section, "code objects");
    assert!(err.message.contains("a cycle"), "{err}");
    // The writer refuses to write it in the first place.
    assert!(permafrost_image::write_image(&b)
        .unwrap_err()
        .contains("a cycle"));
}

#[test]
fn constants_nested_too_deep() {
    let mut deep = Constant::None;
    for _ in 0..70 {
        deep = Constant::Tuple(vec![deep]);
    }
    let mut b = sample_builder();
    b.codes[1].consts.push(deep);
    assert!(write_image_unchecked(&b)
        .unwrap_err()
        .contains("nested deeper"));
}

#[test]
fn non_utf8_name() {
    let mut b = sample_builder();
    b.codes[1].varnames[1] = "zzzq".into();
    let mut bytes = write_image_unchecked(&b).unwrap();
    let at = bytes.windows(4).position(|w| w == b"zzzq").unwrap();
    bytes[at] = 0xff;
    fix_checksums(&mut bytes);
    let err = parse_result(&bytes).unwrap_err();
    assert_eq!((err.section, err.offset), ("strings", at as u64));
    assert!(err.message.contains("not valid UTF-8"), "{err}");
}

#[test]
fn offsets_outside_their_section() {
    let bytes = sample_image_bytes();
    let secs = sections(&bytes);
    let codes_off = secs[SectionKind::Codes.index()].0;
    // co_consts of code object 1 (field 9) pointed at the string section.
    let mut bad = bytes.clone();
    let field = codes_off + CODE_RECORD_LEN + 9 * 4;
    bad[field..field + 4].copy_from_slice(&(HEADER_LEN as u32).to_le_bytes());
    fix_checksums(&mut bad);
    let err = parse_result(&bad).unwrap_err();
    assert_eq!((err.section, err.offset), ("code objects", field as u64));
    assert!(
        err.message.contains("not inside the constants section"),
        "{err}"
    );
    // co_name of code object 0 pointing into the middle of a string record.
    let mut bad = bytes.clone();
    bad[codes_off..codes_off + 4].copy_from_slice(&(HEADER_LEN as u32 + 4).to_le_bytes());
    fix_checksums(&mut bad);
    let err = parse_result(&bad).unwrap_err();
    assert_eq!(
        (err.section, err.offset),
        ("code objects", codes_off as u64)
    );
    assert!(err.message.contains("co_name"), "{err}");
    // A section table entry placing a section beyond the file.
    let mut bad = bytes.clone();
    let entry = FIXED_HEADER_LEN + SectionKind::Bytecode.index() * SECTION_ENTRY_LEN;
    bad[entry + 8..entry + 12].copy_from_slice(&(1u32 << 30).to_le_bytes());
    fix_checksums(&mut bad);
    let err = parse_result(&bad).unwrap_err();
    assert_eq!(
        (err.section, err.offset),
        ("section table", entry as u64 + 8)
    );
}

#[test]
fn duplicate_modules_and_missing_main() {
    let mut b = sample_builder();
    b.modules[1].name = "app".into();
    let err = parse_result(&write_image_unchecked(&b).unwrap()).unwrap_err();
    assert_eq!(err.section, "modules");
    assert!(err.message.contains("appears twice"), "{err}");
    let err = parse_result(&write_image_unchecked(&ImageBuilder::default()).unwrap()).unwrap_err();
    assert!(err.message.contains("main module"), "{err}");
}

#[test]
fn module_records_are_validated() {
    let bytes = sample_image_bytes();
    let (off, _) = sections(&bytes)[SectionKind::Modules.index()];
    let patch = |rec: usize, field: usize, v: u32| {
        let mut bad = bytes.clone();
        let at = off + rec * MODULE_RECORD_LEN + field * 4;
        bad[at..at + 4].copy_from_slice(&v.to_le_bytes());
        fix_checksums(&mut bad);
        let err = parse_result(&bad).unwrap_err();
        assert_eq!(err.section, "modules", "{err}");
        err.message
    };
    // Records: app, util (a package), _winapi (absent).
    assert!(patch(0, 3, 1 << 7).contains("undefined flags"));
    assert!(patch(0, 3, 3 << 2).contains("undefined flags"));
    assert!(patch(1, 2, HEADER_LEN as u32 + 4).contains("file is not a string record"));
    assert!(patch(1, 2, NO_INDEX).contains("file is not a string record"));
    assert!(patch(2, 1, 0).contains("must be unset"));
    assert!(patch(2, 3, module_flags::ABSENT | module_flags::PACKAGE).contains("must be unset"));
    // An absent record before a present one, and a name with an empty part.
    assert!(patch(1, 3, module_flags::ABSENT).contains("must be unset"));
    let mut b = sample_builder();
    b.modules[1].name = "util.".into();
    let err = parse_result(&write_image_unchecked(&b).unwrap()).unwrap_err();
    assert!(err.message.contains("invalid name"), "{err}");
    let mut b = sample_builder();
    b.absent = vec!["app".into()];
    let err = parse_result(&write_image_unchecked(&b).unwrap()).unwrap_err();
    assert!(err.message.contains("appears twice"), "{err}");
}

#[test]
fn absent_modules_after_present_ones() {
    let bytes = sample_image_bytes();
    let (off, _) = sections(&bytes)[SectionKind::Modules.index()];
    // Swap the util and _winapi records: the absent one now precedes a present one.
    let mut bad = bytes.clone();
    let (a, b) = (off + MODULE_RECORD_LEN, off + 2 * MODULE_RECORD_LEN);
    let util: Vec<u8> = bad[a..b].to_vec();
    bad.copy_within(b..b + MODULE_RECORD_LEN, a);
    bad[b..b + MODULE_RECORD_LEN].copy_from_slice(&util);
    fix_checksums(&mut bad);
    let err = parse_result(&bad).unwrap_err();
    assert!(err.message.contains("precede absent"), "{err}");
}

/// File offset of the first constant slot with `tag`.
fn first_slot_with_tag(bytes: &[u8], tag: u32) -> usize {
    let (off, len) = sections(bytes)[SectionKind::Consts.index()];
    (off..off + len)
        .step_by(16)
        .find(|&at| bytes[at..at + 4] == tag.to_le_bytes())
        .expect("the sample has such a constant")
}

#[test]
fn tuples_cannot_contain_themselves_or_share_items() {
    let bytes = sample_image_bytes();
    let at = first_slot_with_tag(&bytes, permafrost_image::layout::tag::TUPLE);
    let mut own = bytes.clone();
    own[at + 8..at + 16].copy_from_slice(&(at as u64).to_le_bytes());
    fix_checksums(&mut own);
    let err = parse_result(&own).unwrap_err();
    assert_eq!((err.section, err.offset), ("constants", at as u64 + 8));
    assert!(
        err.message.contains("must lie after the tuple's own slot"),
        "{err}"
    );

    // Point the tuple at the slot right after it: those slots already belong to a list.
    let mut shared = bytes.clone();
    shared[at + 8..at + 16].copy_from_slice(&(at as u64 + 16).to_le_bytes());
    fix_checksums(&mut shared);
    let err = parse_result(&shared).unwrap_err();
    // Found when the module's co_consts claims the slot the tuple took over.
    assert_eq!(err.section, "code objects");
    assert!(err.message.contains("belongs to two lists"), "{err}");
}

#[test]
fn name_index_entries_must_match_their_keys() {
    let bytes = sample_image_bytes();
    let (off, _) = sections(&bytes)[SectionKind::NameIndex.index()];
    let slot = (off..bytes.len())
        .step_by(16)
        .find(|&at| bytes[at + 8..at + 12] != [0xff; 4])
        .unwrap();
    let mut bad = bytes.clone();
    bad[slot] ^= 1;
    fix_checksums(&mut bad);
    let err = parse_result(&bad).unwrap_err();
    assert_eq!((err.section, err.offset), ("name index", slot as u64));
    assert!(err.message.contains("hash does not match"), "{err}");

    let mut dangling = bytes.clone();
    dangling[slot + 12..slot + 16].copy_from_slice(&77u32.to_le_bytes());
    fix_checksums(&mut dangling);
    let err = parse_result(&dangling).unwrap_err();
    assert!(
        err.message.contains("code object 77 does not exist"),
        "{err}"
    );
}

#[test]
fn random_words_behind_repaired_checksums_never_panic() {
    // Overwrites aligned 32-bit words with small numbers, huge numbers or offsets into the
    // image: the values most likely to slip past a range check that is off by one.
    let bytes = sample_image_bytes();
    let mut rng = XorShift(0x0dd_ba11_cafe_f00d);
    for _ in 0..4000 {
        let mut corrupt = bytes.clone();
        let word = HEADER_LEN / 4 + rng.below((bytes.len() - HEADER_LEN) / 4);
        let value = match rng.below(4) {
            0 => rng.below(8) as u32,
            1 => u32::MAX - rng.below(8) as u32,
            2 => rng.below(bytes.len() + 64) as u32,
            _ => rng.next() as u32,
        };
        corrupt[word * 4..word * 4 + 4].copy_from_slice(&value.to_le_bytes());
        fix_checksums(&mut corrupt);
        let buf = permafrost_image::aligned_copy(&corrupt);
        match permafrost_image::Image::parse(&buf) {
            Ok(image) => {
                // Whatever was accepted must read back without trouble.
                let _ = permafrost_image::dis::render_json(&image);
                let _ = to_builder(&image);
            }
            Err(e) => assert!(e.offset <= bytes.len() as u64, "{e}"),
        }
    }
}
