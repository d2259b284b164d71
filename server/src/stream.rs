//! `serve --redis URL --stream NAME`: jobs taken from a Redis stream through a consumer
//! group, so that a fleet of servers shares one queue (`docs/protocol.md`, "Jobs from a Redis
//! stream").
//!
//! Two tasks, each with its own connection (a blocking `XREADGROUP` would hold up writes on a
//! shared one):
//!
//! - the reader takes at most as many messages as there are workers not running stream jobs
//!   (`XREADGROUP`),
//!   and every half `--claim-after` claims messages left pending longer than that by a
//!   consumer that is gone (`XAUTOCLAIM`); each job enters the pool's queue as a socket call
//!   does, as one more connection of the fair queue;
//! - the writer writes each reply (to the result stream, or to the list the message names)
//!   and acknowledges the message in one transaction, and keeps the messages it holds from
//!   looking abandoned (a script resets the idle time of those the group still assigns to
//!   this consumer, `XCLAIM … JUSTID`, every third of `--claim-after`).
//!
//! Delivery is at least once: a message is acknowledged only with its reply. Redis being
//! unreachable is retried with backoff; the socket keeps serving meanwhile.

use crate::connection::{DetachedReplies, FromClient, Phase};
use crate::protocol::{self, Request};
use redis::aio::MultiplexedConnection;
use redis::streams::{StreamAutoClaimReply, StreamId, StreamReadReply};
use serde_json::Value;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch, Notify, OwnedSemaphorePermit, Semaphore};
use tracing::{debug, info, warn};

/// The fair queue's key for stream jobs (client connections count up from 1).
const STREAM_CONN: u64 = u64::MAX;
/// Longest a read blocks waiting for new messages.
const MAX_BLOCK: Duration = Duration::from_secs(1);
/// Replies written and acknowledged in one transaction at most.
const MAX_BATCH: usize = 256;
/// Wait before a job refused `Busy` (the queue is full of socket calls) is offered again.
const BUSY_RETRY: Duration = Duration::from_millis(50);
/// Reconnection delays: doubling from the first to the last.
const BACKOFF_FIRST: Duration = Duration::from_millis(100);
const BACKOFF_MAX: Duration = Duration::from_secs(5);

/// Validated stream options.
#[derive(Clone, Debug)]
pub struct StreamOptions {
    /// The Redis URL (password and all: never logged).
    pub url: String,
    /// The job stream.
    pub stream: String,
    /// The consumer group.
    pub group: String,
    /// This server's consumer name.
    pub consumer: String,
    /// Where replies go unless a message names a `reply_to` list.
    pub result_stream: String,
    /// How long a message may stay pending, unrefreshed, before another consumer claims it.
    pub claim_after: Duration,
}

