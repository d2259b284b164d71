//! The position table of a code object: for each instruction, the source span CPython 3.11's
//! `co_positions()` gives it (`line`, `end_line`, `col`, `end_col`; columns are UTF-8 byte
//! offsets within their line). It is stored as one blob per code object, run-length encoded
//! with variable-length integers, and decoded only when a traceback or `co_positions()` asks.
//!
//! Encoding: a sequence of runs of instructions sharing one span. A run starts with a header
//! byte: bits 0..2 are its form, bits 2..8 its instruction count minus one (63: the count
//! minus 64 follows as an unsigned LEB128 number). Then, by form (numbers are unsigned
//! LEB128; a line is the zigzag-encoded difference from the previous run's line, or from
//! `co_firstlineno` for the first run):
//!
//! - 0, one line, the previous run's: `col`, `end_col - col`;
//! - 1, one line: line, `col`, `end_col - col`;
//! - 2, any span: line, `end_line - line`, `col + 1`, `end_col + 1` (0: unknown);
//! - 3, no columns: line, `end_line - line`.
//!
//! The counts add up to the code's length.

/// The source span of one instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based first line.
    pub line: u32,
    /// 1-based last line (`>= line`).
    pub end_line: u32,
    /// UTF-8 byte offset of the span's start within `line`, if known.
    pub col: Option<u32>,
    /// UTF-8 byte offset of the span's end within `end_line`, if known.
    pub end_col: Option<u32>,
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn opt(v: Option<u32>) -> u64 {
    v.map_or(0, |c| c as u64 + 1)
}

fn zigzag(delta: i64) -> u64 {
    ((delta << 1) ^ (delta >> 63)) as u64
}

/// Encodes one position per instruction (see the module documentation).
pub fn encode(firstlineno: u32, positions: &[Position]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev_line = firstlineno as i64;
    let mut i = 0;
    while i < positions.len() {
        let p = positions[i];
        let mut n = 1;
        while i + n < positions.len() && positions[i + n] == p {
            n += 1;
        }
        let delta = p.line as i64 - prev_line;
        let one_line = match (p.col, p.end_col) {
            (Some(c), Some(e)) if p.end_line == p.line && e >= c => Some((c, e - c)),
            _ => None,
        };
        let form: u8 = match one_line {
            Some(_) if delta == 0 => 0,
            Some(_) => 1,
            None if p.col.is_none() && p.end_col.is_none() => 3,
            None => 2,
        };
        let count = (n - 1).min(63) as u8;
        out.push(form | (count << 2));
        if n >= 64 {
            put(&mut out, (n - 64) as u64);
        }
        if form != 0 {
            put(&mut out, zigzag(delta));
        }
        match (form, one_line) {
            (0 | 1, Some((col, width))) => {
                put(&mut out, col as u64);
                put(&mut out, width as u64);
            }
            _ => {
                put(&mut out, p.end_line.saturating_sub(p.line) as u64);
                if form == 2 {
                    put(&mut out, opt(p.col));
                    put(&mut out, opt(p.end_col));
                }
            }
        }
        prev_line = p.line as i64;
        i += n;
    }
    out
}

/// A cursor over an encoded table; yields `(run length, position)`.
struct Runs<'a> {
    bytes: &'a [u8],
    at: usize,
    line: i64,
}

