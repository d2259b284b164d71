//! Observability: the pool's job and restart counters, their place in the stats reply, the
//! Prometheus text exposition rendered from a stats reply (`stats --prometheus` and
//! `serve --metrics-listen`), and the minimal HTTP endpoint that serves it.

use prometheus_client::encoding::{EncodeMetric, MetricEncoder, NoLabelSet};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::MetricType;
use prometheus_client::registry::Registry;
use serde_json::{json, Value};
use std::net::{SocketAddr, ToSocketAddrs};

/// How a job ended, as counted by `permafrost_jobs_total{outcome}`.
pub(crate) const OUTCOMES: [&str; 7] = [
    "ok",
    "error",
    "timeout",
    "crashed",
    "cancelled",
    "busy",
    "shutting_down",
];
/// Why a worker was replaced, as counted by `permafrost_worker_restarts_total{cause}`.
pub(crate) const CAUSES: [&str; 5] = ["max_jobs", "memory", "timeout", "crashed", "reload"];
/// Upper bounds of the job duration histogram, in seconds.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0, 30.0,
];
/// Worker states, as `WorkerState::name` spells them.
pub(crate) const STATES: [&str; 5] = ["starting", "idle", "busy", "retiring", "killed"];

/// The supervisor's counters since it started.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    jobs: [u64; OUTCOMES.len()],
    restarts: [u64; CAUSES.len()],
    /// Per bucket (not cumulative), the last one for durations above every bound.
    durations: [u64; BUCKETS.len() + 1],
    duration_sum: f64,
    /// Zygotes started after the first: by a crash, by a reload.
    zygote_restarts: u64,
    zygote_reloads: u64,
}

impl Counters {
    pub(crate) fn job(&mut self, outcome: &str) {
        if let Some(i) = OUTCOMES.iter().position(|&o| o == outcome) {
            self.jobs[i] += 1;
        }
    }

    pub(crate) fn restart(&mut self, cause: &str) {
        if let Some(i) = CAUSES.iter().position(|&c| c == cause) {
            self.restarts[i] += 1;
        }
    }

    pub(crate) fn zygote_started(&mut self, reload: bool) {
        if reload {
            self.zygote_reloads += 1;
        } else {
            self.zygote_restarts += 1;
        }
    }

    /// A job that ran on a worker took `secs`.
    pub(crate) fn observe(&mut self, secs: f64) {
        let i = BUCKETS
            .iter()
            .position(|&b| secs <= b)
            .unwrap_or(BUCKETS.len());
        self.durations[i] += 1;
        self.duration_sum += secs;
    }

    /// The `metrics` object of the stats reply.
    pub(crate) fn to_json(&self, queue_depth: usize, workers: &[usize; STATES.len()]) -> Value {
        let jobs: serde_json::Map<String, Value> = OUTCOMES
            .iter()
            .zip(self.jobs)
            .map(|(o, n)| (o.to_string(), json!(n)))
            .collect();
        let restarts: serde_json::Map<String, Value> = CAUSES
            .iter()
            .zip(self.restarts)
            .map(|(c, n)| (c.to_string(), json!(n)))
            .collect();
        let states: serde_json::Map<String, Value> = STATES
            .iter()
            .zip(workers)
            .map(|(s, n)| (s.to_string(), json!(n)))
            .collect();
        let mut buckets: Vec<Value> = BUCKETS
            .iter()
            .zip(self.durations)
            .map(|(b, n)| json!([b, n]))
            .collect();
        buckets.push(json!(["+Inf", self.durations[BUCKETS.len()]]));
        json!({
            "jobs": jobs,
            "job_duration_seconds": {
                "buckets": buckets,
                "sum": self.duration_sum,
                "count": self.durations.iter().sum::<u64>(),
            },
            "queue_depth": queue_depth,
            "workers": states,
            "worker_restarts": restarts,
            "zygote_restarts": {"crash": self.zygote_restarts, "reload": self.zygote_reloads},
        })
    }
}

/// A histogram whose buckets were counted elsewhere (the stats reply).
#[derive(Debug)]
struct HistogramSnapshot {
    sum: f64,
    count: u64,
    /// Per-bucket counts, not cumulative (the encoder sums them).
    buckets: Vec<(f64, u64)>,
}

