"""Cheap checks that catch the machine-translation failures readers would notice.

Each check returns a flag code the publisher shows to PR staff for review; none of them
changes the text. They are heuristics tuned to be quiet on normal output.
"""

from __future__ import annotations

import re

from translations.document import RestoredText
from translations.placeholders import strip_placeholders
from translations.scripts import EXPECTED_SCRIPTS, script_counts, script_of, weighted_length

FLAGS = (
    "placeholder_lost",
    "placeholder_duplicated",
    "untranslated",
    "repetition",
    "length_ratio",
    "wrong_script",
)

_MIN_LETTERS = 4  # shorter texts are names, numbers or labels: identical output is fine
_MIN_RATIO_LENGTH = 20.0  # below this (Latin-letter equivalents) length ratios are noise
_RATIO_RANGE = (0.33, 3.5)
_REPEATS = 4
_MAX_NGRAM = 4
_WRONG_SCRIPT_SHARE = 0.5
_UNSPACED_SCRIPTS = ("han", "kana", "thai", "myanmar")


def _normalized(text: str) -> str:
    return " ".join(strip_placeholders(text).split())


def _units(text: str) -> list[str]:
    """Words for spaced languages, letters for Japanese, Chinese, Thai and Burmese."""
    clean = strip_placeholders(text).lower()
    counts = script_counts(clean)
    unspaced = sum(counts[script] for script in _UNSPACED_SCRIPTS)
    if unspaced * 2 > sum(counts.values()):
        return [char for char in clean if script_of(char) is not None]
    return re.findall(r"\w+", clean)


def _is_repetitive(units: list[str]) -> bool:
    """A word or n-gram of up to four units repeated four or more times in a row."""
    for size in range(1, _MAX_NGRAM + 1):
        for start in range(len(units) - size * _REPEATS + 1):
            gram = units[start : start + size]
            if not any(any(char.isalpha() for char in unit) for unit in gram):
                continue
            if all(
                units[start + k * size : start + (k + 1) * size] == gram for k in range(_REPEATS)
            ):
                return True
    return False


def _letters(text: str) -> int:
    return sum(script_counts(text).values())


def check(
    source_text: str, translated_text: str, restored: RestoredText, target: str
) -> tuple[str, ...]:
    """Flag codes for one translated sentence, in the order of ``FLAGS``."""
    flags: list[str] = []
    if restored.lost:
        flags.append("placeholder_lost")
    if restored.duplicated:
        flags.append("placeholder_duplicated")
    source, output = _normalized(source_text), _normalized(translated_text)
    if source and source == output and _letters(source) >= _MIN_LETTERS:
        flags.append("untranslated")
    if _is_repetitive(_units(translated_text)) and not _is_repetitive(_units(source_text)):
        flags.append("repetition")
    source_length, output_length = weighted_length(source), weighted_length(output)
    if source_length and not output_length:
        flags.append("length_ratio")
    elif max(source_length, output_length) >= _MIN_RATIO_LENGTH and source_length:
        low, high = _RATIO_RANGE
        if not low <= output_length / source_length <= high:
            flags.append("length_ratio")
    expected = EXPECTED_SCRIPTS.get(target)
    counts = script_counts(output)
    letters = sum(counts.values())
    if expected and letters >= _MIN_LETTERS:
        share = sum(counts[script] for script in expected) / letters
        if share < _WRONG_SCRIPT_SHARE:
            flags.append("wrong_script")
    return tuple(flags)
