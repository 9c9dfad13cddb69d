"""Several machines share one PostgreSQL database, one Redis queue and one site folder.

Two workers share the queue and the database, as on two machines. The test process is the
API machine: a real server on loopback takes 20 publish requests at once. Two
``python main.py worker`` processes do the work, with a real (tiny) argos model for English
and real voices; the second starts while the first is already running a job, as a worker
restarted on another machine would. Every job must run exactly once, none may be lost, every
page must be there, and the audit trail must hold every step once.

An API machine (``serve --no-worker``) runs no worker: the workers elsewhere do the jobs.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import Session, col, select

from publisher.api.app import create_app
from publisher.keys import create_key
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.site.writer import builds_dir
from publisher.statuses import JobKind
from publisher.tables import AuditRecord, Job
from publisher.workflow import Role
from tests.conftest import REPO
from tests.support.argos_fixture import build_argos_package
from tests.support.backends import Backend
from tests.support.server import running_server
from translations.models import install_package_file

pytestmark = [pytest.mark.slow, pytest.mark.postgres(only=True)]

BULLETINS = 20
ENGLISH = "There is a drill today."


def _wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _jobs(services: Services) -> list[Job]:
    """The publish jobs (each submit's preview is superseded by its publish request)."""
    with Session(services.db) as session:
        publishes = select(Job).where(Job.kind == JobKind.PUBLISH.value)
        return list(session.exec(publishes.order_by(col(Job.bulletin_id))).all())


@pytest.fixture
def city(tmp_path: Path, backend: Backend) -> Iterator[tuple[Services, dict[str, str]]]:
    """The shared state of the machines: database, queue, and the data and site folders
    (on one POSIX volume in production), and the settings every machine is given."""
    settings = Settings(
        data_dir=tmp_path / "shared" / "data", target_languages=("en",), **backend.settings
    )
    services = Services.create(settings)
    env = {
        **os.environ,
        "KAKEHASHI_DATA_DIR": str(settings.data_dir),
        "KAKEHASHI_TARGET_LANGUAGES": "en",
        **backend.env,
    }
    yield services, env
    services.close()


@pytest.fixture
def english(city: tuple[Services, dict[str, str]], tmp_path: Path) -> None:
    """A tiny but real argos model, Japanese to English, installed on the shared volume."""
    settings = city[0].settings
    archive = build_argos_package(tmp_path / "models", "ja", "en", ENGLISH)
    install_package_file(archive, settings.argos_dir / "argos-packages")


def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "main.py", "worker"],
        cwd=REPO,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def _stop(worker: subprocess.Popen[bytes]) -> None:
    worker.terminate()
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=10)


