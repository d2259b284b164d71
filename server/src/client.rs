//! The client side: `permafrost call`, `permafrost stats`, the hidden `bench-client` load
//! generator, and [`Connection`], the blocking JSON-lines client the demo also uses.

use serde_json::{json, Map, Value};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// A blocking connection to a server.
pub struct Connection {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
    next_id: u64,
}

impl Connection {
    /// Connects to the server listening on `socket`.
    pub fn open(socket: &Path) -> Result<Connection, String> {
        let stream = UnixStream::connect(socket)
            .map_err(|e| format!("cannot connect to {}: {e}", socket.display()))?;
        let writer = stream
            .try_clone()
            .map_err(|e| format!("{}: {e}", socket.display()))?;
        Ok(Connection {
            reader: BufReader::new(stream),
            writer,
            next_id: 1,
        })
    }

    /// Sends one request (an `id` is added) without waiting; returns the id.
    pub fn send(&mut self, mut request: Map<String, Value>) -> Result<u64, String> {
        let id = self.next_id;
        self.next_id += 1;
        request.insert("id".into(), Value::from(id));
        let mut line = Value::Object(request).to_string();
        line.push('\n');
        self.writer
            .write_all(line.as_bytes())
            .map_err(|e| format!("cannot send the request: {e}"))?;
        Ok(id)
    }

    /// Reads the next reply.
    pub fn receive(&mut self) -> Result<Value, String> {
        let mut line = String::new();
        match self.reader.read_line(&mut line) {
            Ok(0) => Err("the server closed the connection".into()),
            Ok(_) => parse_reply(&line).map_err(|e| format!("bad reply from server: {e}")),
            Err(e) => Err(format!("cannot read the reply: {e}")),
        }
    }

    /// One request, one reply.
    pub fn request(&mut self, request: Map<String, Value>) -> Result<Value, String> {
        self.send(request)?;
        self.receive()
    }

    /// Calls `function` and returns the whole reply object.
    pub fn call(&mut self, function: &str, args: Vec<Value>) -> Result<Value, String> {
        self.request(call_request(function, args))
    }

    /// The stats object.
    pub fn stats(&mut self) -> Result<Value, String> {
        self.stats_as("json")
    }

    /// The stats reply's result in `format` (`json`: the object; `prometheus`: the text
    /// exposition, a string).
    pub fn stats_as(&mut self, format: &str) -> Result<Value, String> {
        let mut request = Map::new();
        request.insert("op".into(), Value::from("stats"));
        request.insert("format".into(), Value::from(format));
        let reply = self.request(request)?;
        if reply["ok"] == Value::Bool(true) {
            Ok(reply["result"].clone())
        } else {
            Err(format!("stats failed: {}", reply["error"]))
        }
    }
}

/// Writes to stdout; a closed stdout (`permafrost stats | head -1`) is not worth a panic.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// `{"op":"call","function":…,"args":…,"kwargs":{}}` (without id).
pub fn call_request(function: &str, args: Vec<Value>) -> Map<String, Value> {
    let mut request = Map::new();
    request.insert("op".into(), Value::from("call"));
    request.insert("function".into(), Value::from(function));
    request.insert("args".into(), Value::Array(args));
    request.insert("kwargs".into(), Value::Object(Map::new()));
    request
}