impl StreamOptions {
    /// The options from the `serve` settings, `None` without `redis`; an error names the
    /// setting at fault (a clap id) and why.
    pub fn from_settings(
        redis: Option<String>,
        stream: Option<String>,
        group: String,
        consumer: Option<String>,
        result_stream: Option<String>,
        claim_after: f64,
    ) -> Result<Option<StreamOptions>, (&'static str, String)> {
        let (url, stream) = match (redis, stream) {
            (Some(url), Some(stream)) => (url, stream),
            (Some(_), None) => return Err(("redis", "--redis needs --stream".into())),
            (None, Some(_)) => return Err(("stream", "--stream needs --redis".into())),
            (None, None) => return Ok(None),
        };
        redis::Client::open(url.as_str()).map_err(|e| ("redis", format!("--redis: {e}")))?;
        if stream.is_empty() {
            return Err(("stream", "--stream must not be empty".into()));
        }
        if group.is_empty() {
            return Err(("group", "--group must not be empty".into()));
        }
        if !(claim_after.is_finite() && (0.1..1e6).contains(&claim_after)) {
            return Err((
                "claim_after",
                "--claim-after must be at least 0.1 seconds".into(),
            ));
        }
        let consumer = match consumer {
            Some(c) if c.is_empty() => {
                return Err(("consumer", "--consumer must not be empty".into()))
            }
            Some(c) => c,
            None => format!("{}-{}", hostname(), std::process::id()),
        };
        let result_stream = match result_stream {
            Some(r) if r.is_empty() => {
                return Err(("result_stream", "--result-stream must not be empty".into()))
            }
            Some(r) => r,
            None => format!("{stream}:results"),
        };
        Ok(Some(StreamOptions {
            url,
            stream,
            group,
            consumer,
            result_stream,
            claim_after: Duration::from_secs_f64(claim_after),
        }))
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".into())
}

/// A message done with: its reply to write before acknowledging it, or `None` when it did
/// not run (the server is stopping) and is left pending for another consumer to claim.
struct Done {
    message: String,
    reply: Option<Vec<u8>>,
    reply_to: Option<String>,
    claimed: bool,
}

/// What the reader, the writer and the job tasks share.
struct Shared {
    options: StreamOptions,
    /// Messages read and not yet acknowledged (or given up): the writer keeps them fresh.
    unacked: Mutex<HashSet<String>>,
    /// The writer acknowledged or gave up messages.
    acked: Notify,
    /// One permit per worker: held by a job from when it is read until its reply arrives.
    running: Arc<Semaphore>,
    workers: usize,
    replies: DetachedReplies,
}

impl Shared {
    fn unacked(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        // Nothing panics while holding it; a poisoned set is still a valid set.
        self.unacked.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Reads jobs from the stream and writes their replies until the server stops; `alive` is
/// held until the replies of the jobs taken are written (or the server gives up waiting).
pub(crate) async fn run<E: From<FromClient> + Send + 'static>(
    options: StreamOptions,
    workers: usize,
    events: mpsc::UnboundedSender<E>,
    phase: watch::Receiver<Phase>,
    alive: mpsc::Sender<()>,
) {
    let client = match redis::Client::open(options.url.as_str()) {
        Ok(client) => client,
        Err(e) => {
            warn!("--redis: {e}; not reading the stream");
            return;
        }
    };
    info!(
        "taking jobs from stream {} (group {}, consumer {})",
        options.stream, options.group, options.consumer
    );
    let shared = Arc::new(Shared {
        options,
        unacked: Mutex::new(HashSet::new()),
        acked: Notify::new(),
        running: Arc::new(Semaphore::new(workers)),
        workers,
        replies: DetachedReplies::new(STREAM_CONN),
    });
    let (done, done_rx) = mpsc::unbounded_channel();
    let writer = tokio::spawn(write_replies(shared.clone(), client.clone(), done_rx));
    read_jobs(&shared, &client, &events, done, phase).await;
    let _ = writer.await;
    drop(alive);
}

/// Reconnection delays and their log lines (one warning per failure, at most every 10 s).
struct Backoff {
    what: &'static str,
    delay: Duration,
    failing_since: Option<Instant>,
    last_log: Option<Instant>,
}

impl Backoff {
    fn new(what: &'static str) -> Backoff {
        Backoff {
            what,
            delay: BACKOFF_FIRST,
            failing_since: None,
            last_log: None,
        }
    }

    /// A failure: logs it (sparingly) and returns how long to wait before trying again.
    fn failed(&mut self, error: &redis::RedisError) -> Duration {
        let now = Instant::now();
        self.failing_since.get_or_insert(now);
        if self
            .last_log
            .is_none_or(|at| now.duration_since(at) >= Duration::from_secs(10))
        {
            warn!(
                "redis ({}): {error}; retrying in {} ms",
                self.what,
                self.delay.as_millis()
            );
            self.last_log = Some(now);
        }
        let delay = self.delay;
        self.delay = (self.delay * 2).min(BACKOFF_MAX);
        delay
    }

