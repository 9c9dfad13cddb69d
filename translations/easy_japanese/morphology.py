"""Sentences as Sudachi morphemes: the words the rules look at.

Sudachi (``sudachidict_core``, as for furigana) splits in mode C, so compounds such as
マイナンバーカード stay one word. The dictionary loads on first use, once per process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sudachipy import Tokenizer


_MAX_CHUNK = 2_000  # characters per Sudachi call; Sudachi refuses very long inputs


@dataclass(frozen=True)
class Morpheme:
    surface: str
    pos: tuple[str, ...]
    """Sudachi's six part-of-speech fields (UniDic style): 品詞, 細分類 x3, 活用型, 活用形."""
    lemma: str
    """Dictionary form as written (出し → 出す)."""
    normalized: str
    """Normalised form (お/ご → 御, ください → 下さる)."""

    @property
    def category(self) -> str:
        return self.pos[0]

    @property
    def conjugation_type(self) -> str:
        return self.pos[4]

    @property
    def conjugation(self) -> str:
        return self.pos[5]

    def is_(self, category: str, subcategory: str | None = None) -> bool:
        return self.pos[0] == category and (subcategory is None or self.pos[1] == subcategory)

    @property
    def is_space(self) -> bool:
        return self.pos[0] == "空白"


class _Analyser:
    """One Sudachi tokenizer, used by one thread at a time (it is not thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokenizer: Tokenizer | None = None

    def morphemes(self, sentence: str) -> tuple[Morpheme, ...]:
        with self._lock:
            if self._tokenizer is None:
                from sudachipy import Dictionary, SplitMode

                self._tokenizer = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
            tokenizer = self._tokenizer
            return tuple(
                Morpheme(
                    m.surface(), tuple(m.part_of_speech()), m.dictionary_form(), m.normalized_form()
                )
                for start in range(0, len(sentence), _MAX_CHUNK)
                for m in tokenizer.tokenize(sentence[start : start + _MAX_CHUNK])
            )


@cache
def _analyser() -> _Analyser:
    return _Analyser()


def morphemes(sentence: str) -> tuple[Morpheme, ...]:
    """The sentence's words in order, spaces included (easy Japanese puts spaces between
    phrases, and Sudachi returns them as 空白)."""
    return _analyser().morphemes(sentence)
