"""The checks through the API: a text being written, and a bulletin's revision; hints in the
staff's language; only staff; bad input refused with the reason."""

from __future__ import annotations

from typing import Any

import pytest

from tests.publisher.test_memory_support import App, app, fake_engine

__all__ = ["app", "fake_engine"]

TEXT = {
    "title": "令和8年度の説明会",
    "body": "## 日時\n\n受付は12/13です。\n\n詳しくは[こちら](https://example.jp/)をご覧ください。",
}


def check(app: App, payload: dict[str, Any], role: str = "editor", **kwargs: Any) -> Any:
    return app.client.post("/api/v1/checks", json=payload, headers=app.keys[role], **kwargs)


def test_a_text_is_checked_with_hints_in_japanese_by_default(app: App) -> None:
    response = check(app, TEXT)
    assert response.status_code == 200, response.text
    report = response.json()
    codes = [finding["code"] for finding in report["findings"]]
    assert codes == ["era-only-date", "unrecognised-date", "vague-link-text"]
    assert report["counts"] == {"era-only-date": 1, "unrecognised-date": 1, "vague-link-text": 1}
    assert report["language"] == "ja"
    era, date, link = report["findings"]
    assert era["location"] == {
        "part": "title",
        "block": None,
        "sentence": 0,
        "index": 0,
        "start": 0,
        "end": 4,
        "text": "令和8年度の説明会",
    }
    assert era["details"] == {"found": "令和8年", "western_year": 2026}
    assert era["severity"] == "warning" and era["category"] == "accessibility"
    assert era["hint"].startswith("「令和8年」は和暦だけの表記です")
    assert (date["location"]["block"], date["location"]["sentence"]) == (1, 0)
    assert date["category"] == "machine-translation" and "12/13" in date["hint"]
    assert link["location"]["block"] == 2 and link["details"]["label"] == "こちら"
    assert report["readability"]["band"] and report["readability"]["band_label"]
    assert 0 < report["readability"]["kanji_ratio"] < 1
    assert [s["location"]["index"] for s in report["sentences"]] == [0, 1, 2, 3]
    assert all(s["score"]["score"] is not None for s in report["sentences"])


@pytest.mark.parametrize(
    ("params", "headers", "language"),
    [
        ({"lang": "en"}, {}, "en"),
        ({}, {"Accept-Language": "en-US,en;q=0.9,ja;q=0.5"}, "en"),
        ({}, {"Accept-Language": "fr, ja;q=0.8, en;q=0.9"}, "en"),
        ({}, {"Accept-Language": "pt-BR"}, "ja"),
        ({"lang": "ja"}, {"Accept-Language": "en"}, "ja"),
    ],
)
def test_hints_are_in_the_language_asked(
    app: App, params: dict[str, str], headers: dict[str, str], language: str
) -> None:
    response = app.client.post(
        "/api/v1/checks",
        json=TEXT,
        params=params,
        headers={**app.keys["editor"], **headers},
    )
    report = response.json()
    assert report["language"] == language
    first = report["findings"][0]["hint"]
    expected = "“令和8年” is a year in the Japanese era only" if language == "en" else "「令和8年」"
    assert first.startswith(expected)
    band = report["readability"]["band_label"]
    assert band.isascii() == (language == "en")


def test_a_bulletins_current_revision_is_checked(app: App) -> None:
    bulletin_id = app.create(title="お知らせ", body="受付は12月13日です。")
    first = app.client.get(
        f"/api/v1/bulletins/{bulletin_id}/checks", headers=app.keys["approver"]
    ).json()
    assert (first["bulletin_id"], first["revision"], first["findings"]) == (bulletin_id, 1, [])
    app.edit(bulletin_id, body="受付は１２月１３日です。")
    second = app.client.get(
        f"/api/v1/bulletins/{bulletin_id}/checks", params={"lang": "en"}, headers=app.keys["admin"]
    ).json()
    assert second["revision"] == 2
    assert [f["code"] for f in second["findings"]] == ["full-width-alphanumeric"] * 2
    older = app.client.get(
        f"/api/v1/bulletins/{bulletin_id}/checks",
        params={"revision": 1},
        headers=app.keys["editor"],
    ).json()
    assert older["revision"] == 1 and older["findings"] == []


def test_only_staff_may_check(app: App) -> None:
    assert app.client.post("/api/v1/checks", json=TEXT).status_code == 401
    wrong = {"Authorization": "Bearer not-a-key"}
    assert app.client.post("/api/v1/checks", json=TEXT, headers=wrong).status_code == 401
    assert app.client.get("/api/v1/bulletins/1/checks").status_code == 401


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "x"}, "body"),
        ({"title": "a\nb", "body": "x"}, "title"),
        ({"title": "x", "body": "   "}, "body"),
        ({"title": "x", "body": "x", "category": "event"}, "category"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    app: App, payload: dict[str, Any], field: str
) -> None:
    response = check(app, payload)
    assert response.status_code == 422
    assert any(field in map(str, problem["loc"]) for problem in response.json()["detail"])


def test_bad_language_revision_or_bulletin_is_refused(app: App) -> None:
    assert check(app, TEXT, params={"lang": "fr"}).status_code == 422
    bulletin_id = app.create()
    missing = app.client.get(
        f"/api/v1/bulletins/{bulletin_id}/checks",
        params={"revision": 9},
        headers=app.keys["editor"],
    )
    assert missing.status_code == 404 and "revision 9" in missing.json()["detail"]
    nobody = app.client.get("/api/v1/bulletins/999/checks", headers=app.keys["editor"])
    assert nobody.status_code == 404


def test_a_body_is_checked_before_it_has_a_title(app: App) -> None:
    report = check(app, {"body": "ＡＢＣ"}).json()
    assert [f["location"]["part"] for f in report["findings"]] == ["body"]
    assert report["findings"][0]["location"]["index"] == 0


def test_a_body_over_the_limit_is_refused(app: App) -> None:
    limit = app.services.settings.max_body_bytes
    response = check(app, {"title": "x", "body": "あ" * (limit // 3 + 1)})
    assert response.status_code == 413


def test_other_methods_and_unknown_api_paths_get_json_answers(app: App) -> None:
    wrong = app.client.get("/api/v1/checks", headers=app.keys["editor"])
    assert wrong.status_code == 405 and wrong.headers["allow"] == "POST"
    unknown = app.client.get("/api/v1/no-such-thing", headers=app.keys["editor"])
    assert unknown.status_code == 404 and "no such API path" in unknown.json()["detail"]
