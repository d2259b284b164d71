//! The wire protocol (`docs/protocol.md`): newline-delimited JSON over a Unix stream socket.
//!
//! Client requests are parsed and validated here into `Request`s; every reply the
//! supervisor makes itself (pong, stats, protocol and pool errors) is built here. Replies to
//! `call` are built by the worker that ran the job (`call_reply`) and forwarded unchanged.
//! The supervisor hands a job to a worker as the client's own request line; the worker reads
//! it back with `parse_job`.

use serde_json::{Map, Value};
use std::io;
use std::sync::Arc;
use tokio::io::{AsyncBufRead, AsyncBufReadExt};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Longest request line accepted, in bytes (without the newline).
pub(crate) const MAX_LINE: usize = 1 << 20;

/// A validated client request.
#[derive(Debug)]
pub(crate) enum Request {
    Call {
        id: Value,
        function: String,
        args: Vec<Value>,
        kwargs: Map<String, Value>,
    },
    Stats {
        id: Value,
        /// `"format":"prometheus"`: the Prometheus exposition (a string) instead of the object.
        prometheus: bool,
    },
    Ping {
        id: Value,
    },
    /// Drop the connection's queued call with this id (answered `Cancelled`).
    Cancel {
        id: Value,
    },
}

/// A request that could not be understood: the id if it was readable, and why.
#[derive(Debug)]
pub(crate) struct BadRequest {
    pub id: Value,
    pub message: String,
}

/// Parses and validates one request line (`line_no` is 1-based, per connection).
pub(crate) fn parse_request(line: &[u8], line_no: u64) -> Result<Request, BadRequest> {
    let bad = |id: &Value, message: String| BadRequest {
        id: id.clone(),
        message: format!("line {line_no}: {message}"),
    };
    let value: Value =
        serde_json::from_slice(line).map_err(|e| bad(&Value::Null, json_error(&e)))?;
    let Value::Object(mut object) = value else {
        return Err(bad(&Value::Null, "a request must be a JSON object".into()));
    };
    let id = object.remove("id").unwrap_or(Value::Null);
    let op = match object.remove("op") {
        Some(Value::String(op)) => op,
        Some(other) => {
            return Err(bad(
                &id,
                format!("\"op\" must be a string, not {}", type_name(&other)),
            ))
        }
        None => return Err(bad(&id, "missing \"op\"".into())),
    };
    match op.as_str() {
        "ping" => Ok(Request::Ping { id }),
        "stats" => {
            let prometheus = match object.remove("format") {
                None => false,
                Some(Value::String(f)) if f == "json" => false,
                Some(Value::String(f)) if f == "prometheus" => true,
                Some(other) => {
                    return Err(bad(
                        &id,
                        format!("\"format\" must be \"json\" or \"prometheus\", not {other}"),
                    ))
                }
            };
            Ok(Request::Stats { id, prometheus })
        }
        "cancel" => Ok(Request::Cancel { id }),
        "call" => {
            let function = match object.remove("function") {
                Some(Value::String(f)) if !f.is_empty() => f,
                Some(Value::String(_)) => return Err(bad(&id, "\"function\" is empty".into())),
                Some(other) => {
                    return Err(bad(
                        &id,
                        format!("\"function\" must be a string, not {}", type_name(&other)),
                    ))
                }
                None => return Err(bad(&id, "missing \"function\"".into())),
            };
            let args = match object.remove("args") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(args)) => args,
                Some(other) => {
                    return Err(bad(
                        &id,
                        format!("\"args\" must be an array, not {}", type_name(&other)),
                    ))
                }
            };
            let kwargs = match object.remove("kwargs") {
                None | Some(Value::Null) => Map::new(),
                Some(Value::Object(kwargs)) => kwargs,
                Some(other) => {
                    return Err(bad(
                        &id,
                        format!("\"kwargs\" must be an object, not {}", type_name(&other)),
                    ))
                }
            };
            Ok(Request::Call {
                id,
                function,
                args,
                kwargs,
            })
        }
        other => Err(bad(
            &id,
            format!("unknown op {other:?} (expected \"call\", \"cancel\", \"stats\" or \"ping\")"),
        )),
    }
}

/// serde_json's message without its "at line 1" (a request is always one line): the column
/// is what locates the error.
pub(crate) fn json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let reason = match text.find(" at line ") {
        Some(cut) => &text[..cut],
        None => text.as_str(),
    };
    format!("{reason} at column {}", error.column())
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `{"id":…,"ok":true,"result":…}` plus the newline.
pub(crate) fn ok_reply(id: &Value, result: Value) -> Vec<u8> {
    let mut reply = Map::new();
    reply.insert("id".into(), id.clone());
    reply.insert("ok".into(), Value::Bool(true));
    reply.insert("result".into(), result);
    to_line(&Value::Object(reply))
}

