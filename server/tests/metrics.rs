//! Observability end to end: the Prometheus exposition scraped over a real TCP socket from
//! `serve --metrics-listen`, the same figures from `stats --prometheus`, and `--log-format
//! json` lines.

mod common;

use common::{Server, APP};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

/// A port free a moment ago (bound, then released).
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("local addr").port()
}

/// One HTTP request over TCP; the status line and the body.
fn http_get(port: u16, path: &str) -> (String, String, String) {
    let started = Instant::now();
    let mut stream = loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(stream) => break stream,
            Err(e) => {
                assert!(started.elapsed() < Duration::from_secs(10), "connect: {e}");
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let (head, body) = response.split_once("\r\n\r\n").expect("head and body");
    let status = head.lines().next().unwrap_or_default().to_string();
    let content_type = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Type: "))
        .unwrap_or_default()
        .to_string();
    (status, content_type, body.to_string())
}

/// The samples of an exposition: `name{labels}` to value.
fn samples(text: &str) -> HashMap<String, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (name, value) = l.rsplit_once(' ').expect("sample line");
            (name.to_string(), value.parse().expect("sample value"))
        })
        .collect()
}

fn sample(samples: &HashMap<String, f64>, name: &str) -> f64 {
    *samples
        .get(name)
        .unwrap_or_else(|| panic!("no sample {name} in {samples:?}"))
}