/// Parses a reply line. A result nests as deep as the worker's recursion limit allows (the
/// worker refuses deeper ones), beyond serde_json's default limit of 128 levels.
pub fn parse_reply(line: &str) -> serde_json::Result<Value> {
    use serde::Deserialize;
    let mut de = serde_json::Deserializer::from_str(line);
    de.disable_recursion_limit();
    let value = Value::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// `permafrost call`: exit 0 with the result on stdout, 1 on a failed call, 2 on a bad ARG.
pub fn call(socket: &Path, function: &str, raw_args: &[String]) -> ExitCode {
    let mut args = Vec::with_capacity(raw_args.len());
    for (i, raw) in raw_args.iter().enumerate() {
        match serde_json::from_str::<Value>(raw) {
            Ok(value) => args.push(value),
            Err(e) => {
                eprintln!(
                    "permafrost call: argument {} is not a JSON value: {raw:?} ({e}); \
                     strings need JSON quotes, e.g. '\"text\"'",
                    i + 1
                );
                return ExitCode::from(2);
            }
        }
    }
    let reply = match Connection::open(socket).and_then(|mut c| c.call(function, args)) {
        Ok(reply) => reply,
        Err(message) => {
            eprintln!("permafrost call: {message}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(stdout) = reply["stdout"].as_str() {
        eprint!("{stdout}");
    }
    if reply["ok"] == Value::Bool(true) {
        emit(&format!("{}\n", reply["result"]));
        ExitCode::SUCCESS
    } else {
        let error = &reply["error"];
        match error["traceback"].as_str() {
            Some(traceback) if !traceback.is_empty() => eprint!("{traceback}"),
            _ => eprintln!(
                "{}: {}",
                error["type"].as_str().unwrap_or("Error"),
                error["message"].as_str().unwrap_or("")
            ),
        }
        ExitCode::FAILURE
    }
}

/// `permafrost stats`: the report as a table, the raw object with `--json`, or the
/// Prometheus exposition with `--prometheus`.
pub fn stats(socket: &Path, as_json: bool, prometheus: bool) -> ExitCode {
    let format = if prometheus { "prometheus" } else { "json" };
    let stats = match Connection::open(socket).and_then(|mut c| c.stats_as(format)) {
        Ok(stats) => stats,
        Err(message) => {
            eprintln!("permafrost stats: {message}");
            return ExitCode::FAILURE;
        }
    };
    if prometheus {
        emit(stats.as_str().unwrap_or_default());
    } else if as_json {
        emit(&format!("{stats}\n"));
    } else {
        emit(&render_stats(&stats));
    }
    ExitCode::SUCCESS
}

fn kb(value: &Value) -> u64 {
    value.as_u64().unwrap_or(0)
}

/// The readable table of `permafrost stats`.
pub fn render_stats(stats: &Value) -> String {
    let mut out = String::new();
    let image = &stats["image"];
    out.push_str(&format!(
        "layout {}   image {} ({} bytes, {} code objects)   zygote pid {}\n\n",
        stats["layout"].as_str().unwrap_or("?"),
        image["path"].as_str().unwrap_or("?"),
        kb(&image["bytes"]),
        kb(&image["code_objects"]),
        stats["zygote"]["pid"],
    ));
    let store = &image["store"];
    if let Some(file) = store["file"].as_str() {
        out.truncate(out.len() - 1);
        out.push_str(&format!(
            "store {file}   mapped by {} processes on this host\n\n",
            kb(&store["mappers"])
        ));
    }
    out.push_str(&format!(
        "{:<9} {:>6} {:<9} {:>9} {:>9} {:>11} {:>11} {:>11} {:>11} {:>9} {:>9}\n",
        "process",
        "jobs",
        "state",
        "rss_kb",
        "pss_kb",
        "priv_dirty",
        "image_dirty",
        "heap_shared",
        "heap_own",
        "inherited",
        "copied",
    ));
    let page_kb = procfs::page_size() / 1024;
    let mut row = |name: String, jobs: String, state: &str, process: &Value| {
        let memory = &process["memory"];
        let heap = &memory["heap"];
        let inherited = kb(&process["cow"]["inherited_pages"]);
        let copied = kb(&process["cow"]["copied_pages"]);
        // Inherited heap still shared with the zygote, and everything else the worker holds
        // in anonymous memory (its own arena, plus the pages it copied).
        let shared_heap = (inherited - copied.min(inherited)) * page_kb;
        let own_heap = kb(&heap["rss_kb"]).saturating_sub(shared_heap);
        let cow = |v: &Value| {
            if v.is_null() {
                "-".to_string()
            } else {
                kb(v).to_string()
            }
        };
        out.push_str(&format!(
            "{:<9} {:>6} {:<9} {:>9} {:>9} {:>11} {:>11} {:>11} {:>11} {:>9} {:>9}\n",
            name,
            jobs,
            state,
            kb(&memory["total"]["rss_kb"]),
            kb(&memory["total"]["pss_kb"]),
            kb(&memory["total"]["private_dirty_kb"]),
            kb(&memory["image"]["private_dirty_kb"]),
            if process["cow"].is_null() {
                "-".to_string()
            } else {
                shared_heap.to_string()
            },
            if process["cow"].is_null() {
                kb(&heap["rss_kb"]).to_string()
            } else {
                own_heap.to_string()
            },
            cow(&process["cow"]["inherited_pages"]),
            cow(&process["cow"]["copied_pages"]),
        ));
    };
    row(
        stats["zygote"]["pid"].to_string(),
        "-".into(),
        "zygote",
        &stats["zygote"],
    );
    if let Some(workers) = stats["workers"].as_array() {
        for worker in workers {
            let state = worker["state"].as_str().unwrap_or("?");
            let state = if worker["generation"] == "old" {
                format!("old:{state}")
            } else {
                state.to_string()
            };
            row(
                worker["pid"].to_string(),
                worker["jobs_done"].to_string(),
                &state,
                worker,
            );
        }
    }
    out.push_str(&format!(
        "\ntotal (zygote + workers): pss {} kB, private dirty {} kB\n\
         inherited/copied: heap pages inherited from the zygote and how many this worker has \
         copied since (pagemap bit 56)\n",
        kb(&stats["totals"]["pss_kb"]),
        kb(&stats["totals"]["private_dirty_kb"]),
    ));
    out
}

/// Options of the hidden `bench-client` subcommand.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    /// Concurrent connections, one thread each.
    pub clients: usize,
    /// Calls per connection.
    pub requests: usize,
    /// The function to call: `name` in the main module or `module.name`.
    pub function: String,
    /// Positional arguments of every call.
    pub args: Vec<Value>,
    /// Requests in flight per connection.
    pub pipeline: usize,
    /// Send `ping` instead of calls.
    pub ping: bool,
}

/// Sends `requests` calls per client over `clients` connections (threads), `pipeline` in
/// flight each, and reports latency percentiles and throughput as JSON on stdout.
pub fn bench(socket: &Path, options: &BenchOptions) -> ExitCode {
    let started = Instant::now();
    let handles: Vec<_> = (0..options.clients.max(1))
        .map(|_| {
            let socket = socket.to_path_buf();
            let options = options.clone();
            std::thread::spawn(move || bench_one(&socket, &options))
        })
        .collect();
    let mut latencies = Vec::new();
    for handle in handles {
        match handle.join() {
            Ok(Ok(mut own)) => latencies.append(&mut own),
            Ok(Err(message)) => {
                eprintln!("permafrost bench-client: {message}");
                return ExitCode::FAILURE;
            }
            Err(_) => {
                eprintln!("permafrost bench-client: a client thread panicked");
                return ExitCode::FAILURE;
            }
        }
    }
    let wall = started.elapsed();
    latencies.sort_unstable();
    let pick = |q: f64| -> u64 {
        if latencies.is_empty() {
            return 0;
        }
        let index = ((latencies.len() as f64 - 1.0) * q).round() as usize;
        latencies[index].as_micros() as u64
    };
    let calls = latencies.len();
    emit(&format!(
        "{}\n",
        json!({
            "clients": options.clients,
            "pipeline": options.pipeline,
            "calls": calls,
            "wall_ms": wall.as_millis() as u64,
            "calls_per_s": (calls as f64 / wall.as_secs_f64()).round(),
            "p50_us": pick(0.50),
            "p90_us": pick(0.90),
            "p99_us": pick(0.99),
            "max_us": pick(1.0),
        })
    ));
    ExitCode::SUCCESS
}

fn bench_one(socket: &Path, options: &BenchOptions) -> Result<Vec<Duration>, String> {
    let mut connection = Connection::open(socket)?;
    let pipeline = options.pipeline.max(1);
    let mut sent_at = std::collections::HashMap::new();
    let mut latencies = Vec::with_capacity(options.requests);
    let mut sent = 0;
    while latencies.len() < options.requests {
        while sent < options.requests && sent_at.len() < pipeline {
            let request = if options.ping {
                let mut ping = Map::new();
                ping.insert("op".into(), Value::from("ping"));
                ping
            } else {
                call_request(&options.function, options.args.clone())
            };
            let id = connection.send(request)?;
            sent_at.insert(id, Instant::now());
            sent += 1;
        }
        let reply = connection.receive()?;
        if reply["ok"] != Value::Bool(true) {
            return Err(format!("request failed: {}", reply["error"]));
        }
        let id = reply["id"].as_u64().unwrap_or(0);
        if let Some(at) = sent_at.remove(&id) {
            latencies.push(at.elapsed());
        }
    }
    Ok(latencies)
}
