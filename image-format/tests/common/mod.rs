//! Shared helpers for the image tests: a sample image using every constant kind, a converter
//! from the zero-copy views back to the owned model, checksum repair for surgical corruption,
//! and a tiny deterministic PRNG.
#![allow(dead_code)]

use permafrost_image::layout::{hdr, HEADER_LEN};
use permafrost_image::opcode::{encode, flags, BinaryOp, Opcode::*};
use permafrost_image::{
    CodeObject, ConstView, Constant, ExceptionEntry, Image, ImageBuilder, LineEntry, Module,
};

/// Every constant kind, nested.
pub fn every_constant() -> Constant {
    Constant::Tuple(vec![
        Constant::None,
        Constant::Bool(true),
        Constant::Bool(false),
        Constant::Int(-5),
        Constant::Int(i64::MIN),
        Constant::BigInt {
            negative: true,
            magnitude_le: vec![1, 0, 0, 0, 0, 0, 0, 0, 1],
        },
        Constant::BigInt {
            negative: false,
            magnitude_le: vec![0, 0, 0, 0, 0, 0, 0, 0x80],
        },
        Constant::Float(0.1),
        Constant::Float(-1e300),
        Constant::Str("héllo ☃".into()),
        Constant::Str(String::new()),
        Constant::Bytes(vec![0, 0xff, b'\'']),
        Constant::Bytes(Vec::new()),
        Constant::Tuple(vec![Constant::Ellipsis, Constant::Tuple(Vec::new())]),
        Constant::Code(1),
        Constant::Ellipsis,
        Constant::Complex(1.5, -0.0),
        // "a\ud800": a str holding a lone surrogate.
        Constant::WideStr(vec![b'a', 0xED, 0xA0, 0x80]),
    ])
}

/// `f(x)`: returns `x + 1`, with a handler that returns None.
pub fn function_f() -> CodeObject {
    CodeObject {
        name: "f".into(),
        qualname: "f".into(),
        filename: "app.py".into(),
        firstlineno: 1,
        argcount: 1,
        flags: flags::CO_OPTIMIZED | flags::CO_NEWLOCALS,
        stacksize: 2,
        consts: vec![Constant::None, Constant::Int(1)],
        names: vec![],
        varnames: vec!["x".into(), "y".into()],
        freevars: vec![],
        cellvars: vec!["c".into()],
        code: vec![
            encode(LOAD_FAST, 0),
            encode(LOAD_CONST, 1),
            encode(BINARY_OP, BinaryOp::Add as u32),
            encode(RETURN_VALUE, 0),
            encode(PUSH_EXC_INFO, 0),
            encode(POP_TOP, 0),
            encode(POP_EXCEPT, 0),
            encode(LOAD_CONST, 0),
            encode(RETURN_VALUE, 0),
        ],
        linetable: vec![
            LineEntry { start: 0, line: 2 },
            LineEntry { start: 4, line: 3 },
        ],
        exceptiontable: vec![ExceptionEntry {
            start: 0,
            end: 4,
            handler: 4,
            depth: 0,
        }],
        positions: (0..9)
            .map(|i| permafrost_image::Position {
                line: 2 + u32::from(i >= 4),
                end_line: 2 + u32::from(i >= 4),
                col: (i != 8).then_some(4 + i),
                end_col: Some(9 + i),
            })
            .collect(),
        ..CodeObject::default()
    }
}

/// A module body: `f = <function>; data = <every constant>; return None`.
pub fn module_code(name: &str, consts_extra: Vec<Constant>) -> CodeObject {
    let mut consts = vec![Constant::None];
    consts.extend(consts_extra);
    let mut code = Vec::new();
    let mut names = Vec::new();
    for (i, c) in consts.iter().enumerate().skip(1) {
        code.push(encode(LOAD_CONST, i as u32));
        if matches!(c, Constant::Code(_)) {
            code.push(encode(MAKE_FUNCTION, 0));
        }
        code.push(encode(STORE_NAME, names.len() as u32));
        names.push(format!("n{i}"));
    }
    code.push(encode(LOAD_CONST, 0));
    code.push(encode(RETURN_VALUE, 0));
    CodeObject {
        name: "<module>".into(),
        qualname: "<module>".into(),
        filename: format!("{name}.py"),
        firstlineno: 1,
        stacksize: 1,
        consts,
        names,
        code,
        linetable: vec![LineEntry { start: 0, line: 1 }],
        ..CodeObject::default()
    }
}

