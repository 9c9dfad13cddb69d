"""Only approved text is ever public: the workflow holds against the real server and queue.

Each test runs the API on a real uvicorn server on loopback and the real huey queue (SQLite,
and again Redis with PostgreSQL); the test itself plays the worker, taking tasks from the
queue one at a time, so a request can land exactly while a job runs (the translation engine
waits on a gate).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import Session, col, select

from publisher import pipeline
from publisher.api.app import create_app
from publisher.documents import LocalizedDoc
from publisher.keys import create_key
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.site.build import build_site
from publisher.statuses import JobKind, LanguageStatus
from publisher.tables import AuditRecord, Bulletin, Job
from publisher.workflow import Role
from tests.support.backends import Backend
from tests.support.fake_engine import FakeEngine
from tests.support.server import running_server

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis

SAMPLE: dict[str, Any] = {
    "title": "避難所の開設",
    "body": "大雨のため避難所を開きました。\n\n川には近づかないでください。",
    "category": "disaster",
    "languages": ["en"],
}


class GatedEngine(FakeEngine):
    """The fake engine, made to wait inside a translation until the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()

    def translate_many(
        self, texts_by_target: Mapping[str, Sequence[str]], source: str
    ) -> dict[str, list[str]]:
        self.entered.set()
        assert self.gate.wait(timeout=30), "the test never opened the gate"
        return super().translate_many(texts_by_target, source)


def _no_audio(services: Services, doc: LocalizedDoc, version: str) -> pipeline.LanguageOutcome:
    return pipeline.LanguageOutcome(version, LanguageStatus.PUBLISHED, doc.translation_status)


@dataclass
class City:
    """A running Kakehashi: the HTTP API, the queue the test works off, and staff keys."""

    http: httpx.Client
    services: Services
    queue: JobQueue
    engine: GatedEngine
    keys: dict[str, dict[str, str]]

    def call(self, method: str, path: str, who: str, **kwargs: Any) -> httpx.Response:
        return self.http.request(method, f"/api/v1{path}", headers=self.keys[who], **kwargs)

    def create(self, who: str = "editor", **changes: Any) -> int:
        response = self.call("POST", "/bulletins", who, json={**SAMPLE, **changes})
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    def step(self, bulletin_id: int, action: str, who: str, expect: int = 200) -> Any:
        response = self.call("POST", f"/bulletins/{bulletin_id}/{action}", who)
        assert response.status_code == expect, response.text
        return response.json()

    def edit(self, bulletin_id: int, who: str = "editor", **changes: Any) -> dict[str, Any]:
        response = self.call("PATCH", f"/bulletins/{bulletin_id}", who, json=changes)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def approved(self, bulletin_id: int) -> None:
        self.step(bulletin_id, "submit", "editor")
        self.step(bulletin_id, "approve", "approver")

    def work(self) -> int:
        """Run every queued task in order, as the worker would; returns how many ran."""
        ran = 0
        # Asking first: on Redis, taking from an empty queue waits a second for a task.
        while self.queue.huey.pending_count() and (task := self.queue.huey.dequeue()) is not None:
            self.queue.huey.execute(task)
            ran += 1
        return ran

    def start_next_task(self, name: str = "publish") -> threading.Thread:
        """Start the next queued ``name`` task in a thread (it stops at the engine's gate).

        Tasks queued before it are run first, here: on Redis, which has no priorities, the
        submit's preview comes out before the publish that superseded it (and does nothing).
        """
        task = self.queue.huey.dequeue()
        while task is not None and task.name != name:
            self.queue.huey.execute(task)
            task = self.queue.huey.dequeue()
        assert task is not None
        thread = threading.Thread(target=self.queue.huey.execute, args=(task,))
        thread.start()
        return thread

    def bulletin(self, bulletin_id: int) -> dict[str, Any]:
        response = self.call("GET", f"/bulletins/{bulletin_id}", "editor")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def page(self, bulletin_id: int, language: str = "ja") -> str | None:
        site = self.services.settings.resolved_site_dir
        page = site / language / "bulletins" / str(bulletin_id) / "index.html"
        return page.read_text(encoding="utf-8") if page.exists() else None

    def jobs(self, bulletin_id: int) -> list[Job]:
        """The bulletin's publish, correction and retract jobs (not its previews)."""
        with Session(self.services.db) as session:
            return list(
                session.exec(
                    select(Job)
                    .where(Job.bulletin_id == bulletin_id, Job.kind != JobKind.PREVIEW.value)
                    .order_by(col(Job.created_at))
                ).all()
            )

    def audit(self, bulletin_id: int) -> list[tuple[str, str]]:
        with Session(self.services.db) as session:
            rows = session.exec(
                select(AuditRecord)
                .where(AuditRecord.target == f"bulletin:{bulletin_id}")
                .order_by(col(AuditRecord.id))
            ).all()
            return [(row.action, row.actor) for row in rows]


