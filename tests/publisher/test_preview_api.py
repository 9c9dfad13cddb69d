"""Previews: a submitted revision is translated privately for its reviewers; nothing public
changes; corrections made in the preview are what gets published."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import Session, select

from publisher import preview
from publisher.editing import request_preview
from publisher.keys import Staff, as_staff, create_key, staff_for
from publisher.pipeline import claim_publish, translate_and_voice
from publisher.queue import JobQueue, make_huey
from publisher.statuses import JobState
from publisher.tables import Job, LanguageVersion, PreviewVersion, SegmentTranslation
from publisher.workflow import Role
from tests.publisher.test_memory_support import BODY, GOOD, App, app, fake_engine

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis

__all__ = ["app", "fake_engine"]

DROPS_PHONE = {**GOOD, "問い合わせは電話 [1] へ。": "For questions, please call us."}


def submit(app: App, bulletin: int, role: str = "editor") -> None:
    response = app.client.post(f"/api/v1/bulletins/{bulletin}/submit", headers=app.keys[role])
    assert response.status_code == 200, response.text


def get_preview(app: App, bulletin: int, role: str = "approver") -> dict[str, Any]:
    response = app.client.get(f"/api/v1/bulletins/{bulletin}/preview", headers=app.keys[role])
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def languages(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["language"]: entry for entry in view["languages"]}


def site_texts(app: App) -> str:
    """Every text file of the public site, as one string (symlinks followed)."""
    site = app.services.settings.resolved_site_dir
    texts = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in site.rglob("*")
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".txt", ".vtt")
    ]
    return "\n".join(texts)


def test_a_submitted_revision_is_previewed_and_nothing_public_changes(app: App) -> None:
    bulletin = app.create()
    submit(app, bulletin)
    view = get_preview(app, bulletin)
    assert view["revision"] == 1 and view["current"] and view["state"] == "in_review"
    assert view["job"]["kind"] == "preview" and view["job"]["state"] == "succeeded"
    found = languages(view)
    assert list(found) == ["ja", "en", "pt"]
    english = found["en"]
    assert english["status"] == "published"  # what a publish would do
    assert english["preview"] == "no_voice"  # these tests voice nothing
    assert english["flagged_sentences"] == 0
    assert [s["text"] for s in english["segments"]][:2] == [
        "Shelters open",
        "Because of heavy rain, we issued an evacuation order.",
    ]
    assert english["segments"][0]["source"] == "避難所の開設"
    assert english["page_url"] == (f"http://testserver/api/v1/bulletins/{bulletin}/preview/en/page")

    page = app.client.get(english["page_url"], headers=app.keys["approver"])
    assert page.status_code == 200
    assert page.headers["cache-control"] == "private, no-store"
    assert page.headers["content-type"].startswith("text/html")
    assert "Because of heavy rain, we issued an evacuation order." in page.text
    assert 'href="../../../../../../assets/site.css"' in page.text  # the site's own style
    assert 'href="../pt/page"' in page.text and 'href="../ja/page"' in page.text
    assert "style-src 'self'" in page.headers["content-security-policy"]

    # Nothing public: no page, no language version, no change of the bulletin's state.
    assert "heavy rain" not in site_texts(app)
    site = app.services.settings.resolved_site_dir
    assert not (site / "en" / "bulletins" / str(bulletin)).exists()
    body = app.client.get(f"/api/v1/bulletins/{bulletin}", headers=app.keys["editor"]).json()
    assert body["published_revision"] is None and body["state"] == "in_review"
    assert {v["status"] for v in body["versions"]} == {"pending"}
    with Session(app.services.db) as session:
        assert session.exec(select(LanguageVersion)).all() == []
    settings = app.services.settings
    assert not settings.preview_dir.resolve().is_relative_to(settings.resolved_site_dir.resolve())


def test_an_edit_of_a_live_notice_is_previewed_beside_what_is_online(app: App) -> None:
    bulletin = app.create()
    app.publish(bulletin)
    app.edit(bulletin, body=BODY.replace("川には近づかない", "川には絶対に近づかない"))
    submit(app, bulletin)
    english = languages(get_preview(app, bulletin))["en"]
    assert english["revision"] == 2
    assert "Never go near rivers." in [s["text"] for s in english["segments"]]
    live = app.page("en", bulletin)
    assert "Stay away from rivers." in live and "Never go near rivers." not in live
    assert "Never go near rivers." not in site_texts(app)
    body = app.client.get(f"/api/v1/bulletins/{bulletin}", headers=app.keys["editor"]).json()
    assert body["published_revision"] == 1
    assert {v["revision"] for v in body["versions"]} == {1}
    assert app.translation(bulletin, "en")["revision"] == 1


def test_flagged_sentences_come_first_and_a_held_language_is_still_previewed(
    app: App,
) -> None:
    app.engine.outputs.update(DROPS_PHONE)
    bulletin = app.create(flagged_policy="hold_for_review")
    submit(app, bulletin)
    english = languages(get_preview(app, bulletin, role="editor"))["en"]
    assert english["status"] == "held_for_review" and english["preview"] == "held_for_review"
    assert english["flagged_sentences"] == 1
    first = english["segments"][0]
    assert first["flags"] == ["placeholder_lost"] and first["position"] == 2
    assert [s["position"] for s in english["segments"][1:]] == [0, 1, 3, 4]
    page = app.client.get(english["page_url"], headers=app.keys["editor"])
    assert page.status_code == 200 and "For questions, please call us." in page.text


def correct(app: App, bulletin: int, language: str, segment: str, text: str, role: str) -> Any:
    return app.client.put(
        f"/api/v1/bulletins/{bulletin}/preview/{language}/segments/{segment}",
        json={"text": text},
        headers=app.keys[role],
    )


def test_a_correction_in_the_preview_is_what_gets_published(app: App) -> None:
    app.engine.outputs.update(DROPS_PHONE)
    bulletin = app.create(flagged_policy="hold_for_review")
    submit(app, bulletin)
    phone = languages(get_preview(app, bulletin))["en"]["segments"][0]
    refused = correct(app, bulletin, "en", phone["segment_id"], "Please call us.", "approver")
    assert refused.status_code == 422 and "053-000-0110" in refused.text
    by_editor = correct(app, bulletin, "en", phone["segment_id"], "Call 053-000-0110.", "editor")
    assert by_editor.status_code == 403
    accepted = correct(
        app, bulletin, "en", phone["segment_id"], "Questions? Phone 053-000-0110.", "approver"
    )
    assert accepted.status_code == 202, accepted.text
    job = app.job(accepted.json()["status_url"])
    assert job["kind"] == "preview"
    previewed = languages(get_preview(app, bulletin))
    english = previewed["en"]
    assert english["status"] == "published" and english["flagged_sentences"] == 0
    corrected = next(s for s in english["segments"] if s["segment_id"] == phone["segment_id"])
    assert corrected["origin"] == "human" and corrected["corrected_by"] == "approver-san"
    assert corrected["text"] == "Questions? Phone 053-000-0110."

    app.engine.texts.clear()
    for step in ("approve", "publish"):
        response = app.client.post(
            f"/api/v1/bulletins/{bulletin}/{step}", headers=app.keys["approver"]
        )
    app.job(response.json()["status_url"])
    assert app.engine.texts == []  # every sentence came from the preview, through memory
    for language in ("en", "pt"):
        published = app.translation(bulletin, language)["segments"]
        shown = sorted(previewed[language]["segments"], key=lambda s: s["position"])
        assert [s["text"] for s in published] == [s["text"] for s in shown]
        assert [s["origin"] for s in published] == [s["origin"] for s in shown]
    page = app.page("en", bulletin)
    assert "Questions? Phone" in page and 'href="tel:053-000-0110"' in page


def staff_of(app: App, role: str) -> Staff:
    with Session(app.services.db) as session:
        return as_staff(staff_for(session, f"{role}-san", Role(role)))


def new_preview_job(app: App, bulletin: int) -> str:
    with Session(app.services.db, expire_on_commit=False) as session:
        job = request_preview(session, bulletin, staff_of(app, "approver"))
        session.commit()
    return job.id


def job_state(app: App, job_id: str) -> str:
    with Session(app.services.db) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job.state


def test_a_newer_revision_supersedes_a_running_preview(app: App) -> None:
    bulletin = app.create()
    submit(app, bulletin)
    first = new_preview_job(app, bulletin)
    claimed = claim_publish(app.services, first)  # running: the revision is frozen
    assert claimed is not None and job_state(app, first) == JobState.RUNNING
    app.edit(bulletin, body=BODY.replace("川には近づかない", "川には絶対に近づかない"))
    assert translate_and_voice(app.services, claimed) is None
    assert job_state(app, first) == JobState.SUPERSEDED
    submit(app, bulletin)
    view = get_preview(app, bulletin)
    assert view["revision"] == 2 and view["current"]
    assert "Never go near rivers." in [s["text"] for s in languages(view)["en"]["segments"]]
    folder = app.services.settings.preview_dir / str(bulletin)
    assert sorted(path.name for path in folder.iterdir()) == ["r2"]


def test_a_preview_finished_after_an_edit_is_not_recorded(app: App) -> None:
    bulletin = app.create()
    submit(app, bulletin)
    late = new_preview_job(app, bulletin)
    claimed = claim_publish(app.services, late)
    assert claimed is not None
    prepared = translate_and_voice(app.services, claimed)
    assert prepared is not None
    app.edit(bulletin, title="避難所の開設（更新）")
    assert not preview.record_preview(app.services, claimed, [outcome for outcome, _ in prepared])
    assert job_state(app, late) == JobState.SUPERSEDED
    with Session(app.services.db) as session:
        rows = session.exec(select(PreviewVersion)).all()
        assert {row.job_id for row in rows} != {late}


def test_a_publish_request_supersedes_a_waiting_preview(app: App) -> None:
    bulletin = app.create()
    submit(app, bulletin)
    waiting = new_preview_job(app, bulletin)
    app.client.post(f"/api/v1/bulletins/{bulletin}/approve", headers=app.keys["approver"])
    app.client.post(f"/api/v1/bulletins/{bulletin}/publish", headers=app.keys["approver"])
    assert job_state(app, waiting) == JobState.SUPERSEDED


def test_who_may_see_ask_for_and_correct_a_preview(app: App) -> None:
    with Session(app.services.db) as session:
        _key, secret = create_key(session, "other-editor", Role.EDITOR)
        session.commit()
    other = {"Authorization": f"Bearer {secret}"}
    bulletin = app.create()
    url = f"/api/v1/bulletins/{bulletin}/preview"
    assert app.client.get(url, headers=app.keys["approver"]).status_code == 404  # a draft
    assert app.client.post(url, headers=app.keys["approver"]).status_code == 409
    submit(app, bulletin)
    for role in ("editor", "approver", "admin"):  # the author, and the reviewers
        assert app.client.get(url, headers=app.keys[role]).status_code == 200
        assert app.client.get(f"{url}/en/page", headers=app.keys[role]).status_code == 200
    for path in ("", "/en/page", "/en/audio.mp3", "/en/captions.vtt"):
        assert app.client.get(url + path, headers=other).status_code == 403
        assert app.client.get(url + path).status_code == 401
    assert app.client.get(f"{url}/en/audio.mp3", headers=app.keys["editor"]).status_code == 404
    assert app.client.post(url, headers=app.keys["editor"]).status_code == 403
    assert app.client.get(f"{url}/xx/page", headers=app.keys["editor"]).status_code == 404
    traversal = f"{url}/..%2F..%2F..%2Fkakehashi.db/page"
    assert app.client.get(traversal, headers=app.keys["editor"]).status_code == 404
    accepted = app.client.post(url, headers=app.keys["approver"])
    assert accepted.status_code == 202
    assert app.job(accepted.json()["status_url"])["kind"] == "preview"
    assert correct(app, bulletin, "ja", "title", "避難所", "approver").status_code == 404
    assert correct(app, bulletin, "en", "nope-1", "Shelters", "approver").status_code == 404
    assert correct(app, 999, "en", "title", "Shelters", "approver").status_code == 404


def test_previews_wait_behind_publishes_in_the_queue(app: App) -> None:
    if app.services.settings.queue_backend == "redis":
        pytest.skip("Redis lists have no priorities")
    bulletin = app.create()
    submit(app, bulletin)
    queue = JobQueue(app.services, make_huey(app.services))  # a queue nobody consumes
    queue.enqueue(Job(id="p", bulletin_id=bulletin, revision=1, kind="preview", requested_by="x"))
    queue.enqueue(Job(id="q", bulletin_id=bulletin, revision=1, requested_by="x"))
    assert [queue.huey.dequeue().name for _ in range(2)] == ["publish", "preview"]


def test_the_preview_keeps_the_sentences_a_publish_reuses(app: App) -> None:
    bulletin = app.create()
    submit(app, bulletin)
    with Session(app.services.db) as session:
        rows = session.exec(
            select(SegmentTranslation).where(SegmentTranslation.bulletin_id == bulletin)
        ).all()
    assert {(row.revision, row.language) for row in rows} == {(1, "en"), (1, "pt")}
