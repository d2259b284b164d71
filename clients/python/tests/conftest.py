"""Fixtures: the real ``permafrost`` binary serving a small app on a temporary socket.

The binary is ``$PERMAFROST_BIN``, else ``target/debug/permafrost`` under the repository
root (build it with ``cargo build -p permafrost-server``)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator, List

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]

APP = '''
class Busy(Exception):
    pass

def add(a, b):
    return a + b

def greet(name, punctuation="!"):
    return "hello " + name + punctuation

def echo(*args, **kwargs):
    return [list(args), kwargs]

def shout(s):
    print(s.upper())
    return len(s)

def boom():
    return 1 / 0

def raise_busy():
    raise Busy("raised by the app")

def spin():
    while True:
        pass

def work(n):
    t = 0
    for i in range(n):
        t = t + i
    return t

def with_timeout(timeout):
    return timeout * 2
'''


def binary() -> Path:
    path = Path(os.environ.get("PERMAFROST_BIN", REPO_ROOT / "target" / "debug" / "permafrost"))
    if not path.is_absolute():
        path = REPO_ROOT / path
    if not path.exists():
        pytest.fail("no permafrost binary at %s: build it (cargo build -p permafrost-server) "
                    "or set PERMAFROST_BIN" % path)
    return path


class Server:
    """A running ``permafrost serve``."""

    def __init__(self, directory: Path, image: Path, name: str, extra: List[str]) -> None:
        self.socket = directory / (name + ".sock")
        self.log = directory / (name + ".log")
        self.workers = int(extra[extra.index("--workers") + 1]) if "--workers" in extra else 4
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [str(binary()), "serve", str(image), "--socket", str(self.socket),
                 "--image-store", str(directory / "images")] + extra,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
            )
        self.wait_ready()

    def wait_ready(self) -> None:
        from permafrost_client import Client
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail("the server exited: %s" % self.log.read_text())
            try:
                with Client(self.socket) as client:
                    workers = client.stats(timeout=10)["workers"]
                    if sum(1 for w in workers if w["state"] == "idle") == self.workers:
                        return
            except OSError:
                pass
            time.sleep(0.05)
        pytest.fail("the server was not ready in 60 s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="session")
def image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("app")
    source = directory / "app.py"
    source.write_text(APP)
    out = directory / "app.pfi"
    subprocess.run([str(binary()), "freeze", str(source), "-o", str(out)], check=True)
    return out


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, image: Path) -> Iterator[Server]:
    """Two workers, jobs cut off after 2 s."""
    s = Server(tmp_path_factory.mktemp("srv"), image, "main",
               ["--workers", "2", "--job-timeout", "2"])
    yield s
    s.stop()


@pytest.fixture()
def tight_server(tmp_path: Path, image: Path) -> Iterator[Server]:
    """One worker and a queue of one: the third concurrent call is refused."""
    s = Server(tmp_path, image, "tight",
               ["--workers", "1", "--queue-limit", "1", "--job-timeout", "2"])
    yield s
    s.stop()


def unused_socket_path(directory: Path) -> Path:
    path = directory / "nobody.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    sock.close()  # bound, never listening: connecting is refused
    return path
