"""Emergency notices through the API: templates and review, issue, update, lift, four-eyes,
restarts; the template text never reaches the translation engine."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from sqlmodel import Session, select

from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.statuses import JobState
from publisher.tables import EmergencyText, EmergencyVersion
from tests.publisher.emergency_support import (
    EVACUATION,
    EmergencyApp,
    cap_schema,
    emergency_app,
    make_app,
)

__all__ = ["emergency_app"]
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"


def test_templates_are_listed_with_slots_and_review_status(emergency_app: EmergencyApp) -> None:
    app = emergency_app
    templates = app.client.get("/api/v1/emergencies/templates", headers=app.keys["editor"]).json()
    by_id = {t["id"]: t for t in templates}
    assert {"evacuation-order", "earthquake", "water-outage"} <= set(by_id)
    order = by_id["evacuation-order"]
    assert {s["name"]: s["required"] for s in order["slots"]} == {
        "areas": True,
        "issued_at": True,
        "shelters": False,
        "phone": False,
    }
    languages = {entry["language"]: entry for entry in order["languages"]}
    assert list(languages) == ["ja", "ja-easy", "en", "pt", "th"]
    assert {entry["review"] for entry in languages.values()} == {"not_reviewed"}
    assert languages["en"]["event"] == "Evacuation Order"
    assert languages["en"]["event_source"] == "secondary"
    assert order["urgency"] != "Unknown" and order["severity"] != "Unknown"


def test_an_admin_marks_a_language_reviewed_with_the_reviewers_name(
    emergency_app: EmergencyApp,
) -> None:
    app = emergency_app
    url = "/api/v1/emergencies/templates/evacuation-order/languages/pt/review"
    for role in ("editor", "approver"):
        refused = app.client.post(url, json={"reviewer": "X"}, headers=app.keys[role])
        assert refused.status_code == 403
    response = app.client.post(url, json={"reviewer": "国際課 佐藤"}, headers=app.keys["admin"])
    assert response.status_code == 200, response.text
    languages = {entry["language"]: entry for entry in response.json()["languages"]}
    assert languages["pt"]["review"] == "reviewed"
    assert languages["pt"]["reviewer"] == "国際課 佐藤"
    assert languages["en"]["review"] == "not_reviewed"
    audit = app.client.get(
        "/api/v1/audit?target=emergency_template:evacuation-order:pt", headers=app.keys["admin"]
    ).json()
    assert [(r["action"], r["detail"]["reviewer"]) for r in audit] == [
        ("emergency_template.review", "国際課 佐藤")
    ]
    missing = app.client.post(
        "/api/v1/emergencies/templates/evacuation-order/languages/xx/review",
        json={"reviewer": "A"},
        headers=app.keys["admin"],
    )
    assert missing.status_code == 404


def test_issuing_publishes_every_language_without_the_translation_engine(
    emergency_app: EmergencyApp,
) -> None:
    app = emergency_app
    accepted = app.issue()
    assert accepted["version"] == 1 and accepted["job_id"]
    shown = app.get(accepted["id"])
    assert shown["state"] == "active"
    [version] = shown["versions"]
    assert (version["msg_type"], version["state"]) == ("Alert", "in_effect")
    assert version["job"]["state"] == "succeeded", version["job"]["error"]
    assert version["issued_by"] == "approver-san"
    assert {entry["language"]: entry["review"] for entry in shown["languages"]} == {
        "ja": "not_reviewed",
        "ja-easy": "not_reviewed",
        "en": "not_reviewed",
        "pt": "not_reviewed",
        "th": "not_reviewed",
    }
    assert app.engine.calls == []  # not one template sentence went to the engine
    with Session(app.services.db) as session:
        texts = session.exec(select(EmergencyText)).all()
    assert {text.language for text in texts} == {"ja", "ja-easy", "en", "pt", "th"}
    assert all(text.message is not None and text.addition is None for text in texts)


def test_the_addition_alone_is_machine_translated(emergency_app: EmergencyApp) -> None:
    app = emergency_app
    addition = "橋は通行止めです。"
    app.engine.outputs = {addition: "The bridge is closed."}
    accepted = app.issue({**EVACUATION, "addition": addition})
    shown = app.get(accepted["id"])
    statuses = {entry["language"]: entry["addition"] for entry in shown["languages"]}
    assert statuses == {
        "ja": "source",
        "ja-easy": "source",
        "en": "machine",
        "pt": "machine",
        "th": "flagged",  # Latin letters for Thai: the usual quality checks apply
    }
    # one sentence, once per target language: nothing of the template
    assert sorted(target for target, _text in app.engine.texts) == ["en", "pt", "th"]
    assert {text for _target, text in app.engine.texts} == {addition}
    with Session(app.services.db) as session:
        english = session.exec(select(EmergencyText).where(EmergencyText.language == "en")).one()
    assert english.addition == "The bridge is closed."


def test_a_missing_or_malformed_slot_is_a_422_naming_it(emergency_app: EmergencyApp) -> None:
    app = emergency_app
    cases = [
        (
            {**EVACUATION, "slots": {"issued_at": "2026-07-01T14:30+09:00"}},
            ["body", "slots", "areas"],
        ),
        (
            {**EVACUATION, "slots": {**EVACUATION["slots"], "phone": "call me"}},  # type: ignore[dict-item]
            ["body", "slots", "phone"],
        ),
        ({**EVACUATION, "template": "volcano"}, ["body", "template"]),
        ({**EVACUATION, "addition": "a\u0000b"}, ["body", "addition"]),
    ]
    for body, location in cases:
        response = app.client.post("/api/v1/emergencies", json=body, headers=app.keys["approver"])
        assert response.status_code == 422, response.text
        assert [problem["loc"] for problem in response.json()["detail"]] == [location]
    assert (
        app.client.post(
            "/api/v1/emergencies", json=EVACUATION, headers=app.keys["editor"]
        ).status_code
        == 403
    )
    with Session(app.services.db) as session:
        assert session.exec(select(EmergencyVersion)).all() == []


def _alert(app: EmergencyApp, emergency_id: int, number: int) -> etree._Element:
    path = app.emergency_root / "alerts" / f"{emergency_id}-{number}.xml"
    document = etree.parse(str(path))
    cap_schema().assertValid(document)
    return document.getroot()


def test_update_supersedes_and_end_lifts_keeping_every_version(emergency_app: EmergencyApp) -> None:
    app = emergency_app
    emergency_id = app.issue()["id"]
    slots = {**EVACUATION["slots"], "areas": ["元城町", "中区", "東区"]}  # type: ignore[dict-item]
    updated = app.client.patch(
        f"/api/v1/emergencies/{emergency_id}", json={"slots": slots}, headers=app.keys["approver"]
    )
    assert updated.status_code == 202, updated.text
    ended = app.client.post(f"/api/v1/emergencies/{emergency_id}/end", headers=app.keys["approver"])
    assert ended.status_code == 202, ended.text
    shown = app.get(emergency_id)
    assert shown["state"] == "lifted" and shown["lifted_at"]
    assert [(v["number"], v["msg_type"], v["state"]) for v in shown["versions"]] == [
        (1, "Alert", "superseded"),
        (2, "Update", "superseded"),
        (3, "Cancel", "in_effect"),
    ]
    assert shown["versions"][1]["slots"]["areas"] == ["元城町", "中区", "東区"]
    second = _alert(app, emergency_id, 2)
    assert second.findtext(f"{CAP}msgType") == "Update"
    assert f"testserver.emergency.{emergency_id}.1" in second.findtext(f"{CAP}references")
    third = _alert(app, emergency_id, 3)
    assert third.findtext(f"{CAP}msgType") == "Cancel"
    assert third.findtext(f"{CAP}references").count(",") == 4  # versions 1 and 2
    again = app.client.patch(
        f"/api/v1/emergencies/{emergency_id}", json={}, headers=app.keys["approver"]
    )
    assert again.status_code == 409
    actions = [
        r["action"]
        for r in app.client.get(
            f"/api/v1/audit?target=emergency:{emergency_id}", headers=app.keys["admin"]
        ).json()
    ]
    assert sorted(actions) == ["emergency.issue", "emergency.lift", "emergency.update"]


def test_with_four_eyes_a_second_approver_sends_the_version(tmp_path: Path) -> None:
    for app in make_app(tmp_path, four_eyes=True):
        accepted = app.issue()
        assert accepted["state"] == "awaiting_approval" and accepted["job_id"] is None
        emergency_id = accepted["id"]
        assert not (app.emergency_root / "alerts").exists()
        url = f"/api/v1/emergencies/{emergency_id}/approve"
        same = app.client.post(url, headers=app.keys["approver"])
        assert same.status_code == 403
        other = app.client.post(url, headers=app.keys["second"])
        assert other.status_code == 202, other.text
        shown = app.get(emergency_id)
        assert shown["state"] == "active"
        assert shown["versions"][0]["approved_by"] == "second-approver"
        assert shown["versions"][0]["without_second_approver"] is False
        assert shown["versions"][0]["job"]["state"] == "succeeded"


def test_the_emergency_exception_to_four_eyes_is_audited_as_such(tmp_path: Path) -> None:
    for app in make_app(tmp_path, four_eyes=True, emergency_without_second_approver=True):
        accepted = app.issue()
        assert accepted["state"] == "active" and accepted["job_id"]
        shown = app.get(accepted["id"])
        assert shown["versions"][0]["without_second_approver"] is True
        [record] = app.client.get(
            f"/api/v1/audit?target=emergency:{accepted['id']}", headers=app.keys["admin"]
        ).json()
        assert "without a second approver" in record["detail"]["four_eyes"]


def test_a_restart_during_an_emergency_loses_nothing(tmp_path: Path) -> None:
    for app in make_app(tmp_path):
        emergency_id = app.issue()["id"]
        before = app.get(emergency_id)
        settings = app.services.settings
        with Session(app.services.db) as session:  # a job the worker was killed during
            version = session.exec(select(EmergencyVersion)).one()
            version.job_state = JobState.RUNNING.value
            session.add(version)
            session.commit()
    services = Services.create(settings, translation_engine_factory=lambda _: app.engine)
    try:
        queue = JobQueue(services, make_huey(services, immediate=True))
        assert queue.resume_interrupted() == 1
        with Session(services.db) as session:
            version = session.exec(select(EmergencyVersion)).one()
            assert version.job_state == JobState.SUCCEEDED
            texts = session.exec(select(EmergencyText)).all()
        assert len(texts) == len(before["languages"])
    finally:
        services.close()