/// An error the server itself reports (not a Python exception): the traceback is the
/// one-line `Type: message` so that clients can always print `error.traceback`.
pub(crate) fn error_reply(id: &Value, type_name: &str, message: &str) -> Vec<u8> {
    let mut error = Map::new();
    error.insert("type".into(), Value::String(type_name.into()));
    error.insert("message".into(), Value::String(message.into()));
    error.insert(
        "traceback".into(),
        Value::String(format!("{type_name}: {message}\n")),
    );
    let mut reply = Map::new();
    reply.insert("id".into(), id.clone());
    reply.insert("ok".into(), Value::Bool(false));
    reply.insert("error".into(), Value::Object(error));
    to_line(&Value::Object(reply))
}

/// The reply a worker sends for a finished job.
pub(crate) fn call_reply(
    id: &Value,
    outcome: Result<Value, (String, String, String)>,
    stdout: String,
    worker: u32,
    elapsed_us: u64,
) -> Vec<u8> {
    let mut reply = Map::new();
    reply.insert("id".into(), id.clone());
    match outcome {
        Ok(result) => {
            reply.insert("ok".into(), Value::Bool(true));
            reply.insert("result".into(), result);
        }
        Err((type_name, message, traceback)) => {
            let mut error = Map::new();
            error.insert("type".into(), Value::String(type_name));
            error.insert("message".into(), Value::String(message));
            error.insert("traceback".into(), Value::String(traceback));
            reply.insert("ok".into(), Value::Bool(false));
            reply.insert("error".into(), Value::Object(error));
        }
    }
    reply.insert("stdout".into(), Value::String(stdout));
    reply.insert("worker".into(), Value::from(worker));
    reply.insert("elapsed_us".into(), Value::from(elapsed_us));
    to_line(&Value::Object(reply))
}

fn to_line(value: &Value) -> Vec<u8> {
    // Serialising a `Value` cannot fail: its map keys are strings and it holds no foreign
    // Serialize impls, so the `unwrap_or_default` never takes the default.
    let mut line = serde_json::to_vec(value).unwrap_or_default();
    line.push(b'\n');
    line
}

/// A job as a worker reads it: the client's `call` request line.
pub(crate) struct Job {
    pub id: Value,
    pub function: String,
    pub args: Vec<Value>,
    pub kwargs: Map<String, Value>,
}