def _city(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: Backend, *, four_eyes: bool
) -> Iterator[City]:
    monkeypatch.setattr(pipeline, "_voice", _no_audio)
    settings = Settings(
        data_dir=tmp_path / "data",
        target_languages=("en",),
        base_url="http://testserver/",
        four_eyes=four_eyes,
        **backend.settings,
    )
    engine = GatedEngine()
    services = Services.create(settings, translation_engine_factory=lambda _: engine)
    queue = JobQueue(services, make_huey(services))
    keys: dict[str, dict[str, str]] = {}
    with Session(services.db) as session:
        for name, role in (
            ("editor", Role.EDITOR),
            ("approver", Role.APPROVER),
            ("approver-2", Role.APPROVER),
        ):
            _key, secret = create_key(session, f"{name}-san", role)
            keys[name] = {"Authorization": f"Bearer {secret}"}
        session.commit()
    build_site(services)
    with (
        running_server(create_app(services, queue, serve_site=False)) as base,
        httpx.Client(base_url=base, timeout=30) as http,
    ):
        yield City(http, services, queue, engine, keys)
    services.close()


@pytest.fixture
def city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: Backend) -> Iterator[City]:
    yield from _city(tmp_path, monkeypatch, backend, four_eyes=False)


@pytest.fixture(params=[False, True], ids=["two-eyes", "four-eyes"])
def any_city(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    backend: Backend,
) -> Iterator[City]:
    yield from _city(tmp_path, monkeypatch, backend, four_eyes=request.param)


def test_a_retract_is_not_undone_by_a_publish_still_queued(city: City) -> None:
    bulletin_id = city.create()
    city.approved(bulletin_id)
    city.step(bulletin_id, "publish", "approver", expect=202)
    city.step(bulletin_id, "retract", "approver", expect=202)
    assert city.work() == 3  # and last, the submit's preview: superseded, it does nothing

    assert city.page(bulletin_id) is None
    assert city.bulletin(bulletin_id)["published_revision"] is None
    assert [job.state for job in city.jobs(bulletin_id)] == ["superseded", "succeeded"]
    assert ("bulletin.published", "kakehashi") not in city.audit(bulletin_id)


def test_a_retract_while_the_publish_runs_wins(city: City) -> None:
    bulletin_id = city.create()
    city.approved(bulletin_id)
    city.step(bulletin_id, "publish", "approver", expect=202)
    city.engine.gate.clear()
    running = city.start_next_task()
    assert city.engine.entered.wait(timeout=30)
    city.step(bulletin_id, "retract", "approver", expect=202)
    city.engine.gate.set()
    running.join(timeout=60)
    city.work()

    assert city.page(bulletin_id) is None
    assert city.bulletin(bulletin_id)["published_revision"] is None
    assert [job.state for job in city.jobs(bulletin_id)] == ["superseded", "succeeded"]


def test_an_edit_during_a_publish_never_goes_online(any_city: City) -> None:
    city = any_city
    bulletin_id = city.create(title="改訂前の題名")
    city.approved(bulletin_id)
    city.step(bulletin_id, "publish", "approver", expect=202)
    city.engine.gate.clear()
    running = city.start_next_task()
    assert city.engine.entered.wait(timeout=30)
    city.edit(bulletin_id, title="承認されていない題名", body="承認されていない本文です。")
    city.engine.gate.set()
    running.join(timeout=60)

    bulletin = city.bulletin(bulletin_id)
    assert bulletin["published_revision"] == 1
    assert bulletin["current_revision"] == 2
    assert bulletin["state"] == "draft"
    page = city.page(bulletin_id)
    assert page is not None and "改訂前の題名" in page and "承認されていない" not in page
    # The unapproved revision cannot be sent out by "publishing again".
    city.step(bulletin_id, "publish", "approver", expect=409)
    build_site(city.services)
    page = city.page(bulletin_id)
    assert page is not None and "承認されていない" not in page


