"""The client against a real ``permafrost serve``."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

import permafrost_client
from permafrost_client import (
    AsyncClient,
    Busy,
    Client,
    ClientPool,
    ConnectionLost,
    JobTimeout,
    PermafrostError,
    ProtocolError,
    RemoteError,
    WorkerCrashed,
)

from conftest import unused_socket_path


def busy_worker(client: Client, deadline: float = 10.0) -> int:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        for worker in client.stats()["workers"]:
            if worker["state"] == "busy":
                return worker["pid"]
        time.sleep(0.01)
    raise AssertionError("no worker became busy")


def test_call_positional_keyword_and_module_qualified(server):
    with Client(server.socket) as client:
        assert client.call("add", 2, 3) == 5
        assert client.call("greet", "ann") == "hello ann!"
        assert client.call("greet", "bob", punctuation="?") == "hello bob?"
        assert client.call("app.add", [1], [2]) == [1, 2]
        assert client.call("echo", 1, None, x={"k": [True, 1.5]}) == [[1, None], {"x": {"k": [True, 1.5]}}]
        assert client.call("add", 10**30, 1) == 10**30 + 1
        # A remote keyword called `timeout` goes through call_with.
        assert client.call_with("with_timeout", kwargs={"timeout": 4}) == 8


def test_reply_carries_stdout_and_worker(server):
    with Client(server.socket) as client:
        reply = client.call_reply("shout", ["hi there"])
        assert reply.result == 8
        assert reply.stdout == "HI THERE\n"
        assert isinstance(reply.worker, int) and reply.worker > 0
        assert reply.elapsed_us >= 0


def test_remote_error_has_type_message_and_traceback(server):
    with Client(server.socket) as client:
        with pytest.raises(RemoteError) as caught:
            client.call("boom")
        error = caught.value
        assert error.remote_type == "ZeroDivisionError"
        assert error.message == "division by zero"
        assert error.traceback.startswith("Traceback (most recent call last):\n")
        assert error.traceback.endswith("ZeroDivisionError: division by zero\n")
        assert 'in boom' in error.traceback
        assert str(error) == "ZeroDivisionError: division by zero"
        # The app's own exception named like a server error is still the app's.
        with pytest.raises(RemoteError) as caught:
            client.call("raise_busy")
        assert not isinstance(caught.value, Busy)
        assert caught.value.remote_type == "Busy"
        with pytest.raises(RemoteError) as caught:
            client.call("no_such_function")
        assert caught.value.remote_type in ("AttributeError", "NameError")
        # The connection stays usable after errors.
        assert client.call("add", 1, 1) == 2


def test_submit_pipelines_many_calls_on_one_connection(server):
    with Client(server.socket) as client:
        futures = [client.submit("add", i, i) for i in range(500)]
        assert all(isinstance(f, Future) for f in futures)
        assert [f.result(timeout=60) for f in futures] == [2 * i for i in range(500)]
        failing = client.submit("boom")
        with pytest.raises(RemoteError):
            failing.result(timeout=30)
        assert client.in_flight() == 0


def test_client_is_thread_safe(server):
    errors = []
    with Client(server.socket) as client:
        def worker(base: int) -> None:
            try:
                for i in range(50):
                    assert client.call("add", base, i) == base + i
            except BaseException as e:  # noqa: BLE001
                errors.append(e)
        threads = [threading.Thread(target=worker, args=(1000 * t,)) for t in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []


def test_server_job_timeout_is_job_timeout(server):
    with Client(server.socket) as client:
        started = time.monotonic()
        with pytest.raises(JobTimeout) as caught:
            client.call("spin")
        assert time.monotonic() - started >= 1.5
        assert caught.value.type == "TimeoutError"
        assert "ran longer than 2 s" in caught.value.message
        assert isinstance(caught.value, TimeoutError)


def test_client_timeout_cancels_a_queued_call(tight_server):
    with Client(tight_server.socket) as client:
        running = client.submit("spin")
        busy_worker(client)
        started = time.monotonic()
        with pytest.raises(JobTimeout) as caught:
            client.call("add", 1, 2, timeout=0.3)
        assert time.monotonic() - started < 1.5
        assert "no reply within 0.3 s" in str(caught.value)
        with pytest.raises(JobTimeout):
            running.result(timeout=10)
        # The cancelled call never ran; the connection still works.
        assert client.call("add", 2, 2, timeout=10) == 4


def test_worker_killed_mid_job_is_worker_crashed(server):
    with Client(server.socket) as client:
        future = client.submit("spin")
        pid = busy_worker(client)
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(WorkerCrashed) as caught:
            future.result(timeout=10)
        assert "killed by signal 9" in caught.value.message
        assert caught.value.type == "WorkerCrashed"


def test_full_queue_is_busy(tight_server):
    with Client(tight_server.socket) as client:
        running = client.submit("spin")
        busy_worker(client)
        queued = client.submit("add", 1, 1)
        refused = client.submit("add", 2, 2)
        with pytest.raises(Busy) as caught:
            refused.result(timeout=10)
        assert "--queue-limit 1" in caught.value.message
        assert queued.result(timeout=10) == 2
        with pytest.raises(JobTimeout):
            running.result(timeout=10)


def test_bad_request_is_protocol_error(server):
    with Client(server.socket) as client:
        with pytest.raises(ProtocolError) as caught:
            client.call(12345)  # the function name must be a string
        assert "function" in caught.value.message
        assert client.call("add", 1, 2) == 3
    with Client(server.socket) as client:
        with pytest.raises(TypeError):
            client.call("add", object(), 1)  # not JSON: refused before sending
        assert client.call("add", 1, 2) == 3


def test_stats_and_ping(server):
    with Client(server.socket) as client:
        assert 0 <= client.ping() < 10
        stats = client.stats()
        assert stats["layout"] == "permanent"
        assert len(stats["workers"]) == 2
        store = stats["image"]["store"]
        assert store["file"].endswith(".pfi")
        assert store["mappers"] >= 3  # the zygote and both workers


def test_pool_spreads_calls_over_connections(server):
    with ClientPool(server.socket, size=3) as pool:
        results = []
        lock = threading.Lock()

        def worker(n: int) -> None:
            for i in range(20):
                value = pool.call("add", n, i)
                with lock:
                    results.append(value)
        threads = [threading.Thread(target=worker, args=(t,)) for t in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == sorted(t + i for t in range(6) for i in range(20))
        futures = [pool.submit("add", i, 1) for i in range(30)]
        assert [f.result(timeout=30) for f in futures] == [i + 1 for i in range(30)]
        opened = [c for c in pool._clients if c is not None]
        assert len(opened) == 3
        assert pool.ping() >= 0
        # A connection the server dropped is replaced on its next turn.
        opened[0].close()
        assert [pool.call("add", 1, i) for i in range(6)] == [1 + i for i in range(6)]
    with pytest.raises(ConnectionLost):
        pool.call("add", 1, 1)


def test_async_client(server):
    async def main() -> None:
        async with AsyncClient(server.socket) as client:
            assert await client.call("add", 20, 22) == 42
            assert await client.call("greet", "eve", punctuation=".") == "hello eve."
            results = await asyncio.gather(*(client.call("add", i, 1) for i in range(200)))
            assert results == [i + 1 for i in range(200)]
            future = client.submit("add", 3, 4)
            assert isinstance(future, asyncio.Future)
            assert await future == 7
            with pytest.raises(RemoteError) as caught:
                await client.call("boom")
            assert caught.value.remote_type == "ZeroDivisionError"
            reply = await client.call_reply("shout", ["ab"])
            assert (reply.result, reply.stdout) == (2, "AB\n")
            with pytest.raises(JobTimeout):
                await client.call("spin")
            assert (await client.stats())["layout"] == "permanent"
            assert await client.ping() >= 0
        client2 = await AsyncClient.open(server.socket)
        assert await client2.call_with("with_timeout", kwargs={"timeout": 1}, timeout=10) == 2
        await client2.close()
        with pytest.raises(ConnectionLost):
            await client2.call("add", 1, 1)
    asyncio.run(main())


def test_no_server(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        Client(tmp_path / "missing.sock")
    with pytest.raises(ConnectionRefusedError):
        Client(unused_socket_path(tmp_path))

    async def main() -> None:
        with pytest.raises(OSError):
            await AsyncClient.open(tmp_path / "missing.sock")
    asyncio.run(main())


def test_server_going_away_fails_calls_in_flight(tmp_path: Path, image: Path):
    from conftest import Server
    server = Server(tmp_path, image, "dying", ["--workers", "1", "--job-timeout", "30"])
    client = Client(server.socket)
    try:
        future = client.submit("spin")
        busy_worker(client)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(10)
        with pytest.raises(PermafrostError) as caught:
            future.result(timeout=10)
        assert isinstance(caught.value, ConnectionLost)
        assert client.closed
        with pytest.raises(ConnectionLost):
            client.call("add", 1, 1)
    finally:
        client.close()
        server.stop()


def test_exceptions_mirror_the_protocol():
    assert issubclass(JobTimeout, TimeoutError)
    assert issubclass(ConnectionLost, ConnectionError)
    for name in ["RemoteError", "WorkerCrashed", "JobTimeout", "Busy", "ProtocolError"]:
        assert issubclass(getattr(permafrost_client, name), PermafrostError)
    from permafrost_client.errors import error_from_reply
    error = error_from_reply({"id": None, "ok": False, "error": {
        "type": "Busy", "message": "too many connections", "traceback": "Busy: too many connections\n"}})
    assert isinstance(error, Busy) and error.traceback == "Busy: too many connections\n"
