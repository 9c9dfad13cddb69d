"""The rules of やさしい日本語 a program can check: ids and limits.

The ids are what the API returns; the hints staff read are in the ``workspace`` gettext
catalog (``publisher/check_hints.py``), looked up by id.
"""

from __future__ import annotations

from enum import StrEnum


class Rule(StrEnum):
    SENTENCE_LENGTH = "sentence-length"
    ONE_PREDICATE = "one-predicate"
    DOUBLE_NEGATIVE = "double-negative"
    HONORIFIC = "honorific"
    HUMBLE = "humble"
    PASSIVE = "passive"
    CAUSATIVE = "causative"
    KATAKANA_LOANWORD = "katakana-loanword"
    TWENTY_FOUR_HOUR_TIME = "24-hour-time"
    ERA_ONLY_YEAR = "era-only-year"
    KANJI_COUNT = "kanji-count"


MAX_SENTENCE_CHARS = 40
"""Characters in a sentence, spaces not counted (guides for municipal staff say 30-40)."""
MAX_KANJI_PER_SENTENCE = 10
"""Kanji in one sentence: with furigana on each, more than this is hard to follow."""
