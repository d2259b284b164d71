#!/usr/bin/env python3
"""Generates worker/src/stdlib/unicodedata.bin: the Unicode 14.0 character database the
native `unicodedata` module reads, taken from CPython 3.11's own `unicodedata` (which is
Unicode 14.0.0) at generation time.

Usage: python3 scripts/gen_unicodedata.py NameAliases.txt NamedSequences.txt
(any Unicode version of those two files: every alias and named sequence is kept only if
CPython's `unicodedata.lookup` resolves it, so the table holds exactly 14.0's).

Layout (all integers little-endian), sections in this order, each a u32 byte length
then its bytes:
  0 strings: NUL-separated category, bidirectional, east-asian-width and decomposition
    tag names (the record fields index these lists), one list per line ("\n").
  1 records: 5 bytes each: category, bidirectional, combining, east_asian_width, mirrored.
  2 index1: u16 per block of 2**SHIFT code points: the block's number in index2.
  3 index2: u8 per code point of each distinct block: the record.
  4 decompositions: entries sorted by code point: u24 code point, u8 tag (0 = canonical,
    0x80 = canonical and a primary composite, else tag index + 1), u8 count, count * u24.
  5 numerics: entries sorted by code point: u24 code point, i8 decimal, i8 digit (-1 =
    none), u8 length, the numeric value as its float repr text.
  6 words: NUL-separated name words, most frequent first; the word "\x01" is a token
    meaning the previous word is followed by a hyphen rather than a space.
  7 names: entries in code point order: varint code point delta (from 0 at each
    checkpoint), u8 token count, tokens (word numbers: one byte below 0xE0, two bytes
    0xE0+hi, lo up to 0x1F00 more, else 0xFF, hi, lo).
  8 name checkpoints: every 64th name: u24 code point, u32 offset in names.
  9 aliases: entries: u24 code point, u8 length, name.
 10 named sequences: entries: u8 name length, name, u8 count, count * u24.
Code points computed rather than stored: Hangul syllables and CJK unified ideographs.
"""
import re
import sys
import unicodedata as ud
from collections import Counter

assert ud.unidata_version == "14.0.0", ud.unidata_version

SHIFT = 7
OUT = "worker/src/stdlib/unicodedata.bin"


def u24(v):
    return v.to_bytes(3, "little")


def varint(v):
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def word_code(v):
    # One byte for the 224 most frequent words, two for the next 8192, else three.
    if v < 0xE0:
        return bytes([v])
    v -= 0xE0
    if v < 0x1F00:
        return bytes([0xE0 + (v >> 8), v & 0xFF])
    v -= 0x1F00
    return bytes([0xFF, v >> 8, v & 0xFF])


def computed_name(cp, name):
    if name.startswith("CJK UNIFIED IDEOGRAPH-") or name.startswith("HANGUL SYLLABLE "):
        return True
    return False


