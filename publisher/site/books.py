"""The talking-books page of each language: its monthly editions (EPUB 3 with read-along
audio, DAISY 2.02) to download, linked from every page's footer.

The books themselves are made by the editions job (:mod:`publisher.editions`) into the data
folder; the site links them in (hard links, like the audio), keyed by each file's stamp, so
a remade book replaces the old one in the next update and a removed one leaves the site.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from publisher.editions.shelf import Book
from publisher.site import paths
from publisher.site.render import SiteRenderer, content_key
from translations.catalogs import N_
from translations.locale_format import format_day, format_megabytes, format_month

Shelf = Mapping[str, Sequence[Book]]

TITLE = N_("Talking books")


@dataclass(frozen=True)
class Download:
    period: str
    epub_href: str
    epub_size: str
    daisy_href: str | None
    daisy_size: str | None


def period_label(book: Book, language: str) -> str:
    """The month a book covers, or its first and last day when it is not a whole month."""
    start, end = book.start, book.end
    whole_month = (
        start.day == 1
        and (start.year, start.month) == (end.year, end.month)
        and end.day == calendar.monthrange(end.year, end.month)[1]
    )
    if whole_month:
        return format_month(start.year, start.month, language)
    return f"{format_day(start, language)} – {format_day(end, language)}"


def epub_name(book: Book) -> str:
    return f"{book.stem}.epub"


def daisy_name(book: Book) -> str:
    return f"{book.stem}-daisy.zip"


def books_page(site: SiteRenderer, language: str, furigana: bool, books: Sequence[Book]) -> bytes:
    here, context = site.fixed_page(language, furigana, paths.editions_dir, TITLE)
    downloads = []
    for book in books:
        daisy = book.daisy
        downloads.append(
            Download(
                period=period_label(book, language),
                epub_href=paths.relative(here, paths.edition_file(language, epub_name(book))),
                epub_size=format_megabytes(book.epub.size, language),
                daisy_href=paths.relative(here, paths.edition_file(language, daisy_name(book)))
                if daisy is not None
                else None,
                daisy_size=format_megabytes(daisy.size, language) if daisy is not None else None,
            )
        )
    context["downloads"] = downloads
    return site.render("editions.html", context)


def book_key(book: Book) -> str:
    """Changes when the book is made again or its DAISY version comes or goes."""
    daisy = book.daisy
    return content_key(book.stem, book.epub.size, book.epub.stamp, daisy and daisy.stamp)
