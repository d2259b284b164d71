"""The asyncio client: :class:`AsyncClient`, one pipelined connection driven by a reader
task.  Use it from one event loop."""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple

from .client import PathLike, Reply, call_request, decode, encode
from .errors import ConnectionLost, JobTimeout, PermafrostError, ProtocolError, error_from_reply

__all__ = ["AsyncClient"]

# asyncio's readline refuses lines longer than its limit; replies may be as long as the
# server's --max-reply-bytes (32 MiB by default, configurable up to 2 GiB).
_LINE_LIMIT = 1 << 31


class AsyncClient:
    """An asyncio connection to ``permafrost serve`` at ``socket_path``.

    Open it with ``await AsyncClient.open(path)`` or ``async with AsyncClient(path) as c``.
    Any number of coroutines may call at once; every request is pipelined on the one
    connection and replies are matched by ``id``.
    """

    def __init__(self, socket_path: PathLike) -> None:
        self.socket_path = str(socket_path)
        self._reader: Optional[asyncio.StreamReader] = None
        self._writer: Optional[asyncio.StreamWriter] = None
        self._task: Optional["asyncio.Task[None]"] = None
        self._pending: Dict[int, Tuple["asyncio.Future[Any]", str]] = {}
        self._ids = itertools.count(1)
        self._closed: Optional[PermafrostError] = None
        self._write_lock: Optional[asyncio.Lock] = None

    @classmethod
    async def open(cls, socket_path: PathLike) -> "AsyncClient":
        """A connected client."""
        client = cls(socket_path)
        await client.connect()
        return client

    async def connect(self) -> None:
        """Connects (once).

        Raises:
            OSError: the socket cannot be connected to.
        """
        if self._writer is not None:
            return
        self._reader, self._writer = await asyncio.open_unix_connection(
            self.socket_path, limit=_LINE_LIMIT
        )
        self._write_lock = asyncio.Lock()
        self._task = asyncio.get_running_loop().create_task(self._read_replies())

    # -- calls -----------------------------------------------------------------------------

    def submit(self, function: str, *args: Any, **kwargs: Any) -> "asyncio.Future[Any]":
        """Sends a call; the future resolves to the result or raises.  Cancelling it cancels
        the call if it is still queued on the server."""
        return self._submit(call_request(function, args, kwargs), "value")

    async def call(
        self, function: str, *args: Any, timeout: Optional[float] = None, **kwargs: Any
    ) -> Any:
        """Calls ``function`` with JSON arguments and returns its result; raises as
        :meth:`permafrost_client.Client.call` does (``timeout`` in seconds:
        :class:`~permafrost_client.JobTimeout` when it passes)."""
        return await self.call_with(function, args, kwargs, timeout=timeout)

    async def call_with(
        self,
        function: str,
        args: Sequence[Any] = (),
        kwargs: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
    ) -> Any:
        """:meth:`call` with the arguments given as a sequence and a mapping."""
        future = self._submit(call_request(function, args, kwargs or {}), "value")
        return await self._wait(future, timeout)

    async def call_reply(
        self,
        function: str,
        args: Sequence[Any] = (),
        kwargs: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
    ) -> Reply:
        """:meth:`call_with`, returning the whole :class:`~permafrost_client.Reply`."""
        future = self._submit(call_request(function, args, kwargs or {}), "reply")
        return await self._wait(future, timeout)

    async def stats(self, *, timeout: Optional[float] = None) -> Dict[str, Any]:
        """The server's memory report (``docs/protocol.md``, ``stats``)."""
        return await self._wait(self._submit({"op": "stats"}, "value"), timeout)

    async def ping(self, *, timeout: Optional[float] = None) -> float:
        """Asks the supervisor for ``pong``; returns the round trip in seconds."""
        started = time.monotonic()
        answer = await self._wait(self._submit({"op": "ping"}, "value"), timeout)
        if answer != "pong":
            raise ProtocolError("ping answered %r" % (answer,))
        return time.monotonic() - started

    # -- life ------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """Whether the connection is closed."""
        return self._closed is not None

    async def close(self) -> None:
        """Closes the connection; calls in flight raise
        :class:`~permafrost_client.ConnectionLost`."""
        self._fail_all(ConnectionLost("the client was closed"))
        if self._writer is not None:
            self._writer.close()
            try:
                await self._writer.wait_closed()
            except OSError:
                pass
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass

    async def __aenter__(self) -> "AsyncClient":
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- machinery -------------------------------------------------------------------------

    def _submit(self, request: Dict[str, Any], kind: str) -> "asyncio.Future[Any]":
        if self._writer is None:
            raise ConnectionLost("not connected: await connect() first")
        if self._closed is not None:
            raise ConnectionLost(str(self._closed))
        request_id = next(self._ids)
        request["id"] = request_id
        line = encode(request)
        loop = asyncio.get_running_loop()
        future: "asyncio.Future[Any]" = loop.create_future()
        self._pending[request_id] = (future, kind)
        future.add_done_callback(lambda f: self._on_done(request_id, f))
        self._writer.write(line)
        loop.create_task(self._drain())
        return future

    async def _drain(self) -> None:
        assert self._writer is not None and self._write_lock is not None
        try:
            async with self._write_lock:
                await self._writer.drain()
        except (OSError, RuntimeError) as e:
            self._fail_all(ConnectionLost("cannot send to %s: %s" % (self.socket_path, e)))

    def _on_done(self, request_id: int, future: "asyncio.Future[Any]") -> None:
        if not future.cancelled():
            return
        still_pending = self._pending.pop(request_id, None) is not None
        if still_pending and self._closed is None and self._writer is not None:
            self._writer.write(encode({"op": "cancel", "id": request_id}))

    async def _wait(self, future: "asyncio.Future[Any]", timeout: Optional[float]) -> Any:
        if timeout is None:
            return await future
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        except asyncio.TimeoutError:
            if future.cancel():
                raise JobTimeout("no reply within %g s; the call was cancelled" % timeout) from None
            return future.result()

    async def _read_replies(self) -> None:
        assert self._reader is not None
        error: PermafrostError = ConnectionLost("the server closed the connection")
        try:
            while True:
                line = await self._reader.readline()
                if not line:
                    break
                if not line.strip():
                    continue
                try:
                    reply = decode(line)
                except ProtocolError as e:
                    error = e
                    break
                self._deliver(reply)
        except asyncio.CancelledError:
            error = ConnectionLost("the client was closed")
            raise
        except (OSError, ValueError) as e:
            error = ConnectionLost("connection to %s failed: %s" % (self.socket_path, e))
        finally:
            self._fail_all(error)

    def _deliver(self, reply: Dict[str, Any]) -> None:
        request_id = reply.get("id")
        if request_id is None and reply.get("ok") is False:
            self._fail_all(error_from_reply(reply))
            return
        entry = self._pending.pop(request_id, None) if isinstance(request_id, int) else None
        if entry is None:
            return
        future, kind = entry
        if future.done():
            return
        if reply.get("ok") is True:
            future.set_result(Reply.from_json(reply) if kind == "reply" else reply.get("result"))
        else:
            future.set_exception(error_from_reply(reply))

    def _fail_all(self, error: PermafrostError) -> None:
        if self._closed is None:
            self._closed = error
        pending = list(self._pending.values())
        self._pending.clear()
        for future, _ in pending:
            if not future.done():
                future.set_exception(error)
