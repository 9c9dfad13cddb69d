"""A client that never finishes its request slows only itself, on a real server.

The server runs in its own process, configured by ``KAKEHASHI_*`` environment variables as in
production, with a short body deadline so that the test does not wait ten seconds.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session

from publisher.keys import create_key
from publisher.services import Services
from publisher.settings import Settings
from publisher.workflow import Role

REPO = Path(__file__).resolve().parents[2]
BODY_DEADLINE = 2.0
BULLETIN = {"title": "お知らせ", "body": "本日は晴れです。", "category": "other"}


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    port: int
    editor: dict[str, str]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("slow") / "data"
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "KAKEHASHI_DATA_DIR": str(data),
        "KAKEHASHI_TARGET_LANGUAGES": "en",
        "KAKEHASHI_BASE_URL": f"http://127.0.0.1:{port}/",
        "KAKEHASHI_BODY_READ_TIMEOUT_SECONDS": str(BODY_DEADLINE),
    }
    services = Services.create(Settings(data_dir=data, target_languages=("en",)))
    with Session(services.db) as session:
        _key, secret = create_key(session, "editor-san", Role.EDITOR)
        session.commit()
    services.close()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "publisher.api.app:app_from_environment",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base_url}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.1)
        yield LiveServer(base_url, port, {"Authorization": f"Bearer {secret}"})
    finally:
        server.terminate()
        server.wait(timeout=30)


def _unfinished_patch(port: int, headers: dict[str, str]) -> socket.socket:
    """Send the headers of a PATCH announcing 10 bytes of body, and never the body."""
    slow = socket.create_connection(("127.0.0.1", port))
    lines = [
        "PATCH /api/v1/bulletins/1 HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Content-Type: application/json",
        "Content-Length: 10",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    slow.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    return slow


def _read_answer(slow: socket.socket, timeout: float) -> bytes:
    slow.settimeout(timeout)
    received = b""
    try:
        while b"\r\n\r\n" not in received:
            chunk = slow.recv(4096)
            if not chunk:
                break
            received += chunk
    except TimeoutError:
        pass
    return received


@pytest.mark.parametrize("with_key", [False, True], ids=["no key", "valid key"])
def test_an_unfinished_write_does_not_hold_up_other_writes(
    live: LiveServer, with_key: bool
) -> None:
    slow = _unfinished_patch(live.port, live.editor if with_key else {})
    try:
        time.sleep(0.2)  # the server has the headers and waits for the body
        started = time.monotonic()
        created = httpx.post(
            f"{live.base_url}/api/v1/bulletins", json=BULLETIN, headers=live.editor, timeout=2.0
        )
        assert created.status_code == 201, created.text
        assert time.monotonic() - started < 2.0
        answer = _read_answer(slow, BODY_DEADLINE + 5)
    finally:
        slow.close()
    assert answer.startswith(b"HTTP/1.1 408"), answer


def test_the_body_deadline_answers_408_with_the_reason(live: LiveServer) -> None:
    slow = _unfinished_patch(live.port, live.editor)
    try:
        started = time.monotonic()
        slow.settimeout(BODY_DEADLINE + 5)
        received = b""
        while True:
            chunk = slow.recv(4096)
            if not chunk:
                break  # the server closes the connection after answering
            received += chunk
        waited = time.monotonic() - started
    finally:
        slow.close()
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408")
    assert b"connection: close" in head.lower()
    assert BODY_DEADLINE - 0.5 <= waited <= BODY_DEADLINE + 3
    assert b"request body did not arrive within 2 s" in body
