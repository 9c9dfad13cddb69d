"""The readings page: the file the build reads, changed atomically, checked, audited, and a
site build scheduled after each change."""

from __future__ import annotations

import tomllib
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from publisher.queue import JobQueue
from publisher.services import Services
from publisher.tables import AuditRecord
from tests.publisher.workspace.conftest import csrf_of, post_form
from translations.furigana import load_readings

Browser = Callable[[str], TestClient]
PAGE = "/staff/readings/"


def _file(services: Services) -> dict[str, str]:
    return load_readings(services.settings.resolved_readings_file)


def _audit(services: Services) -> list[tuple[str, str, str]]:
    with Session(services.db) as session:
        records = session.exec(select(AuditRecord).order_by(AuditRecord.id)).all()  # type: ignore[arg-type]
        return [(r.action, r.target, r.actor) for r in records if r.action.startswith("reading.")]


def _site_builds(queue: JobQueue) -> int:
    return sum(1 for task in queue.huey.scheduled() if task.name == "site")


def test_an_approver_adds_changes_and_deletes_a_reading(
    browser: Browser, services: Services, queue: JobQueue
) -> None:
    approver = browser("approver-san")
    added = post_form(approver, PAGE, PAGE, {"name": "元城町", "reading": "モトシロチョウ"})
    assert added.status_code == 303 and added.headers["location"] == f"{PAGE}?done=added"
    assert _file(services) == {"元城町": "もとしろちょう"}  # katakana stored as hiragana
    page = approver.get(added.headers["location"]).text
    assert 'role="status"' in page and "もとしろちょう" in page and "<ruby>元城町" in page
    assert _site_builds(queue) == 1

    edit = approver.get(PAGE + "edit", params={"name": "元城町"})
    assert edit.status_code == 200
    changed = approver.post(
        PAGE + "edit",
        data={"name": "元城町", "reading": "もとしろまち", "csrf_token": csrf_of(edit.text)},
        follow_redirects=False,
    )
    assert changed.status_code == 303
    assert _file(services) == {"元城町": "もとしろまち"}

    deleted = approver.post(
        PAGE + "delete",
        data={"name": "元城町", "csrf_token": csrf_of(edit.text)},
        follow_redirects=False,
    )
    assert deleted.status_code == 303
    assert _file(services) == {}
    assert _audit(services) == [
        ("reading.create", "reading:元城町", "approver-san"),
        ("reading.update", "reading:元城町", "approver-san"),
        ("reading.delete", "reading:元城町", "approver-san"),
    ]
    assert _site_builds(queue) == 3
    text = services.settings.resolved_readings_file.read_text(encoding="utf-8")
    assert tomllib.loads(text) == {"readings": {}}
    leftovers = [p.name for p in services.settings.resolved_readings_file.parent.iterdir()]
    assert not [name for name in leftovers if name.endswith(".tmp")]


def test_bad_readings_and_duplicates_are_refused_beside_the_field(
    browser: Browser, services: Services
) -> None:
    approver = browser("approver-san")
    for data, field in [
        ({"name": "元城町", "reading": "motoshiro"}, "reading"),
        ({"name": "元城町", "reading": "もと城"}, "reading"),
        ({"name": "もとしろ", "reading": "もとしろ"}, "name"),
        ({"name": "元城\n町", "reading": "もとしろ"}, "name"),
        ({"name": "", "reading": "もとしろ"}, "name"),
    ]:
        refused = post_form(approver, PAGE, PAGE, data)
        assert refused.status_code == 400, data
        assert f'id="reading-{field}-error"' in refused.text, data
        assert f'aria-describedby="reading-{field}-hint reading-{field}-error"' in refused.text
    assert _file(services) == {}
    assert (
        post_form(approver, PAGE, PAGE, {"name": "元城町", "reading": "もとしろちょう"}).status_code
        == 303
    )
    duplicate = post_form(approver, PAGE, PAGE, {"name": " 元城町 ", "reading": "げんじょうちょう"})
    assert duplicate.status_code == 400 and 'id="reading-name-error"' in duplicate.text
    assert _file(services) == {"元城町": "もとしろちょう"}
    assert len(_audit(services)) == 1


def test_editors_see_the_readings_but_cannot_change_them(
    browser: Browser, services: Services
) -> None:
    post_form(browser("admin-san"), PAGE, PAGE, {"name": "元城町", "reading": "もとしろちょう"})
    editor = browser("editor-san")
    page = editor.get(PAGE)
    assert page.status_code == 200 and "もとしろちょう" in page.text
    assert 'method="post" action="/staff/readings/"' not in page.text
    token = csrf_of(page.text)
    for action, data in [
        (PAGE, {"name": "浜松", "reading": "はままつ"}),
        (PAGE + "edit", {"name": "元城町", "reading": "げんじょう"}),
        (PAGE + "delete", {"name": "元城町"}),
    ]:
        refused = editor.post(action, data={**data, "csrf_token": token}, follow_redirects=False)
        assert refused.status_code == 403, action
    assert editor.get(PAGE + "edit", params={"name": "元城町"}).status_code == 403
    assert _file(services) == {"元城町": "もとしろちょう"}


def test_posts_without_a_token_are_refused(browser: Browser, services: Services) -> None:
    approver = browser("approver-san")
    refused = approver.post(
        PAGE, data={"name": "元城町", "reading": "もとしろ"}, follow_redirects=False
    )
    assert refused.status_code == 403
    assert _file(services) == {}


def test_a_broken_readings_file_is_explained_and_left_alone(
    browser: Browser, services: Services
) -> None:
    path = services.settings.resolved_readings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[readings]\n"元城町" = "motoshiro"\n', encoding="utf-8")
    approver = browser("approver-san")
    page = approver.get(PAGE)
    assert page.status_code == 200 and 'role="alert"' in page.text and "motoshiro" in page.text
    token = csrf_of(page.text)
    approver.post(PAGE, data={"name": "浜松", "reading": "はままつ", "csrf_token": token})
    assert path.read_text(encoding="utf-8") == '[readings]\n"元城町" = "motoshiro"\n'


def test_a_hand_written_name_the_form_would_refuse_says_why_and_can_be_deleted(
    browser: Browser, services: Services
) -> None:
    path = services.settings.resolved_readings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[readings]\n"中央 区" = "ちゅうおうく"\n', encoding="utf-8")
    approver = browser("approver-san")
    edit = approver.get(PAGE + "edit", params={"name": "中央 区"})
    token = csrf_of(edit.text)
    refused = approver.post(
        PAGE + "edit", data={"name": "中央 区", "reading": "ちゅうおう", "csrf_token": token}
    )
    assert refused.status_code == 400 and "空白を入れずに" in refused.text
    gone = approver.post(PAGE + "delete", data={"name": "中央 区", "csrf_token": token})
    assert gone.status_code == 200 and _file(services) == {}
