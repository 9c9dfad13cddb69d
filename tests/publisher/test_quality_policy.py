"""Flagged translations: published with a visible note, or held until staff correct them."""

from __future__ import annotations

import pytest

from tests.publisher.test_memory_support import GOOD, App, app, fake_engine

__all__ = ["app", "fake_engine"]

DROPS_PHONE = {**GOOD, "問い合わせは電話 [1] へ。": "For questions, please call us."}


@pytest.fixture
def flagging_engine(fake_engine):  # type: ignore[no-untyped-def]
    fake_engine.outputs.update(DROPS_PHONE)
    return fake_engine


def versions(app: App, bulletin: int) -> dict[str, dict[str, object]]:
    body = app.client.get(f"/api/v1/bulletins/{bulletin}", headers=app.keys["editor"]).json()
    return {v["language"]: v for v in body["versions"]}


def test_a_dropped_phone_number_is_flagged_and_published_with_a_note(
    app: App, flagging_engine: object
) -> None:
    bulletin = app.create()
    job = app.publish(bulletin)
    assert job["progress"]["en"]["flags"] == ["placeholder_lost"]
    english = versions(app, bulletin)["en"]
    assert english["status"] == "published"
    assert english["translation"] == "flagged"
    assert english["flags"] == ["placeholder_lost"]
    page = app.page("en", bulletin)
    assert "may contain" in page
    assert "053-000-0110" in page  # the lost number is still on the page
    segment = app.translation(bulletin, "en")["segments"][2]
    assert segment["flags"] == ["placeholder_lost"]


def test_hold_for_review_keeps_a_flagged_language_offline_until_corrected(
    app: App, flagging_engine: object
) -> None:
    bulletin = app.create(flagged_policy="hold_for_review")
    job = app.publish(bulletin)
    assert job["progress"]["en"]["status"] == "held_for_review"
    assert versions(app, bulletin)["en"]["status"] == "held_for_review"
    assert versions(app, bulletin)["en"]["page_url"] is None
    site = app.services.settings.resolved_site_dir
    assert not (site / "en" / "bulletins" / str(bulletin)).exists()
    assert (site / "ja" / "bulletins" / str(bulletin) / "index.html").is_file()

    view = app.translation(bulletin, "en")
    assert view["status"] == "held_for_review" and view["flagged_policy"] == "hold_for_review"
    flagged = [s for s in view["segments"] if s["flags"]]
    assert [s["segment_id"] for s in flagged] == [view["segments"][2]["segment_id"]]
    response = app.client.put(
        f"/api/v1/bulletins/{bulletin}/translations/en/segments/{flagged[0]['segment_id']}",
        json={"text": "For questions, call 053-000-0110."},
        headers=app.keys["approver"],
    )
    assert response.status_code == 202, response.text
    app.job(response.json()["status_url"])
    assert versions(app, bulletin)["en"]["status"] == "published"
    assert "For questions, call" in app.page("en", bulletin)


def test_the_policy_can_be_changed_with_patch(app: App) -> None:
    bulletin = app.create()
    app.edit(bulletin, flagged_policy="hold_for_review")
    body = app.client.get(f"/api/v1/bulletins/{bulletin}", headers=app.keys["editor"]).json()
    assert body["flagged_policy"] == "hold_for_review"
    response = app.client.patch(
        f"/api/v1/bulletins/{bulletin}",
        json={"flagged_policy": "later"},
        headers=app.keys["editor"],
    )
    assert response.status_code == 422
