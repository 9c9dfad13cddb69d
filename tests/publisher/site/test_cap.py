"""The CAP 1.2 feed: every template's alert, update and lifting validate against the OASIS
schema, with one ``<info>`` per language and the aggregators' rules kept."""

from __future__ import annotations

from typing import Any

from lxml import etree

from publisher.site.cap import cap_time, sender_of
from tests.publisher.emergency_support import EmergencyApp, cap_schema, emergency_app
from translations.emergency.loader import default_library
from translations.emergency.model import SlotKind

__all__ = ["emergency_app"]
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"
ATOM = "{http://www.w3.org/2005/Atom}"
SAMPLE: dict[SlotKind, Any] = {
    SlotKind.PLACES: ["元城町"],
    SlotKind.SHELTERS: [{"name": "北部協働センター", "address": "中区元城町103-2"}],
    SlotKind.DATETIME: "2026-07-01T14:30+09:00",
    SlotKind.DATE: "2026-08-03",
    SlotKind.INTENSITY: "6-",
    SlotKind.PHONE: "053-457-2111",
}


def test_every_templates_alert_update_and_lifting_validate(emergency_app: EmergencyApp) -> None:
    app = emergency_app
    schema = cap_schema()
    for template in default_library().templates.values():
        slots = {name: SAMPLE[spec.kind] for name, spec in template.slots.items()}
        emergency_id = app.issue({"template": template.id, "slots": slots})["id"]
        for step in ("patch", "end"):
            response = (
                app.client.patch(
                    f"/api/v1/emergencies/{emergency_id}", json={}, headers=app.keys["approver"]
                )
                if step == "patch"
                else app.client.post(
                    f"/api/v1/emergencies/{emergency_id}/end", headers=app.keys["approver"]
                )
            )
            assert response.status_code == 202, response.text
        for number, kind in ((1, "Alert"), (2, "Update"), (3, "Cancel")):
            path = app.emergency_root / "alerts" / f"{emergency_id}-{number}.xml"
            document = etree.parse(str(path))
            assert schema.validate(document), (template.id, schema.error_log)
            alert = document.getroot()
            assert alert.findtext(f"{CAP}msgType") == kind
            infos = alert.findall(f"{CAP}info")
            assert [i.findtext(f"{CAP}language") for i in infos] == ["ja", "en", "pt", "th"]
            for info in infos:
                for field in ("urgency", "severity", "certainty"):
                    assert info.findtext(f"{CAP}{field}") != "Unknown"
                assert len(info.findtext(f"{CAP}event") or "") <= 35
                for field in ("expires", "description", "instruction", "headline"):
                    assert info.findtext(f"{CAP}{field}"), (template.id, field)
                assert info.findtext(f"{CAP}area/{CAP}areaDesc")
            english = infos[1]
            if kind == "Cancel":
                assert english.findtext(f"{CAP}urgency") == "Past"
            if "areas" in template.slots:
                assert "元城町" in english.findtext(f"{CAP}area/{CAP}areaDesc")
    feed = etree.parse(str(app.emergency_root / "alerts" / "index.xml")).getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3 * len(default_library().templates)
    assert entries[0].find(f"{ATOM}link").get("type") == "application/cap+xml"


def test_the_emergency_folder_is_linked_into_the_site(emergency_app: EmergencyApp) -> None:
    from publisher.site.build import build_site

    app = emergency_app
    build_site(app.services)  # a build made before the first emergency
    app.issue()
    site = app.services.settings.resolved_site_dir
    assert (site / "alerts").is_symlink()
    assert (site / "alerts" / "index.xml").is_file()
    build_site(app.services, full=True)  # a later full build links it as well
    assert (site / "alerts" / "1-1.xml").is_file()


def test_cap_times_and_sender() -> None:
    from datetime import UTC, datetime

    assert cap_time(datetime(2026, 7, 1, 5, 30, 1, 999, tzinfo=UTC)) == "2026-07-01T05:30:01+00:00"
    assert sender_of("https://www.city.example.jp/kakehashi/") == "www.city.example.jp"


def test_the_schema_itself_refuses_a_wrong_value(emergency_app: EmergencyApp) -> None:
    app = emergency_app
    app.issue()
    path = app.emergency_root / "alerts" / "1-1.xml"
    document = etree.parse(str(path))
    document.getroot().find(f"{CAP}info/{CAP}urgency").text = "Soon"
    assert not cap_schema().validate(document)  # the check can fail
