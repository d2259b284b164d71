//! The image writer (pending).
use crate::model::ImageBuilder;

/// Serialises an image. Errors only when a limit of the format is exceeded.
pub fn write_image(image: &ImageBuilder) -> Result<Vec<u8>, String> {
    let _ = image;
    unimplemented!()
}
