"""The languages Kakehashi publishes, with the codes argostranslate packages use for them.

Kakehashi codes are BCP 47 tags used in URLs and ``lang`` attributes; argos packages use their
own codes (``zt`` for Traditional Chinese), so every translation lookup goes through here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal


class UnknownLanguageError(ValueError):
    """A language code Kakehashi has no entry for (a typo in configuration, usually)."""


@dataclass(frozen=True)
class Language:
    """One published language: codes, names for menus, and text direction for ``dir``."""

    code: str
    english_name: str
    native_name: str
    direction: Literal["ltr", "rtl"]
    argos_code: str


def _languages(*languages: Language) -> Mapping[str, Language]:
    return MappingProxyType({language.code: language for language in languages})


LANGUAGES: Mapping[str, Language] = _languages(
    Language("ja", "Japanese", "日本語", "ltr", "ja"),
    Language("en", "English", "English", "ltr", "en"),
    Language("pt", "Portuguese", "Português", "ltr", "pt"),
    Language("es", "Spanish", "Español", "ltr", "es"),
    Language("vi", "Vietnamese", "Tiếng Việt", "ltr", "vi"),
    Language("tl", "Filipino", "Filipino", "ltr", "tl"),
    Language("zh", "Chinese (Simplified)", "中文（简体）", "ltr", "zh"),
    Language("zh-Hant", "Chinese (Traditional)", "中文（繁體）", "ltr", "zt"),
    Language("ko", "Korean", "한국어", "ltr", "ko"),
    Language("id", "Indonesian", "Bahasa Indonesia", "ltr", "id"),
    Language("ne", "Nepali", "नेपाली", "ltr", "ne"),
    Language("th", "Thai", "ไทย", "ltr", "th"),
    Language("my", "Burmese", "မြန်မာဘာသာ", "ltr", "my"),
)

# Other spellings people put in configuration files; each maps to a key of LANGUAGES.
_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "zh-hans": "zh",
        "zh-cn": "zh",
        "zh-hant": "zh-Hant",
        "zh-tw": "zh-Hant",
        "zt": "zh-Hant",
        "fil": "tl",
        "pt-br": "pt",
    }
)

# Languages written without spaces between sentences (and words).
_UNSPACED = frozenset({"ja", "zh", "zh-Hant"})


def get_language(code: str) -> Language:
    """Look a language up by Kakehashi code (case-insensitive, common aliases accepted)."""
    if code in LANGUAGES:
        return LANGUAGES[code]
    folded = code.strip().lower().replace("_", "-")
    for key, language in LANGUAGES.items():
        if key.lower() == folded:
            return language
    if folded in _ALIASES:
        return LANGUAGES[_ALIASES[folded]]
    known = ", ".join(LANGUAGES)
    raise UnknownLanguageError(f"unknown language code {code!r} (known: {known})")


def argos_code(code: str) -> str:
    """The code argos packages use for a Kakehashi language code."""
    return get_language(code).argos_code


def sentence_joiner(code: str) -> str:
    """What goes between two sentences of one paragraph: nothing in Japanese and Chinese."""
    return "" if get_language(code).code in _UNSPACED else " "