fn worker_pids(stats: &Value) -> Vec<i64> {
    stats["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .map(|w| w["pid"].as_i64().expect("pid"))
        .collect()
}

#[test]
fn metrics_endpoint_counts_jobs_and_restarts() {
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let server = Server::start(
        "metrics-http",
        APP,
        2,
        &["--metrics-listen", &listen, "--job-timeout", "0.5"],
    );

    let (status, content_type, body) = http_get(port, "/metrics");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(content_type, "text/plain; version=0.0.4; charset=utf-8");
    let before = samples(&body);
    assert_eq!(
        sample(&before, "permafrost_jobs_total{outcome=\"ok\"}"),
        0.0
    );
    assert_eq!(
        sample(&before, "permafrost_job_duration_seconds_count"),
        0.0
    );
    assert_eq!(sample(&before, "permafrost_workers{state=\"idle\"}"), 2.0);

    let mut client = server.client();
    for i in 0..3 {
        let reply = client.call("handle", json!([i]));
        assert_eq!(reply["ok"], true, "{reply}");
    }
    for _ in 0..2 {
        let reply = client.call("boom", json!([]));
        assert_eq!(reply["error"]["type"], "ZeroDivisionError", "{reply}");
    }
    let reply = client.call("spin", json!([]));
    assert_eq!(reply["error"]["type"], "TimeoutError", "{reply}");

    let (status, _, body) = http_get(port, "/metrics");
    assert_eq!(status, "HTTP/1.1 200 OK");
    let after = samples(&body);
    assert_eq!(sample(&after, "permafrost_jobs_total{outcome=\"ok\"}"), 3.0);
    assert_eq!(
        sample(&after, "permafrost_jobs_total{outcome=\"error\"}"),
        2.0
    );
    assert_eq!(
        sample(&after, "permafrost_jobs_total{outcome=\"timeout\"}"),
        1.0
    );
    assert_eq!(
        sample(&after, "permafrost_jobs_total{outcome=\"crashed\"}"),
        0.0
    );
    // Jobs answered by their worker, each in some bucket.
    assert_eq!(sample(&after, "permafrost_job_duration_seconds_count"), 5.0);
    assert_eq!(
        sample(
            &after,
            "permafrost_job_duration_seconds_bucket{le=\"+Inf\"}"
        ),
        5.0
    );
    assert!(sample(&after, "permafrost_job_duration_seconds_sum") > 0.0);
    assert_eq!(
        sample(
            &after,
            "permafrost_worker_restarts_total{cause=\"timeout\"}"
        ),
        1.0
    );
    assert_eq!(sample(&after, "permafrost_queue_depth"), 0.0);

    // Per-worker memory gauges for the workers `stats` lists.
    let stats = server.stats();
    let text = http_get(port, "/metrics").2;
    let now = samples(&text);
    let live: Vec<i64> = worker_pids(&stats)
        .into_iter()
        .filter(|pid| now.contains_key(&format!("permafrost_worker_pss_bytes{{pid=\"{pid}\"}}")))
        .collect();
    assert!(!live.is_empty(), "no worker gauges in {text}");
    for pid in live {
        assert!(
            sample(
                &now,
                &format!("permafrost_worker_pss_bytes{{pid=\"{pid}\"}}")
            ) > 0.0
        );
        assert!(now.contains_key(&format!(
            "permafrost_worker_private_dirty_bytes{{pid=\"{pid}\"}}"
        )));
    }
    assert!(text.contains("# TYPE permafrost_job_duration_seconds histogram"));

    let (status, _, _) = http_get(port, "/");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    let (status, _, _) = http_get(port, "/metricsx");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
}

#[test]
fn stats_prometheus_prints_the_exposition() {
    let server = Server::start("metrics-cli", APP, 1, &[]);
    let mut client = server.client();
    for i in 0..4 {
        assert_eq!(client.call("handle", json!([i]))["ok"], true);
    }
    assert_eq!(client.call("boom", json!([]))["ok"], false);
    let socket = server.socket.to_str().expect("utf-8 path");
    let output = server.run_cli(&["stats", "--socket", socket, "--prometheus"]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    let figures = samples(&text);
    assert_eq!(
        sample(&figures, "permafrost_jobs_total{outcome=\"ok\"}"),
        4.0
    );
    assert_eq!(
        sample(&figures, "permafrost_jobs_total{outcome=\"error\"}"),
        1.0
    );
    assert_eq!(
        sample(&figures, "permafrost_job_duration_seconds_count"),
        5.0
    );
    assert_eq!(sample(&figures, "permafrost_workers{state=\"idle\"}"), 1.0);
    assert!(text.contains("# TYPE permafrost_jobs counter"));
    assert!(!text.contains("# EOF"));
    // The same over the protocol; the plain stats object keeps its shape.
    let mut client = server.client();
    let reply = client.request(json!({"op": "stats", "format": "prometheus"}));
    let text = reply["result"].as_str().expect("exposition string");
    assert!(
        text.contains("permafrost_jobs_total{outcome=\"ok\"} 4\n"),
        "{text}"
    );
    let reply = client.request(json!({"op": "stats", "format": "yaml"}));
    assert_eq!(reply["error"]["type"], "ProtocolError", "{reply}");
    assert!(server.stats().get("metrics").is_none());
}

#[test]
fn log_format_json_writes_one_object_per_line() {
    let server = Server::start(
        "metrics-log",
        APP,
        1,
        &["--log-format", "json", "--job-timeout", "0.5"],
    );
    // A timeout is logged at `warn`, the level the test servers log at.
    let reply = server.client().call("spin", json!([]));
    assert_eq!(reply["error"]["type"], "TimeoutError", "{reply}");
    let log_path = server.socket.with_file_name("serve.log");
    let started = Instant::now();
    let log = loop {
        let log = std::fs::read_to_string(&log_path).expect("log");
        if log.contains("ran longer") || started.elapsed() > Duration::from_secs(10) {
            break log;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(!lines.is_empty(), "empty log");
    let mut found = false;
    for line in lines {
        let entry: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?} is not JSON: {e}"));
        assert!(entry["level"].is_string(), "{entry}");
        assert!(entry["timestamp"].is_string(), "{entry}");
        let message = entry["fields"]["message"].as_str().unwrap_or_default();
        found |= entry["level"] == "WARN" && message.contains("ran longer than 0.5 s");
    }
    assert!(found, "no timeout warning in {log}");
    // The zygote (an exec'd process) is told to log JSON too.
    let zygote = server.stats()["zygote"]["pid"]
        .as_i64()
        .expect("zygote pid");
    let cmdline = std::fs::read(format!("/proc/{zygote}/cmdline")).expect("cmdline");
    let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
    assert!(
        args.windows(2)
            .any(|w| w[0] == b"--log-format" && w[1] == b"json"),
        "{:?}",
        String::from_utf8_lossy(&cmdline)
    );
}
