//! The image writer: lays an [`ImageBuilder`] out in the format of `docs/image-format.md`
//! (constants from [`crate::layout`]) and checks the result with the reader before handing
//! it out, so a compiler bug is reported at freeze time rather than at load.

use crate::layout::{
    align_up, hdr, module_flags, tag, CodeRecord, ModuleRecord, NameSlot, SectionKind, Slot,
    CODE_RECORD_LEN, EMPTY_KEY, HEADER_LEN, MAGIC, MAX_CONST_DEPTH, MAX_FILE_LEN,
    MODULE_RECORD_LEN, NO_INDEX, RECORD_ALIGN, SECTION_ALIGN, SECTION_COUNT, SLOT_LEN, VERSION,
};
use crate::model::{CodeObject, Constant, ImageBuilder};
use crate::reader::Image;
use crate::str_hash;
use std::collections::HashMap;

/// Serialises an image. Errors when a limit of the format is exceeded (a file over 4 GiB,
/// constants nested deeper than 64) or when the builder describes an image the reader would
/// reject (bad bytecode, a dangling code reference, ...); the message says which.
pub fn write_image(image: &ImageBuilder) -> Result<Vec<u8>, String> {
    let bytes = lay_out(image)?;
    let checked = crate::aligned_copy(&bytes);
    Image::parse(&checked).map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Serialises without the final check; for tests that need to build hostile images.
#[doc(hidden)]
pub fn write_image_unchecked(image: &ImageBuilder) -> Result<Vec<u8>, String> {
    lay_out(image)
}

/// A section of string-like records (strings or blobs), deduplicated.
#[derive(Default)]
struct RecordPool {
    bytes: Vec<u8>,
    index: HashMap<Vec<u8>, usize>,
    count: u32,
}

impl RecordPool {
    /// Appends a record (unless an identical one exists) and returns its offset in the pool.
    fn intern(&mut self, data: &[u8], char_len: u32) -> Result<usize, String> {
        if let Some(&at) = self.index.get(data) {
            return Ok(at);
        }
        let byte_len = u32::try_from(data.len())
            .map_err(|_| format!("a string or bytes constant of {} bytes", data.len()))?;
        let at = self.bytes.len();
        self.bytes.extend_from_slice(&byte_len.to_le_bytes());
        self.bytes.extend_from_slice(&char_len.to_le_bytes());
        self.bytes.extend_from_slice(&str_hash(data).to_le_bytes());
        self.bytes.extend_from_slice(data);
        self.bytes
            .resize(align_up(self.bytes.len(), RECORD_ALIGN), 0);
        self.index.insert(data.to_vec(), at);
        self.count += 1;
        Ok(at)
    }

    fn intern_str(&mut self, s: &str) -> Result<usize, String> {
        let chars =
            u32::try_from(s.chars().count()).map_err(|_| "a string too long".to_string())?;
        self.intern(s.as_bytes(), chars)
    }

    fn offset_of_str(&self, s: &str) -> usize {
        // Every string is interned in the first pass before offsets are asked for.
        self.index.get(s.as_bytes()).copied().unwrap_or(0)
    }

    fn offset_of(&self, data: &[u8]) -> usize {
        self.index.get(data).copied().unwrap_or(0)
    }
}

/// Keys of the name index: `module.qualname` for every code object reachable from each
/// module's top level through code constants; the first code object with a key wins.
fn name_index_keys(image: &ImageBuilder) -> Vec<(String, u32)> {
    let mut keys: Vec<(String, u32)> = Vec::new();
    let mut seen_keys: HashMap<String, ()> = HashMap::new();
    for module in &image.modules {
        let mut visited = vec![false; image.codes.len()];
        let mut stack = vec![module.code];
        while let Some(index) = stack.pop() {
            let Some(code) = image.codes.get(index as usize) else {
                continue;
            };
            if std::mem::replace(&mut visited[index as usize], true) {
                continue;
            }
            let key = format!("{}.{}", module.name, code.qualname);
            if seen_keys.insert(key.clone(), ()).is_none() {
                keys.push((key, index));
            }
            let mut children = Vec::new();
            collect_code_refs(&code.consts, &mut children);
            // Reverse so that the depth-first walk visits constants in source order.
            stack.extend(children.into_iter().rev());
        }
    }
    keys
}

/// The module whose source text each code object points at: the first module (in module
/// order) with a source whose top level reaches the code through code constants.
fn code_sources(image: &ImageBuilder) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = vec![None; image.codes.len()];
    let mut visited = vec![false; image.codes.len()];
    for (m, module) in image.modules.iter().enumerate() {
        if module.source.is_none() {
            continue;
        }
        let mut stack = vec![module.code];
        while let Some(index) = stack.pop() {
            let Some(code) = image.codes.get(index as usize) else {
                continue;
            };
            if std::mem::replace(&mut visited[index as usize], true) {
                continue;
            }
            out[index as usize] = Some(m);
            collect_code_refs(&code.consts, &mut stack);
        }
    }
    out
}

