//! Round trip of a hand-built image through the writer and the zero-copy reader, and the
//! reader's lookups.

mod common;

use common::*;
use permafrost_image::{aligned_copy, ConstView, Image, ImgBytes, ImgStr};

#[test]
fn every_field_survives_the_round_trip() {
    let builder = sample_builder();
    let bytes = permafrost_image::write_image(&builder).unwrap();
    let buf = aligned_copy(&bytes);
    let image = Image::parse(&buf).unwrap();
    assert_eq!(to_builder(&image), builder);
}

#[test]
fn writing_is_deterministic() {
    assert_eq!(sample_image_bytes(), sample_image_bytes());
}

#[test]
fn lookups_by_name() {
    let bytes = sample_image_bytes();
    let buf = aligned_copy(&bytes);
    let image = Image::parse(&buf).unwrap();
    assert_eq!(image.find_function("app.f"), Some(1));
    assert_eq!(image.find_function("app.<module>"), Some(0));
    assert_eq!(image.find_function("util.<module>"), Some(2));
    assert_eq!(image.find_function("util.f"), None);
    assert_eq!(image.find_function("app.g"), None);
    assert_eq!(image.find_function(""), None);
    assert_eq!(image.find_module("util").map(|m| m.code), Some(2));
    assert!(image.find_module("nope").is_none());
    assert_eq!(image.main_module().name.as_str(), "app");
    assert_eq!(image.module_count(), 2);
    let util = image.find_module("util").expect("util");
    assert_eq!(util.file.as_str(), "/src/util/__init__.py");
    assert!(util.package && !image.main_module().package);
    assert_eq!(util.origin, permafrost_image::Origin::Path);
    assert_eq!(image.main_module().origin, permafrost_image::Origin::App);
    assert_eq!(image.absent_count(), 1);
    assert_eq!(image.absent_module(0).as_str(), "_winapi");
}

#[test]
fn line_numbers_and_handlers() {
    let bytes = sample_image_bytes();
    let buf = aligned_copy(&bytes);
    let image = Image::parse(&buf).unwrap();
    let f = image.code(1);
    assert_eq!(f.line_of(0), 2);
    assert_eq!(f.line_of(3), 2);
    assert_eq!(f.line_of(4), 3);
    assert_eq!(f.line_of(8), 3);
    assert_eq!(f.handler_for(0).map(|e| e.handler), Some(4));
    assert_eq!(f.handler_for(3).map(|e| e.handler), Some(4));
    assert_eq!(f.handler_for(4), None);
    assert_eq!(f.code_bytes().len(), f.code().len() * 4);
    assert_eq!(&f.code_bytes()[..4], &f.code()[0].to_le_bytes());
}

#[test]
fn strings_are_one_pointer_and_carry_their_metadata() {
    assert_eq!(std::mem::size_of::<ImgStr<'static>>(), 8);
    assert_eq!(std::mem::size_of::<ImgBytes<'static>>(), 8);
    let bytes = sample_image_bytes();
    let buf = aligned_copy(&bytes);
    let image = Image::parse(&buf).unwrap();
    let ConstView::Tuple(items) = image.code(0).consts().get(2) else {
        panic!("constant 2 of the module is the tuple");
    };
    let ConstView::Str(s) = items.get(9) else {
        panic!("item 9 is a str");
    };
    assert_eq!(s.as_str(), "héllo ☃");
    assert_eq!(s.char_len(), 7);
    assert_eq!(s.byte_len(), "héllo ☃".len());
    assert!(!s.is_ascii());
    assert_eq!(s.hash(), permafrost_image::str_hash("héllo ☃".as_bytes()));
    // SAFETY: the pointer comes from `as_ptr` of a str of `image`, which is alive.
    let back = unsafe { ImgStr::from_ptr(s.as_ptr()) };
    assert_eq!(back.as_str(), "héllo ☃");
    let ConstView::Bytes(b) = items.get(11) else {
        panic!("item 11 is bytes");
    };
    // SAFETY: as above, for bytes.
    let back = unsafe { ImgBytes::from_ptr(b.as_ptr()) };
    assert_eq!(back.as_bytes(), &[0, 0xff, b'\'']);
    let ascii = image.code(1).varnames().get(0);
    assert!(ascii.is_ascii());
    assert_eq!(ascii.as_str(), "x");
}

#[test]
fn misaligned_buffer_is_an_error_not_ub() {
    let bytes = sample_image_bytes();
    // An aligned copy with one leading byte: the image proper starts at an odd address.
    let buf = aligned_copy(&[vec![0u8], bytes].concat());
    let err = Image::parse(&buf[1..]).unwrap_err();
    assert_eq!(err.section, "header");
    assert!(err.message.contains("not 8-byte aligned"), "{err}");
}

#[test]
fn empty_builder_without_modules_is_rejected() {
    let err = permafrost_image::write_image(&Default::default()).unwrap_err();
    assert!(err.contains("main module"), "{err}");
}

#[test]
fn dis_text_and_json() {
    let bytes = sample_image_bytes();
    let buf = aligned_copy(&bytes);
    let image = Image::parse(&buf).unwrap();
    let text = permafrost_image::dis::render_text(&image);
    assert!(text.contains("co_qualname:        f"), "{text}");
    assert!(text.contains("LOAD_CONST"), "{text}");
    assert!(text.contains("BINARY_OP                   0 (+)"), "{text}");
    assert!(text.contains("(x)"), "{text}");
    assert!(text.contains(">>"), "{text}");
    assert!(text.contains("'héllo ☃'"), "{text}");
    assert!(text.contains("-18446744073709551617"), "{text}");
    assert!(
        text.contains("(<code object f at #1, file \"app.py\", line 1>)"),
        "{text}"
    );
    let json = permafrost_image::dis::render_json(&image);
    let codes = json.as_array().unwrap();
    assert_eq!(codes.len(), 3);
    let f = &codes[1];
    assert_eq!(f["co_name"], "f");
    assert_eq!(f["co_argcount"], 1);
    assert_eq!(f["co_varnames"], serde_json::json!(["x", "y"]));
    assert_eq!(f["co_consts"], serde_json::json!(["None", "1"]));
    assert_eq!(f["co_code"].as_str().unwrap().len(), 9 * 8);
    assert_eq!(f["co_lines"], serde_json::json!([[0, 16, 2], [16, 36, 3]]));
    assert_eq!(f["co_exceptiontable"][0]["target"], 16);
    assert_eq!(f["instructions"][2]["opname"], "BINARY_OP");
    assert_eq!(f["instructions"][2]["argrepr"], "+");
    for key in [
        "co_filename",
        "co_qualname",
        "co_firstlineno",
        "co_posonlyargcount",
        "co_kwonlyargcount",
        "co_flags",
        "co_stacksize",
        "co_names",
        "co_freevars",
        "co_cellvars",
    ] {
        assert!(f.get(key).is_some(), "missing {key}");
    }
}
