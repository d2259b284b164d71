//! `StdoutRedirect` captures what a program prints, in both layouts.
//!
//! The only test in its binary on purpose: the redirect swaps the process's fd 1, and the test
//! harness prints each finished test's result line to fd 1, so a test finishing on another
//! thread during the redirect would land in the captured file.

use permafrost_benches::{freeze_source, leak_image, StdoutRedirect, TempDir};
use permafrost_worker::{Interpreter, Layout};
use std::fs::File;

#[test]
fn redirected_stdout_captures_the_program_in_both_layouts() {
    let bytes = freeze_source(
        "app",
        "app.py",
        "def f(n):\n    return n * 3\nprint('total', sum(f(i) for i in range(10)))\n",
    )
    .expect("compiles");
    let image = leak_image(&bytes).expect("valid");
    let dir = TempDir::new("permafrost-benches-test").expect("temp dir");
    for layout in [Layout::Permanent, Layout::Transient] {
        let path = dir.path().join("out.txt");
        let file = File::create(&path).expect("create");
        {
            let _redirect = StdoutRedirect::to_file(&file).expect("redirect");
            Interpreter::new(image, layout)
                .run_main()
                .expect("the program runs");
        }
        let text = std::fs::read_to_string(&path).expect("read back");
        assert_eq!(text, "total 135\n", "{layout:?}");
    }
}
