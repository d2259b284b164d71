"""A client for ``permafrost serve``: call the functions of a served image over its Unix
socket from Python.

>>> from permafrost_client import Client
>>> with Client("/tmp/pf.sock") as client:
...     client.call("handle", 5)
10

- :class:`Client`: one thread-safe, pipelined connection (``call``, ``submit`` returning
  :class:`concurrent.futures.Future`, ``stats``, ``ping``);
- :class:`ClientPool`: a thread-safe pool of connections;
- :class:`AsyncClient`: the same for asyncio;
- :func:`submit_to_stream`, :class:`ResultReader`, :func:`wait_reply`: jobs through a Redis
  stream, for a fleet of servers sharing one queue (``permafrost_client.stream``, with
  :class:`RedisConnection`, a small Redis client of its own);
- exceptions mirroring the protocol's error types: :class:`RemoteError` (the function
  raised), :class:`WorkerCrashed`, :class:`JobTimeout`, :class:`Busy`,
  :class:`ProtocolError`, ...

Only the standard library is used.  The wire protocol is ``docs/protocol.md``.
"""

from .aio import AsyncClient
from .client import Client, ClientPool, Reply
from .errors import (
    Busy,
    Cancelled,
    ConnectionLost,
    InternalError,
    JobTimeout,
    PermafrostError,
    ProtocolError,
    RemoteError,
    ReplyTooLarge,
    ServerError,
    ShuttingDown,
    WorkerCrashed,
)
from .stream import RedisConnection, ResultReader, StreamReply, submit_to_stream, wait_reply

__version__ = "0.1.0"

__all__ = [
    "AsyncClient",
    "Busy",
    "Cancelled",
    "Client",
    "ClientPool",
    "ConnectionLost",
    "InternalError",
    "JobTimeout",
    "PermafrostError",
    "ProtocolError",
    "RedisConnection",
    "RemoteError",
    "Reply",
    "ReplyTooLarge",
    "ResultReader",
    "ServerError",
    "ShuttingDown",
    "StreamReply",
    "WorkerCrashed",
    "submit_to_stream",
    "wait_reply",
]
