"""Schemathesis against a live server: no 5xx, and every response matches the OpenAPI schema."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlmodel import Session

from publisher.api.app import create_app
from publisher.keys import create_key
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.workflow import Role

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A real uvicorn server on 127.0.0.1 with an admin key; yields (base URL, key)."""
    data = Path(tmp_path_factory.mktemp("live")) / "data"
    port = _free_port()
    config = Settings(
        data_dir=data,
        target_languages=("en",),
        base_url=f"http://127.0.0.1:{port}/",
        rate_limit_per_minute=100_000,
        # Requests without a key are part of the run (every operation's 401): the brake on
        # wrong keys must not turn them into 429s.
        failed_keys_per_minute=100_000,
    )
    services = Services.create(config)
    with Session(services.db) as session:
        _key, secret = create_key(session, "schemathesis", Role.ADMIN)
        session.commit()
    app = create_app(services, JobQueue(services, make_huey(services, immediate=True)))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", secret
    server.should_exit = True
    thread.join(timeout=10)
    services.close()


def test_api_matches_its_schema_and_never_fails(
    live_server: tuple[str, str], tmp_path: Path
) -> None:
    """Runs the schemathesis CLI (the maintained runner) with a bounded number of examples."""
    base_url, secret = live_server
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "--config-file",
            str(Path(__file__).with_name("schemathesis.toml")),
            "run",
            f"{base_url}/api/v1/openapi.json",
            # Revoking keys is tested on its own; here it would revoke the test's own key.
            "--exclude-path-regex",
            "revoke",
            "--max-examples",
            "20",
            "--generation-deterministic",
            "--header",
            f"Authorization: Bearer {secret}",
            "--request-timeout",
            "60",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
