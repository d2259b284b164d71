"""The stream helpers against a real ``redis-server`` (Debian's package, started on loopback
in the test's own directory) and a real ``permafrost serve --redis``."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator

import pytest

from permafrost_client import (
    Client,
    ProtocolError,
    RedisConnection,
    RemoteError,
    ResultReader,
    WorkerCrashed,
    submit_to_stream,
    wait_reply,
)
from permafrost_client.stream import RedisError, read_results

from conftest import Server


class RedisServer:
    def __init__(self, directory: Path) -> None:
        if shutil.which("redis-server") is None:
            pytest.fail("redis-server not found: install Debian's redis-server package")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = "redis://127.0.0.1:%d/0" % self.port
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(directory)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with RedisConnection(port=self.port) as r:
                    if r.execute("PING") == b"PONG":
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail("redis-server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture()
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture()
def redis(redis_server: RedisServer) -> Iterator[RedisConnection]:
    with RedisConnection.from_url(redis_server.url) as connection:
        yield connection


@pytest.fixture()
def stream_server(tmp_path: Path, image: Path, redis_server: RedisServer) -> Iterator[Server]:
    s = Server(tmp_path, image, "fleet",
               ["--workers", "2", "--job-timeout", "2", "--redis", redis_server.url,
                "--stream", "jobs", "--consumer", "py", "--claim-after", "5"])
    yield s
    s.stop()


def test_resp_connection_speaks_the_basics(redis: RedisConnection) -> None:
    assert redis.execute("SET", "k", "v") == b"OK"
    assert redis.execute("GET", "k") == b"v"
    assert redis.execute("GET", "missing") is None
    assert redis.execute("RPUSH", "l", 1, 2.5, b"\x00\r\n") == 3
    assert redis.execute("LRANGE", "l", 0, -1) == [b"1", b"2.5", b"\x00\r\n"]
    with pytest.raises(RedisError, match="unknown command"):
        redis.execute("NOSUCHCOMMAND")
    with pytest.raises(TypeError):
        redis.execute("SET", "k", None)
    # Usable after an error reply.
    assert redis.execute("PING") == b"PONG"
    # Pipelined: replies in order, an error reply as a value.
    replies = redis.execute_many([("INCR", "n"), ("NOSUCHCOMMAND",), ("INCR", "n")])
    assert replies[0] == 1 and replies[2] == 2
    assert isinstance(replies[1], RedisError)
    # XREAD's block times out empty; BLPOP's timeout gives None.
    assert redis.xread({"nothing": "0-0"}, count=1, block=50) == []
    assert redis.blpop("empty", timeout=0.1) is None


def test_url_with_database_and_password_is_parsed(redis_server: RedisServer) -> None:
    with RedisConnection.from_url("redis://127.0.0.1:%d/3" % redis_server.port) as r:
        r.execute("SET", "where", "db3")
    with RedisConnection.from_url("redis://127.0.0.1:%d" % redis_server.port) as r:
        assert r.execute("GET", "where") is None
    with pytest.raises(RedisError, match="AUTH"):
        RedisConnection.from_url("redis://:secret@127.0.0.1:%d/0" % redis_server.port)
    with pytest.raises(ValueError):
        RedisConnection.from_url("http://127.0.0.1/")


def test_jobs_through_the_stream(redis: RedisConnection, stream_server: Server) -> None:
    ids = [submit_to_stream(redis, "jobs", "add", [i, 1]) for i in range(50)]
    tagged = submit_to_stream(redis, "jobs", "echo", [1], {"k": "v"}, id="mine",
                              message_id_kwarg="message_id")
    failing = submit_to_stream(redis, "jobs", "boom")
    printing = submit_to_stream(redis, "jobs", "shout", ["hi"])
    reader = ResultReader(redis, "jobs:results")
    replies = reader.wait_for(ids + [tagged, failing, printing], timeout=60)
    assert [replies[m].result() for m in ids] == [i + 1 for i in range(50)]
    assert all(replies[m].consumer == "py" and not replies[m].claimed for m in ids)
    assert replies[ids[0]].reply["id"] == ids[0]
    assert replies[tagged].reply["id"] == "mine"
    assert replies[tagged].result() == [[1], {"k": "v", "message_id": tagged}]
    with pytest.raises(RemoteError) as raised:
        replies[failing].result()
    assert raised.value.remote_type == "ZeroDivisionError"
    assert "1 / 0" in raised.value.traceback
    call = replies[printing].call_reply()
    assert (call.result, call.stdout) == (2, "HI\n")
    assert reader.repeated == {}
    # Reading on from the last id gives nothing new.
    assert reader.read(block=10) == []


def test_reply_to_list_and_errors_acknowledged(redis: RedisConnection, stream_server: Server) -> None:
    message = submit_to_stream(redis, "jobs", "add", [2, 3], reply_to="answers")
    reply = wait_reply(redis, "answers", timeout=30)
    assert reply.message_id == message
    assert reply.result() == 5
    with pytest.raises(TimeoutError):
        wait_reply(redis, "answers", timeout=0.1)

    bad = redis.xadd("jobs", {"job": "{not json"})
    spinner = submit_to_stream(redis, "jobs", "spin")
    reader = ResultReader(redis, "jobs:results")
    replies = reader.wait_for([bad.decode(), spinner], timeout=30)
    with pytest.raises(ProtocolError):
        replies[bad.decode()].result()
    assert replies[spinner].reply["error"]["type"] == "TimeoutError"
    # Acknowledged: nothing pending, nothing answered twice.
    summary = redis.execute("XPENDING", "jobs", "permafrost")
    assert summary[0] == 0
    time.sleep(0.3)
    reader.read()
    assert reader.repeated == {}
    # The socket serves alongside the stream.
    with Client(stream_server.socket) as client:
        assert client.call("add", 1, 2) == 3


def test_any_object_with_redis_py_methods_works() -> None:
    class Recorder:
        def __init__(self) -> None:
            self.added = []

        def xadd(self, name, fields, id="*"):
            self.added.append((name, fields))
            return "7-0"

        def xread(self, streams, count=None, block=None):
            reply = '{"id":"7-0","ok":false,"error":{"type":"WorkerCrashed","message":"m",' \
                    '"traceback":"WorkerCrashed: m\\n"}}'
            return [["out", [("9-0", {"message": "7-0", "reply": reply, "consumer": "c",
                                       "claimed": "1"}),
                             ("9-1", {"other": "x"})]]]

    recorder = Recorder()
    assert submit_to_stream(recorder, "jobs", "f", [1]) == "7-0"
    name, fields = recorder.added[0]
    assert name == "jobs" and set(fields) == {"job"}
    assert '"function":"f"' in fields["job"]
    last, replies = read_results(recorder, "out")
    assert last == "9-1"
    assert [(r.message_id, r.consumer, r.claimed) for r in replies] == [("7-0", "c", True)]
    with pytest.raises(WorkerCrashed):
        replies[0].result()
    with pytest.raises(ValueError):
        submit_to_stream(recorder, "jobs", "f", [float("nan")])
