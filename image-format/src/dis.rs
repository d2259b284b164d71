//! The disassembler behind `permafrost dis` (implementation pending).

use crate::reader::Image;

/// Every code object's co_* fields and its disassembly with line numbers, as text.
pub fn render_text(image: &Image<'_>) -> String {
    let _ = image;
    unimplemented!()
}

/// A JSON list with one object per code object, keyed by the co_* names.
pub fn render_json(image: &Image<'_>) -> serde_json::Value {
    let _ = image;
    unimplemented!()
}
