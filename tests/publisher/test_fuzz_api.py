"""Property-based: whatever staff (or an attacker with a key) send, the API answers 2xx or 4xx,
and no published page carries a script, event handler or ``javascript:`` URL we did not write."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publisher.api.app import create_app
from publisher.queue import JobQueue
from publisher.services import Services
from tests.publisher.test_api_bulletins import SAMPLE, Headers

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


# Raw JSON text, so that every escape the JSON parser accepts reaches the server: lone and
# reversed surrogates, non-characters, bidi and zero-width controls, any BMP code point.
SPECIAL_ESCAPES = [
    "\\ud800", "\\udfff", "\\udfff\\ud800", "\\ud83d\\ude00", "\\ufffe", "\\uffff",
    "\\ufdd0", "\\u202e", "\\u2066", "\\u200b", "\\u200d", "\\ufeff", "\\u0000",
    "\\u001b", "\\u0085", "\\u2028",
]  # fmt: skip
string_fragments = st.one_of(
    st.text(max_size=12).map(lambda text: json.dumps(text)[1:-1]),
    st.sampled_from(SPECIAL_ESCAPES),
    st.integers(0, 0xFFFF).map(lambda code: f"\\u{code:04x}"),
    st.sampled_from(["断水", "お知らせ", "editor", "en", "other", "2030-01-01T00:00:00+09:00"]),
)
json_strings = st.lists(string_fragments, max_size=6).map(lambda parts: f'"{"".join(parts)}"')
json_values = st.one_of(
    json_strings,
    st.sampled_from(
        ["null", "true", "false", "0", "-1", "1e400", "-1e400", "NaN", "Infinity", "[]", "{}"]
    ),
    st.integers(-(2**70), 2**70).map(str),
    st.lists(json_strings, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
)
BODY_FIELDS = {
    "bulletin": ["title", "body", "category", "contact", "languages", "flagged_policy",
                 "publish_at", "expires_at"],
    "key": ["name", "role", "expires_in_days"],
    "term": ["language", "source", "translation", "keep", "note"],
    "correction": ["text"],
    "reading": ["reading"],
}  # fmt: skip
VALID = {
    "bulletin": SAMPLE,
    "key": {"name": "cms", "role": "editor"},
    "term": {"language": "en", "source": "避難指示", "translation": "Evacuation Order"},
    "correction": {"text": "Corrected."},
    "reading": {"reading": "もとしろちょう"},
}


@st.composite
def json_bodies(draw: st.DrawFn, kind: str) -> str:
    """A valid body with some fields replaced by hostile JSON text, or no object at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values)
    fields = {name: json.dumps(value) for name, value in VALID[kind].items()}
    for name in draw(st.lists(st.sampled_from(BODY_FIELDS[kind]), max_size=3)):
        fields[name] = draw(json_values)
    members = [f"{json.dumps(name)}: {value}" for name, value in fields.items()]
    if draw(st.booleans()):
        members.append(f"{draw(json_strings)}: {draw(json_values)}")
    return "{" + ", ".join(draw(st.permutations(members))) + "}"


@pytest.fixture
def roomy_client(services: Services, queue: JobQueue) -> Iterator[TestClient]:
    """An app whose per-key limit leaves room for hundreds of examples."""
    roomy = services.settings.model_copy(update={"rate_limit_per_minute": 100_000})
    object.__setattr__(services, "settings", roomy)
    with TestClient(create_app(services, queue)) as test_client:
        yield test_client


def _storable(text: str) -> bool:
    """No non-characters or surrogates: what the feeds and the database cannot carry."""
    for char in text:
        code = ord(char)
        if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
            return False
        if unicodedata.category(char) == "Cs":
            return False
    return True


@pytest.fixture
def endpoints(roomy_client: TestClient, keys: Headers) -> list[tuple[str, str, str, str]]:
    """Every endpoint that takes a body: (method, URL, kind of body, role allowed to call)."""
    client = roomy_client
    bulletin = client.post("/api/v1/bulletins", json=SAMPLE, headers=keys["editor"]).json()
    term = client.post("/api/v1/glossary", json=VALID["term"], headers=keys["approver"]).json()
    return [
        ("POST", "/api/v1/bulletins", "bulletin", "editor"),
        ("PATCH", f"/api/v1/bulletins/{bulletin['id']}", "bulletin", "editor"),
        ("POST", "/api/v1/keys", "key", "admin"),
        ("POST", "/api/v1/glossary", "term", "approver"),
        ("PATCH", f"/api/v1/glossary/{term['id']}", "term", "approver"),
        ("PUT", f"/api/v1/bulletins/{bulletin['id']}/translations/en/segments/title",
         "correction", "approver"),
        ("PUT", "/api/v1/readings/元城町", "reading", "approver"),
    ]  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_json_text_on_any_endpoint_never_causes_a_server_error(
    roomy_client: TestClient,
    keys: Headers,
    endpoints: list[tuple[str, str, str, str]],
    data: st.DataObject,
) -> None:
    method, url, kind, role = data.draw(st.sampled_from(endpoints))
    text = data.draw(json_bodies(kind))
    response = roomy_client.request(
        method,
        url,
        content=text.encode("utf-8"),
        headers={**keys[role], "Content-Type": "application/json"},
    )
    assert response.status_code < 500, (text, response.text)
    answer = json.loads(response.content.decode("utf-8"))  # complete, valid UTF-8 JSON
    if response.status_code < 300:
        stored = json.dumps(answer, ensure_ascii=False)
        assert _storable(stored), (text, stored)
