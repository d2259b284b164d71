"""Jobs through a Redis stream, for servers started with ``permafrost serve --redis URL
--stream NAME`` (``docs/protocol.md``, "Jobs from a Redis stream").

>>> from permafrost_client.stream import RedisConnection, ResultReader, submit_to_stream
>>> redis = RedisConnection.from_url("redis://127.0.0.1:6379/0")
>>> message = submit_to_stream(redis, "jobs", "handle", [5])
>>> ResultReader(redis, "jobs:results").wait_for([message])[message].result()
10

The helpers take any client object with redis-py's ``xadd``, ``xread`` and ``blpop``
methods: a ``redis.Redis`` (with or without ``decode_responses``) works as is, and so does
:class:`RedisConnection`, a small standard-library client (RESP over TCP) that implements just
those, so this package still needs nothing beyond the standard library.

Delivery is at least once: a job whose server died before acknowledging it is run again by
another server, so a message may get more than one reply. :meth:`ResultReader.wait_for`
keeps the first; a handler that must not act twice can be passed the message id
(``message_id_kwarg``) and remember which ids it has done.
"""

from __future__ import annotations

import json
import socket
import time
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union
from urllib.parse import unquote, urlsplit

from .client import Reply, call_request
from .errors import ConnectionLost, ProtocolError, error_from_reply

__all__ = [
    "RedisConnection",
    "RedisError",
    "ResultReader",
    "StreamReply",
    "read_results",
    "submit_to_stream",
    "wait_reply",
]


class RedisError(Exception):
    """An error reply from Redis (``-ERR ...``)."""


