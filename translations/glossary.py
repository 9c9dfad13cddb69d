"""Enforce a city's terminology: 避難指示 is always "Evacuation Instruction", never a guess.

Staff keep term pairs per language (a Japanese term and its required translation, or "keep as
is"). Before a sentence goes to the model each term is replaced by a placeholder like any
protected token; after, the placeholder becomes the required text. So the model can neither
mistranslate nor drop the term silently (a lost placeholder is flagged), and every use is
recorded as an ``AppliedTerm`` beside the stored translation.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from translations.document import AppliedTerm, Segment, Token
from translations.languages import get_language
from translations.placeholders import PLACEHOLDER_PATTERN, find_placeholders, placeholder

__all__ = ["AppliedTerm", "Glossary", "GlossaryError", "GlossaryTerm", "apply_glossary"]


class GlossaryError(ValueError):
    """A term pair that cannot be enforced (empty, or looks like a placeholder)."""


@dataclass(frozen=True)
class GlossaryTerm:
    """One required rendering: ``translation`` None means "keep the Japanese as is"."""

    source: str
    language: str
    translation: str | None = None

    @property
    def keep(self) -> bool:
        return self.translation is None

    @property
    def rendering(self) -> str:
        """The text that must appear in the translation."""
        return self.source if self.translation is None else self.translation


def check_term(source: str, translation: str | None) -> None:
    """Refuse pairs that would break masking; raises GlossaryError with the reason."""
    if not source.strip():
        raise GlossaryError("the Japanese term must not be empty")
    if translation is not None and not translation.strip():
        raise GlossaryError("the translation must not be empty (use keep for 'keep as is')")
    for text in (source, translation or ""):
        if PLACEHOLDER_PATTERN.search(text) or "{{" in text or "}}" in text:
            raise GlossaryError(f"{text!r} contains [n] or {{{{ }}}}, which Kakehashi reserves")
        if "\n" in text:
            raise GlossaryError("a term must be a single line")


@dataclass(frozen=True)
class Glossary:
    """All term pairs, every language; cheap to build per publish from the database rows."""

    terms: tuple[GlossaryTerm, ...] = ()

    @classmethod
    def of(cls, terms: Iterable[GlossaryTerm]) -> Glossary:
        return cls(tuple(terms))

    def for_language(self, language: str) -> tuple[GlossaryTerm, ...]:
        """The terms of one language, longest first (so 中央区役所 wins over 中央区)."""
        code = get_language(language).code
        chosen = [term for term in self.terms if get_language(term.language).code == code]
        return tuple(sorted(chosen, key=lambda term: (-len(term.source), term.source)))

    def pattern(self, language: str) -> re.Pattern[str] | None:
        """One regular expression matching any term of the language, longest first."""
        terms = self.for_language(language)
        return _compile(tuple(term.source for term in terms)) if terms else None

    def signature(self, language: str) -> str:
        """Changes whenever a term of the language is added, changed or removed."""
        material = "\x00".join(f"{t.source}\x1f{t.rendering}" for t in self.for_language(language))
        return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=64)
def _compile(sources: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(source) for source in sources))


@dataclass(frozen=True)
class GlossaryMasked:
    """A segment with its glossary terms replaced by placeholders, for one language."""

    text: str
    tokens: tuple[Token, ...]  # the segment's own tokens, then one "term" token per use
    applied: tuple[AppliedTerm, ...]

    @property
    def key(self) -> str:
        """Identifies what the engine is asked, so memory is reused only for the same input."""
        material = "\x00".join([self.text, *(f"{t.index}={t.value}" for t in self.applied_tokens)])
        return hashlib.sha256(material.encode("utf-8")).hexdigest()[:24]

    @property
    def applied_tokens(self) -> tuple[Token, ...]:
        return tuple(token for token in self.tokens if token.kind == "term")


def apply_glossary(segment: Segment, glossary: Glossary, language: str) -> GlossaryMasked:
    """Replace each occurrence of a term (outside placeholders) by a new placeholder."""
    pattern = glossary.pattern(language)
    if pattern is None:
        return GlossaryMasked(segment.text, segment.tokens, ())
    by_source = {term.source: term for term in glossary.for_language(language)}
    used = [match.index for match in find_placeholders(segment.text)]
    number = 1 + max([*used, *(token.index for token in segment.tokens)], default=0)
    parts: list[str] = []
    tokens = list(segment.tokens)
    applied: list[AppliedTerm] = []
    cursor = 0
    for gap_start, gap_end in _gaps(segment.text):
        for match in pattern.finditer(segment.text, gap_start, gap_end):
            term = by_source[match.group()]
            parts.append(segment.text[cursor : match.start()])
            parts.append(placeholder(number))
            tokens.append(Token(number, "term", term.rendering, term.source))
            applied.append(AppliedTerm(term.source, term.rendering, term.keep, number))
            number += 1
            cursor = match.end()
    parts.append(segment.text[cursor:])
    return GlossaryMasked("".join(parts), tuple(tokens), tuple(applied))


def _gaps(text: str) -> Sequence[tuple[int, int]]:
    """The stretches of ``text`` between placeholders."""
    gaps: list[tuple[int, int]] = []
    cursor = 0
    for match in find_placeholders(text):
        gaps.append((cursor, match.start))
        cursor = match.end
    gaps.append((cursor, len(text)))
    return gaps
