"""Accessibility checks as municipal CMS checkers make them (SHIRASAGI, JIS X 8341-3 practice).

Each check reads a :class:`~translations.checks.text.BulletinText` and yields findings; none
changes the text. Screen readers read full-width letters one by one, half-width katakana and
machine-dependent characters unpredictably, and 「総　務　課」 as three words; a link called
「こちら」 says nothing when links are listed; a skipped heading level or a table without
headers breaks navigation by structure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from translations.checks.findings import Code, Finding
from translations.checks.text import BulletinText, Sentence
from translations.dates import western_year
from translations.easy_japanese.checks import era_only_years

VAGUE_LINK_TEXTS = frozenset(
    {
        "こちら",
        "ここ",
        "コチラ",
        "これ",
        "詳しくはこちら",
        "詳細はこちら",
        "くわしくはこちら",
        "こちらをクリック",
        "ここをクリック",
        "こちらから",
        "ここから",
        "こちらをご覧ください",
        "クリック",
        "リンク",
        "詳細",
        "詳しく",
        "click",
        "clickhere",
        "here",
        "more",
        "readmore",
        "link",
    }
)
"""Link texts that say nothing of where the link leads (compared without spaces and
punctuation, case and width folded)."""

_FOLD_OUT = re.compile(r"[\s\W_]+")
_FULL_WIDTH_ALPHANUMERIC = re.compile(r"[Ａ-Ｚａ-ｚ０-９]+")
_HALF_WIDTH_KATAKANA = re.compile(r"[\uff65-\uff9f]+")
_WORD_CHAR = r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u9fff\uf900-\ufaff々〆ヵヶ]"
_SPACED_WORD = re.compile(rf"{_WORD_CHAR}(?:[ \u3000]+{_WORD_CHAR}){{2,}}")
"""Three or more single characters each set apart by spaces (「総　務　課」): spaces used
for layout. Phrases spaced for easy Japanese (「大雨が 降っています」) are words, not letters."""
_MACHINE_DEPENDENT = re.compile(
    "[\u2116\u2121\u2160-\u217f\u2460-\u24ff\u2776-\u2793\u3200-\u33ff\U0001f100-\U0001f1ff]"
)
"""Enclosed and squared characters (①, ㈱, ㍻, ㌔, Ⅳ, №, ℡): each system shows and reads them
differently, and many translation models have never seen them."""


def _fold(label: str) -> str:
    return _FOLD_OUT.sub("", unicodedata.normalize("NFKC", label).lower())


def vague_link_text(text: BulletinText) -> Iterator[Finding]:
    for sentence in text.sentences:
        for run in sentence.runs:
            token = run.token
            if token is None or token.kind != "link":
                continue
            if _fold(token.label) in VAGUE_LINK_TEXTS:
                yield Finding(
                    Code.VAGUE_LINK_TEXT,
                    sentence.at(run.start, run.end),
                    {"label": token.label, "href": token.value},
                )


def skipped_heading_levels(text: BulletinText) -> Iterator[Finding]:
    """The title is the page's h1; body headings are shown from h2 (``#`` and ``##`` both)."""
    previous = 1
    for number, block in enumerate(text.blocks):
        if block.kind != "heading":
            continue
        level = min(max(block.level, 2), 6)
        if level > previous + 1:
            yield Finding(
                Code.SKIPPED_HEADING_LEVEL,
                text.first_sentence_of(number).whole,
                {"level": level, "previous": previous, "expected": previous + 1},
            )
        previous = level


def tables_without_header(text: BulletinText) -> Iterator[Finding]:
    for table in text.tables:
        if not any(table.header):
            yield Finding(
                Code.TABLE_WITHOUT_HEADER,
                text.first_sentence_of(table.block).whole,
                {"columns": len(table.header)},
            )


def _matches(pattern: re.Pattern[str], sentence: Sentence) -> Iterator[re.Match[str]]:
    return pattern.finditer(sentence.text)


def full_width_alphanumerics(text: BulletinText) -> Iterator[Finding]:
    for sentence in text.sentences:
        for found in _matches(_FULL_WIDTH_ALPHANUMERIC, sentence):
            yield Finding(
                Code.FULL_WIDTH_ALPHANUMERIC,
                sentence.at(found.start(), found.end()),
                {
                    "found": found.group(),
                    "suggestion": unicodedata.normalize("NFKC", found.group()),
                },
            )


def half_width_katakana(text: BulletinText) -> Iterator[Finding]:
    for sentence in text.sentences:
        for found in _matches(_HALF_WIDTH_KATAKANA, sentence):
            yield Finding(
                Code.HALF_WIDTH_KATAKANA,
                sentence.at(found.start(), found.end()),
                {
                    "found": found.group(),
                    "suggestion": unicodedata.normalize("NFKC", found.group()),
                },
            )


def spaced_words(text: BulletinText) -> Iterator[Finding]:
    for sentence in text.sentences:
        for found in _matches(_SPACED_WORD, sentence):
            word = re.sub(r"[ \u3000]+", "", found.group())
            yield Finding(
                Code.SPACED_WORD,
                sentence.at(found.start(), found.end()),
                {"found": found.group(), "suggestion": word},
            )


def machine_dependent_characters(text: BulletinText) -> Iterator[Finding]:
    for sentence in text.sentences:
        for found in _matches(_MACHINE_DEPENDENT, sentence):
            yield Finding(
                Code.MACHINE_DEPENDENT_CHARACTER,
                sentence.at(found.start(), found.end()),
                {
                    "found": found.group(),
                    "suggestion": unicodedata.normalize("NFKC", found.group()),
                },
            )


def era_only_dates(text: BulletinText) -> Iterator[Finding]:
    """A year in the Japanese era with no Western year in the same sentence."""
    for sentence in text.sentences:
        for found in era_only_years(sentence.text):
            details: dict[str, str | int] = {"found": found.group()}
            year = western_year(found.group(1), found.group(2))
            if year is not None:
                details["western_year"] = year
            yield Finding(Code.ERA_ONLY_DATE, sentence.at(found.start(), found.end()), details)