def _text(value: Union[bytes, str]) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class RedisConnection:
    """A minimal blocking Redis client: one TCP connection speaking RESP2, with the three
    stream helpers' methods in redis-py's form.  Not thread-safe; replies' strings are
    ``bytes``, as redis-py's are by default."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 6379,
        db: int = 0,
        password: Optional[str] = None,
        username: Optional[str] = None,
        timeout: Optional[float] = 10.0,
    ) -> None:
        self._sock = socket.create_connection((host, port), timeout=timeout)
        self._timeout = timeout
        self._file = self._sock.makefile("rb")
        if password is not None:
            if username is not None:
                self.execute("AUTH", username, password)
            else:
                self.execute("AUTH", password)
        if db:
            self.execute("SELECT", db)

    @classmethod
    def from_url(cls, url: str, timeout: Optional[float] = 10.0) -> "RedisConnection":
        """``redis://[[user]:password@]host[:port][/db]``."""
        parts = urlsplit(url)
        if parts.scheme != "redis":
            raise ValueError("only redis:// URLs are supported, not %r" % url)
        db = int(parts.path.lstrip("/") or 0)
        return cls(
            parts.hostname or "127.0.0.1",
            parts.port or 6379,
            db=db,
            password=unquote(parts.password) if parts.password else None,
            username=unquote(parts.username) if parts.username else None,
            timeout=timeout,
        )

    def execute(self, *args: Any, timeout: Optional[float] = None) -> Any:
        """Sends one command and returns its reply (``RedisError`` for an error reply)."""
        reply = self._exchange([args], timeout)[0]
        if isinstance(reply, RedisError):
            raise reply
        return reply

    def execute_many(self, commands: Sequence[Sequence[Any]]) -> List[Any]:
        """Sends the commands at once (pipelined) and returns their replies in order; an
        error reply is returned as a :class:`RedisError` value, not raised."""
        return self._exchange(commands, None)

    def _exchange(self, commands: Sequence[Sequence[Any]], timeout: Optional[float]) -> List[Any]:
        out = []
        for args in commands:
            out.append(b"*%d\r\n" % len(args))
            for arg in args:
                if isinstance(arg, bytes):
                    data = arg
                elif isinstance(arg, str):
                    data = arg.encode()
                elif isinstance(arg, (int, float)) and not isinstance(arg, bool):
                    data = repr(arg).encode()
                else:
                    raise TypeError("a Redis argument must be bytes, str, int or float, not %s"
                                    % type(arg).__name__)
                out.append(b"$%d\r\n%s\r\n" % (len(data), data))
        try:
            self._sock.settimeout(timeout if timeout is not None else self._timeout)
            self._sock.sendall(b"".join(out))
            return [self._read() for _ in commands]
        except (OSError, EOFError) as e:
            # A reply cut short or timed out leaves the stream unusable.
            self.close()
            raise ConnectionLost("redis connection lost: %s" % e) from None

    def _read(self) -> Any:
        line = self._file.readline()
        if not line.endswith(b"\r\n"):
            raise EOFError("connection closed")
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest
        if kind == b"-":
            return RedisError(rest.decode(errors="replace"))
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            if n < 0:
                return None
            data = self._file.read(n + 2)
            if len(data) != n + 2:
                raise EOFError("connection closed")
            return data[:-2]
        if kind == b"*":
            n = int(rest)
            if n < 0:
                return None
            items = [self._read() for _ in range(n)]
            # An error nested in an array (a failed command of a transaction) stays a value.
            return items
        raise ProtocolError("unexpected reply from redis: %r" % line)

    # redis-py's forms of the commands the stream helpers use.

    def xadd(self, name: str, fields: Mapping[Any, Any], id: str = "*") -> bytes:
        args: List[Any] = ["XADD", name, id]
        for key, value in fields.items():
            args += [key, value]
        return self.execute(*args)

    def xread(
        self,
        streams: Mapping[Any, Any],
        count: Optional[int] = None,
        block: Optional[int] = None,
    ) -> List[Any]:
        """``[[stream, [(id, {field: value}), ...]], ...]``, or ``[]`` when the block timed
        out."""
        args: List[Any] = ["XREAD"]
        if count is not None:
            args += ["COUNT", count]
        if block is not None:
            args += ["BLOCK", block]
        args.append("STREAMS")
        args += list(streams.keys())
        args += list(streams.values())
        timeout = None if block is None or block == 0 else self._timeout_for(block)
        reply = self.execute(*args, timeout=timeout) if block != 0 else self._forever(*args)
        if reply is None:
            return []
        result = []
        for stream, entries in reply:
            parsed = []
            for entry_id, flat in entries:
                flat = flat or []
                parsed.append((entry_id, dict(zip(flat[::2], flat[1::2]))))
            result.append([stream, parsed])
        return result

    def blpop(self, keys: Union[str, Sequence[str]], timeout: float = 0) -> Optional[Tuple[bytes, bytes]]:
        """``(key, value)``, or ``None`` after ``timeout`` seconds (0: wait forever)."""
        names = [keys] if isinstance(keys, (str, bytes)) else list(keys)
        args = ["BLPOP"] + names + [timeout]
        reply = self._forever(*args) if timeout == 0 else self.execute(
            *args, timeout=self._timeout_for(int(timeout * 1000)))
        return None if reply is None else (reply[0], reply[1])

    def _timeout_for(self, block_ms: int) -> Optional[float]:
        # The socket must outwait the server's own block.
        return None if self._timeout is None else block_ms / 1000 + self._timeout

    def _forever(self, *args: Any) -> Any:
        previous, self._timeout = self._timeout, None
        try:
            return self.execute(*args)
        finally:
            self._timeout = previous

    def close(self) -> None:
        try:
            self._file.close()
        finally:
            self._sock.close()

    def __enter__(self) -> "RedisConnection":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def submit_to_stream(
    redis: Any,
    stream: str,
    function: str,
    args: Sequence[Any] = (),
    kwargs: Optional[Mapping[str, Any]] = None,
    *,
    id: Any = None,
    reply_to: Optional[str] = None,
    message_id_kwarg: Optional[str] = None,
) -> str:
    """Adds a call of ``function(*args, **kwargs)`` to ``stream``; returns the message id.

    ``id`` is the reply's ``id`` (default: the message id).  With ``reply_to`` the reply is
    pushed onto that list (read it with :func:`wait_reply`) instead of the result stream.
    With ``message_id_kwarg`` the function is also passed the message id as that keyword
    argument, to recognise a job run again after its first server died.
    """
    request = call_request(function, args, kwargs or {})
    if id is not None:
        request["id"] = id
    if message_id_kwarg is not None:
        request["message_id_kwarg"] = message_id_kwarg
    fields: Dict[str, Any] = {
        "job": json.dumps(request, separators=(",", ":"), allow_nan=False)
    }
    if reply_to is not None:
        fields["reply_to"] = reply_to
    return _text(redis.xadd(stream, fields))