    fn succeeded(&mut self) {
        if let Some(since) = self.failing_since.take() {
            info!(
                "redis ({}) reachable again after {:.1} s",
                self.what,
                since.elapsed().as_secs_f64()
            );
        }
        self.delay = BACKOFF_FIRST;
        self.last_log = None;
    }
}

async fn connect(
    client: &redis::Client,
    response_timeout: Duration,
) -> redis::RedisResult<MultiplexedConnection> {
    let config = redis::AsyncConnectionConfig::new()
        .set_connection_timeout(Some(Duration::from_secs(2)))
        .set_response_timeout(Some(response_timeout));
    client
        .get_multiplexed_async_connection_with_config(&config)
        .await
}

/// Creates the group (and the stream) unless they exist; a new group reads the stream from
/// its first entry, so jobs added before any server started are not skipped.
async fn create_group(
    conn: &mut MultiplexedConnection,
    options: &StreamOptions,
) -> redis::RedisResult<()> {
    let created: redis::RedisResult<()> = redis::cmd("XGROUP")
        .arg("CREATE")
        .arg(&options.stream)
        .arg(&options.group)
        .arg("0")
        .arg("MKSTREAM")
        .query_async(conn)
        .await;
    match created {
        Err(e) if e.code() == Some("BUSYGROUP") => Ok(()),
        other => other,
    }
}

/// Waits until a worker is free (and not too many replies wait to be written), then takes
/// every free worker's permit.
async fn free_workers(shared: &Shared) -> OwnedSemaphorePermit {
    loop {
        let notified = shared.acked.notified();
        if shared.unacked().len() < 2 * shared.workers {
            break;
        }
        notified.await;
    }
    let Ok(mut permit) = shared.running.clone().acquire_owned().await else {
        // The semaphore is never closed.
        return std::future::pending().await;
    };
    while let Ok(more) = shared.running.clone().try_acquire_owned() {
        permit.merge(more);
    }
    permit
}

async fn read_jobs<E: From<FromClient> + Send + 'static>(
    shared: &Arc<Shared>,
    client: &redis::Client,
    events: &mpsc::UnboundedSender<E>,
    done: mpsc::UnboundedSender<Done>,
    mut phase: watch::Receiver<Phase>,
) {
    let options = &shared.options;
    let claim_every = (options.claim_after / 2).max(Duration::from_millis(100));
    let block = MAX_BLOCK.min(claim_every);
    let mut backoff = Backoff::new("reading jobs");
    let mut conn: Option<MultiplexedConnection> = None;
    let mut cursor = "0-0".to_string();
    let mut next_claim = Instant::now();
    loop {
        if *phase.borrow() != Phase::Running {
            return;
        }
        let permit = tokio::select! {
            permit = free_workers(shared) => permit,
            changed = phase.changed() => {
                if changed.is_err() {
                    return;
                }
                continue;
            }
        };
        let read = async {
            let c = match &mut conn {
                Some(c) => c,
                None => {
                    let mut fresh = connect(client, block + Duration::from_secs(5)).await?;
                    create_group(&mut fresh, options).await?;
                    conn.insert(fresh)
                }
            };
            let count = permit.num_permits();
            let mut entries = Vec::new();
            if Instant::now() >= next_claim {
                let reply: StreamAutoClaimReply = redis::cmd("XAUTOCLAIM")
                    .arg(&options.stream)
                    .arg(&options.group)
                    .arg(&options.consumer)
                    .arg(options.claim_after.as_millis() as u64)
                    .arg(&cursor)
                    .arg("COUNT")
                    .arg(count)
                    .query_async(c)
                    .await?;
                if !reply.claimed.is_empty() {
                    info!(
                        "claimed {} messages an absent consumer left pending",
                        reply.claimed.len()
                    );
                }
                cursor = reply.next_stream_id;
                if cursor == "0-0" {
                    next_claim = Instant::now() + claim_every;
                }
                entries.extend(reply.claimed.into_iter().map(|e| (e, true)));
            }
            if entries.is_empty() {
                let reply: Option<StreamReadReply> = redis::cmd("XREADGROUP")
                    .arg("GROUP")
                    .arg(&options.group)
                    .arg(&options.consumer)
                    .arg("COUNT")
                    .arg(count)
                    .arg("BLOCK")
                    .arg(block.as_millis() as u64)
                    .arg("STREAMS")
                    .arg(&options.stream)
                    .arg(">")
                    .query_async(c)
                    .await?;
                for key in reply.into_iter().flat_map(|r| r.keys) {
                    entries.extend(key.ids.into_iter().map(|e| (e, false)));
                }
            }
            Ok::<_, redis::RedisError>(entries)
        }
        .await;
        let entries = match read {
            Ok(entries) => {
                backoff.succeeded();
                entries
            }
            Err(e) => {
                conn = None;
                drop(permit);
                let delay = backoff.failed(&e);
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    changed = phase.changed() => {
                        if changed.is_err() {
                            return;
                        }
                    }
                }
                continue;
            }
        };
        // Each job holds one worker's permit until its reply arrives (there are never more
        // entries than permits: both reads ask for at most that many).
        let mut permits = Some(permit);
        for (entry, claimed) in entries {
            let one = match permits.as_mut() {
                Some(p) if p.num_permits() > 1 => p.split(1),
                _ => permits.take(),
            };
            take(shared, events, &done, entry, claimed, one);
        }
    }
}

