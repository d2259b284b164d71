"""The blocking client: one pipelined connection (:class:`Client`) and a pool of them
(:class:`ClientPool`), both thread-safe.

The protocol is newline-delimited JSON over a Unix stream socket (``docs/protocol.md``):
each request carries an ``id``, replies come back in completion order carrying the ``id``
they answer.  A :class:`Client` therefore keeps any number of requests in flight on one
connection: a background thread reads replies and completes the matching
:class:`concurrent.futures.Future`.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from .errors import ConnectionLost, JobTimeout, PermafrostError, ProtocolError, error_from_reply

__all__ = ["Client", "ClientPool", "Reply"]

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Reply:
    """A successful call's reply.

    Attributes:
        result: the function's return value, decoded from JSON.
        stdout: what the job printed.
        worker: the pid of the worker that ran it.
        elapsed_us: the worker's time on the job, in microseconds.
    """

    result: Any
    stdout: str
    worker: Optional[int]
    elapsed_us: Optional[int]

    @classmethod
    def from_json(cls, reply: Mapping[str, Any]) -> "Reply":
        """The :class:`Reply` of a reply object with ``"ok": true``."""
        return cls(
            result=reply.get("result"),
            stdout=str(reply.get("stdout", "")),
            worker=reply.get("worker"),
            elapsed_us=reply.get("elapsed_us"),
        )


def call_request(function: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Dict[str, Any]:
    """The ``call`` request object (without its ``id``)."""
    return {"op": "call", "function": function, "args": list(args), "kwargs": dict(kwargs)}


def encode(request: Mapping[str, Any]) -> bytes:
    """One request line.  Raises :class:`TypeError` for arguments JSON cannot express."""
    return (json.dumps(request, separators=(",", ":"), allow_nan=False) + "\n").encode()


def decode(line: bytes) -> Dict[str, Any]:
    """One reply line as an object; :class:`ProtocolError` if it is not one."""
    try:
        reply = json.loads(line)
    except ValueError as e:
        raise ProtocolError("the server sent a line that is not JSON: %s" % e) from None
    if not isinstance(reply, dict) or "ok" not in reply:
        raise ProtocolError("the server sent a line that is not a reply: %r" % (reply,))
    return reply


# What a pending request's future resolves to.
_VALUE, _REPLY, _RAW = "value", "reply", "raw"


class Client:
    """A connection to ``permafrost serve`` at ``socket_path``.

    Thread-safe: any number of threads may call, submit and read statistics at once, and
    every request is pipelined on the one connection (replies are matched by ``id``).  Use
    it as a context manager, or call :meth:`close`.

    Args:
        socket_path: the server's ``--socket``.
        connect_timeout: seconds to wait for the connection (``None``: no limit).

    Raises:
        OSError: the socket cannot be connected to (``FileNotFoundError`` when there is no
            server, ``ConnectionRefusedError`` when it is gone).
    """

    def __init__(self, socket_path: PathLike, *, connect_timeout: Optional[float] = 10.0) -> None:
        self.socket_path = str(socket_path)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(connect_timeout)
            sock.connect(self.socket_path)
            sock.settimeout(None)
        except BaseException:
            sock.close()
            raise
        self._sock = sock
        self._send_lock = threading.Lock()
        self._lock = threading.Lock()
        self._pending: Dict[int, Tuple["Future[Any]", str]] = {}
        self._ids = itertools.count(1)
        self._closed: Optional[PermafrostError] = None
        self._reader = threading.Thread(
            target=self._read_replies, name="permafrost-client-reader", daemon=True
        )
        self._reader.start()

    # -- calls -----------------------------------------------------------------------------

    def submit(self, function: str, *args: Any, **kwargs: Any) -> "Future[Any]":
        """Sends a call without waiting; the future resolves to the function's return value
        or raises (:class:`~permafrost_client.RemoteError`, :class:`~permafrost_client.
        WorkerCrashed`, ...).  Cancelling the future cancels the call if it is still
        queued on the server."""
        return self._submit(call_request(function, args, kwargs), _VALUE)

    def submit_reply(
        self,
        function: str,
        args: Sequence[Any] = (),
        kwargs: Optional[Mapping[str, Any]] = None,
    ) -> "Future[Reply]":
        """As :meth:`submit`, resolving to the whole :class:`Reply` (result, stdout, worker,
        time)."""
        return self._submit(call_request(function, args, kwargs or {}), _REPLY)

    def call(self, function: str, *args: Any, timeout: Optional[float] = None, **kwargs: Any) -> Any:
        """Calls ``function`` (``name`` in the main module, or ``module.name``) with JSON
        arguments and returns its result.

        Args:
            timeout: seconds to wait for the reply; when they pass the call is cancelled
                (if it has not started) and :class:`~permafrost_client.JobTimeout` raised.
                A function taking a keyword argument called ``timeout`` is called with
                :meth:`call_with`.

        Raises:
            RemoteError: the function raised; ``remote_type``, ``message``, ``traceback``.
            JobTimeout, WorkerCrashed, Busy, ProtocolError, ...: the server's errors.
            ConnectionLost: the connection closed first.
            TypeError: an argument cannot be expressed in JSON.
        """
        return self.call_with(function, args, kwargs, timeout=timeout)

    def call_with(
        self,
        function: str,
        args: Sequence[Any] = (),
        kwargs: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
    ) -> Any:
        """:meth:`call` with the arguments given as a sequence and a mapping."""
        future = self._submit(call_request(function, args, kwargs or {}), _VALUE)
        return self._wait(future, timeout)

    def call_reply(
        self,
        function: str,
        args: Sequence[Any] = (),
        kwargs: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
    ) -> Reply:
        """:meth:`call_with`, returning the whole :class:`Reply` (result, stdout, worker,
        time)."""
        future = self._submit(call_request(function, args, kwargs or {}), _REPLY)
        return self._wait(future, timeout)

    def stats(self, *, timeout: Optional[float] = None) -> Dict[str, Any]:
        """The server's memory report (``docs/protocol.md``, ``stats``): per worker and per
        region, and the image store file with the number of processes mapping it."""
        return self._wait(self._submit({"op": "stats"}, _VALUE), timeout)

    def ping(self, *, timeout: Optional[float] = None) -> float:
        """Asks the supervisor for ``pong``; returns the round trip in seconds."""
        started = time.monotonic()
        answer = self._wait(self._submit({"op": "ping"}, _VALUE), timeout)
        if answer != "pong":
            raise ProtocolError("ping answered %r" % (answer,))
        return time.monotonic() - started

    # -- life ------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """Whether the connection is closed (by :meth:`close` or by the server)."""
        return self._closed is not None

    def in_flight(self) -> int:
        """Requests sent and not yet answered."""
        with self._lock:
            return len(self._pending)

    def close(self) -> None:
        """Closes the connection; calls still in flight raise
        :class:`~permafrost_client.ConnectionLost`."""
        self._fail_all(ConnectionLost("the client was closed"))
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        if self._reader is not threading.current_thread():
            self._reader.join(timeout=5)
        self._sock.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return "<permafrost_client.Client %s %s>" % (self.socket_path, state)

    # -- machinery -------------------------------------------------------------------------

    def _submit(self, request: Dict[str, Any], kind: str) -> "Future[Any]":
        future: "Future[Any]" = Future()
        with self._lock:
            if self._closed is not None:
                raise ConnectionLost(str(self._closed))
            request_id = next(self._ids)
            request["id"] = request_id
            line = encode(request)  # TypeError before anything is registered or sent
            self._pending[request_id] = (future, kind)
        future.add_done_callback(lambda f: self._on_done(request_id, f))
        try:
            with self._send_lock:
                self._sock.sendall(line)
        except OSError as e:
            self._fail_all(ConnectionLost("cannot send to %s: %s" % (self.socket_path, e)))
        return future

    def _on_done(self, request_id: int, future: "Future[Any]") -> None:
        if not future.cancelled():
            return
        with self._lock:
            still_pending = self._pending.pop(request_id, None) is not None
        if still_pending and self._closed is None:
            # Removes the call from the server's queue if it has not started; the reply it
            # then gets (Cancelled, or the result) is dropped.
            try:
                with self._send_lock:
                    self._sock.sendall(encode({"op": "cancel", "id": request_id}))
            except OSError:
                pass

    def _wait(self, future: "Future[Any]", timeout: Optional[float]) -> Any:
        try:
            return future.result(timeout)
        except FutureTimeout:
            if future.cancel():
                raise JobTimeout("no reply within %g s; the call was cancelled" % timeout) from None
            return future.result()

    def _read_replies(self) -> None:
        reader = self._sock.makefile("rb")
        error: PermafrostError = ConnectionLost("the server closed the connection")
        try:
            for line in reader:
                if not line.strip():
                    continue
                try:
                    reply = decode(line)
                except ProtocolError as e:
                    error = e
                    break
                self._deliver(reply)
        except (OSError, ValueError) as e:
            error = ConnectionLost("connection to %s failed: %s" % (self.socket_path, e))
        finally:
            reader.close()
            self._fail_all(error)

    def _deliver(self, reply: Dict[str, Any]) -> None:
        request_id = reply.get("id")
        if request_id is None and reply.get("ok") is False:
            # An error about no request in particular (a refused connection, a line the
            # server could not read): it concerns every call in flight.
            self._fail_all(error_from_reply(reply))
            return
        with self._lock:
            entry = self._pending.pop(request_id, None) if isinstance(request_id, int) else None
        if entry is None:
            return  # cancelled meanwhile
        future, kind = entry
        if not future.set_running_or_notify_cancel():
            return
        if reply.get("ok") is True:
            if kind == _REPLY:
                future.set_result(Reply.from_json(reply))
            else:
                future.set_result(reply.get("result"))
        else:
            future.set_exception(error_from_reply(reply))

    def _fail_all(self, error: PermafrostError) -> None:
        with self._lock:
            if self._closed is None:
                self._closed = error
            pending = list(self._pending.values())
            self._pending.clear()
        for future, _ in pending:
            if future.set_running_or_notify_cancel():
                future.set_exception(error)


class ClientPool:
    """A thread-safe pool of up to ``size`` connections to one server.

    Calls are spread round-robin over the connections, opened on first use; a connection
    the server closed is replaced by a new one on its next turn.  The server serves queued
    calls round-robin *per connection*, so a pool gives its users a larger share than one
    connection would, and each connection may have up to 4,096 calls in flight.

    Args:
        socket_path: the server's ``--socket``.
        size: most connections (at least 1).
        connect_timeout: passed to each :class:`Client`.
    """

    def __init__(
        self, socket_path: PathLike, size: int = 4, *, connect_timeout: Optional[float] = 10.0
    ) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        self.socket_path = str(socket_path)
        self.size = size
        self._connect_timeout = connect_timeout
        self._clients: List[Optional[Client]] = [None] * size
        self._turn = itertools.count()
        self._lock = threading.Lock()
        self._closed = False

    def client(self) -> Client:
        """The next connection in turn (opened or reopened as needed)."""
        with self._lock:
            if self._closed:
                raise ConnectionLost("the pool was closed")
            slot = next(self._turn) % self.size
            client = self._clients[slot]
            if client is None or client.closed:
                client = Client(self.socket_path, connect_timeout=self._connect_timeout)
                self._clients[slot] = client
            return client

    def submit(self, function: str, *args: Any, **kwargs: Any) -> "Future[Any]":
        """:meth:`Client.submit` on the next connection."""
        return self.client().submit(function, *args, **kwargs)

    def call(self, function: str, *args: Any, timeout: Optional[float] = None, **kwargs: Any) -> Any:
        """:meth:`Client.call` on the next connection."""
        return self.client().call_with(function, args, kwargs, timeout=timeout)

    def call_with(
        self,
        function: str,
        args: Sequence[Any] = (),
        kwargs: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
    ) -> Any:
        """:meth:`Client.call_with` on the next connection."""
        return self.client().call_with(function, args, kwargs, timeout=timeout)

    def call_reply(
        self,
        function: str,
        args: Sequence[Any] = (),
        kwargs: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
    ) -> Reply:
        """:meth:`Client.call_reply` on the next connection."""
        return self.client().call_reply(function, args, kwargs, timeout=timeout)

    def stats(self, *, timeout: Optional[float] = None) -> Dict[str, Any]:
        """:meth:`Client.stats`."""
        return self.client().stats(timeout=timeout)

    def ping(self, *, timeout: Optional[float] = None) -> float:
        """:meth:`Client.ping`."""
        return self.client().ping(timeout=timeout)

    def close(self) -> None:
        """Closes every connection."""
        with self._lock:
            self._closed = True
            clients = [c for c in self._clients if c is not None]
            self._clients = [None] * self.size
        for client in clients:
            client.close()

    def __enter__(self) -> "ClientPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

