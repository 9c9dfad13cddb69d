"""What staff read beside each finding of the checks: one hint per code, in the ``workspace``
gettext domain (Japanese and English), filled with the finding's details.

The messages are written in English (the msgids) and looked up when asked, so a translator's
edit to ``locales/<ja|en>/LC_MESSAGES/workspace.po`` is what staff see.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from publisher.staff_language import StaffLanguage
from translations.catalogs import N_, WORKSPACE_DOMAIN, translations_for
from translations.checks import Code, Finding
from translations.easy_japanese import Band, Rule
from translations.easy_japanese.rules import MAX_KANJI_PER_SENTENCE, MAX_SENTENCE_CHARS

HINTS: Mapping[Code, str] = MappingProxyType(
    {
        Code.VAGUE_LINK_TEXT: N_(
            "The link text “%(label)s” does not say where the link leads: screen reader users"
            " often hear only the links. Name the page or file instead (e.g. “How to sort"
            " garbage (PDF)”)."
        ),
        Code.SKIPPED_HEADING_LEVEL: N_(
            "This heading skips a level (level %(level)s after level %(previous)s): use level"
            " %(expected)s, so people who move by headings do not miss a section."
        ),
        Code.TABLE_WITHOUT_HEADER: N_(
            "This table has no header row: screen readers cannot say which column a cell is in."
            " Write the column names in its first row."
        ),
        Code.FULL_WIDTH_ALPHANUMERIC: N_(
            "Full-width letters or digits “%(found)s”: screen readers may read them one by one"
            " and search does not find them. Write “%(suggestion)s”."
        ),
        Code.HALF_WIDTH_KATAKANA: N_(
            "Half-width katakana “%(found)s”: read wrongly by some screen readers. Write"
            " “%(suggestion)s”."
        ),
        Code.SPACED_WORD: N_(
            "Spaces inside the word “%(found)s” (for layout): screen readers read each"
            " character as a word. Write “%(suggestion)s”."
        ),
        Code.MACHINE_DEPENDENT_CHARACTER: N_(
            "“%(found)s” is a machine-dependent character: some devices show it wrongly and"
            " screen readers read it differently. Write “%(suggestion)s”."
        ),
        Code.ERA_ONLY_DATE: N_(
            "“%(found)s” is a year in the Japanese era only: foreign residents and translations"
            " need the Western year too (e.g. 2026年（令和8年）)."
        ),
        Code.LONG_SENTENCE: N_(
            "A long sentence (%(length)s characters; over %(limit)s) is often translated with"
            " parts missing: split it into shorter sentences."
        ),
        Code.DOUBLE_NEGATIVE: N_(
            "Double negative “%(found)s”: machine translation often turns it into its opposite."
            " Say it positively (e.g. 〜なければなりません → 〜してください)."
        ),
        Code.STACKED_HONORIFICS: N_(
            "%(count)s honorific or humble forms in one sentence (%(forms)s): machine translation"
            " garbles them. Use one plain polite form (です・ます)."
        ),
        Code.UNRECOGNISED_PHONE: N_(
            "“%(found)s” looks like a phone number but is not written in a form that is kept"
            " safe from translation: write it with hyphens and the area code (e.g."
            " 053-457-2111)."
        ),
        Code.UNRECOGNISED_DATE: N_(
            "“%(found)s” looks like a date or time but is not written in a form that is kept"
            " safe from translation: write it as 12月13日 or 午前9時."
        ),
    }
)

EASY_HINTS: Mapping[Rule, str] = MappingProxyType(
    {
        Rule.SENTENCE_LENGTH: N_("The sentence is long (over %(limit)s characters): split it."),
        Rule.ONE_PREDICATE: N_("More than one predicate: write one idea per sentence."),
        Rule.DOUBLE_NEGATIVE: N_(
            "Double negative: say it positively (e.g. 〜なければなりません → 〜してください)."
        ),
        Rule.HONORIFIC: N_(
            "Honorific form (尊敬語): use plain です/ます"
            " (e.g. ご注意ください → 気をつけてください)."
        ),
        Rule.HUMBLE: N_(
            "Humble form (謙譲語): use plain です/ます (e.g. ご案内します → 知らせます)."
        ),
        Rule.PASSIVE: N_(
            "Passive (or れる/られる) form: say who does it (e.g. 実施されます → 市が します)."
        ),
        Rule.CAUSATIVE: N_("Causative form (せる/させる): say it directly."),
        Rule.KATAKANA_LOANWORD: N_(
            "Katakana loanword: use a Japanese word, or explain it in brackets after it."
        ),
        Rule.TWENTY_FOUR_HOUR_TIME: N_(
            "24-hour or clock-style time: write 午前/午後 and 時 (e.g. 17:00 → 午後5時)."
        ),
        Rule.ERA_ONLY_YEAR: N_(
            "Year in the Japanese era only: add the Western year (e.g. 2025年（令和7年）)."
        ),
        Rule.KANJI_COUNT: N_("Many kanji (over %(limit)s): use fewer, or split the sentence."),
    }
)
"""The hints of the easy-Japanese (やさしい日本語) checker, by rule."""
_EASY_LIMITS: Mapping[Rule, int] = MappingProxyType(
    {Rule.SENTENCE_LENGTH: MAX_SENTENCE_CHARS, Rule.KANJI_COUNT: MAX_KANJI_PER_SENTENCE}
)

BANDS: Mapping[Band, str] = MappingProxyType(
    {
        Band.UPPER_ADVANCED: N_("upper advanced (hardest)"),
        Band.LOWER_ADVANCED: N_("lower advanced"),
        Band.UPPER_INTERMEDIATE: N_("upper intermediate"),
        Band.LOWER_INTERMEDIATE: N_("lower intermediate"),
        Band.UPPER_ELEMENTARY: N_("upper elementary"),
        Band.LOWER_ELEMENTARY: N_("lower elementary (easiest)"),
    }
)

_LIST_SEPARATOR: Mapping[StaffLanguage, str] = MappingProxyType({"ja": "、", "en": ", "})


def _gettext(message: str, language: StaffLanguage) -> str:
    return translations_for(language, domain=WORKSPACE_DOMAIN).gettext(message)


def hint(finding: Finding, language: StaffLanguage) -> str:
    """The hint for ``finding`` in ``language``, with its details in place."""
    values = {
        name: _LIST_SEPARATOR[language].join(value) if isinstance(value, tuple) else value
        for name, value in finding.details.items()
    }
    return _gettext(HINTS[finding.code], language) % values


def band_label(band: Band, language: StaffLanguage) -> str:
    return _gettext(BANDS[band], language)


def easy_hint(rule: Rule, language: StaffLanguage) -> str:
    """The hint for a broken rule of easy Japanese, in ``language``."""
    return _gettext(EASY_HINTS[rule], language) % {"limit": _EASY_LIMITS.get(rule, 0)}
