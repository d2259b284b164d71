//! `permafrost`: parses the command line and dispatches. `serve` binds its socket with a
//! process-wide umask change, so nothing here may start a thread before it does.

use clap::{CommandFactory, FromArgMatches};
use permafrost_image::MappedImage;
use permafrost_server::cli::{Cli, Command, StoreCommand};
use std::io::Write;
use std::process::ExitCode;

/// The system allocator, until a forked worker switches to fresh pages of its own
/// (`permafrost_server::alloc`).
#[global_allocator]
static ALLOCATOR: permafrost_server::alloc::PoolAllocator = permafrost_server::alloc::PoolAllocator;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match cli.command {
        Command::Freeze {
            files,
            output,
            path,
            stdlib,
            no_stdlib,
            stdlib_sources,
            verbose,
        } => {
            let opts = permafrost_compiler::FreezeOptions {
                files,
                output,
                paths: path,
                stdlib: match (stdlib, no_stdlib) {
                    (_, true) => permafrost_compiler::Stdlib::Disabled,
                    (Some(dir), false) => permafrost_compiler::Stdlib::Dir(dir),
                    (None, false) => permafrost_compiler::Stdlib::Discover,
                },
                native: permafrost_worker::native_module_names()
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                stdlib_sources,
            };
            match permafrost_compiler::freeze_program(&opts) {
                Ok(report) => {
                    if verbose {
                        eprintln!(
                            "froze {} modules, {} code objects, {} bytes",
                            report.modules.len(),
                            report.codes,
                            report.bytes
                        );
                        for m in &report.modules {
                            eprintln!("  module {m}");
                        }
                        for a in &report.absent {
                            eprintln!("  absent {a} (ModuleNotFoundError when imported)");
                        }
                        for (m, reason) in &report.uncompiled {
                            eprintln!("  absent {m}: does not compile: {reason}");
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(message) => fail(&message),
            }
        }
        Command::Dis {
            image,
            json,
            modules,
            app,
        } => {
            let mapped = match MappedImage::open(&image) {
                Ok(m) => m,
                Err(e) => return fail(&format!("{}: {e}", image.display())),
            };
            let text = if modules {
                permafrost_image::dis::render_modules(&mapped.image())
            } else if json {
                let value = if app {
                    permafrost_image::dis::render_json_app(&mapped.image())
                } else {
                    permafrost_image::dis::render_json(&mapped.image())
                };
                let mut s = value.to_string();
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
        Command::Run {
            image,
            layout,
            no_dynamic_code,
            memory_limit,
            no_files,
        } => {
            if memory_limit > 0 {
                // The budget is counted by the worker arena: this process becomes one.
                if !permafrost_server::alloc::enter_worker_mode() {
                    return fail("--memory-limit: cannot reserve the heap arena");
                }
                permafrost_worker::budget::set_limit(mib(memory_limit));
            }
            let mapped = match MappedImage::open(&image) {
                Ok(m) => m,
                Err(e) => return fail(&format!("{}: {e}", image.display())),
            };
            let mut interp = permafrost_worker::Interpreter::new(mapped.leak(), layout.into());
            interp.set_dynamic_code(!no_dynamic_code);
            // `run` is the user's `python3 prog.py`: the host's files, working directory and
            // standard input are the program's. A serving worker never gets them.
            interp.set_host_files(!no_files);
            let outcome = interp.run_main();
            let _ = std::io::stdout().flush();
            match outcome {
                Ok(()) => ExitCode::SUCCESS,
                Err(report) => match report.system_exit {
                    // As CPython: no traceback, the status of `SystemExit.code`.
                    Some(exit) => {
                        eprint!("{}", exit.stderr);
                        let _ = std::io::stderr().flush();
                        ExitCode::from(exit.status as u8)
                    }
                    None => {
                        eprint!("{}", report.traceback);
                        ExitCode::FAILURE
                    }
                },
            }
        }
        Command::Serve(args) => {
            // Before anything else (one thread): the variables leave the environment here.
            let activated = match permafrost_server::systemd::take_listener() {
                Ok(activated) => activated,
                Err(message) => return fail(&message),
            };
            let notify = permafrost_server::systemd::Notifier::from_env();
            let serve_matches = matches.subcommand_matches("serve");
            let merged = match serve_matches {
                Some(serve_matches) => permafrost_server::config::merge(args, serve_matches),
                None => Ok((args, Default::default())),
            };
            let (args, origins) = match merged {
                Ok(merged) => merged,
                Err(message) => return usage(&message),
            };
            let activated_path = activated.as_ref().map(|(_, path)| {
                path.clone()
                    .unwrap_or_else(|| std::path::PathBuf::from("(socket from systemd)"))
            });
            let settings = match permafrost_server::config::settings(args, &origins, activated_path)
            {
                Ok(settings) => settings,
                Err(message) => return usage(&message),
            };
            permafrost_server::zygote::set_max_worker_rss_mb(settings.max_worker_rss);
            // Passed on to the zygote, which passes it to its workers by fork.
            permafrost_worker::budget::set_limit(mib(settings.worker_memory));
            permafrost_server::init_logging_as(tracing::Level::INFO, settings.log_json);
            permafrost_server::supervisor::serve_with(
                settings.options,
                activated.map(|(listener, _)| listener),
                notify,
            )
        }
        Command::Zygote {
            image,
            image_store,
            control_fd,
            supervisor,
            layout,
            max_reply_bytes,
            max_worker_rss,
            worker_memory,
            no_dynamic_code,
            no_sandbox,
            user,
            worker_cpu_seconds,
            isolate,
            log_format,
        } => {
            permafrost_server::zygote::set_max_worker_rss_mb(max_worker_rss);
            permafrost_worker::budget::set_limit(mib(worker_memory));
            // Logs (a replaced store file) go to the supervisor's stderr.
            permafrost_server::init_logging_as(
                tracing::Level::INFO,
                log_format == permafrost_server::cli::LogFormat::Json,
            );
            permafrost_server::zygote::exec_main(
                permafrost_server::zygote::ZygoteOptions {
                    image,
                    image_store,
                    layout: layout.into(),
                    dynamic_code: !no_dynamic_code,
                    max_reply_bytes,
                    sandbox: permafrost_server::sandbox::SandboxOptions {
                        enabled: !no_sandbox,
                        user,
                        cpu_seconds: worker_cpu_seconds,
                    },
                    isolate,
                    // The zygote's environment is already what --pass-env kept.
                    pass_env: Vec::new(),
                },
                control_fd,
                supervisor,
            )
        }
        Command::Call {
            socket,
            function,
            args,
        } => permafrost_server::client::call(&socket, &function, &args),
        Command::SandboxSelftest { user } => permafrost_server::sandbox::selftest(user.as_deref()),
        Command::Stats {
            socket,
            json,
            prometheus,
        } => permafrost_server::client::stats(&socket, json, prometheus),
        Command::Store { command } => {
            let (StoreCommand::Ls { image_store } | StoreCommand::Gc { image_store }) = &command;
            let dir = match permafrost_server::store::resolve_dir(image_store.clone()) {
                Ok(dir) => dir,
                Err(message) => return usage(&message),
            };
            match command {
                StoreCommand::Ls { .. } => permafrost_server::store::ls(&dir),
                StoreCommand::Gc { .. } => permafrost_server::store::gc(&dir),
            }
        }
        Command::Demo { json } => {
            permafrost_server::init_logging(tracing::Level::WARN);
            permafrost_server::demo::run(json)
        }
        Command::BenchClient {
            socket,
            clients,
            requests,
            pipeline,
            ping,
            function,
            args,
        } => {
            let mut parsed = Vec::with_capacity(args.len());
            for raw in &args {
                match serde_json::from_str(raw) {
                    Ok(value) => parsed.push(value),
                    Err(e) => return usage(&format!("argument {raw:?} is not JSON: {e}")),
                }
            }
            permafrost_server::client::bench(
                &socket,
                &permafrost_server::client::BenchOptions {
                    clients,
                    requests,
                    function,
                    args: parsed,
                    pipeline,
                    ping,
                },
            )
        }
    }
}

/// MiB to bytes, saturating.
fn mib(mb: u64) -> usize {
    usize::try_from(mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX)
}

fn usage(message: &str) -> ExitCode {
    eprintln!("permafrost: {message}");
    ExitCode::from(2)
}

fn fail(message: &str) -> ExitCode {
    eprintln!("permafrost: {message}");
    ExitCode::FAILURE
}
