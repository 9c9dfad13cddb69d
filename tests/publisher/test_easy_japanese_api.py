"""The easy-Japanese version of a bulletin: stored and reviewed in revisions, checked for
readability, and usable as the source of the machine translations."""

from __future__ import annotations

from typing import Any

import pytest

from tests.publisher.test_memory_support import App, app, fake_engine

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis

__all__ = ["app", "fake_engine"]

EASY_TITLE = "ひなんじょを 開けました"
EASY_BODY = (
    "大雨が 降っています。\n\n"
    "市は 避難指示を 出しました。\n\n"
    "電話番号は 053-000-0110です。\n\n"
    "川に 近づかないで ください。"
)
EASY = {"easy_title": EASY_TITLE, "easy_body": EASY_BODY}


def bulletin(app: App, bulletin_id: int) -> dict[str, Any]:
    response = app.client.get(f"/api/v1/bulletins/{bulletin_id}", headers=app.keys["editor"])
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def readability(app: App, bulletin_id: int, **params: Any) -> Any:
    return app.client.get(
        f"/api/v1/bulletins/{bulletin_id}/readability", params=params, headers=app.keys["editor"]
    )


def version(app: App, bulletin_id: int, language: str) -> dict[str, Any]:
    versions: list[dict[str, Any]] = bulletin(app, bulletin_id)["versions"]
    return next(v for v in versions if v["language"] == language)


def test_the_easy_text_is_kept_in_revisions_and_reviewed_like_the_body(app: App) -> None:
    bulletin_id = app.create(**EASY)
    shown = bulletin(app, bulletin_id)
    assert (shown["easy_title"], shown["easy_body"]) == (EASY_TITLE, EASY_BODY)
    assert shown["translation_source"] == "original"
    app.publish(bulletin_id)
    assert bulletin(app, bulletin_id)["state"] == "published"

    app.edit(bulletin_id, easy_body=EASY_BODY + "\n\nあしたも 雨です。")
    edited = bulletin(app, bulletin_id)
    assert edited["state"] == "draft" and edited["current_revision"] == 2
    assert edited["published_revision"] == 1  # the live revision stays until approved
    assert edited["body"] == shown["body"]
    revisions = app.client.get(
        f"/api/v1/bulletins/{bulletin_id}/revisions", headers=app.keys["editor"]
    ).json()
    assert [r["easy_body"] for r in revisions] == [EASY_BODY, EASY_BODY + "\n\nあしたも 雨です。"]
    approve = app.client.post(
        f"/api/v1/bulletins/{bulletin_id}/publish", headers=app.keys["approver"]
    )
    assert approve.status_code == 409  # an edit of the easy text needs approval first

    app.edit(bulletin_id, easy_body=None, easy_title=None)
    assert bulletin(app, bulletin_id)["easy_body"] is None


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"easy_title": EASY_TITLE}, "easy_title"),
        ({"translation_source": "easy"}, "translation_source"),
        ({"easy_body": "   "}, "easy_body"),
        ({"translation_source": "simple"}, "translation_source"),
    ],
)
def test_easy_fields_that_do_not_fit_are_refused(
    app: App, payload: dict[str, Any], field: str
) -> None:
    from tests.publisher.test_memory_support import SAMPLE

    response = app.client.post(
        "/api/v1/bulletins", json={**SAMPLE, **payload}, headers=app.keys["editor"]
    )
    assert response.status_code == 422, response.text
    assert field in response.text


