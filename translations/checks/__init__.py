"""Checks before submitting: what in a bulletin's Japanese will trouble residents who use
assistive technology, or the machine translation, and how easy it reads.

:func:`check_bulletin` takes the title and Markdown body staff write and returns a
:class:`Report`: findings (a :class:`Code`, where, particulars; always warnings) and
jreadability scores. It reuses the segmenter (so locations are the product's blocks and
sentences), the masking (so a phone number or date is "unrecognised" exactly when the
translation would not protect it) and the easy-Japanese checker (morphology, double
negatives, honorific forms, the score). Hints are wording for staff and live in the
``workspace`` catalog, looked up by code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType

from translations.checks import accessibility, translation_hazards
from translations.checks.findings import (
    CATEGORIES,
    Category,
    Code,
    Finding,
    Location,
    Part,
    Report,
    Score,
    SentenceScore,
    Severity,
)
from translations.checks.readability import scores
from translations.checks.text import BulletinText, read_bulletin

Check = Callable[[BulletinText], Iterator[Finding]]

CHECKS: Mapping[Code, Check] = MappingProxyType(
    {
        Code.VAGUE_LINK_TEXT: accessibility.vague_link_text,
        Code.SKIPPED_HEADING_LEVEL: accessibility.skipped_heading_levels,
        Code.TABLE_WITHOUT_HEADER: accessibility.tables_without_header,
        Code.FULL_WIDTH_ALPHANUMERIC: accessibility.full_width_alphanumerics,
        Code.HALF_WIDTH_KATAKANA: accessibility.half_width_katakana,
        Code.SPACED_WORD: accessibility.spaced_words,
        Code.MACHINE_DEPENDENT_CHARACTER: accessibility.machine_dependent_characters,
        Code.ERA_ONLY_DATE: accessibility.era_only_dates,
        Code.LONG_SENTENCE: translation_hazards.long_sentences,
        Code.DOUBLE_NEGATIVE: translation_hazards.double_negatives,
        Code.STACKED_HONORIFICS: translation_hazards.stacked_honorifics,
        Code.UNRECOGNISED_PHONE: translation_hazards.unrecognised_phones,
        Code.UNRECOGNISED_DATE: translation_hazards.unrecognised_dates,
    }
)


def check_bulletin(title: str | None, body: str) -> Report:
    """Every finding, in reading order (then by position in the sentence), and the scores."""
    text = read_bulletin(title, body)
    findings = [finding for check in CHECKS.values() for finding in check(text)]
    findings.sort(key=lambda f: (f.location.index, f.location.start, f.location.end))
    whole, sentences = scores(text)
    return Report(tuple(findings), whole, sentences)


__all__ = [
    "CATEGORIES",
    "CHECKS",
    "Category",
    "Code",
    "Finding",
    "Location",
    "Part",
    "Report",
    "Score",
    "SentenceScore",
    "Severity",
    "check_bulletin",
]
