"""What a check finds: a code staff can look a hint up by, where it is, and its particulars.

Findings are warnings: they help staff write a notice that every resident can read and that
translates well, and never stop a bulletin. The wording staff read is not here: the API looks
each ``Code`` up in the ``workspace`` gettext domain and fills it with the ``details``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from translations.easy_japanese.score import Band


class Code(StrEnum):
    """What a finding is about; stable, so clients and the hint catalog can rely on it."""

    # Accessibility, as municipal CMS checkers test it (JIS X 8341-3).
    VAGUE_LINK_TEXT = "vague-link-text"
    SKIPPED_HEADING_LEVEL = "skipped-heading-level"
    TABLE_WITHOUT_HEADER = "table-without-header"
    FULL_WIDTH_ALPHANUMERIC = "full-width-alphanumeric"
    HALF_WIDTH_KATAKANA = "half-width-katakana"
    SPACED_WORD = "spaced-word"
    MACHINE_DEPENDENT_CHARACTER = "machine-dependent-character"
    ERA_ONLY_DATE = "era-only-date"
    # What machine translation gets wrong.
    LONG_SENTENCE = "long-sentence"
    DOUBLE_NEGATIVE = "double-negative"
    STACKED_HONORIFICS = "stacked-honorifics"
    UNRECOGNISED_PHONE = "unrecognised-phone"
    UNRECOGNISED_DATE = "unrecognised-date"


class Category(StrEnum):
    ACCESSIBILITY = "accessibility"
    MACHINE_TRANSLATION = "machine-translation"


class Severity(StrEnum):
    """Only warnings exist: a check advises, staff decide."""

    WARNING = "warning"


CATEGORIES: Mapping[Code, Category] = MappingProxyType(
    {
        code: Category.MACHINE_TRANSLATION
        if code
        in {
            Code.LONG_SENTENCE,
            Code.DOUBLE_NEGATIVE,
            Code.STACKED_HONORIFICS,
            Code.UNRECOGNISED_PHONE,
            Code.UNRECOGNISED_DATE,
        }
        else Category.ACCESSIBILITY
        for code in Code
    }
)


class Part(StrEnum):
    TITLE = "title"
    BODY = "body"


@dataclass(frozen=True)
class Location:
    """A span of one sentence, as the product numbers them.

    ``block`` is the index of the body's block in ``segment_markdown`` (None for the title),
    ``sentence`` the sentence's index in that block, ``index`` its place in reading order
    (0: the title), and ``start``/``end`` a span of ``text``, the sentence as readers see it.
    """

    part: Part
    block: int | None
    sentence: int
    index: int
    start: int
    end: int
    text: str

    @property
    def excerpt(self) -> str:
        return self.text[self.start : self.end]


Detail = str | int | float | tuple[str, ...]


def _frozen(details: Mapping[str, Detail]) -> Mapping[str, Detail]:
    return MappingProxyType(dict(details))


@dataclass(frozen=True)
class Finding:
    code: Code
    location: Location
    details: Mapping[str, Detail] = field(default_factory=dict)
    """The particulars a hint is filled with (``{"length": 96, "limit": 80}``)."""
    severity: Severity = Severity.WARNING

    def __post_init__(self) -> None:
        object.__setattr__(self, "details", _frozen(self.details))

    @property
    def category(self) -> Category:
        return CATEGORIES[self.code]


@dataclass(frozen=True)
class Score:
    """jreadability (higher is easier) and the share of kanji among the visible characters."""

    score: float | None
    band: Band | None
    kanji_ratio: float


@dataclass(frozen=True)
class SentenceScore:
    location: Location
    score: Score


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    text: Score
    sentences: tuple[SentenceScore, ...]
