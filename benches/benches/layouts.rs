//! Interpreter layouts: the time to run each benchmark program in the `permanent` layout
//! (code and constants read in place from the image, no refcount traffic on them) against the
//! `transient` layout (copied into refcounted heap objects, as CPython ≤ 3.11 does) — the
//! seed's "cost of the additional indirection". In process: one image per program, frozen
//! once; each run is `Interpreter::new(image, layout)` + `run_main()` with stdout sent to
//! `/dev/null`. The figures are in `docs/performance.md`, "Interpreter layouts and process
//! costs (criterion)".
//!
//! `PERMAFROST_BENCH_PROGRAMS=fib_calls,list_sort` picks other programs of
//! `benches/programs/` (by file stem) than the default five.

use criterion::{criterion_main, BenchmarkId, Criterion, SamplingMode};
use permafrost_benches::{freeze_program, human, leak_image, Samples, StdoutRedirect, TempDir};
use permafrost_image::Image;
use permafrost_worker::{Interpreter, Layout};
use std::fs::File;
use std::time::{Duration, Instant};

/// The default programs: five of the quickest, covering calls, integer loops, dicts and
/// strings, methods and generators.
const DEFAULT_PROGRAMS: [&str; 5] = [
    "fib_calls",
    "int_loops",
    "dict_strings",
    "method_calls",
    "scheduler",
];

const LAYOUTS: [(Layout, &str); 2] = [
    (Layout::Permanent, "permanent"),
    (Layout::Transient, "transient"),
];

fn selected_programs() -> Vec<String> {
    match std::env::var("PERMAFROST_BENCH_PROGRAMS") {
        Ok(list) if !list.trim().is_empty() => list
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        _ => DEFAULT_PROGRAMS.iter().map(|s| s.to_string()).collect(),
    }
}

/// Runs the program once with stdout captured in a file, and returns what it printed.
fn output_of(image: Image<'static>, layout: Layout, dir: &TempDir) -> Result<String, String> {
    let path = dir.path().join("stdout.txt");
    let file = File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let result = {
        let _redirect = StdoutRedirect::to_file(&file).map_err(|e| e.to_string())?;
        Interpreter::new(image, layout).run_main()
    };
    if let Err(report) = result {
        return Err(report.traceback);
    }
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Times `iters` runs of the program (interpreter creation and the whole main module; the
/// interpreter is dropped outside the timed span), each also recorded in `samples`.
fn timed_runs(
    image: Image<'static>,
    layout: Layout,
    iters: u64,
    samples: &mut Samples,
) -> Duration {
    let quiet = StdoutRedirect::to_null().expect("cannot redirect stdout to /dev/null");
    let mut total = Duration::ZERO;
    let mut failures = 0u64;
    for _ in 0..iters {
        let start = Instant::now();
        let mut interpreter = Interpreter::new(image, layout);
        let ok = interpreter.run_main().is_ok();
        let elapsed = start.elapsed();
        drop(interpreter);
        total += elapsed;
        samples.push(elapsed);
        failures += u64::from(!ok);
    }
    drop(quiet);
    assert_eq!(failures, 0, "a measured run raised an exception");
    total
}

fn layouts(c: &mut Criterion) {
    let dir = TempDir::new("permafrost-bench-layouts").expect("cannot create a temp dir");
    let mut summary: Vec<(String, Samples, Samples)> = Vec::new();
    let mut group = c.benchmark_group("layouts");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
    for stem in selected_programs() {
        let bytes = freeze_program(&stem).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let image = leak_image(&bytes).unwrap_or_else(|e| panic!("{stem}: {e}"));
        // Same program, same output: check it once per layout before timing anything.
        let permanent_out = output_of(image, Layout::Permanent, &dir)
            .unwrap_or_else(|e| panic!("{stem} (permanent) failed:\n{e}"));
        let transient_out = output_of(image, Layout::Transient, &dir)
            .unwrap_or_else(|e| panic!("{stem} (transient) failed:\n{e}"));
        assert!(!permanent_out.is_empty(), "{stem} printed nothing");
        assert_eq!(
            permanent_out, transient_out,
            "{stem}: the layouts printed different output"
        );
        eprintln!(
            "layouts: {stem}: image {} bytes, last line printed {:?}",
            bytes.len(),
            permanent_out.lines().last().unwrap_or_default()
        );

        let mut per_layout = [Samples::default(), Samples::default()];
        for ((layout, name), samples) in LAYOUTS.iter().zip(per_layout.iter_mut()) {
            group.bench_function(BenchmarkId::new(stem.as_str(), name), |b| {
                b.iter_custom(|iters| timed_runs(image, *layout, iters, samples))
            });
        }
        let [permanent, transient] = per_layout;
        summary.push((stem, permanent, transient));
    }
    group.finish();

    eprintln!("layouts: every timed run (criterion's warm-up included): median, and best run");
    eprintln!(
        "| program | runs | permanent median (best) | transient median (best) | \
         permanent / transient, medians (best) |"
    );
    eprintln!("| --- | ---: | ---: | ---: | ---: |");
    for (stem, permanent, transient) in &summary {
        let (Some(p), Some(pb), Some(t), Some(tb)) = (
            permanent.median(),
            permanent.quantile(0.0),
            transient.median(),
            transient.quantile(0.0),
        ) else {
            continue;
        };
        eprintln!(
            "| `{stem}` | {} + {} | {} ({}) | {} ({}) | {:.3} ({:.3}) |",
            permanent.len(),
            transient.len(),
            human(p),
            human(pb),
            human(t),
            human(tb),
            p.as_secs_f64() / t.as_secs_f64(),
            pb.as_secs_f64() / tb.as_secs_f64(),
        );
    }
}

/// Private, so that the `pub fn` that `criterion_group!` generates is not crate API.
mod group {
    criterion::criterion_group!(benches, super::layouts);
}
criterion_main!(group::benches);
