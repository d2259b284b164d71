//! `serve --config FILE`: the TOML config file, merged with the command line, and the
//! checks that turn the merged `serve` flags into [`ServeOptions`].
//!
//! The option set has one definition, [`ServeArgs`] (the clap flags): each key of the file is
//! a flag's long name without `--` (`job-timeout = 10`, `no-sandbox = true`,
//! `allow-uid = [1001]`; the positional IMAGE is `image`), and its value is deserialized into
//! that field's own type. A flag given on the command line wins over the file (clap's
//! `ValueSource::CommandLine`); a repeatable flag given on the command line replaces the file's
//! list. Unknown keys and bad values are errors naming the file, the line and the key.

use crate::cli::{LogFormat, ServeArgs};
use crate::supervisor::ServeOptions;
use clap::parser::ValueSource;
use serde::de::IntoDeserializer;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Generates the key table from the list of [`ServeArgs`] fields. Destructuring the struct
/// exhaustively makes a flag added without a key a compile error.
macro_rules! file_keys {
    ($($field:ident),* $(,)?) => {
        /// Every [`ServeArgs`] field a config file may set, as clap ids (snake case).
        pub const KEYS: &[&str] = &[$(stringify!($field)),*];

        /// Deserializes `value` into the field `id` of `args`; `None` for an unknown id.
        fn apply<'de>(
            args: &mut ServeArgs,
            id: &str,
            value: Spanned<DeValue<'de>>,
        ) -> Option<Result<(), toml::de::Error>> {
            match id {
                $(stringify!($field) => Some(set(&mut args.$field, value)),)*
                _ => None,
            }
        }

        #[allow(dead_code)]
        fn every_field_has_a_key(args: ServeArgs) {
            // `config` is the one flag a file cannot set.
            let ServeArgs { config: _, $($field: _),* } = args;
        }
    };
}

file_keys!(
    image,
    socket,
    redis,
    stream,
    group,
    consumer,
    result_stream,
    claim_after,
    metrics_listen,
    log_format,
    workers,
    layout,
    job_timeout,
    max_jobs_per_worker,
    queue_limit,
    no_dynamic_code,
    max_worker_rss,
    worker_memory,
    max_reply_bytes,
    max_connections,
    client_timeout,
    allow_uid,
    allow_gid,
    socket_mode,
    socket_group,
    no_sandbox,
    user,
    pass_env,
    worker_cpu_seconds,
    isolate,
    spare_workers,
    isolate_mode,
    image_store,
);

/// Replaces `slot` with `value` read as the slot's own type.
fn set<'de, T: serde::Deserialize<'de>>(
    slot: &mut T,
    value: Spanned<DeValue<'de>>,
) -> Result<(), toml::de::Error> {
    *slot = T::deserialize(value.into_deserializer())?;
    Ok(())
}

/// A clap id as a flag or key name: `job_timeout` → `job-timeout`.
pub fn key_name(id: &str) -> String {
    id.replace('_', "-")
}

/// Where the merged settings came from: which ones the config file set, at which line.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    file: Option<PathBuf>,
    lines: BTreeMap<&'static str, usize>,
}

impl Origins {
    /// The line of the config file that set `id`, if the file set it.
    pub fn line(&self, id: &str) -> Option<usize> {
        self.lines.get(id).copied()
    }

    /// An error about the setting `id`: as it is for a flag (messages name `--flag`); for a
    /// value from the file, prefixed with `FILE:LINE:` and naming the key instead.
    pub fn error(&self, id: &str, message: String) -> String {
        let (Some(file), Some(line)) = (&self.file, self.line(id)) else {
            return message;
        };
        let key = key_name(id);
        let flag = format!("--{key}");
        let message = if message.contains(&flag) {
            message.replacen(&flag, &key, 1)
        } else {
            format!("{key}: {message}")
        };
        format!("{}:{line}: {message}", file.display())
    }
}

