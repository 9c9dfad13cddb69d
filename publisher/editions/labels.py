"""The words a listener reads or hears in an edition besides the notices, in its language.

They come from the site's UI strings (written by hand for every language), so a book says
"Contents" or 「目次」 exactly as the site would.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from publisher.documents import Sentence, plain_text
from publisher.editions.collect import Edition, local_day
from publisher.settings import Settings
from publisher.site.ui_strings import format_date, ui_text


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
        return ui_text(self.language, f"category_{category}")

    def plain(self, sentence: Sentence) -> str:
        return " ".join(plain_text(sentence.pieces).split())

    def published_on(self, moment: datetime) -> str:
        day = local_day(moment)
        return ui_text(
            self.language,
            "published_on",
            date=format_date(self.language, day.year, day.month, day.day),
        )


def labels_for(settings: Settings, edition: Edition, ruby: bool) -> EditionLabels:
    language = edition.language
    city = settings.city_name_ja if language == "ja" else settings.city_name
    every_voiced = all(notice.audio is not None for notice in edition.notices)
    start, end = edition.start, edition.end
    return EditionLabels(
        language=language,
        source_language=settings.source_language,
        city=city,
        title=ui_text(
            language,
            "edition_title",
            city=city,
            start=format_date(language, start.year, start.month, start.day),
            end=format_date(language, end.year, end.month, end.day),
        ),
        contents=ui_text(language, "edition_contents"),
        summary=ui_text(
            language,
            "edition_accessibility_summary"
            if every_voiced
            else "edition_accessibility_summary_partial",
        ),
        contact=ui_text(language, "contact"),
        machine_translation=ui_text(language, "machine_translation_notice"),
        identifier=book_identifier(city, edition),
        ruby=ruby,
    )
