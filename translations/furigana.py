"""Furigana: Japanese text as runs of base text, with a hiragana reading over each kanji run.

Readings come from Sudachi (``sudachipy`` + ``sudachidict_core``, installed with
pyopenjtalk-plus). A word's reading is aligned with its spelling so that only kanji carry
furigana: ``近づかない`` becomes ``近(ちか)づかない``, not the whole word under one reading.
Proper names the dictionary reads wrongly (place and facility names) can be given readings
that override it; those names are never split or re-read.

Nothing is loaded at import time; the dictionary (about 70 MB) loads on first use.
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sudachipy import Tokenizer

_KANJI_EXTRA = "々〆ヶヵ〇"
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fd\u30fe\u309d\u309e]+")
_MAX_CHUNK = 2_000  # characters per Sudachi call; Sudachi refuses very long inputs
_MEMO_LIMIT = 100_000  # texts remembered by one reader before the memo starts afresh


def is_kanji(char: str) -> bool:
    """CJK ideographs (including extension A and compatibility forms) and 々〆ヶ〇."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
        or char in _KANJI_EXTRA
    )


def to_hiragana(text: str) -> str:
    """Katakana to hiragana; everything else (ー, kanji, Latin) unchanged."""
    return "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in text)


@dataclass(frozen=True)
class Run:
    """A stretch of text; ``reading`` (hiragana) is set only for a run of kanji."""

    base: str
    reading: str | None = None


class ReadingsError(ValueError):
    """A readings file that cannot be used (not TOML, or a reading that is not kana)."""


def validate_readings(readings: Mapping[str, str]) -> dict[str, str]:
    """Names with kanji and readings in kana (katakana is turned into hiragana)."""
    clean: dict[str, str] = {}
    for name, reading in readings.items():
        name, reading = name.strip(), reading.strip()
        if not name or not any(is_kanji(ch) for ch in name):
            raise ReadingsError(f"{name!r}: a name needs at least one kanji to carry furigana")
        if not _KANA.fullmatch(reading):
            raise ReadingsError(f"{name!r}: the reading {reading!r} must be written in kana")
        clean[name] = to_hiragana(reading)
    return clean


def load_readings(path: Path) -> dict[str, str]:
    """Read a city's readings file (TOML ``[readings]`` table: name = "reading").

    A missing file means no readings; anything else wrong raises :class:`ReadingsError`.
    """
    if not path.is_file():
        return {}
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ReadingsError(f"{path}: {error}") from error
    table = data.get("readings", {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise ReadingsError(f"{path}: [readings] must map names to reading strings")
    return validate_readings(table)


def align(surface: str, reading: str) -> tuple[Run, ...]:
    """Split one word's reading over its kanji runs, leaving kana (okurigana) bare.

    ``align("近づかない", "ちかづかない")`` gives ``近(ちか) づかない``. When the spelling's
    kana do not match the reading (irregular words), the whole word gets the whole reading.
    """
    groups = _groups(surface)
    if not any(kind == "kanji" and text.strip(_KANJI_EXTRA) for kind, text in groups):
        return (Run(surface),)  # no kanji, or only marks such as 々 that have no reading alone
    reading = to_hiragana(reading)
    if not _KANA.fullmatch(reading):
        return (Run(surface),)  # no usable reading (unknown word): better none than a wrong one
    if any(kind == "other" for kind, _ in groups):
        return (Run(surface, reading),)  # digits or Latin next to kanji: cannot be aligned
    pattern = "".join(
        "(.+?)" if kind == "kanji" else re.escape(to_hiragana(text)) for kind, text in groups
    )
    match = re.fullmatch(pattern, reading)
    if match is None:
        return (Run(surface, reading),)
    captured = iter(match.groups())
    return tuple(
        Run(text, next(captured)) if kind == "kanji" else Run(text) for kind, text in groups
    )


def _groups(surface: str) -> list[tuple[str, str]]:
    """Consecutive characters of one kind: ``kanji``, ``kana`` or ``other``."""
    groups: list[tuple[str, str]] = []
    for char in surface:
        kind = "kanji" if is_kanji(char) else "kana" if _KANA.fullmatch(char) else "other"
        if groups and groups[-1][0] == kind:
            groups[-1] = (kind, groups[-1][1] + char)
        else:
            groups.append((kind, char))
    return groups


def merge_runs(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring plain runs, so markup stays small."""
    merged: list[Run] = []
    for run in runs:
        if not run.base:
            continue
        if merged and run.reading is None and merged[-1].reading is None:
            merged[-1] = Run(merged[-1].base + run.base)
        else:
            merged.append(run)
    return tuple(merged)


class FuriganaReader:
    """Text to furigana runs, with a city's readings for proper names; thread-safe, memoised.

    ``readings`` maps a name as written (``元城町``) to its reading (``もとしろちょう``).
    """

    def __init__(self, readings: Mapping[str, str] | None = None) -> None:
        self.readings = validate_readings(readings or {})
        self._lock = threading.Lock()
        self._memo: dict[str, tuple[Run, ...]] = {}

    @cached_property
    def _names(self) -> re.Pattern[str] | None:
        if not self.readings:
            return None
        names = sorted(self.readings, key=len, reverse=True)  # longest name wins
        return re.compile("|".join(re.escape(name) for name in names))

    @cached_property
    def _tokenizer(self) -> Tokenizer:
        from sudachipy import Dictionary, SplitMode

        return Dictionary(dict="core").tokenizer(mode=SplitMode.C)

    def runs(self, text: str) -> tuple[Run, ...]:
        """``text`` as runs; joining every ``base`` gives ``text`` back exactly."""
        cached = self._memo.get(text)
        if cached is not None:
            return cached
        with self._lock:  # a Sudachi tokenizer must not be used by two threads at once
            result = merge_runs(list(self._analyse(text)))
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[text] = result
        return result

    def _analyse(self, text: str) -> Iterator[Run]:
        names = self._names
        cursor = 0
        if names is not None:
            for match in names.finditer(text):
                yield from self._dictionary_runs(text[cursor : match.start()])
                yield from align(match.group(), self.readings[match.group()])
                cursor = match.end()
        yield from self._dictionary_runs(text[cursor:])

    def _dictionary_runs(self, text: str) -> Iterator[Run]:
        if not any(is_kanji(char) for char in text):
            yield Run(text)
            return
        for chunk in _chunks(text):
            for morpheme in self._tokenizer.tokenize(chunk):
                yield from align(morpheme.surface(), morpheme.reading_form())


def _chunks(text: str) -> Iterator[str]:
    """Pieces short enough for Sudachi, cut after 。 or a line break where possible."""
    while len(text) > _MAX_CHUNK:
        cut = max(text.rfind("。", 0, _MAX_CHUNK), text.rfind("\n", 0, _MAX_CHUNK))
        cut = cut + 1 if cut > 0 else _MAX_CHUNK
        yield text[:cut]
        text = text[cut:]
    if text:
        yield text
