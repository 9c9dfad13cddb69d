"""Frozen values handed between stages: a segmented document and its translated sentences.

A document is a tuple of blocks (headings, paragraphs, list items), each a tuple of sentence
segments. A segment's ``text`` is what the translation engine sees: the source sentence with
every protected span (URL, e-mail, phone number, Markdown link, inline code, date, time, amount
of money, postal code, ``{{do not translate}}`` span) replaced by a numbered placeholder (see
``translations.placeholders``); the spans travel beside it as tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from translations.statuses import SegmentOrigin

TokenKind = Literal[
    "url", "email", "phone", "link", "code", "date", "time", "amount", "postal", "verbatim", "term"
]
BlockKind = Literal["heading", "paragraph", "list_item", "figure"]


@dataclass(frozen=True)
class Token:
    """A span that must reach the reader unchanged, never the model.

    ``value`` is what a link points to or what is shown (URL, address, phone number with
    half-width digits, code); ``label`` is the text as written in the source (for a Markdown
    link, its link text). Dates, times and amounts also carry ``data``, their meaning as JSON
    (``{"month": 12, "day": 13, "weekday": 5}``), from which ``translations.locale_format``
    writes them the way each target language reads them; their ``value`` is the source text.
    """

    index: int
    kind: TokenKind
    value: str
    label: str
    data: str = ""


@dataclass(frozen=True)
class Segment:
    """One sentence (or title) to translate; ``id`` is derived from its content."""

    id: str
    text: str
    tokens: tuple[Token, ...]
    line_break_before: bool = False


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or figure; ``level`` is heading level or list depth.

    A figure is an image placed in the text: ``ref`` is what the Markdown named it by
    (``image:3``) and its one segment is the image's text alternative, translated like any
    sentence.
    """

    kind: BlockKind
    level: int
    ordered: bool
    segments: tuple[Segment, ...]
    ref: str = ""


@dataclass(frozen=True)
class TextPiece:
    """Translated (or source) text between protected tokens."""

    text: str


@dataclass(frozen=True)
class TokenPiece:
    """A protected token put back where the placeholder was."""

    token: Token


@dataclass(frozen=True)
class RestoredText:
    """A sentence with its tokens back in place, and what went wrong on the way.

    ``lost`` tokens were missing from the machine output and have been appended at the end;
    ``duplicated`` tokens appeared more than once and only their first occurrence was kept.
    """

    pieces: tuple[TextPiece | TokenPiece, ...]
    lost: tuple[Token, ...] = ()
    duplicated: tuple[Token, ...] = ()


@dataclass(frozen=True)
class AppliedTerm:
    """A use of a glossary term in one sentence: what it was, what it became, its placeholder."""

    source: str
    translation: str
    keep: bool
    index: int

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "translation": self.translation,
            "keep": self.keep,
            "index": self.index,
        }


@dataclass(frozen=True)
class TranslatedSegment:
    """One segment in one language: stored text, restored pieces, quality flags, provenance.

    ``text`` is canonical: the segment's own tokens as ``[n]`` placeholders (normalised, lost
    ones appended, repeats dropped) and glossary terms already replaced by their required
    text, so it can be stored and restored later without the glossary. ``origin`` is
    ``machine`` (decoded now or reused from memory, see ``reused``), ``human`` (a staff
    correction from memory) or ``template`` (nothing to translate: only tokens and numbers).
    """

    segment_id: str
    source_text: str
    text: str
    restored: RestoredText
    flags: tuple[str, ...]
    origin: SegmentOrigin = SegmentOrigin.MACHINE
    engine: str = ""
    model_version: str = ""
    source_hash: str = ""
    input_key: str = ""
    glossary_terms: tuple[AppliedTerm, ...] = ()
    reused: bool = False