impl Runs<'_> {
    fn num(&mut self) -> Result<u64, String> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(format!("truncated number at byte {}", self.at));
            };
            self.at += 1;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return if v > u32::MAX as u64 {
                    Err(format!("number {v} exceeds 32 bits"))
                } else {
                    Ok(v)
                };
            }
        }
        Err(format!("number longer than 5 bytes at byte {}", self.at))
    }

    fn next_run(&mut self) -> Result<Option<(u32, Position)>, String> {
        let Some(&h) = self.bytes.get(self.at) else {
            return Ok(None);
        };
        self.at += 1;
        let form = h & 3;
        let mut n = (h >> 2) as u64 + 1;
        if n == 64 {
            n += self.num()?;
            if n > u32::MAX as u64 {
                return Err(format!("run of {n} instructions"));
            }
        }
        let mut line = self.line;
        if form != 0 {
            let z = self.num()?;
            line += ((z >> 1) as i64) ^ -((z & 1) as i64);
        }
        if !(0..=u32::MAX as i64).contains(&line) {
            return Err(format!("line {line} out of range"));
        }
        self.line = line;
        let (end_line, col, end_col) = if form <= 1 {
            let col = self.num()?;
            let end_col = col + self.num()?;
            if end_col > u32::MAX as u64 {
                return Err(format!("end column {end_col} out of range"));
            }
            (line as u64, Some(col as u32), Some(end_col as u32))
        } else {
            let end_line = line as u64 + self.num()?;
            let (col, end_col) = if form == 2 {
                let col = self.num()?.checked_sub(1).map(|c| c as u32);
                let end_col = self.num()?.checked_sub(1).map(|c| c as u32);
                (col, end_col)
            } else {
                (None, None)
            };
            (end_line, col, end_col)
        };
        if end_line > u32::MAX as u64 {
            return Err(format!("end line {end_line} out of range"));
        }
        Ok(Some((
            n as u32,
            Position {
                line: line as u32,
                end_line: end_line as u32,
                col,
                end_col,
            },
        )))
    }
}

/// Checks an encoded table for a code object of `code_len` instructions.
///
/// Every code object's table is checked at load, so the common case goes through
/// [`quick_check`], a tight loop with no error values; a table it does not accept is
/// walked again by [`explain`], which applies the same rules and says what is wrong.
pub fn validate(bytes: &[u8], firstlineno: u32, code_len: u32) -> Result<(), String> {
    if quick_check(bytes, firstlineno, code_len).is_some() {
        return Ok(());
    }
    explain(bytes, firstlineno, code_len)
}

/// One unsigned LEB128 number of at most 5 bytes and 32 bits, or `None`.
#[inline(always)]
fn quick_num(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let b = *bytes.get(*at)?;
    *at += 1;
    if b < 0x80 {
        return Some(b as u64);
    }
    let mut v = (b & 0x7f) as u64;
    for shift in [7, 14, 21, 28] {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return (v <= u32::MAX as u64).then_some(v);
        }
    }
    None
}

/// `Some` exactly when [`explain`] accepts the table (a unit test compares the two).
fn quick_check(bytes: &[u8], firstlineno: u32, code_len: u32) -> Option<()> {
    const MAX: u64 = u32::MAX as u64;
    let mut at = 0;
    let mut line = firstlineno as u64;
    let mut total: u64 = 0;
    while let Some(&h) = bytes.get(at) {
        at += 1;
        let form = h & 3;
        let mut n = (h >> 2) as u64 + 1;
        if n == 64 {
            n += quick_num(bytes, &mut at)?;
            if n > MAX {
                return None;
            }
        }
        if form != 0 {
            let z = quick_num(bytes, &mut at)?;
            let l = line as i64 + (((z >> 1) as i64) ^ -((z & 1) as i64));
            if !(0..=MAX as i64).contains(&l) {
                return None;
            }
            line = l as u64;
        }
        if form <= 1 {
            let col = quick_num(bytes, &mut at)?;
            if col + quick_num(bytes, &mut at)? > MAX {
                return None;
            }
        } else {
            if line + quick_num(bytes, &mut at)? > MAX {
                return None;
            }
            if form == 2 {
                quick_num(bytes, &mut at)?;
                quick_num(bytes, &mut at)?;
            }
        }
        total += n;
        if total > code_len as u64 {
            return None;
        }
    }
    (total == code_len as u64).then_some(())
}