fn collect_code_refs(consts: &[Constant], out: &mut Vec<u32>) {
    for c in consts {
        match c {
            Constant::Code(i) => out.push(*i),
            Constant::Tuple(items) => collect_code_refs(items, out),
            _ => {}
        }
    }
}

fn count_slots(consts: &[Constant], depth: u32) -> Result<usize, String> {
    if depth > MAX_CONST_DEPTH {
        return Err(format!(
            "constants nested deeper than {MAX_CONST_DEPTH} levels"
        ));
    }
    let mut n = consts.len();
    for c in consts {
        if let Constant::Tuple(items) = c {
            n += count_slots(items, depth + 1)?;
        }
    }
    Ok(n)
}

/// The blob of a complex constant: both parts' bits, little-endian.
fn complex_bytes(re: f64, im: f64) -> [u8; 16] {
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&re.to_bits().to_le_bytes());
    out[8..].copy_from_slice(&im.to_bits().to_le_bytes());
    out
}

fn intern_consts(
    consts: &[Constant],
    strings: &mut RecordPool,
    blobs: &mut RecordPool,
) -> Result<(), String> {
    for c in consts {
        match c {
            Constant::Str(s) => {
                strings.intern_str(s)?;
            }
            Constant::Bytes(b) => {
                blobs.intern(b, 0)?;
            }
            Constant::BigInt { magnitude_le, .. } => {
                blobs.intern(magnitude_le, 0)?;
            }
            Constant::Complex(re, im) => {
                blobs.intern(&complex_bytes(*re, *im), 0)?;
            }
            Constant::WideStr(b) => {
                blobs.intern(b, 0)?;
            }
            Constant::Tuple(items) => intern_consts(items, strings, blobs)?,
            _ => {}
        }
    }
    Ok(())
}

/// Section placement: file offset, byte length and element count of each section.
struct Placement {
    offset: [usize; SECTION_COUNT],
    len: [usize; SECTION_COUNT],
    count: [usize; SECTION_COUNT],
}

impl Placement {
    fn off(&self, kind: SectionKind) -> usize {
        self.offset[kind.index()]
    }
}

struct ConstEmitter<'p> {
    slots: Vec<Slot>,
    base: usize,
    strings: &'p RecordPool,
    blobs: &'p RecordPool,
    strings_off: usize,
    blobs_off: usize,
}

impl ConstEmitter<'_> {
    /// Reserves a contiguous range for `items`, fills it, and returns the file offset of its
    /// first slot. Tuple items go after the range, so children always follow their parent.
    fn emit_list(&mut self, items: &[Constant]) -> usize {
        let start = self.slots.len();
        self.slots.resize(start + items.len(), Slot::default());
        for (i, c) in items.iter().enumerate() {
            let slot = self.encode(c);
            self.slots[start + i] = slot;
        }
        self.base + start * SLOT_LEN
    }

    fn encode(&mut self, c: &Constant) -> Slot {
        let (tag, aux, payload) = match c {
            Constant::None => (tag::NONE, 0, 0),
            Constant::Bool(b) => (tag::BOOL, 0, *b as u64),
            Constant::Int(i) => (tag::INT, 0, *i as u64),
            Constant::BigInt {
                negative,
                magnitude_le,
            } => (
                tag::BIGINT,
                *negative as u32,
                (self.blobs_off + self.blobs.offset_of(magnitude_le)) as u64,
            ),
            Constant::Float(f) => (tag::FLOAT, 0, f.to_bits()),
            Constant::Str(s) => (
                tag::STR,
                0,
                (self.strings_off + self.strings.offset_of_str(s)) as u64,
            ),
            Constant::Bytes(b) => (
                tag::BYTES,
                0,
                (self.blobs_off + self.blobs.offset_of(b)) as u64,
            ),
            Constant::Tuple(items) => {
                let first = self.emit_list(items);
                (tag::TUPLE, items.len() as u32, first as u64)
            }
            Constant::Code(i) => (tag::CODE, 0, *i as u64),
            Constant::Ellipsis => (tag::ELLIPSIS, 0, 0),
            Constant::Complex(re, im) => (
                tag::COMPLEX,
                0,
                (self.blobs_off + self.blobs.offset_of(&complex_bytes(*re, *im))) as u64,
            ),
            Constant::WideStr(b) => (
                tag::WIDE_STR,
                0,
                (self.blobs_off + self.blobs.offset_of(b)) as u64,
            ),
        };
        Slot { tag, aux, payload }
    }
}

