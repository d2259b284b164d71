//! Fuzzes the image reader: any bytes must give an `ImageError` or a valid image whose views
//! all work. Under `cfg(fuzzing)` the reader skips the checksum comparison so that mutations
//! reach the structural checks and the bytecode verifier.
#![no_main]

use libfuzzer_sys::fuzz_target;
use permafrost_image::{aligned_copy, Image};

fuzz_target!(|data: &[u8]| {
    let buf = aligned_copy(data);
    if let Ok(image) = Image::parse(&buf) {
        let _ = permafrost_image::dis::render_text(&image);
        let _ = permafrost_image::dis::render_json(&image);
        for i in 0..image.code_count() {
            let code = image.code(i);
            for j in 0..code.code().len() as u32 + 1 {
                let _ = code.line_of(j);
                let _ = code.handler_for(j);
            }
            let _ =
                image.find_function(&format!("{}.{}", image.main_module().name, code.qualname()));
        }
    }
});
