"""Write protected dates, times and sums of money the way each reader's language writes them.

``12月13日（土曜日）`` is "Saturday, December 13" in English and "sábado, 13 de dezembro" in
Portuguese. Formats come from CLDR through Babel (every Kakehashi language is covered,
Filipino as ``fil``), so no hand-written table can drift. The weekday printed is the one the
source gives: a year-less date is formatted through a year in which that day falls on that
weekday, and the year is not printed. Japanese pages keep the text exactly as written.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime, time
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from translations.document import Token
from translations.languages import get_language

if TYPE_CHECKING:
    from babel import Locale

# Kakehashi language code -> CLDR locale (Brazilian Portuguese; Filipino for Tagalog).
BABEL_LOCALES = {
    "ja": "ja",
    "en": "en",
    "pt": "pt_BR",
    "es": "es",
    "vi": "vi",
    "tl": "fil",
    "zh": "zh_Hans_CN",
    "zh-Hant": "zh_Hant_TW",
    "ko": "ko",
    "id": "id",
    "ne": "ne",
    "th": "th",
    "my": "my",
}
LOCALIZED_KINDS = frozenset({"date", "time", "amount"})
_SOURCE = "ja"
_QUOTED = re.compile(r"('[^']*')")


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    from babel import Locale

    return Locale.parse(BABEL_LOCALES.get(get_language(language).code, "en"))


def _widen(pattern: str) -> str:
    """Full weekday and month names: a notice is read once, abbreviations are harder."""
    parts = _QUOTED.split(pattern)
    for number in range(0, len(parts), 2):  # even parts are outside quotes
        part = re.sub(r"(?<![Ec])[Ec]{1,3}(?![Ec])", lambda m: m.group()[0] * 4, parts[number])
        # only an abbreviated month name (MMM) is widened; numeric months (M, MM) stay
        parts[number] = re.sub(r"(?<![ML])([ML])\1\1(?![ML])", lambda m: m.group(1) * 4, part)
    return "".join(parts)


@lru_cache(maxsize=256)
def _date_pattern(language: str, skeleton: str) -> str:
    from babel.dates import match_skeleton

    locale = _locale(language)
    key = match_skeleton(skeleton, locale.datetime_skeletons)
    if key is None:
        return str(locale.date_formats["long"].pattern)
    return _widen(str(locale.datetime_skeletons[key].pattern))


def _year_for(month: int, day: int, weekday: int) -> int:
    """A year in which ``month/day`` is that weekday (the year itself is not printed)."""
    this_year = date.today().year
    for offset in range(0, 29):  # the calendar repeats within 28 years (leap days: 28 too)
        for year in (this_year + offset, this_year - offset):
            try:
                if date(year, month, day).weekday() == weekday:
                    return year
            except ValueError:
                continue
    return this_year


def _format_date(fields: dict[str, Any], language: str) -> str:
    from babel.dates import format_date

    month, day = int(fields["month"]), int(fields["day"])
    year = fields.get("year")
    weekday = fields.get("weekday")
    if year is not None and weekday is not None and date(year, month, day).weekday() != weekday:
        weekday = None  # the notice contradicts itself: print the date, not a guess
    shown_year = year is not None
    if year is None:
        year = _year_for(month, day, int(weekday)) if weekday is not None else 2024
    skeleton = ("y" if shown_year else "") + "MMMM" + ("EEEE" if weekday is not None else "") + "d"
    pattern = _date_pattern(language, skeleton)
    return str(format_date(date(int(year), month, day), pattern, locale=_locale(language)))


def _clock(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def _format_time(fields: dict[str, Any], language: str) -> str:
    from babel.dates import format_interval, format_time

    locale = _locale(language)
    start = _clock(str(fields["time"]))
    if "until" not in fields:
        return str(format_time(start, "short", locale=locale))
    twelve_hour = "h" in str(locale.time_formats["short"].pattern)
    skeleton = "hm" if twelve_hour else "Hm"
    anchor = date(2024, 1, 1)
    end = _clock(str(fields["until"]))
    return str(
        format_interval(
            datetime.combine(anchor, start),
            datetime.combine(anchor, end),
            skeleton,
            locale=locale,
        )
    )


def _join_date_time(date_text: str, time_text: str, language: str) -> str:
    pattern = str(_locale(language).datetime_formats["medium"])
    joined = pattern.replace("{1}", "\x00").replace("{0}", "\x01").replace("'", "")
    return joined.replace("\x00", date_text).replace("\x01", time_text)


def _format_amount(fields: dict[str, Any], language: str) -> str:
    from babel.numbers import format_currency

    return str(format_currency(fields["amount"], fields["currency"], locale=_locale(language)))


@lru_cache(maxsize=8192)
def format_token_text(token: Token, language: str) -> str:
    """How ``token`` reads in ``language``; the source text when there is nothing to adapt.

    Cached: a site build formats the same dates for every page and language again and again.

    CLDR's narrow no-break space (U+202F, before "PM") becomes a plain no-break space and its
    thin spaces (around "–") plain spaces, which old phones' fonts and speech engines all know.
    """
    return _format(token, language).replace("\u202f", "\u00a0").replace("\u2009", " ")


def _format(token: Token, language: str) -> str:
    if get_language(language).code == _SOURCE or token.kind not in LOCALIZED_KINDS:
        return token.value
    try:
        fields = json.loads(token.data) if token.data else {}
    except json.JSONDecodeError:
        return token.value
    if not isinstance(fields, dict) or not fields:
        return token.value
    if token.kind == "amount":
        return _format_amount(fields, language)
    if "month" in fields:
        written = _format_date(fields, language)
        if "time" in fields:
            written = _join_date_time(written, _format_time(fields, language), language)
        return written
    return _format_time(fields, language)


def localize_token(token: Token, language: str) -> Token:
    """The token as shown on the ``language`` page (``value`` in the reader's format)."""
    text = format_token_text(token, language)
    return token if text == token.value else replace(token, value=text)


@lru_cache(maxsize=4096)
def format_day(day: date, language: str) -> str:
    """A calendar day as readers of ``language`` write it in full (CLDR's long format):
    ``2025年3月5日``, ``March 5, 2025``, ``5 de março de 2025``. Pages, feeds and speech
    all write dates through here or :func:`format_token_text`, never with a table of their own."""
    from babel.dates import format_date

    return str(format_date(day, "long", locale=_locale(language))).replace("\u202f", "\u00a0")


def format_month(year: int, month: int, language: str) -> str:
    """A month as readers of ``language`` name it (CLDR's year-and-month format):
    ``2026年4月``, ``April 2026``, ``abril de 2026``; archive pages are cut by month."""
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMMM", date(year, month, 1), locale=_locale(language)))


def format_integer(number: int, language: str) -> str:
    """A count or a page number in the reader's digits and grouping (CLDR)."""
    from babel.numbers import format_decimal

    return str(format_decimal(number, locale=_locale(language)))


def format_megabytes(size: int, language: str) -> str:
    """A download's size in megabytes, one decimal, with the reader's separator (CLDR's short
    unit: ``12.3 MB``, ``12,3 MB``); at least 0.1 so a small file never shows as 0."""
    from babel.units import format_unit

    megabytes = max(size / 1_000_000, 0.1)
    text = format_unit(
        megabytes, "digital-megabyte", length="short", format="#,##0.0", locale=_locale(language)
    )
    return str(text).replace("\u202f", "\u00a0")
