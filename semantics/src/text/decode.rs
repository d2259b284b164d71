//! Decoding bytes to text with CPython's `UnicodeDecodeError` messages.

use crate::error::{ErrorKind, LibError, LibResult};

/// `b.decode('utf-8')` (strict): the text, or CPython's `UnicodeDecodeError` message
/// (`'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`).
pub fn decode_utf8(bytes: &[u8]) -> LibResult<&str> {
    let err = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(err) => err,
    };
    let start = err.valid_up_to();
    // Rust and CPython both report the maximal invalid subpart of the sequence.
    let (end, reason) = match err.error_len() {
        None => (bytes.len(), "unexpected end of data"),
        Some(len) => {
            let first = bytes[start];
            let invalid_start = (0x80..=0xc1).contains(&first) || first >= 0xf5;
            let reason = if invalid_start {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            (start + len, reason)
        }
    };
    let message = if end - start == 1 {
        format!(
            "'utf-8' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            bytes[start]
        )
    } else {
        format!(
            "'utf-8' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    Err(LibError::new(ErrorKind::UnicodeDecodeError, message))
}
