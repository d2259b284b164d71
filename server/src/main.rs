//! `permafrost`: parses the command line and dispatches. Nothing here may start a thread or
//! an async runtime before `serve` has forked its zygote.

use clap::Parser;
use permafrost_server::cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Freeze { files, output } => {
            let files: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
            match permafrost_compiler::freeze(&files, &output) {
                Ok(_) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("{message}");
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