def test_an_edit_cannot_leave_the_translations_without_their_easy_source(app: App) -> None:
    bulletin_id = app.create(**EASY, translation_source="easy")
    response = app.client.patch(
        f"/api/v1/bulletins/{bulletin_id}", json={"easy_body": None}, headers=app.keys["editor"]
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", "translation_source"]
    assert bulletin(app, bulletin_id)["current_revision"] == 1
    refused = app.client.patch(
        f"/api/v1/bulletins/{bulletin_id}",
        json={"translation_source": None},
        headers=app.keys["editor"],
    )
    assert refused.status_code == 422


def test_translations_are_made_from_the_easy_text_when_the_bulletin_says_so(app: App) -> None:
    bulletin_id = app.create(**EASY, translation_source="easy")
    app.publish(bulletin_id)
    sent = {text for _language, text in app.engine.texts}
    assert "市は 避難指示を 出しました。" in sent or "市は [1]を 出しました。" in sent
    assert "大雨のため避難指示を出しました。" not in sent
    assert "避難所の開設" not in sent and EASY_TITLE in sent

    assert version(app, bulletin_id, "en")["translated_from"] == "easy"
    assert version(app, bulletin_id, "pt")["translated_from"] == "easy"
    assert version(app, bulletin_id, "ja")["translated_from"] is None
    view = app.translation(bulletin_id, "en")
    assert view["translated_from"] == "easy"
    assert view["segments"][0]["source"] == EASY_TITLE
    assert [s["source"] for s in view["segments"]][-1] == "川に 近づかないで ください。"

    japanese = app.page("ja", bulletin_id)
    assert "大雨のため避難指示を出しました。" in japanese  # the Japanese page is the original
    english = app.page("en", bulletin_id)
    assert "[en] 川に 近づかないで ください。" in english
    assert "[en] 川には近づかないでください。" not in english

    # A correction is made against the sentence it translates: the easy one.
    phone = next(s for s in view["segments"] if "053-000-0110" in s["source"])
    response = app.client.put(
        f"/api/v1/bulletins/{bulletin_id}/translations/en/segments/{phone['segment_id']}",
        json={"text": "The phone number is 053-000-0110."},
        headers=app.keys["approver"],
    )
    assert response.status_code == 202, response.text
    app.job(response.json()["status_url"])
    assert "The phone number is" in app.page("en", bulletin_id)


def test_by_default_translations_are_made_from_the_original(app: App) -> None:
    bulletin_id = app.create(**EASY)
    app.publish(bulletin_id)
    sent = {text for _language, text in app.engine.texts}
    assert "避難所の開設" in sent and EASY_TITLE not in sent
    assert version(app, bulletin_id, "en")["translated_from"] == "original"
    assert app.translation(bulletin_id, "en")["translated_from"] == "original"


def test_the_easy_version_is_published_as_its_own_page_and_taken_down_with_its_text(
    app: App,
) -> None:
    bulletin_id = app.create(**EASY)
    job = app.publish(bulletin_id)
    assert job["progress"]["ja-easy"]["status"] == "published"
    easy = version(app, bulletin_id, "ja-easy")
    assert easy["status"] == "published" and easy["revision"] == 1
    assert easy["page_url"] == f"http://testserver/ja/bulletins/{bulletin_id}/easy/"
    assert [v["language"] for v in bulletin(app, bulletin_id)["versions"]][-1] == "ja-easy"
    folder = app.services.settings.resolved_site_dir / "ja" / "bulletins" / str(bulletin_id)
    page = (folder / "easy" / "index.html").read_text("utf-8")
    assert '<html lang="ja"' in page and "<ruby>" in page
    assert "easy/" in app.page("ja", bulletin_id) and "easy/" in app.page("en", bulletin_id)

    # A revision without the easy text takes its page down.
    app.edit(bulletin_id, easy_body=None)
    app.publish(bulletin_id)
    easy = version(app, bulletin_id, "ja-easy")
    assert easy["status"] == "retracted" and easy["page_url"] is None
    assert not (folder / "easy").exists()
    assert "easy/" not in app.page("ja", bulletin_id)

    # Back with the easy text, then retracted with the rest of the notice.
    app.edit(bulletin_id, **EASY)
    app.publish(bulletin_id)
    assert (folder / "easy" / "index.html").is_file()
    response = app.client.post(
        f"/api/v1/bulletins/{bulletin_id}/retract", headers=app.keys["approver"]
    )
    assert response.status_code in (200, 202), response.text
    app.job(response.json()["status_url"])
    assert version(app, bulletin_id, "ja-easy")["status"] == "retracted"
    assert not (folder / "easy").exists()


def test_readability_compares_the_original_with_the_easy_version(app: App) -> None:
    bulletin_id = app.create(
        title="特定健康診査のご案内",
        body="受診券は５月下旬に郵送されます。受付は17時までです。直接お申し込みください。",
        easy_title="けんこうしんさの お知らせ",
        easy_body="5月に 受診券を 送ります。受付は 午後5時までです。病院に 電話して ください。",
    )
    response = readability(app, bulletin_id)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["revision"] == 1 and report["translation_source"] == "original"
    original, easy = report["original"], report["easy"]
    assert original["sentences"] == 4 and easy["sentences"] == 4
    assert easy["score"] > original["score"]
    assert original["band"] and easy["band"]
    rules = {(f["sentence"], f["rule"]) for f in original["findings"]}
    assert {(1, "passive"), (2, "24-hour-time"), (3, "honorific")} <= rules
    assert original["counts"]["passive"] == 1
    assert easy["findings"] == []
    passive = next(f for f in original["findings"] if f["rule"] == "passive")
    assert passive["text"] == "受診券は５月下旬に郵送されます。"
    assert passive["match"] == "郵送され" and passive["hint"].startswith("Passive")

    in_japanese = readability(app, bulletin_id, hints="ja").json()
    assert in_japanese["original"]["findings"][0]["hint"].endswith("。")


def test_readability_of_a_revision_without_easy_text_and_refusals(app: App) -> None:
    bulletin_id = app.create()
    report = readability(app, bulletin_id).json()
    assert report["easy"] is None and report["original"]["score"] is not None
    assert readability(app, bulletin_id, revision=2).status_code == 404
    assert readability(app, bulletin_id + 100).status_code == 404
    assert readability(app, bulletin_id, hints="fr").status_code == 422