impl EncodeMetric for HistogramSnapshot {
    fn encode(&self, mut encoder: MetricEncoder) -> Result<(), std::fmt::Error> {
        encoder.encode_histogram::<NoLabelSet>(self.sum, self.count, &self.buckets, None)
    }

    fn metric_type(&self) -> MetricType {
        MetricType::Histogram
    }
}

type Labels = Vec<(String, String)>;

fn counter_family(registry: &mut Registry, name: &str, help: &str, label: &str, values: &Value) {
    let family = Family::<Labels, Counter>::default();
    if let Some(map) = values.as_object() {
        for (key, n) in map {
            family
                .get_or_create(&vec![(label.to_string(), key.clone())])
                .inc_by(n.as_u64().unwrap_or(0));
        }
    }
    registry.register(name, help, family);
}

/// The Prometheus text exposition (format 0.0.4) of a stats reply.
pub fn render(stats: &Value) -> String {
    let mut registry = Registry::with_prefix("permafrost");
    let m = &stats["metrics"];
    counter_family(
        &mut registry,
        "jobs",
        "Jobs answered, by outcome",
        "outcome",
        &m["jobs"],
    );
    let hist = &m["job_duration_seconds"];
    let buckets = hist["buckets"]
        .as_array()
        .map(|b| {
            b.iter()
                .map(|pair| {
                    let bound = pair[0].as_f64().unwrap_or(f64::INFINITY);
                    (bound, pair[1].as_u64().unwrap_or(0))
                })
                .collect()
        })
        .unwrap_or_default();
    registry.register(
        "job_duration_seconds",
        "Time from handing a job to a worker to its reply",
        HistogramSnapshot {
            sum: hist["sum"].as_f64().unwrap_or(0.0),
            count: hist["count"].as_u64().unwrap_or(0),
            buckets,
        },
    );
    let depth = Gauge::<i64, std::sync::atomic::AtomicI64>::default();
    depth.set(m["queue_depth"].as_i64().unwrap_or(0));
    registry.register("queue_depth", "Jobs waiting for a worker", depth);
    let workers = Family::<Labels, Gauge>::default();
    if let Some(map) = m["workers"].as_object() {
        for (state, n) in map {
            workers
                .get_or_create(&vec![("state".into(), state.clone())])
                .set(n.as_i64().unwrap_or(0));
        }
    }
    registry.register("workers", "Worker processes, by state", workers);
    counter_family(
        &mut registry,
        "worker_restarts",
        "Workers replaced, by cause",
        "cause",
        &m["worker_restarts"],
    );
    counter_family(
        &mut registry,
        "zygote_restarts",
        "Zygotes started after the first, by cause",
        "cause",
        &m["zygote_restarts"],
    );
    let pss = Family::<Labels, Gauge>::default();
    let dirty = Family::<Labels, Gauge>::default();
    let copied = Family::<Labels, Gauge>::default();
    let inherited = Family::<Labels, Gauge>::default();
    for worker in stats["workers"].as_array().into_iter().flatten() {
        let labels = vec![("pid".to_string(), worker["pid"].to_string())];
        let total = &worker["memory"]["total"];
        let bytes = |key: &str| total[key].as_i64().unwrap_or(0).saturating_mul(1024);
        pss.get_or_create(&labels).set(bytes("pss_kb"));
        dirty.get_or_create(&labels).set(bytes("private_dirty_kb"));
        // Old workers (of a previous zygote) have no copy-on-write figures.
        if let Some(n) = worker["cow"]["copied_pages"].as_i64() {
            copied.get_or_create(&labels).set(n);
        }
        if let Some(n) = worker["cow"]["inherited_pages"].as_i64() {
            inherited.get_or_create(&labels).set(n);
        }
    }
    registry.register(
        "worker_pss_bytes",
        "Proportional set size of each worker",
        pss,
    );
    registry.register(
        "worker_private_dirty_bytes",
        "Private dirty memory of each worker",
        dirty,
    );
    registry.register(
        "worker_copied_pages",
        "Pages inherited from the zygote that the worker has copied (written)",
        copied,
    );
    registry.register(
        "worker_inherited_pages",
        "Pages the worker inherited from the zygote",
        inherited,
    );
    let mut text = String::new();
    // Without the OpenMetrics `# EOF` line: the 0.0.4 text format has none.
    let _ = prometheus_client::encoding::text::encode_registry(&mut text, &registry);
    text
}

