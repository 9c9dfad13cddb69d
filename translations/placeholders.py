"""The placeholder that stands in for a protected token while a sentence is machine-translated.

Format: ``[1]``, ``[2]``, ... (ASCII square brackets around a decimal number).

Why this one:

* Every character is in the vocabulary of argos / OPUS-MT SentencePiece models, so it never
  becomes ``<unk>`` (``⟨1⟩`` or private-use characters do, and ``replace_unknowns`` then copies
  an arbitrary source token).
* Numbers are what these models copy most reliably (their training data is full of aligned
  numbers), and a bracketed number looks like a footnote or list marker, which they leave
  alone. Word-like markers (``X1X``, ``TOKEN_1``) get inflected, transliterated or translated;
  tag-like ones (``<x1>``) are often dropped, because tags were stripped from training corpora;
  underscores are turned into spaces by argos' own detokenizer.
* It is short (3-4 SentencePiece pieces), so it disturbs the sentence little.

Models do alter spacing and width (``[ 1 ]``, ``［１］``, ``【1】`` in CJK output), so finding a
placeholder again accepts any of those. A source sentence may itself contain ``[2]``; such
literal numbers are left alone by numbering that sentence's placeholders above them
(``first_free_index``), and ``restore`` only turns numbers that belong to a token back into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER_PATTERN = re.compile(r"[\[［【〔]\s*([0-9０-９]{1,3})\s*[\]］】〕]")


@dataclass(frozen=True)
class PlaceholderMatch:
    """Where a placeholder-looking span is in a text, and its number."""

    start: int
    end: int
    index: int


def placeholder(index: int) -> str:
    """The placeholder text for token number ``index``."""
    return f"[{index}]"


def find_placeholders(text: str) -> tuple[PlaceholderMatch, ...]:
    """Every placeholder-looking span in ``text``, tolerant of spacing and full-width forms."""
    return tuple(
        PlaceholderMatch(match.start(), match.end(), int(match.group(1)))
        for match in PLACEHOLDER_PATTERN.finditer(text)
    )


def first_free_index(text: str) -> int:
    """The first placeholder number that cannot be confused with a literal ``[n]`` in text."""
    return 1 + max((match.index for match in find_placeholders(text)), default=0)


def strip_placeholders(text: str) -> str:
    """The text without its placeholders (for length and script checks)."""
    return PLACEHOLDER_PATTERN.sub(" ", text)
