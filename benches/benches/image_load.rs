//! Image load: validating (and mapping) an image of 10,000 small functions, and looking a
//! function up by qualified name. The CPython reference (`marshal.loads` of the same module's
//! `.pyc`) and the figures are in `docs/performance.md`, "Image load".

use criterion::{black_box, criterion_main, Criterion};
use permafrost_image::opcode::{encode, flags, BinaryOp, Opcode::*};
use permafrost_image::{
    aligned_copy, write_image, CodeObject, Constant, Image, ImageBuilder, LineEntry, MappedImage,
    Module,
};

const FUNCTIONS: u32 = 10_000;

/// `def f_i(x): return x * i + 1` for i in 0..10,000, and a module that defines them all.
fn ten_thousand_functions() -> ImageBuilder {
    let mut b = ImageBuilder::default();
    let mut module = CodeObject {
        name: "<module>".into(),
        qualname: "<module>".into(),
        filename: "app.py".into(),
        firstlineno: 1,
        stacksize: 1,
        consts: vec![Constant::None],
        linetable: Vec::new(),
        ..CodeObject::default()
    };
    let module_index = b.add_code(CodeObject::default());
    for i in 0..FUNCTIONS {
        let name = format!("f_{i}");
        let line = 1 + 2 * i;
        let f = b.add_code(CodeObject {
            name: name.clone(),
            qualname: name.clone(),
            filename: "app.py".into(),
            firstlineno: line,
            argcount: 1,
            flags: flags::CO_OPTIMIZED | flags::CO_NEWLOCALS | flags::CO_NOFREE,
            stacksize: 2,
            consts: vec![Constant::None, Constant::Int(i as i64), Constant::Int(1)],
            varnames: vec!["x".into()],
            code: vec![
                encode(LOAD_FAST, 0),
                encode(LOAD_CONST, 1),
                encode(BINARY_OP, BinaryOp::Mul as u32),
                encode(LOAD_CONST, 2),
                encode(BINARY_OP, BinaryOp::Add as u32),
                encode(RETURN_VALUE, 0),
            ],
            linetable: vec![LineEntry {
                start: 0,
                line: line + 1,
            }],
            ..CodeObject::default()
        });
        let start = module.code.len() as u32;
        module.consts.push(Constant::Code(f));
        module.code.extend([
            encode(LOAD_CONST, module.consts.len() as u32 - 1),
            encode(MAKE_FUNCTION, 0),
            encode(STORE_NAME, i),
        ]);
        module.names.push(name);
        module.linetable.push(LineEntry { start, line });
    }
    module
        .code
        .extend([encode(LOAD_CONST, 0), encode(RETURN_VALUE, 0)]);
    b.codes[module_index as usize] = module;
    b.modules.push(Module {
        name: "app".into(),
        code: module_index,
        ..Default::default()
    });
    b
}

fn image_load(c: &mut Criterion) {
    let bytes = write_image(&ten_thousand_functions()).expect("the benchmark image is valid");
    let buf = aligned_copy(&bytes);
    let path = std::env::temp_dir().join(format!("permafrost-bench-{}.pfi", std::process::id()));
    std::fs::write(&path, &bytes).expect("write the benchmark image");
    eprintln!(
        "image_load: image of {FUNCTIONS} functions is {} bytes",
        bytes.len()
    );
    // The best of many runs, beside criterion's estimate: on a shared, loaded machine the
    // minimum is the steadiest figure to hold against CPython's best `marshal.loads`.
    let best = (0..300)
        .map(|_| {
            let start = std::time::Instant::now();
            let parsed = Image::parse(black_box(&buf)).map(|i| i.code_count());
            black_box(parsed.ok());
            start.elapsed()
        })
        .min()
        .unwrap_or_default();
    eprintln!(
        "image_load: validate, best of 300: {:.3} ms",
        best.as_secs_f64() * 1e3
    );

    let mut group = c.benchmark_group("image_load");
    group.bench_function("validate_10k_functions", |b| {
        b.iter(|| Image::parse(black_box(&buf)).map(|i| i.code_count()))
    });
    group.sample_size(30);
    group.bench_function("copy_map_validate_10k_functions", |b| {
        b.iter(|| MappedImage::open(black_box(&path)).map(|m| m.image().code_count()))
    });
    group.finish();

    let image = Image::parse(&buf).expect("valid");
    let names: Vec<String> = (0..FUNCTIONS)
        .step_by(97)
        .map(|i| format!("app.f_{i}"))
        .collect();
    let mut next = 0usize;
    c.bench_function("image_load/find_function", |b| {
        b.iter(|| {
            next = (next + 1) % names.len();
            image.find_function(black_box(&names[next]))
        })
    });
    let _ = std::fs::remove_file(&path);
}

/// Private, so that the `pub fn` that `criterion_group!` generates is not crate API.
mod group {
    criterion::criterion_group!(benches, super::image_load);
}
criterion_main!(group::benches);
