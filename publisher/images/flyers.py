"""Warnings for flyers whose information is not also in the text (never a refusal).

A flyer is a picture of text, in Japanese only: residents who read another language, use a
screen reader or enlarge the page cannot read it, and no translation reaches inside it. So a
flyer's key facts must be in the bulletin's text too. The rule, which staff can check by eye:

1. The flyer's alt text names its key facts: at least :data:`MIN_FLYER_ALT_CHARS` characters
   (``flyer_alt_short``), with at least one date, time, amount, phone number, address, postal
   code or web address, the facts the translation keeps exactly (``flyer_alt_without_facts``).
2. Every such fact of the alt text is also in the body (``flyer_facts_not_in_text``), so the
   text says what the flyer says; the warning lists the facts that are missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from translations.masking import ProtectedSpan, find_protected

MIN_FLYER_ALT_CHARS = 30
_FACT_KINDS = ("date", "time", "amount", "phone", "email", "url", "postal")


class ImageWarningCode(StrEnum):
    FLYER_ALT_SHORT = "flyer_alt_short"
    FLYER_ALT_WITHOUT_FACTS = "flyer_alt_without_facts"
    FLYER_FACTS_NOT_IN_TEXT = "flyer_facts_not_in_text"


@dataclass(frozen=True)
class ImageWarning:
    image_id: int
    code: ImageWarningCode
    message: str
    facts: tuple[str, ...] = ()


def _keys(span: ProtectedSpan, *, in_text: bool) -> set[tuple[object, ...]]:
    """What a fact means, loosely: a date is its day (year and weekday aside) and its time.

    A day and time on the flyer needs both in the text; a day alone on the flyer is matched
    by that day in the text, at any time (``in_text`` adds the day alone for that).
    """
    if span.kind in ("date", "time") and span.data:
        data = json.loads(span.data)
        day = ("day", data.get("month"), data.get("day"))
        at = data.get("time")
        keys: set[tuple[object, ...]] = {(*day, at)}
        if in_text and at is not None:
            keys.add((*day, None))
        return keys
    if span.data:
        return {(span.kind, span.data)}
    return {(span.kind, span.value)}


def _facts(text: str) -> list[ProtectedSpan]:
    return [span for span in find_protected(text) if span.kind in _FACT_KINDS]


def flyer_warnings(image_id: int, alt: str, texts: Iterable[str | None]) -> list[ImageWarning]:
    """The warnings for one flyer, given its alt text and the texts it must be repeated in
    (the body; the easy-Japanese body counts too)."""
    found: list[ImageWarning] = []
    length = len(alt.strip())
    if length < MIN_FLYER_ALT_CHARS:
        found.append(
            ImageWarning(
                image_id,
                ImageWarningCode.FLYER_ALT_SHORT,
                f"the flyer's alt text has {length} characters: give its key facts (what, "
                f"when, where, whom to ask) in at least {MIN_FLYER_ALT_CHARS}",
            )
        )
    facts = _facts(alt)
    if not facts:
        found.append(
            ImageWarning(
                image_id,
                ImageWarningCode.FLYER_ALT_WITHOUT_FACTS,
                "the flyer's alt text names no date, time, fee, phone number or address: "
                "write the flyer's key facts in it and in the text",
            )
        )
        return found
    known: set[tuple[object, ...]] = set()
    for text in texts:
        for span in _facts(text or ""):
            known |= _keys(span, in_text=True)
    missing = [span.label for span in facts if not (_keys(span, in_text=False) & known)]
    if missing:
        found.append(
            ImageWarning(
                image_id,
                ImageWarningCode.FLYER_FACTS_NOT_IN_TEXT,
                "the flyer says what the text does not: write these in the body too, so that "
                f"every language and every reader gets them: {', '.join(missing)}",
                tuple(missing),
            )
        )
    return found