/// The full walk behind [`validate`]: the first fault, described.
fn explain(bytes: &[u8], firstlineno: u32, code_len: u32) -> Result<(), String> {
    let mut runs = Runs {
        bytes,
        at: 0,
        line: firstlineno as i64,
    };
    let mut total: u64 = 0;
    while let Some((n, _)) = runs.next_run()? {
        total += n as u64;
        if total > code_len as u64 {
            return Err(format!(
                "runs cover more than the code's {code_len} instructions"
            ));
        }
    }
    if total != code_len as u64 {
        return Err(format!(
            "runs cover {total} of the code's {code_len} instructions"
        ));
    }
    Ok(())
}

/// The position of instruction `index` in a validated table.
pub fn position_of(bytes: &[u8], firstlineno: u32, index: u32) -> Option<Position> {
    let mut runs = Runs {
        bytes,
        at: 0,
        line: firstlineno as i64,
    };
    let mut start: u64 = 0;
    while let Ok(Some((n, p))) = runs.next_run() {
        start += n as u64;
        if (index as u64) < start {
            return Some(p);
        }
    }
    None
}

/// Every instruction's position, in order, from a validated table.
pub fn decode(bytes: &[u8], firstlineno: u32) -> Vec<Position> {
    let mut runs = Runs {
        bytes,
        at: 0,
        line: firstlineno as i64,
    };
    let mut out = Vec::new();
    while let Ok(Some((n, p))) = runs.next_run() {
        out.extend(std::iter::repeat_n(p, n as usize));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_check_agrees_with_the_full_walk() {
        // Random tables, and small edits of valid ones, through both checks.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut rand = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let valid = encode(
            3,
            &[
                Position {
                    line: 3,
                    end_line: 3,
                    col: Some(0),
                    end_col: Some(5),
                },
                Position {
                    line: 9,
                    end_line: 12,
                    col: Some(4),
                    end_col: None,
                },
                Position {
                    line: 2,
                    end_line: 2,
                    col: None,
                    end_col: None,
                },
                Position {
                    line: u32::MAX,
                    end_line: u32::MAX,
                    col: Some(1),
                    end_col: Some(u32::MAX),
                },
            ],
        );
        for round in 0..200_000 {
            let mut bytes = if round % 2 == 0 {
                valid.clone()
            } else {
                (0..rand() % 12).map(|_| rand() as u8).collect()
            };
            if !bytes.is_empty() && round % 4 == 0 {
                let i = rand() as usize % bytes.len();
                bytes[i] = rand() as u8;
            }
            let first = [0, 3, u32::MAX][rand() as usize % 3];
            let len = [0, 1, 4, 64, rand() as u32 % 100][rand() as usize % 5];
            assert_eq!(
                quick_check(&bytes, first, len).is_some(),
                explain(&bytes, first, len).is_ok(),
                "{bytes:?} {first} {len}"
            );
        }
    }

    #[test]
    fn round_trip() {
        let p = |line, end_line, col, end_col| Position {
            line,
            end_line,
            col,
            end_col,
        };
        let all = vec![
            p(3, 3, Some(4), Some(9)),
            p(3, 3, Some(4), Some(9)),
            p(1, 4, None, None),
            p(70000, 70001, Some(0), Some(1_000_000)),
            p(70000, 70000, Some(9), Some(4)),
            p(69990, 69990, Some(2), Some(7)),
            p(69990, 69990, Some(8), Some(10)),
            p(5, 6, None, Some(3)),
        ];
        let mut all = all;
        all.extend(std::iter::repeat_n(p(5, 5, Some(1), Some(2)), 200));
        let bytes = encode(2, &all);
        let n = all.len() as u32;
        validate(&bytes, 2, n).unwrap();
        assert!(validate(&bytes, 2, n + 1).is_err());
        assert!(validate(&bytes, 2, n - 1).is_err());
        assert_eq!(decode(&bytes, 2), all);
        assert_eq!(position_of(&bytes, 2, 1), Some(all[1]));
        assert_eq!(position_of(&bytes, 2, 3), Some(all[3]));
        assert_eq!(position_of(&bytes, 2, n), None);
        assert!(validate(&bytes[..bytes.len() - 1], 2, n).is_err());
    }
}
