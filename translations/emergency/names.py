"""Place and shelter names: kept in Japanese, with their reading and a romanisation.

A name is what residents see on the sign and say to a neighbour, so it is never translated:
the Japanese page shows it with furigana, every other page with its reading, and pages in a
Latin script add the romanisation of road signs (Hepburn without long-vowel marks,
``中央区`` → ``Chuoku``). Readings come from the city's readings file first, then Sudachi
(``translations.furigana``); the romanisation is made from the reading with ``cutlet``.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from translations.furigana import FuriganaReader, Run, to_hiragana
from translations.scripts import EXPECTED_SCRIPTS

if TYPE_CHECKING:
    from cutlet import Cutlet

_HIRAGANA_RUN = re.compile(r"[\u3041-\u3096\u309d\u309eー]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_LONG_VOWELS = (("uu", "u"), ("ou", "o"), ("oo", "o"), ("aa", "a"))


def latin_script(language: str) -> bool:
    """Whether readers of ``language`` read the Latin alphabet (and so want a romanisation)."""
    return EXPECTED_SCRIPTS.get(language) == frozenset({"latin"})


@dataclass(frozen=True)
class JapaneseName:
    """A name as written, its furigana runs, its reading (hiragana) and romanisation."""

    text: str
    runs: tuple[Run, ...]
    reading: str
    romanized: str


def _sign_hepburn(romaji: str) -> str:
    for long, short in _LONG_VOWELS:
        romaji = romaji.replace(long, short)
    return romaji


class NameReader:
    """Reads names for every emergency page; one per process (Sudachi and cutlet load once)."""

    def __init__(self, readings: Mapping[str, str] | None = None) -> None:
        self._furigana = FuriganaReader(readings)
        self._lock = threading.Lock()

    @cached_property
    def _cutlet(self) -> Cutlet:
        from cutlet import Cutlet

        return Cutlet("hepburn")

    def read(self, text: str) -> JapaneseName:
        runs = self._furigana.runs(text)
        reading = to_hiragana("".join(run.reading or run.base for run in runs))
        return JapaneseName(text, runs, reading, self.romanize(reading))

    def romanize(self, reading: str) -> str:
        """Hiragana to road-sign Hepburn; digits and Latin letters kept (half-width)."""
        reading = unicodedata.normalize("NFKC", reading)
        parts: list[str] = []
        cursor = 0
        with self._lock:
            for match in _HIRAGANA_RUN.finditer(reading):
                parts.append(reading[cursor : match.start()])
                romaji = _sign_hepburn(self._cutlet.map_kana(match.group()).replace("っ", ""))
                parts.append(romaji.replace("-", ""))
                cursor = match.end()
        parts.append(reading[cursor:])
        spaced = _LETTER_DIGIT.sub(" ", "".join(parts))
        words = re.sub(r"\s+", " ", spaced).strip().split(" ")
        return " ".join(word[:1].upper() + word[1:] for word in words)
