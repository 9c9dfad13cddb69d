"""Counting morae, to check that Japanese speech lasts as long as its text takes to say."""

from __future__ import annotations

from audio.engines.openjtalk import _quiet_sudachi

_SMALL_KANA = frozenset("ァィゥェォャュョヮヵヶ")


def count_mora(text: str) -> int:
    """Number of morae Open JTalk will say (katakana reading minus small kana and punctuation).

    Speaking time in Japanese follows morae, not characters: 避難所 (ヒ ナ ン ジョ) is four.
    """
    import pyopenjtalk

    with _quiet_sudachi():
        reading = "".join(pyopenjtalk.g2p(text, kana=True))
    return sum(1 for char in reading if _is_mora(char))


def _is_mora(char: str) -> bool:
    return ("ァ" <= char <= "ヶ" or char == "ー") and char not in _SMALL_KANA
