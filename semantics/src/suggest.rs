//! The "Did you mean" suggestion CPython 3.11 adds to an uncaught `NameError` or
//! `AttributeError`: the closest candidate name by an edit distance in which a change of
//! case costs half as much as any other edit, within a third of the characters involved.

/// Candidate lists this long or longer get no suggestion.
const MAX_CANDIDATES: usize = 750;
/// Names longer than this (in UTF-8 bytes, after trimming common ends) never match.
const MAX_LEN: usize = 40;
/// The cost of inserting, deleting or replacing a byte.
const MOVE: usize = 2;
/// The cost of replacing an ASCII letter by the same letter in the other case.
const CASE: usize = 1;

fn substitution(a: u8, b: u8) -> usize {
    // Bytes that differ in their low five bits cannot be case variants of each other.
    if a & 31 != b & 31 {
        return MOVE;
    }
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE
    } else {
        MOVE
    }
}

/// The edit distance of `a` and `b`, or `max + 1` as soon as it must exceed `max`.
fn distance(a: &[u8], b: &[u8], max: usize) -> usize {
    let common_start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[common_start..], &b[common_start..]);
    let common_end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a = &a[..a.len() - common_end];
    b = &b[..b.len() - common_end];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE > max {
        return max + 1;
    }
    // One row of the edit matrix, updated in place: row[i] is the cost of a[..=i] against
    // the part of b seen so far.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut diagonal = bi * MOVE;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = diagonal + substitution(bc, ac);
            diagonal = row[ai];
            let insert_delete = result.min(diagonal) + MOVE;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}

/// The candidate closest to `name` (the first of equally close ones), if any is close
/// enough; `name` itself is never suggested.
pub fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(closest("blach", &["blech", "other"]), Some("blech"));
        assert_eq!(closest("pritn", &["print", "len"]), Some("print"));
        assert_eq!(closest("Print", &["print"]), Some("print"));
        assert_eq!(closest("xyz", &["abc"]), None);
        assert_eq!(closest("same", &["same"]), None);
        let many: Vec<&str> = std::iter::repeat_n("a", 750).collect();
        assert_eq!(closest("b", &many), None);
    }
}
