"""やさしい日本語 (easy Japanese): check a text against the rules a program can check.

The 2020 guideline of 出入国在留管理庁 and 文化庁 (在留支援のためのやさしい日本語ガイドライン), with
Hirosaki University's rules for disaster information, asks for short sentences with one idea
each, no double negatives, no honorific or humble forms, few passives and causatives, few
katakana loanwords, times in 午前/午後, years in 西暦 and few kanji. :func:`check_sentences`
ties each finding to its sentence; :func:`readability` gives the jreadability score.

Morphology comes from Sudachi (as furigana does); nothing is loaded at import time.
"""

from translations.easy_japanese.checks import Finding, check_sentences, sentences_of_markdown
from translations.easy_japanese.rules import Rule
from translations.easy_japanese.score import Band, Readability, readability

__all__ = [
    "Band",
    "Finding",
    "Readability",
    "Rule",
    "check_sentences",
    "readability",
    "sentences_of_markdown",
]