/// One message read or claimed: into the pool, or answered at once if it is not a valid job.
fn take<E: From<FromClient> + Send + 'static>(
    shared: &Arc<Shared>,
    events: &mpsc::UnboundedSender<E>,
    done: &mpsc::UnboundedSender<Done>,
    entry: StreamId,
    claimed: bool,
    permit: Option<OwnedSemaphorePermit>,
) {
    let message = entry.id;
    if !shared.unacked().insert(message.clone()) {
        // Already running here (a claim found it before the writer refreshed it).
        return;
    }
    let field = |name: &str| {
        entry
            .map
            .get(name)
            .and_then(|v| redis::from_redis_value_ref::<Vec<u8>>(v).ok())
    };
    let reply_to = field("reply_to").map(|b| String::from_utf8_lossy(&b).into_owned());
    let job = match field("job") {
        Some(bytes) => prepare(&message, &bytes),
        None => Err(protocol::error_reply(
            &Value::String(message.clone()),
            "ProtocolError",
            &format!("message {message}: no \"job\" field"),
        )),
    };
    let (id, line) = match job {
        Ok(job) => job,
        Err(reply) => {
            debug!("message {message}: not a valid job");
            let _ = done.send(Done {
                message,
                reply: Some(reply),
                reply_to,
                claimed,
            });
            return;
        }
    };
    let shared = shared.clone();
    let events = events.clone();
    let done = done.clone();
    tokio::spawn(async move {
        let _permit = permit;
        let reply = loop {
            let (job, mut rx) = shared.replies.job(id.clone(), line.clone());
            if events.send(E::from(FromClient::Call(job))).is_err() {
                break None;
            }
            let Some(reply) = rx.recv().await else {
                break None;
            };
            shared.replies.taken(reply.len());
            match server_error(&reply).as_deref() {
                // The queue is full of socket calls: offer it again shortly.
                Some("Busy") => tokio::time::sleep(BUSY_RETRY).await,
                // Stopping: leave it pending for another server to claim.
                Some("ShuttingDown") => break None,
                _ => break Some(reply),
            }
        };
        let _ = done.send(Done {
            message,
            reply,
            reply_to,
            claimed,
        });
    });
}

/// The error type of a reply the server made itself (`Busy`, `ShuttingDown`, ...): read only
/// from short failed replies, which such replies are.
fn server_error(reply: &[u8]) -> Option<String> {
    if reply.len() > 4096 || !reply.windows(10).any(|w| w == b"\"ok\":false") {
        return None;
    }
    let value: Value = serde_json::from_slice(reply).ok()?;
    if value.get("worker").is_some() {
        return None; // Ran on a worker: the job's own exception.
    }
    value["error"]["type"].as_str().map(str::to_string)
}

/// The job line a worker reads for a message's `job` field: the socket protocol's `call`
/// object, its `id` defaulting to the message id, and `"message_id_kwarg":"NAME"` passing the
/// message id as keyword argument NAME. An invalid job gives its error reply instead.
fn prepare(message: &str, job: &[u8]) -> Result<(Value, Arc<[u8]>), Vec<u8>> {
    let message_id = Value::String(message.to_string());
    let bad = |id: &Value, text: &str| {
        protocol::error_reply(id, "ProtocolError", &format!("message {message}: {text}"))
    };
    let mut value: Value =
        serde_json::from_slice(job).map_err(|e| bad(&message_id, &protocol::json_error(&e)))?;
    let Value::Object(object) = &mut value else {
        return Err(bad(&message_id, "a job must be a JSON object"));
    };
    if object.get("id").is_none_or(Value::is_null) {
        object.insert("id".into(), message_id.clone());
    }
    if let Some(name) = object.remove("message_id_kwarg") {
        let Value::String(name) = name else {
            return Err(bad(&message_id, "\"message_id_kwarg\" must be a string"));
        };
        let kwargs = object
            .entry("kwargs")
            .or_insert_with(|| Value::Object(Default::default()));
        if kwargs.is_null() {
            *kwargs = Value::Object(Default::default());
        }
        if let Value::Object(kwargs) = kwargs {
            kwargs.insert(name, message_id.clone());
        }
    }
    // Always re-serialised: a pretty-printed job would otherwise span several lines.
    let mut line = serde_json::to_vec(&value).unwrap_or_default();
    if line.len() > protocol::MAX_LINE {
        return Err(bad(
            &message_id,
            &format!("longer than {} bytes", protocol::MAX_LINE),
        ));
    }
    match protocol::parse_request(&line, 1) {
        Ok(Request::Call { id, .. }) => {
            line.push(b'\n');
            Ok((id, line.into()))
        }
        Ok(Request::Ping { id } | Request::Stats { id, .. } | Request::Cancel { id }) => {
            Err(bad(&id, "only calls are taken from a stream"))
        }
        Err(error) => {
            let text = error
                .message
                .strip_prefix("line 1: ")
                .unwrap_or(&error.message);
            Err(bad(&error.id, text))
        }
    }
}

