//! Client connections: the acceptor (`--max-connections`, rate-limited accept errors) and
//! one reader and one writer per connection. The reader parses requests, answers `ping`, and
//! hands calls, cancels and stats to the pool; it stops reading while its client has too many
//! requests unanswered or too many replies unwritten, draws long lines from a shared budget,
//! and closes idle connections and unfinished lines after `--client-timeout`. The writer
//! writes replies in completion order and gives up on a client that does not read them.

use crate::protocol::{self, LineBudget, LineRead, Request};
use serde_json::Value;
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{mpsc, watch, Semaphore};
use tracing::{debug, warn};

/// Read buffer of a client connection.
const CONNECTION_BUFFER: usize = 4 * 1024;
/// Replies waiting to be written to one connection beyond which its queued jobs are not
/// dispatched (the client does not read: backpressure, not buffering).
const MAX_PENDING_REPLY_BYTES: usize = 1 << 20;
/// Memory all connections together may hold in request lines beyond their first 16 KiB.
const LINE_BUDGET_BYTES: usize = 32 << 20;

/// The server's life cycle, broadcast to the acceptor and the connections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Phase {
    Running,
    /// No new connections; queued and running jobs finish; new calls are refused.
    Draining,
    /// Connections stop reading and close once their replies are written.
    Closed,
}

/// What a connection tells the pool.
pub(crate) enum FromClient {
    Call(Job),
    Stats {
        id: Value,
        reply: ReplySender,
        /// Answer with the Prometheus exposition.
        prometheus: bool,
    },
    Cancel {
        conn: u64,
        id: Value,
    },
    /// The client is gone: its queued jobs are dropped.
    Disconnected {
        conn: u64,
    },
    /// A stalled connection's writer caught up: its jobs may be dispatched again.
    Wake,
}

/// The client limits of `serve`.
#[derive(Clone, Debug)]
pub(crate) struct Limits {
    pub max_connections: usize,
    pub client_timeout: Duration,
    /// Who may submit (`SO_PEERCRED` checked on accept).
    pub access: crate::sandbox::Access,
}

/// A connection's shared counters: requests unanswered, reply bytes not yet written.
struct ConnState {
    id: u64,
    /// Requests read but whose replies are not yet written to the socket.
    count: AtomicUsize,
    /// Bytes of replies handed to the writer and not yet written.
    pending_bytes: AtomicUsize,
    /// The writer stopped (the client left or stopped reading): the reader stops too.
    closed: AtomicBool,
    changed: tokio::sync::Notify,
}

/// Where a job's reply goes: the connection's writer, counting the bytes it waits with.
#[derive(Clone)]
pub(crate) struct ReplySender {
    tx: mpsc::UnboundedSender<Vec<u8>>,
    conn: Arc<ConnState>,
}

impl ReplySender {
    pub(crate) fn send(&self, line: Vec<u8>) {
        let len = line.len();
        self.conn.pending_bytes.fetch_add(len, Ordering::AcqRel);
        if self.tx.send(line).is_err() {
            self.conn.pending_bytes.fetch_sub(len, Ordering::AcqRel);
        }
    }

    /// The client is not reading its replies: hold its jobs back.
    pub(crate) fn stalled(&self) -> bool {
        self.conn.pending_bytes.load(Ordering::Acquire) >= MAX_PENDING_REPLY_BYTES
    }
}

/// A job waiting for or running on a worker.
pub(crate) struct Job {
    pub id: Value,
    /// The client's request line, newline included: the worker reads it as is. Shared with
    /// the worker's writer, and kept, so that the job can be given to another worker.
    pub line: Arc<[u8]>,
    pub reply: ReplySender,
    /// Times it was given back to the queue because its worker died before starting it.
    pub redispatched: u8,
}

impl Job {
    pub(crate) fn conn(&self) -> u64 {
        self.reply.conn.id
    }
}

/// Replies of jobs that come from somewhere other than a client connection (the Redis
/// stream, `crate::stream`): each job gets a channel of its own, and together they count as
/// one connection `conn` of the fair queue.
pub(crate) struct DetachedReplies {
    state: Arc<ConnState>,
}

