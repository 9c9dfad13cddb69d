"""The workspace's review page in Debian chromium: axe-core finds no WCAG 2.2 A/AA violation
(Japanese and English), and the whole track of the private preview, voiced by the real voice,
loads and reports its duration.

The preview job runs as the worker would run it (``run_preview``), with the fake translation
engine and the installed voices; the app runs under uvicorn as in ``test_workspace``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from sqlmodel import Session

from publisher.api.app import create_app
from publisher.editing import act, create_bulletin
from publisher.keys import as_staff
from publisher.preview import run_preview
from publisher.queue import JobQueue, make_huey
from publisher.schemas import BulletinCreate
from publisher.services import Services
from publisher.settings import Settings
from publisher.workflow import Action, Role
from publisher.workspace.accounts import create_account
from tests.browser.test_workspace import PASSWORD, _assert_clean, _sign_in, _with_axe
from tests.support.fake_engine import FakeEngine

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OUTPUTS = {
    "防災訓練のお知らせ": "Notice of a disaster drill",
    "防災訓練を行います。": "We will hold a disaster drill.",
    "問い合わせは電話 [1] へ。": "For questions, please call us.",  # drops the phone: flagged
}


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """The server's address and a bulletin under review whose preview has been made."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("review") / "data",
        target_languages=("en",),
        base_url=f"http://127.0.0.1:{port}/",
    )
    services = Services.create(settings, translation_engine_factory=lambda _: FakeEngine(OUTPUTS))
    with Session(services.db, expire_on_commit=False) as session:
        author = create_account(
            session, "作成 太郎", Role.EDITOR, PASSWORD, by="test", one_time=False
        )
        create_account(session, "承認 花子", Role.APPROVER, PASSWORD, by="test", one_time=False)
        session.commit()
        editor = as_staff(author)
        sample = BulletinCreate(
            title="防災訓練のお知らせ",
            body="防災訓練を行います。\n\n問い合わせは電話 053-000-0110 へ。",
            category="disaster",
            languages=["en"],
        )
        bulletin = create_bulletin(session, sample, editor)
        assert bulletin.id is not None
        _done, job = act(session, bulletin.id, Action.SUBMIT, editor, four_eyes=True)
        session.commit()
    assert job is not None
    run_preview(services, job.id)
    app = create_app(services, JobQueue(services, make_huey(services)), serve_site=False)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}", bulletin.id
    server.should_exit = True
    thread.join(timeout=10)
    services.close()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_review_page_is_clean_and_its_track_plays(
    browser: Any, reviewed: tuple[str, int], language: str
) -> None:
    base, bulletin_id = reviewed
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    _with_axe(page)
    try:
        page.goto(f"{base}/staff/language/{language}?next=/staff/signin")
        _sign_in(page, base, "承認 花子")
        page.goto(f"{base}/staff/bulletins/{bulletin_id}/review/")
        _assert_clean(page, "review summary")
        page.goto(f"{base}/staff/bulletins/{bulletin_id}/review/en/")
        _assert_clean(page, "review of English")
        first = page.locator("table.sentences tbody tr").first
        assert "For questions, please call us." in first.inner_text()  # flagged first

        audio = page.locator("audio[controls][preload=none]")
        assert audio.count() == 1
        duration = audio.evaluate(
            """async (element) => {
                element.preload = 'metadata';
                const loaded = new Promise((done, failed) => {
                    element.addEventListener('loadedmetadata', done, {once: true});
                    element.addEventListener('error', failed, {once: true});
                });
                element.load();
                await loaded;
                return element.duration;
            }"""
        )
        assert duration > 0.5, duration

        page.fill("table.sentences tbody tr:first-child textarea", "Please call us.")
        page.click("table.sentences tbody tr:first-child button[type=submit]")
        page.wait_for_load_state()
        assert page.locator(".field-error").count() == 1
        assert "053-000-0110" in page.locator(".field-error").inner_text()
        _assert_clean(page, "review, correction refused")

        page.click(f"a[href='/staff/bulletins/{bulletin_id}/review/en/page']")
        page.wait_for_load_state()
        assert "We will hold a disaster drill." in page.content()
    finally:
        context.close()
