"""The staff workspace in Debian chromium: axe-core finds no WCAG 2.2 A/AA violation on any
of its pages (Japanese and English), and a bulletin goes from submit to approve to publish
with the keyboard alone, by two people (the four-eyes rule is on).

The app runs under uvicorn on an ephemeral port with the workspace's own security headers
(no inline script); axe-core is handed to the page at a same-origin address by Playwright.
The queue has no worker here: a publish stays queued, as the dashboard then shows.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from sqlmodel import Session, select

from publisher.api.app import create_app
from publisher.editing import act, create_bulletin
from publisher.queue import JobQueue, make_huey
from publisher.schemas import BulletinCreate
from publisher.services import Services
from publisher.settings import Settings
from publisher.statuses import JobKind
from publisher.tables import Bulletin, Job
from publisher.workflow import Action, Role
from publisher.workspace.accounts import create_account, find_account
from tests.browser.conftest import AXE, AXE_URL, run_axe
from tests.support.fake_engine import FakeEngine

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "a long enough password"
ONE_TIME = "a one-time password"
PEOPLE = {
    "作成 太郎": Role.EDITOR,
    "承認 花子": Role.APPROVER,
    "管理 一郎": Role.ADMIN,
}
NEWCOMER = "新人 次郎"
HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Services]]:
    """The server's address and its services, with three accounts and a few bulletins."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("workspace") / "data",
        target_languages=("en", "pt"),
        base_url=f"http://127.0.0.1:{port}/",
        four_eyes=True,
    )
    services = Services.create(settings, translation_engine_factory=lambda _: FakeEngine())
    with Session(services.db, expire_on_commit=False) as session:
        staff = {}
        for name, role in PEOPLE.items():
            create_account(session, name, role, PASSWORD, by="test", one_time=False)
        create_account(session, NEWCOMER, Role.EDITOR, ONE_TIME, by="test", one_time=True)
        from publisher.keys import as_staff

        for name in PEOPLE:
            person = find_account(session, name)
            assert person is not None
            staff[name] = as_staff(person)
        sample = BulletinCreate(
            title=f"訓練のお知らせ {HOSTILE}",
            body=f"防災訓練を行います。\n\n{HOSTILE}",
            category="disaster",
            languages=["en", "pt"],
        )
        first = create_bulletin(session, sample, staff["作成 太郎"])
        assert first.id is not None
        act(session, first.id, Action.SUBMIT, staff["作成 太郎"], four_eyes=True)
        create_bulletin(
            session,
            BulletinCreate(title="健診のお知らせ", body="健診があります。", category="health"),
            staff["作成 太郎"],
        )
        session.commit()
    app = create_app(services, JobQueue(services, make_huey(services)), serve_site=False)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}", services
    server.should_exit = True
    thread.join(timeout=10)
    services.close()


def _with_axe(page: Any) -> None:
    """axe-core from the page's own origin, so the workspace's script policy allows it."""
    page.route(
        f"**{AXE_URL}",
        lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"),
    )


def _sign_in(page: Any, base: str, name: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/staff/signin")
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("form.stack button[type=submit]")
    page.wait_for_load_state()


def _assert_clean(page: Any, name: str) -> None:
    violations = run_axe(page)
    assert violations == [], (name, violations)


@pytest.fixture
def staff_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="ja-JP")
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    _with_axe(opened)
    opened.dialogs = dialogs
    yield opened
    context.close()
    assert dialogs == [], "a script from a bulletin ran"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_axe_violations_on_any_workspace_page(
    staff_page: Any, workspace: tuple[str, Services], language: str
) -> None:
    base, services = workspace
    page = staff_page
    page.goto(f"{base}/staff/language/{language}?next=/staff/signin")
    assert page.get_attribute("html", "lang") == language
    _assert_clean(page, "sign-in")
    page.fill("#name", "管理 一郎")
    page.fill("#password", "wrong password")
    page.click("form.stack button[type=submit]")
    _assert_clean(page, "sign-in refused")
    time.sleep(services.settings.signin_delay_seconds + 0.2)
    _sign_in(page, base, "管理 一郎")
    with Session(services.db) as session:
        bulletin_id = session.exec(select(Bulletin.id).order_by(Bulletin.id)).first()
    pages = {
        "dashboard": "/staff/",
        "dashboard filtered": "/staff/?state=in_review&category=disaster&attention=1",
        "dashboard, nothing matches": "/staff/?state=retracted",
        "write": "/staff/bulletins/new",
        "bulletin": f"/staff/bulletins/{bulletin_id}",
        "edit": f"/staff/bulletins/{bulletin_id}/edit",
        "users": "/staff/users",
        "audit": "/staff/audit",
        "audit filtered": f"/staff/audit?person=作成+太郎&bulletin={bulletin_id}",
        "not found": "/staff/bulletins/9999",
    }
    for name, path in pages.items():
        page.goto(base + path)
        _assert_clean(page, name)
    page.goto(f"{base}/staff/bulletins/new")
    page.fill("#title", "x")
    page.fill("#body", "本文です。")
    page.fill("#category", "water")
    page.evaluate("document.querySelector('#category').removeAttribute('pattern')")
    page.fill("#category", "Not Valid")
    page.click("form.form button[type=submit]")
    assert page.locator(".notice.error").count() == 1
    _assert_clean(page, "write, refused")
    page.goto(f"{base}/staff/users")
    page.fill("#new-name", f"臨時 {language}")
    page.click("form.filters button[type=submit]")
    assert page.locator("code.one-time").count() == 1
    _assert_clean(page, "users, one-time password shown")