impl DetachedReplies {
    pub(crate) fn new(conn: u64) -> DetachedReplies {
        DetachedReplies {
            state: Arc::new(ConnState {
                id: conn,
                count: AtomicUsize::new(0),
                pending_bytes: AtomicUsize::new(0),
                closed: AtomicBool::new(false),
                changed: tokio::sync::Notify::new(),
            }),
        }
    }

    /// A job for the pool and the receiver of its one reply.
    pub(crate) fn job(
        &self,
        id: Value,
        line: Arc<[u8]>,
    ) -> (Job, mpsc::UnboundedReceiver<Vec<u8>>) {
        let (tx, rx) = mpsc::unbounded_channel();
        let reply = ReplySender {
            tx,
            conn: self.state.clone(),
        };
        let job = Job {
            id,
            line,
            reply,
            redispatched: 0,
        };
        (job, rx)
    }

    /// A reply of `bytes` was taken off its channel: it no longer counts against the
    /// backpressure limit.
    pub(crate) fn taken(&self, bytes: usize) {
        self.state.pending_bytes.fetch_sub(bytes, Ordering::AcqRel);
    }
}

/// Logs a recurring failure at most once a second, counting the ones it left out.
struct RateLimitedLog {
    last: Option<Instant>,
    suppressed: u64,
}

impl RateLimitedLog {
    fn warn(&mut self, message: &str) {
        let now = Instant::now();
        if self
            .last
            .is_some_and(|at| now.duration_since(at) < Duration::from_secs(1))
        {
            self.suppressed += 1;
            return;
        }
        if self.suppressed > 0 {
            warn!("{message} ({} more since the last report)", self.suppressed);
        } else {
            warn!("{message}");
        }
        self.last = Some(now);
        self.suppressed = 0;
    }
}

/// Decrements the open-connection count when a connection ends.
struct ConnectionSlot(Arc<AtomicUsize>);

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Takes connections until the server stops running; `alive` is held by every connection.
pub(crate) async fn accept<E: From<FromClient> + Send + 'static>(
    listener: UnixListener,
    events: mpsc::UnboundedSender<E>,
    mut phase: watch::Receiver<Phase>,
    alive: mpsc::Sender<()>,
    limits: Limits,
) {
    let open = Arc::new(AtomicUsize::new(0));
    let budget = LineBudget::shared(LINE_BUDGET_BYTES);
    let max_connections = limits.max_connections;
    let mut failures = RateLimitedLog {
        last: None,
        suppressed: 0,
    };
    let mut refusals = RateLimitedLog {
        last: None,
        suppressed: 0,
    };
    let mut denials = RateLimitedLog {
        last: None,
        suppressed: 0,
    };
    let mut next_id: u64 = 0;
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let refused = match stream.peer_cred() {
                        Ok(cred) => limits.access.check(cred.uid(), cred.gid()).err().map(|reason| {
                            match cred.pid() {
                                Some(pid) => (reason.clone(), format!("pid {pid}: {reason}")),
                                None => (reason.clone(), reason),
                            }
                        }),
                        Err(e) => Some((
                            "the peer's credentials cannot be read".to_string(),
                            format!("SO_PEERCRED failed: {e}"),
                        )),
                    };
                    if let Some((reason, logged)) = refused {
                        denials.warn(&format!("refused a connection: {logged}"));
                        let line = protocol::error_reply(&Value::Null, "PermissionDenied", &reason);
                        // Best effort, as for Busy: one short line, then the stream is dropped.
                        let _ = stream.try_write(&line);
                        continue;
                    }
                    if open.load(Ordering::Acquire) >= max_connections {
                        refusals.warn(&format!(
                            "refused a connection: {max_connections} already open (--max-connections)"
                        ));
                        let line = protocol::error_reply(
                            &Value::Null,
                            "Busy",
                            &format!("too many connections (--max-connections {max_connections})"),
                        );
                        // Best effort: a fresh socket's buffer takes one short line.
                        let _ = stream.try_write(&line);
                        continue;
                    }
                    open.fetch_add(1, Ordering::AcqRel);
                    next_id += 1;
                    tokio::spawn(connection(
                        stream,
                        next_id,
                        events.clone(),
                        phase.clone(),
                        alive.clone(),
                        ConnectionSlot(open.clone()),
                        budget.clone(),
                        limits.client_timeout,
                    ));
                }
                Err(e) => {
                    // Out of descriptors, typically: pause instead of spinning, log sparingly.
                    failures.warn(&format!("accept failed: {e}"));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            changed = phase.changed() => {
                if changed.is_err() || *phase.borrow() != Phase::Running {
                    return;
                }
            }
        }
    }
}

