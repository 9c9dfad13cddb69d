"""The rules of やさしい日本語 a program can check: ids, limits, and the hints staff read.

The hints are kept here, in English and Japanese, and nowhere else: this is the one table to
move into the gettext catalogs (the ids are what the API returns; the hint is its wording).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

HintLanguage = Literal["en", "ja"]


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

HINTS: dict[Rule, dict[HintLanguage, str]] = {
    Rule.SENTENCE_LENGTH: {
        "en": f"The sentence is long (over {MAX_SENTENCE_CHARS} characters): split it.",
        "ja": f"文が 長いです（{MAX_SENTENCE_CHARS}字より 多い）。文を 分けて ください。",
    },
    Rule.ONE_PREDICATE: {
        "en": "More than one predicate: write one idea per sentence.",
        "ja": "述語が 二つ以上 あります。一つの 文に 一つの ことを 書いて ください。",
    },
    Rule.DOUBLE_NEGATIVE: {
        "en": "Double negative: say it positively (e.g. 〜なければなりません → 〜してください).",
        "ja": "二重否定です。肯定の 形で 書いて ください"
        "（例：〜なければなりません → 〜してください）。",
    },
    Rule.HONORIFIC: {
        "en": "Honorific form (尊敬語): use plain です/ます"
        " (e.g. ご注意ください → 気をつけてください).",
        "ja": "尊敬語です。です・ますの 形で 書いて ください"
        "（例：ご注意ください → 気をつけてください）。",
    },
    Rule.HUMBLE: {
        "en": "Humble form (謙譲語): use plain です/ます (e.g. ご案内します → 知らせます).",
        "ja": "謙譲語です。です・ますの 形で 書いて ください（例：ご案内します → 知らせます）。",
    },
    Rule.PASSIVE: {
        "en": "Passive (or れる/られる) form: say who does it (e.g. 実施されます → 市が します).",
        "ja": "受身（れる・られる）の 形です。だれが するか 書いて ください"
        "（例：実施されます → 市が します）。",
    },
    Rule.CAUSATIVE: {
        "en": "Causative form (せる/させる): say it directly.",
        "ja": "使役（せる・させる）の 形です。使わない 書き方に して ください。",
    },
    Rule.KATAKANA_LOANWORD: {
        "en": "Katakana loanword: use a Japanese word, or explain it in brackets after it.",
        "ja": "カタカナの 外来語です。日本語の 言葉に するか、後ろの（ ）で 説明して ください。",
    },
    Rule.TWENTY_FOUR_HOUR_TIME: {
        "en": "24-hour or clock-style time: write 午前/午後 and 時 (e.g. 17:00 → 午後5時).",
        "ja": "24時間の 書き方です。午前・午後を 使って ください（例：17:00 → 午後5時）。",
    },
    Rule.ERA_ONLY_YEAR: {
        "en": "Year in the Japanese era only: add the Western year (e.g. 2025年（令和7年）).",
        "ja": "和暦だけです。西暦も 書いて ください（例：2025年（令和7年））。",
    },
    Rule.KANJI_COUNT: {
        "en": f"Many kanji (over {MAX_KANJI_PER_SENTENCE}): use fewer, or split the sentence.",
        "ja": f"漢字が 多いです（{MAX_KANJI_PER_SENTENCE}字より 多い）。"
        "漢字を 減らすか、文を 分けて ください。",
    },
}


def hint(rule: Rule, language: HintLanguage = "en") -> str:
    """The hint staff read for ``rule``, in English or Japanese."""
    return HINTS[rule][language]