def test_two_workers_publish_twenty_bulletins_each_exactly_once(
    city: tuple[Services, dict[str, str]], english: None, tmp_path: Path
) -> None:
    services, env = city
    queue = JobQueue(services, make_huey(services))
    headers: dict[str, dict[str, str]] = {}
    with Session(services.db) as session:
        for role in (Role.EDITOR, Role.APPROVER):
            _key, secret = create_key(session, f"{role.value}-san", role)
            headers[role.value] = {"Authorization": f"Bearer {secret}"}
        session.commit()

    logs = [tmp_path / "worker-1.log", tmp_path / "worker-2.log"]
    workers: list[subprocess.Popen[bytes]] = []
    try:
        with (
            running_server(create_app(services, queue, serve_site=False)) as base,
            httpx.Client(base_url=f"{base}/api/v1", timeout=60) as http,
        ):

            def post(path: str, who: str, **kwargs: Any) -> dict[str, Any]:
                response = http.post(path, headers=headers[who], **kwargs)
                assert response.status_code in (200, 201, 202), response.text
                body: dict[str, Any] = response.json()
                return body

            ids = []
            for number in range(1, BULLETINS + 1):
                bulletin = post(
                    "/bulletins",
                    "editor",
                    json={
                        "title": f"防災訓練のお知らせ（第{number}回）",
                        "body": f"第{number}回の防災訓練を行います。",
                        "category": "disaster",
                        "languages": ["en"],
                    },
                )
                post(f"/bulletins/{bulletin['id']}/submit", "editor")
                post(f"/bulletins/{bulletin['id']}/approve", "approver")
                ids.append(int(bulletin["id"]))

            workers.append(_start_worker(env, logs[0]))
            with ThreadPoolExecutor(max_workers=BULLETINS) as pool:  # all at once
                list(pool.map(lambda i: post(f"/bulletins/{i}/publish", "approver"), ids))
            assert len(queue.huey) + sum(j.state != "queued" for j in _jobs(services)) >= BULLETINS

            # The second worker starts while the first runs a job: it must leave that job be.
            _wait_for(lambda: any(job.state == "running" for job in _jobs(services)), 120, "a job")
            workers.append(_start_worker(env, logs[1]))
            _wait_for(
                lambda: all(job.state in ("succeeded", "failed") for job in _jobs(services)),
                600,
                "every job to finish",
            )
    finally:
        for worker in workers:
            _stop(worker)
    output = "\n".join(
        f"--- {log.name}\n" + "\n".join(log.read_text(errors="replace").splitlines()[-40:])
        for log in logs
    )

    jobs = _jobs(services)
    assert len(jobs) == BULLETINS
    assert sorted(job.bulletin_id for job in jobs) == ids
    for job in jobs:
        assert (job.state, job.attempts, job.error) == ("succeeded", 1, None), output
    # Nothing waits but the talking-book editions' rebuild, debounced for a few minutes.
    waiting = [task.name for task in queue.huey.scheduled()]
    assert len(queue.huey) == 0 and set(waiting) <= {"edition"}, f"tasks left: {waiting}"
    # Each task was taken from the queue once, and both workers took some.
    executed = [len(re.findall(r"Executing \S*\.publish: ", log.read_text())) for log in logs]
    assert sum(executed) == BULLETINS, output
    assert all(count > 0 for count in executed), f"one worker did everything: {executed}"
    assert "being run by another worker" not in output

    site = services.settings.resolved_site_dir
    index = (site / "ja" / "index.html").read_text(encoding="utf-8")
    for bulletin_id in ids:
        for language in ("ja", "en"):
            folder = site / language / "bulletins" / str(bulletin_id)
            page = (folder / "index.html").read_text(encoding="utf-8")
            assert page.rstrip().endswith("</html>")
            assert (folder / "audio.mp3").stat().st_size > 0
        assert ENGLISH in (site / "en" / "bulletins" / str(bulletin_id) / "index.html").read_text(
            encoding="utf-8"
        )
        assert f'href="../ja/bulletins/{bulletin_id}/"' in index
    assert not [path.name for path in builds_dir(site).iterdir() if path.name.startswith(".")]

    with Session(services.db) as session:
        records = session.exec(select(AuditRecord).order_by(col(AuditRecord.id))).all()
    for bulletin_id in ids:
        steps = [(r.action, r.actor) for r in records if r.target == f"bulletin:{bulletin_id}"]
        assert steps == [
            ("bulletin.create", "editor-san"),
            ("bulletin.submit", "editor-san"),
            ("bulletin.approve", "approver-san"),
            ("bulletin.publish", "approver-san"),
            ("bulletin.published", "kakehashi"),
        ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _children(pid: int) -> list[str]:
    """The command lines of a process's children (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            try:
                found.append(
                    Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                )
            except FileNotFoundError:
                continue
    return found


def test_an_api_machine_serves_the_api_and_runs_no_worker(
    city: tuple[Services, dict[str, str]], tmp_path: Path
) -> None:
    _services, env = city
    port = _free_port()
    log = tmp_path / "serve.log"
    server = subprocess.Popen(
        [sys.executable, "main.py", "serve", "--no-worker", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(
            lambda: _healthy(f"http://127.0.0.1:{port}/api/v1/health") or server.poll() is not None,
            60,
            "the API",
        )
        assert server.poll() is None, log.read_text()
        assert not [line for line in _children(server.pid) if "worker" in line]
    finally:
        _stop(server)


def _healthy(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