/// Levenshtein distance of two short strings (a misspelt key's nearest key).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Reads `args.config` (if given) and merges it under the command line: each key the file
/// sets replaces the default, unless `matches` says the flag was given on the command line.
/// Relative paths in the file (`image`, `socket`, `image-store`) are relative to the file's
/// directory.
pub fn merge(args: ServeArgs, matches: &clap::ArgMatches) -> Result<(ServeArgs, Origins), String> {
    let Some(path) = args.config.clone() else {
        return Ok((args, Origins::default()));
    };
    let text =
        std::fs::read_to_string(&path).map_err(|e| format!("--config {}: {e}", path.display()))?;
    merge_text(args, matches, &path, &text)
}

/// [`merge`] with the file's text already read.
pub fn merge_text(
    args: ServeArgs,
    matches: &clap::ArgMatches,
    path: &Path,
    text: &str,
) -> Result<(ServeArgs, Origins), String> {
    let at = |offset: usize| format!("{}:{}", path.display(), line_of(text, offset));
    let table = DeTable::parse(text).map_err(|e| {
        let place = e
            .span()
            .map_or_else(|| path.display().to_string(), |s| at(s.start));
        format!("{place}: {}", e.message())
    })?;
    let mut entries: Vec<_> = table.into_inner().into_iter().collect();
    // Report problems in the order of the file, not of the keys.
    entries.sort_by_key(|(key, _)| key.span().start);
    let mut merged = args.clone();
    let mut overridden = args;
    let mut origins = Origins {
        file: Some(path.to_path_buf()),
        lines: BTreeMap::new(),
    };
    for (key, value) in entries {
        let name: &str = key.get_ref();
        let line = line_of(text, key.span().start);
        let id = name.replace('-', "_");
        let known = KEYS
            .iter()
            .copied()
            .find(|&k| k == id && !name.contains('_'));
        let Some(id) = known else {
            let keys: Vec<String> = KEYS.iter().map(|k| key_name(k)).collect();
            let hint = match keys.iter().min_by_key(|k| edit_distance(k, name)) {
                Some(near) if edit_distance(near, name) <= 2 => format!("did you mean `{near}`?"),
                _ => format!(
                    "the keys are the `serve` flags without `--`: {}",
                    keys.join(", ")
                ),
            };
            return Err(format!(
                "{}: unknown key `{name}` ({hint})",
                at(key.span().start)
            ));
        };
        let given = matches.value_source(id) == Some(ValueSource::CommandLine);
        // A value the command line overrides is still checked: the file must be valid alone.
        let target = if given { &mut overridden } else { &mut merged };
        if let Some(Err(e)) = apply(target, id, value) {
            return Err(format!(
                "{}:{line}: {name}: {}",
                path.display(),
                e.message()
            ));
        }
        if !given {
            origins.lines.insert(id, line);
        }
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    let relative = |p: &mut Option<PathBuf>| {
        if let Some(p) = p {
            *p = dir.join(&*p);
        }
    };
    if origins.line("image").is_some() {
        relative(&mut merged.image);
    }
    if origins.line("socket").is_some() {
        relative(&mut merged.socket);
    }
    if origins.line("image_store").is_some() {
        relative(&mut merged.image_store);
    }
    Ok((merged, origins))
}

/// The merged settings, checked: what `serve` runs with.
#[derive(Debug)]
pub struct Settings {
    /// The supervisor's options.
    pub options: ServeOptions,
    /// `log-format = "json"`.
    pub log_json: bool,
    /// `max-worker-rss` in MiB (0: never).
    pub max_worker_rss: u64,
    /// `worker-memory` in MiB (0: none).
    pub worker_memory: u64,
}

/// Checks the merged settings. `activated` is the path of a listening socket systemd passed
/// (then `socket` may be left out). Errors name the flag, or the file's line and key.
pub fn settings(
    args: ServeArgs,
    origins: &Origins,
    activated: Option<PathBuf>,
) -> Result<Settings, String> {
    let err = |id: &str, message: String| origins.error(id, message);
    let image = args.image.ok_or_else(|| {
        "no image: give IMAGE on the command line or `image` in the --config file".to_string()
    })?;
    let stream = crate::stream::StreamOptions::from_settings(
        args.redis,
        args.stream,
        args.group,
        args.consumer,
        args.result_stream,
        args.claim_after,
    )
    .map_err(|(id, m)| err(id, m))?;
    let socket = match (args.socket, activated) {
        (_, Some(path)) => Some(path),
        (Some(path), None) => Some(path),
        // Jobs from the stream only.
        (None, None) if stream.is_some() => None,
        (None, None) => {
            return Err(
                "no socket: give --socket, `socket` in the --config file, or start the server \
                 from a systemd socket unit (or take jobs from a stream: --redis)"
                    .to_string(),
            )
        }
    };
    let socket_mode = args
        .socket_mode
        .as_deref()
        .map(crate::sandbox::parse_mode)
        .transpose()
        .map_err(|m| err("socket_mode", m))?;
    let socket_group = args
        .socket_group
        .as_deref()
        .map(crate::sandbox::resolve_group)
        .transpose()
        .map_err(|m| err("socket_group", m))?;
    if let Some(name) = &args.user {
        if args.no_sandbox {
            let id = if origins.line("user").is_some() {
                "user"
            } else {
                "no_sandbox"
            };
            return Err(err(
                id,
                "--user is part of the sandbox: it cannot go with --no-sandbox".into(),
            ));
        }
        crate::sandbox::check_user(name).map_err(|m| err("user", m))?;
    }
    if args.isolate && args.max_jobs_per_worker != 0 {
        let id = if origins.line("isolate").is_some() {
            "isolate"
        } else {
            "max_jobs_per_worker"
        };
        return Err(err(
            id,
            "--isolate cannot go with --max-jobs-per-worker (every isolated worker runs one job)"
                .into(),
        ));
    }
    let image_store =
        crate::store::resolve_dir(args.image_store).map_err(|m| err("image_store", m))?;
    if args.workers == 0 {
        return Err(err("workers", "--workers must be at least 1".into()));
    }
    let seconds = |id: &str, value: f64| {
        if value.is_finite() && value > 0.0 && value < 1e9 {
            Ok(Duration::from_secs_f64(value))
        } else {
            Err(err(
                id,
                format!("--{} must be a positive number of seconds", key_name(id)),
            ))
        }
    };
    let job_timeout = seconds("job_timeout", args.job_timeout)?;
    let client_timeout = seconds("client_timeout", args.client_timeout)?;
    if args.max_connections == 0 {
        return Err(err(
            "max_connections",
            "--max-connections must be at least 1".into(),
        ));
    }
    if !(1024..=u32::MAX as usize / 2).contains(&args.max_reply_bytes) {
        return Err(err(
            "max_reply_bytes",
            "--max-reply-bytes must be between 1024 and 2147483647".into(),
        ));
    }
    let metrics_listen = args
        .metrics_listen
        .as_deref()
        .map(crate::metrics::parse_listen)
        .transpose()
        .map_err(|m| err("metrics_listen", m))?;
    Ok(Settings {
        options: ServeOptions {
            image,
            socket,
            stream,
            metrics_listen,
            workers: args.workers,
            layout: args.layout.into(),
            job_timeout,
            max_jobs_per_worker: args.max_jobs_per_worker,
            queue_limit: args.queue_limit,
            dynamic_code: !args.no_dynamic_code,
            max_reply_bytes: args.max_reply_bytes,
            max_connections: args.max_connections,
            client_timeout,
            access: crate::sandbox::Access::new(args.allow_uid, args.allow_gid),
            socket_mode,
            socket_group,
            sandbox: crate::sandbox::SandboxOptions {
                enabled: !args.no_sandbox,
                user: args.user,
                cpu_seconds: args.worker_cpu_seconds,
            },
            pass_env: args.pass_env,
            isolate: args.isolate.then_some(args.isolate_mode),
            spare_workers: args.spare_workers,
            image_store,
        },
        log_json: args.log_format == LogFormat::Json,
        max_worker_rss: args.max_worker_rss,
        worker_memory: args.worker_memory,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    /// Parses `permafrost serve ARGS...` and merges `text` as the config file.
    fn merged(argv: &[&str], text: &str) -> Result<(ServeArgs, Origins), String> {
        let mut full = vec!["permafrost", "serve", "--config", "/etc/pf/permafrost.toml"];
        full.extend_from_slice(argv);
        let matches = crate::cli::Cli::command()
            .try_get_matches_from(full)
            .expect("command line");
        let serve = matches.subcommand_matches("serve").expect("serve");
        let args = ServeArgs::from_arg_matches(serve).expect("serve args");
        merge_text(args, serve, Path::new("/etc/pf/permafrost.toml"), text)
    }

    #[test]
    fn every_serve_flag_is_a_key() {
        let cli = crate::cli::Cli::command();
        let serve = cli.find_subcommand("serve").expect("serve");
        let mut ids: Vec<&str> = serve
            .get_arguments()
            .map(|a| a.get_id().as_str())
            .filter(|id| !matches!(*id, "config" | "help"))
            .collect();
        ids.sort_unstable();
        let mut keys = KEYS.to_vec();
        keys.sort_unstable();
        assert_eq!(ids, keys);
    }

    #[test]
    fn keys_apply_and_flags_win() {
        let text = "workers = 3\njob-timeout = 2.5\nlayout = \"transient\"\n\
                    allow-uid = [7, 8]\nno-sandbox = true\nimage = \"app.pfi\"\n";
        let (args, origins) = merged(&["--workers", "5", "--allow-uid", "9"], text).unwrap();
        assert_eq!(args.workers, 5);
        assert_eq!(origins.line("workers"), None);
        assert_eq!(args.job_timeout, 2.5);
        assert_eq!(origins.line("job_timeout"), Some(2));
        assert_eq!(args.layout, crate::cli::LayoutArg::Transient);
        assert_eq!(args.allow_uid, vec![9]);
        assert!(args.no_sandbox);
        assert_eq!(args.image.as_deref(), Some(Path::new("/etc/pf/app.pfi")));
        // Integers are accepted for seconds.
        let (args, _) = merged(&[], "job-timeout = 4").unwrap();
        assert_eq!(args.job_timeout, 4.0);
    }

    #[test]
    fn errors_name_the_line_and_key() {
        let e = merged(&[], "workers = 2\n\nwrkers = 3\n").unwrap_err();
        assert_eq!(
            e,
            "/etc/pf/permafrost.toml:3: unknown key `wrkers` (did you mean `workers`?)"
        );
        let e = merged(&[], "colour = 1").unwrap_err();
        assert!(e.contains("unknown key `colour` (the keys are"), "{e}");
        assert!(e.contains("job-timeout, max-jobs-per-worker"), "{e}");
        let e = merged(&[], "# c\nworkers = \"four\"\n").unwrap_err();
        assert!(
            e.starts_with("/etc/pf/permafrost.toml:2: workers: invalid type: string"),
            "{e}"
        );
        let e = merged(&[], "layout = \"flat\"").unwrap_err();
        assert!(e.contains(":1: layout: unknown variant `flat`"), "{e}");
        // Overridden values are still checked.
        let e = merged(&["--workers", "2"], "workers = -1").unwrap_err();
        assert!(e.contains(":1: workers: invalid value"), "{e}");
        // Snake case and tables are not keys.
        assert!(merged(&[], "job_timeout = 1")
            .unwrap_err()
            .contains("unknown key `job_timeout`"));
        assert!(merged(&[], "[serve]\nworkers = 1")
            .unwrap_err()
            .contains(":1: unknown key `serve`"));
        assert!(merged(&[], "config = \"x\"")
            .unwrap_err()
            .contains("unknown key `config`"));
        let e = merged(&[], "workers = 1\nworkers = 2").unwrap_err();
        assert!(e.starts_with("/etc/pf/permafrost.toml:2:"), "{e}");
    }

    #[test]
    fn checks_name_the_line_and_key() {
        let (args, origins) = merged(&["x.pfi", "--socket", "s"], "\nworkers = 0\n").unwrap();
        let e = settings(args, &origins, None).unwrap_err();
        assert_eq!(e, "/etc/pf/permafrost.toml:2: workers must be at least 1");
        let (args, origins) = merged(&["x.pfi", "--socket", "s", "--workers", "0"], "").unwrap();
        let e = settings(args, &origins, None).unwrap_err();
        assert_eq!(e, "--workers must be at least 1");
        let (args, origins) = merged(&["x.pfi", "--socket", "s"], "socket-mode = \"999\"").unwrap();
        let e = settings(args, &origins, None).unwrap_err();
        assert!(
            e.starts_with("/etc/pf/permafrost.toml:1: socket-mode \"999\" is not an octal"),
            "{e}"
        );
    }

    #[test]
    fn a_stream_server_needs_no_socket() {
        let text = "image = \"app.pfi\"\nredis = \"redis://127.0.0.1:6379/0\"\n\
                    stream = \"jobs\"\nclaim-after = 5\n";
        let (args, origins) = merged(&["--consumer", "web-1"], text).unwrap();
        let options = settings(args, &origins, None).unwrap().options;
        assert_eq!(options.socket, None);
        let stream = options.stream.expect("stream options");
        assert_eq!(
            (stream.group.as_str(), stream.consumer.as_str()),
            ("permafrost", "web-1")
        );
        assert_eq!(stream.result_stream, "jobs:results");
        assert_eq!(stream.claim_after, Duration::from_secs(5));
        let (args, origins) = merged(&["x.pfi"], "stream = \"jobs\"\n").unwrap();
        let e = settings(args, &origins, None).unwrap_err();
        assert_eq!(e, "/etc/pf/permafrost.toml:1: stream needs --redis");
        let (args, origins) = merged(&["x.pfi", "--redis", "redis://h/0"], "").unwrap();
        let e = settings(args, &origins, None).unwrap_err();
        assert_eq!(e, "--redis needs --stream");
        let (args, origins) = merged(
            &["x.pfi", "--redis", "redis://h/0", "--stream", "j"],
            "claim-after = 0",
        )
        .unwrap();
        let e = settings(args, &origins, None).unwrap_err();
        assert_eq!(
            e,
            "/etc/pf/permafrost.toml:1: claim-after must be at least 0.1 seconds"
        );
    }

    /// `contrib/permafrost.toml` parses, shows every key (set or commented), and its values
    /// are the defaults where it sets one; `docs/operations.md` documents every key.
    #[test]
    fn the_example_and_the_docs_cover_every_key() {
        let example = include_str!("../../contrib/permafrost.toml");
        let (args, origins) = merged(&[], example).expect("the example parses");
        let docs = include_str!("../../docs/operations.md");
        for id in KEYS {
            let key = key_name(id);
            let shown = example
                .lines()
                .any(|l| l.trim_start_matches("# ").starts_with(&format!("{key} = ")));
            assert!(shown, "contrib/permafrost.toml does not show `{key}`");
            assert!(
                docs.contains(&format!("| `{key}` |")),
                "docs/operations.md does not document the key `{key}`"
            );
        }
        let defaults = {
            let matches = crate::cli::Cli::command()
                .try_get_matches_from(["permafrost", "serve"])
                .expect("command line");
            ServeArgs::from_arg_matches(matches.subcommand_matches("serve").expect("serve"))
                .expect("serve args")
        };
        assert_eq!(args.workers, defaults.workers);
        assert_eq!(args.job_timeout, defaults.job_timeout);
        assert_eq!(args.client_timeout, defaults.client_timeout);
        assert_eq!(args.max_reply_bytes, defaults.max_reply_bytes);
        assert_eq!(args.queue_limit, defaults.queue_limit);
        assert_eq!(args.max_connections, defaults.max_connections);
        assert_eq!(args.spare_workers, defaults.spare_workers);
        assert_eq!(args.layout, defaults.layout);
        assert_eq!(args.log_format, defaults.log_format);
        assert!(origins.line("workers").is_some());
    }
}
