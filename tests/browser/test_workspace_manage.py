"""The workspace's managing pages in Debian chromium: axe-core finds no WCAG 2.2 A/AA
violation on the glossary, readings and API-key pages (Japanese and English, with refused
forms, status messages and a new key's secret), and a glossary term is added with the
keyboard alone.

The app runs under uvicorn on an ephemeral port with the workspace's own security headers
(no inline script); axe-core is handed to the page at a same-origin address by Playwright.
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
from publisher.keys import KEY_PREFIX
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.tables import AuditRecord, GlossaryEntry
from publisher.workflow import Role
from publisher.workspace.accounts import create_account
from tests.browser.conftest import AXE, AXE_URL, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "a long enough password"
ADMIN, APPROVER, EDITOR = "管理 一郎", "承認 花子", "作成 太郎"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Services]]:
    """The server's address and its services, with one account per role."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("workspace-manage") / "data",
        target_languages=("en", "pt", "vi"),
        base_url=f"http://127.0.0.1:{port}/",
    )
    services = Services.create(settings)
    with Session(services.db) as session:
        for name, role in {ADMIN: Role.ADMIN, APPROVER: Role.APPROVER, EDITOR: Role.EDITOR}.items():
            create_account(session, name, role, PASSWORD, by="test", one_time=False)
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


@pytest.fixture
def staff_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="ja-JP")
    opened = context.new_page()
    # axe-core from the page's own origin, so the workspace's script policy allows it.
    opened.route(
        f"**{AXE_URL}", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript")
    )
    yield opened
    context.close()


def _sign_in(page: Any, base: str, name: str) -> None:
    page.goto(f"{base}/staff/signin")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_url(f"{base}/staff/")


def _assert_clean(page: Any, name: str) -> None:
    violations = run_axe(page)
    assert violations == [], (name, violations)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_axe_violations_on_the_managing_pages(
    staff_page: Any, workspace: tuple[str, Services], language: str
) -> None:
    base, _services = workspace
    page = staff_page
    page.goto(f"{base}/staff/language/{language}?next=/staff/signin")
    _sign_in(page, base, ADMIN)
    assert page.get_attribute("html", "lang") == language

    page.goto(f"{base}/staff/glossary/")
    _assert_clean(page, "glossary, empty")
    page.select_option("#term-language", "pt")
    page.fill("#term-source", f"避難指示{language}")
    page.fill("#term-translation", "Ordem de evacuação")
    page.fill("#term-note", "Lei de 2021")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**?done=added")
    assert page.locator("[role=status] .notice").count() == 1
    _assert_clean(page, "glossary, term added")
    page.fill("#term-source", "[1]")
    page.fill("#term-translation", "one")
    page.click("form.form button[type=submit]")
    assert page.locator("#term-source[aria-invalid=true]").count() == 1
    _assert_clean(page, "glossary, refused")
    page.goto(f"{base}/staff/glossary/?q=避難&language=pt")
    _assert_clean(page, "glossary, searched")
    page.locator("table.terms a").first.click()
    page.wait_for_load_state()
    _assert_clean(page, "glossary term")
    page.check("#term-keep")
    page.fill("#term-translation", "x")
    page.click("form.form button[type=submit]")
    assert page.locator("#term-translation-error").count() == 1
    _assert_clean(page, "glossary term, refused")

    page.goto(f"{base}/staff/readings/")
    _assert_clean(page, "readings, empty")
    page.fill("#reading-name", f"元城町{language}")
    page.fill("#reading-reading", "もとしろちょう")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**?done=added")
    _assert_clean(page, "readings, added")
    page.fill("#reading-name", "元城町x")
    page.fill("#reading-reading", "motoshiro")
    page.click("form.form button[type=submit]")
    assert page.locator("#reading-reading-error").count() == 1
    _assert_clean(page, "readings, refused")
    page.locator("table.readings a").first.click()
    page.wait_for_load_state()
    _assert_clean(page, "reading")

    page.goto(f"{base}/staff/keys/")
    _assert_clean(page, "keys")
    page.fill("#key-name", f"import-{language}")
    page.fill("#key-expires", "30")
    page.click("form.form button[type=submit]")
    secret = page.input_value("#new-secret")
    assert secret.startswith(KEY_PREFIX) and len(secret) > 30
    _assert_clean(page, "keys, secret shown")
    page.locator("table.keys form button").first.click()
    page.wait_for_url("**?done=revoked")
    _assert_clean(page, "keys, revoked")
    page.fill("#key-expires", "0")
    page.click("form.form button[type=submit]")
    assert page.locator("#key-expires-error").count() == 1
    _assert_clean(page, "keys, refused")


def test_an_editor_sees_the_lists_without_forms(
    staff_page: Any, workspace: tuple[str, Services]
) -> None:
    base, _services = workspace
    page = staff_page
    _sign_in(page, base, EDITOR)
    for path in ("/staff/glossary/", "/staff/readings/"):
        page.goto(base + path)
        assert page.locator("form[method=post] button.button:not(.secondary)").count() == 0
        _assert_clean(page, path)
    assert page.locator('a[href="/staff/keys/"]').count() == 0


def _tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def test_a_glossary_term_is_added_with_the_keyboard_alone(
    browser: Any, workspace: tuple[str, Services]
) -> None:
    base, services = workspace
    context = browser.new_context(locale="ja-JP")
    try:
        page = context.new_page()
        page.goto(f"{base}/staff/signin")
        _tab_to(page, "#name")
        page.keyboard.type(APPROVER)
        _tab_to(page, "#password")
        page.keyboard.type(PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/staff/")
        _tab_to(page, 'a[href="/staff/glossary/"]')
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/staff/glossary/")
        _tab_to(page, "#term-language")
        page.keyboard.press("ArrowDown")  # the second language: Português
        _tab_to(page, "#term-source")
        page.keyboard.type("警戒レベル")
        _tab_to(page, "#term-translation")
        page.keyboard.type("Nível de alerta")
        _tab_to(page, "#term-keep")
        _tab_to(page, "#term-note")
        page.keyboard.type("キーボードで追加")
        _tab_to(page, "form.form button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_url("**/staff/glossary/?done=added")
        assert page.locator("[role=status] .notice").count() == 1
        assert page.locator("table.terms th[scope=row]", has_text="警戒レベル").count() == 1
    finally:
        context.close()
    with Session(services.db) as session:
        entry = session.exec(
            select(GlossaryEntry).where(GlossaryEntry.source == "警戒レベル")
        ).one()
        assert (entry.language, entry.translation, entry.created_by) == (
            "pt",
            "Nível de alerta",
            APPROVER,
        )
        audited = session.exec(
            select(AuditRecord).where(AuditRecord.target == f"glossary:{entry.id}")
        ).all()
        assert [(r.action, r.actor) for r in audited] == [("glossary.create", APPROVER)]
