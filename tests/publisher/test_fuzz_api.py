"""Property-based: whatever staff (or an attacker with a key) send, the API answers 2xx or 4xx,
and no published page carries a script, event handler or ``javascript:`` URL we did not write."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.publisher.test_api_bulletins import Headers

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    '<svg onload="alert(1)">',
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">',
    "![x](javascript:alert(1))",
    "<iframe src=//evil.example>",
    "``<script>``",
    "# 見出し <b onmouseover=alert(1)>",
    "- 項目 [a](data:text/html;base64,PHNjcmlwdD4=)",
    "\u202e\u200b\ufeff",
    "　全角スペース　と 〒430-0000 053-000-0000",
]
markdownish = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(min_size=0, max_size=60)), min_size=1, max_size=6
).map("\n\n".join)
field_values = st.one_of(
    st.none(), st.integers(), st.text(max_size=40), st.lists(st.text(max_size=5), max_size=3)
)


class _PageAudit(HTMLParser):
    """Collects everything on a page that could run code."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if (
                name in ("href", "src")
                and value
                and "javascript:" in value.lower().replace(" ", "")
            ):
                self.problems.append(f"javascript: URL in <{tag} {name}>")
            if name in ("href", "src") and value and value.lower().startswith("data:"):
                self.problems.append(f"data: URL in <{tag} {name}>")
        if tag in ("script",):
            source = dict(attrs).get("src") or ""
            if not source or "assets/" not in source:
                self.problems.append("a script the project did not write")
        if tag in ("iframe", "object", "embed", "style", "svg", "img", "form", "base"):
            self.problems.append(f"<{tag}> from user input")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.problems.append("<meta http-equiv> from user input")


def page_problems(html: str) -> list[str]:
    parser = _PageAudit()
    parser.feed(html)
    return parser.problems


def test_the_page_audit_catches_what_it_should() -> None:
    assert page_problems('<a href="javascript:alert(1)">x</a>')
    assert page_problems("<img src=x onerror=alert(1)>")
    assert page_problems("<script>alert(1)</script>")
    assert not page_problems('<script src="../../assets/readalong.js"></script><a href="/x">x</a>')


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(max_size=250),
    body=markdownish,
    extra=st.dictionaries(
        st.sampled_from(["category", "contact", "languages", "publish_at", "surprise"]),
        field_values,
        max_size=3,
    ),
)
def test_random_bulletins_never_cause_a_server_error(
    client: TestClient, keys: Headers, title: str, body: str, extra: dict[str, Any]
) -> None:
    payload = {"title": title, "body": body, "category": "other", **extra}
    response = client.post("/api/v1/bulletins", json=payload, headers=keys["editor"])
    assert response.status_code < 500, response.text
    if response.status_code == 201:
        bulletin_id = response.json()["id"]
        patched = client.patch(
            f"/api/v1/bulletins/{bulletin_id}",
            json={"body": body + "\n\n追記"},
            headers=keys["editor"],
        )
        assert patched.status_code < 500, patched.text


@pytest.mark.slow
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=st.sampled_from([*HOSTILE, "お知らせ"]), body=markdownish)
def test_published_pages_never_carry_injected_code(
    client: TestClient, keys: Headers, title: str, body: str
) -> None:
    payload = {"title": title, "body": body, "category": "other", "languages": []}
    response = client.post("/api/v1/bulletins", json=payload, headers=keys["editor"])
    if response.status_code != 201:
        assert response.status_code < 500
        return
    url = f"/api/v1/bulletins/{response.json()['id']}"
    client.post(f"{url}/submit", headers=keys["editor"])
    client.post(f"{url}/approve", headers=keys["approver"])
    job = client.post(f"{url}/publish", headers=keys["approver"]).json()
    state = client.get(job["status_url"], headers=keys["approver"]).json()["state"]
    assert state in ("succeeded", "retrying", "failed")
    for version in client.get(url, headers=keys["editor"]).json()["versions"]:
        if version["page_url"]:
            page = client.get(version["page_url"].removeprefix("http://testserver"))
            assert page.status_code == 200
            assert page_problems(page.text) == [], page.text
