"""Text the outputs cannot carry is refused once, at the edge, with a 422 naming the field.

Feeds are XML (no non-characters), pages and captions must not be reordered or hidden by
invisible controls in a title, dates must fit every output, and an error answer must survive
any string the JSON parser accepts (lone surrogates included).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.publisher.test_api_bulletins import SAMPLE, Headers, create

NON_CHARACTERS = ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff"]
INVISIBLE = ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200c", "\u200d", "\u2060"]
INVISIBLE += ["\ufeff"]
TERM = {"language": "en", "source": "避難指示", "translation": "Evacuation Instruction"}


def fields_of(response: Any) -> list[str]:
    return [str(error["loc"][-1]) for error in response.json()["detail"]]


def raw_post(
    client: TestClient, url: str, text: str, headers: dict[str, str], method: str = "POST"
) -> Any:
    """Send JSON text as written, so that escapes such as a lone ``\\ud800`` reach the server."""
    return client.request(
        method, url, content=text.encode(), headers={**headers, "Content-Type": "application/json"}
    )


@pytest.mark.parametrize("char", NON_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("field", ["title", "body", "contact"])
def test_non_characters_are_refused_in_every_bulletin_text(
    client: TestClient, keys: Headers, field: str, char: str
) -> None:
    value = f"{SAMPLE[field]}{char}"
    created = client.post(
        "/api/v1/bulletins", json={**SAMPLE, field: value}, headers=keys["editor"]
    )
    assert created.status_code == 422, created.text
    assert field in fields_of(created)
    assert "non-character" in created.text
    bulletin = create(client, keys)
    changed = client.patch(
        f"/api/v1/bulletins/{bulletin['id']}", json={field: value}, headers=keys["editor"]
    )
    assert changed.status_code == 422 and field in fields_of(changed)


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_bidi_controls_and_zero_width_characters_are_refused_in_titles(
    client: TestClient, keys: Headers, char: str
) -> None:
    response = client.post(
        "/api/v1/bulletins",
        json={**SAMPLE, "title": f"断水{char}のお知らせ"},
        headers=keys["editor"],
    )
    assert response.status_code == 422
    assert fields_of(response) == ["title"]
    assert f"U+{ord(char):04X}" in response.text


def test_key_names_and_glossary_terms_use_the_same_rules(client: TestClient, keys: Headers) -> None:
    for name in ["admin\u202e", "x\ufffe", "\u200b"]:
        response = client.post(
            "/api/v1/keys", json={"name": name, "role": "editor"}, headers=keys["admin"]
        )
        assert response.status_code == 422, response.text
        assert fields_of(response) == ["name"]
    for changes, field in [
        ({"source": "避難\u202e指示"}, "source"),
        ({"translation": "Evacuation\ufeff Order"}, "translation"),
        ({"note": "see \uffff"}, "note"),
    ]:
        response = client.post(
            "/api/v1/glossary", json={**TERM, **changes}, headers=keys["approver"]
        )
        assert response.status_code == 422, response.text
        assert field in fields_of(response)


def test_joiners_stay_allowed_in_translated_text(client: TestClient, keys: Headers) -> None:
    """Nepali and other Indic scripts need ZWJ and ZWNJ to write some words."""
    nepali = {"language": "ne", "source": "避難所", "translation": "आश्रय\u200dस्थल"}
    response = client.post("/api/v1/glossary", json=nepali, headers=keys["approver"])
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1900-01-01T00:00:00Z"]
)
@pytest.mark.parametrize("field", ["publish_at", "expires_at"])
def test_dates_outside_a_sane_range_are_422(
    client: TestClient, keys: Headers, field: str, moment: str
) -> None:
    response = client.post(
        "/api/v1/bulletins", json={**SAMPLE, field: moment}, headers=keys["editor"]
    )
    assert response.status_code == 422, response.text
    assert fields_of(response) == [field]


@pytest.mark.parametrize("field", ["publish_at", "expires_at"])
def test_schedule_times_are_stored_in_utc_and_null_removes_them(
    client: TestClient, keys: Headers, field: str
) -> None:
    moment = {field: "2030-12-01T09:00:00+09:00"}
    created = client.post("/api/v1/bulletins", json={**SAMPLE, **moment}, headers=keys["editor"])
    assert created.status_code == 201, created.text
    assert datetime.fromisoformat(created.json()[field]) == datetime(2030, 12, 1, 0, 0, tzinfo=UTC)
    url = f"/api/v1/bulletins/{created.json()['id']}"
    assert client.get(url, headers=keys["editor"]).json()[field].startswith("2030-12-01T00:00:00")
    changed = client.patch(url, json={field: None}, headers=keys["editor"])
    assert changed.status_code == 200, changed.text
    assert changed.json()[field] is None and changed.json()["current_revision"] == 2


UNENCODABLE_BODIES = [
    '{"title": "\\ud800", "body": "本文", "category": "other"}',
    '{"title": "断水", "body": "\\udfff\\ud800", "category": "other"}',
    '{"title": "断水", "body": "本文", "category": "\\ud800"}',
    '{"title": "断水", "body": "本文", "category": "other", "languages": ["\\ud800"]}',
    '{"title": "断水", "body": "本文", "category": "other", "\\ud800": 1}',
    '{"title": "断水", "body": "本文", "category": "other", "publish_at": "\\ud800"}',
    '{"title": "断水", "body": "本文", "category": "other", "flagged_policy": "\\ud800"}',
    '["\\ud800"]',
    '"\\ud800"',
    "1e400",
    "NaN",
    '{"title": "断水", "body": "本文", "category": "other", "languages": -Infinity}',
]


@pytest.mark.parametrize("text", UNENCODABLE_BODIES)
def test_unencodable_input_is_422_not_500(client: TestClient, keys: Headers, text: str) -> None:
    """Lone surrogates and numbers JSON cannot write back (1e400, NaN) are quoted safely."""
    response = raw_post(client, "/api/v1/bulletins", text, keys["editor"])
    assert response.status_code == 422, response.text
    json.loads(response.content.decode("utf-8"))  # a complete, valid UTF-8 JSON answer


@pytest.mark.parametrize(
    ("url", "text", "role"),
    [
        ("/api/v1/keys", '{"name": "\\ud800", "role": "editor"}', "admin"),
        ("/api/v1/keys", '{"name": "x", "role": "\\ud800"}', "admin"),
        ("/api/v1/keys", '{"name": "x", "role": "editor", "expires_in_days": 1e400}', "admin"),
        ("/api/v1/glossary", '{"language": "\\ud800", "source": "a", "keep": true}', "approver"),
        ("/api/v1/glossary", '{"language": "en", "source": "a", "note": "\\ud800"}', "approver"),
    ],
)
def test_lone_surrogates_are_422_on_every_endpoint(
    client: TestClient, keys: Headers, url: str, text: str, role: str
) -> None:
    response = raw_post(client, url, text, keys[role])
    assert response.status_code == 422, response.text
    json.loads(response.content.decode("utf-8"))
