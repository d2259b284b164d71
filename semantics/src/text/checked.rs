//! Size-checked forms of the functions that build large strings: `MemoryError` (as CPython
//! raises when the allocation fails) instead of aborting the process.

use super::{center, char_len, expandtabs, ljust, replace, rjust, zfill};
use crate::error::{LibError, LibResult};

/// The largest str, in bytes, that the crate builds; beyond it functions that can fail
/// raise `MemoryError` (as CPython does when the allocation fails) instead of aborting the
/// process.
pub const MAX_RESULT_BYTES: u128 = 1 << 31;

/// `MemoryError` if a result of `bytes` bytes is beyond [`MAX_RESULT_BYTES`].
pub fn check_result_size(bytes: u128) -> LibResult<()> {
    if bytes > MAX_RESULT_BYTES {
        Err(LibError::memory())
    } else {
        Ok(())
    }
}

fn padded_size(s: &str, width: i64, fill: char) -> u128 {
    s.len() as u128 + (width.max(0) as u128) * fill.len_utf8() as u128
}

/// [`center`] with `MemoryError` instead of an abort for absurd widths.
pub fn try_center(s: &str, width: i64, fill: char) -> LibResult<String> {
    check_result_size(padded_size(s, width, fill))?;
    Ok(center(s, width, fill))
}

/// [`ljust`] with `MemoryError` instead of an abort for absurd widths.
pub fn try_ljust(s: &str, width: i64, fill: char) -> LibResult<String> {
    check_result_size(padded_size(s, width, fill))?;
    Ok(ljust(s, width, fill))
}

/// [`rjust`] with `MemoryError` instead of an abort for absurd widths.
pub fn try_rjust(s: &str, width: i64, fill: char) -> LibResult<String> {
    check_result_size(padded_size(s, width, fill))?;
    Ok(rjust(s, width, fill))
}

/// [`zfill`] with `MemoryError` instead of an abort for absurd widths.
pub fn try_zfill(s: &str, width: i64) -> LibResult<String> {
    check_result_size(padded_size(s, width, '0'))?;
    Ok(zfill(s, width))
}

/// [`expandtabs`] with `MemoryError` instead of an abort for absurd tab sizes.
pub fn try_expandtabs(s: &str, tabsize: i64) -> LibResult<String> {
    let tabs = s.bytes().filter(|&b| b == b'\t').count() as u128;
    check_result_size(s.len() as u128 + tabs * tabsize.max(0) as u128)?;
    Ok(expandtabs(s, tabsize))
}

/// [`replace`] with `MemoryError` instead of an abort when the result would be too large.
pub fn try_replace(s: &str, old: &str, new: &str, count: i64) -> LibResult<String> {
    if new.len() > old.len() {
        let matches = if old.is_empty() {
            char_len(s) as u128 + 1
        } else {
            s.matches(old).count() as u128
        };
        let limit = if count < 0 { u128::MAX } else { count as u128 };
        let growth = matches.min(limit) * (new.len() - old.len()) as u128;
        check_result_size(s.len() as u128 + growth)?;
    }
    Ok(replace(s, old, new, count))
}