/// Reads a job line in a worker. The supervisor validated it already; a failure here means the
/// line was damaged, and is reported as a protocol error.
pub(crate) fn parse_job(line: &[u8]) -> Result<Job, BadRequest> {
    match parse_request(line, 1) {
        Ok(Request::Call {
            id,
            function,
            args,
            kwargs,
        }) => Ok(Job {
            id,
            function,
            args,
            kwargs,
        }),
        Ok(Request::Ping { id } | Request::Stats { id, .. } | Request::Cancel { id }) => {
            Err(BadRequest {
                id,
                message: "a worker only runs calls".into(),
            })
        }
        Err(bad) => Err(bad),
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// A complete line is in the buffer (without its newline).
    Line,
    /// The line was longer than the limit; it has been skipped up to its newline.
    TooLong,
    /// End of stream; anything after the last newline (a request cut short) is discarded.
    Eof,
}

/// Bytes of a request line any connection may buffer without drawing on the shared budget.
const FREE_LINE_BYTES: usize = 16 * 1024;

/// A connection's share of the memory all connections together may hold in long request
/// lines still being read: the part of a line beyond 16 KiB is reserved, in KiB, from one
/// semaphore, so that many clients sending huge lines slowly wait for each other (and are
/// cut off by the client timeout) instead of growing the server without bound.
pub(crate) struct LineBudget {
    pool: Arc<Semaphore>,
    held: Option<OwnedSemaphorePermit>,
    held_kib: u32,
}

impl LineBudget {
    /// A shared budget of `bytes` (rounded down to KiB) for all connections.
    pub(crate) fn shared(bytes: usize) -> Arc<Semaphore> {
        Arc::new(Semaphore::new((bytes / 1024).min(Semaphore::MAX_PERMITS)))
    }

    /// One connection's handle on the shared budget.
    pub(crate) fn new(pool: Arc<Semaphore>) -> LineBudget {
        LineBudget {
            pool,
            held: None,
            held_kib: 0,
        }
    }

    /// Waits until this connection holds enough of the budget for a line of `bytes`.
    async fn reserve(&mut self, bytes: usize) {
        if bytes <= FREE_LINE_BYTES {
            return;
        }
        let need = (bytes - FREE_LINE_BYTES).div_ceil(1024) as u32;
        if need <= self.held_kib {
            return;
        }
        if let Ok(more) = self
            .pool
            .clone()
            .acquire_many_owned(need - self.held_kib)
            .await
        {
            match &mut self.held {
                Some(held) => held.merge(more),
                None => self.held = Some(more),
            }
            self.held_kib = need;
        }
    }

    /// Gives back what the last line held.
    pub(crate) fn release(&mut self) {
        self.held = None;
        self.held_kib = 0;
    }
}

/// Reads one newline-terminated line, appending to `line` (which the caller clears once it has
/// handled a line, so that a read cancelled midway resumes where it stopped), never buffering
/// more than `max` bytes of it; beyond 16 KiB the line draws on `budget`.
pub(crate) async fn read_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    line: &mut Vec<u8>,
    max: usize,
    budget: &mut LineBudget,
) -> io::Result<LineRead> {
    let mut too_long = false;
    loop {
        let available = reader.fill_buf().await?;
        if available.is_empty() {
            return Ok(LineRead::Eof);
        }
        let (chunk, done) = match memchr_newline(available) {
            Some(pos) => (&available[..pos], Some(pos + 1)),
            None => (available, None),
        };
        if !too_long {
            if line.len() + chunk.len() > max {
                too_long = true;
                line.clear();
            } else {
                budget.reserve(line.len() + chunk.len()).await;
                line.extend_from_slice(chunk);
            }
        }
        let consumed = done.unwrap_or(available.len());
        reader.consume(consumed);
        if done.is_some() {
            return Ok(if too_long {
                LineRead::TooLong
            } else {
                LineRead::Line
            });
        }
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_json_names_line_and_column() {
        let err = parse_request(b"hello", 3).unwrap_err();
        assert_eq!(err.id, Value::Null);
        assert_eq!(err.message, "line 3: expected value at column 1");
    }

    #[test]
    fn unknown_op_keeps_the_id() {
        let err = parse_request(br#"{"id":7,"op":"fly"}"#, 1).unwrap_err();
        assert_eq!(err.id, Value::from(7));
        assert!(
            err.message.contains("unknown op \"fly\""),
            "{}",
            err.message
        );
    }

    #[test]
    fn wrong_types_are_rejected() {
        for (line, needle) in [
            (
                r#"{"id":1,"op":"call","function":3}"#,
                "\"function\" must be a string",
            ),
            (
                r#"{"id":1,"op":"call","function":"f","args":{}}"#,
                "\"args\" must be an array",
            ),
            (
                r#"{"id":1,"op":"call","function":"f","kwargs":[]}"#,
                "\"kwargs\" must be an object",
            ),
            (r#"{"id":1,"op":5}"#, "\"op\" must be a string"),
            (r#"[1,2]"#, "must be a JSON object"),
            (r#"{"id":1,"op":"call"}"#, "missing \"function\""),
        ] {
            let err = parse_request(line.as_bytes(), 1).unwrap_err();
            assert!(err.message.contains(needle), "{line}: {}", err.message);
        }
    }

    #[test]
    fn call_defaults_args_and_kwargs() {
        match parse_request(br#"{"id":"a","op":"call","function":"m.f"}"#, 1) {
            Ok(Request::Call {
                id,
                function,
                args,
                kwargs,
            }) => {
                assert_eq!(id, Value::from("a"));
                assert_eq!(function, "m.f");
                assert!(args.is_empty() && kwargs.is_empty());
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn server_errors_carry_a_traceback_line() {
        let line = error_reply(&Value::from(2), "Busy", "queue full");
        let value: Value = serde_json::from_slice(&line).expect("valid JSON");
        assert_eq!(value["error"]["traceback"], "Busy: queue full\n");
        assert_eq!(value["ok"], false);
        assert_eq!(*line.last().expect("non-empty"), b'\n');
    }

    #[tokio::test(flavor = "current_thread")]
    async fn long_lines_are_skipped_and_reading_resumes() {
        let mut input: Vec<u8> = vec![b'x'; 100];
        input.extend_from_slice(b"\nshort\npartial");
        let mut reader = tokio::io::BufReader::with_capacity(16, &input[..]);
        let mut line = Vec::new();
        let mut budget = LineBudget::new(LineBudget::shared(1 << 20));
        assert_eq!(
            read_line(&mut reader, &mut line, 50, &mut budget)
                .await
                .expect("read"),
            LineRead::TooLong
        );
        line.clear();
        assert_eq!(
            read_line(&mut reader, &mut line, 50, &mut budget)
                .await
                .expect("read"),
            LineRead::Line
        );
        assert_eq!(line, b"short");
        line.clear();
        assert_eq!(
            read_line(&mut reader, &mut line, 50, &mut budget)
                .await
                .expect("read"),
            LineRead::Eof
        );
    }
}
