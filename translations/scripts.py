"""Which writing system a character belongs to, for output sanity checks.

Uses Unicode character names (no extra dependency); only letters are classified, so digits,
punctuation and placeholders never count for or against a language.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType

_SCRIPT_WORDS = (
    ("LATIN", "latin"),
    ("CJK", "han"),
    ("HIRAGANA", "kana"),
    ("KATAKANA", "kana"),
    ("HANGUL", "hangul"),
    ("THAI", "thai"),
    ("MYANMAR", "myanmar"),
    ("DEVANAGARI", "devanagari"),
    ("CYRILLIC", "cyrillic"),
    ("ARABIC", "arabic"),
)

# Scripts a correct translation into each Kakehashi language is mostly written in.
EXPECTED_SCRIPTS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "ja": frozenset({"han", "kana"}),
        "en": frozenset({"latin"}),
        "pt": frozenset({"latin"}),
        "es": frozenset({"latin"}),
        "vi": frozenset({"latin"}),
        "tl": frozenset({"latin"}),
        "id": frozenset({"latin"}),
        "zh": frozenset({"han"}),
        "zh-Hant": frozenset({"han"}),
        "ko": frozenset({"hangul", "han"}),
        "ne": frozenset({"devanagari"}),
        "th": frozenset({"thai"}),
        "my": frozenset({"myanmar"}),
    }
)

# Characters of these scripts carry roughly this many Latin characters' worth of meaning.
_WEIGHTS: Mapping[str, float] = MappingProxyType({"han": 3.0, "kana": 2.0, "hangul": 2.0})


def script_of(char: str) -> str | None:
    """The script of a letter, or None for anything that is not a letter."""
    if not unicodedata.category(char).startswith("L"):
        return None
    name = unicodedata.name(char, "")
    for word, script in _SCRIPT_WORDS:
        if word in name:
            return script
    return "other"


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script ``text`` has."""
    return Counter(script for script in map(script_of, text) if script is not None)


def weighted_length(text: str) -> float:
    """Length in Latin-letter equivalents: spaces and combining marks count for nothing."""
    total = 0.0
    for char in text:
        if char.isspace() or unicodedata.category(char).startswith("M"):
            continue
        script = script_of(char)
        total += _WEIGHTS.get(script, 1.0) if script else 1.0
    return total
