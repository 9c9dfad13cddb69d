"""Where the editions' books are kept, and which books there are: read by the site's
download pages without making anything.

Books are kept in ``<data>/editions/<language>/`` as ``<start>_<end>.epub`` and
``<start>_<end>-daisy.zip`` (DAISY 2.02 only when some notice of the period has audio).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from publisher.settings import Settings

_EPUB = re.compile(r"^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.epub$")


@dataclass(frozen=True)
class ShelvedFile:
    path: Path
    size: int
    stamp: str
    """Changes whenever the book is made again (files are replaced, never rewritten)."""


@dataclass(frozen=True)
class Book:
    """One language's edition of one period, as it is on the shelf now."""

    language: str
    start: date
    end: date
    epub: ShelvedFile
    daisy: ShelvedFile | None

    @property
    def stem(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def editions_dir(settings: Settings) -> Path:
    return settings.resolved_data_dir / "editions"


def edition_paths(folder: Path, language: str, start: date, end: date) -> tuple[Path, Path]:
    stem = f"{start.isoformat()}_{end.isoformat()}"
    return folder / language / f"{stem}.epub", folder / language / f"{stem}-daisy.zip"


def _shelved(path: Path) -> ShelvedFile | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return ShelvedFile(path, status.st_size, f"{status.st_ino}-{status.st_mtime_ns}")


def books_on_shelf(settings: Settings) -> dict[str, tuple[Book, ...]]:
    """Each published language's books, newest period first (languages without any left out)."""
    folder = editions_dir(settings)
    shelf: dict[str, tuple[Book, ...]] = {}
    for language in settings.published_languages:
        books: list[Book] = []
        language_dir = folder / language
        if not language_dir.is_dir():
            continue
        for candidate in language_dir.iterdir():
            match = _EPUB.match(candidate.name)
            if match is None:
                continue  # a book being written (a dot file) or a DAISY zip
            start, end = (date.fromisoformat(part) for part in match.groups())
            epub = _shelved(candidate)
            if epub is None:
                continue  # removed while listing
            daisy = _shelved(edition_paths(folder, language, start, end)[1])
            books.append(Book(language, start, end, epub, daisy))
        if books:
            shelf[language] = tuple(sorted(books, key=lambda book: book.start, reverse=True))
    return shelf
