"""Find the dates and times of Japanese public notices, and what they mean.

Models drop, shift and invent dates (``12月13日`` becomes "December 31"); a date is also
written very differently in each language. So dates and times never reach the model: they are
found here, replaced by placeholders, and written in the reader's language afterwards
(``translations.locale_format``).

Recognised: ``令和8年4月1日`` (and 平成, 昭和, 元年), ``2026年12月13日``, ``12月13日``, each with
an optional weekday ``（土曜日）`` / ``(土)``; full-width digits; times ``午前9時``,
``午後10時30分``, ``17時15分``, ``8時半``, ``正午``, and ranges ``午前10時～午後4時``. A date
directly followed by a time is one token. ``24時間`` and ``2時間`` are durations, not times.
A time without 午前/午後 is read on the 24-hour clock, as official notices write it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

_D = "[0-9０-９]"
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_WEEKDAYS = "月火水木金土日"  # Monday first, as datetime.weekday() counts
_ERA = rf"(?P<era>令和|平成|昭和)\s*(?P<era_year>元|{_D}{{1,2}})\s*年"
_WESTERN = rf"(?P<year>{_D}{{4}})\s*年"
_WEEKDAY = r"\s*[（(]\s*(?P<weekday>[月火水木金土日])(?:曜日?)?\s*[）)]"
_DATE = (
    rf"(?:(?:{_ERA}|{_WESTERN})\s*)?(?P<month>{_D}{{1,2}})\s*月\s*(?P<day>{_D}{{1,2}})\s*日"
    rf"(?:{_WEEKDAY})?"
)


def _clock(name: str) -> str:
    """One clock time; group names are prefixed with ``name`` (two clocks make a range)."""
    hour = rf"(?P<{name}hour>{_D}{{1,2}})\s*時(?!間)"
    minute = rf"(?:\s*(?P<{name}minute>{_D}{{1,2}})\s*分|(?P<{name}half>半))?"
    period = rf"(?P<{name}period>午前|午後|朝|夜|夕方|晩)?\s*"
    return rf"(?P<{name}clock>(?P<{name}noon>正午)|{period}{hour}{minute})"


_TIME = rf"{_clock('a')}(?:\s*[～〜~\-－―–]\s*{_clock('b')})?"
_PATTERN = re.compile(rf"(?P<date>{_DATE})?(?:\s*(?P<time>{_TIME}))?")
_NOT_AFTER = re.compile(r"[0-9０-９.,．，]$")


@dataclass(frozen=True)
class DateSpan:
    """A date and/or time found in ``text[start:end]``; ``data`` is its meaning as JSON."""

    start: int
    end: int
    kind: Literal["date", "time"]
    data: str


def western_year(era: str, era_year: str) -> int | None:
    """The Western year of ``令和``/``平成``/``昭和`` + ``元`` or a number (None: another era)."""
    start = _ERAS.get(era)
    if start is None:
        return None
    return start + (1 if era_year == "元" else _number(era_year))


def _number(text: str) -> int:
    return int(text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def _hour_minute(match: re.Match[str], name: str) -> tuple[int, int] | None:
    if match.group(f"{name}noon"):
        return 12, 0
    hour_text = match.group(f"{name}hour")
    if hour_text is None:
        return None
    hour = _number(hour_text)
    minute_text = match.group(f"{name}minute")
    minute = 30 if match.group(f"{name}half") else _number(minute_text) if minute_text else 0
    period = match.group(f"{name}period")
    if period in ("午後", "夜", "夕方", "晩") and hour < 12:
        hour += 12
    elif period == "午前" and hour == 12:
        hour = 0  # 午前12時 is midnight
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute


def _date_fields(match: re.Match[str]) -> dict[str, int] | None:
    month, day = _number(match.group("month")), _number(match.group("day"))
    fields: dict[str, int] = {"month": month, "day": day}
    if match.group("era"):
        era_year = match.group("era_year")
        year = western_year(match.group("era"), era_year)
        assert year is not None  # the pattern names only the eras of _ERAS
        fields["year"] = year
    elif match.group("year"):
        fields["year"] = _number(match.group("year"))
    try:
        date(fields.get("year", 2024), month, day)  # 2024: a leap year accepts 2月29日
    except ValueError:
        return None
    if match.group("weekday"):
        fields["weekday"] = _WEEKDAYS.index(match.group("weekday"))
    return fields


def find_dates(text: str) -> tuple[DateSpan, ...]:
    """Every date, time, time range or date-with-time in ``text``, in order."""
    spans: list[DateSpan] = []
    for match in _PATTERN.finditer(text):
        if match.end() == match.start():
            continue
        if _NOT_AFTER.search(text[: match.start()]):
            continue  # "1.5時" or "12,3月": part of a larger number
        data: dict[str, object] = {}
        start, end = match.start(), match.end()
        if match.group("date"):
            fields = _date_fields(match)
            if fields is None:
                continue
            data.update(fields)
        if match.group("time"):
            first, second = _hour_minute(match, "a"), _hour_minute(match, "b")
            if first is None:
                if not data:
                    continue
                end = match.start("time")  # an impossible time: keep the date alone
            else:
                data["time"] = f"{first[0]:02d}:{first[1]:02d}"
                if second is not None:
                    data["until"] = f"{second[0]:02d}:{second[1]:02d}"
                else:
                    end = match.end("aclock")
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        kind: Literal["date", "time"] = "date" if "month" in data else "time"
        spans.append(DateSpan(start, end, kind, json.dumps(data, sort_keys=True)))
    return tuple(spans)
