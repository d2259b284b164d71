"""Exceptions mirroring the error types of the permafrost protocol (``docs/protocol.md``).

A reply with ``"ok": false`` carries ``error.type``, ``error.message`` and
``error.traceback``.  When the called function raised, the reply is turned into a
:class:`RemoteError` carrying the remote type name, message and traceback text.  When the
server made the error itself (the job timed out, its worker died, the queue is full, the
request was malformed, ...), the reply is turned into the matching subclass of
:class:`ServerError`.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Type

__all__ = [
    "PermafrostError",
    "RemoteError",
    "ServerError",
    "ProtocolError",
    "Busy",
    "Cancelled",
    "ReplyTooLarge",
    "JobTimeout",
    "WorkerCrashed",
    "ShuttingDown",
    "InternalError",
    "ConnectionLost",
    "error_from_reply",
]


class PermafrostError(Exception):
    """Base class of every error this package raises for a failed request.

    Attributes:
        type: the protocol's error type name (``error.type``), e.g. ``"ZeroDivisionError"``
            or ``"WorkerCrashed"``.
        message: the error message (``error.message``).
        traceback: the traceback text (``error.traceback``); for errors the server made
            itself it is the single line ``"Type: message\\n"``.
        reply: the whole reply object, or ``None`` when the error was made by the client.
    """

    def __init__(
        self,
        message: str,
        *,
        type: Optional[str] = None,
        traceback: Optional[str] = None,
        reply: Optional[Mapping[str, Any]] = None,
    ) -> None:
        super().__init__(message)
        self.type: str = type if type is not None else self.__class__.__name__
        self.message: str = message
        self.traceback: str = (
            traceback if traceback is not None else "%s: %s\n" % (self.type, message)
        )
        self.reply: Optional[Mapping[str, Any]] = reply

    def __str__(self) -> str:
        return self.message


class RemoteError(PermafrostError):
    """The called function raised an exception in the worker.

    ``remote_type`` is the Python exception's type name (``"KeyError"``), ``message`` its
    ``str()``, ``traceback`` the full traceback text as CPython would print it;
    ``stdout`` is what the job printed before raising and ``worker`` the worker's pid.
    """

    def __init__(
        self,
        message: str,
        *,
        type: Optional[str] = None,
        traceback: Optional[str] = None,
        reply: Optional[Mapping[str, Any]] = None,
    ) -> None:
        super().__init__(message, type=type, traceback=traceback, reply=reply)
        self.remote_type: str = self.type
        self.stdout: str = str((reply or {}).get("stdout", ""))
        self.worker: Optional[int] = (reply or {}).get("worker")

    def __str__(self) -> str:
        return "%s: %s" % (self.remote_type, self.message)


class ServerError(PermafrostError):
    """An error the server (not the called function) reported."""


class ProtocolError(ServerError):
    """The request was malformed (bad JSON, unknown op, wrong field type, line too long), or
    the client saw a reply it could not understand."""


class Busy(ServerError):
    """The server's queue is full (``--queue-limit``), or it has ``--max-connections``
    connections open already."""


class Cancelled(ServerError):
    """The call was cancelled while still queued."""


class ReplyTooLarge(ServerError):
    """The function's reply is larger than the server's ``--max-reply-bytes``."""


class JobTimeout(ServerError, TimeoutError):
    """The job ran longer than the server's ``--job-timeout`` (its worker was killed), or
    no reply came within the ``timeout`` given to the call (the call is then cancelled if it
    has not started)."""


class WorkerCrashed(ServerError):
    """The worker died while running the job (killed, out of memory, its zygote died)."""


class ShuttingDown(ServerError):
    """The server is stopping and takes no new calls, or stopped before the job finished."""


class InternalError(ServerError):
    """The interpreter itself failed; the worker is replaced."""


class ConnectionLost(PermafrostError, ConnectionError):
    """The connection closed before the reply arrived."""


#: The server's error types (``docs/protocol.md``) and their exception classes; the server
#: calls a job timeout ``TimeoutError``.
SERVER_ERRORS: Dict[str, Type[ServerError]] = {
    "ProtocolError": ProtocolError,
    "Busy": Busy,
    "Cancelled": Cancelled,
    "ReplyTooLarge": ReplyTooLarge,
    "TimeoutError": JobTimeout,
    "WorkerCrashed": WorkerCrashed,
    "ShuttingDown": ShuttingDown,
    "InternalError": InternalError,
}

#: Server errors a worker reports inside an otherwise ordinary call reply.
_WORKER_MADE = ("ReplyTooLarge", "InternalError")


def error_from_reply(reply: Mapping[str, Any]) -> PermafrostError:
    """The exception for a reply with ``"ok": false``.

    A server-made error has no ``worker`` field (or, for the two a worker makes, the one-line
    traceback ``"Type: message\\n"``); anything else is the function's own exception, even
    if its class happens to be called ``Busy``.
    """
    error = reply.get("error")
    if not isinstance(error, Mapping):
        return ProtocolError("reply without an error object: %r" % (reply,), reply=reply)
    type_name = str(error.get("type", ""))
    message = str(error.get("message", ""))
    traceback = str(error.get("traceback", ""))
    cls = SERVER_ERRORS.get(type_name)
    if cls is not None:
        one_line = traceback == "%s: %s\n" % (type_name, message)
        if "worker" not in reply or (type_name in _WORKER_MADE and one_line):
            return cls(message, type=type_name, traceback=traceback, reply=reply)
    return RemoteError(message, type=type_name, traceback=traceback, reply=reply)
