"""What machine translation gets wrong in Japanese source text.

Long sentences lose clauses in translation; double negatives come out as their opposite;
stacked honorifics (「ご覧になっていただけますでしょうか」) come out as nonsense. Phone numbers
and dates are protected from the model only when the masking (``translations.masking``,
``translations.dates``) recognises them: what it leaves in the text goes to the model, which
may change a digit. Those are found in the text the masking left, so the masking itself
decides what is recognised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from translations.checks.findings import Code, Finding
from translations.checks.text import BulletinText, Sentence
from translations.easy_japanese.checks import CHECKS, polite_forms, visible_length
from translations.easy_japanese.morphology import morphemes
from translations.easy_japanese.rules import Rule

MAX_SENTENCE_CHARS = 80
"""Characters in a sentence (spaces not counted, an address as one) before translation
quality drops; 公用文作成の考え方 (文化審議会, 2022) asks for 50-60."""
MAX_POLITE_FORMS = 1
"""Honorific or humble forms in one sentence: one (ご注意ください) translates, more stack."""

_D = "[0-9０-９]"
_PHONE_LIKE = re.compile(
    rf"(?<![0-9０-９])(?:[+＋]{_D}|{_D})(?:[\s\-‐－ー・.．()（）/]*{_D}){{8,}}(?![0-9０-９])"
)
"""Nine or more digits in one number, however separated (053・457・2111, 053.457.2111)."""
_PHONE_WORD = re.compile(
    rf"(?:電話|TEL|Tel|tel|FAX|Fax|fax|ファクス|ファックス|☎|℡)[\s:：.．]*(?P<number>{_D}"
    rf"(?:[\s\-‐－ー・.．()（）]*{_D}){{3,}})"
)
"""A number after 電話/TEL/FAX, even a short one (内線 or a number missing its area code)."""
_WEEKDAY = r"(?:\s*[（(][月火水木金土日](?:曜日?)?[）)])?"
_DATE_LIKE = re.compile(
    rf"(?<![0-9０-９])(?:{_D}{{1,4}}[/／]{_D}{{1,2}}(?:[/／]{_D}{{1,2}})?{_WEEKDAY}"
    rf"|(?:[RHSrhs令平昭]|令和|平成|昭和)?{_D}{{1,4}}[.．]{_D}{{1,2}}[.．]{_D}{{1,2}}{_WEEKDAY}"
    rf"|{_D}{{4}}[\-－]{_D}{{1,2}}[\-－]{_D}{{1,2}}{_WEEKDAY}"
    rf"|{_D}{{1,2}}[:：]{_D}{{2}})(?![0-9０-９])"
)
"""Dates and clock times written with slashes, dots, hyphens or colons (12/13, R8.12.13,
2026-12-13, 9:00), which the masking reads only in the 12月13日 and 9時 forms. A number with
one dot or hyphen (1.5, 103-2) is a decimal or an address, not a date."""


def long_sentences(text: BulletinText) -> Iterator[Finding]:
    for sentence in text.sentences:
        length = visible_length(sentence.text)
        if length > MAX_SENTENCE_CHARS:
            yield Finding(
                Code.LONG_SENTENCE, sentence.whole, {"length": length, "limit": MAX_SENTENCE_CHARS}
            )


def _span_of(sentence: Sentence, match: str, after: int = 0) -> tuple[int, int]:
    start = sentence.text.find(match, after)
    if start < 0:  # morphemes join as written; a space between them makes no match
        return 0, len(sentence.text)
    return start, start + len(match)


def double_negatives(text: BulletinText) -> Iterator[Finding]:
    check = CHECKS[Rule.DOUBLE_NEGATIVE]
    for sentence in text.sentences:
        cursor = 0
        for match in check(sentence.text, morphemes(sentence.text)):
            start, end = _span_of(sentence, match, cursor)
            cursor = start + 1  # two double negatives may share a negation
            yield Finding(Code.DOUBLE_NEGATIVE, sentence.at(start, end), {"found": match})


def stacked_honorifics(text: BulletinText) -> Iterator[Finding]:
    for sentence in text.sentences:
        forms: list[tuple[int, int, str]] = []
        for _rule, match in polite_forms(morphemes(sentence.text)):
            start, end = _span_of(sentence, match, forms[-1][0] if forms else 0)
            if forms and start < forms[-1][1]:  # ご覧 within ご覧ください: one form
                if end - start > forms[-1][1] - forms[-1][0]:
                    forms[-1] = (min(start, forms[-1][0]), max(end, forms[-1][1]), match)
                continue
            forms.append((start, end, match))
        if len(forms) > MAX_POLITE_FORMS:
            yield Finding(
                Code.STACKED_HONORIFICS,
                sentence.at(forms[0][0], forms[-1][1]),
                {
                    "forms": tuple(match for _start, _end, match in forms),
                    "count": len(forms),
                    "limit": MAX_POLITE_FORMS,
                },
            )


def _unmasked(
    sentence: Sentence, pattern: re.Pattern[str], group: int | str = 0
) -> Iterator[tuple[int, int, str]]:
    """Matches in the text the masking left (never inside a protected token)."""
    for run in sentence.runs:
        if run.token is not None:
            continue
        for found in pattern.finditer(run.text):
            start, end = found.span(group)
            yield run.start + start, run.start + end, found.group(group)


def unrecognised_phones(text: BulletinText) -> Iterator[Finding]:
    for sentence in text.sentences:
        seen: set[int] = set()
        for pattern, group in ((_PHONE_LIKE, 0), (_PHONE_WORD, "number")):
            for start, end, found in _unmasked(sentence, pattern, group):
                if start in seen or found.strip() == "":
                    continue
                seen.add(start)
                yield Finding(Code.UNRECOGNISED_PHONE, sentence.at(start, end), {"found": found})


def unrecognised_dates(text: BulletinText) -> Iterator[Finding]:
    for sentence in text.sentences:
        for start, end, found in _unmasked(sentence, _DATE_LIKE):
            yield Finding(Code.UNRECOGNISED_DATE, sentence.at(start, end), {"found": found})