def test_the_first_sign_in_asks_for_a_new_password(
    staff_page: Any, workspace: tuple[str, Services]
) -> None:
    base, _services = workspace
    page = staff_page
    _sign_in(page, base, NEWCOMER, ONE_TIME)
    assert page.url.endswith("/staff/password")
    _assert_clean(page, "password change")
    page.goto(f"{base}/staff/")
    assert page.url.endswith("/staff/password")  # nowhere else until it is changed
    page.fill("#current", ONE_TIME)
    page.fill("#new", "my very own password")
    page.fill("#repeat", "my very own password")
    page.click("form.stack button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/staff/")


def _tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def _keyboard_sign_in(page: Any, base: str, name: str) -> None:
    page.goto(f"{base}/staff/signin")
    _tab_to(page, "#name")
    page.keyboard.type(name)
    _tab_to(page, "#password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/staff/")


def test_submit_approve_publish_with_the_keyboard_alone(
    browser: Any, workspace: tuple[str, Services]
) -> None:
    base, services = workspace
    editor_context = browser.new_context(locale="ja-JP")
    approver_context = browser.new_context(locale="ja-JP")
    try:
        editor = editor_context.new_page()
        _keyboard_sign_in(editor, base, "作成 太郎")
        _tab_to(editor, 'a[href="/staff/bulletins/new"]')
        editor.keyboard.press("Enter")
        editor.wait_for_url(f"{base}/staff/bulletins/new")
        _tab_to(editor, "#title")
        editor.keyboard.type("断水のお知らせ")
        _tab_to(editor, "#body")
        editor.keyboard.type("水道管の工事のため断水します。")
        _tab_to(editor, "#category")
        editor.keyboard.type("water")
        _tab_to(editor, "form.form button[type=submit]")
        editor.keyboard.press("Enter")
        editor.wait_for_url("**/staff/bulletins/*?done=saved")
        bulletin_path = editor.url.split("?")[0].removeprefix(base)
        _tab_to(editor, f'form[action="{bulletin_path}/submit"] button')
        editor.keyboard.press("Enter")
        editor.wait_for_url("**?done=submit")
        assert editor.locator(f'form[action="{bulletin_path}/approve"]').count() == 0

        approver = approver_context.new_page()
        _keyboard_sign_in(approver, base, "承認 花子")
        _tab_to(approver, f'a[href="{bulletin_path}"]')
        approver.keyboard.press("Enter")
        approver.wait_for_url(f"{base}{bulletin_path}")
        _tab_to(approver, f'form[action="{bulletin_path}/approve"] button')
        approver.keyboard.press("Enter")
        approver.wait_for_url("**?done=approve")
        _tab_to(approver, f'form[action="{bulletin_path}/publish"] button')
        approver.keyboard.press("Enter")
        approver.wait_for_url("**?done=publish")
        assert approver.locator("[role=status]").count() == 1
    finally:
        editor_context.close()
        approver_context.close()
    bulletin_id = int(bulletin_path.rsplit("/", 1)[1])
    with Session(services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
        job = session.exec(  # the submit's review preview is a job of its own
            select(Job).where(Job.bulletin_id == bulletin_id, Job.kind == JobKind.PUBLISH)
        ).one()
    assert bulletin is not None and bulletin.state == "approved"
    assert job.kind == "publish" and job.requested_by == "承認 花子"


def test_sign_out_ends_the_session(staff_page: Any, workspace: tuple[str, Services]) -> None:
    base, _services = workspace
    page = staff_page
    _sign_in(page, base, "作成 太郎")
    page.click("form[action='/staff/signout'] button")
    page.wait_for_url("**/staff/signin")
    page.goto(f"{base}/staff/")
    assert "/staff/signin" in page.url
