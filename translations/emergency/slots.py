"""Check the values staff put in a template's slots, and name the slot that is wrong.

An emergency is issued in a hurry: a missing shelter address or a time without its UTC
offset must come back at once as "this slot, this reason", never as a page that says
something else than staff meant.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Final

from translations.document import Token
from translations.emergency.model import SlotKind, Template
from translations.masking import find_protected

MAX_NAMES: Final = 50
MAX_NAME_CHARACTERS: Final = 120
INTENSITIES: Final = ("1", "2", "3", "4", "5-", "5+", "6-", "6+", "7")


@dataclass(frozen=True)
class SlotProblem:
    slot: str
    reason: str


class SlotError(ValueError):
    """One or more slots are missing or malformed; ``problems`` names each one."""

    def __init__(self, problems: tuple[SlotProblem, ...]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.slot}: {p.reason}" for p in problems))


@dataclass(frozen=True)
class Shelter:
    """A shelter or supply point, as the city names it in Japanese."""

    name: str
    address: str


SlotValue = tuple[str, ...] | tuple[Shelter, ...] | datetime | date | str | Token
SlotValues = Mapping[str, SlotValue]


def _one_line(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("must be text")
    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        raise ValueError("must not be empty")
    if len(text) > MAX_NAME_CHARACTERS:
        raise ValueError(f"at most {MAX_NAME_CHARACTERS} characters")
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} for ch in text):
        raise ValueError("control or invisible characters are not allowed")
    return text


def _names(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError("must be a non-empty list of names")
    if len(value) > MAX_NAMES:
        raise ValueError(f"at most {MAX_NAMES} names")
    return tuple(_one_line(item) for item in value)


def _shelters(value: object) -> tuple[Shelter, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError('must be a non-empty list of {"name": ..., "address": ...}')
    if len(value) > MAX_NAMES:
        raise ValueError(f"at most {MAX_NAMES} shelters")
    shelters = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"name", "address"}:
            raise ValueError('each shelter is {"name": ..., "address": ...}')
        shelters.append(Shelter(_one_line(item["name"]), _one_line(item["address"])))
    return tuple(shelters)


def _moment(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date and time, e.g. 2026-07-01T14:30+09:00")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"not an ISO 8601 date and time: {value!r}") from error
    if moment.tzinfo is None:
        raise ValueError("needs its UTC offset, e.g. +09:00")
    return moment


def _day(value: object) -> date:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be an ISO 8601 date, e.g. 2026-07-01")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"not a calendar date: {value!r}") from error


def _intensity(value: object) -> str:
    if value not in INTENSITIES:
        raise ValueError(f"must be one of {', '.join(INTENSITIES)}")
    return str(value)


def _phone(value: object) -> Token:
    text = _one_line(value)
    spans = find_protected(text)
    if (
        len(spans) != 1
        or spans[0].kind != "phone"
        or (spans[0].start, spans[0].end)
        != (
            0,
            len(text),
        )
    ):
        raise ValueError(f"not a Japanese phone number: {text!r}")
    return Token(index=0, kind="phone", value=spans[0].value, label=text)


_PARSERS: Mapping[SlotKind, Callable[[object], SlotValue]] = MappingProxyType(
    {
        SlotKind.PLACES: _names,
        SlotKind.SHELTERS: _shelters,
        SlotKind.DATETIME: _moment,
        SlotKind.DATE: _day,
        SlotKind.INTENSITY: _intensity,
        SlotKind.PHONE: _phone,
    }
)


def parse_slots(template: Template, raw: Mapping[str, object]) -> SlotValues:
    """The checked values of ``raw`` for ``template``; :class:`SlotError` names every problem."""
    problems: list[SlotProblem] = []
    values: dict[str, SlotValue] = {}
    for name in sorted(set(raw) - set(template.slots)):
        problems.append(SlotProblem(name, "this template has no such slot"))
    for name, spec in template.slots.items():
        if name not in raw or raw[name] is None:
            if spec.required:
                problems.append(SlotProblem(name, f"required ({spec.kind})"))
            continue
        try:
            values[name] = _PARSERS[spec.kind](raw[name])
        except ValueError as error:
            problems.append(SlotProblem(name, str(error)))
    if problems:
        raise SlotError(tuple(problems))
    return MappingProxyType(values)


def slots_as_json(template: Template, values: SlotValues) -> dict[str, object]:
    """``values`` back in the form :func:`parse_slots` reads (to store them)."""
    out: dict[str, object] = {}
    for name, value in values.items():
        kind = template.slots[name].kind
        if kind is SlotKind.SHELTERS:
            out[name] = [{"name": s.name, "address": s.address} for s in value]  # type: ignore[union-attr]
        elif kind is SlotKind.PLACES:
            out[name] = list(value)  # type: ignore[arg-type]
        elif isinstance(value, datetime | date):
            out[name] = value.isoformat()
        elif isinstance(value, Token):
            out[name] = value.label
        else:
            out[name] = value
    return out
