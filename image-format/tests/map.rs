//! The serving mapping: a private, unlinked, read-only copy that neither truncation nor
//! rewriting of the original can affect.

mod common;

use common::*;
use permafrost_image::MappedImage;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("permafrost-map-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn truncating_or_rewriting_the_original_changes_nothing() {
    let path = scratch("app.pfi");
    std::fs::write(&path, sample_image_bytes()).unwrap();
    let mapped = MappedImage::open(&path).unwrap();
    // Shrink the original to nothing, then fill it with other bytes.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(0)
        .unwrap();
    std::fs::write(&path, vec![0xa5u8; 4096]).unwrap();
    let image = mapped.image();
    assert_eq!(to_builder(&image), sample_builder());
    let range = mapped.range();
    assert_eq!(range.len(), sample_image_bytes().len());
    assert_eq!(range.start, image.as_bytes().as_ptr() as usize);
    assert_eq!(range.start % 4096, 0);

    // The mapping is a nameless regular file, not the original and not a memfd.
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    let line = maps
        .lines()
        .find(|l| l.starts_with(&format!("{:x}-", range.start)))
        .expect("the mapping is listed");
    assert!(line.contains("(deleted)"), "{line}");
    assert!(!line.contains("memfd:"), "{line}");
    assert!(line.contains(" r--"), "mapped read-only: {line}");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn leaked_images_stay_valid() {
    let path = scratch("leak.pfi");
    std::fs::write(&path, sample_image_bytes()).unwrap();
    let image = MappedImage::open(&path).unwrap().leak();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(image.find_function("app.f"), Some(1));
    assert_eq!(image.code(1).name().as_str(), "f");
}

#[test]
fn open_reports_bad_files() {
    let err = MappedImage::open(&scratch("missing.pfi")).err().unwrap();
    assert_eq!(err.section, "file");
    assert!(err.message.contains("cannot open"), "{err}");

    let empty = scratch("empty.pfi");
    std::fs::write(&empty, b"").unwrap();
    let err = MappedImage::open(&empty).err().unwrap();
    assert_eq!(err.section, "header");
    assert!(err.message.contains("truncated"), "{err}");

    let text = scratch("text.pfi");
    std::fs::write(&text, b"print('hello')\n".repeat(40)).unwrap();
    let err = MappedImage::open(&text).err().unwrap();
    assert!(err.message.contains("bad magic"), "{err}");
}
