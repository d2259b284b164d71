//! Read-only mapping of an image for serving (pending).
/// A validated image mapped read-only from a private, unlinked copy of the file.
pub struct MappedImage {}