@dataclass(frozen=True)
class StreamReply:
    """One reply from a stream job.

    Attributes:
        message_id: the job's message id in the job stream.
        reply: the reply object, as the socket protocol has it.
        consumer: the server (consumer name) that ran it; empty for a ``reply_to`` reply.
        claimed: the job was claimed from a server that had gone (it may have run twice).
        entry_id: the reply's own id in the result stream (empty for a ``reply_to`` reply).
    """

    message_id: str
    reply: Dict[str, Any]
    consumer: str = ""
    claimed: bool = False
    entry_id: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.reply.get("ok"))

    def result(self) -> Any:
        """The function's return value; raises its error (``RemoteError``, ``WorkerCrashed``,
        ``ProtocolError``, ... as a socket call would)."""
        if not self.ok:
            raise error_from_reply(self.reply)
        return self.reply.get("result")

    def call_reply(self) -> Reply:
        """The :class:`~permafrost_client.Reply` (result, stdout, worker, elapsed_us)."""
        if not self.ok:
            raise error_from_reply(self.reply)
        return Reply.from_json(self.reply)


def _field(fields: Mapping[Any, Any], name: str) -> Optional[str]:
    for key in (name, name.encode()):
        if key in fields:
            return _text(fields[key])
    return None


def read_results(
    redis: Any,
    result_stream: str,
    last_id: str = "0-0",
    count: Optional[int] = None,
    block: Optional[int] = None,
) -> Tuple[str, List[StreamReply]]:
    """The replies in ``result_stream`` after ``last_id``, and the id to read on from.
    ``block`` (milliseconds) waits for new ones when there are none yet."""
    replies = []
    for _stream, entries in redis.xread({result_stream: last_id}, count=count, block=block) or []:
        for entry_id, fields in entries:
            last_id = _text(entry_id)
            message = _field(fields, "message")
            text = _field(fields, "reply")
            if message is None or text is None:
                continue  # Not a reply entry.
            replies.append(StreamReply(
                message_id=message,
                reply=json.loads(text),
                consumer=_field(fields, "consumer") or "",
                claimed=_field(fields, "claimed") == "1",
                entry_id=last_id,
            ))
    return last_id, replies


class ResultReader:
    """Follows a result stream from ``last_id`` (default: its start)."""

    def __init__(self, redis: Any, result_stream: str, last_id: str = "0-0") -> None:
        self.redis = redis
        self.result_stream = result_stream
        self.last_id = last_id
        #: Every reply read so far, first one per message id.
        self.replies: Dict[str, StreamReply] = {}
        #: Message ids answered more than once (run again after a claim).
        self.repeated: Dict[str, int] = {}

    def read(self, count: Optional[int] = None, block: Optional[int] = None) -> List[StreamReply]:
        """The replies added since the last read (waiting up to ``block`` ms for one)."""
        self.last_id, new = read_results(self.redis, self.result_stream, self.last_id,
                                         count=count, block=block)
        for reply in new:
            if reply.message_id in self.replies:
                self.repeated[reply.message_id] = self.repeated.get(reply.message_id, 1) + 1
            else:
                self.replies[reply.message_id] = reply
        return new

    def wait_for(self, message_ids: Iterable[str], timeout: Optional[float] = 30.0) -> Dict[str, StreamReply]:
        """The (first) reply to each of ``message_ids``; ``TimeoutError`` if some are still
        unanswered after ``timeout`` seconds (``None``: wait forever)."""
        wanted = set(message_ids)
        deadline = None if timeout is None else time.monotonic() + timeout
        while not wanted.issubset(self.replies):
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                missing = len(wanted - set(self.replies))
                raise TimeoutError("%d of %d jobs unanswered after %s s"
                                   % (missing, len(wanted), timeout))
            block = 1000 if left is None else max(1, min(1000, int(left * 1000)))
            self.read(count=10000, block=block)
        return {m: self.replies[m] for m in wanted}


def wait_reply(redis: Any, reply_to: str, timeout: float = 30.0) -> StreamReply:
    """The next reply pushed onto the ``reply_to`` list; ``TimeoutError`` after ``timeout``
    seconds."""
    popped = redis.blpop([reply_to], timeout=timeout)
    if popped is None:
        raise TimeoutError("no reply on %r within %s s" % (reply_to, timeout))
    reply = json.loads(_text(popped[1]))
    return StreamReply(message_id=str(reply.get("id", "")), reply=reply)
