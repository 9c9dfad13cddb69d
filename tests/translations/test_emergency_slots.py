"""Slot values are checked strictly, and every problem names its slot."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from translations.emergency.loader import default_library
from translations.emergency.model import Template
from translations.emergency.slots import Shelter, SlotError, parse_slots, slots_as_json


def _template(template_id: str) -> Template:
    template = default_library().get(template_id)
    assert template is not None
    return template


GOOD = {
    "areas": ["中区", "元城町"],
    "issued_at": "2026-07-01T14:30+09:00",
    "shelters": [{"name": "北部協働センター", "address": "中区元城町103-2"}],
    "phone": "053-457-2111",
}


def test_good_values_are_parsed_and_round_trip() -> None:
    template = _template("evacuation-order")
    values = parse_slots(template, GOOD)
    assert values["areas"] == ("中区", "元城町")
    assert values["shelters"] == (Shelter("北部協働センター", "中区元城町103-2"),)
    assert isinstance(values["issued_at"], datetime) and values["issued_at"].hour == 14
    assert slots_as_json(template, values) == {**GOOD, "issued_at": "2026-07-01T14:30:00+09:00"}
    assert parse_slots(template, slots_as_json(template, values)) == values


@pytest.mark.parametrize(
    ("change", "slot", "reason"),
    [
        ({"areas": None}, "areas", "required"),
        ({"areas": []}, "areas", "non-empty list"),
        ({"areas": "中区"}, "areas", "non-empty list"),
        ({"areas": ["中区\u202e"]}, "areas", "invisible"),
        ({"issued_at": "2026-07-01T14:30"}, "issued_at", "UTC offset"),
        ({"issued_at": "tomorrow"}, "issued_at", "ISO 8601"),
        ({"shelters": [{"name": "センター"}]}, "shelters", '"address"'),
        ({"phone": "053-457"}, "phone", "not a Japanese phone number"),
        ({"phone": "call 053-457-2111"}, "phone", "not a Japanese phone number"),
        ({"colour": "red"}, "colour", "no such slot"),
    ],
)
def test_a_missing_or_malformed_slot_is_named(
    change: dict[str, object], slot: str, reason: str
) -> None:
    raw = {key: value for key, value in {**GOOD, **change}.items() if value is not None}
    with pytest.raises(SlotError) as error:
        parse_slots(_template("evacuation-order"), raw)
    assert [problem.slot for problem in error.value.problems] == [slot]
    assert reason in error.value.problems[0].reason


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(SlotError) as error:
        parse_slots(_template("earthquake"), {"intensity": "5", "issued_at": "x"})
    assert {p.slot for p in error.value.problems} == {"intensity", "areas", "issued_at"}


def test_intensity_and_date_slots() -> None:
    earthquake = _template("earthquake")
    raw = {"intensity": "6+", "areas": ["中区"], "issued_at": "2026-07-01T03:05+09:00"}
    assert parse_slots(earthquake, raw)["intensity"] == "6+"
    heat = _template("heatstroke-alert")
    assert parse_slots(heat, {"areas": ["浜松市"], "day": "2026-08-03"})["day"] == date(2026, 8, 3)
    with pytest.raises(SlotError, match="day: not a calendar date"):
        parse_slots(heat, {"areas": ["浜松市"], "day": "2026-02-30"})
