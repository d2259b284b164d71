//! `permafrost`: parses the command line and dispatches. Nothing here may start a thread or
//! an async runtime before `serve` has forked its zygote.

use clap::Parser;
use permafrost_image::MappedImage;
use permafrost_server::cli::{Cli, Command};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Freeze { files, output } => {
            let files: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
            match permafrost_compiler::freeze(&files, &output) {
                Ok(_) => ExitCode::SUCCESS,
                Err(message) => fail(&message),
            }
        }
        Command::Dis { image, json } => {
            let mapped = match MappedImage::open(&image) {
                Ok(m) => m,
                Err(e) => return fail(&format!("{}: {e}", image.display())),
            };
            let text = if json {
                let mut s = permafrost_image::dis::render_json(&mapped.image()).to_string();
                s.push('\n');
                s
            } else {
                permafrost_image::dis::render_text(&mapped.image())
            };
            let mut out = std::io::stdout().lock();
            // A closed pipe (`permafrost dis x | head`) is not an error worth a message.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Command::Run { image, layout } => {
            let mapped = match MappedImage::open(&image) {
                Ok(m) => m,
                Err(e) => return fail(&format!("{}: {e}", image.display())),
            };
            let mut interp = permafrost_worker::Interpreter::new(mapped.leak(), layout.into());
            let outcome = interp.run_main();
            let _ = std::io::stdout().flush();
            match outcome {
                Ok(()) => ExitCode::SUCCESS,
                Err(report) => {
                    eprint!("{}", report.traceback);
                    ExitCode::FAILURE
                }
            }
        }
        other => {
            eprintln!("permafrost: {other:?} is not implemented yet");
            ExitCode::FAILURE
        }
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("permafrost: {message}");
    ExitCode::FAILURE
}