/// Two modules: `app` (main) defining `f` and a constant of every kind, and `util`.
pub fn sample_builder() -> ImageBuilder {
    let mut b = ImageBuilder::default();
    let app = b.add_code(module_code(
        "app",
        vec![
            Constant::Code(1),
            every_constant(),
            Constant::Str("f".into()),
        ],
    ));
    let f = b.add_code(function_f());
    assert_eq!(f, 1);
    let util = b.add_code(module_code("util", vec![Constant::Float(2.5)]));
    b.modules.push(Module {
        name: "app".into(),
        code: app,
        ..Default::default()
    });
    b.modules.push(Module {
        name: "util".into(),
        code: util,
        file: "/src/util/__init__.py".into(),
        package: true,
        origin: permafrost_image::Origin::Path,
        source: Some("def f(x):\n    return x + 1\n".into()),
    });
    b.absent.push("_winapi".into());
    b
}

pub fn sample_image_bytes() -> Vec<u8> {
    permafrost_image::write_image(&sample_builder()).expect("the sample image is valid")
}

/// Rebuilds the owned model from the views, for round-trip comparison.
pub fn to_builder(image: &Image<'_>) -> ImageBuilder {
    fn konst(c: ConstView<'_>) -> Constant {
        match c {
            ConstView::None => Constant::None,
            ConstView::Bool(b) => Constant::Bool(b),
            ConstView::Int(i) => Constant::Int(i),
            ConstView::BigInt {
                negative,
                magnitude_le,
            } => Constant::BigInt {
                negative,
                magnitude_le: magnitude_le.to_vec(),
            },
            ConstView::Float(f) => Constant::Float(f),
            ConstView::Str(s) => Constant::Str(s.as_str().to_string()),
            ConstView::Bytes(b) => Constant::Bytes(b.as_bytes().to_vec()),
            ConstView::Tuple(items) => Constant::Tuple(items.iter().map(konst).collect()),
            ConstView::Code(i) => Constant::Code(i),
            ConstView::Ellipsis => Constant::Ellipsis,
            ConstView::Complex(re, im) => Constant::Complex(re, im),
            ConstView::WideStr(b) => Constant::WideStr(b.to_vec()),
        }
    }
    let strs = |l: permafrost_image::StrList<'_>| -> Vec<String> {
        l.iter().map(|s| s.as_str().to_string()).collect()
    };
    let mut b = ImageBuilder::default();
    for i in 0..image.code_count() {
        let c = image.code(i);
        b.codes.push(CodeObject {
            name: c.name().as_str().into(),
            qualname: c.qualname().as_str().into(),
            filename: c.filename().as_str().into(),
            firstlineno: c.firstlineno(),
            argcount: c.argcount(),
            posonlyargcount: c.posonlyargcount(),
            kwonlyargcount: c.kwonlyargcount(),
            flags: c.flags(),
            stacksize: c.stacksize(),
            consts: c.consts().iter().map(konst).collect(),
            names: strs(c.names()),
            varnames: strs(c.varnames()),
            freevars: strs(c.freevars()),
            cellvars: strs(c.cellvars()),
            code: c.code().to_vec(),
            linetable: c.linetable().to_vec(),
            exceptiontable: c.exceptiontable().to_vec(),
            positions: c.positions().unwrap_or_default(),
        });
    }
    for i in 0..image.module_count() {
        let m = image.module(i);
        b.modules.push(Module {
            name: m.name.as_str().into(),
            code: m.code,
            file: m.file.as_str().into(),
            package: m.package,
            origin: m.origin,
            source: image.code(m.code).source().map(|s| s.as_str().into()),
        });
    }
    for i in 0..image.absent_count() {
        b.absent.push(image.absent_module(i).as_str().into());
    }
    b
}

/// Recomputes both checksums after a deliberate edit, so the deeper checks are exercised.
pub fn fix_checksums(bytes: &mut [u8]) {
    let payload = crc32fast::hash(&bytes[HEADER_LEN..]);
    bytes[hdr::PAYLOAD_CRC..hdr::PAYLOAD_CRC + 4].copy_from_slice(&payload.to_le_bytes());
    bytes[hdr::HEADER_CRC..hdr::HEADER_CRC + 4].copy_from_slice(&[0; 4]);
    let header = crc32fast::hash(&bytes[..HEADER_LEN]);
    bytes[hdr::HEADER_CRC..hdr::HEADER_CRC + 4].copy_from_slice(&header.to_le_bytes());
}

/// Parses a copy of `bytes` and reports only the outcome (the view cannot outlive the copy).
pub fn parse_result(bytes: &[u8]) -> Result<(), permafrost_image::ImageError> {
    let buf = permafrost_image::aligned_copy(bytes);
    Image::parse(&buf).map(|_| ())
}

/// xorshift64*: deterministic, no dependencies.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