async fn write_replies(
    shared: Arc<Shared>,
    client: redis::Client,
    mut done_rx: mpsc::UnboundedReceiver<Done>,
) {
    let options = &shared.options;
    let mut backoff = Backoff::new("writing replies");
    let mut conn: Option<MultiplexedConnection> = None;
    let mut batch: Vec<Done> = Vec::new();
    let refresh_every = (options.claim_after / 3).max(Duration::from_millis(30));
    let mut refresh = tokio::time::interval(refresh_every);
    refresh.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut open = true;
    while open || !batch.is_empty() {
        if batch.is_empty() {
            tokio::select! {
                next = done_rx.recv() => match next {
                    Some(d) => batch.push(d),
                    None => open = false,
                },
                _ = refresh.tick() => {
                    if shared.unacked().is_empty() {
                        continue;
                    }
                    // Reconnecting if need be (once more at once if the connection turns
                    // out broken): jobs may run long after the last reply was written, and
                    // their messages must not look abandoned meanwhile.
                    for _ in 0..2 {
                        let fresh = conn.is_none();
                        let refreshed = async {
                            let c = match &mut conn {
                                Some(c) => c,
                                None => conn.insert(connect(&client, Duration::from_secs(5)).await?),
                            };
                            keep_fresh(&shared, c).await
                        }
                        .await;
                        match refreshed {
                            Ok(()) => break,
                            Err(e) => {
                                debug!("redis: refreshing held messages: {e}");
                                conn = None;
                                if fresh {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
        }
        while batch.len() < MAX_BATCH {
            match done_rx.try_recv() {
                Ok(d) => batch.push(d),
                Err(_) => break,
            }
        }
        // Jobs that did not run are not acknowledged: forget them now.
        let given_up: Vec<String> = batch
            .iter()
            .filter(|d| d.reply.is_none())
            .map(|d| d.message.clone())
            .collect();
        if !given_up.is_empty() {
            batch.retain(|d| d.reply.is_some());
            let mut unacked = shared.unacked();
            for message in &given_up {
                unacked.remove(message);
            }
            drop(unacked);
            shared.acked.notify_one();
        }
        if batch.is_empty() {
            continue;
        }
        let written = async {
            let c = match &mut conn {
                Some(c) => c,
                None => conn.insert(connect(&client, Duration::from_secs(5)).await?),
            };
            let mut pipe = redis::pipe();
            pipe.atomic();
            for d in &batch {
                let reply = d.reply.as_deref().unwrap_or_default();
                let reply = reply.strip_suffix(b"\n").unwrap_or(reply);
                match &d.reply_to {
                    Some(key) => {
                        pipe.cmd("RPUSH").arg(key).arg(reply).ignore();
                    }
                    None => {
                        let add = pipe
                            .cmd("XADD")
                            .arg(&options.result_stream)
                            .arg("*")
                            .arg("message")
                            .arg(&d.message)
                            .arg("reply")
                            .arg(reply)
                            .arg("consumer")
                            .arg(&options.consumer);
                        if d.claimed {
                            add.arg("claimed").arg("1");
                        }
                        add.ignore();
                    }
                }
                pipe.cmd("XACK")
                    .arg(&options.stream)
                    .arg(&options.group)
                    .arg(&d.message)
                    .ignore();
            }
            pipe.query_async::<()>(c).await
        }
        .await;
        match written {
            Ok(()) => {
                backoff.succeeded();
                let mut unacked = shared.unacked();
                for d in batch.drain(..) {
                    unacked.remove(&d.message);
                }
                drop(unacked);
                shared.acked.notify_one();
            }
            Err(e) if worth_retrying(&e) => {
                // Kept, and written once Redis is back; meanwhile the messages are refreshed
                // by nobody and may be claimed (at least once).
                conn = None;
                tokio::time::sleep(backoff.failed(&e)).await;
            }
            Err(e) => {
                warn!(
                    "redis: writing {} replies: {e}; not trying again",
                    batch.len()
                );
                let mut unacked = shared.unacked();
                for d in batch.drain(..) {
                    unacked.remove(&d.message);
                }
                drop(unacked);
                shared.acked.notify_one();
            }
        }
    }
}

/// Resets the idle time of the messages this server holds, so that other consumers never take
/// them for abandoned however long their jobs run. Only those the group still assigns to this
/// consumer: one another server claimed meanwhile (this one was unreachable for longer than
/// `--claim-after`) stays claimed. Atomic in a script, so no claim slips in between.
const REFRESH_SCRIPT: &str = r"
local mine = {'XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0}
for i = 3, #ARGV do
  local entry = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)[1]
  if entry and entry[2] == ARGV[2] then
    mine[#mine + 1] = ARGV[i]
  end
end
if #mine == 5 then
  return 0
end
mine[#mine + 1] = 'JUSTID'
redis.call(unpack(mine))
return #mine - 6
";

async fn keep_fresh(shared: &Shared, conn: &mut MultiplexedConnection) -> redis::RedisResult<()> {
    let held: Vec<String> = shared.unacked().iter().cloned().collect();
    let options = &shared.options;
    // Lua's stack bounds the arguments of one call.
    for chunk in held.chunks(1000) {
        let refreshed: usize = redis::cmd("EVAL")
            .arg(REFRESH_SCRIPT)
            .arg(1)
            .arg(&options.stream)
            .arg(&options.group)
            .arg(&options.consumer)
            .arg(chunk)
            .query_async(conn)
            .await?;
        if refreshed < chunk.len() {
            debug!(
                "{} messages held here were claimed by another consumer or acknowledged meanwhile",
                chunk.len() - refreshed
            );
        }
    }
    Ok(())
}

/// Whether a failed transaction may be tried again: the connection failed, or Redis refused
/// the transaction as a whole. A command failing inside it (`NOGROUP`: the group is gone, as
/// after a restart without persistence; `WRONGTYPE`: a `reply_to` key that is not a list)
/// does not undo the others, so trying again would only repeat them.
fn worth_retrying(error: &redis::RedisError) -> bool {
    !matches!(error.code(), Some("NOGROUP" | "WRONGTYPE"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply_of(bytes: Vec<u8>) -> Value {
        serde_json::from_slice(&bytes).expect("reply is JSON")
    }

    #[test]
    fn id_defaults_to_the_message_id_and_the_kwarg_is_added() {
        let (id, line) = prepare(
            "5-1",
            br#"{"op":"call","function":"f","args":[1],"message_id_kwarg":"mid"}"#,
        )
        .expect("valid");
        assert_eq!(id, Value::from("5-1"));
        let line: Value = serde_json::from_slice(&line).expect("JSON");
        assert_eq!(line["kwargs"]["mid"], "5-1");
        assert!(line.get("message_id_kwarg").is_none());
    }

    #[test]
    fn pretty_jobs_become_one_line() {
        let (id, line) = prepare(
            "1-0",
            b"{\n \"id\": 7,\n \"op\": \"call\",\n \"function\": \"f\"\n}",
        )
        .expect("valid");
        assert_eq!(id, Value::from(7));
        assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
    }

    #[test]
    fn invalid_jobs_get_protocol_errors() {
        let reply = reply_of(prepare("2-0", b"not json").unwrap_err());
        assert_eq!(reply["id"], "2-0");
        assert_eq!(reply["error"]["type"], "ProtocolError");
        assert_eq!(
            reply["error"]["message"],
            "message 2-0: expected ident at column 2"
        );
        let reply = reply_of(prepare("2-1", br#"{"id":3,"op":"ping"}"#).unwrap_err());
        assert_eq!(reply["id"], 3);
        assert!(reply["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("only calls")));
        let reply = reply_of(prepare("2-2", br#"{"id":4,"op":"call"}"#).unwrap_err());
        assert_eq!(
            reply["error"]["message"],
            "message 2-2: missing \"function\""
        );
    }

    #[test]
    fn server_errors_are_told_from_job_errors() {
        let busy = protocol::error_reply(&Value::from(1), "Busy", "full");
        assert_eq!(server_error(&busy).as_deref(), Some("Busy"));
        let raised = br#"{"id":1,"ok":false,"error":{"type":"Busy"},"worker":5}"#;
        assert_eq!(server_error(raised), None);
        let ok = br#"{"id":1,"ok":true,"result":1}"#;
        assert_eq!(server_error(ok), None);
    }
}
