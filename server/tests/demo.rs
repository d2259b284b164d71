//! `permafrost demo --json`: the tour runs on its own and its report shows the saving.

use serde_json::Value;
use std::process::Command;

#[test]
fn demo_serves_both_layouts_and_reports_the_saving() {
    let out = Command::new(env!("CARGO_BIN_EXE_permafrost"))
        .args(["demo", "--json"])
        .output()
        .expect("run demo");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "demo failed: {stderr}");
    assert!(
        stderr.contains("[demo]"),
        "progress is shown on stderr: {stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("demo JSON");
    assert!(report["functions"].as_u64().expect("functions") >= 1000);
    for layout in ["permanent", "transient"] {
        let workers = report[layout]["workers"].as_array().expect("workers");
        assert_eq!(workers.len(), 4, "{layout}");
        for worker in workers {
            // run_all() ran on every worker, plus its share of single calls.
            assert!(worker["jobs_done"].as_u64().expect("jobs") >= 2, "{worker}");
        }
    }
    let summary = &report["summary"];
    assert_eq!(summary["permanent_image_private_dirty_kb"], 0);
    let permanent = summary["permanent_copied_pages"].as_u64().expect("copied");
    let transient = summary["transient_copied_pages"].as_u64().expect("copied");
    assert!(
        permanent * 4 <= transient,
        "permanent copied {permanent} pages, transient {transient}"
    );
    assert!(
        summary["permanent_pss_kb"].as_u64() < summary["transient_pss_kb"].as_u64(),
        "{summary}"
    );
}