/// `--metrics-listen`: `ADDR:PORT`, or a bare `PORT` / `:PORT` for the loopback address.
pub fn parse_listen(spec: &str) -> Result<SocketAddr, String> {
    let spec = spec.trim();
    let port_only = spec.strip_prefix(':').unwrap_or(spec);
    if let Ok(port) = port_only.parse::<u16>() {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
    }
    spec.to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| format!("--metrics-listen {spec:?}: expected ADDR:PORT or PORT"))
}

/// Whether a request head asks for the exposition (`GET /metrics`, any query string).
pub(crate) fn wants_metrics(head: &[u8]) -> bool {
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut parts = line.split(|&b| b == b' ');
    let method = parts.next().unwrap_or_default();
    let path = parts.next().unwrap_or_default();
    let path = path.split(|&b| b == b'?').next().unwrap_or_default();
    method == b"GET" && path == b"/metrics"
}

/// The HTTP response to one request head: the exposition for `GET /metrics`, 404 otherwise.
pub(crate) fn response(head: &[u8], body: impl FnOnce() -> Option<String>) -> Vec<u8> {
    let (status, kind, body) = if wants_metrics(head) {
        match body() {
            Some(text) => ("200 OK", "text/plain; version=0.0.4; charset=utf-8", text),
            None => (
                "503 Service Unavailable",
                "text/plain; charset=utf-8",
                "the pool did not answer\n".to_string(),
            ),
        }
    } else {
        (
            "404 Not Found",
            "text/plain; charset=utf-8",
            "not found: only GET /metrics is served\n".to_string(),
        )
    };
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_histogram_and_worker_gauges() {
        let mut c = Counters::default();
        c.job("ok");
        c.job("ok");
        c.job("error");
        c.observe(0.002);
        c.observe(100.0);
        c.restart("timeout");
        let mut stats = json!({"workers": [{"pid": 42, "memory": {"total": {"pss_kb": 2, "private_dirty_kb": 1}}, "cow": {"inherited_pages": 9, "copied_pages": 3}}]});
        stats["metrics"] = c.to_json(5, &[0, 1, 1, 0, 0]);
        let text = render(&stats);
        assert!(
            text.contains("permafrost_jobs_total{outcome=\"ok\"} 2\n"),
            "{text}"
        );
        assert!(text.contains("permafrost_jobs_total{outcome=\"error\"} 1\n"));
        assert!(text.contains("permafrost_job_duration_seconds_bucket{le=\"0.0025\"} 1\n"));
        assert!(text.contains("permafrost_job_duration_seconds_bucket{le=\"+Inf\"} 2\n"));
        assert!(text.contains("permafrost_job_duration_seconds_count 2\n"));
        assert!(text.contains("permafrost_queue_depth 5\n"));
        assert!(text.contains("permafrost_workers{state=\"busy\"} 1\n"));
        assert!(text.contains("permafrost_worker_restarts_total{cause=\"timeout\"} 1\n"));
        assert!(text.contains("permafrost_worker_pss_bytes{pid=\"42\"} 2048\n"));
        assert!(text.contains("permafrost_worker_copied_pages{pid=\"42\"} 3\n"));
        assert!(!text.contains("# EOF"));
    }

    #[test]
    fn listen_addresses() {
        assert_eq!(parse_listen("9100").unwrap().to_string(), "127.0.0.1:9100");
        assert_eq!(parse_listen(":9100").unwrap().to_string(), "127.0.0.1:9100");
        assert_eq!(parse_listen("0.0.0.0:1").unwrap().to_string(), "0.0.0.0:1");
        assert!(parse_listen("nonsense").is_err());
    }

    #[test]
    fn only_get_metrics_is_served() {
        let ok = response(b"GET /metrics HTTP/1.1\r\n", || Some("x 1\n".into()));
        assert!(ok.starts_with(b"HTTP/1.1 200 OK\r\n"));
        let other = response(b"GET / HTTP/1.1\r\n", || Some(String::new()));
        assert!(other.starts_with(b"HTTP/1.1 404"));
        let post = response(b"POST /metrics HTTP/1.1\r\n", || Some(String::new()));
        assert!(post.starts_with(b"HTTP/1.1 404"));
    }
}
