"""jreadability: how easy a whole text reads, on Lee and Hasebe's scale (higher is easier).

The score comes from the ``jreadability`` package (mean sentence length and the shares of
Sino-Japanese words, native words, verbs and particles, from UniDic via fugashi). Its six
bands run from upper-advanced (0.5-1.5) to lower-elementary (5.5-6.5).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fugashi import Tagger


class Band(StrEnum):
    """Lee and Hasebe's levels; a score beyond either end falls in the band at that end."""

    UPPER_ADVANCED = "upper-advanced"
    LOWER_ADVANCED = "lower-advanced"
    UPPER_INTERMEDIATE = "upper-intermediate"
    LOWER_INTERMEDIATE = "lower-intermediate"
    UPPER_ELEMENTARY = "upper-elementary"
    LOWER_ELEMENTARY = "lower-elementary"


_BAND_TOPS = (
    (1.5, Band.UPPER_ADVANCED),
    (2.5, Band.LOWER_ADVANCED),
    (3.5, Band.UPPER_INTERMEDIATE),
    (4.5, Band.LOWER_INTERMEDIATE),
    (5.5, Band.UPPER_ELEMENTARY),
)


def band_of(score: float) -> Band:
    for top, band in _BAND_TOPS:
        if score < top:
            return band
    return Band.LOWER_ELEMENTARY


@dataclass(frozen=True)
class Readability:
    score: float
    band: Band


_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ENDS = ("。", "？", "！", "．", "?", "!")


class _Scorer:
    """One fugashi tagger over UniDic-lite, used by one thread at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tagger: Tagger | None = None

    def score(self, text: str) -> float:
        from jreadability import compute_readability

        with self._lock:
            if self._tagger is None:
                import unidic_lite
                from fugashi import Tagger

                self._tagger = Tagger(f"-d {unidic_lite.DICDIR}")
            tagger: Any = self._tagger
            return float(compute_readability(text, tagger))


@cache
def _scorer() -> _Scorer:
    return _Scorer()


def readability(sentences: Sequence[str]) -> Readability | None:
    """The score of the sentences read as one text; None when there is no text.

    jreadability counts sentences by 。！？, so a heading or list item without one is ended
    with 。 here rather than merged into the next sentence. Web and e-mail addresses are left
    out: they are copied, not read, and their pieces would count as words.
    """
    parts = [" ".join(_ADDRESS.sub(" ", sentence).split()) for sentence in sentences]
    parts = [part for part in parts if part]
    if not parts:
        return None
    text = "".join(part if part.endswith(_ENDS) else part + "。" for part in parts)
    score = _scorer().score(text)
    return Readability(round(score, 2), band_of(score))