def test_a_live_page_can_be_taken_down_while_an_edit_is_pending(city: City) -> None:
    bulletin_id = city.create()
    city.approved(bulletin_id)
    city.step(bulletin_id, "publish", "approver", expect=202)
    city.work()
    assert city.page(bulletin_id) is not None

    city.edit(bulletin_id, body="直している途中の本文です。")
    city.step(bulletin_id, "submit", "editor")
    city.step(bulletin_id, "retract", "approver", expect=202)
    city.work()

    page = city.page(bulletin_id)  # its address now says it was withdrawn, nothing more
    assert page is not None and "このお知らせは取り下げられました" in page
    assert "直している途中" not in page and "<audio" not in page
    bulletin = city.bulletin(bulletin_id)
    assert bulletin["state"] == "in_review"  # the edit carries on, offline
    assert bulletin["published_revision"] is None


def test_fields_beside_the_text_need_review_too(city: City) -> None:
    bulletin_id = city.create(category="disaster", languages=["en"])
    city.approved(bulletin_id)
    city.step(bulletin_id, "publish", "approver", expect=202)
    city.work()
    site = city.services.settings.resolved_site_dir

    edited = city.edit(bulletin_id, category="event", languages=[])
    assert edited["state"] == "draft" and edited["current_revision"] == 2
    build_site(city.services)

    assert str(bulletin_id) in (site / "ja/categories/disaster/index.html").read_text("utf-8")
    assert not (site / "ja/categories/event").exists()
    assert city.page(bulletin_id, "en") is not None
    # Approved and published, the change goes online.
    city.approved(bulletin_id)
    city.step(bulletin_id, "publish", "approver", expect=202)
    city.work()
    assert str(bulletin_id) in (site / "ja/categories/event/index.html").read_text("utf-8")
    assert city.page(bulletin_id, "en") is None


def test_four_eyes_counts_every_author_of_the_unreviewed_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: Backend
) -> None:
    for city in _city(tmp_path, monkeypatch, backend, four_eyes=True):
        bulletin_id = city.create(who="approver")
        city.edit(bulletin_id, who="editor", title="題名だけ直しました")
        city.step(bulletin_id, "submit", "editor")
        refused = city.step(bulletin_id, "approve", "approver", expect=403)
        assert "four-eyes" in refused["detail"]
        city.step(bulletin_id, "approve", "approver-2")

        # Once approved, a later change is reviewed on its own: its author may not approve it,
        # the earlier author may.
        city.step(bulletin_id, "publish", "approver-2", expect=202)
        city.work()
        city.edit(bulletin_id, who="approver-2", body="本文を改めました。")
        city.step(bulletin_id, "submit", "approver-2")
        city.step(bulletin_id, "approve", "approver-2", expect=403)
        city.step(bulletin_id, "approve", "approver")


def test_only_the_newest_of_repeated_publishes_runs(city: City) -> None:
    bulletin_id = city.create()
    city.approved(bulletin_id)
    for _ in range(6):
        city.step(bulletin_id, "publish", "approver", expect=202)
    city.work()

    states = [job.state for job in city.jobs(bulletin_id)]
    assert states == ["superseded"] * 5 + ["succeeded"]
    assert len(city.engine.calls) == 1  # the superseded jobs translated nothing
    published = [action for action, _ in city.audit(bulletin_id) if action == "bulletin.published"]
    assert published == ["bulletin.published"]


def test_every_step_is_audited_once_under_the_persons_name(city: City) -> None:
    bulletin_id = city.create()
    city.approved(bulletin_id)
    city.step(bulletin_id, "publish", "approver", expect=202)
    city.work()
    city.step(bulletin_id, "retract", "approver", expect=202)
    city.work()

    assert city.audit(bulletin_id) == [
        ("bulletin.create", "editor-san"),
        ("bulletin.submit", "editor-san"),
        ("bulletin.approve", "approver-san"),
        ("bulletin.publish", "approver-san"),
        ("bulletin.published", "kakehashi"),
        ("bulletin.retract", "approver-san"),
    ]
    with Session(city.services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
        assert bulletin is not None and bulletin.state == "retracted"