def main():
    alias_file, seq_file = sys.argv[1], sys.argv[2]
    cats, bidis, eaws, tags = [], [], [], []

    def idx(lst, v):
        if v not in lst:
            lst.append(v)
        return lst.index(v)

    records = {}
    per_cp = []
    decomps = bytearray()
    numerics = bytearray()
    names = []
    for cp in range(0x110000):
        c = chr(cp)
        rec = (
            idx(cats, ud.category(c)),
            idx(bidis, ud.bidirectional(c)),
            ud.combining(c),
            idx(eaws, ud.east_asian_width(c)),
            ud.mirrored(c),
        )
        per_cp.append(records.setdefault(rec, len(records)))
        d = ud.decomposition(c)
        if d:
            parts = d.split()
            tag = 0
            if parts[0].startswith("<"):
                tag = idx(tags, parts[0]) + 1
                parts = parts[1:]
            if tag == 0 and len(parts) == 2 and ud.normalize("NFC", c) == c:
                tag = 0x80  # a primary composite: NFC composes its pair back into it
            decomps += u24(cp) + bytes([tag, len(parts)])
            for p in parts:
                decomps += u24(int(p, 16))
        num = ud.numeric(c, None)
        if num is not None:
            text = repr(num).encode()
            numerics += u24(cp) + bytes(
                [ud.decimal(c, -1) & 0xFF, ud.digit(c, -1) & 0xFF, len(text)]
            ) + text
        else:
            assert ud.digit(c, None) is None and ud.decimal(c, None) is None
        n = ud.name(c, None)
        if n is not None and not computed_name(cp, n):
            names.append((cp, n))

    assert len(records) <= 256
    # The computed names must be exactly these ranges (the module's CJK_RANGES).
    cjk = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2B738),
           (0x2B740, 0x2B81D), (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x30000, 0x3134A)]
    for cp in range(0x110000):
        n = ud.name(chr(cp), "")
        in_cjk = any(a <= cp <= b for a, b in cjk)
        assert in_cjk == n.startswith("CJK UNIFIED IDEOGRAPH-"), hex(cp)
        assert (0xAC00 <= cp <= 0xD7A3) == n.startswith("HANGUL SYLLABLE "), hex(cp)
    # Two-level record index.
    blocks = {}
    index1 = bytearray()
    index2 = bytearray()
    size = 1 << SHIFT
    for start in range(0, 0x110000, size):
        blk = tuple(per_cp[start : start + size])
        if blk not in blocks:
            blocks[blk] = len(blocks)
            for r in blk:
                index2.append(r)
        index1 += blocks[blk].to_bytes(2, "little")

    rec_bytes = bytearray()
    for rec, _ in sorted(records.items(), key=lambda kv: kv[1]):
        rec_bytes += bytes([rec[0], rec[1], rec[2], rec[3], rec[4]])

    # Names by word dictionary.
    def tokens(n):
        parts = re.split(r"([ -])", n)
        words = parts[0::2]
        seps = parts[1::2] + [" "]
        return list(zip(words, seps))

    freq = Counter(w for _, n in names for w, _ in tokens(n))
    hyphen_count = sum(1 for _, n in names for _, s in tokens(n) if s == "-")
    freq["\x01"] = hyphen_count
    words = [w for w, _ in freq.most_common()]
    hyphen = words.index("\x01")
    word_ix = {w: i for i, w in enumerate(words)}
    name_bytes = bytearray()
    checkpoints = bytearray()
    prev = 0
    for i, (cp, n) in enumerate(names):
        if i % 64 == 0:
            checkpoints += u24(cp) + len(name_bytes).to_bytes(4, "little")
            prev = 0
        toks = tokens(n)
        toks_n = len(toks) + sum(1 for _, s in toks if s == "-")
        assert toks_n < 256
        name_bytes += varint(cp - prev) + bytes([toks_n])
        for w, s in toks:
            name_bytes += word_code(word_ix[w])
            if s == "-":
                name_bytes += word_code(hyphen)
        prev = cp

    aliases = bytearray()
    for line in open(alias_file, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if not line:
            continue
        cp, alias, _kind = line.split(";")
        cp = int(cp, 16)
        try:
            if ud.lookup(alias) != chr(cp) or ud.name(chr(cp), None) == alias:
                continue
        except KeyError:
            continue
        aliases += u24(cp) + bytes([len(alias)]) + alias.encode()

    seqs = bytearray()
    for line in open(seq_file, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if not line:
            continue
        name, cps = line.split(";")
        s = "".join(chr(int(p, 16)) for p in cps.split())
        try:
            if ud.lookup(name) != s:
                continue
        except KeyError:
            continue
        seqs += bytes([len(name)]) + name.encode() + bytes([len(s)])
        for ch in s:
            seqs += u24(ord(ch))

    strings = "\n".join("\0".join(l) for l in (cats, bidis, eaws, tags)).encode()
    sections = [
        strings,
        rec_bytes,
        index1,
        index2,
        decomps,
        numerics,
        "\0".join(words).encode(),
        name_bytes,
        checkpoints,
        aliases,
        seqs,
    ]
    out = bytearray(b"UCD14\0" + bytes([SHIFT]))
    for s in sections:
        out += len(s).to_bytes(4, "little") + s
    with open(OUT, "wb") as f:
        f.write(out)
    print(OUT, len(out), "bytes;", [len(s) for s in sections], len(records), "records")


if __name__ == "__main__":
    main()
