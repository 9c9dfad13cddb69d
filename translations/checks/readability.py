"""How easy the bulletin reads: jreadability of the whole text and of each sentence, with its
band (higher is easier), and the share of kanji. The score is the easy-Japanese checker's."""

from __future__ import annotations

from collections.abc import Sequence

from translations.checks.findings import Score, SentenceScore
from translations.checks.text import BulletinText
from translations.easy_japanese.score import readability
from translations.furigana import is_kanji


def kanji_ratio(texts: Sequence[str]) -> float:
    """Kanji among the visible characters (spaces left out), 0 when there are none."""
    visible = [char for text in texts for char in text if not char.isspace()]
    if not visible:
        return 0.0
    return round(sum(1 for char in visible if is_kanji(char)) / len(visible), 3)


def score(texts: Sequence[str]) -> Score:
    found = readability(texts)
    return Score(found.score if found else None, found.band if found else None, kanji_ratio(texts))


def scores(text: BulletinText) -> tuple[Score, tuple[SentenceScore, ...]]:
    """The whole text's score, then each sentence's."""
    texts = [sentence.text for sentence in text.sentences]
    return score(texts), tuple(
        SentenceScore(sentence.whole, score([sentence.text])) for sentence in text.sentences
    )