/// Most requests one connection may have unanswered before the server stops reading it.
const MAX_IN_FLIGHT: usize = 4096;

/// Whether the peer closed its end entirely (not merely shut down its writing side).
fn peer_hung_up(stream: &UnixStream) -> bool {
    use nix::poll::{PollFd, PollFlags, PollTimeout};
    let mut fds = [PollFd::new(stream.as_fd(), PollFlags::POLLOUT)];
    match nix::poll::poll(&mut fds, PollTimeout::ZERO) {
        Ok(_) => fds[0]
            .revents()
            .is_some_and(|r| r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR)),
        Err(_) => false,
    }
}

/// One client connection: requests in, replies out (in completion order).
#[allow(clippy::too_many_arguments)]
async fn connection<E: From<FromClient> + Send + 'static>(
    stream: UnixStream,
    id: u64,
    events: mpsc::UnboundedSender<E>,
    mut phase: watch::Receiver<Phase>,
    _alive: mpsc::Sender<()>,
    _slot: ConnectionSlot,
    budget: Arc<Semaphore>,
    client_timeout: Duration,
) {
    let (read_half, mut write_half) = stream.into_split();
    let (tx, mut replies) = mpsc::unbounded_channel::<Vec<u8>>();
    // Requests read but not yet answered on the wire. The reader stops reading while the
    // client has MAX_IN_FLIGHT of them or more than MAX_PENDING_REPLY_BYTES of unwritten
    // replies, so a client that sends without reading cannot make the server buffer without
    // bound; the pool holds back its queued jobs in the second case too.
    let state = Arc::new(ConnState {
        id,
        count: AtomicUsize::new(0),
        pending_bytes: AtomicUsize::new(0),
        closed: AtomicBool::new(false),
        changed: tokio::sync::Notify::new(),
    });
    let reply = ReplySender {
        tx,
        conn: state.clone(),
    };
    let writer_state = state.clone();
    let writer_events = events.clone();
    let writer = tokio::spawn(async move {
        // Allocated on the first reply: an idle connection costs as little as possible.
        let mut batch = Vec::new();
        while let Some(first) = replies.recv().await {
            batch.clear();
            batch.extend_from_slice(&first);
            drop(first);
            let mut lines = 1;
            while batch.len() < 1 << 20 {
                match replies.try_recv() {
                    Ok(more) => {
                        batch.extend_from_slice(&more);
                        lines += 1;
                    }
                    Err(_) => break,
                }
            }
            match tokio::time::timeout(client_timeout, write_half.write_all(&batch)).await {
                Ok(Ok(())) => {}
                Ok(Err(_)) => break, // The client left; later replies are dropped.
                Err(_) => {
                    debug!(
                        "connection {id}: replies unread for {} s; closing",
                        format_secs(client_timeout)
                    );
                    break;
                }
            }
            let before = writer_state
                .pending_bytes
                .fetch_sub(batch.len(), Ordering::AcqRel);
            if before >= MAX_PENDING_REPLY_BYTES && before - batch.len() < MAX_PENDING_REPLY_BYTES {
                let _ = writer_events.send(E::from(FromClient::Wake));
            }
            if batch.capacity() > 1 << 21 {
                batch = Vec::new();
            }
            writer_state.count.fetch_sub(lines, Ordering::AcqRel);
            writer_state.changed.notify_one();
        }
        writer_state.closed.store(true, Ordering::Release);
        writer_state.changed.notify_one();
        let _ = writer_events.send(E::from(FromClient::Disconnected { conn: id }));
    });
    let mut reader = BufReader::with_capacity(CONNECTION_BUFFER, read_half);
    let mut budget = LineBudget::new(budget);
    let mut line = Vec::new();
    let mut line_no: u64 = 0;
    loop {
        while (state.count.load(Ordering::Acquire) >= MAX_IN_FLIGHT
            || state.pending_bytes.load(Ordering::Acquire) >= MAX_PENDING_REPLY_BYTES)
            && !state.closed.load(Ordering::Acquire)
        {
            state.changed.notified().await;
        }
        if state.closed.load(Ordering::Acquire) {
            break;
        }
        let read = tokio::select! {
            read = tokio::time::timeout(
                client_timeout,
                protocol::read_line(&mut reader, &mut line, protocol::MAX_LINE, &mut budget),
            ) => read,
            changed = phase.changed() => {
                if changed.is_err() || *phase.borrow() == Phase::Closed {
                    break;
                }
                continue;
            }
        };
        let Ok(read) = read else {
            // Nothing arrived for the client timeout.
            if !line.is_empty() {
                reply.send(protocol::error_reply(
                    &Value::Null,
                    "ProtocolError",
                    &format!(
                        "line {}: request unfinished after {} s; closing the connection",
                        line_no + 1,
                        format_secs(client_timeout)
                    ),
                ));
                break;
            }
            if state.count.load(Ordering::Acquire) > 0 {
                continue; // Waiting for its replies is not idleness.
            }
            debug!("connection {id}: idle; closing");
            break;
        };
        let answered = match read {
            Ok(LineRead::Line) => !line.iter().all(u8::is_ascii_whitespace),
            Ok(LineRead::TooLong) => true,
            Ok(LineRead::Eof) | Err(_) => false,
        };
        if answered {
            // Every such line gets exactly one reply.
            state.count.fetch_add(1, Ordering::AcqRel);
        }
        line_no += 1;
        let request = std::mem::take(&mut line);
        budget.release();
        match read {
            Ok(LineRead::Line) => {}
            Ok(LineRead::TooLong) => {
                reply.send(protocol::error_reply(
                    &Value::Null,
                    "ProtocolError",
                    &format!(
                        "line {line_no}: longer than {} bytes; skipped",
                        protocol::MAX_LINE
                    ),
                ));
                continue;
            }
            Ok(LineRead::Eof) | Err(_) => break,
        }
        if request.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match protocol::parse_request(&request, line_no) {
            Ok(Request::Ping { id }) => {
                reply.send(protocol::ok_reply(&id, Value::from("pong")));
            }
            Ok(Request::Stats { id, prometheus }) => {
                let _ = events.send(E::from(FromClient::Stats {
                    id,
                    prometheus,
                    reply: reply.clone(),
                }));
            }
            Ok(Request::Cancel { id: target }) => {
                // A cancel has no reply of its own: the call it names is answered either way.
                state.count.fetch_sub(1, Ordering::AcqRel);
                let _ = events.send(E::from(FromClient::Cancel {
                    conn: id,
                    id: target,
                }));
            }
            Ok(Request::Call { id, .. }) => {
                let mut job_line = request;
                job_line.push(b'\n');
                let _ = events.send(E::from(FromClient::Call(Job {
                    id,
                    line: job_line.into(),
                    reply: reply.clone(),
                    redispatched: 0,
                })));
            }
            Err(bad) => {
                reply.send(protocol::error_reply(
                    &bad.id,
                    "ProtocolError",
                    &bad.message,
                ));
            }
        }
    }
    // A client that closed its socket entirely will read nothing more: drop its queued jobs
    // now rather than when the first reply fails to be written.
    if peer_hung_up(reader.get_ref().as_ref()) {
        let _ = events.send(E::from(FromClient::Disconnected { conn: id }));
    }
    drop(reply);
    let _ = writer.await;
}

pub(crate) fn format_secs(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0}")
    } else {
        format!("{secs}")
    }
}