fn checked_u32(n: usize, what: &str) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| format!("too many {what} for the image format ({n})"))
}

fn code_lists(code: &CodeObject) -> [&Vec<String>; 4] {
    [&code.names, &code.varnames, &code.freevars, &code.cellvars]
}

fn lay_out(image: &ImageBuilder) -> Result<Vec<u8>, String> {
    // Pass 1: every string and blob, so that their offsets are known before anything refers
    // to them.
    let mut strings = RecordPool::default();
    let mut blobs = RecordPool::default();
    let mut slot_count = 0usize;
    let mut strref_count = 0usize;
    let mut word_count = 0usize;
    let mut line_count = 0usize;
    let mut exc_count = 0usize;
    for code in &image.codes {
        strings.intern_str(&code.name)?;
        strings.intern_str(&code.qualname)?;
        strings.intern_str(&code.filename)?;
        for list in code_lists(code) {
            for s in list {
                strings.intern_str(s)?;
            }
            strref_count += list.len();
        }
        intern_consts(&code.consts, &mut strings, &mut blobs)?;
        slot_count += count_slots(&code.consts, 1)?;
        word_count += code.code.len();
        line_count += code.linetable.len();
        exc_count += code.exceptiontable.len();
    }
    // Position tables, encoded once here and looked up by content when records are laid out.
    let mut position_tables: Vec<Option<Vec<u8>>> = Vec::with_capacity(image.codes.len());
    for code in &image.codes {
        let table = (!code.positions.is_empty())
            .then(|| crate::positions::encode(code.firstlineno, &code.positions));
        if let Some(t) = &table {
            blobs.intern(t, 0)?;
        }
        position_tables.push(table);
    }
    for module in &image.modules {
        strings.intern_str(&module.name)?;
        strings.intern_str(&module.file)?;
        if let Some(src) = &module.source {
            strings.intern_str(src)?;
        }
    }
    let code_sources = code_sources(image);
    for name in &image.absent {
        strings.intern_str(name)?;
    }
    let module_records = image.modules.len() + image.absent.len();
    let keys = name_index_keys(image);
    for (key, _) in &keys {
        strings.intern_str(key)?;
    }
    let index_cap = if keys.is_empty() {
        0
    } else {
        // Load factor at most 3/4: short probe runs, and a free slot always exists.
        (keys.len() + keys.len() / 3 + 1).next_power_of_two()
    };

    // Placement.
    let lens_counts = [
        (strings.bytes.len(), strings.count as usize),
        (blobs.bytes.len(), blobs.count as usize),
        (slot_count * SLOT_LEN, slot_count),
        (strref_count * 4, strref_count),
        (word_count * 4, word_count),
        (line_count * 8, line_count),
        (exc_count * 16, exc_count),
        (image.codes.len() * CODE_RECORD_LEN, image.codes.len()),
        (module_records * MODULE_RECORD_LEN, module_records),
        (index_cap * 16, index_cap),
    ];
    let mut place = Placement {
        offset: [0; SECTION_COUNT],
        len: [0; SECTION_COUNT],
        count: [0; SECTION_COUNT],
    };
    let mut cursor = HEADER_LEN;
    for (i, (len, count)) in lens_counts.into_iter().enumerate() {
        place.offset[i] = cursor;
        place.len[i] = len;
        place.count[i] = count;
        cursor = align_up(cursor.saturating_add(len), SECTION_ALIGN);
    }
    let file_len = cursor;
    if file_len > MAX_FILE_LEN {
        return Err(format!(
            "the image would be {file_len} bytes; the format's limit is {MAX_FILE_LEN}"
        ));
    }
    let mut out = vec![0u8; file_len];

    // Pass 2: the sections.
    let strings_off = place.off(SectionKind::Strings);
    let blobs_off = place.off(SectionKind::Blobs);
    out[strings_off..strings_off + strings.bytes.len()].copy_from_slice(&strings.bytes);
    out[blobs_off..blobs_off + blobs.bytes.len()].copy_from_slice(&blobs.bytes);
    let str_at = |s: &str| (strings_off + strings.offset_of_str(s)) as u32;
    // Looked up once per module: a source is long, and many code objects share it.
    let source_offsets: Vec<u32> = image
        .modules
        .iter()
        .map(|m| m.source.as_deref().map_or(0, str_at))
        .collect();

    let mut consts = ConstEmitter {
        slots: Vec::with_capacity(slot_count),
        base: place.off(SectionKind::Consts),
        strings: &strings,
        blobs: &blobs,
        strings_off,
        blobs_off,
    };
    let mut strrefs: Vec<u32> = Vec::with_capacity(strref_count);
    let mut words: Vec<u32> = Vec::with_capacity(word_count);
    let mut lines: Vec<u32> = Vec::with_capacity(line_count * 2);
    let mut excs: Vec<u32> = Vec::with_capacity(exc_count * 4);
    let mut records: Vec<CodeRecord> = Vec::with_capacity(image.codes.len());
    for (k, code) in image.codes.iter().enumerate() {
        let mut rec = CodeRecord {
            name: str_at(&code.name),
            qualname: str_at(&code.qualname),
            filename: str_at(&code.filename),
            firstlineno: code.firstlineno,
            argcount: code.argcount,
            posonlyargcount: code.posonlyargcount,
            kwonlyargcount: code.kwonlyargcount,
            flags: code.flags,
            stacksize: code.stacksize,
            ..CodeRecord::default()
        };
        rec.consts_len = checked_u32(code.consts.len(), "constants")?;
        rec.consts_off = consts.emit_list(&code.consts) as u32;
        let strref_base = place.off(SectionKind::StrRefs);
        let mut list_fields = [(0u32, 0u32); 4];
        for (field, list) in list_fields.iter_mut().zip(code_lists(code)) {
            *field = (
                (strref_base + strrefs.len() * 4) as u32,
                checked_u32(list.len(), "names")?,
            );
            strrefs.extend(list.iter().map(|s| str_at(s)));
        }
        (rec.names_off, rec.names_len) = list_fields[0];
        (rec.varnames_off, rec.varnames_len) = list_fields[1];
        (rec.freevars_off, rec.freevars_len) = list_fields[2];
        (rec.cellvars_off, rec.cellvars_len) = list_fields[3];
        rec.code_off = (place.off(SectionKind::Bytecode) + words.len() * 4) as u32;
        rec.code_len = checked_u32(code.code.len(), "instructions")?;
        words.extend_from_slice(&code.code);
        rec.lines_off = (place.off(SectionKind::Lines) + lines.len() * 4) as u32;
        rec.lines_len = checked_u32(code.linetable.len(), "line entries")?;
        for l in &code.linetable {
            lines.extend_from_slice(&[l.start, l.line]);
        }
        rec.exc_off = (place.off(SectionKind::Exceptions) + excs.len() * 4) as u32;
        rec.exc_len = checked_u32(code.exceptiontable.len(), "exception entries")?;
        for e in &code.exceptiontable {
            excs.extend_from_slice(&[e.start, e.end, e.handler, e.depth]);
        }
        if let Some(t) = &position_tables[k] {
            rec.positions = (blobs_off + blobs.offset_of(t)) as u32;
        }
        if let Some(m) = code_sources[k] {
            rec.source = source_offsets[m];
        }
        records.push(rec);
    }

    let mut w = Out { bytes: &mut out };
    let mut at = place.off(SectionKind::Consts);
    for slot in &consts.slots {
        w.u32(at, slot.tag);
        w.u32(at + 4, slot.aux);
        w.u64(at + 8, slot.payload);
        at += SLOT_LEN;
    }
    w.u32s(place.off(SectionKind::StrRefs), &strrefs);
    w.u32s(place.off(SectionKind::Bytecode), &words);
    w.u32s(place.off(SectionKind::Lines), &lines);
    w.u32s(place.off(SectionKind::Exceptions), &excs);
    let mut at = place.off(SectionKind::Codes);
    for r in &records {
        let fields = [
            r.name,
            r.qualname,
            r.filename,
            r.firstlineno,
            r.argcount,
            r.posonlyargcount,
            r.kwonlyargcount,
            r.flags,
            r.stacksize,
            r.consts_off,
            r.consts_len,
            r.names_off,
            r.names_len,
            r.varnames_off,
            r.varnames_len,
            r.freevars_off,
            r.freevars_len,
            r.cellvars_off,
            r.cellvars_len,
            r.code_off,
            r.code_len,
            r.lines_off,
            r.lines_len,
            r.exc_off,
            r.exc_len,
            r.positions,
            r.source,
        ];
        w.u32s(at, &fields);
        at += CODE_RECORD_LEN;
    }
    let mut at = place.off(SectionKind::Modules);
    for m in &image.modules {
        let mut flags = m.origin.bits() << module_flags::ORIGIN_SHIFT;
        if m.package {
            flags |= module_flags::PACKAGE;
        }
        let rec = ModuleRecord {
            name: str_at(&m.name),
            code: m.code,
            file: str_at(&m.file),
            flags,
        };
        w.u32s(at, &[rec.name, rec.code, rec.file, rec.flags]);
        at += MODULE_RECORD_LEN;
    }
    for name in &image.absent {
        w.u32s(
            at,
            &[str_at(name), NO_INDEX, NO_INDEX, module_flags::ABSENT],
        );
        at += MODULE_RECORD_LEN;
    }
    let mut table = vec![
        NameSlot {
            hash: 0,
            key: EMPTY_KEY,
            code: 0,
        };
        index_cap
    ];
    let mask = index_cap.wrapping_sub(1);
    for (key, code) in &keys {
        let hash = str_hash(key.as_bytes());
        let mut i = (hash as usize) & mask;
        while table[i].key != EMPTY_KEY {
            i = (i + 1) & mask;
        }
        table[i] = NameSlot {
            hash,
            key: str_at(key),
            code: *code,
        };
    }
    let mut at = place.off(SectionKind::NameIndex);
    for s in &table {
        w.u64(at, s.hash);
        w.u32(at + 8, s.key);
        w.u32(at + 12, s.code);
        at += 16;
    }

    // Header, section table, checksums.
    out[hdr::MAGIC..hdr::MAGIC + 8].copy_from_slice(&MAGIC);
    let mut w = Out { bytes: &mut out };
    w.u32(hdr::VERSION, VERSION);
    w.u32(hdr::FLAGS, 0);
    w.u64(hdr::FILE_LEN, file_len as u64);
    w.u32(hdr::SECTION_COUNT, SECTION_COUNT as u32);
    w.u32(hdr::RESERVED, 0);
    for (i, kind) in SectionKind::ALL.iter().enumerate() {
        let at = crate::layout::FIXED_HEADER_LEN + i * crate::layout::SECTION_ENTRY_LEN;
        w.u32(at, *kind as u32);
        w.u32(at + 4, checked_u32(place.count[i], "section elements")?);
        w.u32(at + 8, place.offset[i] as u32);
        w.u32(at + 12, place.len[i] as u32);
    }
    let payload_crc = crc32fast::hash(&out[HEADER_LEN..]);
    let mut w = Out { bytes: &mut out };
    w.u32(hdr::PAYLOAD_CRC, payload_crc);
    // The header checksum covers the header with its own field zero.
    let header_crc = crc32fast::hash(&out[..HEADER_LEN]);
    let mut w = Out { bytes: &mut out };
    w.u32(hdr::HEADER_CRC, header_crc);
    Ok(out)
}

/// Little-endian stores into the output buffer (every position was sized by the placement).
struct Out<'b> {
    bytes: &'b mut [u8],
}

impl Out<'_> {
    fn u32(&mut self, at: usize, v: u32) {
        self.bytes[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, at: usize, v: u64) {
        self.bytes[at..at + 8].copy_from_slice(&v.to_le_bytes());
    }
    fn u32s(&mut self, at: usize, vs: &[u32]) {
        for (i, v) in vs.iter().enumerate() {
            self.u32(at + i * 4, *v);
        }
    }
}
