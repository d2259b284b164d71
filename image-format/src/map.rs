//! Read-only mapping of an image for serving (implementation pending).

use crate::reader::{Image, ImageError};
use std::path::Path;

/// A validated image mapped read-only from a private, unlinked, fsynced copy of the file.
pub struct MappedImage {
    _private: (),
}

#[allow(unused)]
impl MappedImage {
    /// Copies `path` privately, maps it `PROT_READ`, validates it in full.
    pub fn open(path: &Path) -> Result<MappedImage, ImageError> {
        unimplemented!()
    }
    /// The validated view.
    pub fn image(&self) -> Image<'_> {
        unimplemented!()
    }
    /// Keeps the mapping for the rest of the process's life.
    pub fn leak(self) -> Image<'static> {
        unimplemented!()
    }
    /// Address range of the mapping, for the memory report.
    pub fn range(&self) -> std::ops::Range<usize> {
        unimplemented!()
    }
}
