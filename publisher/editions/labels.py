"""The words a listener reads or hears in an edition besides the notices, in its language.

They come from the same gettext catalogs as the site (``locales/``), so a book says
"Contents" or 「目次」 exactly as the site would, and translators correct both in one place.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from publisher.documents import Sentence, plain_text
from publisher.editions.collect import Edition, local_day
from publisher.settings import Settings
from publisher.site.render import CATEGORY_LABELS, category_key
from translations.catalogs import N_, translations_for
from translations.locale_format import format_day

_SUMMARY = N_(
    "Every notice in this book can be heard as audio synchronised with its text, sentence by "
    "sentence. You can move by section, by notice and by sentence. Nothing in the book flashes "
    "or moves."
)
_SUMMARY_PARTIAL = N_(
    "The notices in this book that have audio can be heard synchronised with their text, "
    "sentence by sentence; the others are text only. You can move by section and by notice. "
    "Nothing in the book flashes or moves."
)
_MACHINE_TRANSLATION = N_(
    "This page was translated automatically by machine translation. It may contain errors. "
    "The Japanese original is the official version."
)


def _text(language: str, message: str, **values: object) -> str:
    return translations_for(language).gettext(message) % values


def book_identifier(city: str, edition: Edition) -> str:
    """The same city, language and period always give the same identifier: a rebuilt
    edition replaces the earlier one in a reader's library rather than sitting beside it."""
    name = f"kakehashi-edition:{city}:{edition.language}:{edition.stem}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


@dataclass(frozen=True)
class EditionLabels:
    language: str
    source_language: str
    city: str
    title: str
    contents: str
    summary: str
    contact: str
    machine_translation: str
    identifier: str
    ruby: bool
    """Whether the text carries ruby readings (Japanese, as on the site's furigana pages)."""

    def section(self, category: str) -> str:
        return _text(self.language, CATEGORY_LABELS[category_key(category)])

    def plain(self, sentence: Sentence) -> str:
        return " ".join(plain_text(sentence.pieces).split())

    def published_on(self, moment: datetime) -> str:
        day = local_day(moment)
        return _text(self.language, N_("Published %(date)s"), date=format_day(day, self.language))


def labels_for(settings: Settings, edition: Edition, ruby: bool) -> EditionLabels:
    language = edition.language
    city = settings.city_name_ja if language == "ja" else settings.city_name
    every_voiced = all(notice.audio is not None for notice in edition.notices)
    start, end = edition.start, edition.end
    return EditionLabels(
        language=language,
        source_language=settings.source_language,
        city=city,
        title=_text(
            language,
            N_("%(city)s: notices from %(start)s to %(end)s"),
            city=city,
            start=format_day(start, language),
            end=format_day(end, language),
        ),
        contents=_text(language, N_("Contents")),
        summary=_text(language, _SUMMARY if every_voiced else _SUMMARY_PARTIAL),
        contact=_text(language, N_("Contact")),
        machine_translation=_text(language, _MACHINE_TRANSLATION),
        identifier=book_identifier(city, edition),
        ruby=ruby,
    )
