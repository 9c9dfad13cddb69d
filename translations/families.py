"""The model families Kakehashi runs besides argos packages, and how each is driven.

A converted model is a folder written by ``ct2-transformers-converter`` (``model.bin``,
``config.json``, the vocabulary) plus the family's SentencePiece model(s). The family says
how a sentence is put to the model:

* **M2M-100** (MIT) and **NLLB-200** (CC BY-NC 4.0) are multilingual: the source text starts
  with a source-language token and ends with ``</s>``; the target language is chosen by a
  one-token ``target_prefix``. One model translates between any two of its languages.
* **OPUS-MT / Marian** (CC BY 4.0) models are bilingual: source pieces and ``</s>``, no
  prefix; source and target text have their own SentencePiece models.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from translations.languages import get_language

END = "</s>"


@dataclass(frozen=True)
class Family:
    """What Kakehashi knows about one family of converted models."""

    key: str
    title: str
    multilingual: bool
    license: str
    source_spm: str
    target_spm: str
    tokens: Mapping[str, str]
    """Kakehashi code → the model's language token (multilingual families only)."""

    def language_token(self, code: str) -> str:
        """The token naming ``code`` for this family (KeyError if it has none)."""
        return self.tokens[get_language(code).code]

    def supports(self, code: str) -> bool:
        return get_language(code).code in self.tokens


def _m2m_tokens() -> Mapping[str, str]:
    codes = ("ja", "en", "pt", "es", "vi", "tl", "zh", "ko", "id", "ne", "th", "my")
    return MappingProxyType({code: f"__{code}__" for code in codes})


_NLLB_TOKENS = MappingProxyType(
    {
        "ja": "jpn_Jpan",
        "en": "eng_Latn",
        "pt": "por_Latn",
        "es": "spa_Latn",
        "vi": "vie_Latn",
        "tl": "tgl_Latn",
        "zh": "zho_Hans",
        "zh-Hant": "zho_Hant",
        "ko": "kor_Hang",
        "id": "ind_Latn",
        "ne": "npi_Deva",
        "th": "tha_Thai",
        "my": "mya_Mymr",
    }
)

FAMILIES: Mapping[str, Family] = MappingProxyType(
    {
        "m2m100": Family(
            "m2m100",
            "M2M-100",
            True,
            "MIT",
            "sentencepiece.bpe.model",
            "sentencepiece.bpe.model",
            _m2m_tokens(),
        ),
        "nllb": Family(
            "nllb",
            "NLLB-200",
            True,
            "CC-BY-NC-4.0",
            "sentencepiece.bpe.model",
            "sentencepiece.bpe.model",
            _NLLB_TOKENS,
        ),
        "marian": Family(
            "marian",
            "OPUS-MT (Marian)",
            False,
            "CC-BY-4.0",
            "source.spm",
            "target.spm",
            MappingProxyType({}),
        ),
    }
)


class UnknownFamilyError(ValueError):
    """A manifest names a family Kakehashi cannot drive."""


def get_family(key: str) -> Family:
    try:
        return FAMILIES[key.strip().lower()]
    except KeyError:
        known = ", ".join(FAMILIES)
        raise UnknownFamilyError(f"unknown model family {key!r} (known: {known})") from None
