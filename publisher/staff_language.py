"""Which language staff read: ``?lang=ja|en`` if given, else the first of Japanese and English
in ``Accept-Language`` (by its q-values), else Japanese."""

from __future__ import annotations

from typing import Literal, get_args

StaffLanguage = Literal["ja", "en"]
STAFF_LANGUAGES: tuple[StaffLanguage, ...] = get_args(StaffLanguage)
DEFAULT_STAFF_LANGUAGE: StaffLanguage = "ja"
_MAX_HEADER = 1_000  # characters of Accept-Language read; browsers send a few dozen


def _preferences(header: str) -> list[str]:
    """Primary language subtags of an ``Accept-Language`` header, most wanted first."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(header[:_MAX_HEADER].split(",")):
        tag, _, parameters = item.strip().partition(";")
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, position, tag.split("-")[0].strip().lower()))
    return [tag for _quality, _position, tag in sorted(ranked)]


def staff_language(asked: str | None, accept_language: str | None) -> StaffLanguage:
    for candidate in [asked or "", *_preferences(accept_language or "")]:
        for language in STAFF_LANGUAGES:
            if candidate == language:
                return language
    return DEFAULT_STAFF_LANGUAGE
